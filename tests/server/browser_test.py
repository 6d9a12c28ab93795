#!/usr/bin/python3
"""The candidate page in a real browser (headless Chromium driven by Selenium): a candidate opens the
link, types code, runs the samples and sees a diff, submits, and the page turns read-only at the
deadline, moved by the clock file instead of waiting. Screenshots go to $PROCTOR_SCREENS when set."""
import os
import shutil
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from support import Server, iso_after  # noqa: E402

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def chromium():
    profile = tempfile.mkdtemp(prefix="proctor-chromium-")
    opts = webdriver.ChromeOptions()
    for a in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--disable-dev-shm-usage", "--window-size=1400,900", "--user-data-dir=" + profile):
        opts.add_argument(a)
    opts.binary_location = "/usr/bin/chromium"
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path="/usr/bin/chromedriver")
    return webdriver.Chrome(options=opts, service=service), profile


class CandidatePage(unittest.TestCase):
    def setUp(self):
        os.environ["TZ"] = "Europe/Paris"  # the page must name the zone it shows times in
        self.server = Server(["--run-interval", "1"]).start()
        self.addCleanup(self.server.cleanup)
        self.driver, self.profile = chromium()
        self.screens = os.environ.get("PROCTOR_SCREENS") or self.server.tmp
        os.makedirs(self.screens, exist_ok=True)

    def tearDown(self):
        try:
            logs = self.driver.get_log("browser")
            for entry in logs:
                print("browser:", entry.get("level"), entry.get("message"))
        except Exception:  # noqa: BLE001
            pass
        self.driver.quit()
        shutil.rmtree(self.profile, ignore_errors=True)

    def wait(self, condition, timeout=60):
        return WebDriverWait(self.driver, timeout).until(condition)

    def test_candidate_takes_the_exercise(self):
        d = self.driver
        s, token = self.server.create_session(minutes=30)
        d.get(s["candidate_url"])
        self.wait(EC.text_to_be_present_in_element((By.ID, "title"), "Log level summary"), timeout=30)
        self.assertIn("Ada L.", d.find_element(By.ID, "candidate").text)
        self.assertIn("left", d.find_element(By.ID, "countdown").text)
        deadline_text = d.find_element(By.ID, "deadline").text
        self.assertIn("UTC", deadline_text)
        self.assertRegex(deadline_text, r"11:30:00 (CET|GMT\+1).*10:30:00 UTC")  # 10:30Z in Paris, named
        self.assertTrue(d.find_element(By.ID, "statement").text.strip())
        content = self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "#editor .cm-content")))
        self.assertIn("int main(void)", content.text)  # the starter
        self.assertEqual(d.find_element(By.ID, "file-name").text, "solution.c")  # as compiler messages say
        d.save_screenshot(os.path.join(self.screens, "candidate-statement.png"))

        # Type a (wrong) program as a person would: select all, then keystrokes.
        content.click()
        content.send_keys(Keys.CONTROL, "a")
        content.send_keys(Keys.DELETE)
        content.send_keys('#include <stdio.h>\nint main(void) { puts("TRACE 0"); return 0; }')
        self.wait(lambda drv: 'puts("TRACE 0")' in drv.find_element(By.CSS_SELECTOR, "#editor .cm-content").text)

        # Autosave: acknowledged on screen, and on disk.
        self.wait(EC.text_to_be_present_in_element((By.ID, "save-status"), "Saved"), timeout=20)
        drafts = os.path.join(self.server.sessions, s["id"], "drafts")
        saved = [open(os.path.join(drafts, f)).read() for f in sorted(os.listdir(drafts)) if f.endswith(".c")]
        self.assertTrue(any('puts("TRACE 0")' in x for x in saved), saved)

        d.find_element(By.ID, "run").click()
        self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "#output pre.diff")), timeout=120)
        output = d.find_element(By.ID, "output").text
        self.assertIn("0/3 passed", output)
        self.assertIn("WA", output)
        d.save_screenshot(os.path.join(self.screens, "candidate-run-diff.png"))

        # Run with my input: the program's stdout for the candidate's own stdin.
        d.find_element(By.CSS_SELECTOR, "#custom summary").click()
        d.find_element(By.ID, "custom-input").send_keys("2026-11-27T10:00:01Z INFO net: up\n")
        time.sleep(1.1)  # --run-interval 1 in this test
        d.find_element(By.ID, "run-input").click()
        self.wait(EC.text_to_be_present_in_element((By.ID, "output"), "Your input"), timeout=120)
        self.assertIn("TRACE 0", d.find_element(By.CSS_SELECTOR, "#output pre.stdout").text)
        self.assertIn("OK", d.find_element(By.CSS_SELECTOR, "#output .custom-result").text)
        d.save_screenshot(os.path.join(self.screens, "candidate-run-input.png"))

        d.find_element(By.ID, "submit").click()
        self.wait(EC.text_to_be_present_in_element((By.ID, "output"), "Submission 1 received"), timeout=120)
        self.wait(EC.text_to_be_present_in_element((By.ID, "submissions"), "#1"))
        d.save_screenshot(os.path.join(self.screens, "candidate-submitted.png"))

        # The deadline, as the server decides it: the page's live stream says time is up (it would ask
        # only every 30 s without one) and it turns read-only.
        self.server.set_clock(iso_after(30 * 60 + 1))
        self.wait(EC.visibility_of_element_located((By.ID, "banner")), timeout=10)
        self.assertIn("read-only", d.find_element(By.ID, "banner").text)
        # The line under the editor no longer invites another submission.
        self.assertIn("Submission 1 received", d.find_element(By.ID, "output").text)
        self.assertNotIn("submit again", d.find_element(By.ID, "output").text)
        self.assertFalse(d.find_element(By.ID, "run").is_enabled())
        self.assertFalse(d.find_element(By.ID, "submit").is_enabled())
        self.assertFalse(d.find_element(By.ID, "run-input").is_enabled())
        content = d.find_element(By.CSS_SELECTOR, "#editor .cm-content")
        self.assertEqual(content.get_attribute("contenteditable"), "false")
        before = content.text
        ActionChains(d).move_to_element(content).click().send_keys("garbage").perform()
        time.sleep(0.3)
        self.assertEqual(d.find_element(By.CSS_SELECTOR, "#editor .cm-content").text, before)
        d.save_screenshot(os.path.join(self.screens, "candidate-read-only.png"))

        # No script was blocked by the CSP and nothing failed in the page.
        errors = [e for e in d.get_log("browser")
                  if e.get("level") == "SEVERE" and "Failed to load resource" not in e.get("message", "")]
        self.assertEqual(errors, [])

    def test_bad_link_says_so(self):
        self.driver.get(self.server.url + "/candidate#" + "0" * 64)
        self.wait(EC.text_to_be_present_in_element((By.ID, "title"), "not valid"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
