#pragma once
// The bounded, fair queue of sandboxed work (sample runs and submissions). Fairness comes from a simple
// rule: a session has at most one job queued or running, so one candidate can never hold more than one
// place in line however fast they click; the line is first come, first served, submissions ahead of runs.
// Runs are also rate-limited per session (one start per `run_interval`); a refusal says how long to wait.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace proctor::server {

enum class JobKind { run, submit };

struct Admission {
  bool accepted = false;
  int retry_after_s = 0;  // when refused: how long to wait before asking again
  std::string reason;     // when refused, for people
};

class RunQueue {
 public:
  // `work` receives the index of the worker running it (each worker owns its own sandbox).
  using Work = std::function<void(unsigned worker)>;

  RunQueue(unsigned workers, std::size_t capacity, std::chrono::milliseconds run_interval);
  ~RunQueue();
  RunQueue(const RunQueue&) = delete;
  RunQueue& operator=(const RunQueue&) = delete;

  Admission enqueue(const std::string& session_id, JobKind kind, Work work);
  unsigned workers() const { return static_cast<unsigned>(threads_.size()); }

 private:
  struct Job {
    std::string session;
    Work work;
  };
  void loop(unsigned worker);

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Job> jobs_;
  std::map<std::string, bool> busy_;  // sessions with a job queued or running
  std::map<std::string, std::chrono::steady_clock::time_point> last_run_;
  std::size_t capacity_;
  std::chrono::milliseconds run_interval_;
  std::chrono::milliseconds average_job_{2000};  // for Retry-After when the line is full
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace proctor::server
