#!/usr/bin/python3
"""kill -9 of the server at any moment loses no acknowledged save or submission, and after a restart
the session goes on against its stored deadline with the same candidate link."""
import json
import os
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from support import REPO, Server, iso_after  # noqa: E402

REF = open(os.path.join(REPO, "exercises", "log-levels", "submissions", "accepted", "ref.c")).read()


class KillNine(unittest.TestCase):
    def test_acknowledged_saves_and_submissions_survive_kill_9(self):
        srv = Server().start()
        try:
            s, t = srv.create_session(minutes=30)
            r = srv.request("POST", "/api/candidate/submit", {"source": REF}, token=t)
            self.assertEqual(r.status, 201, r.text)
            acked = []
            stop = threading.Event()

            def saver():
                i = 0
                while not stop.is_set():
                    src = "// draft %d\n%s" % (i, "x" * (i % 5000))
                    try:
                        r = srv.request("PUT", "/api/candidate/draft", {"source": src}, token=t, timeout=5)
                    except Exception:
                        return  # the server died under us: this save was never acknowledged
                    if r.status == 200:
                        acked.append(src)
                    i += 1

            th = threading.Thread(target=saver)
            th.start()
            time.sleep(1.5)
            srv.kill9()  # mid-stream: some save is probably half-written right now
            stop.set()
            th.join()
            self.assertGreater(len(acked), 5)

            srv.set_clock(iso_after(10 * 60))  # ten minutes later, the server comes back
            srv.start()
            r = srv.request("GET", "/api/candidate/session", token=t)  # the same link still works
            self.assertEqual(r.status, 200, r.text)
            # The latest draft is the last acknowledged save, or the one in flight at the kill (durable
            # before its answer was sent, which is allowed: never older than what was acknowledged).
            number = lambda src: int(src.split("\n", 1)[0].split()[-1])  # noqa: E731
            self.assertGreaterEqual(number(r.json["draft"]), number(acked[-1]))
            self.assertLessEqual(number(r.json["draft"]), number(acked[-1]) + 1)
            self.assertEqual(r.json["deadline"], s["deadline"])
            self.assertEqual(r.json["remaining_ms"], 20 * 60 * 1000)
            self.assertEqual([x["n"] for x in r.json["submissions"]], [1])
            drafts = sorted(os.listdir(os.path.join(srv.sessions, s["id"], "drafts")))
            contents = [open(os.path.join(srv.sessions, s["id"], "drafts", f)).read()
                        for f in drafts if not f.startswith(".")]
            for src in acked:
                self.assertIn(src, contents)  # every acknowledged save is kept for playback
            # And the session goes on: a new save and a new submission work.
            self.assertEqual(srv.request("PUT", "/api/candidate/draft", {"source": "// after"}, token=t).status, 200)
            r = srv.request("POST", "/api/candidate/submit", {"source": REF}, token=t)
            self.assertEqual((r.status, r.json["n"]), (201, 2))
            # The CLI reads the same store.
            session = json.load(open(os.path.join(srv.sessions, s["id"], "session.json")))
            self.assertEqual(len(session["submissions"]), 2)
        finally:
            srv.cleanup()

    def test_kill_9_during_a_submission_leaves_a_consistent_session(self):
        srv = Server().start()
        try:
            s, t = srv.create_session()
            result = {}

            def submit():
                try:
                    result["r"] = srv.request("POST", "/api/candidate/submit", {"source": REF}, token=t, timeout=30)
                except Exception as e:  # noqa: BLE001
                    result["e"] = e

            th = threading.Thread(target=submit)
            th.start()
            time.sleep(0.4)
            srv.kill9()
            th.join()
            srv.start()
            r = srv.request("GET", "/api/candidate/state", token=t)
            self.assertEqual(r.status, 200)
            if "r" in result and result["r"].status == 201:
                self.assertEqual(len(r.json["submissions"]), 1)  # acknowledged: it must be there
            self.assertLessEqual(len(r.json["submissions"]), 1)
            r = srv.request("POST", "/api/candidate/submit", {"source": REF}, token=t)
            self.assertEqual(r.status, 201, r.text)
        finally:
            srv.cleanup()


if __name__ == "__main__":
    unittest.main(verbosity=2)
