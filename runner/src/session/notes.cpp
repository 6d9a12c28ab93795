#include "session/notes.hpp"

#include "proctor/runner/error.hpp"
#include "session/finish.hpp"
#include "session/lock.hpp"
#include "text/utf8.hpp"

namespace proctor::session {
namespace {

void check_note(const std::string& text) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw runner::UserError("the note is empty");
  if (text.size() > kMaxNoteBytes) {
    throw runner::UserError("the note is longer than " + std::to_string(kMaxNoteBytes) + " bytes");
  }
  if (text::valid_utf8(text) != text) throw runner::UserError("the note is not valid UTF-8");
  for (unsigned char c : text) {
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
      throw runner::UserError("the note contains a control character");
  }
}

}  // namespace

Event add_note(const SessionFiles& files, const std::string& text, const std::string& by) {
  check_note(text);
  Event event{now(), by, NoteAdded{text}};
  SessionLock lock(files.lock());
  Session s = load_session(files);
  s.events.push_back(event);
  save_session(files, s);
  if (s.finished) refresh_final_documents(files, s);
  return event;
}

}  // namespace proctor::session
