#!/usr/bin/python3
"""The interviewer's dashboard in a real browser (headless Chromium through Selenium), with the candidate
in a second browser at the same time: the interviewer signs in, creates a session and copies the link,
watches the candidate type and run the samples live, adds a private note, extends the time, finishes
with a chosen submission (an earlier AC one rather than the last, broken, one), and opens the report and
the playback. Screenshots go to $PROCTOR_SCREENS when set."""
import os
import re
import shutil
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from support import REPO, Server  # noqa: E402
from browser_test import chromium  # noqa: E402

from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

EX = os.path.join(REPO, "exercises", "log-levels")
REF = open(os.path.join(EX, "submissions", "accepted", "ref.c")).read()
NOTE = "Asked about the wrap-around case <b>unprompted</b>"


class InterviewerDashboard(unittest.TestCase):
    def setUp(self):
        os.environ["TZ"] = "Europe/Paris"
        self.server = Server(["--run-interval", "1"]).start()
        self.addCleanup(self.server.cleanup)
        self.iv, p1 = chromium()
        self.cand, p2 = chromium()
        self.profiles = [p1, p2]
        self.screens = os.environ.get("PROCTOR_SCREENS") or self.server.tmp
        os.makedirs(self.screens, exist_ok=True)

    def tearDown(self):
        for name, d in (("interviewer", self.iv), ("candidate", self.cand)):
            try:
                for entry in d.get_log("browser"):
                    print(name, "browser:", entry.get("level"), entry.get("message"))
            except Exception:  # noqa: BLE001
                pass
            d.quit()
        for p in self.profiles:
            shutil.rmtree(p, ignore_errors=True)

    def wait(self, driver, condition, timeout=60):
        return WebDriverWait(driver, timeout).until(condition)

    def click(self, driver, css):
        """Clicks what `css` names, finding it again if the page re-rendered it in between."""
        for _ in range(20):
            try:
                driver.find_element(By.CSS_SELECTOR, css).click()
                return
            except StaleElementReferenceException:
                time.sleep(0.1)
        raise AssertionError("could not click " + css)

    def shot(self, driver, name):
        driver.save_screenshot(os.path.join(self.screens, name))

    def sign_in(self):
        iv = self.iv
        iv.get(self.server.url + "/interviewer")
        self.wait(iv, EC.visibility_of_element_located((By.ID, "token")))
        # A wrong token is refused with a message, and nothing is shown.
        iv.find_element(By.ID, "token").send_keys("0" * 64)
        iv.find_element(By.ID, "sign-in").click()
        self.wait(iv, EC.text_to_be_present_in_element((By.ID, "login-error"), "refused"))
        self.assertFalse(iv.find_element(By.ID, "view-dashboard").is_displayed())
        iv.find_element(By.ID, "token").send_keys(self.server.interviewer_token)
        iv.find_element(By.ID, "sign-in").click()
        self.wait(iv, EC.visibility_of_element_located((By.ID, "view-dashboard")))

    def candidate_types(self, text):
        content = self.cand.find_element(By.CSS_SELECTOR, "#editor .cm-content")
        content.click()
        content.send_keys(Keys.CONTROL, "a")
        # Pasted, as a candidate pastes: the selection is replaced in one edit (no empty draft in between),
        # and CodeMirror's bracket closing and auto-indent, which act on keystrokes, leave it as it is.
        self.cand.execute_script(
            "const dt = new DataTransfer(); dt.setData('text/plain', arguments[1]);"
            "arguments[0].dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));",
            content, text)

    def server_log(self):
        with open(self.server.log) as f:
            return f.read()

    def live_code(self):
        return self.iv.find_element(By.CSS_SELECTOR, "#live-editor .cm-content").text

    def test_interviewer_runs_a_whole_interview_from_the_dashboard(self):
        iv, cand = self.iv, self.cand
        self.sign_in()

        # Create a session from the form and copy the candidate's link.
        self.wait(iv, lambda d: len(Select(d.find_element(By.ID, "new-exercise")).options) > 1)
        Select(iv.find_element(By.ID, "new-exercise")).select_by_value("log-levels")
        iv.find_element(By.ID, "new-candidate").send_keys("Grace <i>H.</i>")
        minutes = iv.find_element(By.ID, "new-minutes")
        minutes.clear()
        minutes.send_keys("30")
        iv.find_element(By.ID, "create").click()
        self.wait(iv, EC.visibility_of_element_located((By.ID, "created")))
        link = iv.find_element(By.ID, "created-url").get_attribute("value")
        self.assertRegex(link, r"/candidate#[0-9a-f]{64}$")
        iv.find_element(By.ID, "copy-url").click()
        self.wait(iv, EC.text_to_be_present_in_element((By.ID, "copied"), "Copied"))
        sid = iv.find_element(By.ID, "created-id").text
        row = "#sessions tr[data-id='%s']" % sid
        self.wait(iv, EC.text_to_be_present_in_element((By.CSS_SELECTOR, row), "Grace <i>H.</i>"))  # as typed
        self.assertEqual(iv.find_elements(By.CSS_SELECTOR, "#sessions i"), [])  # text, never markup
        self.wait(iv, EC.text_to_be_present_in_element((By.CSS_SELECTOR, row), "open"))
        self.wait(iv, lambda d: re.search(r" (29|30):\d\d ", d.find_element(By.CSS_SELECTOR, row).text))

        # The candidate opens the link in their own browser.
        cand.get(link)
        self.wait(cand, EC.text_to_be_present_in_element((By.ID, "title"), "Log level summary"), timeout=30)
        self.wait(cand, EC.presence_of_element_located((By.CSS_SELECTOR, "#editor .cm-content")))

        # The interviewer watches: the candidate's typing appears within about two seconds, brought by the
        # session's live stream (Server-Sent Events), not by asking for the state: the page asks only every
        # 10 s when it has no stream, and the server's log shows no such request while the text came.
        self.click(iv, row + " a.watch")
        self.wait(iv, EC.visibility_of_element_located((By.ID, "view-live")))
        self.wait(iv, lambda d: "int main(void)" in self.live_code() or "nothing saved" in d.find_element(By.ID, "live-draft").text)
        self.wait(iv, EC.text_to_be_present_in_element((By.ID, "live-link"), "● live"), timeout=20)
        polls = lambda: len(re.findall(r"GET /api/sessions/%s 200" % sid, self.server_log()))  # noqa: E731
        polled = self.wait(iv, lambda d: polls() >= 2 and polls())  # on opening, and on the stream's "ready"
        self.candidate_types('#include <stdio.h>\nint main(void) { puts("LIVE 1"); return 0; }\n')
        typed = time.time()
        self.wait(iv, lambda d: 'puts("LIVE 1")' in self.live_code(), timeout=20)
        lag = time.time() - typed
        print("live view lag: %.2f s" % lag)
        self.assertLess(lag, 3.5)  # save every 1 s, then the stream at once, plus a loaded machine's slack
        self.assertEqual(polls(), polled, "the draft came by a request, not by the stream")
        self.assertIn("GET /api/sessions/%s/events 200" % sid, self.server_log())
        self.assertNotIn("ticket=", self.server_log())

        # The candidate runs the samples; the run shows up in the live view with its result.
        cand.find_element(By.ID, "run").click()
        self.wait(cand, EC.presence_of_element_located((By.CSS_SELECTOR, "#output pre.diff")), timeout=120)
        self.wait(iv, EC.text_to_be_present_in_element((By.ID, "live-runs"), "0/3"), timeout=20)
        self.assertIn("WA", iv.find_element(By.ID, "live-runs").text)
        # ... and on the dashboard, with the time left.
        iv.find_element(By.CSS_SELECTOR, "header a.home").click()
        self.wait(iv, EC.text_to_be_present_in_element((By.CSS_SELECTOR, row + " td.last-run"), "0/3"), timeout=20)
        self.assertIn("WA", iv.find_element(By.CSS_SELECTOR, row + " td.last-run").text)
        self.shot(iv, "interviewer-dashboard-open.png")
        self.click(iv, row + " a.watch")
        self.wait(iv, EC.visibility_of_element_located((By.ID, "view-live")))

        # Submission #1: the reference (AC). Submission #2: the same with a missing semicolon (CE).
        self.candidate_types(REF)
        time.sleep(1.1)
        cand.find_element(By.ID, "submit").click()
        self.wait(cand, EC.text_to_be_present_in_element((By.ID, "output"), "Submission 1 received"), timeout=120)
        broken = REF.replace("return 0;", "return 0", 1)
        self.assertNotEqual(broken, REF)
        self.candidate_types(broken)
        time.sleep(1.1)
        cand.find_element(By.ID, "submit").click()
        self.wait(cand, EC.text_to_be_present_in_element((By.ID, "output"), "Submission 2 received"), timeout=120)
        self.wait(iv, EC.text_to_be_present_in_element((By.ID, "live-submissions"), "CE"), timeout=60)
        subs = iv.find_element(By.ID, "live-submissions").text
        self.assertIn("AC", subs)
        self.assertIn("CE", subs)
        self.wait(iv, lambda d: "return 0\n" in self.live_code() + "\n" or "return 0 " in self.live_code())

        # A private note, timestamped.
        iv.find_element(By.ID, "note-text").send_keys(NOTE)
        iv.find_element(By.ID, "add-note").click()
        self.wait(iv, EC.text_to_be_present_in_element((By.ID, "notes"), NOTE))
        self.assertIn("UTC", iv.find_element(By.ID, "notes").text)

        # Extend by 10 minutes: the interviewer's countdown and the candidate's deadline both move.
        before = iv.find_element(By.ID, "live-deadline").text
        self.assertIn("11:30:00", before)
        ext = iv.find_element(By.ID, "extend-minutes")
        ext.clear()
        ext.send_keys("10")
        iv.find_element(By.ID, "extend").click()
        self.wait(iv, EC.text_to_be_present_in_element((By.ID, "live-deadline"), "11:40:00"), timeout=20)
        # The candidate's page hears of it by its own stream (without one it asks only every 30 s).
        self.wait(cand, EC.text_to_be_present_in_element((By.ID, "deadline"), "11:40:00"), timeout=10)
        self.wait(cand, EC.text_to_be_present_in_element((By.ID, "banner"), "more time"), timeout=10)
        self.shot(cand, "candidate-extended.png")
        self.shot(iv, "interviewer-live.png")

        # The note never reaches the candidate's page.
        self.assertNotIn("wrap-around case", cand.page_source)

        # Finish now, grading submission #1 (AC) rather than the last one (#2, CE).
        Select(iv.find_element(By.ID, "finish-submission")).select_by_value("1")
        iv.find_element(By.ID, "finish").click()
        self.wait(iv, EC.text_to_be_present_in_element((By.ID, "action-result"), "Finished: AC"), timeout=180)
        self.wait(iv, EC.text_to_be_present_in_element((By.ID, "live-finished"), "AC"), timeout=20)
        # The candidate's page turns read-only (told by its stream) and no longer invites another submission.
        self.wait(cand, EC.text_to_be_present_in_element((By.ID, "banner"), "The session is finished"), timeout=20)
        self.assertNotIn("submit again", cand.find_element(By.ID, "output").text)
        self.assertNotIn("wrap-around case", cand.page_source)

        # Back on the dashboard: finished, with its verdict and a report.
        iv.find_element(By.CSS_SELECTOR, "header a.home").click()
        self.wait(iv, EC.presence_of_element_located((By.CSS_SELECTOR, row + " a.report")), timeout=20)
        self.wait(iv, EC.text_to_be_present_in_element((By.CSS_SELECTOR, row + " td.result"), "AC"))
        self.shot(iv, "interviewer-dashboard.png")

        # The report: in a frame, with the graded code; the playback below it.
        self.click(iv, row + " a.report")
        self.wait(iv, EC.visibility_of_element_located((By.ID, "view-report")))
        self.wait(iv, lambda d: d.find_element(By.ID, "report-frame").get_attribute("src"))
        iv.switch_to.frame(iv.find_element(By.ID, "report-frame"))
        self.wait(iv, EC.text_to_be_present_in_element((By.TAG_NAME, "body"), "Log level summary"), timeout=20)
        report_text = iv.find_element(By.TAG_NAME, "body").text
        self.assertIn("Grace <i>H.</i>", report_text)
        self.assertIn('"TRACE", "DEBUG", "INFO"', report_text)  # the graded code (#1, the reference)
        self.assertIn("Asked about the wrap-around case", report_text)  # the note, for the debrief
        iv.switch_to.default_content()
        self.wait(iv, EC.presence_of_element_located((By.CSS_SELECTOR, "#report-playback .pb-code .line")), timeout=20)
        self.shot(iv, "interviewer-report.png")

        # Playback: scrub to the first draft, step forward, see the diff and the timeline.
        iv.get(self.server.url + "/interviewer#playback/" + sid)
        self.wait(iv, EC.presence_of_element_located((By.CSS_SELECTOR, "#playback .pb-code .line")), timeout=20)
        label = iv.find_element(By.CSS_SELECTOR, "#playback .pb-label").text
        self.assertIn("submitted as #2", label)  # the newest draft is the one submitted last
        timeline = iv.find_element(By.CSS_SELECTOR, "#playback .timeline").text
        for want in ("submission #1", "submission #2", "ran samples: 0/3", "finished by interviewer"):
            self.assertIn(want, timeline)
        iv.find_element(By.CSS_SELECTOR, "#playback .pb-prev").click()
        self.wait(iv, lambda d: "submitted as #1" in d.find_element(By.CSS_SELECTOR, "#playback .pb-label").text)
        code = iv.find_element(By.CSS_SELECTOR, "#playback .pb-code")
        self.assertTrue(code.find_elements(By.CSS_SELECTOR, ".line.add"))  # changed lines are marked
        self.assertTrue(code.find_elements(By.CSS_SELECTOR, ".line.del"))
        # The last draft's diff against #1 is the missing semicolon.
        iv.find_element(By.CSS_SELECTOR, "#playback .pb-next").click()
        self.wait(iv, lambda d: "submitted as #2" in d.find_element(By.CSS_SELECTOR, "#playback .pb-label").text)
        dels = [e.text for e in iv.find_elements(By.CSS_SELECTOR, "#playback .pb-code .line.del")]
        adds = [e.text for e in iv.find_elements(By.CSS_SELECTOR, "#playback .pb-code .line.add")]
        self.assertEqual(len(dels), 1, dels)
        self.assertIn("return 0;", dels[0])
        self.assertEqual(len(adds), 1, adds)
        self.shot(iv, "interviewer-playback.png")
        # Clicking the timeline's first run jumps to the draft that ran.
        iv.find_element(By.CSS_SELECTOR, "#playback .timeline li.ev-run").click()
        self.wait(iv, lambda d: 'puts("LIVE 1")' in d.find_element(By.CSS_SELECTOR, "#playback .pb-code").text)
        self.shot(iv, "interviewer-playback-first-run.png")

        # No script was blocked by the CSP and nothing failed, in either browser.
        for d in (iv, cand):
            errors = [e for e in d.get_log("browser")
                      if e.get("level") == "SEVERE" and "Failed to load resource" not in e.get("message", "")]
            self.assertEqual(errors, [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
