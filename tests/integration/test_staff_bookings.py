"""Staff API: the bookings list and detail, and staff actions (reschedule overriding the
consumer cutoff, cancel, complete, no-show), with providers limited to their own."""
import datetime as dt
import unittest
import urllib.parse

from harness import Server
from test_staff_common import PASSWORD, StaffTestCase, london_time, rfc3339, same_instant, start_world

srv = world = None
pat_provider = robin = service = None
DAY = 9  # bookings land this many days ahead, inside the default booking window


def setUpModule():
    global srv, world, pat_provider, robin, service
    srv, world = start_world()
    pat_provider = world.create_provider("Pat Provider", user_key="pat")
    robin = world.create_provider("Robin")
    service = world.create_service("Check-up", [pat_provider["id"], robin["id"]],
                                   questions=[{"key": "topic", "label": "Topic", "kind": "shortText"}])


def tearDownModule():
    srv.cleanup()


def booking_path(booking_id, suffix=""):
    return world.path("/bookings/%s%s" % (booking_id, suffix))


def book(provider, day, hour, minute=0, email="consumer@example.test"):
    return world.book(service["id"], provider["id"], london_time(day, hour, minute), email)["booking"]


def manage_token(public_answer):
    return urllib.parse.urlparse(public_answer["manageUrl"]).path.rsplit("/", 1)[1]


class BookingListTest(StaffTestCase):
    @classmethod
    def setUpClass(cls):
        cls.pat_b = book(pat_provider, DAY, 9)
        cls.robin_b = book(robin, DAY, 9)
        cls.robin_later = book(robin, DAY + 1, 14)

    def test_manager_lists_every_booking_with_paging(self):
        c = world.client("manager")
        body = self.assertOk(c.get(world.path("/bookings?limit=200")))
        self.assertEqual({"items", "total", "limit", "offset"}, set(body))
        ids = [b["id"] for b in body["items"]]
        for b in (self.pat_b, self.robin_b, self.robin_later):
            self.assertIn(b["id"], ids)
        self.assertEqual(len(body["items"]), body["total"])
        self.assertEqual(50, self.assertOk(c.get(world.path("/bookings")))["limit"])
        page = self.assertOk(c.get(world.path("/bookings?limit=1&offset=1")))
        self.assertEqual(1, len(page["items"]))
        self.assertEqual(body["total"], page["total"])
        self.assertEqual((1, 1), (page["limit"], page["offset"]))

    def test_filters_by_provider_time_and_status(self):
        c = world.client("manager")
        only_robin = self.assertOk(c.get(world.path("/bookings?providerId=%s&limit=200" % robin["id"])))["items"]
        self.assertTrue(only_robin)
        self.assertEqual({robin["id"]}, {b["providerId"] for b in only_robin})
        day_start = london_time(DAY, 0)
        window = urllib.parse.urlencode({"from": rfc3339(day_start), "to": rfc3339(day_start + dt.timedelta(days=1)),
                                         "providerId": robin["id"]})
        in_day = [b["id"] for b in self.assertOk(c.get(world.path("/bookings?" + window)))["items"]]
        self.assertIn(self.robin_b["id"], in_day)
        self.assertNotIn(self.robin_later["id"], in_day)
        confirmed = self.assertOk(c.get(world.path("/bookings?status=confirmed&limit=200")))["items"]
        self.assertTrue(all(b["status"] == "confirmed" for b in confirmed))
        cancelled = self.assertOk(c.get(world.path("/bookings?status=cancelled&limit=200")))["items"]
        self.assertTrue(all(b["status"] == "cancelled" for b in cancelled))

    def test_bad_query_values_name_the_parameter(self):
        c = world.client("manager")
        cases = [
            ("limit=abc", "limit"), ("limit=0", "limit"), ("limit=201", "limit"), ("offset=-1", "offset"),
            ("status=bogus", "status"), ("from=2030-01-01T09:00:00", "from"), ("to=2030-01-01", "to"),
            ("from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z", "to"), ("providerId=prv_nobody", "providerId"),
            ("timeZone=Moon/Base", "timeZone"),
        ]
        for query, field in cases:
            with self.subTest(query=query):
                self.assertProblem(c.get(world.path("/bookings?" + urllib.parse.quote(query, safe="=&"))), 400,
                                   field=field)

    def test_provider_sees_only_own_bookings(self):
        c = world.client("pat")
        items = self.assertOk(c.get(world.path("/bookings?limit=200")))["items"]
        self.assertIn(self.pat_b["id"], [b["id"] for b in items])
        self.assertEqual({pat_provider["id"]}, {b["providerId"] for b in items})
        self.assertProblem(c.get(world.path("/bookings?providerId=" + robin["id"])), 403)
        self.assertOk(c.get(booking_path(self.pat_b["id"])))
        self.assertProblem(c.get(booking_path(self.robin_b["id"])), 403)
        # A provider-role user without a provider record sees none at all.
        self.assertEqual([], self.assertOk(world.client("quinn").get(world.path("/bookings")))["items"])

    def test_detail_has_consumer_answers_and_history(self):
        c = world.client("manager")
        answer = world.book(service["id"], robin["id"], london_time(DAY + 2, 11), "dana@example.test")
        booking_id = answer["booking"]["id"]
        detail = self.assertOk(c.get(booking_path(booking_id)))
        self.assertEqual(booking_id, detail["id"])
        self.assertEqual(robin["id"], detail["providerId"])
        self.assertEqual(service["id"], detail["serviceId"])
        self.assertEqual("confirmed", detail["status"])
        self.assertEqual("dana@example.test", detail["consumer"]["email"])
        self.assertEqual("Europe/Berlin", detail["consumer"]["timeZone"])
        self.assertIn("answers", detail)
        self.assertEqual(["created"], [h["action"] for h in detail["history"]])
        self.assertTrue(same_instant(rfc3339(london_time(DAY + 2, 11)), detail["start"]))
        # Another display zone changes the offset, never the instant.
        tokyo = self.assertOk(c.get(booking_path(booking_id) + "?timeZone=Asia/Tokyo"))
        self.assertTrue(tokyo["start"].endswith("+09:00"))
        self.assertTrue(same_instant(detail["start"], tokyo["start"]))

    def test_unknown_and_foreign_bookings_are_not_found(self):
        c = world.client("manager")
        self.assertProblem(c.get(booking_path("bk_missing")), 404)
        self.assertProblem(c.post(booking_path("bk_missing", "/cancel")), 404)
        rival = world.client("rival")
        self.assertProblem(rival.get(world.path("/bookings/" + self.pat_b["id"], biz=world.other)), 404)
        self.assertProblem(rival.post(world.path("/bookings/%s/cancel" % self.pat_b["id"], biz=world.other),
                                      {"reason": "sabotage"}), 404)
        self.assertNotIn(self.pat_b["id"],
                         [b["id"] for b in self.assertOk(rival.get(world.path("/bookings", biz=world.other)))["items"]])
        self.assertEqual("confirmed", self.assertOk(c.get(booking_path(self.pat_b["id"])))["status"])


class BookingActionsTest(StaffTestCase):
    def test_staff_reschedule_overrides_the_consumer_cutoff(self):
        owner = world.client("owner")
        public = world.book(service["id"], robin["id"], london_time(DAY + 3, 10))
        booking_id = public["booking"]["id"]
        self.assertOk(owner.patch(world.path(), {"rules": {"rescheduleCutoffHours": 720}}))
        try:
            new_start = london_time(DAY + 3, 15)
            consumer = srv.client().post("/api/v1/manage/%s/reschedule" % manage_token(public),
                                         {"start": rfc3339(new_start)})
            self.assertProblem(consumer, 409, slug="policy")
            moved = self.assertOk(world.client("manager").post(booking_path(booking_id, "/reschedule"),
                                                               {"start": rfc3339(new_start)}))
        finally:
            owner.patch(world.path(), {"rules": {"rescheduleCutoffHours": 24}})
        self.assertEqual(booking_id, moved["id"])
        self.assertTrue(same_instant(rfc3339(new_start), moved["start"]))
        self.assertTrue(same_instant(rfc3339(new_start + dt.timedelta(minutes=30)), moved["end"]))
        self.assertIn("/manage/", moved["manageUrl"])
        self.assertIn("/join/", moved["joinUrl"])
        history = self.assertOk(world.client("manager").get(booking_path(booking_id)))["history"]
        self.assertEqual(["created", "rescheduled"], [h["action"] for h in history])
        self.assertTrue(same_instant(rfc3339(london_time(DAY + 3, 10)), history[1]["fromStart"]))
        self.assertAudited(world, "booking.reschedule", "user:" + world.user_ids["manager"], "booking:" + booking_id)

    def test_reschedule_onto_a_taken_slot_offers_the_nearest(self):
        c = world.client("manager")
        moving = book(robin, DAY + 4, 10)
        taken = book(robin, DAY + 4, 12)
        answer = self.assertProblem(c.post(booking_path(moving["id"], "/reschedule"),
                                           {"start": taken["start"]}), 409, slug="conflict")
        self.assertTrue(answer["nearest"])
        self.assertEqual({"start", "end", "providerIds"}, set(answer["nearest"][0]))
        taken_at = dt.datetime.fromisoformat(taken["start"])
        self.assertNotIn(taken_at, [dt.datetime.fromisoformat(s["start"]) for s in answer["nearest"]])
        self.assertTrue(same_instant(moving["start"], self.assertOk(c.get(booking_path(moving["id"])))["start"]))

    def test_bad_reschedules_name_the_field_and_change_nothing(self):
        c = world.client("manager")
        b = book(robin, DAY + 5, 10)
        cases = [({}, "start"), ({"start": "2030-01-01T10:00:00"}, "start"), ({"start": "tomorrow"}, "start"),
                 ({"start": 1700000000}, "start")]
        for body, field in cases:
            with self.subTest(body=body):
                self.assertProblem(c.post(booking_path(b["id"], "/reschedule"), body), 400, field=field)
        # Outside the provider's hours: no such free slot.
        self.assertProblem(c.post(booking_path(b["id"], "/reschedule"), {"start": rfc3339(london_time(DAY + 5, 3))}),
                           409)
        detail = self.assertOk(c.get(booking_path(b["id"])))
        self.assertTrue(same_instant(b["start"], detail["start"]))
        self.assertEqual(["created"], [h["action"] for h in detail["history"]])

    def test_cancel_records_reason_and_actor(self):
        c = world.client("manager")
        b = book(robin, DAY + 6, 10)
        cancelled = self.assertOk(c.post(booking_path(b["id"], "/cancel"), {"reason": "Provider unwell"}))
        self.assertEqual("cancelled", cancelled["status"])
        self.assertEqual("Provider unwell", cancelled["cancelReason"])
        self.assertAudited(world, "booking.cancel", "user:" + world.user_ids["manager"], "booking:" + b["id"])
        self.assertProblem(c.post(booking_path(b["id"], "/cancel")), 409, slug="policy")
        # The slot is free again.
        again = book(robin, DAY + 6, 10, email="next@example.test")
        self.assertEqual("confirmed", again["status"])

    def test_cancel_needs_no_body_but_refuses_a_bad_one(self):
        c = world.client("owner")
        b = book(robin, DAY + 6, 13)
        self.assertProblem(c.post(booking_path(b["id"], "/cancel"), {"reason": "x" * 501}), 400, field="reason")
        self.assertProblem(c.post(booking_path(b["id"], "/cancel"), {"reason": 5}), 400, field="reason")
        self.assertEqual("confirmed", self.assertOk(c.get(booking_path(b["id"])))["status"])
        self.assertEqual("cancelled", self.assertOk(c.post(booking_path(b["id"], "/cancel")))["status"])

    def test_complete_and_no_show_wait_for_the_start(self):
        c = world.client("manager")
        b = book(robin, DAY + 7, 10)
        self.assertProblem(c.post(booking_path(b["id"], "/complete")), 409, slug="policy")
        self.assertProblem(c.post(booking_path(b["id"], "/no-show")), 409, slug="policy")
        self.assertEqual("confirmed", self.assertOk(c.get(booking_path(b["id"])))["status"])

    def test_provider_acts_on_own_bookings_only(self):
        c = world.client("pat")
        own = book(pat_provider, DAY + 8, 10)
        theirs = book(robin, DAY + 8, 10)
        for action, body in (("/cancel", {"reason": "mine now"}), ("/reschedule", {"start": rfc3339(london_time(DAY + 8, 11))}),
                             ("/complete", None), ("/no-show", None)):
            with self.subTest(action=action):
                self.assertProblem(c.post(booking_path(theirs["id"], action), body), 403)
        self.assertProblem(c.post(booking_path(own["id"], "/reschedule"),
                                  {"start": rfc3339(london_time(DAY + 8, 11)), "providerId": robin["id"]}), 403)
        detail = self.assertOk(world.client("manager").get(booking_path(theirs["id"])))
        self.assertEqual("confirmed", detail["status"])
        self.assertTrue(same_instant(theirs["start"], detail["start"]))
        moved = self.assertOk(c.post(booking_path(own["id"], "/reschedule"), {"start": rfc3339(london_time(DAY + 8, 11))}))
        self.assertEqual(pat_provider["id"], moved["providerId"])
        self.assertEqual("cancelled", self.assertOk(c.post(booking_path(own["id"], "/cancel")))["status"])
        self.assertAudited(world, "booking.cancel", "user:" + world.user_ids["pat"], "booking:" + own["id"])

    def test_missing_csrf_token_changes_nothing(self):
        b = book(robin, DAY + 5, 14)
        forger = srv.client()
        forger.cookies = dict(world.client("manager").cookies)
        self.assertProblem(forger.post(booking_path(b["id"], "/cancel"), {"reason": "csrf"}), 403)
        self.assertEqual("confirmed", self.assertOk(world.client("manager").get(booking_path(b["id"])))["status"])


class FinishedAppointmentsTest(StaffTestCase):
    """complete/no-show need a started appointment: book, then restart the server on the
    same database with its clock moved past the start (VISITD_CLOCK_SKEW_SECONDS)."""

    @classmethod
    def setUpClass(cls):
        cls.first, w = start_world()
        try:
            p = w.create_provider("Pat Provider", user_key="pat")
            other = w.create_provider("Robin")
            s = w.create_service("Check-up", [p["id"], other["id"]])
            cls.bookings = {name: w.book(s["id"], prov["id"], london_time(2, hour))["booking"]
                            for name, prov, hour in (("done", p, 10), ("absent", p, 11), ("pats", p, 12),
                                                     ("robins", other, 10))}
            manager = w.client("manager")
            cls.manager_token = manager.post(w.path("/api-tokens"), {"name": "ops", "role": "manager"})[2]
            cls.biz = w.biz
            cls.first.stop()
            cls.later = Server(database=cls.first.database,
                               env={"VISITD_CLOCK_SKEW_SECONDS": str(4 * 24 * 3600)}).start()
        except Exception:
            cls.first.cleanup()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.later.cleanup()
        cls.first.cleanup()

    def client(self, token):
        c = self.later.client()
        c.bearer = token["token"]
        return c

    def path(self, booking, action=""):
        return "/api/v1/businesses/%s/bookings/%s%s" % (self.biz, self.bookings[booking]["id"], action)

    def test_started_appointments_complete_or_no_show_once(self):
        ops = self.client(self.manager_token)
        done = self.assertOk(ops.post(self.path("done", "/complete")))
        self.assertEqual("completed", done["status"])
        absent = self.assertOk(ops.post(self.path("absent", "/no-show")))
        self.assertEqual("noShow", absent["status"])
        self.assertProblem(ops.post(self.path("done", "/no-show")), 409, slug="policy")
        self.assertProblem(ops.post(self.path("absent", "/cancel")), 409, slug="policy")
        self.assertEqual("completed", self.assertOk(ops.get(self.path("done")))["status"])
        audit = self.assertOk(ops.get("/api/v1/businesses/%s/audit?limit=200" % self.biz))["items"]
        actions = {(e["action"], e["target"], e["actor"]) for e in audit}
        token_actor = "token:" + self.manager_token["id"]
        self.assertIn(("booking.complete", "booking:" + self.bookings["done"]["id"], token_actor), actions)
        self.assertIn(("booking.no_show", "booking:" + self.bookings["absent"]["id"], token_actor), actions)
        completed = self.assertOk(ops.get("/api/v1/businesses/%s/bookings?status=completed" % self.biz))["items"]
        self.assertEqual([self.bookings["done"]["id"]], [b["id"] for b in completed])

    def test_provider_finishes_own_appointments_only(self):
        # Sessions from before the clock moved have expired: sign in again.
        pat = self.later.client()
        pat.login("pat@acme.test", PASSWORD)
        self.assertEqual("noShow", self.assertOk(pat.post(self.path("pats", "/no-show")))["status"])
        self.assertProblem(pat.post(self.path("robins", "/complete")), 403)
        self.assertEqual("confirmed", self.assertOk(self.client(self.manager_token).get(self.path("robins")))["status"])


if __name__ == "__main__":
    unittest.main()
