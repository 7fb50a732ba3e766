"""Integration harness: a real `visitd serve` on a free loopback port with a temporary
SQLite database, and a small cookie-aware HTTP client. Python standard library only.

With VISITD_TEST_POSTGRES_URL set (tests/postgres/with_postgres.sh sets it; the ctest entry
integration_postgres runs the suite so), each server gets a fresh PostgreSQL database on that
server instead of a SQLite file: a copy of a template database that `visitd migrate` built once
per run, created with psql and dropped at cleanup."""
import base64
import hashlib
import hmac
import http.client
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.parse

import contract

VISITD_BIN = os.environ.get("VISITD_BIN", "visitd")
TEST_SECRET = "test-secret-0123456789"
START_TIMEOUT_S = 20
POSTGRES_URL = os.environ.get("VISITD_TEST_POSTGRES_URL", "")
# The server's own psql, not Debian's pg_wrapper (a Perl script that takes about a second to start).
_PG_BIN = os.environ.get("VISITD_PG_BIN", "/usr/lib/postgresql/15/bin")
PSQL = os.path.join(_PG_BIN, "psql") if os.access(os.path.join(_PG_BIN, "psql"), os.X_OK) else "psql"
_databases_made = 0
_schema_template = None


def _psql(sql, url=None):
    subprocess.run([PSQL, "-X", "-q", "-v", "ON_ERROR_STOP=1", url or POSTGRES_URL, "-c", sql], check=True,
                   capture_output=True, timeout=60)


def _database_url(name):
    parts = urllib.parse.urlsplit(POSTGRES_URL)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, ""))


def _migrated_template():
    """A database holding visitd's migrated schema and nothing else, made once per run by this
    visitd's own `visitd migrate`: copying it (CREATE DATABASE ... TEMPLATE) gives each server
    the schema it would have built at start, without running every migration again."""
    global _schema_template
    if _schema_template is None:
        name = "visitd_it_template_%d" % os.getpid()
        _psql("CREATE DATABASE %s" % name)
        subprocess.run([VISITD_BIN, "migrate"], env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                                                     "VISITD_DATABASE": _database_url(name)},
                       check=True, capture_output=True, timeout=120)
        _schema_template = name
    return _schema_template


def _fresh_postgres_database(migrated=True):
    """A new database on the test server: a copy of the migrated template, or empty
    (migrated=False); returns (name, url)."""
    global _databases_made
    _databases_made += 1
    name = "visitd_it_%d_%d" % (os.getpid(), _databases_made)
    # FILE_COPY: for a database of a few MB, copying the files beats WAL_LOG's page-by-page log.
    _psql("CREATE DATABASE %s TEMPLATE %s STRATEGY FILE_COPY" % (name, _migrated_template() if migrated else "template1"))
    return name, _database_url(name)


# Set by the sanitizer builds' ctest ("address,undefined" or "thread"); empty otherwise.
SANITIZER = os.environ.get("VISITD_SANITIZER", "")
SANITIZER_MARKERS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:",
                     "WARNING: ThreadSanitizer", "ERROR: ThreadSanitizer")


def sanitizer_report(stderr):
    """The sanitizer's report in a server's stderr, from its first line on ("" when none)."""
    for marker in SANITIZER_MARKERS:
        at = stderr.find(marker)
        if at >= 0:
            return stderr[max(0, stderr.rfind("\n", 0, at) + 1):][:8000]
    return ""


class Server:
    """One visitd process. `env` overrides VISITD_* settings; `database` reuses a file."""

    def __init__(self, env=None, database=None, preexec_fn=None):
        self._own_dir = tempfile.mkdtemp(prefix="visitd-it-")
        self._own_postgres = None
        if database is None and POSTGRES_URL:
            self._own_postgres, database = _fresh_postgres_database()
        self.database = database or os.path.join(self._own_dir, "visitd.db")
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "VISITD_DATABASE": self.database,
            "VISITD_LISTEN": "127.0.0.1:0",
            "VISITD_SECRET": TEST_SECRET,
            "VISITD_LOG_LEVEL": "warn",
            # Bursts from one address in tests: raise the limits, keep the code path.
            "VISITD_BOOKING_RATE_PER_MINUTE": "100000",
            "VISITD_BOOKING_BURST": "100000",
            "VISITD_LOGIN_RATE_PER_MINUTE": "100000",
            "VISITD_LOGIN_BURST": "100000",
            "VISITD_BOOKING_NETWORK_RATE_PER_MINUTE": "100000",
            "VISITD_BOOKING_NETWORK_BURST": "100000",
            "VISITD_BUSINESS_BOOKING_RATE_PER_MINUTE": "100000",
            "VISITD_BUSINESS_BOOKING_BURST": "100000",
            "VISITD_LOGIN_NETWORK_RATE_PER_MINUTE": "100000",
            "VISITD_LOGIN_NETWORK_BURST": "100000",
            "VISITD_ACCOUNT_LOGIN_FAILURES": "100000",
            "VISITD_THREADS": "4",
        }
        # A sanitizer build (VISITD_SANITIZER, set by CMake) hands its options on to the server.
        for name in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "TSAN_OPTIONS", "LSAN_OPTIONS"):
            if name in os.environ:
                self.env[name] = os.environ[name]
        self.env.update(env or {})
        self.preexec_fn = preexec_fn  # runs in the child before exec (e.g. to set resource limits)
        self.proc = None
        self.port = None
        self.base_url = None
        self._stderr = []
        # Exchanges that disagree with docs/openapi.yaml; cleanup() fails on any left here
        # (a request in another thread cannot fail the test itself).
        self.contract_mismatches = []

    def start(self):
        self.proc = subprocess.Popen([VISITD_BIN, "serve"], env=self.env, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, preexec_fn=self.preexec_fn)
        # stderr is drained continuously so a chatty server never blocks on a full pipe.
        self._stderr_thread = threading.Thread(target=self._drain_stderr, daemon=True)
        self._stderr_thread.start()
        deadline = time.monotonic() + START_TIMEOUT_S
        # The server prints exactly one line when it accepts connections.
        line = self.proc.stdout.readline()
        if "visitd listening on http://" not in line:
            self.proc.wait(timeout=max(1, deadline - time.monotonic()))
            self._stderr_thread.join(timeout=10)  # the exited server's last words, before quoting them
            raise RuntimeError("visitd did not start: %r %s" % (line, "".join(self._stderr)))
        self.base_url = line.strip().split("listening on ", 1)[1]
        self.port = int(self.base_url.rsplit(":", 1)[1])
        threading.Thread(target=self.proc.stdout.read, daemon=True).start()
        return self

    def _drain_stderr(self):
        for line in self.proc.stderr:
            self._stderr.append(line)

    def stderr_text(self):
        return "".join(self._stderr)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc:
            self._stderr_thread.join(timeout=15)
            report = sanitizer_report(self.stderr_text())
            if report:
                self.proc = None
                raise AssertionError("the server reported a sanitizer finding:\n" + report)
            for pipe in (self.proc.stdout, self.proc.stderr):
                try:
                    pipe.close()
                except Exception:  # a drain thread may still hold it; closing is best effort
                    pass
        self.proc = None

    def cleanup(self, check_contract=True):
        self.stop()
        shutil.rmtree(self._own_dir, ignore_errors=True)
        if self._own_postgres:
            try:
                _psql("DROP DATABASE IF EXISTS %s WITH (FORCE)" % self._own_postgres)
            except subprocess.SubprocessError:  # the whole server goes at the end of the run
                pass
            self._own_postgres = None
        mismatches, self.contract_mismatches = self.contract_mismatches, []
        if check_contract and mismatches:
            raise AssertionError("exchanges that docs/openapi.yaml does not describe:\n  " + "\n  ".join(mismatches))

    def check_contract(self, method, target, request_headers, request_body, status, response_headers, body):
        """Validates one exchange against docs/openapi.yaml; raises AssertionError on a
        mismatch (and remembers it for cleanup())."""
        found = contract.shared().check(method, target, request_headers, request_body, status, response_headers,
                                        body)
        if found:
            self.contract_mismatches.extend(found)
            raise AssertionError("exchange does not match docs/openapi.yaml:\n  " + "\n  ".join(found))

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        # An exception already on its way says more than a contract mismatch it caused.
        self.cleanup(check_contract=exc[0] is None)

    def run_cli(self, *args, check=True):
        """Runs `visitd <args>` against this server's database; returns CompletedProcess."""
        out = subprocess.run([VISITD_BIN, *args], env=self.env, capture_output=True, text=True, timeout=60)
        if check and out.returncode != 0:
            raise RuntimeError("visitd %s failed: %s" % (" ".join(args), out.stderr))
        return out

    def admin(self, *args):
        """`visitd admin <args>`; returns the printed JSON object."""
        return json.loads(self.run_cli("admin", *args).stdout)

    def client(self):
        return Client(self)

    def sign_capability(self, kind, booking_id, version, expires_unix):
        """Mints a capability token the way visitd does, with the test secret."""
        payload = "%s|%s|%d|%d" % (kind, booking_id, version, expires_unix)
        p = base64.urlsafe_b64encode(payload.encode()).rstrip(b"=").decode()
        sig = hmac.new(TEST_SECRET.encode(), p.encode(), hashlib.sha256).digest()
        return p + "." + base64.urlsafe_b64encode(sig).rstrip(b"=").decode()


class Client:
    """Cookie-aware JSON client; after login() it sends X-CSRF-Token on unsafe methods."""

    def __init__(self, server):
        self.server = server
        self.cookies = {}
        self.csrf = None
        self.bearer = None

    def request(self, method, path, json_body=None, headers=None, raw=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        hdrs = {}
        body = None
        if raw is not None:
            body = raw if isinstance(raw, bytes) else raw.encode()
        elif json_body is not None:
            body = json.dumps(json_body).encode()
            hdrs["Content-Type"] = "application/json"
        if self.cookies:
            hdrs["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        if self.csrf and method not in ("GET", "HEAD"):
            hdrs["X-CSRF-Token"] = self.csrf
        if self.bearer:
            hdrs["Authorization"] = "Bearer " + self.bearer
        hdrs.update(headers or {})
        try:
            conn.request(method, path, body=body, headers=hdrs)
            resp = conn.getresponse()
            data = resp.read()
            resp_headers = {k.lower(): v for k, v in resp.getheaders()}
            for k, v in resp.getheaders():
                if k.lower() == "set-cookie":
                    name, _, rest = v.partition("=")
                    value = rest.split(";", 1)[0]
                    if value == "" or "max-age=0" in v.lower():
                        self.cookies.pop(name, None)
                    else:
                        self.cookies[name] = value
            self.server.check_contract(method, path, hdrs, body, resp.status, resp_headers, data)
            ctype = resp_headers.get("content-type", "")
            parsed = data.decode("utf-8", "replace")
            if "json" in ctype and data:
                parsed = json.loads(data)
            return resp.status, resp_headers, parsed
        finally:
            conn.close()

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, json_body=None, headers=None, raw=None):
        return self.request("POST", path, json_body, headers, raw)

    def put(self, path, json_body=None, headers=None, raw=None):
        return self.request("PUT", path, json_body, headers, raw)

    def patch(self, path, json_body=None, headers=None, raw=None):
        return self.request("PATCH", path, json_body, headers, raw)

    def delete(self, path, headers=None):
        return self.request("DELETE", path, headers=headers)

    def login(self, email, password):
        status, _, body = self.post("/api/v1/auth/login", {"email": email, "password": password})
        if status != 200:
            raise RuntimeError("login failed: %s %s" % (status, body))
        self.csrf = body["csrfToken"]
        return body


def qs(**params):
    """Query string from keyword arguments, skipping None."""
    return urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
