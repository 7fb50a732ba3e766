"""Round robin through the public booking API (issue J, fault 4): two providers with equal
hours share "any provider" bookings fairly across weeks, not per ISO week."""
import datetime
import unittest
import zoneinfo

from harness import Server
from api_fixtures import Shop

WEEKDAYS = [{"weekday": d, "start": "09:00", "end": "17:00"} for d in range(1, 6)]


def next_monday(zone):
    today = datetime.datetime.now(zoneinfo.ZoneInfo(zone)).date()
    return today + datetime.timedelta(days=7 - today.weekday())  # 1..7 days ahead


class RoundRobinTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server().start()

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def shop(self, slug):
        return Shop(self.srv, slug, providers=(("Alice", "Europe/London"), ("Bob", "Europe/London")),
                    weekly=WEEKDAYS, service={"bookingWindowDays": 90})

    def book_any(self, shop, client, day, n):
        """The first free start of `day` with both providers free; who got the booking."""
        d = day.isoformat()
        both = [s for s in shop.slots(client, d, d) if len(s["providerIds"]) == 2]
        self.assertTrue(both, d)
        status, _, body = shop.book(client, both[0]["start"], email="rr%d@example.com" % n)
        self.assertEqual(status, 201, body)
        return "A" if body["booking"]["provider"]["id"] == shop.provider_ids[0] else "B"

    def test_one_booking_each_monday_for_six_weeks_alternates(self):
        shop = self.shop("rrweekly")
        c = self.srv.client()
        monday = next_monday(shop.zone)
        order = "".join(self.book_any(shop, c, monday + datetime.timedelta(weeks=w), w) for w in range(6))
        self.assertEqual(sorted(order), list("AAABBB"), order)
        for earlier, later in zip(order, order[1:]):
            self.assertNotEqual(earlier, later, order)

    def test_three_a_week_for_six_weeks_splits_nine_nine(self):
        shop = self.shop("rrthrice")
        c = self.srv.client()
        monday = next_monday(shop.zone)
        got = [self.book_any(shop, c, monday + datetime.timedelta(weeks=w, days=d), 3 * w + i)
               for w in range(6) for i, d in enumerate((0, 2, 4))]
        self.assertEqual(got.count("A"), 9, "".join(got))
        self.assertEqual(got.count("B"), 9, "".join(got))


if __name__ == "__main__":
    unittest.main()
