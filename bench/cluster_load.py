#!/usr/bin/env python3
"""Booking creation and slot searches against 1, 2 and 4 visitd instances on ONE PostgreSQL
database (each run on a fresh database), beside one instance on SQLite. Clients are spread
over the instances directly (client i talks to instance i mod N over a kept-alive connection,
as nginx's upstream keepalive would), so the figures are visitd's and the database's, not a
proxy's. While each phase runs, pg_stat_activity is sampled for the connections the
instances hold (all, and those running a query).

  VISITD_BIN=build/visitd tests/postgres/with_postgres.sh /usr/bin/python3 bench/cluster_load.py
  INSTANCES=1,2 THREADS=8 BOOKINGS=400 SLOT_SECONDS=10 ... (environment knobs, defaults shown below)

Without VISITD_TEST_POSTGRES_URL only the SQLite line is measured. Prints one line per run and
a Markdown table (docs/scaling.md, "Measurements"); asserts nothing about time."""
import http.client
import json
import os
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "integration"))
import harness  # noqa: E402
from harness import POSTGRES_URL, Server  # noqa: E402
from api_fixtures import Shop, local_date  # noqa: E402

THREADS = int(os.environ.get("THREADS", "8"))
BOOKINGS = int(os.environ.get("BOOKINGS", "400"))
SLOT_SECONDS = float(os.environ.get("SLOT_SECONDS", "10"))
INSTANCES = [int(n) for n in os.environ.get("INSTANCES", "1,2,4").split(",")]
POOL = os.environ.get("POOL", "8")
SERVER_ENV = {"VISITD_THREADS": "2", "VISITD_WORKER_THREADS": "8", "VISITD_DATABASE_POOL": POOL}


class KeptAlive:
    """One HTTP/1.1 connection reused for every request (no contract checks: load only)."""

    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def request(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        headers = {"Content-Type": "application/json"} if data else {}
        self.conn.request(method, path, body=data, headers=headers)
        resp = self.conn.getresponse()
        resp.read()
        return resp.status


def run_threads(work):
    threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.monotonic() - began


class ConnectionSampler:
    """Samples pg_stat_activity for one database every 0.2 s while a phase runs."""

    def __init__(self, database):
        self.database = database
        self.samples = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self):
        sql = ("SELECT count(*), count(*) FILTER (WHERE state = 'active') FROM pg_stat_activity "
               "WHERE datname = '%s'" % self.database)
        # One psql session reading queries from stdin: no process start per sample.
        psql = subprocess.Popen([harness.PSQL, "-X", "-q", "-A", "-t", "-F", " ", POSTGRES_URL],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        while not self.stop.is_set():
            psql.stdin.write(sql + ";\n")
            psql.stdin.flush()
            total, active = psql.stdout.readline().split()
            self.samples.append((int(total), int(active)))
            self.stop.wait(0.2)
        psql.stdin.close()
        psql.wait()

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()

    def summary(self):
        if not self.samples:
            return "-"
        return "%d held, %d busy at most" % (max(s[0] for s in self.samples), max(s[1] for s in self.samples))


TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """User + system CPU of one process so far (0 when it is gone)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS
    except OSError:
        return 0.0


def postgres_pids():
    """The test server's postmaster and its children (backends, background workers)."""
    if not POSTGRES_URL:
        return []
    out = subprocess.run([harness.PSQL, "-X", "-q", "-A", "-t", POSTGRES_URL, "-c", "SHOW data_directory"],
                         check=True, capture_output=True, text=True).stdout.strip()
    with open(os.path.join(out, "postmaster.pid")) as f:
        postmaster = int(f.readline())
    pids = [postmaster]
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == postmaster:
                        pids.append(int(entry))
            except OSError:
                pass
    return pids


class CpuMeter:
    """CPU seconds spent by the visitd processes and by PostgreSQL during one phase."""

    def __init__(self, servers):
        self.servers = servers

    def __enter__(self):
        self.visitd0 = sum(cpu_seconds(s.proc.pid) for s in self.servers)
        self.pg_pids = postgres_pids()
        self.pg0 = sum(cpu_seconds(p) for p in self.pg_pids)
        return self

    def __exit__(self, *exc):
        self.visitd = sum(cpu_seconds(s.proc.pid) for s in self.servers) - self.visitd0
        # Backends that started during the phase count from zero.
        self.pg = sum(cpu_seconds(p) for p in set(postgres_pids()) | set(self.pg_pids)) - self.pg0

    def per_request_ms(self, requests):
        return "visitd %.1f ms, PostgreSQL %.1f ms" % (1000 * self.visitd / requests, 1000 * self.pg / requests)


def measure(instances):
    database, name = None, None
    if POSTGRES_URL:
        name, database = harness._fresh_postgres_database()
    servers = []
    try:
        for _ in range(instances):
            servers.append(Server(env=SERVER_ENV, database=database).start())
        if not POSTGRES_URL:
            database = servers[0].database
        first = servers[0]
        providers = tuple(("Dr %d" % i, "Europe/London") for i in range(4))
        shop = Shop(first, "bench", providers=providers)
        lister = first.client()
        starts, day = [], 1
        while len(starts) < BOOKINGS and day < 60:
            d = local_date(shop.zone, day)
            for s in shop.slots(lister, d, d):
                for p in shop.provider_ids:
                    starts.append((s["start"], p))
            day += 1
        starts = starts[:BOOKINGS]
        statuses, lock = {}, threading.Lock()

        def book(i):
            c = KeptAlive(servers[i % instances].port)
            for n in range(i, len(starts), THREADS):
                start, provider = starts[n]
                status = c.request("POST", shop.public_path("/bookings"),
                                   shop.booking_body(start, provider_id=provider, email="b%d@example.com" % n))
                with lock:
                    statuses[status] = statuses.get(status, 0) + 1

        sampler = ConnectionSampler(name) if POSTGRES_URL else None
        with CpuMeter(servers) as booking_cpu:
            if sampler:
                with sampler:
                    took = run_threads(book)
            else:
                took = run_threads(book)
        booking_rate = len(starts) / took
        booking_connections = sampler.summary() if sampler else "-"

        d_from, d_to = local_date(shop.zone, 1), local_date(shop.zone, 7)
        slots_path = shop.public_path("/slots?serviceId=%s&from=%s&to=%s&timeZone=Europe/London" % (
            shop.service_id, d_from, d_to))
        counts = [0] * THREADS
        deadline = time.monotonic() + SLOT_SECONDS

        def search(i):
            c = KeptAlive(servers[i % instances].port)
            while time.monotonic() < deadline:
                assert c.request("GET", slots_path) == 200
                counts[i] += 1

        sampler = ConnectionSampler(name) if POSTGRES_URL else None
        with CpuMeter(servers) as slot_cpu:
            if sampler:
                with sampler:
                    took = run_threads(search)
            else:
                took = run_threads(search)
        row = {"booking_cpu": booking_cpu.per_request_ms(len(starts)), "slot_cpu": slot_cpu.per_request_ms(sum(counts)),
               "store": "PostgreSQL" if POSTGRES_URL else "SQLite", "instances": instances,
               "bookings": len(starts), "statuses": statuses, "bookings_per_s": booking_rate,
               "slots_per_s": sum(counts) / took, "booking_connections": booking_connections,
               "slot_connections": sampler.summary() if sampler else "-"}
        print(json.dumps(row), flush=True)
        return row
    finally:
        for s in servers:
            s.cleanup(check_contract=False)
        if name:
            harness._psql("DROP DATABASE IF EXISTS %s WITH (FORCE)" % name)


def main():
    rows = []
    if POSTGRES_URL:
        for n in INSTANCES:
            rows.append(measure(n))
    # SQLite beside it: one instance (a file has one writer machine).
    saved = harness.POSTGRES_URL
    harness.POSTGRES_URL = ""
    globals()["POSTGRES_URL"] = ""
    rows.append(measure(1))
    harness.POSTGRES_URL = saved
    print("\n| store | instances | bookings/s | slot searches/s | PostgreSQL connections (bookings; slots) "
          "| CPU per booking | CPU per slot search |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        print("| %s | %d | %.0f | %.0f | %s; %s | %s | %s |" % (
            r["store"], r["instances"], r["bookings_per_s"], r["slots_per_s"], r["booking_connections"],
            r["slot_connections"], r["booking_cpu"], r["slot_cpu"]))
    print("\n%d clients, %d bookings (4 providers, distinct slots), slots: 7 days any provider, %.0f s; "
          "each instance VISITD_THREADS=2 VISITD_WORKER_THREADS=8 VISITD_DATABASE_POOL=%s" %
          (THREADS, BOOKINGS, SLOT_SECONDS, POOL))


if __name__ == "__main__":
    main()
