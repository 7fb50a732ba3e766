#!/usr/bin/env python3
"""Store load through the API: booking creation (POST /bookings at distinct free slots) and
slot searches (GET .../slots, 7 days, any provider), each from THREADS concurrent clients
against one real `visitd serve`. The store is SQLite, or PostgreSQL when
VISITD_TEST_POSTGRES_URL is set (the integration harness then gives the server a fresh
database), so the same run compares both:

  VISITD_BIN=build/visitd /usr/bin/python3 bench/store_load.py
  VISITD_BIN=build/visitd tests/postgres/with_postgres.sh /usr/bin/python3 bench/store_load.py

Prints requests per second; asserts nothing about time."""
import os
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "integration"))
from harness import POSTGRES_URL, Server  # noqa: E402
from api_fixtures import Shop, local_date  # noqa: E402

THREADS = int(os.environ.get("THREADS", "8"))
BOOKINGS = int(os.environ.get("BOOKINGS", "400"))
SLOT_SECONDS = float(os.environ.get("SLOT_SECONDS", "10"))


def run_threads(work):
    threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.monotonic() - began


def main():
    srv = Server(env={"VISITD_THREADS": "4", "VISITD_WORKER_THREADS": "8"}).start()
    try:
        providers = tuple(("Dr %d" % i, "Europe/London") for i in range(4))
        shop = Shop(srv, "bench", providers=providers)
        lister = srv.client()
        starts = []
        day = 1
        while len(starts) < BOOKINGS and day < 60:
            d = local_date(shop.zone, day)
            for s in shop.slots(lister, d, d):
                for p in shop.provider_ids:
                    starts.append((s["start"], p))
            day += 1
        starts = starts[:BOOKINGS]
        statuses = {}
        lock = threading.Lock()

        def book(i):
            c = srv.client()
            for n in range(i, len(starts), THREADS):
                start, provider = starts[n]
                status, _, _ = shop.book(c, start, provider_id=provider, email="b%d@example.com" % n)
                with lock:
                    statuses[status] = statuses.get(status, 0) + 1

        took = run_threads(book)
        store = "PostgreSQL" if POSTGRES_URL else "SQLite"
        print("%s: %d bookings from %d clients in %.2f s: %.0f bookings/s %s" %
              (store, len(starts), THREADS, took, len(starts) / took, statuses))

        d_from, d_to = local_date(shop.zone, 1), local_date(shop.zone, 7)
        counts = [0] * THREADS
        deadline = time.monotonic() + SLOT_SECONDS

        def search(i):
            c = srv.client()
            while time.monotonic() < deadline:
                shop.slots(c, d_from, d_to)
                counts[i] += 1

        took = run_threads(search)
        print("%s: slots (7 days, any of 4 providers, %d bookings held) from %d clients: %.0f requests/s" %
              (store, len(starts), THREADS, sum(counts) / took))
    finally:
        srv.cleanup()


if __name__ == "__main__":
    main()
