#pragma once
// The server finishes (grades) every session whose deadline has passed by itself, within a couple of
// seconds, instead of waiting for someone to look at it: the interviewer's dashboard then shows a
// verdict, and the report exists, without anyone running `proctor session finish`.
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace proctor::server {

struct Context;

class Finisher {
 public:
  Finisher(Context& ctx, std::chrono::milliseconds every);
  ~Finisher();
  // Stops sweeping and joins the thread: called before the run queue goes, while queued finishes may
  // still call back into this object (so the object itself outlives the queue).
  void stop();
  Finisher(const Finisher&) = delete;
  Finisher& operator=(const Finisher&) = delete;

 private:
  void loop();
  void sweep();

  Context& ctx_;
  std::chrono::milliseconds every_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  // A session whose finish failed (say, a tampered package) is tried again only after a while, so one
  // broken session does not fill the log every second.
  std::map<std::string, std::chrono::steady_clock::time_point> retry_after_;
  // Sessions seen finished: a finish is final (a re-grade keeps it finished), so their session.json is
  // not read again every second. Touched by the sweeping thread only.
  std::set<std::string> finished_;
  std::thread thread_;
};

}  // namespace proctor::server
