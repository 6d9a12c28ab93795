#include "session/final_documents.hpp"

#include "fs/atomic_write.hpp"
#include "report/report.hpp"
#include "result/result_file.hpp"

namespace proctor::session {

void write_final_documents(const SessionFiles& files, const Session&, const runner::GradeResult& result) {
  runner::write_result_file(files.result_json(), result);
  fs::atomic_write(files.report_html(), report::render(result, report::Format::html));
}

}  // namespace proctor::session
