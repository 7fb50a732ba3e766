"""Issue J fault 10: what the SMS gateway (a loopback fake of the Twilio Messages API) answers
is understood. Error 21610 (recipient unsubscribed) opts the number out like an inbound STOP;
Twilio's numeric error code is kept and shown to staff; a 429's Retry-After (seconds or an
HTTP-date) is honoured; a 5xx is retried; other permanent errors (21211, invalid number)
fail at once."""
import email.utils
import time
import unittest

from api_fixtures import Shop
from harness import Server
from notify_fakes import TwilioFake, wait_until


def twilio_error(code, message, status=400):
    return {"code": code, "message": message, "more_info": "https://www.twilio.com/docs/errors/%d" % code,
            "status": status}


class SmsErrorsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.twilio = TwilioFake()
        # Own backoff of at most a second: a Retry-After longer than that must win.
        cls.srv = Server(env={"VISITD_SMS_BASE_URL": cls.twilio.base_url,
                              "VISITD_SMS_ACCOUNT_SID": cls.twilio.sid,
                              "VISITD_SMS_AUTH_TOKEN": cls.twilio.token,
                              "VISITD_SMS_FROM": "+15005550006",
                              "VISITD_NOTIFY_INTERVAL_MS": "50",
                              "VISITD_NOTIFY_RETRY_BASE_S": "1",
                              "VISITD_NOTIFY_RETRY_MAX_S": "1"}).start()
        cls.shop = Shop(cls.srv, "smserrors")
        cls.client = cls.srv.client()

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()
        cls.twilio.close()

    def setUp(self):
        self.twilio.script = []

    def book(self, index, phone, days_ahead=3):
        start = self.shop.free_starts(self.client, days_ahead=days_ahead)[index]
        body = self.shop.booking_body(start, email="sms%d@example.com" % index)
        body["consumer"]["phone"] = phone
        body["consumer"]["smsConsent"] = True
        status, _, booked = self.client.post(self.shop.public_path("/bookings"), body)
        self.assertEqual(201, status, booked)
        return booked

    def view(self, booked):
        status, _, body = self.shop.staff.get(self.shop.staff_path("/bookings/%s/messages" % booked["booking"]["id"]))
        self.assertEqual(200, status, body)
        return body

    def confirmation(self, booked, status):
        def find():
            return next((m for m in self.view(booked)["items"] if m["channel"] == "sms" and
                         m["kind"] == "confirmation" and m["status"] == status), None)
        return wait_until(find, "confirmation SMS " + status)

    def test_21610_opts_the_number_out_like_stop(self):
        number = "+12025550101"
        self.twilio.script = [(400, twilio_error(21610, "Attempt to send to unsubscribed recipient"))]
        booked = self.book(0, number)
        m = self.confirmation(booked, "suppressed-opt-out")
        self.assertEqual("21610", m["errorCode"])
        self.assertEqual(1, m["attempts"])
        self.assertIsNotNone(self.view(booked)["smsOptedOutAt"])
        # The next booking for that number is not even attempted.
        again = self.book(1, number)
        self.confirmation(again, "suppressed-opt-out")
        self.assertEqual(1, len(self.twilio.attempts_to(number)))

    def test_invalid_number_fails_at_once_with_its_code(self):
        number = "+12025550102"
        self.twilio.script = [(400, twilio_error(21211, "The 'To' number is not a valid phone number."))]
        booked = self.book(2, number)
        m = self.confirmation(booked, "failed")
        self.assertEqual("21211", m["errorCode"])
        self.assertIn("21211", m["lastError"])
        self.assertEqual(1, m["attempts"])
        self.assertIsNone(self.view(booked)["smsOptedOutAt"])

    def test_429_retry_after_seconds_is_honoured(self):
        number = "+12025550103"
        self.twilio.script = [(429, twilio_error(20429, "Too Many Requests", 429), {"Retry-After": "3"})]
        booked = self.book(3, number)
        sent = self.confirmation(booked, "sent")
        self.assertEqual(2, sent["attempts"])
        self.assertEqual("", sent["errorCode"])  # cleared once sent
        first, second = self.twilio.attempts_to(number)[:2]
        self.assertGreaterEqual(second[0] - first[0], 3.0)

    def test_429_retry_after_http_date_is_honoured(self):
        number = "+12025550104"
        not_before = int(time.time()) + 4
        self.twilio.script = [(429, twilio_error(20429, "Too Many Requests", 429),
                               {"Retry-After": email.utils.formatdate(not_before, usegmt=True)})]
        booked = self.book(4, number)
        self.confirmation(booked, "sent")
        attempts = self.twilio.attempts_to(number)
        self.assertEqual(2, len(attempts))
        self.assertGreaterEqual(attempts[1][1], not_before)

    def test_server_error_is_retried_and_its_code_shown_meanwhile(self):
        number = "+12025550105"
        self.twilio.script = [(503, twilio_error(20503, "Service Unavailable", 503), {"Retry-After": "30"})]
        booked = self.book(5, number)
        waiting = wait_until(lambda: next((m for m in self.view(booked)["items"] if m["channel"] == "sms" and
                                           m["kind"] == "confirmation" and m["attempts"] == 1 and
                                           m["status"] == "planned"), None), "a retry planned")
        self.assertEqual("20503", waiting["errorCode"])
        self.assertIn("nextAttemptAt", waiting)

    def test_server_error_without_retry_after_is_retried(self):
        number = "+12025550106"
        self.twilio.script = [(500, {"message": "internal"})]
        booked = self.book(6, number)
        sent = self.confirmation(booked, "sent")
        self.assertEqual(2, sent["attempts"])


if __name__ == "__main__":
    unittest.main()
