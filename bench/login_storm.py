#!/usr/bin/python3
"""Login storm: /healthz latency while 16 clients from 16 loopback addresses send wrong-password
logins, each within its own login rate limit (the default burst of 5 per address).

Starts its own `visitd serve` (VISITD_BIN, default build/visitd) on a free port with a fresh
database and one staff user, then:
  - 16 threads, one per source address 127.0.0.11 .. 127.0.0.26, each send ROUNDS (default 5)
    wrong-password logins back to back;
  - one probe thread asks GET /healthz every 20 ms until the storm is over.
Prints the probe's p50 / p99 / max and how the logins were answered. A report, not a test:
nothing here asserts a time. Extra VISITD_* settings are taken from the environment.

  /usr/bin/python3 bench/login_storm.py            # uses build/visitd
  VISITD_BIN=/path/to/visitd ROUNDS=5 /usr/bin/python3 bench/login_storm.py
"""
import collections
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

CLIENTS = 16
ROUNDS = int(os.environ.get("ROUNDS", "5"))
BIN = os.environ.get("VISITD_BIN", os.path.join(os.path.dirname(__file__), "..", "build", "visitd"))
EMAIL = "storm@example.test"


def request(port, method, path, body=None, source=None, timeout=120):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout,
                                      source_address=(source, 0) if source else None)
    try:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
        resp = conn.getresponse()
        resp.read()
        return resp.status, resp.getheader("Retry-After")
    finally:
        conn.close()


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1))))]


def main():
    work = tempfile.mkdtemp(prefix="visitd-storm-")
    env = {k: v for k, v in os.environ.items() if k.startswith("VISITD_") and k != "VISITD_BIN"}
    env.update({"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "VISITD_DATABASE": os.path.join(work, "db"),
                "VISITD_LISTEN": "127.0.0.1:0", "VISITD_SECRET": "storm-secret-0123456789",
                "VISITD_LOG_LEVEL": env.get("VISITD_LOG_LEVEL", "warn")})
    subprocess.run([BIN, "admin", "create-user", "--email", EMAIL, "--name", "Storm", "--password",
                    "right-password-123"], env=env, check=True, capture_output=True)
    proc = subprocess.Popen([BIN, "serve"], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = proc.stdout.readline()
        port = int(line.strip().rsplit(":", 1)[1])
        request(port, "GET", "/healthz")

        start = threading.Barrier(CLIENTS + 1)
        done = threading.Event()
        answers = collections.Counter()
        lock = threading.Lock()

        def storm(i):
            source = "127.0.0.%d" % (11 + i)
            start.wait()
            for _ in range(ROUNDS):
                status, retry = request(port, "POST", "/api/v1/auth/login",
                                        {"email": EMAIL, "password": "wrong-password-%d" % i}, source)
                with lock:
                    answers["%d%s" % (status, " (Retry-After)" if retry else "")] += 1

        probes = []

        def probe():
            while not done.is_set():
                t0 = time.monotonic()
                status, _ = request(port, "GET", "/healthz")
                probes.append((time.monotonic() - t0) * 1000.0)
                time.sleep(0.02)

        threads = [threading.Thread(target=storm, args=(i,)) for i in range(CLIENTS)]
        for t in threads:
            t.start()
        prober = threading.Thread(target=probe)
        t0 = time.monotonic()
        start.wait()
        prober.start()
        for t in threads:
            t.join()
        storm_s = time.monotonic() - t0
        done.set()
        prober.join()
        print("logins: %d clients x %d rounds in %.1f s; answers %s" % (CLIENTS, ROUNDS, storm_s, dict(answers)))
        print("/healthz during the storm: n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms" % (
            len(probes), statistics.median(probes), percentile(probes, 99), max(probes)))
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
