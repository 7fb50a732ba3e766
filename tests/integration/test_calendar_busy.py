"""External busy times (issue I): a provider attaches calendars by their secret address; visitd
fetches them from a loopback server (Google- and Outlook-shaped exports: VTIMEZONE with DST, a
Windows zone name, a daily series with an EXDATE and a moved instance, free and cancelled
events, all-day, floating and UTC events) and exactly the busy instants leave the provider's
slots, across a DST change. Conditional GET, oversize, timeout and refused targets are shown to
the provider; a failing calendar never blocks booking."""
import datetime
import os
import time
import unittest
import zoneinfo

from harness import Server
from api_fixtures import Shop, utc
from calendar_server import CalendarServer

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
UTC = datetime.timezone.utc
HERE = os.path.dirname(os.path.abspath(__file__))
WAIT_S = 30


def next_change_after(days):
    """The first New York date at least `days` days ahead whose UTC offset changes."""
    day = datetime.datetime.now(NEW_YORK).date() + datetime.timedelta(days=days)
    for _ in range(800):
        before = datetime.datetime.combine(day, datetime.time(0, 0), NEW_YORK).utcoffset()
        after = datetime.datetime.combine(day, datetime.time(12, 0), NEW_YORK).utcoffset()
        if before != after:
            return day
        day += datetime.timedelta(days=1)
    raise AssertionError("no clock change within 800 days")


def local(day, hh, mm=0):
    return datetime.datetime.combine(day, datetime.time(hh, mm), NEW_YORK).astimezone(UTC)


def fixture(name, d):
    with open(os.path.join(HERE, "calendars", name)) as f:
        text = f.read()
    fmt = lambda k: (d + datetime.timedelta(days=k)).strftime("%Y%m%d")
    return text.format(d=fmt(0), d_minus3=fmt(-3), d_minus1=fmt(-1), d_plus1=fmt(1), d_plus2=fmt(2),
                       d_plus3=fmt(3), d_plus4=fmt(4), d_plus5=fmt(5))


def expected_busy(d):
    """What the two fixtures say is busy, worked out here from the files' own words."""
    day = lambda k: d + datetime.timedelta(days=k)
    busy = []
    for k in (-3, -2, 0, 2, 3):  # the daily 10:00 stand-up: -1 is an EXDATE, +1 was moved
        busy.append((local(day(k), 10), local(day(k), 11)))
    busy.append((local(day(1), 15), local(day(1), 16)))  # the moved instance
    when = datetime.datetime.combine(day(2), datetime.time(18, 0), UTC)
    busy.append((when, when + datetime.timedelta(hours=1)))  # UTC
    busy.append((local(day(1), 8), local(day(1), 9)))  # Outlook's "Eastern Standard Time"
    busy.append((local(day(4), 0), local(day(5), 0)))  # all day, the provider's day
    busy.append((local(day(3), 14), local(day(3), 15)))  # floating: the provider's wall clock
    return busy


class ExternalBusyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.feeds = CalendarServer()
        cls.srv = Server(env={"VISITD_FETCH_ALLOW_PRIVATE": "1", "VISITD_CALENDAR_FETCH_TIMEOUT_S": "2",
                              "VISITD_CALENDAR_MAX_BYTES": "65536"}).start()
        cls.c = cls.srv.client()

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()
        cls.feeds.close()

    def shop(self, slug):
        return Shop(self.srv, slug, zone="America/New_York", providers=(("Dr Ada", "America/New_York"),),
                    weekly=[{"weekday": w, "start": "07:00", "end": "19:00"} for w in range(1, 8)],
                    service={"bookingWindowDays": 730, "minNoticeMinutes": 0, "questions": []})

    def slots(self, shop, first, last):
        days = shop.slots(self.c, first.isoformat(), last.isoformat(), zone="America/New_York")
        return [(utc(s["start"]), utc(s["end"])) for s in days]

    def attach(self, shop, path, name="Personal"):
        status, _, body = shop.staff.post(shop.staff_path("/providers/%s/external-calendars" % shop.provider_ids[0]),
                                          {"name": name, "url": self.feeds.url(path)})
        self.assertEqual(status, 201, body)
        self.assertEqual(body["status"], "pending")
        self.assertNotIn(path, body["address"])  # the secret address is never shown back
        return body["id"]

    def calendar(self, shop, calendar_id):
        status, _, body = shop.staff.get(shop.staff_path("/providers/%s/external-calendars" % shop.provider_ids[0]))
        self.assertEqual(status, 200, body)
        return next(c for c in body["items"] if c["id"] == calendar_id)

    def wait_for(self, shop, calendar_id, done):
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            c = self.calendar(shop, calendar_id)
            if done(c):
                return c
            time.sleep(0.1)
        self.fail("calendar never reached the state wanted: %r" % c)

    def fetch_now(self, shop, calendar_id):
        status, _, body = shop.staff.post(shop.staff_path("/providers/%s/external-calendars/%s/fetch" % (
            shop.provider_ids[0], calendar_id)))
        self.assertEqual(status, 202, body)

    def test_busy_import_removes_exactly_the_busy_instants_across_dst(self):
        d = next_change_after(6)
        shop = self.shop("busydst")
        first, last = d - datetime.timedelta(days=3), d + datetime.timedelta(days=5)
        before = self.slots(shop, first, last)
        self.assertTrue(before)

        self.feeds.files["/google/basic.ics"] = fixture("google_export.ics", d)
        self.feeds.files["/outlook/calendar.ics"] = fixture("outlook_export.ics", d)
        google = self.attach(shop, "/google/basic.ics", "Google")
        outlook = self.attach(shop, "/outlook/calendar.ics", "Outlook")
        for cid in (google, outlook):
            c = self.wait_for(shop, cid, lambda c: c["lastFetchAt"] is not None)
            self.assertEqual((c["status"], c["lastResult"], c["lastError"]), ("ok", "fetched", None), c)

        busy = expected_busy(d)
        after = self.slots(shop, first, last)
        want = [s for s in before if not any(s[0] < b_end and b_start < s[1] for b_start, b_end in busy)]
        self.assertEqual(after, want)
        removed = sorted(set(before) - set(after))
        self.assertEqual(len(removed), 5 * 2 + 2 + 2 + 2 + 24 + 2, removed)

        # Conditional GET: the second fetch sends the validators, gets 304, and keeps the busy
        # times (the stored copy is expanded again).
        self.fetch_now(shop, google)
        c = self.wait_for(shop, google, lambda c: c["lastResult"] == "not_modified")
        self.assertEqual(c["status"], "ok")
        second = self.feeds.requests_for("/google/basic.ics")[-1]
        first_answer = self.feeds.requests_for("/google/basic.ics")[0]
        self.assertEqual(second[2], 304)
        self.assertEqual(first_answer[2], 200)
        self.assertIn("If-None-Match", second[1])
        self.assertEqual(second[1].get("If-Modified-Since"), self.feeds.modified)
        self.assertEqual(self.slots(shop, first, last), want)

        # A calendar that starts failing keeps its last busy times and never blocks booking.
        self.feeds.status["/google/basic.ics"] = 500
        self.fetch_now(shop, google)
        c = self.wait_for(shop, google, lambda c: c["lastResult"] == "failed")
        self.assertEqual(c["status"], "error")
        self.assertIn("HTTP 500", c["lastError"])
        self.assertEqual(self.slots(shop, first, last), want)
        start = want[0][0].isoformat().replace("+00:00", "Z")
        status, _, body = shop.book(self.c, start, answers={})
        self.assertEqual(status, 201, body)
        del self.feeds.status["/google/basic.ics"]

        # Detaching frees the time at once.
        status, _, _ = shop.staff.delete(shop.staff_path("/providers/%s/external-calendars/%s" % (
            shop.provider_ids[0], outlook)))
        self.assertEqual(status, 204)
        self.assertIn((local(d + datetime.timedelta(days=4), 12), local(d + datetime.timedelta(days=4), 12, 30)),
                      self.slots(shop, first, last))

    def test_oversize_and_timeout_are_reported_to_the_provider(self):
        shop = self.shop("busyerrors")
        self.feeds.files["/big.ics"] = "BEGIN:VCALENDAR\nVERSION:2.0\n" + "X-PAD:" + "x" * 70000 + "\nEND:VCALENDAR\n"
        self.feeds.files["/slow.ics"] = "BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n"
        self.feeds.delay["/slow.ics"] = 6
        self.feeds.files["/page.html"] = "<html><body>Sign in</body></html>"
        big = self.attach(shop, "/big.ics")
        slow = self.attach(shop, "/slow.ics")
        page = self.attach(shop, "/page.html")
        c = self.wait_for(shop, big, lambda c: c["lastFetchAt"] is not None)
        self.assertEqual(c["status"], "error")
        self.assertIn("larger than", c["lastError"])
        c = self.wait_for(shop, slow, lambda c: c["lastFetchAt"] is not None)
        self.assertEqual(c["status"], "error")
        self.assertIn("within 2 seconds", c["lastError"])
        c = self.wait_for(shop, page, lambda c: c["lastFetchAt"] is not None)
        self.assertEqual(c["status"], "error")
        self.assertIn("iCalendar", c["lastError"])
        self.assertTrue(shop.free_starts(self.c, days_ahead=3))  # booking goes on

    def test_bad_addresses_are_refused_naming_the_field(self):
        shop = self.shop("busybad")
        path = shop.staff_path("/providers/%s/external-calendars" % shop.provider_ids[0])
        for url in ("ftp://example.com/cal.ics", "not a url", "https://", "javascript:alert(1)"):
            status, _, body = shop.staff.post(path, {"name": "x", "url": url})
            self.assertEqual(status, 400, (url, body))
            self.assertEqual([e["field"] for e in body["errors"]], ["url"], body)
        status, _, body = shop.staff.post(path, {"name": "x", "url": "https://example.com/a.ics",
                                                 "refreshMinutes": 1})
        self.assertEqual(status, 400, body)
        self.assertEqual([e["field"] for e in body["errors"]], ["refreshMinutes"])
        status, _, body = shop.staff.post(path, {"name": "x", "url": "webcal://example.com/a.ics", "extra": 1})
        self.assertEqual(status, 400, body)


class RefusedTargetTest(unittest.TestCase):
    """Without VISITD_FETCH_ALLOW_PRIVATE a loopback address is refused after resolution."""

    def test_loopback_target_is_refused_and_reported(self):
        feeds = CalendarServer()
        feeds.files["/cal.ics"] = "BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n"
        srv = Server().start()
        try:
            shop = Shop(srv, "refused")
            path = shop.staff_path("/providers/%s/external-calendars" % shop.provider_ids[0])
            for host in ("127.0.0.1", "localhost"):
                status, _, body = shop.staff.post(path, {"name": host,
                                                         "url": "http://%s:%d/cal.ics" % (host, feeds.port)})
                self.assertEqual(status, 201, body)
                deadline = time.monotonic() + WAIT_S
                while time.monotonic() < deadline:
                    c = next(x for x in shop.staff.get(path)[2]["items"] if x["id"] == body["id"])
                    if c["lastFetchAt"]:
                        break
                    time.sleep(0.1)
                self.assertEqual(c["status"], "error", c)
                self.assertIn("resolves to a loopback address", c["lastError"])
            self.assertEqual(feeds.requests, [])  # nothing ever reached the target
        finally:
            srv.cleanup()
            feeds.close()


if __name__ == "__main__":
    unittest.main()
