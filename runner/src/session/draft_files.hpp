#pragma once
// Reading the drafts a session served by `proctor serve` keeps for playback (sessions/<id>/drafts/,
// written by server/drafts.cpp): NNNNNN-<instant with ':' as '-'>.c, the number ordering them. The
// session layer only reads them: for the grading warnings ("a later draft differs") and the report.
#include <cstdint>
#include <filesystem>
#include <vector>

#include "session/paths.hpp"
#include "session/session.hpp"

namespace proctor::session {

struct DraftFile {
  int n = 0;
  Instant saved_at{};  // from the name; the epoch when the name holds no instant
  std::filesystem::path file;
  std::uint64_t bytes = 0;
};

// Oldest first; empty when the session has no drafts directory. Odd names are skipped.
std::vector<DraftFile> list_draft_files(const SessionFiles& files);

}  // namespace proctor::session
