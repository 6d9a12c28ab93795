#include "session/final_documents.hpp"

#include "fs/atomic_write.hpp"
#include "report/report.hpp"
#include "result/result_file.hpp"
#include "session/report_extras.hpp"

namespace proctor::session {

void write_final_documents(const SessionFiles& files, const Session& session,
                           const runner::GradeResult& result) {
  runner::write_result_file(files.result_json(), result);
  report::SessionExtras extras = report_extras(files, session);
  fs::atomic_write(files.report_html(), report::render(result, report::Format::html, &extras));
}

}  // namespace proctor::session
