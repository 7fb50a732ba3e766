"""Reminders and retries, with time moved by VISITD_CLOCK_SKEW_SECONDS across restarts:
reminders already due when visitd starts are sent once, and one overtaken by a later due
reminder is skipped (issue J fault 5); a cancelled booking's reminders
never go out; a reschedule moves them; an SMTP server that is down leads to retries, then
`failed`, and nothing is lost when it comes back."""
import datetime
import os
import unittest

from api_fixtures import Shop, token_of, utc
from harness import Server
from notify_fakes import SmtpSink, free_port, to_of, wait_until


def env_for(smtp_port, **extra):
    env = {"VISITD_SMTP_HOST": "127.0.0.1", "VISITD_SMTP_PORT": str(smtp_port), "VISITD_SMTP_TLS": "none",
           "VISITD_SMTP_FROM": "bookings@clinic.test", "VISITD_NOTIFY_INTERVAL_MS": "50"}
    env.update({k: str(v) for k, v in extra.items()})
    return env


def messages(shop, booking_id):
    status, _, view = shop.staff.get(shop.staff_path("/bookings/%s/messages" % booking_id))
    assert status == 200, (status, view)
    return view["items"]


def reminders(shop, booking_id, recipient="consumer"):
    return [m for m in messages(shop, booking_id) if m["kind"] == "reminder" and m["recipient"] == recipient]


class RemindersTest(unittest.TestCase):
    def setUp(self):
        self.smtp = SmtpSink().start()
        self.srv = None

    def tearDown(self):
        if self.srv:
            self.srv.cleanup()
        self.smtp.cleanup()

    def start(self, database=None, **extra):
        srv = Server(env=env_for(self.smtp.port, **extra), database=database)
        return srv.start()

    def test_due_reminders_are_sent_once_overtaken_ones_skipped_and_cancelled_ones_never(self):
        first = self.start()
        self.srv = first
        shop = Shop(first, "remindclinic")
        client = first.client()
        starts = shop.free_starts(client, days_ahead=3)
        _, _, kept = shop.book(client, starts[0], email="kept@example.com")
        _, _, dropped = shop.book(client, starts[1], email="dropped@example.com")
        # The confirmation went out first: a cancellation of a never-sent invite is withheld (fault 7).
        self.smtp.wait_for(lambda m: to_of(m) == "dropped@example.com", "the confirmation mail")
        status, _, _ = client.post("/api/v1/manage/%s/cancel" % token_of(dropped["manageUrl"]), {})
        self.assertEqual(200, status)
        self.smtp.wait_for(lambda m: to_of(m) == "dropped@example.com" and "Cancelled" in str(m["Subject"]),
                           "the cancellation mail")
        first.stop()

        # Issue J fault 5: the booking starts at :30, reminders are due 24 h and 1 h before, and
        # visitd is down until 55 minutes before the start: both are overdue at restart. The
        # consumer gets one reminder; the 24 h one, overtaken by the 1 h one, is skipped.
        skew = int((utc(kept["booking"]["start"]) - datetime.datetime.now(datetime.timezone.utc)).total_seconds()) - 3300
        second = Server(env=env_for(self.smtp.port, VISITD_CLOCK_SKEW_SECONDS=skew), database=first.database)
        self.srv = second
        second.start()
        shop.srv = second
        shop.staff = second.client()
        shop.staff.login(shop.owner_email, "correct horse battery staple")

        def settled():
            rs = reminders(shop, kept["booking"]["id"])
            return len(rs) == 2 and all(m["status"] in ("sent", "withdrawn") for m in rs) and rs
        rs = {m["offsetMinutes"]: m for m in wait_until(settled, "both reminders settled")}
        self.assertEqual("sent", rs[60]["status"])
        self.assertEqual("withdrawn", rs[1440]["status"])
        self.assertEqual("overtaken by a later reminder", rs[1440]["lastError"])
        mails = [m for m in self.smtp.messages() if to_of(m) == "kept@example.com" and "Reminder" in str(m["Subject"])]
        self.assertEqual(1, len(mails))
        self.assertFalse([m for m in self.smtp.messages()
                          if to_of(m) == "dropped@example.com" and "Reminder" in str(m["Subject"])])
        self.assertTrue(all(m["status"] == "withdrawn" for m in reminders(shop, dropped["booking"]["id"])))

    def test_reschedule_moves_the_reminders(self):
        self.srv = self.start()
        shop = Shop(self.srv, "moveclinic")
        client = self.srv.client()
        start = shop.free_starts(client, days_ahead=3)[0]
        _, _, booked = shop.book(client, start, email="mover@example.com")
        new_start = shop.free_starts(client, days_ahead=6)[2]
        status, _, _ = client.post("/api/v1/manage/%s/reschedule" % token_of(booked["manageUrl"]), {"start": new_start})
        self.assertEqual(200, status)
        rs = reminders(shop, booked["booking"]["id"])
        planned = sorted(utc(m["dueAt"]) for m in rs if m["status"] == "planned")
        old = sorted(utc(m["dueAt"]) for m in rs if m["status"] == "withdrawn")
        self.assertEqual([utc(new_start) - datetime.timedelta(minutes=1440), utc(new_start) - datetime.timedelta(minutes=60)],
                         planned)
        self.assertEqual([utc(start) - datetime.timedelta(minutes=1440), utc(start) - datetime.timedelta(minutes=60)], old)

    def test_smtp_down_retries_then_fails_and_nothing_is_lost_when_it_returns(self):
        port = free_port()
        self.srv = Server(env=env_for(port, VISITD_NOTIFY_MAX_ATTEMPTS=3, VISITD_NOTIFY_RETRY_BASE_S=2,
                                      VISITD_NOTIFY_RETRY_MAX_S=2)).start()
        shop = Shop(self.srv, "downclinic")
        client = self.srv.client()
        starts = shop.free_starts(client, days_ahead=3)
        _, _, lost = shop.book(client, starts[0], email="first@example.com")

        def confirmation(booked):
            return [m for m in messages(shop, booked["booking"]["id"])
                    if m["kind"] == "confirmation" and m["recipient"] == "consumer"][0]
        failed = wait_until(lambda: confirmation(lost)["status"] == "failed" and confirmation(lost),
                            "the confirmation to fail after its attempts")
        self.assertEqual(3, failed["attempts"])
        self.assertIn("smtp", failed["lastError"])

        _, _, waiting = shop.book(client, starts[1], email="second@example.com")
        wait_until(lambda: confirmation(waiting)["attempts"] >= 1 and confirmation(waiting)["status"] == "planned",
                   "a failed first attempt")
        sink = SmtpSink(port=port).start()
        try:
            sink.wait_for(lambda m: to_of(m) == "second@example.com", "the retried mail")
            status, _, _ = shop.staff.post(shop.staff_path("/bookings/%s/messages/%s/resend" %
                                                           (lost["booking"]["id"], failed["id"])))
            self.assertEqual(201, status)
            sink.wait_for(lambda m: to_of(m) == "first@example.com", "the resent mail")
        finally:
            sink.cleanup()


if __name__ == "__main__":
    unittest.main()
