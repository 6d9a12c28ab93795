// The candidate's API, behind the candidate token (app.cpp maps it to one session). Serves only what a
// candidate may see of the package: statement, starter, public headers and the sample tests.
#include <algorithm>
#include <fstream>
#include <iostream>

#include "fs/atomic_write.hpp"
#include "fs/read_file.hpp"
#include "proctor/runner/custom_run.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/runner/grade.hpp"
#include "proctor/runner/result_json.hpp"
#include "server/context.hpp"
#include "server/statement.hpp"
#include "session/feedback.hpp"
#include "session/overview.hpp"
#include "session/paths.hpp"
#include "session/run_log.hpp"
#include "session/submit.hpp"

namespace proctor::server {
namespace {

using nlohmann::json;
namespace stdfs = std::filesystem;

constexpr std::uint64_t kMaxShownSampleBytes = 64 * 1024;

struct Loaded {
  session::SessionFiles files;
  session::Session s;
  session::Instant at{};
  bool read_only() const { return session::state_name(s, at) != "open"; }
};

Loaded load(const Context& ctx, const std::string& id) {
  Loaded l{{ctx.config.sessions_root / id}, {}, {}};
  l.s = session::load_session(l.files);
  l.at = session::now();
  return l;
}

json state_json(const Loaded& l) {
  json submissions = json::array();
  for (const session::Submission& e : l.s.submissions) submissions.push_back(submission_summary(e));
  std::string state = session::state_name(l.s, l.at);
  return json{{"state", state},
              {"read_only", state != "open"},
              {"now", session::to_iso(l.at)},
              {"started_at", session::to_iso(l.s.started_at)},
              {"deadline", session::to_iso(l.s.deadline)},
              {"remaining_ms", state == "open" ? (l.s.deadline - l.at).count() : 0},
              {"submissions", submissions}};
}

// {"source": "..."} -> the source, or an error answer.
std::optional<std::string> source_of(const Request& request, const Reply& reply) {
  json body = json::parse(request.body, nullptr, false);
  if (!body.is_object() || !body.contains("source") || !body["source"].is_string()) {
    reply(error_response(400, "the body must be a JSON object with \"source\" (string)"));
    return std::nullopt;
  }
  std::string source = body["source"];
  if (source.size() > kMaxSourceBytes) {
    reply(error_response(413, "the source is larger than 256 KiB"));
    return std::nullopt;
  }
  if (source.find('\0') != std::string::npos) {
    reply(error_response(400, "the source contains NUL bytes"));
    return std::nullopt;
  }
  return source;
}

Response read_only_response(const Loaded& l) {
  json j = state_json(l);
  j["error"] = l.s.finished ? "the session is finished; the page is read-only"
                            : "the deadline has passed; the page is read-only";
  return json_response(409, j);
}

Response busy_response(const Admission& a) {
  Response r =
      json_response(429, json{{"error", a.reason + "; wait " + std::to_string(a.retry_after_s) + " s"},
                              {"retry_after_s", a.retry_after_s}});
  r.headers["Retry-After"] = std::to_string(a.retry_after_s);
  return r;
}

std::string bounded_text(const stdfs::path& file) {
  fs::Prefix p = fs::read_prefix(file, kMaxShownSampleBytes);
  return p.truncated() ? p.bytes + "\n[... cut at 64 KiB]\n" : p.bytes;
}

// Keeps what ran as a draft (playback shows the code of every run) and the run's outcome in the run log
// (the interviewer's live view and timeline). Neither is ever a submission. A failure to record is
// logged, not the candidate's problem: their answer still comes.
void record_run(Context& ctx, const session::SessionFiles& files, const std::string& source,
                runner::RunRecord record) {
  try {
    record.draft = ctx.drafts.save(files, source, record.at).n;
    session::append_run(files, record);
    ctx.hub->changed(files.dir.filename().string());
  } catch (const std::exception& e) {
    std::cerr << "proctor serve: could not record a run of session " << files.dir.filename().string() << ": "
              << e.what() << "\n";
  }
}

// The interviewer's live view shows a run from the moment the sandbox takes it (not stored: the run's
// record, when it ends, is).
void run_started(Context& ctx, const std::string& id, const char* kind, session::Instant asked) {
  ctx.hub->transient(
      id, "run_started",
      json{{"kind", kind}, {"asked_at", session::to_iso(asked)}, {"now", session::to_iso(session::now())}});
}

}  // namespace

void candidate_state(Context& ctx, const std::string& id, const Request&, const Reply& reply) {
  reply(json_response(200, state_json(load(ctx, id))));
}

void candidate_session(Context& ctx, const std::string& id, const Request&, const Reply& reply) {
  Loaded l = load(ctx, id);
  auto exercise = ctx.exercise(l.files, l.s);
  json j = state_json(l);
  j["id"] = l.s.id;
  j["candidate"] = l.s.candidate;
  j["exercise"] = json{{"id", exercise->id},
                       {"title", exercise->title},
                       {"kind", exercise->kind == runner::ExerciseKind::function ? "function" : "program"},
                       {"time_ms", exercise->limits.time_ms},
                       {"memory_mb", exercise->limits.memory_mb}};
  j["statement_html"] =
      exercise->statement.empty() ? "" : render_markdown(fs::read_file(exercise->statement, 1 << 20));
  j["starter"] = exercise->starter.empty() ? "" : fs::read_file(exercise->starter, kMaxSourceBytes);
  json includes = json::array();
  std::error_code ec;
  if (!exercise->include_dir.empty()) {
    std::vector<stdfs::path> headers;
    for (const auto& entry : stdfs::directory_iterator(exercise->include_dir, ec)) {
      // Public headers only: the harness source beside them is how tests are driven, not the exercise.
      if (entry.is_regular_file(ec) && !entry.is_symlink(ec) && entry.path().extension() == ".h")
        headers.push_back(entry.path());
    }
    std::sort(headers.begin(), headers.end());
    for (const auto& h : headers)
      includes.push_back(json{{"name", h.filename().string()}, {"content", bounded_text(h)}});
  }
  j["includes"] = includes;
  json samples = json::array();
  for (const runner::TestCase& t : exercise->samples) {
    samples.push_back(
        json{{"name", t.name}, {"input", bounded_text(t.input)}, {"answer", bounded_text(t.answer)}});
  }
  j["samples"] = samples;
  std::optional<std::string> draft = ctx.drafts.latest(l.files);
  j["draft"] = draft ? json(*draft) : json(nullptr);
  reply(json_response(200, j));
}

void candidate_save(Context& ctx, const std::string& id, const Request& request, const Reply& reply) {
  std::optional<std::string> source = source_of(request, reply);
  if (!source) return;
  Loaded l = load(ctx, id);
  if (l.read_only()) return reply(read_only_response(l));
  Draft d = ctx.drafts.save(l.files, *source, l.at);
  ctx.hub->changed(id);
  reply(
      json_response(200, json{{"n", d.n}, {"saved_at", session::to_iso(d.saved_at)}, {"sha256", d.sha256}}));
}

void candidate_run(Context& ctx, const std::string& id, const Request& request, const Reply& reply) {
  std::optional<std::string> source = source_of(request, reply);
  if (!source) return;
  Loaded l = load(ctx, id);
  if (l.read_only()) return reply(read_only_response(l));
  auto exercise = ctx.exercise(l.files, l.s);
  session::Instant asked = l.at;
  Admission a = ctx.queue->enqueue(
      id, JobKind::run,
      [&ctx, id, files = l.files, asked, exercise, source = *source, reply](unsigned worker) {
        run_started(ctx, id, "samples", asked);
        try {
          stdfs::path file = ctx.scratch / (id + "-" + std::to_string(worker) + ".c");
          fs::atomic_write(file, source);
          runner::GradeOptions options;
          options.tests = runner::TestSelection::sample;
          options.jobs = 1;  // the workers already fill the cores; one run never takes them all
          options.submission_name = session::kSolutionName;  // not the scratch file's name
          runner::GradeResult result = runner::grade(*ctx.sandboxes[worker], *exercise, file, options);
          runner::SampleCount count = runner::count_samples(result);
          json tests = json::array();
          runner::RunRecord record{asked,
                                   runner::RunKind::samples,
                                   0,
                                   result.compile.status,
                                   result.verdict,
                                   count.passed,
                                   count.total,
                                   {},
                                   std::nullopt};
          for (const runner::TestResult& t : result.tests) {
            if (t.visibility != runner::Visibility::sample) continue;
            tests.push_back(runner::to_json(t));
            record.tests.emplace_back(t.name, t.verdict);
          }
          record_run(ctx, files, source, std::move(record));
          reply(json_response(200, json{{"verdict", runner::to_string(result.verdict)},
                                        {"sample_passed", count.passed},
                                        {"sample_total", count.total},
                                        {"compile", runner::to_json(result.compile)},
                                        {"tests", tests}}));
        } catch (const runner::UserError& e) {
          reply(error_response(400, e.what()));
        } catch (const std::exception& e) {
          reply(error_response(500, "internal error while running the samples"));
        }
      });
  if (!a.accepted) reply(busy_response(a));
}

void candidate_submit(Context& ctx, const std::string& id, const Request& request, const Reply& reply) {
  std::optional<std::string> source = source_of(request, reply);
  if (!source) return;
  Loaded l = load(ctx, id);
  if (l.read_only()) return reply(read_only_response(l));
  // Kept as a draft too (playback shows what was submitted, in order); submit() snapshots that file.
  Draft d = ctx.drafts.save(l.files, *source, l.at);
  session::Instant received = l.at;
  Admission a = ctx.queue->enqueue(
      id, JobKind::submit, [&ctx, files = l.files, file = d.file, received, reply](unsigned worker) {
        try {
          session::Grader grader(*ctx.sandboxes[worker]);
          session::SubmitOutcome outcome = session::submit(files, file, grader, received);
          ctx.hub->changed(files.dir.filename().string());
          reply(json_response(outcome.refused ? 409 : 201, session::submit_json(outcome)));
        } catch (const runner::UserError& e) {
          reply(error_response(400, e.what()));
        } catch (const std::exception& e) {
          reply(error_response(500, "internal error while submitting"));
        }
      });
  if (!a.accepted) reply(busy_response(a));
}

void candidate_run_input(Context& ctx, const std::string& id, const Request& request, const Reply& reply) {
  std::optional<std::string> source = source_of(request, reply);
  if (!source) return;
  json body = json::parse(request.body, nullptr, false);
  if (!body.contains("input") || !body["input"].is_string())
    return reply(error_response(400, "\"input\" (string) is required"));
  std::string input = body["input"];
  if (input.size() > kMaxCustomInputBytes)
    return reply(error_response(413, "the input is larger than 1 MiB"));
  Loaded l = load(ctx, id);
  if (l.read_only()) return reply(read_only_response(l));
  auto exercise = ctx.exercise(l.files, l.s);
  session::Instant asked = l.at;
  Admission a = ctx.queue->enqueue(id, JobKind::run,
                                   [&ctx, id, files = l.files, asked, exercise, source = *source,
                                    input = std::move(input), reply](unsigned worker) {
                                     run_started(ctx, id, "input", asked);
                                     try {
                                       std::filesystem::path file =
                                           ctx.scratch / (id + "-" + std::to_string(worker) + ".c");
                                       fs::atomic_write(file, source);
                                       runner::CustomRunOptions options;
                                       options.submission_name = session::kSolutionName;
                                       runner::CustomRunResult result = runner::run_custom_input(
                                           *ctx.sandboxes[worker], *exercise, file, input, options);
                                       json answer = runner::to_json(result);
                                       runner::RunRecord record;
                                       record.at = asked;
                                       record.kind = runner::RunKind::input;
                                       record.compile = result.compile.status;
                                       if (result.ran) record.status = result.status;
                                       record_run(ctx, files, source, std::move(record));
                                       reply(json_response(200, answer));
                                     } catch (const runner::UserError& e) {
                                       reply(error_response(400, e.what()));
                                     } catch (const std::exception&) {
                                       reply(error_response(500, "internal error while running your input"));
                                     }
                                   });
  if (!a.accepted) reply(busy_response(a));
}

}  // namespace proctor::server
