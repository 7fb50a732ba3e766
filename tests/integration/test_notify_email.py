"""Confirmation, reschedule and cancellation mails through a real SMTP server (aiosmtpd on
loopback): MIME text + HTML + iCalendar invite (METHOD, UID, SEQUENCE, DTSTART in UTC,
links), HTML escaping of consumer values, and the staff view of messages."""
import datetime
import unittest

from api_fixtures import Shop, token_of, utc
from harness import Server
from notify_fakes import SmtpSink, calendar_of, part, to_of, wait_until


def notify_env(smtp_port, **extra):
    env = {"VISITD_SMTP_HOST": "127.0.0.1", "VISITD_SMTP_PORT": str(smtp_port), "VISITD_SMTP_TLS": "none",
           "VISITD_SMTP_FROM": "bookings@clinic.test", "VISITD_NOTIFY_INTERVAL_MS": "50"}
    env.update(extra)
    return env


class EmailTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.smtp = SmtpSink().start()
        cls.srv = Server(env=notify_env(cls.smtp.port)).start()
        cls.shop = Shop(cls.srv, "mailclinic")
        cls.client = cls.srv.client()

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()
        cls.smtp.cleanup()

    def book(self, email, name="Ann Example", days_ahead=3, index=0):
        start = self.shop.free_starts(self.client, days_ahead=days_ahead)[index]
        status, _, body = self.shop.book(self.client, start, email=email, name=name, zone="America/Chicago")
        self.assertEqual(201, status, body)
        return body

    def mails_to(self, address, count=1):
        return self.smtp.wait_for(lambda m: to_of(m) == address, "%d mail(s) to %s" % (count, address), count)

    def test_confirmation_carries_an_invite_in_utc_with_links(self):
        booked = self.book("conf@example.com")
        booking = booked["booking"]
        mail = self.mails_to("conf@example.com")[0]
        self.assertTrue(str(mail["Subject"]).startswith("Confirmed:"))
        self.assertTrue(str(mail["Message-ID"]).endswith("@clinic.test>"))
        self.assertEqual("multipart/alternative", mail.get_content_type())
        text = part(mail, "text/plain").get_content()
        html = part(mail, "text/html").get_content()
        for body in (text, html):
            self.assertIn(booked["manageUrl"], body)
            self.assertIn(booked["joinUrl"], body)
        self.assertIn("America/Chicago", text)  # the recipient's own zone
        method, cal = calendar_of(mail)
        self.assertEqual("REQUEST", method)
        self.assertEqual("REQUEST", str(cal["METHOD"]))
        event = cal.walk("VEVENT")[0]
        self.assertEqual(booking["id"] + "@clinic.test", str(event["UID"]))
        self.assertEqual(0, int(event["SEQUENCE"]))
        dtstart = event.decoded("DTSTART")
        self.assertEqual(datetime.timedelta(0), dtstart.utcoffset())
        self.assertEqual(utc(booking["start"]), dtstart)
        self.assertEqual(booked["joinUrl"], str(event["URL"]))
        self.assertIn(booked["joinUrl"], str(event["DESCRIPTION"]))
        self.assertIn("mailto:conf@example.com", str(event["ATTENDEE"]).lower())
        self.assertIn("mailto:bookings@clinic.test", str(event["ORGANIZER"]).lower())

    def test_consumer_values_are_html_escaped(self):
        self.book("escape@example.com", name="<b>Eve</b> & co", index=1)
        mail = self.mails_to("escape@example.com")[0]
        html = part(mail, "text/html").get_content()
        self.assertNotIn("<b>Eve</b>", html)
        self.assertIn("&lt;b&gt;Eve&lt;/b&gt; &amp; co", html)
        self.assertIn("<b>Eve</b> & co", part(mail, "text/plain").get_content())

    def test_reschedule_raises_sequence_and_cancel_keeps_uid(self):
        booked = self.book("move@example.com", index=2)
        token = token_of(booked["manageUrl"])
        self.mails_to("move@example.com")
        new_start = self.shop.free_starts(self.client, days_ahead=4)[3]
        status, _, body = self.client.post("/api/v1/manage/%s/reschedule" % token, {"start": new_start})
        self.assertEqual(200, status, body)
        mails = self.mails_to("move@example.com", 2)
        moved = [m for m in mails if str(m["Subject"]).startswith("Rescheduled")][0]
        method, cal = calendar_of(moved)
        event = cal.walk("VEVENT")[0]
        self.assertEqual("REQUEST", method)
        self.assertEqual(1, int(event["SEQUENCE"]))
        self.assertEqual(utc(new_start), event.decoded("DTSTART"))
        uid = str(event["UID"])

        # A reschedule replaced the links (issue H): the consumer cancels with the new one.
        self.assertIn(body["manageUrl"], part(moved, "text/plain").get_content())
        token = token_of(body["manageUrl"])
        status, _, body = self.client.post("/api/v1/manage/%s/cancel" % token, {"reason": "better"})
        self.assertEqual(200, status, body)
        mails = self.mails_to("move@example.com", 3)
        cancel = [m for m in mails if str(m["Subject"]).startswith("Cancelled")][0]
        method, cal = calendar_of(cancel)
        event = cal.walk("VEVENT")[0]
        self.assertEqual("CANCEL", method)
        self.assertEqual("CANCEL", str(cal["METHOD"]))
        self.assertEqual(uid, str(event["UID"]))
        self.assertGreater(int(event["SEQUENCE"]), 1)

        # Staff see every message: sent notices, withdrawn reminders of the old times.
        status, _, view = self.shop.staff.get(self.shop.staff_path("/bookings/%s/messages" % booked["booking"]["id"]))
        self.assertEqual(200, status, view)
        by_kind = {}
        for m in view["items"]:
            by_kind.setdefault(m["kind"], []).append(m["status"])
        self.assertIn("sent", by_kind["confirmation"])
        self.assertTrue(all(s == "withdrawn" for s in by_kind["reminder"]), by_kind)
        wait_until(lambda: self._status_of(booked, "cancellation") == "sent", "cancellation recorded as sent")

    def _status_of(self, booked, kind):
        _, _, view = self.shop.staff.get(self.shop.staff_path("/bookings/%s/messages" % booked["booking"]["id"]))
        for m in view["items"]:
            if m["kind"] == kind and m["channel"] == "email" and m["recipient"] == "consumer":
                return m["status"]
        return None

    def test_bad_phone_is_a_400_naming_the_field(self):
        start = self.shop.free_starts(self.client, days_ahead=5)[0]
        body = self.shop.booking_body(start, email="p@example.com")
        body["consumer"]["phone"] = "12345"
        body["consumer"]["smsConsent"] = True
        status, _, problem = self.client.post(self.shop.public_path("/bookings"), body)
        self.assertEqual(400, status, problem)
        self.assertIn("consumer.phone", {e["field"] for e in problem["errors"]})

    def test_resend_plans_a_new_message(self):
        booked = self.book("again@example.com", index=4)
        self.mails_to("again@example.com")
        msg = wait_until(lambda: next((m for m in self._messages(booked) if m["kind"] == "confirmation"
                                       and m["recipient"] == "consumer" and m["status"] == "sent"), None),
                         "confirmation sent")
        status, _, copy = self.shop.staff.post(
            self.shop.staff_path("/bookings/%s/messages/%s/resend" % (booked["booking"]["id"], msg["id"])))
        self.assertEqual(201, status, copy)
        mails = self.mails_to("again@example.com", 2)
        self.assertEqual(2, len({str(m["Message-ID"]) for m in mails}))

    def _messages(self, booked):
        _, _, view = self.shop.staff.get(self.shop.staff_path("/bookings/%s/messages" % booked["booking"]["id"]))
        return view["items"]


if __name__ == "__main__":
    unittest.main()
