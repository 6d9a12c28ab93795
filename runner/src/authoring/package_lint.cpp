// Statement examples: a Markdown statement shows an example as a fenced block under a line starting
// "Input" followed by a fenced block under a line starting "Output" ("Input format" blocks are
// grammar, not examples). Each such pair must be one of data/sample's tests, compared line by line with
// trailing blanks and trailing empty lines ignored, so that a statement cannot drift from the samples
// candidates run.
#include "authoring/package_lint.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace proctor::authoring {
namespace fs = std::filesystem;

namespace {

struct Block {
  std::size_t line = 0;  // 1-based line of the opening fence
  std::string label;     // the last non-empty line before the block, lowercased
  std::string text;
};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string normalized(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
      line.pop_back();
    lines.push_back(line);
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

std::string read_all(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<Block> fenced_blocks(const std::string& text) {
  std::vector<Block> blocks;
  std::istringstream in(text);
  std::string label;
  bool inside = false;
  Block current;
  std::size_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.rfind("```", 0) == 0 || line.rfind("~~~", 0) == 0) {
      if (inside) {
        blocks.push_back(current);
      } else {
        current = Block{number, label, ""};
      }
      inside = !inside;
      continue;
    }
    if (inside) {
      current.text += line + "\n";
    } else if (line.find_first_not_of(" \t\r") != std::string::npos) {
      label = lower(line.substr(line.find_first_not_of(" \t\r")));
    }
  }
  return blocks;
}

bool is_label(const std::string& label, const std::string& word) {
  return label.rfind(word, 0) == 0 && label.find("format") == std::string::npos;
}

void check_examples(const runner::Exercise& e, LintFindings& out) {
  if (e.statement.empty() || e.statement.extension() != ".md") return;
  std::vector<Block> blocks = fenced_blocks(read_all(e.statement));
  for (std::size_t i = 0; i + 1 < blocks.size(); ++i) {
    if (!is_label(blocks[i].label, "input") || !is_label(blocks[i + 1].label, "output")) continue;
    const std::string in = normalized(blocks[i].text), ans = normalized(blocks[i + 1].text);
    const runner::TestCase* same_input = nullptr;
    bool found = false;
    for (const runner::TestCase& t : e.samples) {
      if (normalized(read_all(t.input)) != in) continue;
      same_input = &t;
      if (normalized(read_all(t.answer)) == ans) found = true;
    }
    const std::string where =
        e.statement.string() + ": the example at line " + std::to_string(blocks[i].line);
    if (found) {
      // in step
    } else if (same_input) {
      out.problems.push_back(where + " has the input of " + same_input->name + " but not its answer (" +
                             same_input->answer.filename().string() + ")");
    } else {
      out.problems.push_back(where +
                             " is not one of data/sample's tests (statement and samples have drifted)");
    }
    ++i;
  }
}

// `exercise new` leaves "TODO" in the statement and the title for the author to replace.
void check_placeholders(const runner::Exercise& e, LintFindings& out) {
  if (e.title.find("TODO") != std::string::npos)
    out.notes.push_back("the title still holds a TODO placeholder: \"" + e.title + "\"");
  if (e.statement.empty()) return;
  std::istringstream in(read_all(e.statement));
  std::size_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.find("TODO") != std::string::npos) {
      out.notes.push_back(e.statement.string() + ":" + std::to_string(number) +
                          ": TODO placeholder left in the statement");
      break;  // one is enough to send the author back to the file
    }
  }
}

}  // namespace

LintFindings lint_package(const runner::Exercise& e) {
  LintFindings out;
  check_examples(e, out);
  check_placeholders(e, out);
  // Sessions, exports and results name the exercise by id; a directory named otherwise is confusing at
  // best and a copy of another exercise at worst. (Kattis ids are the directory name already.)
  if (e.format == "proctor" && e.root.filename().string() != e.id) {
    out.problems.push_back(e.root.string() + ": the directory is named \"" + e.root.filename().string() +
                           "\" but exercise.json says id \"" + e.id + "\"");
  }
  return out;
}

}  // namespace proctor::authoring
