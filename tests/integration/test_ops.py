"""Operations endpoints: liveness, readiness, Prometheus metrics."""
import unittest

from harness import Server
from api_fixtures import Shop


class OpsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server().start()
        cls.c = cls.srv.client()

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def test_healthz(self):
        status, headers, body = self.c.get("/healthz")
        self.assertEqual(status, 200)
        self.assertEqual(body, {"status": "ok"})

    def test_readyz_when_database_answers(self):
        status, _, body = self.c.get("/readyz")
        self.assertEqual(status, 200, body)

    def test_metrics_count_requests_and_bookings(self):
        shop = Shop(self.srv, "opsshop")
        start = shop.free_starts(self.c, 3)[0]
        self.assertEqual(shop.book(self.c, start)[0], 201)
        self.assertEqual(shop.book(self.c, start)[0], 409)
        status, headers, text = self.c.get("/metrics")
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], "text/plain; version=0.0.4")
        lines = text.splitlines()
        self.assertIn("visitd_bookings_created_total 1", lines)
        self.assertIn("visitd_booking_conflicts_total 1", lines)
        # Requests are labelled by route pattern, never by the concrete path.
        self.assertIn('route="/api/v1/public/businesses/{slug}/bookings"', text)
        self.assertNotIn("opsshop", text)

    def test_metrics_show_each_worker_pool(self):
        self.assertEqual(self.c.get("/readyz")[0], 200)  # one request through the http pool
        status, _, text = self.c.get("/metrics")
        self.assertEqual(status, 200)
        lines = text.splitlines()
        for pool in ("http", "live"):
            for family in ("visitd_worker_threads", "visitd_worker_queue_depth", "visitd_worker_busy",
                           "visitd_worker_rejected_total"):
                with self.subTest(pool=pool, family=family):
                    self.assertTrue(any(l.startswith('%s{pool="%s"} ' % (family, pool)) for l in lines), text)
        self.assertIn("# TYPE visitd_worker_rejected_total counter", lines)
        self.assertIn('visitd_worker_rejected_total{pool="http"} 0', lines)

    def test_unsafe_method_on_ops_route_is_refused(self):
        status, _, _ = self.c.post("/healthz", {})
        self.assertEqual(status, 405)


if __name__ == "__main__":
    unittest.main()
