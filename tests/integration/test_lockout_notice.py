"""Issue H: the temporary lockout of an account (too many wrong passwords, from any address)
is mailed to the account's owner through the outbox, at most once an hour: the logins refused
while it lasts send nothing more, nor do the lockouts that recur when a guesser waits each one
out; an unknown account (answered alike) mails nobody."""
import time
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


    def test_a_lockout_that_recurs_within_the_hour_is_mailed_once(self):
        smtp = SmtpSink().start()
        # Two failures lock; one comes back every 10 s, so a guesser who waits re-locks the
        # account at once with the next wrong password. The address budgets are out of the way.
        env = {"VISITD_ACCOUNT_LOGIN_FAILURES": "2", "VISITD_ACCOUNT_LOGIN_FAILURES_PER_HOUR": "360",
               "VISITD_LOGIN_RATE_PER_MINUTE": "6000", "VISITD_LOGIN_BURST": "1000",
               "VISITD_LOGIN_NETWORK_RATE_PER_MINUTE": "6000", "VISITD_LOGIN_NETWORK_BURST": "1000",
               "VISITD_SMTP_HOST": "127.0.0.1", "VISITD_SMTP_PORT": str(smtp.port), "VISITD_SMTP_TLS": "none",
               "VISITD_SMTP_FROM": "security@clinic.test", "VISITD_NOTIFY_INTERVAL_MS": "50"}
        try:
            with Server(env=env) as srv:
                srv.admin("create-user", "--email", "target@example.test", "--name", "Tara Target",
                          "--password", PASSWORD)
                guess = {"email": "target@example.test", "password": "not-the-password"}
                statuses = [post_from(srv.port, "127.0.0.%d" % (20 + i), "/api/v1/auth/login", guess)[0]
                            for i in range(3)]
                self.assertEqual(statuses, [401, 401, 429])
                smtp.wait_for(lambda m: to_of(m) == "target@example.test", "the first lockout notice")
                relocked = 0
                deadline = time.monotonic() + 120
                while relocked < 3:
                    # Refused (429) while locked; the first guess checked after it ends (401)
                    # spends the token that came back and locks the account again.
                    status, _, _ = post_from(srv.port, "127.0.0.%d" % (30 + relocked), "/api/v1/auth/login", guess)
                    self.assertIn(status, (401, 429))
                    if status == 401:
                        relocked += 1
                        self.assertEqual(post_from(srv.port, "127.0.0.40", "/api/v1/auth/login", guess)[0], 429)
                    self.assertLess(time.monotonic(), deadline, "the lockout never ended")
                    time.sleep(0.5)  # pacing the polls, not waiting for a result
                # A later mail the outbox sends after anything those lockouts planned: another
                # account's lockout; then count.
                srv.admin("create-user", "--email", "other@example.test", "--name", "O", "--password", PASSWORD)
                for i in range(2):
                    post_from(srv.port, "127.0.0.%d" % (50 + i), "/api/v1/auth/login",
                              {"email": "other@example.test", "password": "not-the-password"})
                smtp.wait_for(lambda m: to_of(m) == "other@example.test", "the other account's notice")
                self.assertEqual(len([m for m in smtp.messages() if to_of(m) == "target@example.test"]), 1)
        finally:
            smtp.cleanup()


if __name__ == "__main__":
    unittest.main()
