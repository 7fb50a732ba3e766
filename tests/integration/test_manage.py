"""The consumer's manage link: view, slots to move to, reschedule, cancel; forged,
revoked and expired links; the cutoff policy."""
import datetime
import time
import unittest

from harness import Server, qs
from api_fixtures import Shop, fields_of, local_date, parse_time, token_of, utc


class ManageApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server().start()
        cls.shop = Shop(cls.srv, "manageshop", providers=(("Dr Ada", "Europe/London"),))
        cls.c = cls.srv.client()
        cls.day = 3

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def new_booking(self, days_ahead, index=0, zone="America/New_York"):
        start = self.shop.free_starts(self.c, days_ahead)[index]
        status, _, body = self.shop.book(self.c, start, zone=zone, email="m%d-%d@example.com" % (days_ahead, index))
        self.assertEqual(status, 201, body)
        return body, "/api/v1/manage/" + token_of(body["manageUrl"])

    def staff_view(self, booking_id):
        status, _, body = self.shop.staff.get(self.shop.staff_path("/bookings/" + booking_id))
        self.assertEqual(status, 200, body)
        return body

    def assert_problem(self, status, body, code, slug=None, field=None):
        self.assertEqual(status, code, body)
        self.assertEqual(body["status"], code)
        if slug:
            self.assertEqual(body["type"], "https://visitd.dev/problems/" + slug)
        if field:
            self.assertIn(field, fields_of(body), body)

    # ---- GET ----

    def test_view_shows_booking_business_policy_in_consumer_zone(self):
        created, path = self.new_booking(3)
        status, _, body = self.c.get(path)
        self.assertEqual(status, 200, body)
        self.assertEqual(body["booking"]["id"], created["booking"]["id"])
        self.assertEqual(body["booking"]["start"], created["booking"]["start"])
        self.assertRegex(body["booking"]["start"], r"-0[45]:00$")   # America/New_York
        self.assertEqual(body["business"], {"slug": "manageshop", "name": "Manageshop", "timeZone": "Europe/London"})
        p = body["policy"]
        self.assertTrue(p["canCancel"])
        self.assertTrue(p["canReschedule"])
        self.assertEqual(p["cancelCutoffHours"], 24)
        self.assertEqual(utc(body["booking"]["start"]) - utc(p["cancelDeadline"]), datetime.timedelta(hours=24))
        self.assertEqual(utc(body["booking"]["start"]) - utc(p["rescheduleDeadline"]), datetime.timedelta(hours=24))
        self.assertEqual(body["joinUrl"], created["joinUrl"])

    def test_manage_slots_offer_the_booking_own_time(self):
        created, path = self.new_booking(4)
        start = created["booking"]["start"]
        d = local_date("Europe/London", 4)
        status, _, body = self.c.get(path + "/slots?" + qs(**{"from": d}, to=d, timeZone="America/New_York"))
        self.assertEqual(status, 200, body)
        self.assertEqual(body["timeZone"], "America/New_York")
        starts = {utc(s["start"]) for day in body["days"] for s in day["slots"]}
        self.assertIn(utc(start), starts)
        self.assertNotIn(utc(start), {utc(s) for s in self.shop.free_starts(self.c, 4)})
        status, _, body = self.c.get(path + "/slots?" + qs(**{"from": d}, to=d))
        self.assert_problem(status, body, 400, field="timeZone")

    # ---- reschedule ----

    def test_reschedule_moves_the_booking_and_frees_the_old_slot(self):
        created, path = self.new_booking(5)
        old = created["booking"]["start"]
        new = self.shop.free_starts(self.c, 5)[4]
        status, _, body = self.c.post(path + "/reschedule", {"start": new})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["booking"]["id"], created["booking"]["id"])
        self.assertEqual(utc(body["booking"]["start"]), utc(new))
        self.assertRegex(body["booking"]["start"], r"-0[45]:00$")
        self.assertTrue(body["manageUrl"].startswith(self.srv.base_url + "/manage/"))
        free = {utc(s) for s in self.shop.free_starts(self.c, 5)}
        self.assertIn(utc(old), free)
        self.assertNotIn(utc(new), free)
        staff = self.staff_view(created["booking"]["id"])
        self.assertEqual(utc(staff["start"]), utc(new))
        self.assertIn("rescheduled", [h["action"] for h in staff["history"]])
        # The new link works.
        status, _, view = self.c.get("/api/v1/manage/" + token_of(body["manageUrl"]))
        self.assertEqual(status, 200, view)

    def test_reschedule_refusals_leave_the_booking_alone(self):
        created, path = self.new_booking(6, 0)
        other, _ = self.new_booking(6, 0)      # the next free slot, for "taken"
        taken = other["booking"]["start"]
        original = created["booking"]["start"]
        off_grid = (parse_time(self.shop.free_starts(self.c, 6)[2]) + datetime.timedelta(minutes=7)).isoformat()
        cases = [
            ({}, 400, "start"),
            ({"start": original[:19]}, 400, "start"),       # no offset
            ({"start": "soon"}, 400, "start"),
        ]
        for body, code, field in cases:
            with self.subTest(body=body):
                status, _, p = self.c.post(path + "/reschedule", body)
                self.assert_problem(status, p, code, field=field)
        for start in (taken, off_grid):
            with self.subTest(start=start):
                status, _, p = self.c.post(path + "/reschedule", {"start": start})
                self.assert_problem(status, p, 409)
                self.assertTrue(p["nearest"], p)
                for s in p["nearest"]:
                    self.assertRegex(s["start"], r"-0[45]:00$")
        status, _, p = self.c.post(path + "/reschedule", raw='{"start":"x"}', headers={"Content-Type": "text/plain"})
        self.assert_problem(status, p, 415)
        self.assertEqual(utc(self.staff_view(created["booking"]["id"])["start"]), utc(original))
        self.assertEqual(self.staff_view(created["booking"]["id"])["status"], "confirmed")

    # ---- cancel ----

    def test_cancel_with_reason_then_nothing_more(self):
        created, path = self.new_booking(7)
        status, _, p = self.c.post(path + "/cancel", {"reason": "x" * 1001})
        self.assert_problem(status, p, 400, field="reason")
        self.assertEqual(self.staff_view(created["booking"]["id"])["status"], "confirmed")

        status, _, body = self.c.post(path + "/cancel", {"reason": "feeling better"})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["booking"]["status"], "cancelled")
        staff = self.staff_view(created["booking"]["id"])
        self.assertEqual(staff["status"], "cancelled")
        self.assertEqual(staff["cancelReason"], "feeling better")
        self.assertIn(utc(created["booking"]["start"]), {utc(s) for s in self.shop.free_starts(self.c, 7)})

        # The link of a cancelled booking shows only that (issue H: it used to show the booking).
        status, _, p = self.c.post(path + "/cancel")
        self.assert_problem(status, p, 410, slug="booking-cancelled")
        status, _, p = self.c.post(path + "/reschedule", {"start": self.shop.free_starts(self.c, 7)[5]})
        self.assert_problem(status, p, 410, slug="booking-cancelled")
        status, _, view = self.c.get(path)
        self.assert_problem(status, view, 410, slug="booking-cancelled")
        self.assertNotIn("feeling better", str(view))

    def test_cancel_without_body(self):
        created, path = self.new_booking(8)
        status, _, body = self.c.post(path + "/cancel")
        self.assertEqual(status, 200, body)
        self.assertEqual(body["booking"]["status"], "cancelled")

    # ---- links ----

    def test_forged_revoked_and_expired_links(self):
        created, path = self.new_booking(9)
        booking_id = created["booking"]["id"]
        future = int(time.time()) + 86400 * 30
        genuine = token_of(created["manageUrl"])
        forged = [
            "garbage",
            genuine[:-2] + ("AA" if not genuine.endswith("AA") else "BB"),     # signature altered
            self.srv.sign_capability("manage", booking_id, 2, future),         # version not issued
            self.srv.sign_capability("join", booking_id, 1, future),           # wrong kind
            self.srv.sign_capability("manage", "bk_doesnotexist", 1, future),  # no such booking
            token_of(created["joinUrl"]),
        ]
        for token in forged:
            for method, suffix, body in (("GET", "", None), ("GET", "/slots?" + qs(**{"from": local_date("UTC", 9)},
                                                                                   to=local_date("UTC", 9),
                                                                                   timeZone="UTC"), None),
                                         ("POST", "/cancel", {}), ("POST", "/reschedule", {"start": "x"})):
                with self.subTest(token=token[:20], method=method, suffix=suffix):
                    status, _, p = self.c.request(method, "/api/v1/manage/" + token + suffix, body)
                    self.assert_problem(status, p, 404, slug="not-found")
        expired = self.srv.sign_capability("manage", booking_id, 1, int(time.time()) - 60)
        for method, suffix, body in (("GET", "", None), ("POST", "/cancel", {})):
            status, _, p = self.c.request(method, "/api/v1/manage/" + expired + suffix, body)
            self.assert_problem(status, p, 410, slug="link-expired")
        self.assertEqual(self.staff_view(booking_id)["status"], "confirmed")
        # A link minted with the real secret and version works: the forgeries failed for their flaw.
        status, _, _ = self.c.get("/api/v1/manage/" + self.srv.sign_capability("manage", booking_id, 1, future))
        self.assertEqual(status, 200)

    # ---- cutoff policy ----

    def test_cutoff_refuses_consumer_changes_and_names_the_deadline(self):
        shop = Shop(self.srv, "strictshop")
        shop.set_rules(cancelCutoffHours=24 * 30, rescheduleCutoffHours=24 * 30)
        start = shop.free_starts(self.c, 3)[0]
        status, _, created = shop.book(self.c, start)
        self.assertEqual(status, 201, created)
        path = "/api/v1/manage/" + token_of(created["manageUrl"])
        status, _, view = self.c.get(path)
        self.assertFalse(view["policy"]["canCancel"])
        self.assertFalse(view["policy"]["canReschedule"])
        status, _, p = self.c.post(path + "/cancel", {"reason": "late"})
        self.assert_problem(status, p, 409, slug="policy")
        self.assertIn(view["policy"]["cancelDeadline"], p["detail"])
        status, _, p = self.c.post(path + "/reschedule", {"start": shop.free_starts(self.c, 3)[3]})
        self.assert_problem(status, p, 409, slug="policy")
        self.assertIn(view["policy"]["rescheduleDeadline"], p["detail"])
        status, _, staff = shop.staff.get(shop.staff_path("/bookings/" + created["booking"]["id"]))
        self.assertEqual(staff["status"], "confirmed")
        self.assertEqual(utc(staff["start"]), utc(start))


if __name__ == "__main__":
    unittest.main()
