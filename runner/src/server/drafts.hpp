#pragma once
// Drafts: what the candidate's editor held, saved every few seconds and kept for playback in
// sessions/<id>/drafts/NNNNNN.c. A save is acknowledged only after the file is fsynced and renamed into
// place (and the directory fsynced), so kill -9 of the server never loses an acknowledged save. A draft
// never touches the session's submissions.
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "session/clock.hpp"
#include "session/paths.hpp"

namespace proctor::server {

struct Draft {
  int n = 0;
  session::Instant saved_at{};
  std::string sha256;
  std::filesystem::path file;
  std::uint64_t bytes = 0;
};

class DraftStore {
 public:
  // Stores `source` as the next draft, unless it equals the latest one (then returns that one).
  Draft save(const session::SessionFiles& files, const std::string& source, session::Instant at);
  // The latest draft's content, if any (the page reopens with it after a reload or a restart).
  std::optional<std::string> latest(const session::SessionFiles& files);
  // The newest draft's number, time and size, without reading it (the interviewer's live view polls).
  std::optional<Draft> newest(const session::SessionFiles& files);
  // Every draft, oldest first, with its hash (playback marks which drafts were submitted).
  std::vector<Draft> list(const session::SessionFiles& files);
  // Draft number n's content; nullopt when there is no such draft.
  std::optional<std::string> read(const session::SessionFiles& files, int n);

 private:
  std::mutex mutex_;  // one writer at a time; drafts are small and saves are rare
};

std::filesystem::path drafts_dir(const session::SessionFiles& files);

}  // namespace proctor::server
