#pragma once
// matches_result_schema(doc): validates a result document against docs/result.schema.json with the
// python3 jsonschema package (the reference implementation, so the schema is tested as others read it).
// Usage: EXPECT_TRUE(matches_result_schema(result));
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace proctor_test {

// argv: schema, file with a JSON array of documents. Prints one JSON array: per document the list of
// "where: message" errors, so that many documents cost one (slow) Python start.
inline constexpr const char* kSchemaScript = R"PY(
import json, sys
import jsonschema
with open(sys.argv[1]) as f:
    schema = json.load(f)
with open(sys.argv[2]) as f:
    docs = json.load(f)
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
report = []
for doc in docs:
    errors = sorted(validator.iter_errors(doc), key=lambda e: [str(p) for p in e.absolute_path])
    report.append(["/".join(str(p) for p in e.absolute_path) + ": " + e.message for e in errors])
print(json.dumps(report))
)PY";

// Runs argv, returning (exit status, combined stdout+stderr).
inline std::pair<int, std::string> run_capture(const std::vector<std::string>& argv) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return {-1, "pipe failed"};
  pid_t pid = fork();
  if (pid < 0) return {-1, "fork failed"};
  if (pid == 0) {
    dup2(fds[1], 1);
    dup2(fds[1], 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(fds[1]);
  std::string out;
  char buffer[4096];
  for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;)
    out.append(buffer, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), out};
}

}  // namespace proctor_test

// One entry per document: empty when it matches the schema, else the validator's messages. Throws
// std::runtime_error when the validator itself cannot run.
inline std::vector<std::string> result_schema_errors(const std::vector<nlohmann::json>& documents) {
  char path[] = "/tmp/proctor-schema-XXXXXX.json";
  int fd = mkstemps(path, 5);
  if (fd < 0) throw std::runtime_error("cannot create a temporary file");
  std::string text = nlohmann::json(documents).dump();
  bool written = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  close(fd);
  std::string schema = std::string(PROCTOR_SOURCE_DIR) + "/docs/result.schema.json";
  auto [status, output] =
      written ? proctor_test::run_capture({"python3", "-c", proctor_test::kSchemaScript, schema, path})
              : std::pair<int, std::string>{-1, "cannot write the temporary file"};
  unlink(path);
  // The report is the last line; anything before it is Python noise such as deprecation warnings.
  std::string last = output;
  while (!last.empty() && last.back() == '\n') last.pop_back();
  last = last.substr(last.rfind('\n') == std::string::npos ? 0 : last.rfind('\n') + 1);
  nlohmann::json report = nlohmann::json::parse(last, nullptr, false);
  if (status != 0 || !report.is_array() || report.size() != documents.size()) {
    throw std::runtime_error("jsonschema validation could not run (exit " + std::to_string(status) +
                             "): " + output);
  }
  std::vector<std::string> out;
  for (const auto& errors : report) {
    std::string joined;
    for (const auto& e : errors) joined += e.get<std::string>() + "\n";
    out.push_back(joined);
  }
  return out;
}

inline ::testing::AssertionResult matches_result_schema(const nlohmann::json& document) {
  std::vector<std::string> errors;
  try {
    errors = result_schema_errors({document});
  } catch (const std::exception& e) {
    return ::testing::AssertionFailure() << e.what();
  }
  if (errors[0].empty()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "result does not match docs/result.schema.json:\n" << errors[0];
}
