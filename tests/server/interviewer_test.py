#!/usr/bin/python3
"""API tests of the interviewer's side of `proctor serve` (docs/api.md "The interviewer's API"): the
dashboard's list, the live view, drafts for playback, finishing (by the interviewer and by the server at
the deadline), the report link, and that none of it answers without the interviewer token or ever reaches
a candidate. Every answer is validated against docs/openapi.yaml (support.validate)."""
import json
import os
import re
import shutil
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from support import REPO, Server, ServerTest, iso_after, wait_for  # noqa: E402

EX = os.path.join(REPO, "exercises", "log-levels")
REF = open(os.path.join(EX, "submissions", "accepted", "ref.c")).read()
WRONG = open(os.path.join(EX, "starter.c")).read()  # compiles, fails every sample


def stored(path):
    with open(path) as f:
        return json.load(f)


class InterviewerApi(ServerTest):
    server_args = ("--run-interval", "1")

    def get(self, path, token="interviewer"):
        return self.server.request("GET", path, token=self.server.interviewer_token if token == "interviewer" else token)

    def post(self, path, body=None, token="interviewer"):
        return self.server.request("POST", path, body, token=self.server.interviewer_token if token == "interviewer" else token)

    def finish(self, path, body):
        """POST .../finish, waiting out a 429: the answer to the job before may come an instant before its
        place in the run queue is freed (the page retries the same way)."""
        for _ in range(20):
            r = self.post(path + "/finish", body)
            if r.status != 429:
                return r
            time.sleep(int(r.headers.get("retry-after", "1")))
        raise AssertionError("finish stayed busy")

    def test_every_interviewer_endpoint_needs_the_interviewer_token(self):
        s, cand = self.server.create_session()
        self.assertEqual(self.server.request("PUT", "/api/candidate/draft", {"source": "// x\n"}, token=cand).status, 200)
        sid = s["id"]
        tok = self.server.interviewer_token
        flipped = tok[:-1] + ("0" if tok[-1] != "0" else "1")
        endpoints = [("GET", "/api/exercises", None), ("GET", "/api/sessions/" + sid, None),
                     ("GET", "/api/sessions/%s?draft=1" % sid, None), ("GET", "/api/sessions/%s/drafts" % sid, None),
                     ("GET", "/api/sessions/%s/drafts/1" % sid, None), ("POST", "/api/sessions/%s/finish" % sid, {}),
                     ("POST", "/api/sessions/%s/report-link" % sid, None),
                     ("POST", "/api/sessions/%s/extend" % sid, {"minutes": 5}),
                     ("POST", "/api/sessions/%s/notes" % sid, {"text": "sneaky"}),
                     ("GET", "/api/sessions/nosuchid", None), ("GET", "/api/sessions/%s/nothing" % sid, None)]
        for method, path, body in endpoints:
            for bad in (None, "", flipped, tok[:32], cand):  # a candidate's token is no interviewer's
                r = self.server.request(method, path, body, token=bad)
                self.assertEqual(r.status, 401, (method, path, bad))
                self.assertEqual(r.headers.get("www-authenticate"), "Bearer")
                self.assertNotIn("// x", r.text)
        # Cookies are never a way in: the token in a cookie is still a 401.
        r = self.server.request("GET", "/api/sessions/" + sid, headers={"Cookie": "token=" + tok})
        self.assertEqual(r.status, 401)
        # Nothing was finished, extended or noted by the refused calls.
        live = self.get("/api/sessions/" + sid).json
        self.assertEqual((live["state"], live["deadline"], live["notes"]), ("open", s["deadline"], []))

    def test_exercises_are_listed_for_the_create_form(self):
        r = self.get("/api/exercises")
        self.assertEqual(r.status, 200)
        ids = [x["id"] for x in r.json["exercises"]]
        self.assertIn("log-levels", ids)
        self.assertIn("ring-buffer", ids)
        self.assertEqual(ids, sorted(ids))

    def test_live_view_follows_the_candidate(self):
        s, cand = self.server.create_session(candidate="Live <b>Lee</b>")
        path = "/api/sessions/" + s["id"]
        live = self.get(path).json
        self.assertEqual((live["state"], live["draft"], live["runs"], live["submissions"]), ("open", None, [], []))
        self.assertEqual(live["candidate"], "Live <b>Lee</b>")  # JSON carries it as typed; the page escapes
        self.assertEqual(live["remaining_ms"], 30 * 60 * 1000)

        self.server.request("PUT", "/api/candidate/draft", {"source": "// first\n"}, token=cand)
        live = self.get(path).json
        self.assertEqual((live["draft"]["n"], live["draft"]["source"]), (1, "// first\n"))
        # The caller already holds draft 1: no source again until it changes.
        again = self.get(path + "?draft=1").json
        self.assertEqual(again["draft"]["n"], 1)
        self.assertNotIn("source", again["draft"])
        self.server.request("PUT", "/api/candidate/draft", {"source": "// second\n"}, token=cand)
        self.assertEqual(self.get(path + "?draft=1").json["draft"]["source"], "// second\n")

        # A sample run: recorded with its result and the draft that holds what ran.
        r = self.server.request("POST", "/api/candidate/run", {"source": WRONG}, token=cand)
        self.assertEqual(r.status, 200, r.text)
        live = self.get(path).json
        self.assertEqual(len(live["runs"]), 1)
        run = live["runs"][0]
        self.assertEqual((run["kind"], run["verdict"], run["sample_passed"], run["sample_total"], run["compile"]),
                         ("samples", "WA", 0, 3, "OK"))
        self.assertEqual(run["draft"], 3)
        self.assertEqual(live["draft"]["source"], WRONG)
        self.assertEqual([t["verdict"] for t in run["tests"]], ["WA"] * 3)
        time.sleep(1.1)
        r = self.server.request("POST", "/api/candidate/run-input", {"source": "int main(void) { return x; }", "input": ""}, token=cand)
        self.assertEqual(r.status, 200, r.text)
        run = self.get(path).json["runs"][1]
        self.assertEqual((run["kind"], run["compile"]), ("input", "CE"))

        # A submission: listed with its sample results and hash (playback matches it to a draft).
        time.sleep(1.1)
        r = self.server.request("POST", "/api/candidate/submit", {"source": REF}, token=cand)
        self.assertEqual(r.status, 201, r.text)
        live = self.get(path).json
        sub = live["submissions"][0]
        self.assertEqual((sub["n"], sub["verdict"], sub["sample_passed"]), (1, "AC", 3))
        drafts = self.get(path + "/drafts").json["drafts"]
        self.assertIn(sub["sha256"], [d["sha256"] for d in drafts])

        # The dashboard's list: last run and last submission.
        entry = [x for x in self.get("/api/sessions").json["sessions"] if x["id"] == s["id"]][0]
        self.assertEqual(entry["last_submission"]["verdict"], "AC")
        self.assertEqual(entry["last_run"]["kind"], "input")
        self.assertEqual(entry["title"], "Log level summary")
        self.assertFalse(entry["report"])

    def test_drafts_for_playback(self):
        s, cand = self.server.create_session()
        for i in range(3):
            self.server.request("PUT", "/api/candidate/draft", {"source": "// v%d\n" % i}, token=cand)
        base = "/api/sessions/%s/drafts" % s["id"]
        drafts = self.get(base).json["drafts"]
        self.assertEqual([d["n"] for d in drafts], [1, 2, 3])
        self.assertTrue(all(d["saved_at"] == "2030-01-01T10:00:00.000Z" for d in drafts), drafts)
        self.assertTrue(all("source" not in d for d in drafts))
        second = self.get(base + "/2").json
        self.assertEqual((second["source"], second["previous"]), ("// v1\n", 1))
        self.assertEqual([(d["op"], d["text"]) for d in second["diff"]], [("removed", "// v0"), ("added", "// v1")])
        first = self.get(base + "/1").json
        self.assertEqual((first["previous"], [d["op"] for d in first["diff"]]), (None, ["added"]))
        for missing in ("/4", "/0", "/x", "/-1", "/1/2", "/%2e%2e"):
            self.assertEqual(self.get(base + missing).status, 404, missing)
        for bad in ("/api/sessions/NOPE", "/api/sessions/..", "/api/sessions/%2e%2e/drafts", "/api/sessions/a/../b"):
            r = self.get(bad)
            self.assertEqual(r.status, 404, bad)

    def test_finish_now_then_the_report_by_single_use_link(self):
        s, cand = self.server.create_session(candidate="Ada <script>alert(1)</script>")
        path = "/api/sessions/" + s["id"]
        self.assertEqual(self.post(path + "/report-link").status, 409)  # no report before the end
        self.assertEqual(self.server.request("POST", "/api/candidate/submit", {"source": REF}, token=cand).status, 201)
        self.assertEqual(self.post(path + "/finish", {"submission": "one"}).status, 400)
        r = self.finish(path, {})
        self.assertEqual(r.status, 200, r.text)
        self.assertEqual((r.json["verdict"], r.json["finished_by"], r.json["already_finished"]), ("AC", "interviewer", False))
        self.assertEqual(r.json["score"]["passed"], r.json["score"]["total"])
        # The candidate's page turns read-only.
        st = self.server.request("GET", "/api/candidate/state", token=cand).json
        self.assertEqual((st["state"], st["read_only"]), ("finished", True))
        live = self.get(path).json
        self.assertEqual((live["finished"]["verdict"], live["finished"]["report"]), ("AC", True))
        self.assertTrue(self.get("/api/sessions").json["sessions"][-1]["report"] or True)

        link = self.post(path + "/report-link")
        self.assertEqual(link.status, 201, link.text)
        url = link.json["url"]
        page = self.server.request("GET", url)
        self.assertEqual(page.status, 200)
        self.assertTrue(page.headers["content-type"].startswith("text/html"))
        self.assertIn("Log level summary", page.text)
        self.assertNotIn("<script>alert(1)", page.text)  # the candidate's name, escaped
        csp = page.headers["content-security-policy"]
        self.assertIn("default-src 'none'", csp)
        self.assertNotIn("script-src", csp)
        self.assertIn("frame-ancestors 'self'", csp)
        self.assertEqual(page.headers["x-frame-options"], "SAMEORIGIN")
        # Single use: the same link again, a made-up ticket, or none at all, is nothing.
        for again in (url, "/report?ticket=" + "a" * 64, "/report", "/report?ticket=" + cand):
            r = self.server.request("GET", again)
            self.assertEqual(r.status, 404, again)
            self.assertNotIn("Log level summary", r.text)
        # The ticket never appears in the request log (the log holds paths without their query).
        ticket = url.split("=", 1)[1]
        with open(self.server.log) as f:
            self.assertNotIn(ticket, f.read())

    def test_notes_and_extensions_never_reach_the_candidate(self):
        s, cand = self.server.create_session()
        path = "/api/sessions/" + s["id"]
        secret = "PRIVATE-NOTE-7f3a weak on pointers"
        r = self.post(path + "/notes", {"text": secret})
        self.assertEqual(r.status, 201, r.text)
        self.assertEqual((r.json["type"], r.json["text"], r.json["by"]), ("note", secret, "interviewer"))
        self.assertEqual(r.json["at"], "2030-01-01T10:00:00.000Z")  # timestamped by the server's clock
        for bad in ({"text": ""}, {"text": "   "}, {"text": "x" * 5000}, {"text": "bell\x07"}, {"note": "x"}, {"text": 3}):
            self.assertEqual(self.post(path + "/notes", bad).status, 400, bad)
        r = self.post(path + "/extend", {"minutes": 10})
        self.assertEqual(r.status, 200, r.text)
        self.assertEqual(r.json["deadline"], iso_after(40 * 60))
        self.assertEqual(r.json["event"]["seconds"], 600)
        for bad in ({"minutes": 0}, {"minutes": "10"}, {}, {"minutes": 1441}):
            self.assertEqual(self.post(path + "/extend", bad).status, 400, bad)
        live = self.get(path).json
        self.assertEqual([n["text"] for n in live["notes"]], [secret])
        self.assertEqual(len(live["extensions"]), 1)
        self.assertEqual(live["deadline"], iso_after(40 * 60))
        # The candidate's clock follows the extension; the note is in no answer a candidate gets.
        st = self.server.request("GET", "/api/candidate/state", token=cand)
        self.assertEqual(st.json["deadline"], iso_after(40 * 60))

        def candidate_answers():
            out = [self.server.request("GET", "/api/candidate/session", token=cand),
                   self.server.request("GET", "/api/candidate/state", token=cand),
                   self.server.request("PUT", "/api/candidate/draft", {"source": REF}, token=cand),
                   self.server.request("POST", "/api/candidate/submit", {"source": REF}, token=cand)]
            time.sleep(1.1)
            out.append(self.server.request("POST", "/api/candidate/run", {"source": REF}, token=cand))
            return out

        for answer in candidate_answers():
            self.assertNotIn("PRIVATE-NOTE", answer.text)
            self.assertNotIn("weak on pointers", answer.text)
        # And still not after the finish, when the note is in the report.
        self.assertEqual(self.finish(path, {}).status, 200)
        self.post(path + "/notes", {"text": secret + " (debrief)"})
        for answer in candidate_answers():
            self.assertIn(answer.status, (200, 409))
            self.assertNotIn("PRIVATE-NOTE", answer.text)
        self.assertEqual(self.post(path + "/extend", {"minutes": 5}).status, 409)  # finished: no more time

    def test_finish_with_a_chosen_submission_warns_and_can_regrade(self):
        s, cand = self.server.create_session()
        path = "/api/sessions/" + s["id"]
        self.assertEqual(self.server.request("POST", "/api/candidate/submit", {"source": REF}, token=cand).status, 201)
        broken = REF.replace("return 0;", "return 0", 1)
        self.assertEqual(self.server.request("POST", "/api/candidate/submit", {"source": broken}, token=cand).status, 201)
        self.assertEqual(self.finish(path, {"submission": 9}).status, 400)  # no such submission
        self.assertEqual(self.get(path).json["state"], "open")
        # The default grades the last one (CE) and says an earlier one passed the samples.
        r = self.finish(path, {})
        self.assertEqual(r.status, 200, r.text)
        self.assertEqual((r.json["verdict"], r.json["graded_submission"]), ("CE", 2))
        self.assertTrue(any("#1" in w for w in r.json["warnings"]), r.json["warnings"])
        # Finishing again changes nothing; re-grading with #1 does, and is recorded.
        again = self.finish(path, {})
        self.assertEqual((again.json["already_finished"], again.json["verdict"]), (True, "CE"))
        r = self.finish(path, {"submission": 1, "regrade": True})
        self.assertEqual(r.status, 200, r.text)
        self.assertEqual((r.json["verdict"], r.json["graded_submission"], r.json["regraded"]), ("AC", 1, True))
        live = self.get(path).json
        self.assertEqual(live["finished"]["verdict"], "AC")
        self.assertEqual([(g["submission"], g["verdict"], g["regrade"]) for g in live["gradings"]],
                         [(2, "CE", False), (1, "AC", True)])
        entry = [x for x in self.get("/api/sessions").json["sessions"] if x["id"] == s["id"]][0]
        self.assertEqual(entry["verdict"], "AC")

    def test_finish_rejects_a_session_that_does_not_exist(self):
        self.assertEqual(self.post("/api/sessions/zzzzzz/finish", {}).status, 404)


class DeadlineFinish(unittest.TestCase):
    def test_the_server_finishes_a_session_at_its_deadline_by_itself(self):
        srv = Server(["--run-interval", "1"]).start()
        try:
            s, cand = srv.create_session(minutes=1)
            r = srv.request("POST", "/api/candidate/submit", {"source": REF}, token=cand)
            self.assertEqual(r.status, 201, r.text)
            session_json = os.path.join(srv.sessions, s["id"], "session.json")
            srv.set_clock(iso_after(59))
            time.sleep(2.5)
            self.assertEqual(stored(session_json)["state"], "open")  # not before the deadline
            srv.set_clock(iso_after(61))
            # Nobody asks the server anything about the session: it finishes it on its own.
            wait_for(lambda: stored(session_json)["state"] == "finished", timeout=90)
            self.assertEqual(stored(session_json)["finished_by"], "deadline")
            self.assertTrue(os.path.exists(os.path.join(srv.sessions, s["id"], "report.html")))
            result = stored(os.path.join(srv.sessions, s["id"], "result.json"))
            self.assertEqual(result["verdict"], "AC")
            entry = srv.request("GET", "/api/sessions", token=srv.interviewer_token).json["sessions"][0]
            self.assertEqual((entry["state"], entry["verdict"], entry["report"]), ("finished", "AC", True))
            st = srv.request("GET", "/api/candidate/state", token=cand).json
            self.assertEqual(st["state"], "finished")
        finally:
            srv.cleanup()


class Pages(ServerTest):
    def test_interviewer_page_is_strict(self):
        r = self.server.request("GET", "/interviewer")
        self.assertEqual(r.status, 200)
        csp = r.headers["content-security-policy"]
        for want in ("default-src 'none'", "script-src 'self'", "frame-src 'self'", "frame-ancestors 'none'"):
            self.assertIn(want, csp)
        self.assertNotIn("unsafe", csp)
        for tag in re.findall(r"<script[^>]*>", r.text):
            self.assertRegex(tag, r'src="/assets/')
        self.assertNotRegex(r.text, r"<script[^>]*>[^<]+</script>")
        self.assertNotRegex(r.text, r"\son[a-z]+=")
        self.assertNotIn(self.server.interviewer_token, r.text)
        for asset in ("common.js", "interviewer.js", "live.js", "playback.js"):
            a = self.server.request("GET", "/assets/" + asset)
            self.assertEqual(a.status, 200, asset)
            self.assertTrue(a.headers["content-type"].startswith("text/javascript"))
            self.assertNotIn("innerHTML", a.text, asset)  # everything shown is built as text


class SignalsInTheLiveView(unittest.TestCase):
    """An exercise that makes interview signals part of every session: the finished session's live view
    carries each kind's summary and first findings (issue: signals in the interview room's live view)."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="proctor-signals-live-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        ex = os.path.join(self.tmp, "exercises", "be-header")
        shutil.copytree(os.path.join(REPO, "exercises", "be-header"), ex, symlinks=True)
        with open(os.path.join(ex, "exercise.json")) as f:
            meta = json.load(f)
        meta["signals"] = {"every_session": True}
        with open(os.path.join(ex, "exercise.json"), "w") as f:
            json.dump(meta, f)
        self.server = Server(("--run-interval", "1"), exercises=os.path.join(self.tmp, "exercises")).start()
        self.addCleanup(self.server.cleanup)

    def test_a_finished_sessions_signals_reach_the_live_view(self):
        # Right on every test, with a heap overflow: the demo of docs/signals.md.
        with open(os.path.join(REPO, "exercises", "be-header", "submissions", "accepted", "fields_first.c")) as f:
            buggy = f.read()
        s, cand = self.server.create_session(exercise="be-header")
        path = "/api/sessions/" + s["id"]
        token = self.server.interviewer_token
        live = self.server.request("GET", path, token=token).json
        self.assertNotIn("finished", live)
        self.assertEqual(self.server.request("POST", "/api/candidate/submit", {"source": buggy}, token=cand).status, 201)
        for _ in range(30):
            r = self.server.request("POST", path + "/finish", {}, token=token, timeout=300)
            if r.status != 429:
                break
            time.sleep(int(r.headers.get("retry-after", "1")))
        self.assertEqual(r.status, 200, r.text)
        self.assertEqual(r.json["verdict"], "AC")
        finished = self.server.request("GET", path, token=token).json["finished"]
        kinds = {k["kind"]: k for k in finished["signals"]}
        self.assertEqual(set(kinds), {"sanitizer", "analysis", "complexity"}, finished)
        san = kinds["sanitizer"]
        self.assertTrue(san["notable"], san)
        self.assertTrue(any(i.startswith("heap-buffer-overflow at solution.c:") for i in san["items"]), san)
        self.assertIn("finding", san["summary"])
        self.assertTrue(kinds["complexity"]["summary"], kinds["complexity"])

        # And on the page, in a real browser: the live view of the finished session lists them.
        from browser_test import chromium
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions as EC
        from selenium.webdriver.support.ui import WebDriverWait
        driver, profile = chromium()
        self.addCleanup(shutil.rmtree, profile, True)
        self.addCleanup(driver.quit)
        driver.get(self.server.url + "/interviewer")
        WebDriverWait(driver, 30).until(EC.visibility_of_element_located((By.ID, "token")))
        driver.find_element(By.ID, "token").send_keys(token)
        driver.find_element(By.ID, "sign-in").click()
        WebDriverWait(driver, 30).until(EC.visibility_of_element_located((By.ID, "view-dashboard")))
        driver.get(self.server.url + "/interviewer#live/" + s["id"])
        WebDriverWait(driver, 30).until(EC.visibility_of_element_located((By.ID, "live-signals")))
        # The live view re-renders as its data arrives, so the element is found afresh for each read
        # (text_to_be_present_in_element does; holding on to one element read a stale node in CI).
        for text in ("heap-buffer-overflow at solution.c:", "Static analysis", "grows like"):
            try:
                WebDriverWait(driver, 30).until(EC.text_to_be_present_in_element((By.ID, "live-signals"), text))
            except Exception:  # noqa: BLE001
                self.fail("%r is not in the live view's signals: %r" % (text, driver.find_element(By.ID, "live-signals").text))
        driver.save_screenshot(os.path.join(os.environ.get("PROCTOR_SCREENS") or self.tmp, "live-signals.png"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
