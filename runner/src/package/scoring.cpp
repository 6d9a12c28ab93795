// Points per test. Default: one point per test. {"per_test": N}: N per test. {"groups": {...}}: a
// group's points are shared evenly by its tests, so a group is worth the same however many tests it has.
#include <set>

#include "package/loader.hpp"
#include "proctor/runner/error.hpp"

namespace proctor::runner::package {

void apply_scoring(const Metadata& meta, Exercise& exercise) {
  const ScoringSpec& spec = meta.scoring;
  std::vector<TestCase*> tests;
  for (auto& t : exercise.samples) tests.push_back(&t);
  for (auto& t : exercise.secrets) tests.push_back(&t);

  if (!spec.groups) {
    for (TestCase* t : tests) t->points = spec.per_test.value_or(1.0);
    return;
  }
  std::map<std::string, int> sizes;
  for (const TestCase* t : tests) ++sizes[t->group];
  for (const auto& [group, points] : *spec.groups) {
    bool secret = group == "secret" || group.rfind("secret/", 0) == 0;
    // Without secrets the secret groups cannot be checked; they are when the package is loaded in full.
    if (!sizes.count(group) && (!secret || exercise.secrets_loaded)) {
      throw UserError(meta.file, "scoring.groups names \"" + group + "\", which has no tests");
    }
  }
  for (TestCase* t : tests) {
    auto it = spec.groups->find(t->group);
    if (it == spec.groups->end()) {
      // Samples are usually not scored; a secret group without points is an oversight worth reporting.
      if (t->visibility == Visibility::secret) {
        throw UserError(meta.file, "scoring.groups gives no points to group \"" + t->group + "\"");
      }
      t->points = 0;
    } else {
      t->points = it->second / sizes[t->group];
    }
  }
}

}  // namespace proctor::runner::package
