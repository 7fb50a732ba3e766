"""Issue H, revocable links: a reschedule (by the consumer or by staff) and a cancellation
raise the booking's capability version, so links sent before answer 410 with a problem type
saying why (`link-revoked`, `booking-cancelled`); staff reissue a booking's links when one
leaked (the new ones are mailed, the old ones answer 410); a cancelled booking's links show
only that it was cancelled."""
import unittest

from api_fixtures import Shop, token_of
from harness import Server
from notify_fakes import SmtpSink, part, to_of

PROBLEM = "https://visitd.dev/problems/"


class RevocableLinks(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.smtp = SmtpSink().start()
        cls.srv = Server(env={"VISITD_SMTP_HOST": "127.0.0.1", "VISITD_SMTP_PORT": str(cls.smtp.port),
                              "VISITD_SMTP_TLS": "none", "VISITD_SMTP_FROM": "bookings@clinic.test",
                              "VISITD_NOTIFY_INTERVAL_MS": "50"}).start()
        cls.shop = Shop(cls.srv, "revoke")
        cls.c = cls.srv.client()
        cls.n = 0

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()
        cls.smtp.cleanup()

    def book(self, days_ahead=3):
        self.__class__.n += 1
        email = "leak%d@example.com" % self.n
        start = self.shop.free_starts(self.c, days_ahead)[self.n % 4]
        status, _, body = self.shop.book(self.c, start, email=email, name="Robin Private")
        self.assertEqual(status, 201, body)
        return body, email

    def links(self, answer):
        return token_of(answer["manageUrl"]), token_of(answer["joinUrl"])

    def assert_gone(self, token_pair, slug):
        manage, join = token_pair
        for method, path in (("GET", "/api/v1/manage/" + manage), ("POST", "/api/v1/manage/%s/cancel" % manage),
                             ("GET", "/api/v1/manage/%s/calendar.ics" % manage), ("GET", "/api/v1/join/" + join),
                             ("POST", "/api/v1/join/" + join)):
            with self.subTest(path=path[:30], slug=slug):
                status, _, p = self.c.request(method, path)
                self.assertEqual(status, 410, p)
                self.assertEqual(p["type"], PROBLEM + slug, p)
                # The refusal tells nothing of the booking.
                for secret in ("Robin Private", "@example.com"):
                    self.assertNotIn(secret, str(p))

    def assert_works(self, token_pair):
        manage, join = token_pair
        self.assertEqual(self.c.get("/api/v1/manage/" + manage)[0], 200)
        self.assertEqual(self.c.get("/api/v1/join/" + join)[0], 200)

    def test_a_consumer_reschedule_replaces_both_links(self):
        booked, _ = self.book()
        old = self.links(booked)
        new_start = self.shop.free_starts(self.c, 4)[2]
        status, _, moved = self.c.post("/api/v1/manage/%s/reschedule" % old[0], {"start": new_start})
        self.assertEqual(status, 200, moved)
        new = self.links(moved)
        self.assertNotEqual(old, new)
        self.assert_gone(old, "link-revoked")
        self.assert_works(new)

    def test_a_staff_reschedule_replaces_the_links_and_mails_the_new_ones(self):
        booked, email = self.book()
        old = self.links(booked)
        # Once the consumer has the confirmation, a move is told as a reschedule.
        self.smtp.wait_for(lambda m: to_of(m) == email, "the confirmation")
        new_start = self.shop.free_starts(self.c, 5)[1]
        status, _, moved = self.shop.staff.post(
            self.shop.staff_path("/bookings/%s/reschedule" % booked["booking"]["id"]), {"start": new_start})
        self.assertEqual(status, 200, moved)
        self.assert_gone(old, "link-revoked")
        notice = self.smtp.wait_for(lambda m: to_of(m) == email and str(m["Subject"]).startswith("Rescheduled"),
                                    "the reschedule notice")[0]
        text = part(notice, "text/plain").get_content()
        self.assertIn(moved["manageUrl"], text)
        self.assertNotIn(booked["manageUrl"], text)
        self.assert_works(self.links(moved))

    def test_a_cancelled_bookings_links_show_only_that_it_was_cancelled(self):
        booked, _ = self.book()
        manage, join = self.links(booked)
        status, _, body = self.c.post("/api/v1/manage/%s/cancel" % manage, {"reason": "private reason"})
        self.assertEqual(status, 200, body)
        self.assert_gone((manage, join), "booking-cancelled")
        status, _, p = self.c.get("/api/v1/manage/" + manage)
        self.assertNotIn("private reason", str(p))
        # Staff cannot hand out new links for it either.
        status, _, p = self.shop.staff.post(self.shop.staff_path("/bookings/%s/links" % booked["booking"]["id"]))
        self.assertEqual((status, p["type"]), (409, PROBLEM + "policy"), p)

    def test_staff_reissue_revokes_the_old_links_and_mails_new_ones(self):
        booked, email = self.book()
        old = self.links(booked)
        self.smtp.wait_for(lambda m: to_of(m) == email, "the confirmation")
        status, _, reissued = self.shop.staff.post(
            self.shop.staff_path("/bookings/%s/links" % booked["booking"]["id"]))
        self.assertEqual(status, 200, reissued)
        self.assertEqual(reissued["status"], "confirmed")
        new = self.links(reissued)
        self.assertNotEqual(old, new)
        self.assert_gone(old, "link-revoked")
        self.assert_works(new)
        mails = self.smtp.wait_for(lambda m: to_of(m) == email, "the mail with the new links", count=2)
        text = part(mails[-1], "text/plain").get_content()
        self.assertIn(reissued["manageUrl"], text)
        self.assertIn(reissued["joinUrl"], text)
        # The act is on the record.
        status, _, audit = self.shop.staff.get(self.shop.staff_path("/audit?action=booking.links_reissue"))
        self.assertEqual(status, 200, audit)
        self.assertIn("booking.links_reissue", [e["action"] for e in audit["items"]])
        # Reissuing again replaces the second set too.
        status, _, again = self.shop.staff.post(self.shop.staff_path("/bookings/%s/links" % booked["booking"]["id"]))
        self.assertEqual(status, 200, again)
        self.assert_gone(new, "link-revoked")
        self.assert_works(self.links(again))

    def test_reissue_of_an_unknown_booking_is_404(self):
        status, _, p = self.shop.staff.post(self.shop.staff_path("/bookings/bk_nope/links"))
        self.assertEqual(status, 404, p)


if __name__ == "__main__":
    unittest.main()
