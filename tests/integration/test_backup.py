"""`visitd backup` while the server takes bookings, and `visitd restore`: every booking
committed before a backup began is in it, the copy is private (0600), and a server started on
the restored database shows them all."""
import datetime
import os
import sqlite3
import stat
import threading
import time
import unittest

from api_fixtures import Shop
from harness import POSTGRES_URL, Server

ALL_DAY = [{"weekday": d, "start": "00:00", "end": "24:00"} for d in range(1, 8)]


@unittest.skipIf(POSTGRES_URL, "SQLite's online backup; PostgreSQL is backed up with pg_dump")
class BackupUnderLoad(unittest.TestCase):
    def test_backups_taken_while_booking_hold_every_earlier_booking_and_restore(self):
        with Server() as srv:
            shop = Shop(srv, "backup", zone="UTC", providers=(("Dr Bee", "UTC"),), weekly=ALL_DAY,
                        service={"questions": []})
            today = datetime.datetime.now(datetime.timezone.utc).date()
            starts = []
            for days in range(2, 9):
                d = (today + datetime.timedelta(days=days)).isoformat()
                starts += [s["start"] for s in shop.slots(shop.staff, d, d, zone="UTC")]
            self.assertGreater(len(starts), 200)
            committed = []  # (monotonic time the 201 arrived, booking id)
            stop = threading.Event()
            errors = []

            def book_continuously():
                client = srv.client()
                for i, start in enumerate(starts):
                    if stop.is_set():
                        return
                    status, _, body = shop.book(client, start, answers={}, email="c%d@example.test" % i)
                    if status != 201:
                        errors.append((status, body))
                        return
                    committed.append((time.monotonic(), body["booking"]["id"]))

            booker = threading.Thread(target=book_continuously)
            booker.start()
            backups = []
            try:
                for n in range(3):
                    # Wait (observably) until more bookings have landed since the last backup.
                    deadline = time.monotonic() + 60
                    want = 10 * (n + 1)
                    while len(committed) < want and booker.is_alive() and time.monotonic() < deadline:
                        time.sleep(0.05)
                    self.assertGreaterEqual(len(committed), want, errors)
                    path = os.path.join(os.path.dirname(srv.database), "backup-%d.db" % n)
                    began = time.monotonic()
                    out = srv.run_cli("backup", path)
                    ended = time.monotonic()
                    backups.append((path, began, ended, out.stdout))
            finally:
                stop.set()
                booker.join(timeout=60)
            self.assertEqual(errors, [])
            self.assertTrue(any(t > backups[-1][2] for t, _ in committed) or len(committed) == len(starts),
                            "bookings kept being taken while and after backing up")

            for path, began, ended, printed in backups:
                self.assertIn('"schemaVersion"', printed)
                self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
                self.assertFalse(os.path.exists(path + ".part"))
                with sqlite3.connect("file:%s?mode=ro" % path, uri=True) as db:
                    self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")
                    held = {row[0] for row in db.execute("SELECT id FROM bookings")}
                before = {bid for t, bid in committed if t < began}
                after = {bid for t, bid in committed if t > ended}
                self.assertLessEqual(before, held, "a booking committed before the backup is missing")
                self.assertFalse(held & after, "the backup holds a booking made after it ended")

            # Restore the last backup into a new database and serve it.
            last, began, _, _ = backups[-1]
            restored = Server(database=os.path.join(os.path.dirname(srv.database), "restored.db"))
            try:
                out = restored.run_cli("restore", last)
                self.assertIn('"schemaVersion"', out.stdout)
                restored.start()
                client = restored.client()
                client.login(shop.owner_email, "correct horse battery staple")
                code, _, body = client.get(shop.staff_path("/bookings?limit=200"))
                self.assertEqual(code, 200, body)
                listed = {b["id"] for b in body["items"]}
                total = body["total"]
                offset = len(body["items"])
                while offset < total:
                    code, _, page = client.get(shop.staff_path("/bookings?limit=200&offset=%d" % offset))
                    listed |= {b["id"] for b in page["items"]}
                    offset += len(page["items"])
                self.assertLessEqual({bid for t, bid in committed if t < began}, listed)
            finally:
                restored.cleanup()

    def test_restore_refuses_a_file_that_is_not_a_visitd_backup_and_leaves_the_database(self):
        with Server() as srv:
            Shop(srv, "keep")
            junk = os.path.join(os.path.dirname(srv.database), "junk.db")
            with open(junk, "wb") as f:
                f.write(b"not a database at all" * 100)
            out = srv.run_cli("restore", junk, check=False)
            self.assertNotEqual(out.returncode, 0)
            self.assertIn("junk.db", out.stderr)
            empty = os.path.join(os.path.dirname(srv.database), "empty.db")
            sqlite3.connect(empty).close()
            out = srv.run_cli("restore", empty, check=False)
            self.assertNotEqual(out.returncode, 0)
            self.assertIn("visitd database", out.stderr)
            code, _, _ = srv.client().get("/api/v1/public/businesses/keep")
            self.assertEqual(code, 200)


if __name__ == "__main__":
    unittest.main()
