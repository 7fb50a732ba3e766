"""Many due e-mails at once (issue G, outbox): each reaches a real SMTP server (aiosmtpd on
loopback, counting sessions) exactly once, a booking's mails in their planned order, over
reused SMTP sessions (far fewer sessions than mails), with several senders in parallel."""
import os
import tempfile
import unittest

import outbox_load
from api_fixtures import Shop
from harness import Server
from notify_fakes import free_port, wait_until
from smtp_counting_sink import CountingSmtpSink

BOOKINGS = 12
MAILS = 240
SENDERS = 4


def mail_env(port, **extra):
    env = {"VISITD_SMTP_HOST": "127.0.0.1", "VISITD_SMTP_PORT": str(port), "VISITD_SMTP_TLS": "none",
           "VISITD_SMTP_FROM": "bookings@clinic.test"}
    env.update(extra)
    return env


class OutboxThroughputTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="visitd-outbox-")
        self.sink = CountingSmtpSink(free_port(), os.path.join(self.dir, "sink.log")).start()
        self.addCleanup(self.sink.stop)
        self.database = os.path.join(self.dir, "visitd.db")

    def seed(self, total):
        srv = Server(env=mail_env(self.sink.port, **outbox_load.SLEEPING_WORKER_ENV), database=self.database).start()
        try:
            shop = Shop(srv, "loadclinic")
            outbox_load.book_many(shop, srv.client(), BOOKINGS)
            return outbox_load.repeat_due_mails(self.database, total)
        finally:
            srv.cleanup()
            self.assertEqual(0, self.sink.count(), "the sleeping worker sent nothing while seeding")

    def drain(self, expected, **env):
        srv = Server(env=mail_env(self.sink.port, VISITD_NOTIFY_INTERVAL_MS="50", **env),
                     database=self.database).start()
        self.addCleanup(srv.cleanup)
        total = sum(len(v) for v in expected.values())
        wait_until(lambda: self.sink.count() >= total, "%d mails at the sink" % total, timeout=120)
        return srv

    def test_many_due_mails_arrive_once_each_in_order_per_booking_over_reused_sessions(self):
        expected = self.seed(MAILS)
        self.assertEqual(BOOKINGS, len(expected))
        self.drain(expected, VISITD_NOTIFY_SENDERS=str(SENDERS))
        mails = self.sink.mails()
        self.assertEqual([], outbox_load.problems(expected, mails))
        sessions = {s for s, _, _ in mails}
        # One session per sender, reopened only after a failure: far fewer than one per mail.
        self.assertLessEqual(len(sessions), MAILS // 10, "SMTP sessions for %d mails" % MAILS)
        # Several senders, each over its own session.
        self.assertGreater(len(sessions), 1)

    def test_one_sender_uses_one_session(self):
        expected = self.seed(60)
        self.drain(expected, VISITD_NOTIFY_SENDERS="1")
        mails = self.sink.mails()
        self.assertEqual([], outbox_load.problems(expected, mails))
        self.assertEqual(1, len({s for s, _, _ in mails}), "SMTP sessions")


if __name__ == "__main__":
    unittest.main()
