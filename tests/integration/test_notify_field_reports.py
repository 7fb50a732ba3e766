"""Issue J's notification field reports, replayed through a real SMTP server (aiosmtpd on
loopback), each mail parsed by Python's email package (policy=default) and its invite by
python3-icalendar: a move to another provider (3), the cancellation's reason and links (6),
no CANCEL for an invite never sent (7), one calendar identity for mail and download (8),
display names that stay one recipient (9), and `no-address` for a recipient without one (14)."""
import datetime
import unittest

from api_fixtures import PASSWORD, Shop, token_of, utc
from harness import Server
from notify_fakes import SmtpSink, calendar_of, free_port, part, to_of, wait_until

import icalendar  # Debian python3-icalendar


def notify_env(smtp_port, **extra):
    env = {"VISITD_SMTP_HOST": "127.0.0.1", "VISITD_SMTP_PORT": str(smtp_port), "VISITD_SMTP_TLS": "none",
           "VISITD_SMTP_FROM": "bookings@clinic.test", "VISITD_NOTIFY_INTERVAL_MS": "50"}
    env.update({k: str(v) for k, v in extra.items()})
    return env


# Commas, quotes, angle brackets, semicolons, non-ASCII and length: each must stay one recipient.
HARD_NAMES = ['Smith, Robert "Bob"', "O'Neil; Zoë <zoe@evil.test>", "Łukasz Żółć, MD (Kraków)",
              "=?UTF-8?B?ZXZpbA==?= trick", "Ana María de los Ángeles García-Fernández y López, " * 3]

LONG_SERVICE = "Consultation approfondie — suivi très détaillé de votre santé, avec examen complet"


class ClinicShop(Shop):
    """Alice and Bob, both with a staff login (so an e-mail address), and Carol without one."""

    def __init__(self, srv, slug):
        super().__init__(srv, slug, providers=(("Alice Adams", "Europe/London"), ("Bob Brown", "Europe/London"),
                                               ("Carol Cole", "Europe/London")),
                         service={"name": LONG_SERVICE})
        self.alice, self.bob, self.carol = self.provider_ids
        for pid, who in ((self.alice, "alice"), (self.bob, "bob")):
            user = srv.admin("create-user", "--email", "%s@%s.test" % (who, slug), "--name", who.title(),
                             "--password", PASSWORD, "--business", slug, "--role", "provider")
            status, _, body = self.staff.patch(self.staff_path("/providers/%s" % pid), {"userId": user["id"]})
            assert status == 200, (status, body)
        self.alice_email = "alice@%s.test" % slug
        self.bob_email = "bob@%s.test" % slug


class FieldReportsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.smtp = SmtpSink().start()
        cls.srv = Server(env=notify_env(cls.smtp.port)).start()
        cls.shop = ClinicShop(cls.srv, "fieldclinic")
        cls.client = cls.srv.client()

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()
        cls.smtp.cleanup()

    def book(self, email, provider, days_ahead=3, index=0, name="Ann Example"):
        start = self.shop.free_starts(self.client, days_ahead=days_ahead, provider_id=provider)[index]
        status, _, body = self.shop.book(self.client, start, email=email, name=name, provider_id=provider)
        self.assertEqual(201, status, body)
        return body

    def mails(self, address, count=1, subject=""):
        return self.smtp.wait_for(lambda m: to_of(m) == address and str(m["Subject"]).startswith(subject),
                                  "%d mail(s) '%s' to %s" % (count, subject, address), count)

    def mail_for(self, address, subject, uid):
        """The mail to `address` whose subject starts with `subject` and whose invite has `uid`."""
        def matches(m):
            if to_of(m) != address or not str(m["Subject"]).startswith(subject):
                return False
            cal = calendar_of(m)[1]
            return cal is not None and str(cal.walk("VEVENT")[0]["UID"]) == uid
        return self.smtp.wait_for(matches, "'%s' to %s for %s" % (subject, address, uid))[0]

    def messages(self, booked):
        status, _, view = self.shop.staff.get(self.shop.staff_path("/bookings/%s/messages" % booked["booking"]["id"]))
        self.assertEqual(200, status, view)
        return view["items"]

    def message(self, booked, kind, recipient, status):
        return wait_until(lambda: next((m for m in self.messages(booked) if m["kind"] == kind and m["recipient"] ==
                                        recipient and m["channel"] == "email" and m["status"] == status), None),
                          "%s to %s %s" % (kind, recipient, status))

    def staff_move(self, booked, start, provider=None):
        body = {"start": start}
        if provider:
            body["providerId"] = provider
        status, _, moved = self.shop.staff.post(
            self.shop.staff_path("/bookings/%s/reschedule" % booked["booking"]["id"]), body)
        self.assertEqual(200, status, moved)
        return moved

    # ---- fault 3: a move to another provider ----
    def test_move_to_another_provider_at_the_same_time(self):
        booked = self.book("moved@example.com", self.shop.alice, index=0)
        uid = str(calendar_of(self.mails("moved@example.com", subject="Confirmed")[0])[1].walk("VEVENT")[0]["UID"])
        self.message(booked, "confirmation", "provider", "sent")  # Alice holds the invite
        self.staff_move(booked, booked["booking"]["start"], provider=self.shop.bob)

        method, cal = calendar_of(self.mail_for(self.shop.alice_email, "Cancelled", uid))
        self.assertEqual("CANCEL", method)
        self.assertEqual("CANCEL", str(cal["METHOD"]))
        self.assertEqual(1, int(cal.walk("VEVENT")[0]["SEQUENCE"]))

        method, cal = calendar_of(self.mail_for(self.shop.bob_email, "Confirmed", uid))
        self.assertEqual("REQUEST", method)
        self.assertEqual(utc(booked["booking"]["start"]), cal.walk("VEVENT")[0].decoded("DTSTART"))

        notice = self.mails("moved@example.com", subject="Changed")[0]
        text = part(notice, "text/plain").get_content()
        self.assertIn("now with Bob Brown", text)
        self.assertNotIn("new time", text)

    def test_move_to_another_provider_and_time_says_both(self):
        booked = self.book("both@example.com", self.shop.alice, index=1)
        self.mails("both@example.com", subject="Confirmed")
        self.message(booked, "confirmation", "provider", "sent")
        new_start = self.shop.free_starts(self.client, days_ahead=4, provider_id=self.shop.bob)[1]
        self.staff_move(booked, new_start, provider=self.shop.bob)
        text = part(self.mails("both@example.com", subject="Changed")[0], "text/plain").get_content()
        self.assertIn("now with Bob Brown, at a new time", text)
        self.message(booked, "cancellation", "provider", "sent")
        self.message(booked, "confirmation", "provider", "sent")

    def test_time_only_move_tells_consumer_and_provider_of_the_new_time(self):
        booked = self.book("timeonly@example.com", self.shop.alice, index=2)
        self.mails("timeonly@example.com", subject="Confirmed")
        self.message(booked, "confirmation", "provider", "sent")
        new_start = self.shop.free_starts(self.client, days_ahead=5, provider_id=self.shop.alice)[2]
        self.staff_move(booked, new_start)
        text = part(self.mails("timeonly@example.com", subject="Rescheduled")[0], "text/plain").get_content()
        self.assertIn("moved to a new time", text)
        provider = self.message(booked, "reschedule", "provider", "sent")
        self.assertEqual(self.shop.alice_email, provider["address"])
        self.assertFalse([m for m in self.messages(booked) if m["kind"] == "cancellation"])

    # ---- fault 6: reason and links of a cancellation ----
    def test_staff_cancellation_gives_the_reason_and_offers_booking_again(self):
        booked = self.book("ill@example.com", self.shop.bob, index=3)
        self.mails("ill@example.com", subject="Confirmed")
        status, _, body = self.shop.staff.post(
            self.shop.staff_path("/bookings/%s/cancel" % booked["booking"]["id"]), {"reason": "provider ill"})
        self.assertEqual(200, status, body)
        mail = self.mails("ill@example.com", subject="Cancelled")[0]
        book_page = self.srv.base_url + "/b/fieldclinic"
        for body in (part(mail, "text/plain").get_content(), part(mail, "text/html").get_content()):
            self.assertIn("provider ill", body)
            self.assertIn(book_page, body)
            self.assertNotIn(booked["manageUrl"], body)
            self.assertNotIn(booked["joinUrl"], body)
        self.assertNotIn("Reschedule or cancel", part(mail, "text/plain").get_content())
        method, cal = calendar_of(mail)
        self.assertEqual("CANCEL", method)
        self.assertNotIn(booked["manageUrl"], str(cal.walk("VEVENT")[0]["DESCRIPTION"]))

        # Any later message of the cancelled booking (a staff resend of its confirmation) offers
        # booking again too, and carries no invite that would put the event back.
        confirmation = self.message(booked, "confirmation", "consumer", "sent")
        status, _, copy = self.shop.staff.post(self.shop.staff_path(
            "/bookings/%s/messages/%s/resend" % (booked["booking"]["id"], confirmation["id"])))
        self.assertEqual(201, status, copy)
        resent = self.smtp.wait_for(lambda m: str(m["Message-ID"]) == "<%s@clinic.test>" % copy["id"],
                                    "the resent confirmation")[0]
        text = part(resent, "text/plain").get_content()
        self.assertIn(book_page, text)
        self.assertNotIn(booked["manageUrl"], text)
        self.assertIsNone(part(resent, "text/calendar"))

    # ---- fault 8: one calendar identity; the download is the mailed invite ----
    def test_download_has_the_mailed_uid_sequence_and_join_link(self):
        booked = self.book("ics@example.com", self.shop.bob, index=4)
        token = token_of(booked["manageUrl"])
        mailed = calendar_of(self.mails("ics@example.com", subject="Confirmed")[0])[1].walk("VEVENT")[0]
        status, headers, text = self.client.get("/api/v1/manage/%s/calendar.ics" % token)
        self.assertEqual(200, status, text)
        self.assertTrue(headers["content-type"].startswith("text/calendar"))
        event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
        self.assertEqual(str(mailed["UID"]), str(event["UID"]))
        self.assertEqual(int(mailed["SEQUENCE"]), int(event["SEQUENCE"]))
        self.assertEqual(booked["joinUrl"], str(event["URL"]))
        self.assertEqual(booked["joinUrl"], str(event["LOCATION"]))
        self.assertIn(booked["joinUrl"], str(event["DESCRIPTION"]))

        new_start = self.shop.free_starts(self.client, days_ahead=6, provider_id=self.shop.bob)[0]
        status, _, moved = self.client.post("/api/v1/manage/%s/reschedule" % token, {"start": new_start})
        self.assertEqual(200, status, moved)
        update = calendar_of(self.mails("ics@example.com", subject="Rescheduled")[0])[1].walk("VEVENT")[0]
        # The reschedule replaced the links (issue H): the old one answers 410, the new one serves the file.
        self.assertEqual(410, self.client.get("/api/v1/manage/%s/calendar.ics" % token)[0])
        token = token_of(moved["manageUrl"])
        status, _, text = self.client.get("/api/v1/manage/%s/calendar.ics" % token)
        event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
        self.assertEqual(str(update["UID"]), str(event["UID"]))
        self.assertEqual(int(update["SEQUENCE"]), int(event["SEQUENCE"]))
        self.assertEqual(utc(new_start), event.decoded("DTSTART"))

        self.assertEqual(404, self.client.get("/api/v1/manage/%s/calendar.ics" % (token[:-2] + "xx"))[0])

    def test_provider_invite_carries_the_join_link(self):
        booked = self.book("hostlink@example.com", self.shop.alice, index=5)
        self.message(booked, "confirmation", "provider", "sent")
        mail = [m for m in self.mails(self.shop.alice_email, subject="Confirmed")
                if booked["booking"]["id"] in str(calendar_of(m)[1].walk("VEVENT")[0]["UID"])][0]
        event = calendar_of(mail)[1].walk("VEVENT")[0]
        room = self.srv.base_url + "/staff/rooms/" + booked["booking"]["id"]
        self.assertEqual(room, str(event["URL"]))
        self.assertEqual(room, str(event["LOCATION"]))
        self.assertIn(room, part(mail, "text/plain").get_content())

    # ---- fault 9: display names ----
    def test_any_display_name_yields_exactly_one_recipient(self):
        for i, name in enumerate(HARD_NAMES):
            address = "name%d@example.test" % i
            self.book(address, self.shop.carol, days_ahead=2, index=i, name=name)
            mail = self.mails(address)[0]
            to = mail["To"].addresses
            self.assertEqual(1, len(to), "%r gave %r" % (name, str(mail["To"])))
            self.assertEqual(address, to[0].addr_spec)
            # Word for word (folding may turn a space into a tab); a literal encoded word
            # inside a name is decoded by lenient readers, Python's among them.
            if "=?" not in name:
                self.assertEqual(name.split(), to[0].display_name.split())
            self.assertEqual(1, len(mail["From"].addresses))
            subject = str(mail["Subject"])
            self.assertIn(LONG_SERVICE, subject)
            self.assertNotIn("=?", subject)
            for line in mail.as_bytes().split(b"\n"):
                self.assertLessEqual(len(line.rstrip(b"\r")), 998)

    # ---- fault 14: no address is its own status ----
    def test_provider_without_address_is_no_address_not_withdrawn(self):
        booked = self.book("carolclient@example.com", self.shop.carol, index=6)
        m = self.message(booked, "confirmation", "provider", "no-address")
        self.assertIn("no e-mail address", m["lastError"])
        self.assertEqual("sent", self.message(booked, "confirmation", "consumer", "sent")["status"])


class NeverSentInviteTest(unittest.TestCase):
    """Fault 7: the SMTP relay is down, so the confirmation has not gone out when the consumer
    cancels (or moves) within a second of booking."""

    def setUp(self):
        self.port = free_port()
        self.srv = Server(env=notify_env(self.port, VISITD_NOTIFY_RETRY_BASE_S=1, VISITD_NOTIFY_RETRY_MAX_S=1,
                                         VISITD_NOTIFY_MAX_ATTEMPTS=100)).start()
        self.shop = ClinicShop(self.srv, "quickclinic")
        self.client = self.srv.client()
        self.sink = None

    def tearDown(self):
        self.srv.cleanup()
        if self.sink:
            self.sink.cleanup()

    def messages(self, booked):
        _, _, view = self.shop.staff.get(self.shop.staff_path("/bookings/%s/messages" % booked["booking"]["id"]))
        return view["items"]

    def consumer_message(self, booked, kind):
        return [m for m in self.messages(booked) if m["kind"] == kind and m["recipient"] == "consumer"][0]

    def book_unsent(self, email, index):
        start = self.shop.free_starts(self.client, days_ahead=3, provider_id=self.shop.carol)[index]
        status, _, booked = self.shop.book(self.client, start, email=email, provider_id=self.shop.carol)
        self.assertEqual(201, status, booked)
        wait_until(lambda: self.consumer_message(booked, "confirmation")["attempts"] >= 1, "a failed first send")
        return booked

    def test_cancel_and_move_of_an_invite_never_sent(self):
        cancelled = self.book_unsent("quick@example.com", 0)
        status, _, body = self.client.post("/api/v1/manage/%s/cancel" % token_of(cancelled["manageUrl"]), {})
        self.assertEqual(200, status, body)
        notice = wait_until(lambda: self.consumer_message(cancelled, "cancellation")["status"] == "withdrawn" and
                            self.consumer_message(cancelled, "cancellation"), "the cancellation to be withdrawn")
        self.assertIn("never received", notice["lastError"])
        self.assertEqual(1, notice["attempts"])  # claimed once, never sent
        self.assertIsNone(notice["sentAt"])
        self.assertEqual("withdrawn", self.consumer_message(cancelled, "confirmation")["status"])

        moved = self.book_unsent("quickmove@example.com", 1)
        new_start = self.shop.free_starts(self.client, days_ahead=4, provider_id=self.shop.carol)[1]
        status, _, body = self.client.post("/api/v1/manage/%s/reschedule" % token_of(moved["manageUrl"]),
                                           {"start": new_start})
        self.assertEqual(200, status, body)
        self.sink = SmtpSink(port=self.port).start()
        mail = self.sink.wait_for(lambda m: to_of(m) == "quickmove@example.com", "the moved booking's mail")[0]
        # To the consumer it is the first news of the appointment: a confirmation at the new time.
        self.assertTrue(str(mail["Subject"]).startswith("Confirmed"), str(mail["Subject"]))
        method, cal = calendar_of(mail)
        self.assertEqual("REQUEST", method)
        self.assertEqual(utc(new_start), cal.walk("VEVENT")[0].decoded("DTSTART"))
        # The cancelled booking's rows were final before the relay came back: nothing went to it.
        self.assertFalse([m for m in self.sink.messages() if to_of(m) == "quick@example.com"])


if __name__ == "__main__":
    unittest.main()
