"""Slots on clock-change days through the public API (issue J, faults 12 and 13).

The days are the next fall back and the next spring forward of America/New_York, found with
Python's zoneinfo, so the test never depends on today's date. What visitd answers is
compared with instants worked out here from the rules in docs/architecture.md ("Time")."""
import datetime
import unittest
import zoneinfo

from harness import Server
from api_fixtures import Shop, utc

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
UTC = datetime.timezone.utc


def next_change(falls_back):
    """The first New York date at least two days ahead whose clock goes back (or forward)."""
    day = datetime.datetime.now(NEW_YORK).date() + datetime.timedelta(days=2)
    for _ in range(800):
        before = datetime.datetime.combine(day, datetime.time(0, 0), NEW_YORK).utcoffset()
        after = datetime.datetime.combine(day, datetime.time(12, 0), NEW_YORK).utcoffset()
        if (after < before) if falls_back else (after > before):
            return day
        day += datetime.timedelta(days=1)
    raise AssertionError("no clock change within 800 days")


def first_occurrence(day, hh, mm):
    """UTC instant of the first occurrence of a New York wall time (fold=0 is the earlier)."""
    return datetime.datetime.combine(day, datetime.time(hh, mm), NEW_YORK).astimezone(UTC)


def every_day(start, end):
    return [{"weekday": d, "start": start, "end": end} for d in range(1, 8)]


class DstSlotsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server().start()
        cls.c = cls.srv.client()

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def shop(self, slug, start, end, duration, interval):
        return Shop(self.srv, slug, zone="America/New_York", providers=(("Dr Night", "America/New_York"),),
                    weekly=every_day(start, end),
                    service={"durationMinutes": duration, "slotIntervalMinutes": interval,
                             "bookingWindowDays": 730, "minNoticeMinutes": 0})

    def starts(self, shop, day):
        return [utc(s["start"]) for s in shop.slots(self.c, day.isoformat(), zone="America/New_York")]

    def test_fall_back_closes_at_the_first_occurrence_and_never_books_after_closing(self):
        day = next_change(falls_back=True)
        shop = self.shop("fallback", "00:30", "01:30", 30, 15)
        self.assertEqual(self.starts(shop, day),
                         [first_occurrence(day, 0, 30), first_occurrence(day, 0, 45), first_occurrence(day, 1, 0)])
        # 01:15 EDT would end after closing; 01:15 EST is in the repeated hour, after closing.
        # Both are refused, and nothing is written.
        for start in (first_occurrence(day, 1, 15), first_occurrence(day, 1, 15) + datetime.timedelta(hours=1)):
            status, _, body = shop.book(self.c, start.isoformat().replace("+00:00", "Z"))
            self.assertEqual(status, 409, (start, body))
        self.assertEqual(shop.staff_bookings(status="confirmed"), [])

    def test_spring_forward_keeps_the_wall_clock_grid(self):
        day = next_change(falls_back=False)
        shop = self.shop("springfwd", "00:00", "06:00", 45, 45)
        wall = [s.astimezone(NEW_YORK).strftime("%H:%M") for s in self.starts(shop, day)]
        self.assertEqual(wall, ["00:00", "00:45", "01:30", "03:00", "03:45", "04:30", "05:15"])


if __name__ == "__main__":
    unittest.main()
