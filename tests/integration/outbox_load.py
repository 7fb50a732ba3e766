"""Many due e-mails at once, for the outbox throughput test and bench/outbox_bench.py.

Real bookings are made through the API while the outbox worker sleeps (a long interval after
its first, empty pass); each booking's due e-mail rows are then repeated in the outbox table
(new row id and Message-ID each, next attempts spaced one second apart in the past, bookings
interleaved), so the planned order per booking is known: ascending (next_attempt_at, id), the
order the worker claims in. Restarting visitd with a short interval then sends them all."""
import sqlite3
import time

from api_fixtures import local_date

SLEEPING_WORKER_ENV = {"VISITD_NOTIFY_INTERVAL_MS": "600000"}


def book_many(shop, client, count, first_day=3):
    """Books `count` appointments on consecutive days (16 a day from 09:00 London)."""
    booked, day = [], first_day
    while len(booked) < count:
        for start in shop.free_starts(client, days_ahead=day):
            if len(booked) == count:
                break
            status, _, body = shop.book(client, start, email="c%d@load.example" % len(booked),
                                        name="Load %d" % len(booked))
            assert status == 201, (status, body)
            booked.append(body["booking"]["id"])
        day += 1
    return booked


def repeat_due_mails(database, total):
    """Repeats the planned e-mail rows until `total` are due; returns the expected planned order,
    {booking id: [message id, ...]}."""
    db = sqlite3.connect(database, timeout=30)
    try:
        now = int(time.time())
        rows = db.execute("SELECT * FROM outbox WHERE channel = 'email' AND recipient = 'consumer' "
                          "AND status = 'planned' AND due_at <= ? ORDER BY booking_id, id", (now,)).fetchall()
        columns = [d[0] for d in db.execute("SELECT * FROM outbox LIMIT 0").description]
        assert rows, "no due e-mail was planned"
        col = {name: i for i, name in enumerate(columns)}
        base = now - total - 10
        placeholders = ",".join("?" * len(columns))
        with db:
            for n in range(total):
                row = list(rows[n % len(rows)])
                copy = n // len(rows)
                if copy:
                    row[col["id"]] += "x%d" % copy
                    row[col["message_id"]] += "x%d" % copy
                row[col["next_attempt_at"]] = base + n
                if copy:
                    db.execute("INSERT INTO outbox (%s) VALUES (%s)" % (",".join(columns), placeholders), row)
                else:
                    db.execute("UPDATE outbox SET next_attempt_at = ? WHERE id = ?", (base + n, row[col["id"]]))
        # Anything else due (other channels, rows past `total`) would only blur the count.
        with db:
            db.execute("UPDATE outbox SET next_attempt_at = next_attempt_at + 31536000 WHERE status = 'planned' "
                       "AND next_attempt_at <= ? AND next_attempt_at NOT BETWEEN ? AND ?", (now, base, base + total))
        expected = {}
        for booking_id, message_id in db.execute(
                "SELECT booking_id, message_id FROM outbox WHERE channel = 'email' AND status = 'planned' "
                "AND next_attempt_at BETWEEN ? AND ? ORDER BY next_attempt_at, id", (base, base + total)):
            expected.setdefault(booking_id, []).append(message_id)
        assert sum(len(v) for v in expected.values()) == total
        return expected
    finally:
        db.close()


def problems(expected, mails):
    """What is wrong with what the sink received: [] when every planned mail arrived exactly
    once and each booking's mails in their planned order."""
    order = [mid.strip("<>").split("@", 1)[0] for _, mid, _ in mails]
    planned = {m for ms in expected.values() for m in ms}
    out = []
    seen = set()
    doubled = {m for m in order if m in seen or seen.add(m)}
    if doubled:
        out.append("%d mail(s) received more than once, e.g. %s" % (len(doubled), sorted(doubled)[0]))
    missing = planned - seen
    if missing:
        out.append("%d planned mail(s) never received, e.g. %s" % (len(missing), sorted(missing)[0]))
    unknown = seen - planned
    if unknown:
        out.append("%d unplanned mail(s) received, e.g. %s" % (len(unknown), sorted(unknown)[0]))
    position = {}
    for i, m in enumerate(order):
        position.setdefault(m, i)
    for booking_id, ms in expected.items():
        arrived = sorted((m for m in ms if m in position), key=position.__getitem__)
        if arrived != [m for m in ms if m in position]:
            out.append("booking %s: mails arrived out of planned order" % booking_id)
    return out
