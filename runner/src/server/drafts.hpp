#pragma once
// Drafts: what the candidate's editor held, saved every few seconds and kept for playback in
// sessions/<id>/drafts/NNNNNN.c. A save is acknowledged only after the file is fsynced and renamed into
// place (and the directory fsynced), so kill -9 of the server never loses an acknowledged save. A draft
// never touches the session's submissions.
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>

#include "session/clock.hpp"
#include "session/paths.hpp"

namespace proctor::server {

struct Draft {
  int n = 0;
  session::Instant saved_at{};
  std::string sha256;
  std::filesystem::path file;
};

class DraftStore {
 public:
  // Stores `source` as the next draft, unless it equals the latest one (then returns that one).
  Draft save(const session::SessionFiles& files, const std::string& source, session::Instant at);
  // The latest draft's content, if any (the page reopens with it after a reload or a restart).
  std::optional<std::string> latest(const session::SessionFiles& files);

 private:
  std::mutex mutex_;  // one writer at a time; drafts are small and saves are rare
};

std::filesystem::path drafts_dir(const session::SessionFiles& files);

}  // namespace proctor::server
