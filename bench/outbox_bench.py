#!/usr/bin/python3
"""Outbox throughput: N due e-mails (full size: text, HTML and iCalendar invite) sent by the
outbox worker to a loopback SMTP sink (Debian aiosmtpd in its own process, counting sessions).

Seeds its own data: BOOKINGS real bookings through the API while the worker sleeps, their due
confirmation mails repeated in the outbox table up to N (tests/integration/outbox_load.py), then
starts `visitd serve` again with a 50 ms interval and times until the sink holds N mails.
Checks that every mail arrived exactly once and each booking's in planned order (exit 1 if not).
Prints a markdown row and a JSON line; a report, not a test: nothing here asserts a time.

  /usr/bin/python3 bench/outbox_bench.py                          # 10,000 mails, build/visitd
  /usr/bin/python3 bench/outbox_bench.py --mails 40 --bookings 4  # the ctest smoke run
Extra VISITD_* settings (VISITD_NOTIFY_SENDERS, VISITD_NOTIFY_BATCH, ...) are taken from the
environment for the sending run.
"""
import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "integration"))
os.environ.setdefault("VISITD_BIN", os.path.join(HERE, "..", "build", "visitd"))
os.environ.setdefault("VISITD_SOURCE_DIR", os.path.join(HERE, ".."))

import outbox_load  # noqa: E402
from api_fixtures import Shop  # noqa: E402
from harness import Server  # noqa: E402
from notify_fakes import free_port  # noqa: E402
from smtp_counting_sink import CountingSmtpSink  # noqa: E402


def machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem_kib = 0
    with open("/proc/meminfo") as f:
        mem_kib = int(next(l.split()[1] for l in f if l.startswith("MemTotal")))
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem_kib / 1048576, 1),
            "kernel": platform.release(), "load_average": [round(x, 2) for x in os.getloadavg()]}


def cpu_seconds(pid):
    """User + system CPU time a process has used so far (from /proc/PID/stat)."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mails", type=int, default=10000)
    ap.add_argument("--bookings", type=int, default=500)
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="visitd-outbox-bench-")
    sink = CountingSmtpSink(free_port(), os.path.join(work, "sink.log")).start()
    database = os.path.join(work, "visitd.db")
    mail_env = {"VISITD_SMTP_HOST": "127.0.0.1", "VISITD_SMTP_PORT": str(sink.port), "VISITD_SMTP_TLS": "none",
                "VISITD_SMTP_FROM": "bookings@clinic.test"}
    try:
        seed = Server(env=dict(mail_env, **outbox_load.SLEEPING_WORKER_ENV), database=database).start()
        try:
            shop = Shop(seed, "benchclinic")
            outbox_load.book_many(shop, seed.client(), args.bookings)
            expected = outbox_load.repeat_due_mails(database, args.mails)
        finally:
            seed.cleanup(check_contract=False)
        extra = {k: v for k, v in os.environ.items() if k.startswith("VISITD_") and k not in (
            "VISITD_BIN", "VISITD_SOURCE_DIR")}
        env = dict(mail_env, VISITD_NOTIFY_INTERVAL_MS="50", **extra)
        load_before = os.getloadavg()
        started = time.monotonic()
        sink_cpu_before = cpu_seconds(sink.proc.pid)
        srv = Server(env=env, database=database).start()
        first = None
        try:
            deadline = started + args.timeout
            while True:
                n = sink.count()
                now = time.monotonic()
                if n and first is None:
                    first = now
                if n >= args.mails:
                    done = now
                    break
                if now > deadline:
                    print("timed out: %d of %d mails arrived" % (n, args.mails), file=sys.stderr)
                    return 1
                time.sleep(0.01)
            visitd_cpu = cpu_seconds(srv.proc.pid)
            sink_cpu = cpu_seconds(sink.proc.pid) - sink_cpu_before
            time.sleep(0.5)  # a doubled mail would arrive after the count was reached
            mails = sink.mails()
        finally:
            srv.cleanup(check_contract=False)
        problems = outbox_load.problems(expected, mails)
        sessions = len({s for s, _, _ in mails})
        result = {
            "mails": args.mails, "bookings": len(expected), "received": len(mails),
            "seconds_from_start": round(done - started, 3), "seconds_first_to_last": round(done - first, 3),
            "mails_per_s": round(args.mails / (done - started), 1),
            "mails_per_s_sending": round((args.mails - 1) / (done - first), 1) if done > first else None,
            "smtp_sessions": sessions,
            # CPU seconds used while sending: visitd (including its start) and the sink.
            "visitd_cpu_s": round(visitd_cpu, 2), "sink_cpu_s": round(sink_cpu, 2), "exactly_once_in_order": not problems,
            "senders": env.get("VISITD_NOTIFY_SENDERS", "4 (default)"),
            "batch": env.get("VISITD_NOTIFY_BATCH", "50 (default)"),
            "machine": dict(machine(), load_average_before=[round(x, 2) for x in load_before]),
        }
        print("| mails | senders | batch | sessions | s (from start) | mails/s | mails/s (first to last) | "
              "visitd CPU s | sink CPU s | exactly once, in order |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        print("| %d | %s | %s | %d | %.2f | %.0f | %s | %.2f | %.2f | %s |" % (
            args.mails, result["senders"], result["batch"], sessions, result["seconds_from_start"],
            result["mails_per_s"], result["mails_per_s_sending"], visitd_cpu, sink_cpu,
            "yes" if not problems else "NO"))
        print(json.dumps(result))
        for p in problems:
            print("problem: " + p, file=sys.stderr)
        return 1 if problems else 0
    finally:
        sink.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
