#!/usr/bin/python3
"""Live WebSockets: memory per idle authenticated connection, memory after they close, a second
wave, and chat delivery latency in rooms of two.

Seeds its own data through the API: one business (UTC, providers working all day, a 5-minute
service whose rooms open a day ahead and admit guests at once), CONNECTIONS / 2 bookings in the
coming hours; each room gets two connections (its guest and a host), authenticated with room
tokens minted with the server's secret (docs/live-protocol.md). Connections come from several
127.0.0.x source addresses.

Waves: RSS (VmRSS of visitd) before, with every connection authenticated and idle, and after
they all closed (the server's visitd_live_connections back to 0); twice, so a second wave shows
whether closed connections' memory is reused or returned. Chat: ROOMS rooms of two, each side
sending a message every INTERVAL seconds for DURATION seconds; delivery time is from the
sender's send to the other side's receipt (one process, one monotonic clock), p50/p99.

Prints a markdown table and a JSON line (--json FILE too); a report, not a test: nothing here
asserts a time. It exits 1 when a connection is refused or a chat message is lost.

  /usr/bin/python3 bench/live_bench.py                                 # 10,000 idle, 1,000 rooms
  /usr/bin/python3 bench/live_bench.py --connections 40 --rooms 4 --duration 2   # ctest smoke
"""
import argparse
import asyncio
import concurrent.futures
import datetime
import json
import os
import platform
import resource
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "integration"))
os.environ.setdefault("VISITD_BIN", os.path.join(HERE, "..", "build", "visitd"))
os.environ.setdefault("VISITD_SOURCE_DIR", os.path.join(HERE, ".."))

import websockets  # noqa: E402

from api_fixtures import PASSWORD, Shop  # noqa: E402
from harness import Server  # noqa: E402
from rooms_support import ALL_DAY, room_token  # noqa: E402

SLOT_MINUTES = 5
SLOTS_PER_PROVIDER = 200  # of the 288 a day: the ones still ahead today and early tomorrow
SOURCES = ["127.0.0.%d" % i for i in range(1, 9)]
WAIT_S = 120


def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        cpu = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "?")
    with open("/proc/meminfo") as f:
        mem_kib = int(next(l.split()[1] for l in f if l.startswith("MemTotal")))
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem_kib / 1048576, 1),
            "kernel": platform.release(), "load_average": [round(x, 2) for x in os.getloadavg()]}


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        return int(next(l.split()[1] for l in f if l.startswith("VmRSS")))


def metric(srv, name):
    status, _, text = srv.client().get("/metrics")
    assert status == 200
    for line in text.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[1])
    raise AssertionError("metric %s missing" % name)


def raise_file_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return hard


def seed_rooms(srv, rooms):
    """Books `rooms` appointments whose rooms are open now; returns their ids and a host user id."""
    providers = max(1, -(-rooms // SLOTS_PER_PROVIDER))
    shop = Shop(srv, "livebench", zone="UTC", providers=[("P%d" % i, "UTC") for i in range(providers)],
                weekly=ALL_DAY, service={"durationMinutes": SLOT_MINUTES, "slotIntervalMinutes": SLOT_MINUTES,
                                         "roomOpenBeforeMinutes": 1440, "roomAutoAdmit": True, "questions": []})
    host = srv.admin("create-user", "--email", "host@livebench.test", "--name", "Host", "--password", PASSWORD,
                     "--business", "livebench", "--role", "manager")["id"]
    today = datetime.datetime.now(datetime.timezone.utc).date()
    now = datetime.datetime.now(datetime.timezone.utc)
    # Not the next minutes: seeding takes a while, and a slot that has begun is no longer free.
    earliest, horizon = now + datetime.timedelta(minutes=15), now + datetime.timedelta(hours=23)
    wanted = []
    for pid in shop.provider_ids:
        starts = shop.slots(shop.staff, today.isoformat(), (today + datetime.timedelta(days=1)).isoformat(),
                            provider_id=pid)
        for slot in starts:
            start = slot["start"]
            if earliest < datetime.datetime.fromisoformat(start.replace("Z", "+00:00")) < horizon:
                wanted.append((pid, start))
    assert len(wanted) >= rooms, "only %d free slots for %d rooms" % (len(wanted), rooms)

    def book(i):
        pid, start = wanted[i]
        status, _, body = shop.book(srv.client(), start, provider_id=pid, answers={},
                                    email="c%d@live.example" % i, name="Guest %d" % i)
        assert status == 201, (status, body)
        return body["booking"]["id"]

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        ids = list(pool.map(book, range(rooms)))
    return ids, host


class Conn:
    """One authenticated WebSocket; `inbox` gets chat texts with their receipt time."""

    def __init__(self, ws):
        self.ws = ws
        self.received = {}
        self.reader = None

    async def read_chat(self):
        async for raw in self.ws:
            msg = json.loads(raw)
            if msg.get("type") == "chat.message":
                self.received[msg["text"]] = time.monotonic()


async def connect(port, token, source):
    ws = await websockets.connect("ws://127.0.0.1:%d/api/v1/live" % port, open_timeout=WAIT_S,
                                  close_timeout=WAIT_S, ping_interval=None, max_size=None, compression=None,
                                  local_addr=(source, 0))
    await ws.send(json.dumps({"type": "auth", "token": token}))
    while True:
        msg = json.loads(await asyncio.wait_for(ws.recv(), WAIT_S))
        if msg.get("type") == "welcome":
            return Conn(ws)
        if msg.get("type") == "error":
            raise RuntimeError("auth refused: %r" % msg)


def tokens(room_ids, host, count):
    expires = int(time.time()) + 3 * 3600
    out = []
    for rid in room_ids:
        out.append(room_token(rid, "guest-" + rid, "guest", expires))
        out.append(room_token(rid, host, "host", expires))
    return out[:count]


async def open_all(port, toks, parallel=200):
    gate = asyncio.Semaphore(parallel)

    async def one(i, tok):
        async with gate:
            return await connect(port, tok, SOURCES[i % len(SOURCES)])

    return await asyncio.gather(*(one(i, t) for i, t in enumerate(toks)))


async def close_all(conns, parallel=500):
    gate = asyncio.Semaphore(parallel)

    async def one(c):
        async with gate:
            await c.ws.close()

    await asyncio.gather(*(one(c) for c in conns))


async def wait_for(predicate, what, timeout=WAIT_S):
    deadline = time.monotonic() + timeout
    while not await asyncio.to_thread(predicate):
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for " + what)
        await asyncio.sleep(0.05)


async def settled_rss(pid):
    """RSS once it stops moving (freed memory and page-outs take a moment to show)."""
    last = rss_kib(pid)
    for _ in range(40):
        await asyncio.sleep(0.1)
        now = rss_kib(pid)
        if abs(now - last) < 64:
            return now
        last = now
    return last


async def wave(srv, toks):
    """Opens, holds and closes len(toks) authenticated connections; RSS at each step. One event
    loop for the whole wave: the client's connections live as long as it runs."""
    pid = srv.proc.pid
    before = await settled_rss(pid)
    conns = await open_all(srv.port, toks)
    # Every connection is authenticated (its welcome arrived): the server holds them all.
    await wait_for(lambda: metric(srv, "visitd_live_connections") >= len(toks), "all connections counted")
    loaded = await settled_rss(pid)
    await close_all(conns)
    await wait_for(lambda: metric(srv, "visitd_live_connections") == 0, "all connections closed")
    after = await settled_rss(pid)
    return {"connections": len(toks), "rss_before_kib": before, "rss_open_kib": loaded, "rss_after_close_kib": after,
            "bytes_per_connection": round((loaded - before) * 1024 / len(toks))}


async def chat(port, room_toks, duration, interval):
    pairs = []
    for i in range(0, len(room_toks), 2):
        a = await connect(port, room_toks[i], SOURCES[i % len(SOURCES)])
        b = await connect(port, room_toks[i + 1], SOURCES[(i + 1) % len(SOURCES)])
        pairs.append((a, b))
    for a, b in pairs:
        a.reader = asyncio.ensure_future(a.read_chat())
        b.reader = asyncio.ensure_future(b.read_chat())
    sent = []  # (text, send time, receiver)
    rounds = max(1, int(duration / interval))
    n = 0

    async def talker(k, me, other):
        nonlocal n
        # Spread the senders over the interval so the load is steady, not a burst per round.
        await asyncio.sleep(interval * (k / max(1, 2 * len(pairs))))
        for r in range(rounds):
            text = "m%d-%d" % (k, r)
            sent.append((text, time.monotonic(), other))
            await me.ws.send(json.dumps({"type": "chat.send", "text": text}))
            await asyncio.sleep(interval)

    await asyncio.gather(*(talker(2 * i + j, p[j], p[1 - j]) for i, p in enumerate(pairs) for j in (0, 1)))
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline and not all(t in rcv.received for t, _, rcv in sent):
        await asyncio.sleep(0.05)
    delays = [(rcv.received[t] - at) * 1000 for t, at, rcv in sent if t in rcv.received]
    lost = len(sent) - len(delays)
    for a, b in pairs:
        for c in (a, b):
            c.reader.cancel()
            await c.ws.close()
    delays.sort()

    def pct(p):
        return round(delays[min(len(delays) - 1, int(p * len(delays)))], 2) if delays else None

    return {"rooms": len(pairs), "messages": len(sent), "lost": lost, "p50_ms": pct(0.50), "p99_ms": pct(0.99),
            "max_ms": round(delays[-1], 2) if delays else None,
            "mean_ms": round(statistics.fmean(delays), 2) if delays else None}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--connections", type=int, default=10000)
    ap.add_argument("--rooms", type=int, default=1000, help="rooms of two chatting")
    ap.add_argument("--duration", type=float, default=20, help="seconds of chat")
    ap.add_argument("--interval", type=float, default=4, help="seconds between one sender's messages")
    ap.add_argument("--json", help="also write the result here")
    args = ap.parse_args()
    args.connections += args.connections % 2
    fd_limit = raise_file_limit()
    rooms = max(args.connections // 2, args.rooms)
    extra = {k: v for k, v in os.environ.items() if k.startswith("VISITD_") and k not in (
        "VISITD_BIN", "VISITD_SOURCE_DIR")}
    env = dict({"VISITD_MAX_CONNECTIONS": "200000", "VISITD_MAX_CONNECTIONS_PER_ADDRESS": "200000",
                "VISITD_NOTIFY_INTERVAL_MS": "600000"}, **extra)
    started = machine()
    srv = Server(env=env).start()
    try:
        t0 = time.monotonic()
        room_ids, host = seed_rooms(srv, rooms)
        seed_s = time.monotonic() - t0
        toks = tokens(room_ids, host, args.connections)
        waves = [asyncio.run(wave(srv, toks)), asyncio.run(wave(srv, toks))]
        chat_result = asyncio.run(chat(srv.port, tokens(room_ids[:args.rooms], host, 2 * args.rooms),
                                       args.duration, args.interval))
        idle_rss = asyncio.run(settled_rss(srv.proc.pid))
    finally:
        srv.cleanup(check_contract=False)
    result = {"machine": started, "load_average_end": [round(x, 2) for x in os.getloadavg()],
              "command": " ".join([sys.executable] + sys.argv), "fd_limit": fd_limit, "seed_seconds": round(seed_s, 1),
              "waves": waves, "chat": chat_result, "rss_end_kib": idle_rss}
    print("| wave | connections | RSS before (MiB) | RSS open (MiB) | bytes / connection | RSS after close (MiB) |")
    print("| --- | --- | --- | --- | --- | --- |")
    for i, w in enumerate(waves, 1):
        print("| %d | %d | %.1f | %.1f | %d | %.1f |" % (i, w["connections"], w["rss_before_kib"] / 1024,
                                                       w["rss_open_kib"] / 1024, w["bytes_per_connection"],
                                                       w["rss_after_close_kib"] / 1024))
    c = chat_result
    print("\n| rooms of two | messages | lost | p50 ms | p99 ms | max ms |\n| --- | --- | --- | --- | --- | --- |")
    print("| %d | %d | %d | %s | %s | %s |" % (c["rooms"], c["messages"], c["lost"], c["p50_ms"], c["p99_ms"],
                                             c["max_ms"]))
    print(json.dumps(result))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=1)
    return 1 if c["lost"] else 0


if __name__ == "__main__":
    sys.exit(main())
