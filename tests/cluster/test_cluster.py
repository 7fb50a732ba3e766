"""Two visitd instances on one PostgreSQL database behind a real nginx (issue F): the promises
of one process hold across processes. Run under tests/postgres/with_postgres.sh (ctest
`cluster`)."""
import os
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from cluster import Cluster, free_port, metric  # noqa: E402

import harness  # noqa: E402  (tests/integration, put on the path by cluster)
from api_fixtures import PASSWORD, Shop, token_of  # noqa: E402
from smtp_counting_sink import CountingSmtpSink  # noqa: E402

WAIT_S = 60
RACERS = 50
REMINDERS = 500


def wait_until(condition, timeout, what):
    """Polls `condition` until it returns a true value; fails the test after `timeout` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("%s: not within %ss" % (what, timeout))
        time.sleep(0.05)


class SharedPromises(unittest.TestCase):
    """Bookings, sessions, links and the outbox: one cluster, with an SMTP sink and an outbox
    worker on each instance polling often."""

    @classmethod
    def setUpClass(cls):
        cls.sink = CountingSmtpSink(free_port(), os.path.join(harness.tempfile.mkdtemp(prefix="visitd-sink-"),
                                                               "mails.log")).start()
        env = {"VISITD_SMTP_HOST": "127.0.0.1", "VISITD_SMTP_PORT": str(cls.sink.port), "VISITD_SMTP_TLS": "none",
               "VISITD_SMTP_FROM": "bookings@clinic.test", "VISITD_NOTIFY_INTERVAL_MS": "50",
               "VISITD_NOTIFY_BATCH": "10"}
        # No VISITD_SECRET: the first instance generates the link-signing secret into the
        # database and the other reads it from there.
        cls.cluster = Cluster(2, env=env, shared_secret=False)
        try:
            cls.cluster.start()
        except BaseException:
            cls.sink.stop()
            raise

    @classmethod
    def tearDownClass(cls):
        try:
            cls.cluster.stop()
        finally:
            cls.sink.stop()

    def test_fifty_concurrent_bookings_of_one_slot_through_both_instances_make_exactly_one(self):
        front = self.cluster.front
        shop = Shop(front, "race")
        start = shop.free_starts(front.client(), days_ahead=2)[0]
        before = [metric(s, "visitd_bookings_created_total") + metric(s, "visitd_booking_conflicts_total")
                  for s in self.cluster.instances]
        go = threading.Barrier(RACERS)
        statuses = [None] * RACERS

        def racer(i):
            client = front.client()
            go.wait(timeout=WAIT_S)
            statuses[i], _, _ = shop.book(client, start, email="racer%d@example.test" % i, name="Racer %d" % i)

        threads = [threading.Thread(target=racer, args=(i,)) for i in range(RACERS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=WAIT_S)
        self.assertEqual(1, statuses.count(201), statuses)
        self.assertEqual(RACERS - 1, statuses.count(409), statuses)
        # nginx spread the race over both instances (round robin).
        after = [metric(s, "visitd_bookings_created_total") + metric(s, "visitd_booking_conflicts_total")
                 for s in self.cluster.instances]
        handled = [a - b for a, b in zip(after, before)]
        self.assertEqual(RACERS, sum(handled))
        self.assertTrue(all(h > 0 for h in handled), handled)
        confirmed = self.cluster.psql("SELECT count(*) FROM bookings WHERE status = 'confirmed' AND "
                                      "business_id = (SELECT id FROM businesses WHERE slug = 'race')")
        self.assertEqual([["1"]], confirmed)

    def test_a_session_opened_on_one_instance_works_on_the_other_until_logged_out_there(self):
        one, two = self.cluster.instances
        shop = Shop(self.cluster.front, "sessions")
        staff = harness.Client(one)
        staff.login(shop.owner_email, PASSWORD)
        cookies = dict(staff.cookies)
        status, _, me = staff.get("/api/v1/me")
        self.assertEqual(200, status)
        staff.server = two  # the same cookie and CSRF token, the other process
        status, _, again = staff.get("/api/v1/me")
        self.assertEqual(200, status)
        self.assertEqual(me, again)
        # The CSRF token is checked against the session the other instance stored.
        status, _, body = staff.patch(shop.staff_path(""), {"name": "Renamed Clinic"})
        self.assertEqual(200, status, body)
        status, _, _ = staff.post("/api/v1/auth/logout")
        self.assertEqual(204, status)
        # The cookie as it was before the logout, replayed on the first instance.
        replay = harness.Client(one)
        replay.cookies = cookies
        self.assertEqual(401, replay.get("/api/v1/me")[0])

    def test_links_signed_by_one_instance_open_on_the_other(self):
        one, two = self.cluster.instances
        shop = Shop(self.cluster.front, "links")
        start = shop.free_starts(harness.Client(one), days_ahead=2)[0]
        status, _, body = shop.book(harness.Client(one), start)
        self.assertEqual(201, status, body)
        manage = token_of(body["manageUrl"])
        status, _, seen = harness.Client(two).get("/api/v1/manage/" + manage)
        self.assertEqual(200, status, seen)
        self.assertEqual(body["booking"]["id"], seen["booking"]["id"])
        # The secret came from the database: one row, the same for every instance.
        self.assertEqual([["1"]], self.cluster.psql("SELECT count(*) FROM settings WHERE key = 'capability_secret'"))

    def test_five_hundred_due_reminders_with_both_workers_running_reach_the_relay_once_each(self):
        shop = Shop(self.cluster.front, "reminders")
        client = self.cluster.front.client()
        bookings = []
        for day in (3, 4, 5):
            for start in shop.free_starts(client, days_ahead=day)[:17]:
                status, _, body = shop.book(client, start, email="r%d@example.test" % len(bookings))
                self.assertEqual(201, status, body)
                bookings.append(body["booking"]["id"])
        now = int(time.time())
        # Ten due reminders per booking, all of one due time (so none overtakes another), as if
        # visitd had been down while they came due; both workers claim from the same table.
        rows = []
        for n in range(REMINDERS):
            booking = bookings[n % len(bookings)]
            rows.append("('msg_rem_%d', '%s', '%s', 'reminder', 'email', 'consumer', 60, 0, %d, 'planned', 0, %d, "
                        "'rem%d', %d, %d)" % (n, shop.business_id, booking, now - 60, now - 60 + n % 7, n, now, now))
        self.cluster.psql(
            "INSERT INTO outbox (id, business_id, booking_id, kind, channel, recipient, offset_minutes, sequence, "
            "due_at, status, attempts, next_attempt_at, message_id, created_at, updated_at) VALUES " +
            ", ".join(rows))
        owners = set()

        def drained():
            for (owner,) in self.cluster.psql("SELECT DISTINCT lease_owner FROM outbox WHERE id LIKE 'msg_rem_%' "
                                              "AND status = 'sending'"):
                owners.add(owner)
            left = self.cluster.psql("SELECT count(*) FROM outbox WHERE id LIKE 'msg_rem_%' "
                                     "AND status IN ('planned', 'sending')")
            return left == [["0"]]

        wait_until(drained, WAIT_S * 3, "every reminder recorded")
        statuses = self.cluster.psql("SELECT status, count(*) FROM outbox WHERE id LIKE 'msg_rem_%' GROUP BY status")
        self.assertEqual([["sent", str(REMINDERS)]], statuses)
        received = [mid.strip("<>").split("@", 1)[0] for _, mid, _ in self.sink.mails()]
        reminders = [m for m in received if m.startswith("rem")]
        self.assertEqual(REMINDERS, len(reminders))
        self.assertEqual(REMINDERS, len(set(reminders)), "a reminder reached the relay twice")
        self.assertGreaterEqual(len(owners), 2, "both instances' workers claimed reminders: %s" % owners)


class SharedRateLimits(unittest.TestCase):
    """Low login budgets on both instances: what one spends, the other sees spent."""

    def setUp(self):
        env = {"VISITD_LOGIN_RATE_PER_MINUTE": "1", "VISITD_LOGIN_BURST": "3", "VISITD_ACCOUNT_LOGIN_FAILURES": "2"}
        self.cluster = Cluster(2, env=env).start()
        self.addCleanup(self.cluster.stop)

    def login(self, srv, email, password, client_address):
        return harness.Client(srv).post("/api/v1/auth/login", {"email": email, "password": password},
                                        headers={"X-Forwarded-For": client_address})

    def test_a_login_rate_limit_hit_through_one_instance_holds_on_the_other(self):
        one, two = self.cluster.instances
        # The tests' own address (127.0.0.1) is a trusted proxy here, so visitd believes the
        # address it names: each "client" below is a different address to the limits.
        # Another account each time: only the address's budget is spent (the account budget,
        # two failures here, is the next test's).
        for n in range(3):
            status, _, _ = self.login(one, "nobody%d@example.test" % n, "wrong", "198.51.100.7")
            self.assertEqual(401, status)
        status, headers, body = self.login(one, "nobody3@example.test", "wrong", "198.51.100.7")
        self.assertEqual(429, status, body)
        status, headers, body = self.login(two, "nobody4@example.test", "wrong", "198.51.100.7")
        self.assertEqual(429, status, body)
        self.assertGreaterEqual(int(headers["retry-after"]), 1)
        through_nginx = self.cluster.front.client().post(
            "/api/v1/auth/login", {"email": "nobody5@example.test", "password": "wrong"},
            headers={"X-Forwarded-For": "198.51.100.7"})
        self.assertEqual(429, through_nginx[0])
        # Another address still has its own budget, on either instance.
        self.assertEqual(401, self.login(two, "nobody6@example.test", "wrong", "198.51.100.8")[0])
        # The request log names the client, not the proxy.
        wait_until(lambda: "client=198.51.100.7" in one.stderr_text(), 10, "the log line naming the client")

    def test_an_account_locked_by_failures_on_one_instance_is_locked_on_the_other(self):
        one, two = self.cluster.instances
        shop = Shop(self.cluster.front, "locked")
        for address in ("203.0.113.1", "203.0.113.2"):
            self.assertEqual(401, self.login(one, shop.owner_email, "wrong", address)[0])
        status, _, body = self.login(two, shop.owner_email, PASSWORD, "203.0.113.3")
        self.assertEqual(429, status, body)


if __name__ == "__main__":
    unittest.main()
