#!/usr/bin/python3
"""API tests of `proctor serve`, one per security or reliability point of docs/api.md. Every answer is
validated against docs/openapi.yaml (support.validate). Each test asserts behaviour that a broken server
would not have: a missing check makes it fail."""
import glob
import json
import os
import socket
import stat
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from support import REPO, Server, ServerTest, iso_after  # noqa: E402

EX = os.path.join(REPO, "exercises", "log-levels")
REF = open(os.path.join(EX, "submissions", "accepted", "ref.c")).read()
WRONG = open(os.path.join(EX, "starter.c")).read()  # compiles, fails every sample


def secret_inputs():
    out = []
    for f in sorted(glob.glob(os.path.join(EX, "data", "secret", "**", "*.in"), recursive=True)):
        text = open(f, errors="replace").read()
        if len(text.strip()) >= 40:
            out.append(text.strip()[:200])
    return out


class Api(ServerTest):
    server_args = ("--read-timeout", "1", "--run-interval", "3")

    # --- authentication -------------------------------------------------------------------------

    def test_create_session_needs_the_interviewer_token(self):
        body = {"exercise": "log-levels", "candidate": "Ada", "duration_minutes": 30}
        r = self.server.request("POST", "/api/sessions", body)
        self.assertEqual(r.status, 401)
        self.assertEqual(r.headers.get("www-authenticate"), "Bearer")
        wrong = "0" * 64
        self.assertNotEqual(wrong, self.server.interviewer_token)
        self.assertEqual(self.server.request("POST", "/api/sessions", body, token=wrong).status, 401)
        # A prefix of the right token, and the right token with a byte changed, are refused too.
        tok = self.server.interviewer_token
        self.assertEqual(self.server.request("POST", "/api/sessions", body, token=tok[:32]).status, 401)
        flipped = tok[:-1] + ("0" if tok[-1] != "0" else "1")
        self.assertEqual(self.server.request("POST", "/api/sessions", body, token=flipped).status, 401)
        self.assertEqual(self.server.request("GET", "/api/sessions", token=flipped).status, 401)
        r = self.server.request("POST", "/api/sessions", body, token=tok)
        self.assertEqual(r.status, 201, r.text)
        self.assertEqual(r.json["deadline"], iso_after(30 * 60))
        self.assertTrue(r.json["candidate_url"].startswith(self.server.url + "/candidate#"))

    def test_interviewer_token_file_is_private(self):
        path = os.path.join(self.server.sessions, "interviewer.token")
        mode = stat.S_IMODE(os.stat(path).st_mode)
        self.assertEqual(mode, 0o600)
        self.assertRegex(open(path).read().strip(), r"^[0-9a-f]{64}$")

    def test_candidate_tokens_are_long_random_and_per_session(self):
        a, ta = self.server.create_session(candidate="A")
        b, tb = self.server.create_session(candidate="B")
        for t in (ta, tb):
            self.assertRegex(t, r"^[0-9a-f]{64}$")  # 256 bits
        self.assertNotEqual(ta, tb)
        self.assertEqual(self.server.request("GET", "/api/candidate/session", token=ta).json["id"], a["id"])
        self.assertEqual(self.server.request("GET", "/api/candidate/session", token=tb).json["id"], b["id"])
        for bad in (None, "", ta[:-1] + ("0" if ta[-1] != "0" else "1"), self.server.interviewer_token, a["id"]):
            r = self.server.request("GET", "/api/candidate/state", token=bad)
            self.assertEqual(r.status, 401, bad)
        # The token is stored hashed only: it is nowhere in clear in the sessions directory.
        for root, _, files in os.walk(self.server.sessions):
            for f in files:
                with open(os.path.join(root, f), "rb") as fh:
                    self.assertNotIn(ta.encode(), fh.read(), os.path.join(root, f))

    def test_no_cookies(self):
        s, t = self.server.create_session()
        for path, tok in (("/candidate", None), ("/api/candidate/session", t), ("/api/candidate/state", t)):
            r = self.server.request("GET", path, token=tok)
            self.assertNotIn("set-cookie", r.headers)
        # A cookie is no credential: only the Authorization header is.
        r = self.server.request("GET", "/api/candidate/state", headers={"Cookie": "token=" + t})
        self.assertEqual(r.status, 401)

    # --- what is served -------------------------------------------------------------------------

    def test_only_statement_starter_headers_and_samples_are_served(self):
        s, t = self.server.create_session()
        r = self.server.request("GET", "/api/candidate/session", token=t)
        self.assertEqual(r.status, 200)
        body = r.text
        self.assertIn("<h1>", r.json["statement_html"])
        self.assertEqual(r.json["starter"], open(os.path.join(EX, "starter.c")).read())
        self.assertEqual([x["name"] for x in r.json["samples"]], ["sample/01", "sample/02", "sample/03"])
        self.assertEqual(r.json["samples"][0]["input"], open(os.path.join(EX, "data", "sample", "01.in")).read())
        secrets = secret_inputs()
        self.assertTrue(secrets)
        for text in secrets:
            self.assertNotIn(json.dumps(text)[1:-1], body)
        # The accepted reference's body is nowhere in the answer.
        self.assertNotIn(json.dumps(REF[len(REF) // 2:len(REF) // 2 + 120])[1:-1], body)
        # Function exercise: the public header only, not the harness source.
        s2, t2 = self.server.create_session(exercise="masked-search")
        r2 = self.server.request("GET", "/api/candidate/session", token=t2)
        self.assertEqual([x["name"] for x in r2.json["includes"]], ["masked-search.h"])

    def test_no_path_traversal_in_any_encoding(self):
        s, t = self.server.create_session()
        sid = s["id"]
        probes = [
            "/assets/../../sessions/%s/session.json" % sid, "/assets/%2e%2e/%2e%2e/docs/api.md",
            "/assets/%2e%2e%2f%2e%2e%2fCMakeLists.txt", "/assets/..%2f..%2fREADME.md", "/assets/%252e%252e/README.md",
            "/assets/..\\..\\README.md", "/assets/candidate.js%00.html", "/assets/./candidate.js/../../../etc/passwd",
            "//etc/passwd", "/candidate/../../etc/passwd", "/web/candidate.js", "/dist/editor.js", "/assets/",
            "/%2e%2e/%2e%2e/etc/passwd", "/exercises/log-levels/data/secret", "/sessions/%s/session.json" % sid,
            "/api/candidate/../sessions", "/api/sessions/../../etc/passwd", "/assets/%c0%ae%c0%ae/README.md",
            "/assets/candidate.js?../../etc/passwd",
        ]
        for p in probes:
            r = self.server.request("GET", p)
            if p.startswith("/assets/candidate.js?"):
                self.assertEqual(r.status, 200)  # the query is ignored: still the page's own file
                self.assertIn("Authorization", r.text)
                continue
            self.assertIn(r.status, (400, 401, 404), p)
            for leak in ("proctor-session", "root:x:0", "cmake_minimum_required", "# Proctor", "package_sha256"):
                self.assertNotIn(leak, r.text, p)

    def test_strict_csp_and_no_inline_script(self):
        r1 = self.server.request("GET", "/candidate")
        r2 = self.server.request("GET", "/candidate")
        self.assertEqual(r1.status, 200)
        csp = r1.headers["content-security-policy"]
        self.assertIn("default-src 'none'", csp)
        self.assertIn("script-src 'self'", csp)
        self.assertNotIn("unsafe-inline", csp)
        self.assertNotIn("unsafe-eval", csp)
        self.assertIn("frame-ancestors 'none'", csp)
        self.assertEqual(r1.headers["x-content-type-options"], "nosniff")
        self.assertEqual(r1.headers["referrer-policy"], "no-referrer")
        self.assertNotEqual(csp, r2.headers["content-security-policy"])  # a fresh nonce per page
        import re
        for tag in re.findall(r"<script[^>]*>", r1.text):
            self.assertRegex(tag, r'src="/assets/')
        self.assertNotRegex(r1.text, r"<script[^>]*>[^<]+</script>")
        self.assertNotRegex(r1.text, r"\son[a-z]+=")
        api = self.server.request("GET", "/api/candidate/state")
        self.assertIn("default-src 'none'", api.headers["content-security-policy"])

    def test_statement_html_is_not_passed_through(self):
        from support import REPO as _  # noqa: F401
        # md4c with MD_FLAG_NOHTML: the bundled statements hold no raw HTML, so check the renderer on one
        # that does, through a package copy.
        import shutil, tempfile
        tmp = tempfile.mkdtemp()
        try:
            ex = os.path.join(tmp, "exercises")
            shutil.copytree(EX, os.path.join(ex, "evil"))
            with open(os.path.join(ex, "evil", "statement.md"), "a") as f:
                f.write('\n<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n')
            srv = Server(exercises=ex).start()
            try:
                _, t = srv.create_session(exercise="evil")
                html = srv.request("GET", "/api/candidate/session", token=t).json["statement_html"]
                self.assertNotIn("<script", html)
                self.assertNotIn("<img", html)
                self.assertIn("&lt;script&gt;", html)
            finally:
                srv.cleanup()
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    # --- bounded requests ------------------------------------------------------------------------

    def test_body_limits(self):
        s, t = self.server.create_session()
        ok = "/*" + "x" * (256 * 1024 - 4) + "*/"
        self.assertEqual(len(ok), 256 * 1024)
        self.assertEqual(self.server.request("PUT", "/api/candidate/draft", {"source": ok}, token=t).status, 200)
        r = self.server.request("PUT", "/api/candidate/draft", {"source": ok + "x"}, token=t)
        self.assertEqual(r.status, 413)
        # A body larger than any valid one is cut off before it is read whole.
        raw = b'{"source": "' + b"\\u0041" * (300 * 1024) + b'"}'
        r = self.server.request("POST", "/api/candidate/run", raw=raw, token=t)
        self.assertEqual(r.status, 413)
        big = {"exercise": "log-levels", "candidate": "x" * 20000}
        r = self.server.request("POST", "/api/sessions", big, token=self.server.interviewer_token)
        self.assertEqual(r.status, 413)
        r = self.server.request("PUT", "/api/candidate/draft", raw=b"not json", token=t)
        self.assertEqual(r.status, 400)

    def test_slow_client_is_cut_off(self):
        # --read-timeout 1 in this class: a client that stops half-way through its head is dropped.
        s = socket.create_connection(("127.0.0.1", self.server.port))
        s.sendall(b"GET /api/candidate/state HTTP/1.1\r\nHost: x\r\n")
        s.settimeout(8)
        started = time.time()
        data = s.recv(100)
        took = time.time() - started
        self.assertEqual(data, b"")
        self.assertLess(took, 5)
        s.close()
        # Meanwhile and after, others are served.
        self.assertEqual(self.server.request("GET", "/candidate").status, 200)

    def test_vanished_client_harms_nothing(self):
        s, t = self.server.create_session()
        body = json.dumps({"source": REF}).encode()
        sock = socket.create_connection(("127.0.0.1", self.server.port))
        sock.sendall(b"POST /api/candidate/run HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + t.encode() +
                     b"\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
        sock.close()  # gone before the answer
        time.sleep(3.5)  # past the run interval; the server must still answer this session
        r = self.server.request("POST", "/api/candidate/run", {"source": REF}, token=t)
        self.assertIn(r.status, (200, 429))
        self.assertEqual(self.server.request("GET", "/api/candidate/state", token=t).status, 200)

    # --- run queue -------------------------------------------------------------------------------

    def test_rate_limit_answers_wait_n_seconds(self):
        s, t = self.server.create_session()
        r1 = self.server.request("POST", "/api/candidate/run", {"source": REF}, token=t)
        self.assertEqual(r1.status, 200, r1.text)
        r2 = self.server.request("POST", "/api/candidate/run", {"source": REF}, token=t)
        self.assertEqual(r2.status, 429)
        n = int(r2.headers["retry-after"])
        self.assertTrue(1 <= n <= 3, n)
        self.assertIn("wait %d s" % n, r2.json["error"])
        self.assertEqual(r2.json["retry_after_s"], n)

    def test_one_candidate_cannot_hold_two_places_in_line(self):
        a, ta = self.server.create_session(candidate="A")
        b, tb = self.server.create_session(candidate="B")
        results = {}

        def run_a():
            results["a1"] = self.server.request("POST", "/api/candidate/run", {"source": REF}, token=ta).status

        th = threading.Thread(target=run_a)
        th.start()
        time.sleep(0.3)
        results["a2"] = self.server.request("POST", "/api/candidate/run", {"source": WRONG}, token=ta).status
        results["b1"] = self.server.request("POST", "/api/candidate/run", {"source": WRONG}, token=tb).status
        th.join()
        self.assertEqual(results, {"a1": 200, "a2": 429, "b1": 200})

    # --- runs, drafts and submissions ------------------------------------------------------------

    def test_run_samples_gives_diffs(self):
        s, t = self.server.create_session()
        r = self.server.request("POST", "/api/candidate/run", {"source": WRONG}, token=t)
        self.assertEqual(r.status, 200, r.text)
        self.assertEqual(r.json["verdict"], "WA")
        self.assertTrue(any(x.get("diff") for x in r.json["tests"]))
        self.assertTrue(all(x["name"].startswith("sample/") for x in r.json["tests"]))
        time.sleep(3.1)
        r = self.server.request("POST", "/api/candidate/run", {"source": "int main(void) { return x; }"}, token=t)
        self.assertEqual(r.json["verdict"], "CE")
        self.assertIn("x", r.json["compile"]["output"])
        # The room's name for the file (the editor's label), never the server's scratch file.
        self.assertIn("solution.c:1:", r.json["compile"]["output"])
        self.assertNotIn(s["id"], r.json["compile"]["output"])

    def test_failing_sample_shows_the_start_of_stdout_and_stderr(self):
        s, t = self.server.create_session()
        src = '#include <stdio.h>\nint main(void) { fprintf(stderr, "debug here\\n"); puts("TRACE 9"); return 0; }\n'
        r = self.server.request("POST", "/api/candidate/run", {"source": src}, token=t)
        self.assertEqual(r.status, 200, r.text)
        test = r.json["tests"][0]
        self.assertEqual(test["verdict"], "WA")
        self.assertEqual(test["stdout"]["text"], "TRACE 9\n")
        self.assertEqual(test["stderr"]["text"], "debug here\n")

    def test_run_with_my_input(self):
        s, t = self.server.create_session()
        src = '#include <stdio.h>\nint main(void) { char b[64]; while (fgets(b, sizeof b, stdin)) printf("got %s", b); return 0; }\n'
        r = self.server.request("POST", "/api/candidate/run-input", {"source": src, "input": "hello\n"}, token=t)
        self.assertEqual(r.status, 200, r.text)
        self.assertEqual((r.json["status"], r.json["stdout"]["text"]), ("OK", "got hello\n"))
        time.sleep(3.1)
        r = self.server.request("POST", "/api/candidate/run-input", {"source": src, "input": "x" * (1024 * 1024 + 1)}, token=t)
        self.assertEqual(r.status, 413)
        r = self.server.request("POST", "/api/candidate/run-input", {"source": src}, token=t)
        self.assertEqual(r.status, 400)
        # Custom runs share the per-session rate limit with sample runs.
        r = self.server.request("POST", "/api/candidate/run-input", {"source": src, "input": ""}, token=t)
        self.assertEqual(r.status, 200, r.text)
        r = self.server.request("POST", "/api/candidate/run", {"source": src}, token=t)
        self.assertEqual(r.status, 429)

    def test_save_and_run_never_replace_a_submission(self):
        s, t = self.server.create_session()
        r = self.server.request("POST", "/api/candidate/submit", {"source": REF}, token=t)
        self.assertEqual(r.status, 201, r.text)
        self.assertEqual((r.json["n"], r.json["verdict"]), (1, "AC"))
        self.assertEqual(self.server.request("PUT", "/api/candidate/draft", {"source": WRONG}, token=t).status, 200)
        self.assertEqual(self.server.request("POST", "/api/candidate/run", {"source": WRONG}, token=t).status, 200)
        st = self.server.request("GET", "/api/candidate/state", token=t).json
        self.assertEqual(len(st["submissions"]), 1)
        session = json.load(open(os.path.join(self.server.sessions, s["id"], "session.json")))
        self.assertEqual(len(session["submissions"]), 1)
        snap = os.path.join(self.server.sessions, s["id"], session["submissions"][0]["file"])
        self.assertEqual(open(snap).read(), REF)
        # The draft is what the page reopens with; the submission stays the reference.
        self.assertEqual(self.server.request("GET", "/api/candidate/session", token=t).json["draft"], WRONG)

    def test_drafts_are_kept_for_playback(self):
        s, t = self.server.create_session()
        for i in range(3):
            r = self.server.request("PUT", "/api/candidate/draft", {"source": "// v%d\n" % i}, token=t)
            self.assertEqual((r.status, r.json["n"]), (200, i + 1))
        same = self.server.request("PUT", "/api/candidate/draft", {"source": "// v2\n"}, token=t)
        self.assertEqual(same.json["n"], 3)  # an unchanged autosave adds nothing
        files = sorted(os.listdir(os.path.join(self.server.sessions, s["id"], "drafts")))
        self.assertEqual(len(files), 3)
        self.assertEqual([open(os.path.join(self.server.sessions, s["id"], "drafts", f)).read() for f in files],
                         ["// v0\n", "// v1\n", "// v2\n"])

    def test_tokens_are_never_logged(self):
        s, t = self.server.create_session()
        self.server.request("GET", "/api/candidate/session", token=t)
        self.server.request("GET", "/api/candidate/state", token="f" * 64)
        log = open(self.server.log).read()
        self.assertIn("GET /api/candidate/session 200", log)  # the log is there...
        self.assertNotIn(t, log)                                 # ...without the tokens
        self.assertNotIn(self.server.interviewer_token, log)


class Deadline(unittest.TestCase):
    """The clock file moves time: no sleeping until a deadline."""

    def test_after_the_deadline_everything_is_refused_and_read_only(self):
        srv = Server().start()
        try:
            s, t = srv.create_session(minutes=1)
            self.assertEqual(srv.request("PUT", "/api/candidate/draft", {"source": "// a"}, token=t).status, 200)
            srv.set_clock(iso_after(59))
            st = srv.request("GET", "/api/candidate/state", token=t).json
            self.assertEqual((st["state"], st["read_only"], st["remaining_ms"]), ("open", False, 1000))
            srv.set_clock(iso_after(60))
            st = srv.request("GET", "/api/candidate/state", token=t).json
            # "finished" once the server's own finish at the deadline has run (within about a second).
            self.assertIn(st["state"], ("expired", "finished"))
            self.assertTrue(st["read_only"])
            for method, what in (("PUT", "draft"), ("POST", "run"), ("POST", "submit")):
                r = srv.request(method, "/api/candidate/" + what, {"source": REF}, token=t)
                self.assertEqual(r.status, 409, what)
                self.assertTrue(r.json["read_only"])
            session = json.load(open(os.path.join(srv.sessions, s["id"], "session.json")))
            self.assertEqual(session["submissions"], [])
        finally:
            srv.cleanup()

    def test_interviewer_token_is_reused_after_restart(self):
        srv = Server().start()
        try:
            first = srv.interviewer_token
            srv.stop()
            srv.start()
            self.assertEqual(srv.interviewer_token, first)
            os.chmod(os.path.join(srv.sessions, "interviewer.token"), 0o644)
            srv.stop()
            import subprocess
            from support import BINARY
            p = subprocess.run([BINARY, "serve", "--listen", "127.0.0.1:0", "--sessions", srv.sessions,
                                "--exercises", os.path.join(REPO, "exercises")], capture_output=True, text=True, timeout=30)
            self.assertEqual(p.returncode, 2)
            self.assertIn("interviewer.token", p.stderr)
        finally:
            srv.cleanup()


if __name__ == "__main__":
    unittest.main(verbosity=2)
