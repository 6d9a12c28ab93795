#include "session/watch.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ostream>
#include <string>

#include "fs/read_file.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/runner/exercise.hpp"
#include "report/escape.hpp"
#include "session/duration.hpp"
#include "session/feedback.hpp"
#include "session/file_watch.hpp"
#include "session/submit.hpp"

namespace proctor::session {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

class Watcher {
 public:
  Watcher(const SessionFiles& files, const WatchOptions& options, std::ostream& out)
      : files_(files), options_(options), out_(out) {}

  int run() {
    Session s = load_session(files_);
    if (s.finished || s.expired(now())) {
      emit_end(s.finished ? "finished" : "deadline", "This session has already ended; nothing is watched.");
      return 1;
    }
    std::error_code ec;
    if (!std::filesystem::is_directory(files_.workspace(), ec)) {
      throw runner::UserError(files_.workspace(), "the workspace is missing");
    }
    if (!s.submissions.empty()) last_sha_ = s.submissions.back().sha256;
    FileWatch inotify(files_.workspace(), files_.solution().filename().string());
    emit_start(s);
    bool pending = false;
    // The quiet period after a save is a pause, not a time of day: measured on the steady clock, so a
    // test's frozen session clock (PROCTOR_CLOCK_FILE) cannot stretch it.
    std::chrono::steady_clock::time_point last_event{};
    for (;;) {
      FileWatch::Event ev = inotify.wait(pending ? kQuietAfterSave : 250ms);
      if (ev == FileWatch::Event::directory_gone) {
        clear_countdown();
        throw runner::UserError(files_.workspace(), "the workspace was deleted or moved; stopped watching");
      }
      if (ev == FileWatch::Event::saved) {
        pending = true;
        last_event = std::chrono::steady_clock::now();
        continue;
      }
      // A save seen just before the deadline is still submitted (submit() decides whether it was late).
      if (pending && std::chrono::steady_clock::now() - last_event >= kQuietAfterSave) {
        pending = false;
        submit_saved();
      }
      s = load_session(files_);
      if (s.finished) {
        emit_end("finished", "The session is finished. Thank you!");
        return 0;
      }
      if (s.expired(now())) {
        emit_end("deadline",
                 "Time is up. Your last submission before the deadline will be graded. Thank you!");
        return 0;
      }
      draw_countdown(s);
    }
  }

 private:
  void submit_saved() {
    std::string content;
    try {
      content = fs::read_file(files_.solution(), 1 << 20);
    } catch (const runner::UserError& e) {
      emit_error(e.what());
      return;
    }
    if (runner::sha256_hex(content) == last_sha_) return;  // saved without a change: nothing new to grade
    try {
      SubmitOutcome outcome = submit(files_, files_.solution(), grader_);
      last_sha_ = outcome.entry.sha256;
      if (options_.json) {
        json j = submit_json(outcome);
        j["event"] = "submission";
        out_ << j.dump() << std::endl;
      } else {
        clear_countdown();
        out_ << "\n" << submit_text(outcome, options_.color) << std::flush;
      }
    } catch (const runner::UserError& e) {
      last_sha_ = runner::sha256_hex(content);  // do not retry the same content on every tick
      emit_error(e.what());
    } catch (const std::exception& e) {
      emit_error(std::string("internal error: ") + e.what());
    }
  }

  void emit_start(const Session& s) {
    if (options_.json) {
      out_ << json{{"event", "start"},
                   {"id", s.id},
                   {"deadline", to_iso(s.deadline)},
                   {"remaining_ms", (s.deadline - now()).count()}}
                  .dump()
           << std::endl;
      return;
    }
    out_ << "Session " << s.id << ": " << report::clean_text(s.exercise_title) << "\n"
         << "Edit " << files_.solution().string() << "; every save is submitted and the sample tests run.\n"
         << "Deadline: " << local_time_of_day(s.deadline) << " (" << format_duration(s.deadline - now())
         << " from now). Press Ctrl-C to stop watching (the session goes on).\n"
         << std::flush;
  }

  void emit_end(const std::string& reason, const std::string& text) {
    if (options_.json) {
      out_ << json{{"event", "end"}, {"reason", reason}}.dump() << std::endl;
    } else {
      clear_countdown();
      out_ << "\n" << text << std::endl;
    }
  }

  void emit_error(const std::string& message) {
    if (options_.json) {
      out_ << json{{"event", "error"}, {"message", message}}.dump() << std::endl;
    } else {
      clear_countdown();
      out_ << "\nNot submitted: " << report::clean_text(message) << std::endl;
    }
  }

  // On a terminal the countdown redraws one line in place; elsewhere (a pipe, a log) it prints a line
  // once a minute so the log is not flooded.
  void draw_countdown(const Session& s) {
    if (options_.json) return;
    auto left = s.deadline - now();
    std::string clock = format_clock(left);
    if (clock == last_clock_) return;
    last_clock_ = clock;
    std::string line = "Time left " + clock + " | submissions " + std::to_string(s.submissions.size());
    if (!s.submissions.empty() && s.submissions.back().verdict) {
      const Submission& last = s.submissions.back();
      line += " | last: " + std::to_string(last.sample_passed.value_or(0)) + "/" +
              std::to_string(last.sample_total.value_or(0)) + " samples " +
              std::string(runner::to_string(*last.verdict));
    }
    if (options_.color) {
      out_ << "\r\033[K" << line << std::flush;
      countdown_shown_ = true;
    } else if (clock.size() >= 3 && clock.substr(clock.size() - 3) == ":00") {
      out_ << line << std::endl;
    }
  }

  void clear_countdown() {
    if (options_.color && countdown_shown_) out_ << "\r\033[K" << std::flush;
    countdown_shown_ = false;
    last_clock_.clear();
  }

  const SessionFiles& files_;
  WatchOptions options_;
  std::ostream& out_;
  Grader grader_;
  std::string last_sha_;
  std::string last_clock_;
  bool countdown_shown_ = false;
};

}  // namespace

int watch_session(const SessionFiles& files, const WatchOptions& options, std::ostream& out) {
  return Watcher(files, options, out).run();
}

}  // namespace proctor::session
