"""Confirmations through a real TLS SMTP server (aiosmtpd on loopback, throwaway self-signed
certificate trusted via VISITD_SMTP_CA_FILE): STARTTLS with AUTH and implicit TLS deliver;
wrong credentials or a certificate visitd does not trust lead to retries, then `failed`,
never to delivery. Certificate verification is never switched off."""
import shutil
import tempfile
import unittest

from api_fixtures import Shop
from harness import Server
from notify_fakes import to_of, wait_until
from notify_tls_fakes import TlsSmtpSink, make_self_signed

USER = "visitd-relay"
PASSWORD = "s3cret-relay-pass"


class SmtpTlsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.certs = tempfile.mkdtemp(prefix="visitd-smtp-tls-")
        cls.cert, cls.key = make_self_signed(cls.certs, "relay")
        cls.other_ca, _ = make_self_signed(cls.certs, "other")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.certs, ignore_errors=True)

    def setUp(self):
        self.sink = None
        self.srv = None

    def tearDown(self):
        if self.srv:
            self.srv.cleanup()
        if self.sink:
            self.sink.cleanup()

    def start(self, mode, user=USER, password=PASSWORD, ca_file=None, **extra):
        self.sink = TlsSmtpSink(self.cert, self.key, mode, user=USER, password=PASSWORD).start()
        env = {"VISITD_SMTP_HOST": "127.0.0.1", "VISITD_SMTP_PORT": str(self.sink.port), "VISITD_SMTP_TLS": mode,
               "VISITD_SMTP_USERNAME": user, "VISITD_SMTP_PASSWORD": password,
               "VISITD_SMTP_CA_FILE": ca_file or self.cert, "VISITD_SMTP_FROM": "bookings@clinic.test",
               "VISITD_NOTIFY_INTERVAL_MS": "50"}
        env.update({k: str(v) for k, v in extra.items()})
        self.srv = Server(env=env).start()
        self.shop = Shop(self.srv, "tlsclinic")
        self.client = self.srv.client()

    def book(self, email):
        start = self.shop.free_starts(self.client, days_ahead=3)[0]
        status, _, body = self.shop.book(self.client, start, email=email)
        self.assertEqual(201, status, body)
        return body

    def confirmation(self, booked):
        status, _, view = self.shop.staff.get(
            self.shop.staff_path("/bookings/%s/messages" % booked["booking"]["id"]))
        self.assertEqual(200, status, view)
        return [m for m in view["items"] if m["kind"] == "confirmation" and m["channel"] == "email"
                and m["recipient"] == "consumer"][0]

    def assert_delivered_over_tls(self, address, login):
        mail = self.sink.wait_for(lambda m: to_of(m) == address, "the confirmation to " + address)[0]
        self.assertTrue(str(mail["Subject"]).startswith("Confirmed:"), mail["Subject"])
        self.assertTrue(str(mail["X-Test-Tls"]).startswith("TLSv1."), mail["X-Test-Tls"])
        self.assertEqual(login, str(mail["X-Test-Login"]))

    def assert_fails_without_delivery(self, address, expected_error):
        booked = self.book(address)
        failed = wait_until(lambda: self.confirmation(booked)["status"] == "failed" and self.confirmation(booked),
                            "the confirmation to fail after its attempts")
        self.assertEqual(2, failed["attempts"])  # retried before giving up
        self.assertIn("smtp", failed["lastError"])
        self.assertRegex(failed["lastError"].lower(), expected_error)
        self.assertNotIn(PASSWORD, failed["lastError"])
        self.assertEqual([], [m for m in self.sink.messages() if to_of(m) == address])

    def test_starttls_with_auth_delivers_the_confirmation(self):
        self.start("starttls")
        booked = self.book("starttls@example.com")
        self.assert_delivered_over_tls("starttls@example.com", USER)
        wait_until(lambda: self.confirmation(booked)["status"] == "sent", "the confirmation recorded as sent")

    def test_implicit_tls_with_auth_delivers_the_confirmation(self):
        self.start("implicit")
        booked = self.book("smtps@example.com")
        self.assert_delivered_over_tls("smtps@example.com", USER)
        wait_until(lambda: self.confirmation(booked)["status"] == "sent", "the confirmation recorded as sent")

    def test_wrong_password_is_retried_then_failed_not_delivered(self):
        self.start("starttls", password="not-the-password", VISITD_NOTIFY_MAX_ATTEMPTS=2,
                   VISITD_NOTIFY_RETRY_BASE_S=1, VISITD_NOTIFY_RETRY_MAX_S=1)
        self.assert_fails_without_delivery("badpass@example.com", r"login|auth|535")

    def test_untrusted_certificate_is_retried_then_failed_not_delivered(self):
        self.start("starttls", ca_file=self.other_ca, VISITD_NOTIFY_MAX_ATTEMPTS=2,
                   VISITD_NOTIFY_RETRY_BASE_S=1, VISITD_NOTIFY_RETRY_MAX_S=1)
        self.assert_fails_without_delivery("untrusted@example.com", r"certificate|ssl|tls")

    def test_untrusted_certificate_over_implicit_tls_is_not_delivered(self):
        self.start("implicit", ca_file=self.other_ca, VISITD_NOTIFY_MAX_ATTEMPTS=2,
                   VISITD_NOTIFY_RETRY_BASE_S=1, VISITD_NOTIFY_RETRY_MAX_S=1)
        self.assert_fails_without_delivery("untrusted-smtps@example.com", r"certificate|ssl|tls")


if __name__ == "__main__":
    unittest.main()
