"""Crash safety of the outbox: kill -9 visitd while it sends a batch of 200+ confirmation
mails, restart it on the same database, and every mail arrives; a mail that reached the
SMTP server twice (the crash fell between the send and its record) carries one Message-ID."""
import collections
import os
import signal
import unittest

from api_fixtures import Shop
from harness import Server
from notify_fakes import SmtpSink, to_of, wait_until

BOOKINGS = 210


class CrashTest(unittest.TestCase):
    def setUp(self):
        self.smtp = SmtpSink().start()
        self.servers = []

    def tearDown(self):
        for s in self.servers:
            s.cleanup()
        self.smtp.cleanup()

    def server(self, database=None, **env):
        base = {"VISITD_SMTP_HOST": "127.0.0.1", "VISITD_SMTP_PORT": str(self.smtp.port), "VISITD_SMTP_TLS": "none",
                "VISITD_SMTP_FROM": "bookings@clinic.test", "VISITD_NOTIFY_LEASE_S": "1"}
        base.update(env)
        s = Server(env=base, database=database)
        self.servers.append(s)
        return s.start()

    def test_kill_9_mid_batch_loses_nothing_and_duplicates_share_the_message_id(self):
        # 1. Plan the messages with a worker that will not wake during the bookings.
        first = self.server(VISITD_NOTIFY_INTERVAL_MS="600000")
        shop = Shop(first, "crashclinic", providers=[("Dr %d" % i, "Europe/London") for i in range(4)])
        client = first.client()
        booking_ids = {}
        days = 2
        while len(booking_ids) < BOOKINGS:
            for start in shop.free_starts(client, days_ahead=days):
                for _ in range(4):
                    if len(booking_ids) >= BOOKINGS:
                        break
                    email = "c%03d@example.com" % len(booking_ids)
                    status, _, body = shop.book(client, start, email=email)
                    if status == 201:
                        booking_ids[email] = body["booking"]["id"]
            days += 1
        first.stop()
        self.assertEqual(0, len(self.smtp.messages()))

        # 2. Send in small batches and kill -9 part way through.
        second = self.server(database=first.database, VISITD_NOTIFY_INTERVAL_MS="20", VISITD_NOTIFY_BATCH="5")
        wait_until(lambda: self.smtp.count() >= 20, "the batch to be under way", interval=0.005)
        second.proc.send_signal(signal.SIGKILL)
        second.proc.wait()
        at_kill = self.smtp.count()
        self.assertLess(at_kill, BOOKINGS,"the kill came after the whole batch: the test proves nothing")

        # 3. Restart: expired leases are claimed again; everything arrives.
        third = self.server(database=first.database, VISITD_NOTIFY_INTERVAL_MS="20")
        wait_until(lambda: set(booking_ids) <= {to_of(m) for m in self.smtp.messages()}, "every confirmation",
                   timeout=120)
        ids_by_recipient = collections.defaultdict(set)
        for m in self.smtp.messages():
            ids_by_recipient[to_of(m)].add(str(m["Message-ID"]))
        for email in booking_ids:
            self.assertEqual(1, len(ids_by_recipient[email]), "%s got different Message-IDs" % email)

        staff = third.client()
        staff.login(shop.owner_email, "correct horse battery staple")
        sample = list(booking_ids.values())[:: max(1, BOOKINGS // 20)]
        for booking_id in sample:
            status, _, view = staff.get(shop.staff_path("/bookings/%s/messages" % booking_id))
            self.assertEqual(200, status)
            consumer = [m for m in view["items"] if m["kind"] == "confirmation" and m["recipient"] == "consumer"]
            wait_until(lambda: self._sent(staff, shop, booking_id), "confirmation recorded as sent")
            self.assertEqual(1, len(consumer))
            self.assertFalse([m for m in view["items"] if m["recipient"] == "consumer" and m["status"] == "withdrawn"])

    def _sent(self, staff, shop, booking_id):
        _, _, view = staff.get(shop.staff_path("/bookings/%s/messages" % booking_id))
        return [m for m in view["items"] if m["kind"] == "confirmation" and m["recipient"] == "consumer"
                and m["status"] == "sent"]


if __name__ == "__main__":
    unittest.main()
