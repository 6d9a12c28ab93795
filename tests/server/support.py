"""Shared by the server tests: start `proctor serve` on a free loopback port with its own sessions
directory and clock file, talk HTTP to it, and validate every JSON answer against docs/openapi.yaml."""
import calendar
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest

import jsonschema
import yaml

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("PROCTOR_BINARY", os.path.join(REPO, "build", "dev", "proctor"))
OPENAPI = yaml.safe_load(open(os.path.join(REPO, "docs", "openapi.yaml")))
T0 = "2030-01-01T10:00:00.000Z"


def wait_for(predicate, timeout=60, every=0.2):
    """Polls `predicate` until it returns something true (and returns that), or fails the test."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise AssertionError("condition not met within %d s" % timeout)


def iso_after(seconds):
    """T0 plus `seconds`, as the clock file wants it."""
    base = calendar.timegm(time.strptime("2030-01-01T10:00:00", "%Y-%m-%dT%H:%M:%S"))
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(base + seconds)) + ".000Z"


class Server:
    def __init__(self, extra_args=(), sessions=None, clock=True, exercises=None):
        self.exercises = exercises or os.path.join(REPO, "exercises")
        self.tmp = tempfile.mkdtemp(prefix="proctor-serve-test-")
        self.sessions = sessions or os.path.join(self.tmp, "sessions")
        self.clock_file = os.path.join(self.tmp, "clock") if clock else None
        self.extra_args = list(extra_args)
        self.log = os.path.join(self.tmp, "server.log")
        if self.clock_file:
            self.set_clock(T0)
        self.proc = None

    def set_clock(self, instant):
        with open(self.clock_file + ".tmp", "w") as f:
            f.write(instant + "\n")
        os.replace(self.clock_file + ".tmp", self.clock_file)

    def start(self):
        self.killed = False
        env = dict(os.environ)
        if self.clock_file:
            env["PROCTOR_CLOCK_FILE"] = self.clock_file
        args = [BINARY, "serve", "--listen", "127.0.0.1:0", "--sessions", self.sessions,
                "--exercises", self.exercises] + self.extra_args
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=log, env=env, text=True)
        first = self.proc.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)", first)
        if not m:
            raise AssertionError("server did not start: %r; log: %s" % (first, open(self.log).read()))
        self.port = int(m.group(1))
        self.url = "http://127.0.0.1:%d" % self.port
        # The rest of the banner is read so the pipe never fills.
        return self

    @property
    def interviewer_token(self):
        with open(os.path.join(self.sessions, "interviewer.token")) as f:
            return f.read().strip()

    def kill9(self):
        self.killed = True
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.proc.stdout.close()

    def stop(self):
        # A server that ended on its own, before anyone stopped it, crashed: say how, with its log's end
        # (cleanup removes the log), so that a rare failure in CI leaves something to go on.
        if self.proc and self.proc.poll() not in (None, 0) and not getattr(self, "killed", False):
            with open(self.log, errors="replace") as f:
                tail = f.read()[-4000:]
            sys.stderr.write("support: the server (pid %d) had already ended with %s; its log ends:\n%s\n"
                             % (self.proc.pid, self.proc.returncode, tail))
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc.stdout.close()

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def request(self, method, path, body=None, token=None, headers=None, raw=None, timeout=120):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        h = dict(headers or {})
        if token:
            h["Authorization"] = "Bearer " + token
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        if data is not None:
            h.setdefault("Content-Type", "application/json")
        conn.request(method, path, body=data, headers=h)
        res = conn.getresponse()
        text = res.read()
        conn.close()
        out = Answer(res.status, dict((k.lower(), v) for k, v in res.getheaders()), text)
        if path.startswith("/api/"):
            validate(method, path, out)
        return out

    def create_session(self, exercise="log-levels", candidate="Ada L.", minutes=30):
        r = self.request("POST", "/api/sessions", {"exercise": exercise, "candidate": candidate,
                                                   "duration_minutes": minutes}, token=self.interviewer_token)
        assert r.status == 201, (r.status, r.text)
        token = r.json["candidate_url"].split("#", 1)[1]
        return r.json, token


class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body
        self.text = body.decode("utf-8", "replace")

    @property
    def json(self):
        return json.loads(self.body)


def operation(path, method):
    """The OpenAPI operation for a concrete path: exact paths first, then templated ones
    (/api/sessions/{id}/drafts/{n})."""
    if path in OPENAPI["paths"]:
        return OPENAPI["paths"][path].get(method.lower())
    for template, ops in OPENAPI["paths"].items():
        pattern = "/".join("[^/]+" if seg.startswith("{") else re.escape(seg) for seg in template.split("/"))
        if re.fullmatch(pattern, path):
            return ops.get(method.lower())
    return None


def validate(method, path, answer):
    """Validates a JSON answer against the OpenAPI document: the documented schema for that path,
    method and status. An undocumented status or path fails."""
    op = operation(path.split("?")[0], method)
    if op is None:
        if answer.status in (401, 404, 405):  # not an endpoint: an error object, nothing else
            assert set(answer.json) == {"error"}, answer.text
            return
        raise AssertionError("%s %s is not in docs/openapi.yaml" % (method, path))
    spec = op["responses"].get(str(answer.status))
    if spec is None:
        raise AssertionError("%s %s answered %d, not documented in docs/openapi.yaml: %s" % (method, path, answer.status, answer.text[:300]))
    if "$ref" in spec:
        spec = OPENAPI["components"]["responses"][spec["$ref"].split("/")[-1]]
    if "text/event-stream" in spec["content"]:
        assert answer.headers.get("content-type", "").startswith("text/event-stream"), answer.headers
        return
    schema = spec["content"]["application/json"]["schema"]
    assert answer.headers.get("content-type", "").startswith("application/json"), answer.headers
    full = dict(schema)
    full["components"] = OPENAPI["components"]
    jsonschema.Draft202012Validator(full).validate(answer.json)


def validate_event(event):
    """Validates one streamed event's data against components/schemas/StreamEvent."""
    full = dict(OPENAPI["components"]["schemas"]["StreamEvent"])
    full["components"] = OPENAPI["components"]
    jsonschema.Draft202012Validator(full).validate(event["data"])


class EventStream:
    """A Server-Sent Events client as an EventSource is one: GET the stream, then read events (id, event,
    data) and comments as they come. The head is validated against docs/openapi.yaml, every event's data
    against its StreamEvent schema."""

    def __init__(self, server, path, token=None, headers=None, timeout=15, context=None):
        h = dict(headers or {})
        if token:
            h["Authorization"] = "Bearer " + token
        h.setdefault("Accept", "text/event-stream")
        if context is not None:
            self.conn = http.client.HTTPSConnection("127.0.0.1", server.port, timeout=timeout, context=context)
        else:
            self.conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout)
        self.conn.request("GET", path, headers=h)
        self.sock = self.conn.sock  # http.client lets go of it once the answer says Connection: close
        self.res = self.conn.getresponse()
        self.status = self.res.status
        self.headers = dict((k.lower(), v) for k, v in self.res.getheaders())
        self.comments = []
        self.retry = None
        self.last_id = None
        if self.status != 200:
            self.answer = Answer(self.status, self.headers, self.res.read())
            validate("GET", path, self.answer)
            self.conn.close()
        else:
            validate("GET", path, Answer(200, self.headers, b""))

    def next(self):
        """The next event as {"id", "event", "data"}; None at the end of the stream. Raises
        socket.timeout when nothing comes within the connection's timeout."""
        event = {"id": None, "event": "message", "data": []}
        while True:
            line = self.res.fp.readline()
            if not line:
                return None
            line = line.decode("utf-8").rstrip("\n")
            if line == "":
                if event["data"]:
                    event["data"] = json.loads("\n".join(event["data"]))
                    validate_event(event)
                    if event["id"] is not None:
                        self.last_id = event["id"]
                    return event
                continue
            if line.startswith(":"):
                self.comments.append(line)
                continue
            field, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if field == "data":
                event["data"].append(value)
            elif field == "id":
                event["id"] = value
            elif field == "event":
                event["event"] = value
            elif field == "retry":
                self.retry = int(value)

    def until(self, kind, seconds=20):
        """Reads events until one of type `kind`; returns it and the ones skipped before it."""
        skipped = []
        end = time.time() + seconds
        while time.time() < end:
            e = self.next()
            if e is None:
                raise AssertionError("the stream ended before a %r event; saw %r" % (kind, skipped))
            if e["event"] == kind:
                return e, skipped
            skipped.append(e)
        raise AssertionError("no %r event within %d s; saw %r" % (kind, seconds, skipped))

    def close(self):
        """Goes away as a closed tab does: the connection ends."""
        self.res.close()
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()
        self.conn.close()


class ServerTest(unittest.TestCase):
    server_args = ()

    @classmethod
    def setUpClass(cls):
        cls.server = Server(cls.server_args).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()
