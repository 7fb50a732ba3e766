"""Public booking API by business slug: the business, its slots in any zone, booking."""
import datetime
import json
import unittest

from harness import Server, qs
from api_fixtures import Shop, fields_of, local_date, parse_time, token_of, utc


class PublicApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server(env={"VISITD_MAX_BODY_BYTES": "65536"}).start()
        cls.shop = Shop(cls.srv, "pubshop", providers=(("Dr Ada", "Europe/London"), ("Dr Bo", "America/New_York")))
        # A second service only Dr Ada gives, to test "provider not in service".
        status, _, body = cls.shop.staff.post(cls.shop.staff_path("/services"), {
            "name": "Long visit", "durationMinutes": 60, "providerIds": [cls.shop.provider_ids[0]]})
        assert status == 201, body
        cls.ada_only_service = body["id"]
        cls.c = cls.srv.client()

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def confirmed_count(self):
        return len(self.shop.staff_bookings(status="confirmed"))

    def assert_problem(self, status, body, code, field=None):
        self.assertEqual(status, code, body)
        self.assertIsInstance(body, dict, body)
        self.assertTrue(body["type"].startswith("https://visitd.dev/problems/"), body)
        self.assertEqual(body["status"], code)
        if field:
            self.assertIn(field, fields_of(body), body)

    # ---- GET /public/businesses/{slug} ----

    def test_business_lists_services_and_public_provider_fields(self):
        status, _, body = self.c.get(self.shop.public_path())
        self.assertEqual(status, 200, body)
        self.assertEqual(body["slug"], "pubshop")
        self.assertEqual(body["timeZone"], "Europe/London")
        self.assertEqual({p["id"] for p in body["providers"]}, set(self.shop.provider_ids))
        for p in body["providers"]:
            self.assertEqual(set(p), {"id", "name", "timeZone"})
        svc = next(s for s in body["services"] if s["id"] == self.shop.service_id)
        for key in ("name", "durationMinutes", "bufferBeforeMinutes", "bufferAfterMinutes", "minNoticeMinutes",
                    "bookingWindowDays", "slotIntervalMinutes", "providerIds", "questions"):
            self.assertIn(key, svc)
        self.assertEqual(svc["questions"][0]["key"], "reason")
        self.assertTrue(svc["questions"][0]["required"])
        text = json.dumps(body)
        self.assertNotIn("@", text)          # no staff emails
        self.assertNotIn("usr_", text)       # no user ids

    def test_unknown_business_is_not_found(self):
        status, _, body = self.c.get("/api/v1/public/businesses/no-such-shop")
        self.assert_problem(status, body, 404)
        status, _, body = self.c.get("/api/v1/public/businesses/no-such-shop/slots?" + qs(
            serviceId=self.shop.service_id, **{"from": local_date("UTC", 3)}, to=local_date("UTC", 3),
            timeZone="UTC"))
        self.assert_problem(status, body, 404)

    # ---- GET .../slots ----

    def test_slots_in_two_zones_are_the_same_instants(self):
        day = local_date("Europe/London", 5)
        london = self.shop.slots(self.c, day, day, zone="Europe/London", provider_id=self.shop.provider_ids[0])
        self.assertEqual(len(london), 16)   # 09:00..16:30 every 30 minutes
        self.assertTrue(london[0]["start"].startswith(day + "T09:00:00"))
        # The same London day seen from Kolkata spans two Kolkata dates: ask for both.
        next_day = (datetime.date.fromisoformat(day) + datetime.timedelta(days=1)).isoformat()
        status, _, body = self.c.get(self.shop.public_path("/slots?" + qs(
            serviceId=self.shop.service_id, providerId=self.shop.provider_ids[0], **{"from": day}, to=next_day,
            timeZone="Asia/Kolkata")))
        self.assertEqual(status, 200, body)
        self.assertEqual(body["timeZone"], "Asia/Kolkata")
        kolkata = [s for d in body["days"] for s in d["slots"]]
        for d in body["days"]:
            for s in d["slots"]:
                self.assertTrue(s["start"].startswith(d["date"]), (d["date"], s["start"]))
                self.assertTrue(s["start"].endswith("+05:30"), s["start"])
        london_utc = {utc(s["start"]) for s in london}
        self.assertTrue(london_utc <= {utc(s["start"]) for s in kolkata})
        for s in london:
            self.assertEqual(utc(s["end"]) - utc(s["start"]), datetime.timedelta(minutes=30))
            self.assertEqual(s["providerIds"], [self.shop.provider_ids[0]])

    def test_any_provider_slots_name_who_is_free(self):
        day = local_date("Europe/London", 6)
        slots = self.shop.slots(self.c, day, day, zone="UTC")
        both = [s for s in slots if len(s["providerIds"]) == 2]
        self.assertTrue(both, slots)    # London 09-17 and New York 09-17 overlap 14:00-17:00 London time
        self.assertEqual(sorted(both[0]["providerIds"]), sorted(self.shop.provider_ids))
        self.assertTrue(all(s["start"].endswith("Z") for s in slots))

    def slots_problem(self, **params):
        base = {"serviceId": self.shop.service_id, "from": local_date("UTC", 3), "to": local_date("UTC", 4),
                "timeZone": "Europe/London"}
        base.update(params)
        status, _, body = self.c.get(self.shop.public_path("/slots?" + qs(**base)))
        return status, body

    def test_slots_bad_parameters_name_the_parameter(self):
        d = local_date("UTC", 10)
        cases = [
            ({"serviceId": None}, 400, "serviceId"),
            ({"timeZone": None}, 400, "timeZone"),
            ({"timeZone": "Mars/Olympus_Mons"}, 400, "timeZone"),
            ({"from": None}, 400, "from"),
            ({"from": "2026-13-01"}, 400, "from"),
            ({"to": "tomorrow"}, 400, "to"),
            ({"from": d, "to": local_date("UTC", 9)}, 400, "to"),
            ({"from": d, "to": (datetime.date.fromisoformat(d) + datetime.timedelta(days=62)).isoformat()}, 400, "to"),
            ({"serviceId": "svc_doesnotexist"}, 404, "serviceId"),
            ({"serviceId": self.ada_only_service, "providerId": self.shop.provider_ids[1]}, 404, "providerId"),
            ({"providerId": "prv_nobody"}, 404, "providerId"),
        ]
        for params, code, field in cases:
            with self.subTest(params=params):
                status, body = self.slots_problem(**params)
                self.assert_problem(status, body, code, field)

    def test_slots_span_of_62_days_is_allowed(self):
        d = local_date("UTC", 1)
        status, body = self.slots_problem(**{"from": d, "to": (datetime.date.fromisoformat(d) +
                                                                 datetime.timedelta(days=61)).isoformat()})
        self.assertEqual(status, 200, body)
        self.assertGreater(len(body["days"]), 50)

    # ---- POST .../bookings ----

    def test_booking_answers_201_with_links_and_takes_the_slot(self):
        ada = self.shop.provider_ids[0]
        start = self.shop.free_starts(self.c, 7, provider_id=ada)[0]
        status, headers, body = self.shop.book(self.c, start, provider_id=ada, zone="America/New_York",
                                               email="nyc@example.com")
        self.assertEqual(status, 201, body)
        b = body["booking"]
        self.assertEqual(b["status"], "confirmed")
        self.assertEqual(utc(b["start"]), utc(start))
        self.assertTrue(b["start"].endswith("-04:00") or b["start"].endswith("-05:00"), b["start"])  # consumer zone
        self.assertEqual(utc(b["end"]) - utc(b["start"]), datetime.timedelta(minutes=30))
        self.assertEqual(b["service"], {"id": self.shop.service_id, "name": "Consultation"})
        self.assertEqual(b["provider"], {"id": ada, "name": "Dr Ada"})
        self.assertEqual(b["consumer"]["email"], "nyc@example.com")
        self.assertEqual(b["consumer"]["timeZone"], "America/New_York")
        self.assertEqual(b["answers"], {"reason": "check-up"})
        self.assertTrue(body["manageUrl"].startswith(self.srv.base_url + "/manage/"))
        self.assertTrue(body["joinUrl"].startswith(self.srv.base_url + "/join/"))
        self.assertEqual(headers["location"], "/api/v1/manage/" + token_of(body["manageUrl"]))
        # The slot is gone for that provider, and the manage link works.
        self.assertNotIn(start, self.shop.free_starts(self.c, 7, provider_id=ada))
        status, _, manage = self.c.get(headers["location"])
        self.assertEqual(status, 200, manage)
        self.assertEqual(manage["booking"]["id"], b["id"])

    def test_taken_slot_answers_409_with_nearest_in_consumer_zone(self):
        ada = self.shop.provider_ids[0]
        start = self.shop.free_starts(self.c, 8, provider_id=ada)[3]
        status, _, _ = self.shop.book(self.c, start, provider_id=ada, email="first@example.com")
        self.assertEqual(status, 201)
        before = self.confirmed_count()
        status, _, body = self.shop.book(self.c, start, provider_id=ada, email="second@example.com",
                                         zone="Asia/Kolkata")
        self.assert_problem(status, body, 409)
        self.assertTrue(1 <= len(body["nearest"]) <= 5, body)
        for s in body["nearest"]:
            self.assertTrue(s["start"].endswith("+05:30"), s)
            self.assertNotEqual(utc(s["start"]), utc(start))
            self.assertIn(ada, s["providerIds"])
        self.assertEqual(self.confirmed_count(), before)

    def test_time_between_slots_answers_409(self):
        ada = self.shop.provider_ids[0]
        start = parse_time(self.shop.free_starts(self.c, 9, provider_id=ada)[0]) + datetime.timedelta(minutes=10)
        before = self.confirmed_count()
        status, _, body = self.shop.book(self.c, start.isoformat(), provider_id=ada)
        self.assert_problem(status, body, 409)
        self.assertTrue(body["nearest"])
        self.assertEqual(self.confirmed_count(), before)

    def test_bad_booking_bodies_name_every_field_and_change_nothing(self):
        start = self.shop.free_starts(self.c, 10)[0]
        naive = start[:19]   # no offset
        good = self.shop.booking_body(start)
        cases = [
            ({}, 400, {"serviceId", "start", "consumer"}),
            ({**good, "start": naive}, 400, {"start"}),
            ({**good, "start": "next tuesday"}, 400, {"start"}),
            ({**good, "consumer": {"name": "", "email": "not-an-email", "timeZone": "Nowhere/Land"}}, 400,
             {"consumer.name", "consumer.email", "consumer.timeZone"}),
            ({**good, "consumer": {"email": "a@example.com"}}, 400, {"consumer.name", "consumer.timeZone"}),
            ({**good, "answers": {}}, 400, {"answers.reason"}),
            ({**good, "answers": {"reason": 5}}, 400, {"answers.reason"}),
            ({**good, "serviceId": 12, "start": naive}, 400, {"serviceId", "start"}),
            ({**good, "serviceId": "svc_unknown"}, 404, {"serviceId"}),
            ({**good, "serviceId": self.ada_only_service, "providerId": self.shop.provider_ids[1], "answers": {}},
             404, {"providerId"}),
            ({**good, "answers": {"reason": "ok", "shoe_size": "44"}}, 400, {"answers.shoe_size"}),
            ({**good, "answers": {"reason": "ok", "<script>": 44}}, 400, {"answers"}),
        ]
        before = self.confirmed_count()
        for body, code, fields in cases:
            with self.subTest(body=body):
                status, _, problem = self.c.post(self.shop.public_path("/bookings"), body)
                self.assert_problem(status, problem, code)
                self.assertTrue(fields <= fields_of(problem), (fields, problem))
        self.assertEqual(self.confirmed_count(), before)
        self.assertIn(start, self.shop.free_starts(self.c, 10))

    def test_transport_errors(self):
        path = self.shop.public_path("/bookings")
        start = self.shop.free_starts(self.c, 11)[0]
        body = json.dumps(self.shop.booking_body(start))
        before = self.confirmed_count()
        status, _, p = self.c.post(path, raw=body, headers={"Content-Type": "text/plain"})
        self.assert_problem(status, p, 415)
        status, _, p = self.c.post(path, raw=body)   # no Content-Type at all
        self.assert_problem(status, p, 415)
        status, _, p = self.c.post(path, raw='{"serviceId": ', headers={"Content-Type": "application/json"})
        self.assert_problem(status, p, 400)
        self.assertIn("column", p["detail"])
        status, _, p = self.c.post(path, raw="", headers={"Content-Type": "application/json"})
        self.assert_problem(status, p, 400)
        status, _, p = self.c.post(path, raw="[1, 2]", headers={"Content-Type": "application/json"})
        self.assert_problem(status, p, 400)
        huge = json.dumps({**self.shop.booking_body(start), "padding": "x" * 70000})
        status, _, p = self.c.post(path, raw=huge, headers={"Content-Type": "application/json"})
        self.assertEqual(status, 413, p)
        status, _, p = self.c.post(path, raw=body, headers={"Content-Type": "application/json",
                                                           "Idempotency-Key": "k" * 201})
        self.assert_problem(status, p, 400, "Idempotency-Key")
        self.assertEqual(self.confirmed_count(), before)

    def test_idempotent_retry_returns_the_first_answer(self):
        start = self.shop.free_starts(self.c, 12, provider_id=self.shop.provider_ids[0])[0]
        key = {"Idempotency-Key": "retry-1234"}
        before = self.confirmed_count()
        s1, h1, b1 = self.shop.book(self.c, start, provider_id=self.shop.provider_ids[0], headers=key)
        self.assertEqual(s1, 201, b1)
        s2, h2, b2 = self.shop.book(self.c, start, provider_id=self.shop.provider_ids[0], headers=key)
        self.assertEqual(s2, 201, b2)
        self.assertEqual(b2["booking"]["id"], b1["booking"]["id"])
        self.assertEqual(b2["manageUrl"], b1["manageUrl"])
        self.assertEqual(h2["location"], h1["location"])
        s3, _, b3 = self.shop.book(self.c, start, provider_id=self.shop.provider_ids[0], headers=key,
                                   email="someone-else@example.com")
        self.assert_problem(s3, b3, 422, "Idempotency-Key")
        self.assertEqual(self.confirmed_count(), before + 1)

    def test_any_provider_assigns_round_robin(self):
        # At one instant both are free: two "any" bookings take one provider each.
        # Day 40: an ISO week no other test books in, so the weekly counts start at zero.
        day = local_date("Europe/London", 40)
        both = [s for s in self.shop.slots(self.c, day, day) if len(s["providerIds"]) == 2]
        self.assertGreaterEqual(len(both), 3)
        got = []
        for i in range(2):
            status, _, body = self.shop.book(self.c, both[0]["start"], email="rr%d@example.com" % i)
            self.assertEqual(status, 201, body)
            got.append(body["booking"]["provider"]["id"])
        self.assertEqual(sorted(got), sorted(self.shop.provider_ids))
        status, _, body = self.shop.book(self.c, both[0]["start"], email="rr-late@example.com")
        self.assert_problem(status, body, 409)
        # Later the same week, the fewest-bookings rule alternates the two.
        counts = {}
        for i, slot in enumerate(both[1:3]):
            status, _, body = self.shop.book(self.c, slot["start"], email="rr-next%d@example.com" % i)
            self.assertEqual(status, 201, body)
            pid = body["booking"]["provider"]["id"]
            counts[pid] = counts.get(pid, 0) + 1
        self.assertEqual(sorted(counts.values()), [1, 1], counts)


class PublicRateLimitTest(unittest.TestCase):
    def test_booking_rate_limit_answers_429_with_retry_after(self):
        with Server(env={"VISITD_BOOKING_RATE_PER_MINUTE": "1", "VISITD_BOOKING_BURST": "2"}) as srv:
            shop = Shop(srv, "limited")
            c = srv.client()
            start = shop.free_starts(c, 3)[0]
            for _ in range(2):   # the burst, spent on bad requests
                status, _, _ = c.post(shop.public_path("/bookings"), {})
                self.assertEqual(status, 400)
            status, headers, body = shop.book(c, start)
            self.assertEqual(status, 429, body)
            self.assertEqual(body["status"], 429)
            self.assertGreaterEqual(int(headers["retry-after"]), 1)
            self.assertEqual(shop.staff_bookings(), [])
            self.assertIn(start, shop.free_starts(c, 3))
            # Reading slots is not limited.
            self.assertTrue(shop.free_starts(c, 4))


if __name__ == "__main__":
    unittest.main()
