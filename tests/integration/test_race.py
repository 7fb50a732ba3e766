"""No double booking under concurrency: many consumers POST the same slot at once."""
import collections
import threading
import unittest

from harness import Server
from api_fixtures import Shop, local_date, utc

CONCURRENT = 50


def race(shop, srv, start, provider_id=None):
    """CONCURRENT POSTs for one start released together; returns their (status, body)."""
    barrier = threading.Barrier(CONCURRENT)
    results = [None] * CONCURRENT

    def one(i):
        client = srv.client()
        body = shop.booking_body(start, provider_id=provider_id, email="racer%02d@example.com" % i,
                                 name="Racer %d" % i)
        barrier.wait()
        try:
            status, _, answer = client.post(shop.public_path("/bookings"), body)
            results[i] = (status, answer)
        except Exception as e:   # a dropped connection must fail the test, not hang it
            results[i] = ("error", repr(e))

    threads = [threading.Thread(target=one, args=(i,)) for i in range(CONCURRENT)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results


class RaceTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server(env={"VISITD_THREADS": "8"}).start()
        cls.shop = Shop(cls.srv, "raceshop", providers=(("Dr Ada", "Europe/London"), ("Dr Bo", "Europe/London"),
                                                        ("Dr Cy", "Europe/London")))
        cls.c = cls.srv.client()

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def assert_one_confirmed_per_provider_and_instant(self):
        confirmed = self.shop.staff_bookings(status="confirmed")
        per_key = collections.Counter((b["providerId"], utc(b["start"])) for b in confirmed)
        self.assertTrue(per_key)
        self.assertEqual(max(per_key.values()), 1, per_key)
        return confirmed

    def test_fifty_posts_for_one_provider_slot_give_one_booking(self):
        ada = self.shop.provider_ids[0]
        start = self.shop.free_starts(self.c, 3, provider_id=ada)[0]
        results = race(self.shop, self.srv, start, provider_id=ada)
        statuses = collections.Counter(r[0] for r in results)
        self.assertEqual(statuses, {201: 1, 409: CONCURRENT - 1}, results[:3])
        for status, body in results:
            if status == 409:
                self.assertIn("nearest", body)
        confirmed = self.assert_one_confirmed_per_provider_and_instant()
        at_start = [b for b in confirmed if utc(b["start"]) == utc(start)]
        self.assertEqual(len(at_start), 1)
        self.assertEqual(at_start[0]["providerId"], ada)

    def test_fifty_posts_for_any_provider_give_one_booking_per_provider(self):
        start = self.shop.free_starts(self.c, 4)[0]
        slot = [s for s in self.shop.slots(self.c, local_date("Europe/London", 4)) if s["start"] == start][0]
        self.assertEqual(len(slot["providerIds"]), 3)
        results = race(self.shop, self.srv, start)
        statuses = collections.Counter(r[0] for r in results)
        self.assertEqual(statuses, {201: 3, 409: CONCURRENT - 3}, results[:3])
        winners = {body["booking"]["provider"]["id"] for status, body in results if status == 201}
        self.assertEqual(winners, set(self.shop.provider_ids))
        confirmed = self.assert_one_confirmed_per_provider_and_instant()
        at_start = [b for b in confirmed if utc(b["start"]) == utc(start)]
        self.assertEqual(sorted(b["providerId"] for b in at_start), sorted(self.shop.provider_ids))


if __name__ == "__main__":
    unittest.main()
