#!/usr/bin/env python3
"""Room messages across two visitd instances on one PostgreSQL database, through the
LISTEN/NOTIFY room bus (issue F). ROOMS rooms of two: each consumer is connected to instance 1
and its provider to instance 2 (directly, not through nginx, so every message crosses the bus).
Each consumer sends MESSAGES messages to its provider, RATE per second per room (0: as fast as
the connection takes them), in two kinds:

- signal: `signal.ice` to the provider (no store write: the bus alone);
- chat:   `chat.send` (stored, numbered, then published: the store and the bus).

The send time travels in the message (one client process, one monotonic clock); the provider's
receive time minus it is the delivery latency. Prints p50/p99/max latency and delivered
messages/s per kind, and a Markdown table row (docs/PERFORMANCE.md); asserts nothing about time.

  VISITD_BIN=build/visitd tests/postgres/with_postgres.sh /usr/bin/python3 bench/cluster_rooms.py
  ROOMS=20 MESSAGES=200 RATE=0 (environment knobs, defaults shown)
"""
import asyncio
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "cluster"))
from cluster import Cluster  # noqa: E402

from rooms_support import Live, RoomShop  # noqa: E402

ROOMS = int(os.environ.get("ROOMS", "20"))
MESSAGES = int(os.environ.get("MESSAGES", "200"))
RATE = float(os.environ.get("RATE", "0"))
ENV = {
    "VISITD_LIVE_RATE_PER_SECOND": "100000", "VISITD_LIVE_BURST": "100000",
    "VISITD_BOOKING_RATE_PER_MINUTE": "100000", "VISITD_BOOKING_BURST": "100000",
    "VISITD_BOOKING_NETWORK_RATE_PER_MINUTE": "100000", "VISITD_BOOKING_NETWORK_BURST": "100000",
    "VISITD_BUSINESS_BOOKING_RATE_PER_MINUTE": "100000", "VISITD_BUSINESS_BOOKING_BURST": "100000",
    "VISITD_LIVE_WORKER_QUEUE": "100000",  # a burst of every room's messages waits rather than being refused
    "VISITD_LOG_LEVEL": "warn",
}


def percentile(sorted_values, p):
    return sorted_values[min(len(sorted_values) - 1, int(p / 100.0 * len(sorted_values)))]


async def pair(cluster, shop, n):
    one, two = cluster.instances
    room, join = shop.book_room(name="Guest %d" % n, email="g%d@example.test" % n)
    guest_token = shop.guest_join(join)[2]["roomToken"]
    host_token = shop.host_join(room)[2]["roomToken"]
    guest = await Live(one).connect()
    gid = (await guest.auth(guest_token))["you"]["id"]
    host = await Live(two).connect()
    welcome = await host.auth(host_token)
    hid = welcome["you"]["id"]
    if gid not in [p["id"] for p in welcome["waiting"]]:
        await host.expect("lobby.waiting")  # the guest's arrival was still on its way
    await host.send({"type": "lobby.admit", "participantId": gid})
    await guest.expect("lobby.admitted")
    await host.expect("presence", status="joined")
    return guest, host, hid


async def run_kind(pairs, kind):
    latencies = []

    async def sender(guest, hid):
        for i in range(MESSAGES):
            stamp = str(time.monotonic_ns())
            if kind == "signal":
                await guest.send({"type": "signal.ice", "to": hid, "candidate": {"candidate": stamp}})
            else:
                await guest.send({"type": "chat.send", "text": stamp})
            if RATE > 0:
                await asyncio.sleep(1.0 / RATE)

    refused = []

    async def guest_reader(guest):
        """The guest's own echoes and any refusal (a busy server answers `unavailable`)."""
        try:
            while True:
                msg = await guest.recv(timeout=3600)
                if msg.get("type") == "error":
                    refused.append(msg)
        except (asyncio.CancelledError, asyncio.TimeoutError):
            pass

    async def receiver(host):
        want = "signal.ice" if kind == "signal" else "chat.message"
        got = 0
        while got < MESSAGES:
            try:
                msg = await host.recv(timeout=30)
            except asyncio.TimeoutError:
                return
            if msg.get("type") != want:
                continue
            sent = int(msg["candidate"]["candidate"] if kind == "signal" else msg["text"])
            latencies.append((time.monotonic_ns() - sent) / 1e6)
            got += 1

    readers = [asyncio.ensure_future(guest_reader(g)) for g, _, _ in pairs]
    began = time.monotonic()
    await asyncio.gather(*([sender(g, hid) for g, _, hid in pairs] + [receiver(h) for _, h, _ in pairs]))
    elapsed = time.monotonic() - began
    for r in readers:
        r.cancel()
    await asyncio.gather(*readers, return_exceptions=True)
    if refused or len(latencies) != MESSAGES * len(pairs):
        print("%s: %d of %d delivered, %d refused (%r)" % (kind, len(latencies), MESSAGES * len(pairs), len(refused),
                                                          refused[:1]), file=sys.stderr)
    latencies.sort()
    return {"kind": kind, "messages": len(latencies), "refused": len(refused), "seconds": round(elapsed, 2),
            "per_second": round(len(latencies) / elapsed), "p50_ms": round(percentile(latencies, 50), 1),
            "p99_ms": round(percentile(latencies, 99), 1), "max_ms": round(latencies[-1], 1)}


async def main():
    cluster = Cluster(2, env=ENV).start()
    try:
        shop = RoomShop(cluster.instances[0], "benchrooms")
        pairs = [await pair(cluster, shop, n) for n in range(ROOMS)]
        results = [await run_kind(pairs, "signal"), await run_kind(pairs, "chat")]
        for g, h, _ in pairs:
            await g.close()
            await h.close()
    finally:
        cluster.stop()
    load = os.getloadavg()
    for r in results:
        print(json.dumps(dict(r, rooms=ROOMS, rate=RATE, load=[round(x, 1) for x in load])))
    print("| kind | rooms | rate per room | messages | msgs/s | p50 ms | p99 ms | max ms |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        print("| %s | %d | %s | %d | %d | %s | %s | %s |" % (r["kind"], ROOMS, RATE or "max", r["messages"],
                                                           r["per_second"], r["p50_ms"], r["p99_ms"], r["max_ms"]))


if __name__ == "__main__":
    asyncio.run(main())
