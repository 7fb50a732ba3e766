"""The staff list's text search (k-polish): ?q= finds bookings by the client's name, email,
phone or an answer (the reason for the visit), counted and paged like every filter so nothing
is cut off silently; a provider still sees only their own; a too-long query is named."""
import unittest
from datetime import datetime, timedelta, timezone

from test_staff_common import StaffTestCase, start_world

srv = world = None


def setUpModule():
    global srv, world
    srv, world = start_world()


def tearDownModule():
    srv.cleanup()


def weekdays_at(count, hour_utc, first_days_ahead=3):
    """`count` distinct weekdays from `first_days_ahead` days on, at hour_utc (inside 9-17 London)."""
    out = []
    day = datetime.now(timezone.utc).date() + timedelta(days=first_days_ahead)
    while len(out) < count:
        if day.weekday() < 5:
            out.append(datetime(day.year, day.month, day.day, hour_utc, 0, tzinfo=timezone.utc))
        day += timedelta(days=1)
    return out


class BookingSearchTest(StaffTestCase):
    @classmethod
    def setUpClass(cls):
        cls.pat = world.create_provider("Dr Pat", user_key="pat")
        cls.quinn = world.create_provider("Dr Quinn", user_key="quinn")
        cls.service = world.create_service("Checkup", [cls.pat["id"], cls.quinn["id"]],
                                           questions=[{"key": "reason", "label": "Reason", "kind": "longText", "choices": [],
                                                       "required": False}])
        cls.ids = {}

        def book(provider, start, name, email, reason):
            status, _, b = srv.client().post("/api/v1/public/businesses/acme/bookings", {
                "serviceId": cls.service["id"], "providerId": provider["id"], "start": start.isoformat(),
                "answers": {"reason": reason},
                "consumer": {"name": name, "email": email, "phone": "+44 20 7946 0%03d" % len(cls.ids),
                             "timeZone": "Europe/London"}})
            assert status == 201, (status, b)
            cls.ids[name] = b["booking"]["id"]

        for i, start in enumerate(weekdays_at(7, 10)):
            book(cls.pat, start, "Sam Smith %d" % i, "sam%d@example.test" % i, "check")
        book(cls.pat, weekdays_at(1, 12)[0], "Ada Lovelace", "ada@engine.test", "Knee PAIN after running")
        book(cls.quinn, weekdays_at(1, 13)[0], "Grace Smith", "grace@navy.test", "back")

    def search(self, who, q, **params):
        query = "&".join(["q=" + q.replace(" ", "%20")] + ["%s=%s" % kv for kv in params.items()])
        return self.assertOk(world.client(who).get(world.path("/bookings?" + query)))

    def test_finds_by_name_email_phone_or_reason_ignoring_case(self):
        self.assertEqual([self.ids["Ada Lovelace"]], [b["id"] for b in self.search("manager", "knee pain")["items"]])
        self.assertEqual([self.ids["Ada Lovelace"]], [b["id"] for b in self.search("manager", "ENGINE")["items"]])
        self.assertEqual([self.ids["Grace Smith"]], [b["id"] for b in self.search("manager", "navy.test")["items"]])
        self.assertEqual(1, self.search("manager", "79460007")["total"])
        self.assertEqual(0, self.search("manager", "nobody")["total"])

    def test_results_are_counted_and_paged_never_cut_silently(self):
        first = self.search("manager", "smith", limit=3)
        self.assertEqual(8, first["total"])
        seen = [b["id"] for b in first["items"]]
        for offset in (3, 6):
            seen += [b["id"] for b in self.search("manager", "smith", limit=3, offset=offset)["items"]]
        self.assertEqual(8, len(seen))
        self.assertEqual(8, len(set(seen)))

    def test_a_provider_searches_only_their_own(self):
        quinn = self.search("quinn", "smith")
        self.assertEqual([self.ids["Grace Smith"]], [b["id"] for b in quinn["items"]])
        self.assertEqual(1, quinn["total"])

    def test_a_too_long_query_is_named(self):
        self.assertProblem(world.client("manager").get(world.path("/bookings?q=" + "x" * 101)), 400, field="q")


if __name__ == "__main__":
    unittest.main()
