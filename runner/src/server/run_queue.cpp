#include "server/run_queue.hpp"

#include <algorithm>

namespace proctor::server {

RunQueue::RunQueue(unsigned workers, std::size_t capacity, std::chrono::milliseconds run_interval)
    : capacity_(capacity), run_interval_(run_interval) {
  for (unsigned i = 0; i < std::max(1u, workers); ++i) threads_.emplace_back([this, i] { loop(i); });
}

RunQueue::~RunQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (auto& t : threads_) t.join();
}

Admission RunQueue::enqueue(const std::string& session_id, JobKind kind, Work work) {
  using namespace std::chrono;
  std::lock_guard lock(mutex_);
  Admission a;
  auto seconds_for = [](milliseconds ms) {
    return static_cast<int>(std::max<long long>(1, (ms.count() + 999) / 1000));
  };
  if (busy_[session_id]) {
    a.retry_after_s = seconds_for(average_job_);
    a.reason = "your previous run is still in progress";
    return a;
  }
  auto now = steady_clock::now();
  if (kind == JobKind::run) {
    auto last = last_run_.find(session_id);
    if (last != last_run_.end() && now - last->second < run_interval_) {
      a.retry_after_s = seconds_for(duration_cast<milliseconds>(run_interval_ - (now - last->second)));
      a.reason = "runs are limited to one every " + std::to_string(seconds_for(run_interval_)) + " s";
      return a;
    }
  }
  if (jobs_.size() >= capacity_) {
    a.retry_after_s = seconds_for(average_job_ * static_cast<long>(jobs_.size() / threads_.size() + 1));
    a.reason = "the server is busy";
    return a;
  }
  if (kind == JobKind::run) last_run_[session_id] = now;
  busy_[session_id] = true;
  Job job{session_id, std::move(work)};
  if (kind == JobKind::submit) {
    jobs_.push_front(std::move(job));
  } else {
    jobs_.push_back(std::move(job));
  }
  a.accepted = true;
  ready_.notify_one();
  return a;
}

void RunQueue::loop(unsigned worker) {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    auto start = std::chrono::steady_clock::now();
    try {
      job.work(worker);
    } catch (...) {
      // The work answers its own client; nothing may escape a worker thread.
    }
    auto took =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    std::lock_guard lock(mutex_);
    busy_.erase(job.session);
    average_job_ = (average_job_ * 7 + took) / 8;
  }
}

}  // namespace proctor::server
