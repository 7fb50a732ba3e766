"""Shared world for the staff API tests (/api/v1/businesses/{businessId}/...): two
businesses, a staff member of every role, and helpers that read answers the way a
client would. Holds no tests itself."""
import datetime as dt
import unittest
from zoneinfo import ZoneInfo

from harness import Server

PASSWORD = "correct-horse-battery"
LONDON = ZoneInfo("Europe/London")
NINE_TO_FIVE = [{"weekday": d, "start": "09:00", "end": "17:00"} for d in range(1, 8)]


def london_time(days_ahead, hour, minute=0):
    """A wall-clock time in London `days_ahead` days from today, as an aware datetime."""
    day = dt.datetime.now(LONDON).date() + dt.timedelta(days=days_ahead)
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


def rfc3339(t):
    return t.isoformat()


def same_instant(a, b):
    return dt.datetime.fromisoformat(a) == dt.datetime.fromisoformat(b)


class World:
    """acme (Europe/London): owner, manager, two provider-role users (pat, quinn).
    globex (America/New_York): its owner, rival. Users are created by `visitd admin`."""

    STAFF = [
        ("owner", "owner@acme.test", "acme", "owner"),
        ("manager", "manager@acme.test", "acme", "manager"),
        ("pat", "pat@acme.test", "acme", "provider"),
        ("quinn", "quinn@acme.test", "acme", "provider"),
        ("rival", "boss@globex.test", "globex", "owner"),
    ]

    def __init__(self, srv):
        self.srv = srv
        self.biz = srv.admin("create-business", "--slug", "acme", "--name", "Acme Clinic",
                             "--zone", "Europe/London")["id"]
        self.other = srv.admin("create-business", "--slug", "globex", "--name", "Globex",
                               "--zone", "America/New_York")["id"]
        self.user_ids = {}
        self.emails = {}
        for key, email, slug, role in self.STAFF:
            self.emails[key] = email
            self.user_ids[key] = srv.admin("create-user", "--email", email, "--name", key.title(),
                                           "--password", PASSWORD, "--business", slug, "--role", role)["id"]
        self._clients = {}

    def client(self, key):
        """A signed-in client for a staff member (cached: one login per user)."""
        if key not in self._clients:
            c = self.srv.client()
            c.login(self.emails[key], PASSWORD)
            self._clients[key] = c
        return self._clients[key]

    def bearer(self, token):
        c = self.srv.client()
        c.bearer = token
        return c

    def path(self, suffix="", biz=None):
        return "/api/v1/businesses/%s%s" % (biz or self.biz, suffix)

    def create_provider(self, name, user_key=None, weekly=NINE_TO_FIVE, zone="Europe/London"):
        c = self.client("manager")
        body = {"name": name, "timeZone": zone}
        if user_key:
            body["userId"] = self.user_ids[user_key]
        status, _, p = c.post(self.path("/providers"), body)
        assert status == 201, (status, p)
        if weekly is not None:
            status, _, w = c.put(self.path("/providers/%s/weekly-hours" % p["id"]), {"weekly": weekly})
            assert status == 200, (status, w)
        return p

    def create_service(self, name, provider_ids, **extra):
        body = {"name": name, "durationMinutes": 30, "slotIntervalMinutes": 30, "providerIds": provider_ids}
        body.update(extra)
        status, _, s = self.client("manager").post(self.path("/services"), body)
        assert status == 201, (status, s)
        return s

    def book(self, service_id, provider_id, start, email="consumer@example.test"):
        """A consumer booking through the public API; returns the booking JSON."""
        status, _, b = self.srv.client().post("/api/v1/public/businesses/acme/bookings", {
            "serviceId": service_id, "providerId": provider_id, "start": rfc3339(start),
            "consumer": {"name": "Casey Consumer", "email": email, "timeZone": "Europe/Berlin"}})
        assert status == 201, (status, b)
        return b

    def audit(self):
        status, _, body = self.client("owner").get(self.path("/audit?limit=200"))
        assert status == 200, (status, body)
        return body["items"]


class StaffTestCase(unittest.TestCase):
    """Assertions about problem answers shared by the staff test modules."""

    def assertProblem(self, answer, status, field=None, slug=None):
        code, headers, body = answer
        self.assertEqual(status, code, body)
        self.assertIn("application/problem+json", headers.get("content-type", ""))
        self.assertEqual(status, body["status"])
        if slug:
            self.assertEqual("https://visitd.dev/problems/" + slug, body["type"])
        if field:
            self.assertIn(field, [e["field"] for e in body.get("errors", [])], body)
        return body

    def assertOk(self, answer, status=200):
        code, _, body = answer
        self.assertEqual(status, code, body)
        return body

    def assertAudited(self, world, action, actor, target=None):
        entries = [e for e in world.audit() if e["action"] == action and e["actor"] == actor]
        if target:
            entries = [e for e in entries if e["target"] == target]
        self.assertTrue(entries, "no audit entry %s by %s on %s" % (action, actor, target))
        return entries[0]


def start_world(env=None):
    srv = Server(env=env).start()
    try:
        return srv, World(srv)
    except Exception:
        srv.cleanup()
        raise
