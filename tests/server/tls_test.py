#!/usr/bin/python3
"""`proctor serve --tls-cert F --tls-key F`: the interview room over HTTPS without a reverse proxy.

A throw-away self-signed certificate for 127.0.0.1 is made with the openssl tool; the client trusts
exactly that certificate. Checked: the banner and the candidate link say https, the API answers over
TLS (and its answers still match docs/openapi.yaml), a plain-HTTP client on the TLS port gets no page,
a client that never completes its handshake is dropped after the read timeout, and unusable TLS files
are one-line errors with exit code 2 that name the file."""
import http.client
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
import unittest

import support


def openssl(*args):
    subprocess.run(["openssl", *args], check=True, capture_output=True)


class TlsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="proctor-tls-test-")
        cls.cert = os.path.join(cls.tmp, "cert.pem")
        cls.key = os.path.join(cls.tmp, "key.pem")
        cls.other_key = os.path.join(cls.tmp, "other-key.pem")
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-days", "2",
                "-keyout", cls.key, "-out", cls.cert)
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-out", cls.other_key)
        cls.sessions = os.path.join(cls.tmp, "sessions")
        cls.proc = subprocess.Popen(
            [support.BINARY, "serve", "--listen", "127.0.0.1:0", "--sessions", cls.sessions, "--exercises",
             os.path.join(support.REPO, "exercises"), "--quiet", "--read-timeout", "1",
             "--tls-cert", cls.cert, "--tls-key", cls.key],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        cls.banner = cls.proc.stdout.readline()
        m = re.search(r"https://127\.0\.0\.1:(\d+)", cls.banner)
        if not m:
            cls.proc.kill()
            raise AssertionError("server did not start over TLS: %r %s" % (cls.banner, cls.proc.stderr.read()))
        cls.port = int(m.group(1))
        cls.context = ssl.create_default_context(cafile=cls.cert)

    @classmethod
    def tearDownClass(cls):
        cls.proc.terminate()
        cls.proc.wait(timeout=20)
        cls.proc.stdout.close()
        cls.proc.stderr.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def https(self, method, path, body=None, token=None):
        conn = http.client.HTTPSConnection("127.0.0.1", self.port, context=self.context, timeout=60)
        headers = {"Authorization": "Bearer " + token} if token else {}
        data = json.dumps(body).encode() if body is not None else None
        if data is not None:
            headers["Content-Type"] = "application/json"
        conn.request(method, path, body=data, headers=headers)
        res = conn.getresponse()
        answer = support.Answer(res.status, dict((k.lower(), v) for k, v in res.getheaders()), res.read())
        conn.close()
        if path.startswith("/api/"):
            support.validate(method, path, answer)
        return answer

    def test_banner_and_candidate_link_say_https(self):
        self.assertIn("https://127.0.0.1:%d" % self.port, self.banner)
        token = open(os.path.join(self.sessions, "interviewer.token")).read().strip()
        r = self.https("POST", "/api/sessions", {"exercise": "log-levels", "candidate": "Ada", "duration_minutes": 30},
                       token=token)
        self.assertEqual(r.status, 201, r.text)
        self.assertTrue(r.json["candidate_url"].startswith("https://127.0.0.1:%d/" % self.port), r.json)
        # The candidate's page and its state come over the same TLS port.
        candidate_token = r.json["candidate_url"].split("#", 1)[1]
        state = self.https("GET", "/api/candidate/session", token=candidate_token)
        self.assertEqual(state.status, 200, state.text)

    def test_live_streams_over_tls(self):
        token = open(os.path.join(self.sessions, "interviewer.token")).read().strip()
        r = self.https("POST", "/api/sessions", {"exercise": "log-levels", "candidate": "Ada", "duration_minutes": 30},
                       token=token)
        self.assertEqual(r.status, 201, r.text)
        sid, candidate_token = r.json["id"], r.json["candidate_url"].split("#", 1)[1]
        # The page's way: a ticket over TLS, then the stream it opens, over TLS too.
        ticket = self.https("POST", "/api/candidate/stream-ticket", token=candidate_token)
        self.assertEqual(ticket.status, 201, ticket.text)
        server = type("S", (), {"port": self.port})
        page = support.EventStream(server, ticket.json["url"], context=self.context)
        live = support.EventStream(server, "/api/sessions/%s/events" % sid, token=token, context=self.context)
        self.addCleanup(page.close)
        self.addCleanup(live.close)
        self.assertEqual((page.status, live.status), (200, 200))
        page.until("ready")
        live.until("ready")
        self.assertEqual(self.https("PUT", "/api/candidate/draft", {"source": "over tls"}, token=candidate_token).status, 200)
        draft, _ = live.until("draft", seconds=5)
        self.assertEqual(draft["data"]["source"], "over tls")
        # An idle stream is not a slow client: it outlives this server's --read-timeout 1 (an idle interval
        # has to pass here; no clock can stand in for the socket's own timer).
        time.sleep(2.5)
        self.assertEqual(self.https("POST", "/api/sessions/%s/extend" % sid, {"minutes": 5}, token=token).status, 200)
        ext, skipped = page.until("extend", seconds=5)
        self.assertEqual(skipped, [])
        self.assertIn("deadline", ext["data"])

    def test_wrong_interviewer_token_is_still_401(self):
        r = self.https("POST", "/api/sessions", {"exercise": "log-levels", "candidate": "Ada", "duration_minutes": 30},
                       token="0" * 64)
        self.assertEqual(r.status, 401)

    def test_plain_http_on_the_tls_port_gets_no_page(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request("GET", "/interviewer")
            res = conn.getresponse()
            status = res.status
        except (http.client.HTTPException, OSError):
            status = None
        finally:
            conn.close()
        self.assertIsNone(status, "a plain-HTTP request on the TLS port was answered")

    def test_a_client_that_never_handshakes_is_dropped(self):
        with socket.create_connection(("127.0.0.1", self.port), timeout=15) as s:
            start = time.monotonic()
            try:
                data = s.recv(1)
            except ConnectionResetError:
                data = b""
            self.assertEqual(data, b"")
            self.assertLess(time.monotonic() - start, 10)

    def refused(self, *tls_args):
        r = subprocess.run([support.BINARY, "serve", "--listen", "127.0.0.1:0", "--sessions", self.sessions,
                            "--exercises", os.path.join(support.REPO, "exercises"), *tls_args],
                           capture_output=True, text=True, timeout=30)
        self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
        self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
        return r.stderr

    def test_unusable_tls_files_are_one_line_errors(self):
        self.assertIn("give both", self.refused("--tls-cert", self.cert))
        missing = os.path.join(self.tmp, "missing.pem")
        self.assertIn(missing, self.refused("--tls-cert", missing, "--tls-key", self.key))
        self.assertRegex(self.refused("--tls-cert", self.cert, "--tls-key", self.other_key), "mismatch|does not match")
        # A key file that is not a key at all (the certificate given twice).
        self.assertIn("--tls-key", self.refused("--tls-cert", self.cert, "--tls-key", self.cert))


if __name__ == "__main__":
    unittest.main(verbosity=2)
