"""Issue H: the temporary lockout of an account (too many wrong passwords, from any address)
is mailed to the account's owner through the outbox, once per lockout: the logins refused
while it lasts send nothing more, an unknown account (answered alike) mails nobody."""
import unittest

from api_fixtures import PASSWORD
from harness import Server
from notify_fakes import SmtpSink, part, to_of
from test_throttles import post_from


class LockoutNotice(unittest.TestCase):
    def test_the_owner_is_told_once_per_lockout(self):
        smtp = SmtpSink().start()
        env = {"VISITD_ACCOUNT_LOGIN_FAILURES": "3", "VISITD_ACCOUNT_LOGIN_FAILURES_PER_HOUR": "1",
               "VISITD_SMTP_HOST": "127.0.0.1", "VISITD_SMTP_PORT": str(smtp.port), "VISITD_SMTP_TLS": "none",
               "VISITD_SMTP_FROM": "security@clinic.test", "VISITD_NOTIFY_INTERVAL_MS": "50"}
        try:
            with Server(env=env) as srv:
                srv.admin("create-user", "--email", "victim@example.test", "--name", "Vera Victim",
                          "--password", PASSWORD)
                for i in range(3):
                    status, _, _ = post_from(srv.port, "127.0.0.%d" % (70 + i), "/api/v1/auth/login",
                                             {"email": "victim@example.test", "password": "guess-%d-guess" % i})
                    self.assertEqual(status, 401)
                (notice,) = smtp.wait_for(lambda m: to_of(m) == "victim@example.test", "the lockout notice")
                text = part(notice, "text/plain").get_content() if notice.is_multipart() else notice.get_content()
                self.assertIn("Vera Victim", text)
                self.assertIn("paused", str(notice["Subject"]))
                self.assertNotIn("guess-", text)  # never the guessed passwords

                # Refused while locked (the right password too): no second notice.
                for i in range(3):
                    status, _, _ = post_from(srv.port, "127.0.0.8%d" % i, "/api/v1/auth/login",
                                             {"email": "victim@example.test", "password": PASSWORD})
                    self.assertEqual(status, 429)
                # An unknown account locks alike and mails nobody.
                for i in range(3):
                    post_from(srv.port, "127.0.0.9%d" % i, "/api/v1/auth/login",
                              {"email": "ghost@example.test", "password": "guess-%d-guess" % i})
                # Wait for a later mail the outbox sends after anything those attempts planned:
                # a second lockout of another account, then count.
                srv.admin("create-user", "--email", "second@example.test", "--name", "S", "--password", PASSWORD)
                for i in range(3):
                    post_from(srv.port, "127.0.0.10%d" % i, "/api/v1/auth/login",
                              {"email": "second@example.test", "password": "guess-%d-guess" % i})
                smtp.wait_for(lambda m: to_of(m) == "second@example.test", "the second account's notice")
                self.assertEqual([to_of(m) for m in smtp.messages() if to_of(m) == "victim@example.test"],
                                 ["victim@example.test"])
                self.assertFalse([m for m in smtp.messages() if to_of(m) == "ghost@example.test"])
        finally:
            smtp.cleanup()


if __name__ == "__main__":
    unittest.main()
