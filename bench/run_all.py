#!/usr/bin/env python3
"""The benchmark suite (issue G): runs every benchmark against one build and prints a
Markdown table, then writes the same results as JSON. Entry point: bench/run_all.sh (which
builds in Release first); docs/PERFORMANCE.md explains the figures.

  /usr/bin/python3 bench/run_all.py [--tiny] [--build build] [--json out.json]

--tiny runs each part once at a tiny size (ctest bench_suite_smoke): it proves the suite
still works; nothing asserts a time. Every server is started here on 127.0.0.1 on a free
port, with its own temporary database, and stopped here. Exit status 1 when a correctness
check fails (a race with other than one winner, a booking POST answered other than 201).
"""
import argparse
import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
UNLIMITED = "100000000"
# Public booking limits are per address, network and business; a load generator on one
# loopback address would measure them, not the booking path.
BENCH_ENV = {
    "VISITD_LOG_LEVEL": "warn",
    "VISITD_BOOKING_RATE_PER_MINUTE": UNLIMITED,
    "VISITD_BOOKING_BURST": UNLIMITED,
    "VISITD_BOOKING_NETWORK_RATE_PER_MINUTE": UNLIMITED,
    "VISITD_BOOKING_NETWORK_BURST": UNLIMITED,
    "VISITD_BUSINESS_BOOKING_RATE_PER_MINUTE": UNLIMITED,
    "VISITD_BUSINESS_BOOKING_BURST": UNLIMITED,
    "VISITD_MAX_CONNECTIONS_PER_ADDRESS": "100000",
}

problems = []


def sh(cmd, env=None, timeout=900):
    """Runs cmd (a list), returns its stdout; records the command for the report."""
    out = subprocess.run(cmd, env=env, timeout=timeout, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if out.returncode != 0:
        raise RuntimeError("%s exited %d: %s" % (shlex.join(cmd), out.returncode, out.stderr[-2000:]))
    return out.stdout


def machine():
    cpu = ""
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kib = 0
    for line in open("/proc/meminfo"):
        if line.startswith("MemTotal"):
            mem_kib = int(line.split()[1])
    try:
        commit = sh(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"]).strip()
    except Exception:  # not a git checkout
        commit = "?"
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem_kib / 1048576, 1),
            "load_average": os.getloadavg()[0], "commit": commit,
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "sqlite": "WAL, synchronous=NORMAL (store/sqlite/connection_pool.cpp)"}


class Server:
    """visitd serve on 127.0.0.1 (a free port), on `db`."""

    def __init__(self, binary, db, extra_env=None):
        self.env = dict(os.environ, VISITD_DATABASE=db, VISITD_LISTEN="127.0.0.1:0", **BENCH_ENV)
        self.env.update(extra_env or {})
        self.binary = binary
        self.proc = None
        self.base = None

    def start(self):
        """Starts it; returns seconds from spawn until /readyz answers 200."""
        t0 = time.monotonic()
        self.proc = subprocess.Popen([self.binary, "serve"], env=self.env, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True)
        line = self.proc.stdout.readline()
        m = re.search(r"listening on (http://\S+)", line)
        if not m:
            raise RuntimeError("visitd did not start: %r" % line)
        self.base = m.group(1)
        threading.Thread(target=self.proc.stdout.read, daemon=True).start()  # keep the pipe drained
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/readyz", timeout=5) as r:
                    if r.status == 200:
                        return time.monotonic() - t0
            except OSError:
                pass
            time.sleep(0.002)
        raise RuntimeError("visitd never became ready")

    def cpu_ms(self):
        """User + system CPU the process has used so far: start-up's cost apart from waiting for a core."""
        with open("/proc/%d/stat" % self.proc.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")

    def rss_kib(self):
        for line in open("/proc/%d/status" % self.proc.pid):
            if line.startswith("VmRSS"):
                return int(line.split()[1])
        return 0

    def get_json(self, path):
        with urllib.request.urlopen(self.base + path, timeout=30) as r:
            return json.loads(r.read())

    def stop(self):
        if self.proc:
            self.proc.terminate()
            self.proc.wait(timeout=30)
            self.proc = None


# ---- slot engine ----------------------------------------------------------------------

def slot_engine(build, tiny):
    cmd = [os.path.join(build, "bench", "visitd_bench"), "--benchmark_format=json"]
    cmd.append("--benchmark_min_time=0.0001" if tiny else "--benchmark_min_time=0.5")
    data = json.loads(sh(cmd))
    rows = []
    for b in data["benchmarks"]:
        rows.append({"case": b["name"], "cpu_us": round(b["cpu_time"] * {"ns": 1e-3, "us": 1, "ms": 1e3}[b["time_unit"]], 1),
                     "slots": b.get("slots"), "busy": b.get("busy")})
    return {"command": shlex.join(cmd), "rows": rows}


# ---- HTTP (wrk) ----------------------------------------------------------------------

def parse_wrk(text):
    def seconds(v, unit):
        return float(v) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[unit]
    out = {"req_s": None, "p50_ms": None, "p99_ms": None, "non_2xx": 0, "requests": 0}
    m = re.search(r"Requests/sec:\s+([\d.]+)", text)
    if m:
        out["req_s"] = round(float(m.group(1)))
    for pct, key in (("50", "p50_ms"), ("99", "p99_ms")):
        m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s|m)\s*$" % pct, text, re.M)
        if m:
            out[key] = round(seconds(m.group(1), m.group(2)) * 1000, 2)
    m = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    if m:
        out["non_2xx"] = int(m.group(1))
    m = re.search(r"(\d+) requests in", text)
    if m:
        out["requests"] = int(m.group(1))
    return out


def wrk(url, connections, seconds, script=None, env=None):
    threads = min(2, connections)
    cmd = ["wrk", "-t%d" % threads, "-c%d" % connections, "-d%ds" % seconds, "--latency"]
    if script:
        cmd += ["-s", script]
    cmd.append(url)
    result = parse_wrk(sh(cmd, env=env, timeout=seconds + 120))
    result["command"] = shlex.join(cmd)
    return result


def http_suite(srv, ids, tiny):
    seconds = 1 if tiny else 10
    svc, history, free = ids["service"], ids["providers"][0], ids["providers"][1:]
    today = datetime.now(timezone.utc).date()
    day = lambda n: (today + timedelta(days=n)).isoformat()  # noqa: E731
    slots = "/api/v1/public/businesses/large/slots?serviceId=%s&providerId=%s&timeZone=UTC" % (svc, history)
    targets = [
        ("GET /healthz (ceiling)", "/healthz"),
        ("one-day slots, next week", slots + "&from=%s&to=%s" % (day(7), day(7))),
        ("one-day slots, a year ahead", slots + "&from=%s&to=%s" % (day(360), day(360))),
        ("31-day slots", slots + "&from=%s&to=%s" % (day(7), day(37))),
    ]
    rows = []
    book_days = 150
    for n, connections in enumerate((8, 64)):
        for name, path in targets:
            r = wrk(srv.base + path, connections, seconds)
            rows.append(dict(r, case=name, connections=connections))
        first = (today + timedelta(days=2 + n * book_days))
        env = dict(os.environ, BOOK_SERVICE=svc, BOOK_PROVIDERS=" ".join(free), BOOK_DAYS=str(book_days),
                   BOOK_FIRST_DAY=str(int(datetime(first.year, first.month, first.day, tzinfo=timezone.utc).timestamp())))
        r = wrk(srv.base + "/", connections, seconds, script=os.path.join(HERE, "wrk", "book.lua"), env=env)
        if r["non_2xx"]:
            problems.append("booking creation: %d answers other than 201" % r["non_2xx"])
        rows.append(dict(r, case="POST booking, distinct free slots", connections=connections))
    # Server time of one 31-day view: one connection, one request at a time.
    r = wrk(srv.base + targets[3][1], 1, seconds)
    rows.append(dict(r, case="31-day slots, one connection (latency = server time + loopback)", connections=1))
    return rows


# ---- race ----------------------------------------------------------------------------

def race(srv, ids, ways, day_offset):
    """`ways` clients POST the same free slot at once; exactly one may win."""
    host, port = srv.base.split("//")[1].split(":")
    start = (datetime.now(timezone.utc).date() + timedelta(days=day_offset))
    start_s = "%sT12:00:00Z" % start.isoformat()
    provider = ids["providers"][-1]
    bodies = [json.dumps({"serviceId": ids["service"], "providerId": provider, "start": start_s,
                          "consumer": {"name": "Racer %d" % i, "email": "r%d@example.test" % i, "timeZone": "UTC"}})
              for i in range(ways)]
    socks = []
    for _ in range(ways):
        s = socket.create_connection((host, int(port)), timeout=60)
        socks.append(s)
    gate = threading.Barrier(ways)
    statuses = [None] * ways

    def go(i):
        body = bodies[i].encode()
        req = ("POST /api/v1/public/businesses/large/bookings HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\n"
               "Content-Length: %d\r\nConnection: close\r\n\r\n" % (host, len(body))).encode() + body
        gate.wait()
        socks[i].sendall(req)
        head = b""
        while b"\r\n" not in head:
            chunk = socks[i].recv(4096)
            if not chunk:
                break
            head += chunk
        m = re.match(rb"HTTP/1\.1 (\d+)", head)
        statuses[i] = int(m.group(1)) if m else 0

    threads = [threading.Thread(target=go, args=(i,)) for i in range(ways)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in socks:
        s.close()
    counts = {}
    for st in statuses:
        counts[st] = counts.get(st, 0) + 1
    winners = counts.get(201, 0)
    if winners != 1 or counts.get(409, 0) != ways - 1:
        problems.append("race %d-way: answers %s (want one 201, the rest 409)" % (ways, counts))
    return {"ways": ways, "winners": winners, "answers": {str(k): v for k, v in counts.items()}}


# ---- outbox and login storm (their own scripts) ---------------------------------------

def outbox(build, tiny):
    cmd = ["/usr/bin/python3", os.path.join(HERE, "outbox_bench.py")]
    cmd += ["--mails", "40", "--bookings", "4"] if tiny else ["--mails", "10000", "--bookings", "500"]
    env = dict(os.environ, VISITD_BIN=os.path.join(build, "visitd"), VISITD_SOURCE_DIR=ROOT)
    out = sh(cmd, env=env, timeout=1800)
    last = [line for line in out.splitlines() if line.startswith("{")]
    result = json.loads(last[-1]) if last else {"output": out}
    return {"command": shlex.join(cmd), "result": result}


def login_storm(build, tiny):
    cmd = ["/usr/bin/python3", os.path.join(HERE, "login_storm.py")]
    env = dict(os.environ, VISITD_BIN=os.path.join(build, "visitd"), VISITD_SOURCE_DIR=ROOT)
    if tiny:
        env["ROUNDS"] = "1"
    out = sh(cmd, env=env, timeout=900)
    m = re.search(r"p50=([\d.]+) ms p99=([\d.]+) ms max=([\d.]+) ms", out)
    return {"command": shlex.join(cmd), "output": out.strip(),
            "healthz_p50_ms": float(m.group(1)) if m else None, "healthz_p99_ms": float(m.group(2)) if m else None}


def live(build, tiny):
    cmd = ["/usr/bin/python3", os.path.join(HERE, "live_bench.py")]
    cmd += ["--connections", "40", "--rooms", "4", "--duration", "2", "--interval", "0.5"] if tiny else []
    env = dict(os.environ, VISITD_BIN=os.path.join(build, "visitd"), VISITD_SOURCE_DIR=ROOT)
    out = sh(cmd, env=env, timeout=1800)  # exits non-zero on a refused connection or a lost message
    tables = "\n".join(line for line in out.splitlines() if line.startswith("|") or not line.strip())
    last = [line for line in out.splitlines() if line.startswith("{")]
    return {"command": shlex.join(cmd), "tables": tables.strip(), "result": json.loads(last[-1]) if last else None}


# ---- report ----------------------------------------------------------------------------

def markdown(res):
    m = res["machine"]
    lines = ["# visitd benchmark run", "",
             "Machine: %s, %d cores, %.1f GiB; load average %.1f at start, %.1f at end; commit %s; %s; SQLite %s." % (
                 m["cpu"], m["cores"], m["memory_gib"], m["load_average"], res.get("load_average_end", 0.0),
                 m["commit"], m["date"], m["sqlite"]),
             "Data: `%s` (%s)." % (res["seed"]["command"], res["seed"]["output"]), ""]
    lines += ["## Slot engine (Google Benchmark)", "", "`%s`" % res["slot_engine"]["command"], "",
              "| case | CPU per query (µs) |", "| --- | --- |"]
    lines += ["| %s | %s |" % (r["case"], r["cpu_us"]) for r in res["slot_engine"]["rows"]]
    lines += ["", "## HTTP (wrk, loopback)", "", "| case | connections | req/s | p50 ms | p99 ms | non-2xx | command |",
              "| --- | --- | --- | --- | --- | --- | --- |"]
    for r in res["http"]:
        lines.append("| %s | %d | %s | %s | %s | %d | `%s` |" % (r["case"], r["connections"], r["req_s"], r["p50_ms"],
                                                                r["p99_ms"], r["non_2xx"], r["command"]))
    healthz = {r["connections"]: r["req_s"] for r in res["http"] if r["case"].startswith("GET /healthz")}
    for r in res["http"]:
        if r["case"] == "one-day slots, next week" and healthz.get(r["connections"]):
            lines.append("")
            lines.append("One-day slots at %d connections: %.0f%% of /healthz throughput." % (
                r["connections"], 100.0 * r["req_s"] / healthz[r["connections"]]))
    lines += ["", "## Race: N clients book one slot at once", "", "| ways | winners | answers |", "| --- | --- | --- |"]
    lines += ["| %d | %d | %s |" % (r["ways"], r["winners"], r["answers"]) for r in res["race"]]
    lines += ["", "## Start-up and memory", "",
              "| database | start to /readyz (ms) | CPU used by then (ms) | idle RSS (MiB) |",
              "| --- | --- | --- | --- |"]
    for r in res["startup"]:
        lines.append("| %s | %.0f | %.0f | %.1f |" % (r["database"], r["ready_ms"], r["cpu_ms"], r["rss_kib"] / 1024))
    lines.append("")
    lines.append("RSS of the populated server after the HTTP runs: %.1f MiB." % (res["rss_after_load_kib"] / 1024))
    o = res["outbox"]
    lines += ["", "## Outbox", "", "`%s`" % o["command"], "", "```", json.dumps(o["result"]), "```"]
    ls = res["login_storm"]
    lines += ["", "## Login storm", "", "`%s`" % ls["command"], "", "```", ls["output"], "```"]
    lv = res["live"]
    lines += ["", "## Live (WebSockets)", "", "`%s`" % lv["command"], "", lv["tables"]]
    if problems:
        lines += ["", "## Problems", ""] + ["- " + p for p in problems]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tiny", action="store_true", help="each part once at a tiny size (the test suite's run)")
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--json", default=None, help="where to write the JSON results (default: a temp file)")
    args = ap.parse_args()
    build = os.path.abspath(args.build)
    binary = os.path.join(build, "visitd")
    for tool in ("wrk",):
        if not shutil.which(tool):
            print("%s is missing: apt-get install %s (scripts/setup.sh installs it)" % (tool, tool), file=sys.stderr)
            return 2

    res = {"machine": machine(), "tiny": args.tiny}
    work = tempfile.mkdtemp(prefix="visitd-bench-")
    try:
        res["slot_engine"] = slot_engine(build, args.tiny)

        # Start-up on an empty database (migrations included).
        empty = Server(binary, os.path.join(work, "empty.db"))
        res["startup"] = [{"database": "empty (new file, migrations run)", "ready_ms": empty.start() * 1000,
                           "cpu_ms": empty.cpu_ms()}]
        time.sleep(0.5)  # let start-up allocations settle before reading RSS; not a synchronisation
        res["startup"][0]["rss_kib"] = empty.rss_kib()
        empty.stop()

        db = os.path.join(work, "large.db")
        providers, history = ("5", "200") if args.tiny else ("50", "10000")
        seed = [binary, "demo", "--size", "large", "--providers", providers, "--history", history]
        out = sh(seed, env=dict(os.environ, VISITD_DATABASE=db), timeout=1800)
        res["seed"] = {"command": shlex.join(seed), "output": out.strip().splitlines()[-1].split("; service")[0]}

        srv = Server(binary, db)
        ready = srv.start()
        ready_cpu_ms = srv.cpu_ms()
        time.sleep(0.5)
        res["startup"].append({"database": "populated (%s bookings)" % history, "ready_ms": ready * 1000,
                               "cpu_ms": ready_cpu_ms, "rss_kib": srv.rss_kib()})
        try:
            page = srv.get_json("/api/v1/public/businesses/large")
            ids = {"service": page["services"][0]["id"], "providers": [p["id"] for p in page["providers"]]}
            res["http"] = http_suite(srv, ids, args.tiny)
            res["rss_after_load_kib"] = srv.rss_kib()
            res["race"] = [race(srv, ids, 50, 320)] + ([] if args.tiny else [race(srv, ids, 500, 321)])
        finally:
            srv.stop()

        res["outbox"] = outbox(build, args.tiny)
        res["login_storm"] = login_storm(build, args.tiny)
        res["live"] = live(build, args.tiny)
        res["load_average_end"] = os.getloadavg()[0]
        res["problems"] = problems
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(markdown(res))
    path = args.json or os.path.join(tempfile.gettempdir(), "visitd-bench-%d.json" % os.getpid())
    with open(path, "w") as f:
        json.dump(res, f, indent=1)
    print("\nJSON: " + path)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
