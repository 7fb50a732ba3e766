"""SMS through a loopback fake of the Twilio Messages API: consented bookings get SMS in
E.164, status callbacks are trusted only with a valid X-Twilio-Signature, and inbound
STOP/START opt a number out and back in."""
import unittest

from api_fixtures import Shop
from harness import Server
from notify_fakes import TwilioFake, wait_until

PHONE_TYPED = "+44 20 7946 0958"
PHONE = "+442079460958"


class SmsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.twilio = TwilioFake()
        cls.srv = Server(env={"VISITD_SMS_BASE_URL": cls.twilio.base_url,
                              "VISITD_SMS_ACCOUNT_SID": cls.twilio.sid,
                              "VISITD_SMS_AUTH_TOKEN": cls.twilio.token,
                              "VISITD_SMS_FROM": "+15005550006",
                              "VISITD_NOTIFY_INTERVAL_MS": "50"}).start()
        cls.shop = Shop(cls.srv, "smsclinic")
        cls.client = cls.srv.client()

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()
        cls.twilio.close()

    def book(self, index, phone=PHONE_TYPED, consent=True, days_ahead=3):
        start = self.shop.free_starts(self.client, days_ahead=days_ahead)[index]
        body = self.shop.booking_body(start, email="sms%d@example.com" % index)
        body["consumer"]["phone"] = phone
        body["consumer"]["smsConsent"] = consent
        status, _, booked = self.client.post(self.shop.public_path("/bookings"), body)
        self.assertEqual(201, status, booked)
        return booked

    def view(self, booked):
        status, _, body = self.shop.staff.get(self.shop.staff_path("/bookings/%s/messages" % booked["booking"]["id"]))
        self.assertEqual(200, status, body)
        return body

    def sms_message(self, booked, kind, status=None):
        def find():
            for m in self.view(booked)["items"]:
                if m["channel"] == "sms" and m["kind"] == kind and (status is None or m["status"] == status):
                    return m
            return None
        return wait_until(find, "%s SMS %s" % (kind, status or ""))

    def test_consented_booking_gets_an_sms_and_signed_delivery_reports(self):
        booked = self.book(0)
        sent = self.sms_message(booked, "confirmation", "sent")
        self.assertEqual(PHONE, sent["address"])
        sms = [m for m in self.twilio.messages() if m["sid"] == sent["carrierId"]][0]
        self.assertEqual(PHONE, sms["To"])
        self.assertEqual("+15005550006", sms["From"])
        self.assertIn(booked["manageUrl"], sms["Body"])
        self.assertEqual(self.srv.base_url + "/api/v1/sms/status", sms["StatusCallback"])

        url = self.srv.base_url + "/api/v1/sms/status"
        report = {"MessageSid": sent["carrierId"], "MessageStatus": "delivered", "AccountSid": self.twilio.sid}
        status, _ = self.twilio.post_signed(url, report, signature="d3Jvbmc=")
        self.assertEqual(403, status)
        self.assertEqual("sent", self.sms_message(booked, "confirmation")["status"])
        status, _ = self.twilio.post_signed(url, dict(report, MessageStatus="delivered"))
        self.assertEqual(204, status)
        self.assertEqual("delivered", self.sms_message(booked, "confirmation")["status"])

    def test_undelivered_report_marks_the_message_failed(self):
        booked = self.book(1, phone="+1 202 555 0143")
        sent = self.sms_message(booked, "confirmation", "sent")
        status, _ = self.twilio.post_signed(self.srv.base_url + "/api/v1/sms/status",
                                            {"MessageSid": sent["carrierId"], "MessageStatus": "undelivered",
                                             "ErrorCode": "30003"})
        self.assertEqual(204, status)
        failed = self.sms_message(booked, "confirmation", "failed")
        self.assertIn("30003", failed["lastError"])

    def test_no_consent_means_no_sms(self):
        booked = self.book(2, phone="+1 202 555 0177", consent=False)
        self.assertEqual(None, self.view(booked)["smsConsentAt"])
        self.assertFalse([m for m in self.view(booked)["items"] if m["channel"] == "sms"])

    def test_stop_suppresses_until_start(self):
        phone_typed, phone = "+61 2 9374 4000", "+61293744000"
        inbound = self.srv.base_url + "/api/v1/sms/inbound"
        status, _ = self.twilio.post_signed(inbound, {"From": phone, "Body": "STOP"}, signature="bm9wZQ==")
        self.assertEqual(403, status)
        status, _ = self.twilio.post_signed(inbound, {"From": phone, "Body": " stop ", "To": "+15005550006"})
        self.assertEqual(200, status)

        booked = self.book(3, phone=phone_typed)
        suppressed = self.sms_message(booked, "confirmation", "suppressed-opt-out")
        self.assertIn("STOP", suppressed["lastError"])
        self.assertIsNotNone(self.view(booked)["smsOptedOutAt"])
        self.assertFalse([m for m in self.twilio.messages() if m["To"] == phone])

        status, body = self.twilio.post_signed(inbound, {"From": phone, "Body": "HELP"})
        self.assertEqual(200, status)
        self.assertIn("STOP", body)
        status, _ = self.twilio.post_signed(inbound, {"From": phone, "Body": "START"})
        self.assertEqual(200, status)
        again = self.book(4, phone=phone_typed)
        self.sms_message(again, "confirmation", "sent")
        self.assertTrue([m for m in self.twilio.messages() if m["To"] == phone])


if __name__ == "__main__":
    unittest.main()
