"""Issue K, insights for the manager over the API: bookings per day and week counted in the
business's zone (not UTC, not the provider's), utilisation against each provider's own hours,
lead time, cancellation and no-show rates, reminder outcomes, the filters, the CSV download,
and bad filters refused naming the parameter. Every expected number is worked out here from
what the test booked and what the API reports about those bookings, never typed in."""
import csv
import datetime as dt
import io
import statistics
import unittest
from zoneinfo import ZoneInfo

from harness import Server
from test_staff_common import LONDON, PASSWORD, StaffTestCase, rfc3339, start_world

NEW_YORK = ZoneInfo("America/New_York")
EVENINGS_NY = [{"weekday": d, "start": "17:00", "end": "22:00"} for d in range(1, 8)]
DAYS_AHEAD = 3

srv = world = None
pat = robin = evil = physio = check = None
day0 = day1 = None
booked = {}


def london(day, hour):
    return dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=LONDON)


def new_york(day, hour):
    return dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=NEW_YORK)


def setUpModule():
    global srv, world, pat, robin, evil, physio, check, day0, day1
    srv, world = start_world()
    pat = world.create_provider("Pat Provider", user_key="pat")
    robin = world.create_provider("Robin Fields", weekly=EVENINGS_NY, zone="America/New_York")
    evil = world.create_provider("=HYPERLINK(\"x\"), Dr", weekly=None)  # no hours; a name a spreadsheet would run
    physio = world.create_service("Physio check", [pat["id"], robin["id"]])
    check = world.create_service("Quick check", [pat["id"]])
    day0 = dt.datetime.now(LONDON).date() + dt.timedelta(days=DAYS_AHEAD)
    day1 = day0 + dt.timedelta(days=1)
    booked["pat_physio"] = world.book(physio["id"], pat["id"], london(day0, 9))["booking"]
    booked["pat_check"] = world.book(check["id"], pat["id"], london(day0, 10))["booking"]
    booked["pat_cancelled"] = world.book(physio["id"], pat["id"], london(day1, 11))["booking"]
    # 20:00 in New York on day0 is already day1 in London: it counts on day1.
    booked["robin_evening"] = world.book(physio["id"], robin["id"], new_york(day0, 20))["booking"]
    status, _, body = world.client("manager").post(
        world.path("/bookings/%s/cancel" % booked["pat_cancelled"]["id"]), {"reason": "feeling better"})
    assert status == 200, (status, body)


def tearDownModule():
    srv.cleanup()


def insights(query="", client=None):
    return (client or world.client("manager")).get(world.path("/insights" + query))


def period(extra=""):
    return "?from=%s&to=%s%s" % (day0.isoformat(), day1.isoformat(), extra)


def staff_booking(booking_id):
    status, _, b = world.client("manager").get(world.path("/bookings/" + booking_id))
    assert status == 200, (status, b)
    return b


def minutes_between(a, b):
    return int((dt.datetime.fromisoformat(b) - dt.datetime.fromisoformat(a)).total_seconds() // 60)


def span_utc(day_first, day_last, zone):
    start = dt.datetime(day_first.year, day_first.month, day_first.day, tzinfo=zone)
    after = day_last + dt.timedelta(days=1)
    return start.astimezone(dt.timezone.utc), dt.datetime(after.year, after.month, after.day,
                                                          tzinfo=zone).astimezone(dt.timezone.utc)


def overlap_minutes(a, b):
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return max(0, int((hi - lo).total_seconds() // 60))


class InsightsTest(StaffTestCase):
    def test_days_and_weeks_are_counted_in_the_business_zone(self):
        r = self.assertOk(insights(period()))
        self.assertEqual((day0.isoformat(), day1.isoformat(), "Europe/London"), (r["from"], r["to"], r["timeZone"]))
        self.assertEqual([day0.isoformat(), day1.isoformat()], [d["date"] for d in r["days"]])
        first, second = r["days"]
        self.assertEqual((2, 2, 0), (first["bookings"], first["confirmed"], first["cancelled"]))
        # The New York evening booking and the cancelled one both fall on London's day1.
        self.assertEqual((2, 1, 1), (second["bookings"], second["confirmed"], second["cancelled"]))
        self.assertEqual(4, r["totals"]["bookings"])
        self.assertEqual(4, sum(w["bookings"] for w in r["weeks"]))
        for w in r["weeks"]:
            self.assertEqual(0, dt.date.fromisoformat(w["weekStart"]).weekday())  # a Monday

    def test_utilisation_is_booked_time_over_each_providers_own_hours(self):
        r = self.assertOk(insights(period()))
        by_id = {p["providerId"]: p for p in r["providers"]}
        self.assertEqual({pat["id"], robin["id"], evil["id"]}, set(by_id))
        # Pat works 09:00-17:00 London every day: 8 hours on each of the two days; booked
        # 30 + 30 minutes (the cancelled booking does not count).
        self.assertEqual(2 * 8 * 60, by_id[pat["id"]]["availableMinutes"])
        self.assertEqual(60, by_id[pat["id"]]["bookedMinutes"])
        self.assertAlmostEqual(60 / 960, by_id[pat["id"]]["utilisation"])
        # Robin works 17:00-22:00 New York: what of that lies in London's two days.
        window = span_utc(day0, day1, LONDON)
        available = 0
        for offset in range(-1, 3):
            d = day0 + dt.timedelta(days=offset)
            evening = (new_york(d, 17).astimezone(dt.timezone.utc), new_york(d, 22).astimezone(dt.timezone.utc))
            available += overlap_minutes(evening, window)
        self.assertEqual(available, by_id[robin["id"]]["availableMinutes"])
        self.assertEqual(30, by_id[robin["id"]]["bookedMinutes"])
        # Without hours there is nothing to divide by: no utilisation rather than 0 or an error.
        self.assertEqual((0, None), (by_id[evil["id"]]["availableMinutes"], by_id[evil["id"]]["utilisation"]))
        self.assertEqual(evil["name"], by_id[evil["id"]]["name"])

    def test_lead_time_and_rates_agree_with_the_bookings_themselves(self):
        r = self.assertOk(insights(period()))
        leads = sorted(minutes_between(staff_booking(b["id"])["createdAt"], staff_booking(b["id"])["start"])
                       for b in booked.values())
        self.assertEqual(len(leads), r["leadTime"]["count"])
        self.assertEqual(statistics.median_low(leads), r["leadTime"]["medianMinutes"])
        self.assertEqual(sum(leads) // len(leads), r["leadTime"]["meanMinutes"])
        self.assertEqual(len(leads), sum(b["count"] for b in r["leadTime"]["buckets"]))
        self.assertAlmostEqual(1 / 4, r["rates"]["cancellation"])
        # Nothing is over yet: no no-show rate to speak of.
        self.assertEqual((0, None), (r["rates"]["pastAppointments"], r["rates"]["noShow"]))

    def test_reminders_are_counted_from_the_bookings_messages(self):
        r = self.assertOk(insights(period()))
        pending = skipped = 0
        for b in booked.values():
            status, _, msgs = world.client("manager").get(world.path("/bookings/%s/messages" % b["id"]))
            self.assertEqual(200, status, msgs)
            for m in msgs["items"]:
                if m["kind"] != "reminder":
                    continue
                if m["status"] in ("planned", "sending"):
                    pending += 1
                elif m["status"] in ("withdrawn", "suppressed_opt_out", "no_address"):
                    skipped += 1
        self.assertGreater(pending, 0)  # the default policy plans reminders
        self.assertGreater(skipped, 0)  # the cancelled booking's were withdrawn
        self.assertEqual((pending, skipped), (r["reminders"]["all"]["pending"], r["reminders"]["all"]["skipped"]))
        self.assertIsNone(r["reminders"]["all"]["deliveryRate"])  # none has been sent yet

    def test_filters_by_provider_and_service(self):
        by_pat = self.assertOk(insights(period("&providerId=" + pat["id"])))
        self.assertEqual(3, by_pat["totals"]["bookings"])
        self.assertEqual([pat["id"]], [p["providerId"] for p in by_pat["providers"]])
        self.assertEqual(pat["id"], by_pat["providerId"])
        by_check = self.assertOk(insights(period("&serviceId=" + check["id"])))
        self.assertEqual(1, by_check["totals"]["bookings"])
        self.assertEqual([pat["id"]], [p["providerId"] for p in by_check["providers"]])  # who offers it

    def test_without_dates_the_last_30_days_to_today(self):
        r = self.assertOk(insights())
        today = dt.datetime.now(LONDON).date()
        # The server's "today" may be a moment ahead across midnight; it is one of the two.
        self.assertIn(r["to"], (today.isoformat(), (today + dt.timedelta(days=1)).isoformat()))
        self.assertEqual(30, len(r["days"]))

    def test_bad_filters_are_refused_naming_the_parameter(self):
        self.assertProblem(insights("?from=2026-13-01"), 400, field="from")
        self.assertProblem(insights("?from=2026-11-02&to=2026-11-01"), 400, field="to")
        self.assertProblem(insights("?from=2025-01-01&to=2026-01-02"), 400, field="to")
        status, _, rival_provider = world.client("rival").post(
            world.path("/providers", biz=world.other), {"name": "Rival", "timeZone": "America/New_York"})
        self.assertEqual(201, status, rival_provider)
        self.assertProblem(insights(period("&providerId=" + rival_provider["id"])), 400, field="providerId")
        self.assertProblem(insights(period("&serviceId=nope")), 400, field="serviceId")

    def test_providers_may_not_read_them(self):
        self.assertProblem(insights(period(), client=world.client("pat")), 403)
        self.assertProblem(world.client("pat").get(world.path("/insights.csv" + period())), 403)

    def test_csv_carries_the_same_numbers_and_defuses_formulas(self):
        status, headers, body = world.client("manager").get(world.path("/insights.csv" + period()))
        self.assertEqual(200, status, body)
        self.assertTrue(headers["content-type"].startswith("text/csv"))
        self.assertIn("attachment", headers["content-disposition"])
        rows = list(csv.DictReader(io.StringIO(body)))
        self.assertEqual(["section", "key", "name", "metric", "value"], list(rows[0].keys()))
        report = self.assertOk(insights(period()))

        def value(section, key, metric):
            found = [r["value"] for r in rows if (r["section"], r["key"], r["metric"]) == (section, key, metric)]
            self.assertEqual(1, len(found), (section, key, metric))
            return found[0]

        self.assertEqual(str(report["totals"]["bookings"]), value("totals", "", "bookings"))
        self.assertEqual(str(report["days"][1]["cancelled"]), value("day", day1.isoformat(), "cancelled"))
        self.assertEqual(str(report["providers"][0]["bookedMinutes"]),
                         value("provider", report["providers"][0]["providerId"], "bookedMinutes"))
        self.assertAlmostEqual(report["rates"]["cancellation"], float(value("rates", "", "cancellation")))
        self.assertEqual("", value("rates", "", "noShow"))  # null is an empty cell
        names = {r["name"] for r in rows if r["section"] == "provider"}
        self.assertIn("'" + evil["name"], names)  # a leading = is not a formula any more


class NoShowRateTest(StaffTestCase):
    """Appointments that are over: the same database served by a server whose clock is days on."""

    def test_no_show_rate_is_over_the_appointments_that_are_over(self):
        later = Server(env={"VISITD_CLOCK_SKEW_SECONDS": str((DAYS_AHEAD + 3) * 86400)}, database=srv.database).start()
        try:
            manager = later.client()
            manager.login(world.emails["manager"], PASSWORD)
            status, _, body = manager.post(world.path("/bookings/%s/no-show" % booked["pat_physio"]["id"]), {})
            self.assertEqual(200, status, body)
            status, _, r = manager.get(world.path("/insights" + period()))
            self.assertEqual(200, status, r)
            self.assertEqual(3, r["rates"]["pastAppointments"])  # every booking that was not cancelled
            self.assertAlmostEqual(1 / 3, r["rates"]["noShow"])
            self.assertEqual(1, r["totals"]["noShow"])
        finally:
            later.cleanup()


if __name__ == "__main__":
    unittest.main()
