"""Issue K: a mail speaks as the clinic. The confirmation a real SMTP server (aiosmtpd) receives
carries the clinic's logo by URL, its accent colour and its contact, HTML-escaped in the HTML
part and plain in the text part."""
import unittest
import urllib.parse

from api_fixtures import Shop
from harness import Server
from notify_fakes import SmtpSink, part, to_of
from test_notify_email import notify_env

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


class BrandedMailTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.smtp = SmtpSink().start()
        cls.srv = Server(env=notify_env(cls.smtp.port)).start()
        cls.shop = Shop(cls.srv, "brandmail")
        status, _, body = cls.shop.staff.put(cls.shop.staff_path("/profile"), {
            "accentColor": "#1a6b8f",
            "contact": {"phone": "+44 20 7946 0000", "email": "desk@clinic.test",
                        "address": "1 High St <Unit 2> & Co"}})
        assert status == 200, (status, body)
        status, _, body = cls.shop.staff.put(cls.shop.staff_path("/logo"), raw=PNG,
                                             headers={"Content-Type": "image/png"})
        assert status == 200, (status, body)
        cls.logo_path = body["logoUrl"]

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()
        cls.smtp.cleanup()

    def test_confirmation_carries_logo_accent_and_contact_escaped(self):
        client = self.srv.client()
        start = self.shop.free_starts(client, days_ahead=3)[0]
        status, _, body = self.shop.book(client, start, email="brand@example.com", name="Ann Example")
        self.assertEqual(201, status, body)
        mail = self.smtp.wait_for(lambda m: to_of(m) == "brand@example.com", "the confirmation", 1)[0]
        html = part(mail, "text/html").get_content()
        text = part(mail, "text/plain").get_content()
        logo_url = self.srv.base_url + self.logo_path
        self.assertIn('<img src="%s"' % logo_url.replace("&", "&amp;"), html)
        self.assertIn("color:#1a6b8f", html)
        self.assertIn("+44 20 7946 0000", html)
        self.assertIn('href="mailto:desk@clinic.test"', html)
        self.assertIn("1 High St &lt;Unit 2&gt; &amp; Co", html)
        self.assertNotIn("<Unit 2>", html)
        self.assertIn("Phone: +44 20 7946 0000", text)
        self.assertIn("Email: desk@clinic.test", text)
        self.assertIn("1 High St <Unit 2> & Co", text)
        # The logo URL in the mail is one the server answers.
        status, headers, _ = self.srv.client().get(urllib.parse.urlparse(logo_url).path + "?" +
                                                   urllib.parse.urlparse(logo_url).query)
        self.assertEqual(200, status)
        self.assertEqual("image/png", headers["content-type"])


if __name__ == "__main__":
    unittest.main()
