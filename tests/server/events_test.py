#!/usr/bin/python3
"""Live updates by Server-Sent Events (docs/api.md "Live updates"): what each audience's stream receives
and never receives, the credentials (bearer header or a single-use ticket, never a cookie), the limits
on streams, resuming with Last-Event-ID (also across a restart), changes made by `proctor session …` on
the same directory, time up and the finish, the heartbeat, a vanished client freeing its place, and a
stopping server closing its streams. Every head and every event's data is validated against
docs/openapi.yaml (support.EventStream)."""
import os
import signal
import socket
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from support import BINARY, REPO, EventStream, Server, ServerTest, iso_after, wait_for  # noqa: E402

REF = open(os.path.join(REPO, "exercises", "log-levels", "submissions", "accepted", "ref.c")).read()


class Streams(ServerTest):
    server_args = ("--heartbeat", "1", "--run-interval", "0")

    def interviewer_stream(self, sid, **kw):
        s = EventStream(self.server, "/api/sessions/%s/events" % sid, token=self.server.interviewer_token, **kw)
        self.addCleanup(s.close)
        return s

    def candidate_stream(self, token, **kw):
        s = EventStream(self.server, "/api/candidate/events", token=token, **kw)
        self.addCleanup(s.close)
        return s

    def test_interviewer_stream_receives_the_saved_draft(self):
        info, token = self.server.create_session()
        s = self.interviewer_stream(info["id"])
        self.assertEqual(s.status, 200)
        self.assertTrue(s.headers["content-type"].startswith("text/event-stream"), s.headers)
        self.assertNotIn("content-length", s.headers)
        ready, _ = s.until("ready")
        self.assertEqual(ready["data"]["state"], "open")
        self.assertEqual(s.retry, 3000)
        r = self.server.request("PUT", "/api/candidate/draft", {"source": "int main(void) { return 7; }\n"}, token=token)
        self.assertEqual(r.status, 200)
        draft, skipped = s.until("draft", seconds=5)
        self.assertEqual(skipped, [])
        self.assertEqual(draft["data"]["n"], r.json["n"])
        self.assertEqual(draft["data"]["source"], "int main(void) { return 7; }\n")
        self.assertTrue(draft["id"].startswith("i1."), draft["id"])

    def test_runs_and_submissions_reach_the_interviewer(self):
        info, token = self.server.create_session()
        s = self.interviewer_stream(info["id"])
        s.until("ready")
        r = self.server.request("POST", "/api/candidate/run", {"source": REF}, token=token)
        self.assertEqual(r.status, 200, r.text)
        started, _ = s.until("run_started")
        self.assertEqual(started["data"]["kind"], "samples")
        self.assertIsNone(started["id"])  # not stored: nothing to resume from
        run, _ = s.until("run")
        self.assertEqual(run["data"]["verdict"], "AC")
        self.assertEqual(run["data"]["sample_passed"], run["data"]["sample_total"])
        r = self.server.request("POST", "/api/candidate/submit", {"source": REF}, token=token)
        self.assertEqual(r.status, 201, r.text)
        # Sent when received (its samples still running) and again once they ran.
        sub, _ = s.until("submission")
        self.assertEqual(sub["data"]["n"], 1)
        if "verdict" not in sub["data"]:
            sub, _ = s.until("submission")
            self.assertEqual(sub["data"]["n"], 1)
        self.assertEqual(sub["data"]["verdict"], "AC")
        self.assertEqual(sub["data"]["sample_passed"], sub["data"]["sample_total"])

    def test_candidate_stream_gets_the_extension_and_never_a_note_or_a_draft(self):
        info, token = self.server.create_session()
        s = self.candidate_stream(token)
        ready, _ = s.until("ready")
        self.assertTrue(ready["id"].startswith("c1."), ready["id"])
        itok = self.server.interviewer_token
        self.assertEqual(self.server.request("POST", "/api/sessions/%s/notes" % info["id"], {"text": "weak on tests"}, token=itok).status, 201)
        self.assertEqual(self.server.request("PUT", "/api/candidate/draft", {"source": "x"}, token=token).status, 200)
        r = self.server.request("POST", "/api/sessions/%s/extend" % info["id"], {"minutes": 10}, token=itok)
        self.assertEqual(r.status, 200)
        ext, skipped = s.until("extend", seconds=5)
        self.assertEqual(skipped, [])  # nothing about the note or the draft came first
        self.assertEqual(ext["data"]["deadline"], r.json["deadline"])
        self.assertNotIn("by", ext["data"])
        self.assertNotIn("weak on tests", str(ext))

    def test_wrong_credentials_are_refused(self):
        info, token = self.server.create_session()
        other, _ = self.server.create_session()
        itok = self.server.interviewer_token
        sid = info["id"]
        cases = [
            ("/api/candidate/events", "0" * 64),
            ("/api/candidate/events", itok),           # the interviewer's token is no candidate token
            ("/api/sessions/%s/events" % sid, token),   # nor the other way round
            ("/api/sessions/%s/events" % sid, None),
            ("/api/candidate/events?ticket=" + "0" * 64, None),
            ("/api/sessions/%s/events?ticket=%s" % (sid, "1" * 64), None),
        ]
        for path, tok in cases:
            s = EventStream(self.server, path, token=tok)
            self.assertEqual(s.status, 401, path)
            self.assertEqual(s.headers.get("www-authenticate"), "Bearer")
        # A ticket works once, for its own audience and session only.
        t = self.server.request("POST", "/api/sessions/%s/stream-ticket" % sid, token=itok).json["url"]
        wrong_session = t.replace("/api/sessions/%s/" % sid, "/api/sessions/%s/" % other["id"])
        self.assertEqual(EventStream(self.server, wrong_session).status, 401)
        self.assertEqual(EventStream(self.server, t).status, 401)  # the failed try above consumed it
        t = self.server.request("POST", "/api/sessions/%s/stream-ticket" % sid, token=itok).json["url"]
        as_candidate = "/api/candidate/events?" + t.split("?", 1)[1]
        self.assertEqual(EventStream(self.server, as_candidate).status, 401)
        t = self.server.request("POST", "/api/candidate/stream-ticket", token=token)
        self.assertEqual(t.status, 201)
        first = EventStream(self.server, t.json["url"])
        self.addCleanup(first.close)
        self.assertEqual(first.status, 200)
        first.until("ready")
        self.assertEqual(EventStream(self.server, t.json["url"]).status, 401)
        # Tickets and tokens never reach the log (only method, path and status do).
        with open(self.server.log) as f:
            log = f.read()
        self.assertNotIn(t.json["url"].split("=", 1)[1], log)
        self.assertNotIn(token, log)
        self.assertNotIn("ticket=", log)

    def test_resume_with_last_event_id(self):
        info, token = self.server.create_session()
        itok = self.server.interviewer_token
        s = self.interviewer_stream(info["id"])
        ready, _ = s.until("ready")
        self.assertEqual(self.server.request("PUT", "/api/candidate/draft", {"source": "one"}, token=token).status, 200)
        first, _ = s.until("draft")
        s.close()
        # Missed while away: a newer draft, a note and an extension.
        self.assertEqual(self.server.request("PUT", "/api/candidate/draft", {"source": "two"}, token=token).status, 200)
        self.assertEqual(self.server.request("POST", "/api/sessions/%s/notes" % info["id"], {"text": "n1"}, token=itok).status, 201)
        self.assertEqual(self.server.request("POST", "/api/sessions/%s/extend" % info["id"], {"minutes": 5}, token=itok).status, 200)
        again = self.interviewer_stream(info["id"], headers={"Last-Event-ID": first["id"]})
        ready2, replayed = again.until("ready")
        self.assertEqual([e["event"] for e in replayed], ["draft", "note", "extend"])
        self.assertEqual(replayed[0]["data"]["source"], "two")
        self.assertEqual(ready2["id"], replayed[-1]["id"])
        # The same through ?last_event_id= with a fresh ticket (what the page does after a failure).
        url = self.server.request("POST", "/api/sessions/%s/stream-ticket" % info["id"], token=itok).json["url"]
        third = EventStream(self.server, url + "&last_event_id=" + ready["id"])
        self.addCleanup(third.close)
        _, replayed = third.until("ready")
        self.assertEqual([e["event"] for e in replayed], ["draft", "note", "extend"])
        # Nothing missed: nothing replayed.
        fourth = self.interviewer_stream(info["id"], headers={"Last-Event-ID": ready2["id"]})
        self.assertEqual(fourth.until("ready")[1], [])

    def test_the_candidate_resumes_without_learning_of_notes(self):
        info, token = self.server.create_session()
        itok = self.server.interviewer_token
        s = self.candidate_stream(token)
        ready, _ = s.until("ready")
        s.close()
        self.server.request("POST", "/api/sessions/%s/notes" % info["id"], {"text": "private"}, token=itok)
        again = self.candidate_stream(token, headers={"Last-Event-ID": ready["id"]})
        ready2, replayed = again.until("ready")
        self.assertEqual(replayed, [])
        self.assertEqual(ready2["id"], ready["id"])  # the id says nothing about the note either

    def test_changes_by_the_cli_reach_the_streams(self):
        info, token = self.server.create_session()
        s = self.interviewer_stream(info["id"])
        c = self.candidate_stream(token)
        s.until("ready")
        c.until("ready")
        env = dict(os.environ, PROCTOR_SESSIONS=self.server.sessions, PROCTOR_CLOCK_FILE=self.server.clock_file)
        subprocess.run([BINARY, "session", "extend", info["id"], "7m"], env=env, check=True, capture_output=True)
        subprocess.run([BINARY, "session", "note", info["id"], "from the terminal"], env=env, check=True,
                       capture_output=True)
        ext, _ = c.until("extend", seconds=5)
        self.assertEqual(ext["data"]["deadline"], iso_after(37 * 60))
        got, _ = s.until("note", seconds=5)
        self.assertEqual(got["data"]["text"], "from the terminal")

    def test_heartbeat_comments_keep_an_idle_stream_open(self):
        info, token = self.server.create_session()
        s = self.candidate_stream(token)
        s.until("ready")
        t0 = time.time()
        line = s.res.fp.readline()
        while line == b"\n":
            line = s.res.fp.readline()
        self.assertEqual(line, b": keep-alive\n")  # a comment, not an event: nothing happened
        self.assertLess(time.time() - t0, 3)  # --heartbeat 1


class Deadline(unittest.TestCase):
    """Time up and the server's own finish, on both streams (a server of its own: it moves the clock)."""

    def test_time_up_then_finished(self):
        srv = Server(["--quiet"]).start()
        self.addCleanup(srv.cleanup)
        info, token = srv.create_session(minutes=1)
        c = EventStream(srv, "/api/candidate/events", token=token)
        i = EventStream(srv, "/api/sessions/%s/events" % info["id"], token=srv.interviewer_token)
        self.addCleanup(c.close)
        self.addCleanup(i.close)
        c.until("ready")
        i.until("ready")
        srv.set_clock(iso_after(61))
        up, _ = c.until("time_up", seconds=10)
        self.assertIn(up["data"]["state"], ("expired", "finished"))
        fin, skipped = c.until("finished", seconds=60)
        self.assertNotIn("verdict", fin["data"])  # the candidate is not told the grade
        self.assertEqual([e["event"] for e in skipped], [])
        _, seen = i.until("finished", seconds=60)
        self.assertIn("grade", [e["event"] for e in seen])


class Limits(unittest.TestCase):
    """At most N streams per session and M in all, with a clear answer beyond; a client that goes away
    frees its place at once; a stopping server ends its streams."""

    def test_limits_and_vanished_clients(self):
        srv = Server(["--streams-per-session", "2", "--max-streams", "4", "--quiet"]).start()
        self.addCleanup(srv.cleanup)
        a, ta = srv.create_session()
        b, tb = srv.create_session(candidate="Bo")
        c, tc = srv.create_session(candidate="Cy")
        opened = [EventStream(srv, "/api/candidate/events", token=ta) for _ in range(2)]
        for s in opened:
            self.assertEqual(s.status, 200)
            s.until("ready")
        third = EventStream(srv, "/api/candidate/events", token=ta)
        self.assertEqual(third.status, 429)
        self.assertGreaterEqual(int(third.headers["retry-after"]), 1)
        self.assertIn("streams", third.answer.json["error"])
        # The candidate's streams never lock the interviewer out of the session (counted per audience).
        watcher = EventStream(srv, "/api/sessions/%s/events" % a["id"], token=srv.interviewer_token)
        self.addCleanup(watcher.close)
        self.assertEqual(watcher.status, 200)
        watcher.until("ready")
        other = EventStream(srv, "/api/candidate/events", token=tb)
        self.assertEqual(other.status, 200)
        other.until("ready")
        full = EventStream(srv, "/api/candidate/events", token=tc)
        self.assertEqual(full.status, 503)
        self.assertGreaterEqual(int(full.headers["retry-after"]), 1)
        # The client goes away without a word: its place is free again, without waiting for a heartbeat.
        opened[0].close()
        again = wait_for(lambda: (lambda s: s if s.status == 200 else None)(
            EventStream(srv, "/api/candidate/events", token=tc)), timeout=5)
        again.until("ready")
        # Stopping the server ends every open stream at once.
        t0 = time.time()
        srv.proc.send_signal(signal.SIGTERM)
        for s in (opened[1], other, again):
            s.sock.settimeout(5)
            while s.next() is not None:
                pass
        self.assertLess(time.time() - t0, 3)
        srv.proc.wait(timeout=20)

    def test_a_stream_dropped_in_the_middle_of_a_write_leaves_the_server_up(self):
        # An interviewer's tab that stops reading while drafts keep coming: the server queues up to its
        # backlog limit, then drops the stream, with a write to it still pending. A second reader stops
        # the same way, then half-closes (the read that watches for the client's leaving ends first).
        # Both times the server must stay up: ending a stream used to empty the queue that the pending
        # write's completion still popped from (CI saw `proctor serve` die of SIGSEGV).
        srv = Server(["--quiet"]).start()
        self.addCleanup(srv.cleanup)
        info, token = srv.create_session()
        path = "/api/sessions/%s/events" % info["id"]
        for end in ("backlog", "half-close"):
            with self.subTest(end=end):
                s = EventStream(srv, path, token=srv.interviewer_token)
                self.addCleanup(s.close)
                s.until("ready")  # then never reads again
                sent = 0
                limit = 12 << 20 if end == "backlog" else 3 << 20
                n = 0
                while sent < limit:
                    source = "/* %d */ int main(void) { return 0; }\n" % n + "x" * (250 * 1024)
                    r = srv.request("PUT", "/api/candidate/draft", {"source": source}, token=token)
                    self.assertEqual(r.status, 200, r.text)
                    sent += len(source)
                    n += 1
                if end == "half-close":
                    s.sock.shutdown(socket.SHUT_WR)
                # Still answering, and still the same process.
                wait_for(lambda: srv.request("GET", "/api/candidate/session", token=token).status == 200, timeout=5)
                self.assertIsNone(srv.proc.poll(), "proctor serve ended (exit %s)" % srv.proc.poll())
                s.close()
        time.sleep(0.5)
        self.assertEqual(srv.request("GET", "/api/candidate/session", token=token).status, 200)
        self.assertIsNone(srv.proc.poll(), "proctor serve ended (exit %s)" % srv.proc.poll())

    def test_resume_across_a_restart(self):
        srv = Server(["--quiet"]).start()
        self.addCleanup(srv.cleanup)
        info, token = srv.create_session()
        s = EventStream(srv, "/api/sessions/%s/events" % info["id"], token=srv.interviewer_token)
        ready, _ = s.until("ready")
        s.close()
        srv.request("PUT", "/api/candidate/draft", {"source": "before the restart"}, token=token)
        srv.stop()
        srv.start()
        again = EventStream(srv, "/api/sessions/%s/events" % info["id"], token=srv.interviewer_token,
                            headers={"Last-Event-ID": ready["id"]})
        self.addCleanup(again.close)
        _, replayed = again.until("ready")
        self.assertEqual([e["event"] for e in replayed], ["draft"])
        self.assertEqual(replayed[0]["data"]["source"], "before the restart")


def silent_client_child():
    """Runs in a network namespace of its own (see Silent below): the server and the client talk over its
    loopback, which is then taken down, so the client goes silent as a closed laptop does: no FIN, no
    reset, nothing acknowledged. Prints the status of a second stream opened after the wait."""
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    srv = Server(["--streams-per-session", "1", "--heartbeat", "1", "--quiet"]).start()
    try:
        info, token = srv.create_session()
        first = EventStream(srv, "/api/candidate/events", token=token)
        assert first.status == 200, first.status
        first.until("ready")
        second = EventStream(srv, "/api/candidate/events", token=token)
        print("while the first is open:", second.status, flush=True)
        subprocess.run(["ip", "link", "set", "lo", "down"], check=True)
        time.sleep(float(sys.argv[2]))  # the real time the kernel needs, not a timing assertion
        subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
        third = EventStream(srv, "/api/candidate/events", token=token)
        print("after the silence:", third.status, flush=True)
        third.close() if third.status == 200 else None
    finally:
        srv.cleanup()


class Silent(unittest.TestCase):
    def test_a_client_gone_silent_frees_its_place(self):
        # With a 1 s heartbeat the server ends a stream whose data stays unacknowledged for 3 s
        # (TCP_USER_TIMEOUT); without it the place stays taken until TCP gives up, ~15 minutes later.
        probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True)
        if probe.returncode != 0:
            self.skipTest("no network namespace for an unprivileged user here: " + probe.stderr.decode())
        out = subprocess.run(["unshare", "-rn", sys.executable, __file__, "--silent-client-child", "8"],
                             capture_output=True, text=True, timeout=120)
        self.assertEqual(out.returncode, 0, out.stdout + out.stderr)
        self.assertIn("while the first is open: 429", out.stdout, out.stderr)
        self.assertIn("after the silence: 200", out.stdout, out.stderr)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--silent-client-child":
        silent_client_child()
        sys.exit(0)
    unittest.main(verbosity=2)
