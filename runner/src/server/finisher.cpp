#include "server/finisher.hpp"

#include <iostream>

#include "proctor/runner/error.hpp"
#include "server/context.hpp"
#include "session/overview.hpp"

namespace proctor::server {

namespace stdfs = std::filesystem;

Admission enqueue_finish(Context& ctx, const std::string& id, std::optional<session::FinishOptions> options,
                         std::function<void(FinishDone)> done) {
  session::SessionFiles files{ctx.config.sessions_root / id};
  return ctx.queue->enqueue(id, JobKind::submit, [&ctx, files, options, done](unsigned worker) {
    FinishDone out;
    try {
      session::Grader grader(*ctx.sandboxes[worker]);
      out.outcome = options ? session::finish_session(files, grader, *options)
                            : session::finish_if_expired(files, grader, true);
    } catch (const runner::UserError& e) {
      out.status = 400;
      out.error = e.what();
    } catch (const std::exception& e) {
      out.status = 500;
      out.error = e.what();
    }
    if (out.outcome) ctx.hub->changed(files.dir.filename().string());  // "finished" (or a new grade)
    done(std::move(out));
  });
}

Finisher::Finisher(Context& ctx, std::chrono::milliseconds every)
    : ctx_(ctx), every_(every), thread_([this] { loop(); }) {}

Finisher::~Finisher() {
  stop();
}

void Finisher::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Finisher::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    try {
      sweep();
    } catch (const std::exception& e) {
      std::cerr << "proctor serve: finishing expired sessions: " << e.what() << "\n";
    }
    lock.lock();
    wake_.wait_for(lock, every_, [this] { return stopping_; });
  }
}

void Finisher::sweep() {
  session::Instant at = session::now();
  auto steady = std::chrono::steady_clock::now();
  std::error_code ec;
  for (const auto& entry : stdfs::directory_iterator(ctx_.config.sessions_root, ec)) {
    std::string id = entry.path().filename().string();
    if (finished_.count(id)) continue;
    if (!session::valid_id(id) || !stdfs::is_regular_file(entry.path() / "session.json", ec)) continue;
    session::Session s;
    try {
      s = session::load_session({entry.path()});
    } catch (const std::exception&) {
      continue;  // `proctor session list` names broken sessions; nothing to grade here
    }
    if (s.finished) finished_.insert(id);
    if (session::state_name(s, at) != "expired") continue;
    {
      std::lock_guard lock(mutex_);
      auto it = retry_after_.find(id);
      if (it != retry_after_.end() && steady < it->second) continue;
    }
    // Refused (the session's own job is running, or the line is full): the next sweep asks again.
    enqueue_finish(ctx_, id, std::nullopt, [this, id](FinishDone done) {
      if (done.outcome || done.error.empty()) return;  // finished, or extended meanwhile
      std::cerr << "proctor serve: session " << id << " could not be finished at its deadline: " << done.error
                << "\n";
      std::lock_guard lock(mutex_);
      retry_after_[id] = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    });
  }
}

}  // namespace proctor::server
