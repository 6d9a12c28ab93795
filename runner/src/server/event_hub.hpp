#pragma once
// Live updates: the open Server-Sent Events streams of every session, fed from the session layer's change
// feed (session/changes.hpp), the one place that decides what changed. A session's streams are brought
// up to date (a) at once when the server itself changed the session (a save, a run, a submission, an
// extension, a note, a finish: the handler calls changed()), and (b) by a check every second of the
// sessions that have streams: session.json replaced (`proctor session extend|note|finish|submit` on the
// same directory) or the deadline reached (time up). One thread does (b) and the heartbeats for every
// stream; no thread is held per stream (the listener writes asynchronously).
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>

#include "server/http.hpp"
#include "session/changes.hpp"

namespace proctor::server {

struct StreamLimits {
  std::size_t per_session = 8;  // per audience: an interviewer's tabs, and the candidate's, each
  std::size_t total = 256;      // well under the listener's 1024 connections
  std::chrono::milliseconds heartbeat{15000};  // a comment line, so proxies keep an idle stream open
  std::chrono::milliseconds check_every{1000};
  std::chrono::milliseconds retry{3000};  // the SSE `retry:` a client waits before reconnecting
};

class EventHub {
 public:
  EventHub(std::filesystem::path sessions_root, StreamLimits limits);
  ~EventHub();
  EventHub(const EventHub&) = delete;
  EventHub& operator=(const EventHub&) = delete;

  struct Subscriber;
  struct Admission {
    std::shared_ptr<Subscriber> subscriber;  // null: refused
    int status = 200;                        // 429 (this session's streams) or 503 (all streams)
    std::string error;
    long retry_after_s = 0;
  };
  // Takes a place for a new stream of session `id`, resuming after `from` (the client's Last-Event-ID)
  // or, without one, starting from the session as it is now.
  Admission reserve(const std::string& id, session::Audience who, std::optional<session::Cursor> from);
  // The text/event-stream answer for a reserved place: `retry:`, the events since its cursor, then a
  // "ready" event; after that every change as it happens.
  Response stream_response(const std::shared_ptr<Subscriber>& subscriber);

  // The session's stored state changed: its streams get the new events now.
  void changed(const std::string& id);
  // An event that is not stored (a run started): to the session's interviewer streams, without an id.
  void transient(const std::string& id, const std::string& type, const nlohmann::json& data);

  std::size_t open_streams() const;
  // Ends every stream and the checking thread (the server is stopping).
  void stop();

 private:
  struct Entry;
  void attach(const std::shared_ptr<Subscriber>& subscriber, std::shared_ptr<Stream> stream);
  void release(const std::shared_ptr<Subscriber>& subscriber);
  void check(const std::string& id, Entry& entry);
  void loop();

  std::filesystem::path root_;
  StreamLimits limits_;
  mutable std::mutex mutex_;  // sessions_, their subscriber lists, total_, stopping_
  std::condition_variable wake_;
  std::map<std::string, std::shared_ptr<Entry>> sessions_;
  std::size_t total_ = 0;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace proctor::server
