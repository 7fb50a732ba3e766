"""Notification policy per business and per service, editable templates, and the demo
capture page (/dev/outbox) that exists only when demo mode is switched on."""
import datetime
import unittest

from api_fixtures import Shop, utc
from harness import Server
from notify_fakes import SmtpSink, to_of, wait_until


def routes(*pairs):
    return [{"to": to, "channel": ch} for to, ch in pairs]


class PolicyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.smtp = SmtpSink().start()
        cls.srv = Server(env={"VISITD_SMTP_HOST": "127.0.0.1", "VISITD_SMTP_PORT": str(cls.smtp.port),
                              "VISITD_SMTP_TLS": "none", "VISITD_NOTIFY_INTERVAL_MS": "50"}).start()
        cls.shop = Shop(cls.srv, "policyclinic")
        cls.client = cls.srv.client()

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()
        cls.smtp.cleanup()

    def messages(self, booked):
        status, _, view = self.shop.staff.get(self.shop.staff_path("/bookings/%s/messages" % booked["booking"]["id"]))
        self.assertEqual(200, status, view)
        return view["items"]

    def book(self, index, email):
        start = self.shop.free_starts(self.client, days_ahead=4)[index]
        status, _, booked = self.shop.book(self.client, start, email=email)
        self.assertEqual(201, status, booked)
        return booked

    def test_business_policy_and_service_override_decide_what_is_planned(self):
        policy = {"confirmation": routes(("consumer", "email")), "reschedule": routes(("consumer", "email")),
                  "cancellation": routes(("consumer", "email"), ("provider", "email")),
                  "reminder": routes(("consumer", "email")), "reminderOffsetsMinutes": [120]}
        status, _, body = self.shop.staff.put(self.shop.staff_path("/notification-policy"), policy)
        self.assertEqual(200, status, body)
        self.assertEqual([120], body["reminderOffsetsMinutes"])
        status, _, read = self.shop.staff.get(self.shop.staff_path("/notification-policy"))
        self.assertEqual((200, policy), (status, read))
        booked = self.book(0, "policy1@example.com")
        items = self.messages(booked)
        self.assertEqual([("confirmation", "consumer")], [(m["kind"], m["recipient"]) for m in items
                                                          if m["kind"] == "confirmation"])
        reminders = [m for m in items if m["kind"] == "reminder"]
        self.assertEqual([utc(booked["booking"]["start"]) - datetime.timedelta(hours=2)],
                         [utc(m["dueAt"]) for m in reminders])

        service_path = self.shop.staff_path("/services/%s/notification-policy" % self.shop.service_id)
        status, _, body = self.shop.staff.get(service_path)
        self.assertEqual((200, False), (status, body["overridden"]))
        status, _, body = self.shop.staff.put(service_path, dict(policy, reminder=[], reminderOffsetsMinutes=[]))
        self.assertEqual((200, True), (status, body["overridden"]))
        booked = self.book(1, "policy2@example.com")
        self.assertFalse([m for m in self.messages(booked) if m["kind"] == "reminder"])
        status, _, body = self.shop.staff.delete(service_path)
        self.assertEqual((200, False), (status, body["overridden"]))

    def test_bad_policy_is_a_400_naming_the_field(self):
        policy = {"confirmation": routes(("provider", "sms")), "reschedule": [], "cancellation": [],
                  "reminder": [], "reminderOffsetsMinutes": []}
        status, _, problem = self.shop.staff.put(self.shop.staff_path("/notification-policy"), policy)
        self.assertEqual(400, status, problem)
        self.assertIn("confirmation[0]", {e["field"] for e in problem["errors"]})
        policy["confirmation"] = []
        policy["reminderOffsetsMinutes"] = [0]
        status, _, problem = self.shop.staff.put(self.shop.staff_path("/notification-policy"), policy)
        self.assertEqual(400, status, problem)
        self.assertIn("reminderOffsetsMinutes[0]", {e["field"] for e in problem["errors"]})

    def test_custom_template_is_used_and_a_broken_one_refused(self):
        path = self.shop.staff_path("/message-templates/confirmation/email")
        status, _, problem = self.shop.staff.put(path, {"htmlBody": "{{#open}} never closed"})
        self.assertEqual(400, status, problem)
        self.assertIn("htmlBody", {e["field"] for e in problem["errors"]})
        status, _, body = self.shop.staff.put(path, {"subject": "Booked: {{serviceName}} for {{recipientName}}"})
        self.assertEqual(200, status, body)
        self.book(2, "custom@example.com")
        mail = self.smtp.wait_for(lambda m: to_of(m) == "custom@example.com", "the custom confirmation")[0]
        self.assertEqual("Booked: Consultation for Ann Example", str(mail["Subject"]))
        listed = lambda: [(t["kind"], t["channel"], t["subject"]) for t in
                          self.shop.staff.get(self.shop.staff_path("/message-templates"))[2]["items"]]
        self.assertIn(("confirmation", "email", "Booked: {{serviceName}} for {{recipientName}}"), listed())
        status, _, _ = self.shop.staff.delete(path)
        self.assertEqual(204, status)
        self.assertNotIn(("confirmation", "email"), [item[:2] for item in listed()])

    def test_dev_outbox_does_not_exist_by_default(self):
        self.assertNotIn("/dev/outbox", self.srv.run_cli("routes").stdout)
        # The web UI may answer unknown paths with its index page; never with the capture.
        status, _, body = self.client.get("/dev/outbox")
        self.assertNotIn("Demo outbox", body if isinstance(body, str) else "")


class DemoOutboxTest(unittest.TestCase):
    def test_demo_mode_captures_messages_for_the_browser(self):
        with Server(env={"VISITD_DEMO_OUTBOX": "true", "VISITD_NOTIFY_INTERVAL_MS": "50"}) as srv:
            shop = Shop(srv, "democlinic")
            client = srv.client()
            start = shop.free_starts(client, days_ahead=3)[0]
            body = shop.booking_body(start, email="demo@example.com", name="<i>Demo</i>")
            body["consumer"]["phone"] = "+1 202 555 0143"
            body["consumer"]["smsConsent"] = True
            status, _, booked = client.post(shop.public_path("/bookings"), body)
            self.assertEqual(201, status, booked)

            def page():
                code, headers, html = client.get("/dev/outbox")
                self.assertEqual(200, code)
                return html if "demo@example.com" in html and "+12025550143" in html else None
            html = wait_until(page, "the captured mail and SMS on /dev/outbox")
            self.assertIn("Confirmed: Consultation", html)
            self.assertIn("METHOD:REQUEST", html)
            self.assertNotIn("<i>Demo</i>", html)
            sms = [m for m in self._messages(shop, booked) if m["channel"] == "sms"]
            self.assertEqual("sent", sms[0]["status"])

    def _messages(self, shop, booked):
        def sent():
            _, _, view = shop.staff.get(shop.staff_path("/bookings/%s/messages" % booked["booking"]["id"]))
            items = [m for m in view["items"] if m["kind"] == "confirmation" and m["recipient"] == "consumer"]
            return items if all(m["status"] == "sent" for m in items) else None
        return wait_until(sent, "captured messages recorded as sent")


if __name__ == "__main__":
    unittest.main()
