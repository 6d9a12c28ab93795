#include "session/draft_files.hpp"

#include <algorithm>

namespace proctor::session {
namespace {

namespace stdfs = std::filesystem;

// "000003-2030-01-01T10-00-03.000Z" -> 2030-01-01T10:00:03.000Z.
Instant draft_instant(std::string stamp) {
  std::size_t t = stamp.find('T');
  for (std::size_t i = t == std::string::npos ? stamp.size() : t; i < stamp.size(); ++i) {
    if (stamp[i] == '-') stamp[i] = ':';
  }
  try {
    return from_iso(stamp);
  } catch (const std::exception&) {
    return Instant{};
  }
}

}  // namespace

std::vector<DraftFile> list_draft_files(const SessionFiles& files) {
  std::vector<DraftFile> out;
  std::error_code ec;
  for (const auto& entry : stdfs::directory_iterator(files.dir / "drafts", ec)) {
    std::string stem = entry.path().stem().string();
    if (entry.path().extension() != ".c" || stem.size() < 8 || stem[6] != '-') continue;
    if (stem.substr(0, 6).find_first_not_of("0123456789") != std::string::npos) continue;
    if (!entry.is_regular_file(ec)) continue;
    DraftFile d;
    d.n = std::stoi(stem.substr(0, 6));
    d.saved_at = draft_instant(stem.substr(7));
    d.file = entry.path();
    d.bytes = entry.file_size(ec);
    out.push_back(d);
  }
  std::sort(out.begin(), out.end(), [](const DraftFile& a, const DraftFile& b) { return a.n < b.n; });
  return out;
}

}  // namespace proctor::session
