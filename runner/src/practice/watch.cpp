#include "practice/watch.hpp"

#include <csignal>
#include <ctime>
#include <ostream>

#include "proctor/runner/error.hpp"
#include "report/escape.hpp"
#include "session/file_watch.hpp"

namespace proctor::practice {
namespace {

using namespace std::chrono_literals;

volatile std::sig_atomic_t g_stop = 0;

void on_stop_signal(int) {
  g_stop = 1;
}

// Ctrl-C ends watching between runs, so temporary directories are removed and the terminal is left
// clean; the previous handlers come back afterwards.
class StopSignals {
 public:
  StopSignals() {
    g_stop = 0;
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int_);
    sigaction(SIGTERM, &sa, &old_term_);
  }
  ~StopSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  bool stop() const { return g_stop != 0; }

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

std::string time_of_day() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%H:%M:%S", &tm);
  return buf;
}

}  // namespace

int watch_and_run(const std::filesystem::path& file, const std::function<std::string()>& run,
                  const WatchOptions& options, std::ostream& out) {
  const std::filesystem::path dir = file.parent_path().empty() ? "." : file.parent_path();
  session::FileWatch watch(dir, file.filename().string());
  StopSignals signals;
  int runs = 0;
  auto run_once = [&] {
    ++runs;
    std::string screen;
    try {
      screen = run();
    } catch (const runner::UserError& e) {
      screen = std::string("cannot run: ") + report::clean_text(e.what()) + "\n";
    }
    if (options.terminal)
      out << "\033[H\033[2J";
    else if (runs > 1)
      out << "\n";
    out << "run " << runs << " at " << time_of_day() << ", watching " << report::clean_text(file.string())
        << " (save to run again, Ctrl-C to stop)\n"
        << screen << std::flush;
  };
  run_once();
  bool pending = false;
  std::chrono::steady_clock::time_point last_event{};
  while (!signals.stop()) {
    const session::FileWatch::Event ev = watch.wait(pending ? session::kQuietAfterSave : 250ms);
    if (ev == session::FileWatch::Event::directory_gone) {
      throw runner::UserError(dir, "was deleted or moved; stopped watching");
    }
    if (ev == session::FileWatch::Event::saved) {
      pending = true;
      last_event = std::chrono::steady_clock::now();
      continue;
    }
    if (pending && std::chrono::steady_clock::now() - last_event >= session::kQuietAfterSave) {
      pending = false;
      run_once();
    }
  }
  out << "\nstopped watching\n" << std::flush;
  return 0;
}

}  // namespace proctor::practice
