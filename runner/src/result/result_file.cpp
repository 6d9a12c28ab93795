#include "result/result_file.hpp"

#include "fs/atomic_write.hpp"
#include "fs/read_file.hpp"
#include "proctor/runner/error.hpp"
#include "proctor/runner/result_json.hpp"

namespace proctor::runner {

GradeResult read_result_file(const std::filesystem::path& file) {
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(proctor::fs::read_file(file));
  } catch (const nlohmann::json::exception& e) {
    throw UserError(file, std::string("not JSON: ") + e.what());
  }
  try {
    return result_from_json(document);
  } catch (const UserError& e) {
    throw UserError(file, e.what());
  }
}

void write_result_file(const std::filesystem::path& file, const GradeResult& result) {
  proctor::fs::atomic_write(file, to_json(result).dump(2) + "\n");
}

}  // namespace proctor::runner
