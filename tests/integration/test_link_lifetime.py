"""J1: a consumer's links follow the booking's current end, so a reschedule moves them.
The field report's values: book 2026-12-20T10:00Z, reschedule to 2027-02-20T10:00Z; at
2027-02-20T09:50Z the links the consumer holds work (they used to answer 410 link-expired),
and the join link ends at the new end + 30 minutes. Since issue H a reschedule also replaces
the links (the reschedule answer and notice carry the new ones; the first ones answer 410
link-revoked), so the links checked are those the reschedule handed out. Time is moved with
VISITD_CLOCK_SKEW_SECONDS across servers sharing one database."""
import datetime
import time
import unittest

from api_fixtures import Shop, token_of, utc
from harness import Server

PROBLEM = "https://visitd.dev/problems/"


def skew_to(rfc3339):
    """VISITD_CLOCK_SKEW_SECONDS that makes the server's clock read about `rfc3339` now."""
    target = datetime.datetime.fromisoformat(rfc3339.replace("Z", "+00:00")).timestamp()
    return str(int(target - time.time()))


def server_at(rfc3339, database=None):
    return Server(env={"VISITD_CLOCK_SKEW_SECONDS": skew_to(rfc3339)}, database=database).start()


class LinkLifetime(unittest.TestCase):
    def test_links_sent_before_a_reschedule_follow_the_new_time(self):
        first = server_at("2026-12-01T08:00:00Z")
        servers = [first]
        try:
            shop = Shop(first, "relink", service={"bookingWindowDays": 365})
            consumer = first.client()
            status, _, body = shop.book(consumer, "2026-12-20T10:00:00Z")
            self.assertEqual(status, 201, body)
            manage, join = token_of(body["manageUrl"]), token_of(body["joinUrl"])
            status, _, body = consumer.post("/api/v1/manage/%s/reschedule" % manage,
                                            {"start": "2027-02-20T10:00:00Z"})
            self.assertEqual(status, 200, body)
            first_manage, first_join = manage, join
            manage, join = token_of(body["manageUrl"]), token_of(body["joinUrl"])

            before = server_at("2027-02-20T09:50:00Z", database=first.database)
            servers.append(before)
            status, _, view = before.client().get("/api/v1/manage/" + manage)
            self.assertEqual(status, 200, view)
            self.assertEqual(utc(view["booking"]["start"]), utc("2027-02-20T10:00:00Z"))
            status, _, preview = before.client().get("/api/v1/join/" + join)
            self.assertEqual(status, 200, preview)
            for path in ("/api/v1/manage/" + first_manage, "/api/v1/join/" + first_join):
                status, _, problem = before.client().get(path)
                self.assertEqual((status, problem["type"]), (410, PROBLEM + "link-revoked"), problem)

            # After the new join deadline (end 10:30Z + 30 min) the join link is gone; the
            # manage link lasts until end + 30 days.
            after = server_at("2027-02-20T11:05:00Z", database=first.database)
            servers.append(after)
            status, _, problem = after.client().get("/api/v1/join/" + join)
            self.assertEqual(status, 410, problem)
            self.assertEqual(problem["type"], PROBLEM + "link-expired")
            self.assertEqual(after.client().get("/api/v1/manage/" + manage)[0], 200)
        finally:
            for srv in reversed(servers):
                srv.cleanup()


if __name__ == "__main__":
    unittest.main()
