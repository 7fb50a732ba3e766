"""Several visitd instances on one PostgreSQL database behind a real nginx (issue F).

- The PostgreSQL server is the one tests/postgres/with_postgres.sh started for the run
  (VISITD_TEST_POSTGRES_URL); each Cluster gets a fresh database on it, dropped at the end.
- Each instance is a `visitd serve` (tests/integration/harness.py's Server) on a free loopback
  port, all on that database, trusting 127.0.0.1 as their proxy.
- nginx (Debian nginx-light) runs in the foreground on a free loopback port with a private
  prefix directory; its http-level configuration is deploy/nginx.conf itself, with the upstream
  servers and the listen line replaced by this cluster's ports. Stopped by its pid.

`Cluster.front` behaves like a harness Server for clients and fixtures (port, client(),
admin(), check_contract), so every request through it is also checked against
docs/openapi.yaml."""
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "integration"))

import contract  # noqa: E402
import harness  # noqa: E402

SOURCE_DIR = os.environ.get("VISITD_SOURCE_DIR", os.path.join(HERE, "..", ".."))
NGINX = os.environ.get("VISITD_NGINX", "/usr/sbin/nginx")
START_TIMEOUT_S = 20


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, proc, timeout, what):
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            if proc.poll() is not None:
                raise AssertionError("%s exited with %s" % (what, proc.returncode))
            if time.monotonic() > deadline:
                raise AssertionError("%s did not listen on %d within %ss" % (what, port, timeout))
            time.sleep(0.05)


def nginx_config(prefix, listen_port, upstream_ports):
    """The top-level nginx.conf for a private nginx: foreground, files under `prefix`, and
    deploy/nginx.conf (upstream servers and listen replaced) as its http block."""
    with open(os.path.join(SOURCE_DIR, "deploy", "nginx.conf")) as f:
        site = f.read()
    servers = "".join("    server 127.0.0.1:%d max_fails=1 fail_timeout=10s;\n" % p for p in upstream_ports)
    block = re.search(r"upstream visitd \{[^}]*\}", site)
    assert block, "deploy/nginx.conf: no upstream visitd block"
    body, n = re.subn(r"\n[ \t]*server [^;\n]*;[^\n]*", "", block.group(0))
    assert n >= 1, "deploy/nginx.conf: the upstream visitd block lists no server"
    body = body.replace("{", "{\n" + servers.rstrip("\n"), 1)
    site = site[:block.start()] + body + site[block.end():]
    site, n = re.subn(r"listen 80;", "listen 127.0.0.1:%d;" % listen_port, site)
    assert n == 1, "deploy/nginx.conf: no 'listen 80;' line"
    temp = "\n".join("    %s_temp_path %s;" % (k, os.path.join(prefix, k))
                     for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return """daemon off;
worker_processes 1;
pid %(prefix)s/nginx.pid;
error_log %(prefix)s/error.log warn;
events { worker_connections 1024; }
http {
    access_log %(prefix)s/access.log;
%(temp)s
%(site)s
}
""" % {"prefix": prefix, "temp": temp, "site": site}


class Nginx:
    def __init__(self, upstream_ports):
        self.dir = tempfile.mkdtemp(prefix="visitd-nginx-")
        self.port = free_port()
        self.upstream_ports = list(upstream_ports)
        self.proc = None

    def start(self):
        conf = os.path.join(self.dir, "nginx.conf")
        with open(conf, "w") as f:
            f.write(nginx_config(self.dir, self.port, self.upstream_ports))
        with open(os.path.join(self.dir, "stderr.log"), "w") as stderr:
            self.proc = subprocess.Popen([NGINX, "-c", conf, "-p", self.dir], stdout=subprocess.DEVNULL,
                                         stderr=stderr)
        wait_for_port(self.port, self.proc, START_TIMEOUT_S, "nginx")
        return self

    def error_log(self):
        try:
            with open(os.path.join(self.dir, "error.log")) as f:
                return f.read()
        except OSError:
            return ""

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # fast shutdown
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None
        shutil.rmtree(self.dir, ignore_errors=True)


class Front:
    """nginx as the clients see it: quacks like a harness Server for Client and the fixtures."""

    def __init__(self, cluster):
        self.cluster = cluster
        self.contract_mismatches = []

    @property
    def port(self):
        return self.cluster.nginx.port

    @property
    def base_url(self):
        return "http://127.0.0.1:%d" % self.port

    def client(self):
        return harness.Client(self)

    def admin(self, *args):
        return self.cluster.alive()[0].admin(*args)

    def run_cli(self, *args, check=True):
        return self.cluster.alive()[0].run_cli(*args, check=check)

    def check_contract(self, method, target, request_headers, request_body, status, response_headers, body):
        found = contract.shared().check(method, target, request_headers, request_body, status, response_headers,
                                        body)
        if found:
            self.contract_mismatches.extend(found)
            raise AssertionError("exchange does not match docs/openapi.yaml:\n  " + "\n  ".join(found))


class Cluster:
    """`size` visitd instances on one fresh database behind nginx. `env` applies to every
    instance (on top of the harness's test settings)."""

    def __init__(self, size=2, env=None, shared_secret=True):
        if not harness.POSTGRES_URL:
            raise RuntimeError("the cluster tests need VISITD_TEST_POSTGRES_URL (run them under "
                               "tests/postgres/with_postgres.sh)")
        self.db_name, self.database = harness._fresh_postgres_database()
        self.env = {"VISITD_TRUSTED_PROXIES": "127.0.0.1", "VISITD_LOG_LEVEL": "info"}
        self.env.update(env or {})
        self.shared_secret = shared_secret
        self.instances = []
        self.nginx = None
        self.front = Front(self)
        for _ in range(size):
            self.instances.append(self._instance())

    def _instance(self, port=0):
        srv = harness.Server(env=dict(self.env, VISITD_LISTEN="127.0.0.1:%d" % port), database=self.database)
        if not self.shared_secret:
            srv.env.pop("VISITD_SECRET")  # generated once and kept in the database
        return srv

    def start(self):
        # The first instance migrates the empty database; the others find it migrated.
        self.instances[0].start()
        for srv in self.instances[1:]:
            srv.start()
        self.nginx = Nginx([srv.port for srv in self.instances]).start()
        return self

    def alive(self):
        return [s for s in self.instances if s.proc is not None and s.proc.poll() is None]

    def kill(self, index):
        """kill -9 of one instance: no shutdown, no goodbye to its clients."""
        srv = self.instances[index]
        srv.proc.send_signal(signal.SIGKILL)
        srv.proc.wait(timeout=10)

    def psql(self, sql):
        """Runs `sql` on the cluster's database; returns stdout rows as lists of fields."""
        out = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", self.database,
                              "-c", sql], check=True, capture_output=True, text=True, timeout=60)
        return [line.split("\t") for line in out.stdout.splitlines() if line]

    def stop(self):
        errors = []
        if self.nginx:
            self.nginx.stop()
        for srv in self.instances:
            try:
                srv.cleanup()
            except AssertionError as e:  # contract mismatches of direct requests, sanitizer reports
                errors.append(str(e))
        try:
            harness._psql("DROP DATABASE IF EXISTS %s WITH (FORCE)" % self.db_name)
        except subprocess.SubprocessError:
            pass
        mismatches, self.front.contract_mismatches = self.front.contract_mismatches, []
        if mismatches:
            errors.append("exchanges through nginx that docs/openapi.yaml does not describe:\n  " +
                          "\n  ".join(mismatches))
        if errors:
            raise AssertionError("\n".join(errors))

    def __enter__(self):
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc):
        if exc[0] is None:
            self.stop()
        else:
            try:
                self.stop()
            except AssertionError:
                pass  # the test's own failure says more


def metric(srv, name):
    """One counter of one instance, read from it directly (not through nginx)."""
    status, _, text = srv.client().get("/metrics")
    assert status == 200, status
    for line in text.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[1])
    raise AssertionError("metric %s missing" % name)
