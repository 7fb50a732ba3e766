"""Issue H: throttling beyond the address. Logins and public bookings from many loopback
addresses (127.0.0.x, one /24) share their network's budget; failed passwords for one
account from any address lock that account for a while (even the right password is refused);
one business's calendar has its own booking budget. Refusals are 429 problem+json with
Retry-After and are counted in /metrics."""
import http.client
import json
import unittest

from api_fixtures import PASSWORD, Shop
from harness import Server


def post_from(port, source, path, body):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=(source, 0))
    try:
        conn.request("POST", path, body=json.dumps(body), headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        data = resp.read()
        headers = {k.lower(): v for k, v in resp.getheaders()}
        return resp.status, headers, json.loads(data) if data else None
    finally:
        conn.close()


def throttled(client, budget):
    status, _, text = client.get("/metrics")
    assert status == 200
    prefix = 'visitd_throttled_total{budget="%s"} ' % budget
    return int(next(line for line in text.splitlines() if line.startswith(prefix)).split()[-1])


class LoginThrottles(unittest.TestCase):
    def assert_refused_429(self, status, headers, body):
        self.assertEqual(status, 429, body)
        self.assertTrue(headers["content-type"].startswith("application/problem+json"))
        self.assertGreaterEqual(int(headers["retry-after"]), 1)

    def test_many_addresses_of_one_network_share_its_login_budget(self):
        with Server(env={"VISITD_LOGIN_NETWORK_RATE_PER_MINUTE": "1", "VISITD_LOGIN_NETWORK_BURST": "5"}) as srv:
            answers = [post_from(srv.port, "127.0.0.%d" % (10 + i), "/api/v1/auth/login",
                                 {"email": "nobody%d@example.test" % i, "password": "wrong-password"})
                       for i in range(8)]
            self.assertEqual([a[0] for a in answers[:5]], [401] * 5)
            for answer in answers[5:]:
                self.assert_refused_429(*answer)
            self.assertEqual(throttled(srv.client(), "login_network"), 3)

    def test_failed_passwords_from_many_addresses_lock_the_account_not_others(self):
        env = {"VISITD_ACCOUNT_LOGIN_FAILURES": "3", "VISITD_ACCOUNT_LOGIN_FAILURES_PER_HOUR": "1"}
        with Server(env=env) as srv:
            srv.admin("create-user", "--email", "victim@example.test", "--name", "V", "--password", PASSWORD)
            srv.admin("create-user", "--email", "other@example.test", "--name", "O", "--password", PASSWORD)
            for i in range(3):
                status, _, _ = post_from(srv.port, "127.0.0.%d" % (40 + i), "/api/v1/auth/login",
                                         {"email": "victim@example.test", "password": "guess-%d-guess" % i})
                self.assertEqual(status, 401)
            # Locked: even the right password is refused, from a fresh address, without a check.
            self.assert_refused_429(*post_from(srv.port, "127.0.0.50", "/api/v1/auth/login",
                                               {"email": "VICTIM@example.test", "password": PASSWORD}))
            status, _, _ = post_from(srv.port, "127.0.0.50", "/api/v1/auth/login",
                                     {"email": "other@example.test", "password": PASSWORD})
            self.assertEqual(status, 200)
            self.assertEqual(throttled(srv.client(), "login_account"), 1)

    def test_a_right_password_before_the_lock_forgets_the_failures(self):
        env = {"VISITD_ACCOUNT_LOGIN_FAILURES": "2", "VISITD_ACCOUNT_LOGIN_FAILURES_PER_HOUR": "1"}
        with Server(env=env) as srv:
            srv.admin("create-user", "--email", "typo@example.test", "--name", "T", "--password", PASSWORD)
            for attempt in ["typo-typo-1", PASSWORD, "typo-typo-2", PASSWORD]:
                status, _, _ = post_from(srv.port, "127.0.0.60", "/api/v1/auth/login",
                                         {"email": "typo@example.test", "password": attempt})
                self.assertEqual(status, 200 if attempt == PASSWORD else 401)


class BookingThrottles(unittest.TestCase):
    def book_from(self, srv, shop, source, start, n):
        return post_from(srv.port, source, shop.public_path("/bookings"),
                         shop.booking_body(start, email="b%d@example.test" % n))

    def test_one_network_cannot_fill_a_calendar_from_many_addresses(self):
        with Server(env={"VISITD_BOOKING_NETWORK_RATE_PER_MINUTE": "1", "VISITD_BOOKING_NETWORK_BURST": "3"}) as srv:
            shop = Shop(srv, "netbudget")
            starts = shop.free_starts(srv.client(), 3)
            answers = [self.book_from(srv, shop, "127.0.0.%d" % (70 + i), starts[i], i) for i in range(5)]
            self.assertEqual([a[0] for a in answers[:3]], [201] * 3)
            for status, headers, body in answers[3:]:
                self.assertEqual(status, 429, body)
                self.assertGreaterEqual(int(headers["retry-after"]), 1)
            self.assertEqual(len(shop.staff_bookings("confirmed")), 3)
            self.assertEqual(throttled(srv.client(), "booking_network"), 2)

    def test_one_business_has_its_own_booking_budget(self):
        with Server(env={"VISITD_BUSINESS_BOOKING_RATE_PER_MINUTE": "1", "VISITD_BUSINESS_BOOKING_BURST": "2"}) as srv:
            full = Shop(srv, "fullshop")
            other = Shop(srv, "othershop")
            starts = full.free_starts(srv.client(), 3)
            statuses = [self.book_from(srv, full, "127.0.0.%d" % (80 + i), starts[i], i)[0] for i in range(3)]
            self.assertEqual(statuses, [201, 201, 429])
            status, _, body = self.book_from(srv, other, "127.0.0.90", other.free_starts(srv.client(), 3)[0], 9)
            self.assertEqual(status, 201, body)
            self.assertEqual(throttled(srv.client(), "booking_business"), 1)


if __name__ == "__main__":
    unittest.main()
