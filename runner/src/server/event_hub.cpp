#include "server/event_hub.hpp"

#include <sys/stat.h>

#include <iostream>
#include <vector>

#include "server/context.hpp"
#include "session/overview.hpp"

namespace proctor::server {

using nlohmann::json;

struct EventHub::Subscriber {
  std::string id;
  session::Audience who = session::Audience::interviewer;
  std::optional<session::Cursor> from;  // none: start from the state at attach
  session::Cursor cursor;               // touched under the entry's check mutex only
  std::shared_ptr<Stream> stream;       // set once the head is written; guarded by the hub's mutex
};

struct EventHub::Entry {
  std::vector<std::shared_ptr<Subscriber>> subscribers;  // the hub's mutex
  std::mutex check_mutex;  // one check at a time per session, so each stream's events stay in order
  // What the last check saw (check_mutex): session.json's identity, the deadline and whether it had passed.
  struct timespec mtime {};
  ino_t inode = 0;
  off_t size = -1;
  session::Instant deadline{};
  bool time_up = false;
  bool observed = false;
};

namespace {

std::string frame(const std::string& id, const std::string& type, const json& data) {
  std::string out;
  if (!id.empty()) out += "id: " + id + "\n";
  out += "event: " + type + "\n";
  // One line of JSON (dump escapes newlines), so one data: field holds it.
  out += "data: " + data.dump(-1, ' ', false, json::error_handler_t::replace) + "\n\n";
  return out;
}

struct FileIdentity {
  struct timespec mtime {};
  ino_t inode = 0;
  off_t size = -1;
};

FileIdentity identity_of(const std::filesystem::path& file) {
  struct stat st {};
  FileIdentity f;
  if (::stat(file.c_str(), &st) == 0) {
    f.mtime = st.st_mtim;
    f.inode = st.st_ino;
    f.size = st.st_size;
  }
  return f;
}

}  // namespace

EventHub::EventHub(std::filesystem::path sessions_root, StreamLimits limits)
    : root_(std::move(sessions_root)), limits_(limits), thread_([this] { loop(); }) {}

EventHub::~EventHub() {
  stop();
}

void EventHub::stop() {
  std::vector<std::shared_ptr<Subscriber>> all;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    for (auto& [id, entry] : sessions_)
      for (auto& s : entry->subscribers) all.push_back(s);
    sessions_.clear();
    total_ = 0;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  for (auto& s : all) {
    std::shared_ptr<Stream> stream;
    {
      std::lock_guard lock(mutex_);
      stream = std::move(s->stream);  // the stream's hooks hold the subscriber: break the cycle
    }
    if (stream) stream->close();
  }
}

EventHub::Admission EventHub::reserve(const std::string& id, session::Audience who,
                                      std::optional<session::Cursor> from) {
  Admission a;
  long retry_s = std::max<long>(1, static_cast<long>(limits_.retry.count() / 1000));
  std::lock_guard lock(mutex_);
  if (stopping_) {
    a.status = 503;
    a.error = "the server is stopping; connect again in a moment";
    a.retry_after_s = retry_s;
    return a;
  }
  auto& entry = sessions_[id];
  if (!entry) entry = std::make_shared<Entry>();
  // Counted per audience: a candidate opening streams in a loop never locks the interviewer out.
  std::size_t same = 0;
  for (const auto& s : entry->subscribers) same += s->who == who ? 1 : 0;
  if (same >= limits_.per_session) {
    if (entry->subscribers.empty()) sessions_.erase(id);
    a.status = 429;
    a.error = "this session already has " + std::to_string(limits_.per_session) +
              " live streams open here; close one (another tab?) or wait " + std::to_string(retry_s) + " s";
    a.retry_after_s = retry_s;
    return a;
  }
  if (total_ >= limits_.total) {
    if (entry->subscribers.empty()) sessions_.erase(id);
    a.status = 503;
    a.error = "the server has " + std::to_string(limits_.total) + " live streams open; wait " +
              std::to_string(retry_s) + " s (the page keeps updating every few seconds meanwhile)";
    a.retry_after_s = retry_s;
    return a;
  }
  auto s = std::make_shared<Subscriber>();
  s->id = id;
  s->who = who;
  s->from = from;
  entry->subscribers.push_back(s);
  ++total_;
  a.subscriber = s;
  return a;
}

Response EventHub::stream_response(const std::shared_ptr<Subscriber>& subscriber) {
  Response r;
  r.status = 200;
  r.headers["Content-Type"] = "text/event-stream; charset=utf-8";
  r.headers["X-Accel-Buffering"] = "no";  // nginx: pass each event on at once
  r.body = "retry: " + std::to_string(limits_.retry.count()) + "\n\n";
  r.stream = std::make_shared<StreamHooks>();
  r.stream->opened = [this, subscriber](std::shared_ptr<Stream> stream) {
    attach(subscriber, std::move(stream));
  };
  r.stream->closed = [this, subscriber] { release(subscriber); };
  return r;
}

void EventHub::attach(const std::shared_ptr<Subscriber>& subscriber, std::shared_ptr<Stream> stream) {
  std::shared_ptr<Entry> entry;
  {
    std::lock_guard lock(mutex_);
    auto it = sessions_.find(subscriber->id);
    if (stopping_ || it == sessions_.end()) {
      stream->close();
      return;
    }
    entry = it->second;
  }
  std::lock_guard check_lock(entry->check_mutex);
  session::SessionFiles files{root_ / subscriber->id};
  std::string out;
  try {
    session::Observed now = session::observe(files);
    session::Cursor target = session::cursor_of(now);
    if (subscriber->from) {
      for (const session::Change& c : session::changes_since(*subscriber->from, now, subscriber->who))
        out += frame(session::format_cursor(c.after, subscriber->who), c.type, c.data);
    }
    subscriber->cursor = target;
    std::string state = session::state_name(now.session, now.at);
    out += frame(session::format_cursor(target, subscriber->who), "ready",
                 json{{"state", state},
                      {"now", session::to_iso(now.at)},
                      {"deadline", session::to_iso(now.session.deadline)},
                      {"remaining_ms", state == "open" ? (now.session.deadline - now.at).count() : 0}});
  } catch (const std::exception& e) {
    std::cerr << "proctor serve: live stream of session " << subscriber->id << ": " << e.what() << "\n";
    stream->close();
    return;
  }
  stream->send(std::move(out));
  std::lock_guard lock(mutex_);
  subscriber->stream = std::move(stream);
}

void EventHub::release(const std::shared_ptr<Subscriber>& subscriber) {
  std::lock_guard lock(mutex_);
  subscriber->stream.reset();
  auto it = sessions_.find(subscriber->id);
  if (it == sessions_.end()) return;
  auto& subs = it->second->subscribers;
  for (auto s = subs.begin(); s != subs.end(); ++s) {
    if (*s != subscriber) continue;
    subs.erase(s);
    --total_;
    break;
  }
  if (subs.empty()) sessions_.erase(it);
}

std::size_t EventHub::open_streams() const {
  std::lock_guard lock(mutex_);
  return total_;
}

void EventHub::changed(const std::string& id) {
  std::shared_ptr<Entry> entry;
  {
    std::lock_guard lock(mutex_);
    auto it = sessions_.find(id);
    if (it == sessions_.end()) return;  // nobody is listening: nothing to read
    entry = it->second;
  }
  check(id, *entry);
}

void EventHub::check(const std::string& id, Entry& entry) {
  std::lock_guard check_lock(entry.check_mutex);
  session::SessionFiles files{root_ / id};
  FileIdentity before = identity_of(files.session_json());
  session::Observed now;
  try {
    now = session::observe(files);
  } catch (const std::exception& e) {
    return;  // torn or removed: the next check tries again (session.json is replaced atomically)
  }
  entry.mtime = before.mtime;
  entry.inode = before.inode;
  entry.size = before.size;
  entry.deadline = now.session.deadline;
  entry.time_up = now.session.expired(now.at);
  entry.observed = true;
  session::Cursor target = session::cursor_of(now);
  std::vector<std::shared_ptr<Subscriber>> subs;
  {
    std::lock_guard lock(mutex_);
    for (auto& s : entry.subscribers)
      if (s->stream) subs.push_back(s);
  }
  for (auto& s : subs) {
    std::string out;
    for (const session::Change& c : session::changes_since(s->cursor, now, s->who))
      out += frame(session::format_cursor(c.after, s->who), c.type, c.data);
    s->cursor = target;
    if (out.empty()) continue;
    std::shared_ptr<Stream> stream;
    {
      std::lock_guard lock(mutex_);
      stream = s->stream;
    }
    if (stream) stream->send(std::move(out));
  }
}

void EventHub::transient(const std::string& id, const std::string& type, const json& data) {
  std::string out = frame("", type, data);
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return;
  for (auto& s : it->second->subscribers)
    if (s->stream && s->who == session::Audience::interviewer) s->stream->send(out);
}

void EventHub::loop() {
  auto next_heartbeat = std::chrono::steady_clock::now() + limits_.heartbeat;
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, limits_.check_every, [this] { return stopping_; });
    if (stopping_) break;
    std::vector<std::pair<std::string, std::shared_ptr<Entry>>> entries(sessions_.begin(), sessions_.end());
    bool beat = std::chrono::steady_clock::now() >= next_heartbeat;
    if (beat) {
      next_heartbeat = std::chrono::steady_clock::now() + limits_.heartbeat;
      for (auto& [id, entry] : entries)
        for (auto& s : entry->subscribers)
          if (s->stream) s->stream->send(": keep-alive\n\n");
    }
    lock.unlock();
    session::Instant at = session::now();
    for (auto& [id, entry] : entries) {
      bool due;
      {
        std::lock_guard check_lock(entry->check_mutex);
        FileIdentity f = identity_of(root_ / id / "session.json");
        due = !entry->observed || f.inode != entry->inode || f.size != entry->size ||
              f.mtime.tv_sec != entry->mtime.tv_sec || f.mtime.tv_nsec != entry->mtime.tv_nsec ||
              entry->time_up != (at >= entry->deadline);
      }
      if (!due) continue;
      try {
        check(id, *entry);
      } catch (const std::exception& e) {
        std::cerr << "proctor serve: live stream of session " << id << ": " << e.what() << "\n";
      }
    }
    lock.lock();
  }
}

}  // namespace proctor::server
