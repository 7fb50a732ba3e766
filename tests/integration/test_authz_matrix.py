"""The authorization matrix, generated from the server's own route table (`visitd routes`):
every route is tried by every kind of caller, and a route the table below does not classify
fails the test, so a new route cannot escape it. Unknown and foreign ids must answer alike
(same status and problem), rooms and capability links included."""
import datetime as dt
import os
import subprocess
import sys
import unittest

from harness import POSTGRES_URL, VISITD_BIN, Server, qs
from test_staff_common import World, london_time, rfc3339

# Who may call each route. staff:ROLE = a member of the path's business with at least ROLE;
# "+own" = a provider-role caller only for their own provider record or booking.
# session = any signed-in staff; manage/join = the capability link in the path; room-host =
# staff hosting that booking's room; room-token = a room token for that room; open = anyone
# (public booking, login, health); sms = the gateway's signature; ws = the WebSocket upgrade;
# feed = the secret calendar-feed token in the path (issue I; tested in test_calendar_feed);
# invitation = the secret invitation token in the path (issue H; tested in test_invitations).
ACCESS = {
    ("GET", "/healthz"): "open",
    ("GET", "/readyz"): "open",
    ("GET", "/metrics"): "open",
    ("POST", "/api/v1/auth/login"): "open",
    ("POST", "/api/v1/auth/logout"): "session",
    ("GET", "/api/v1/me"): "session",
    ("GET", "/api/v1/public/businesses/{slug}"): "open",
    ("GET", "/api/v1/public/businesses/{slug}/slots"): "open",
    ("POST", "/api/v1/public/businesses/{slug}/bookings"): "open",
    ("GET", "/api/v1/public/businesses/{slug}/profile"): "open",
    ("GET", "/api/v1/public/businesses/{slug}/logo"): "open",
    ("GET", "/api/v1/manage/{token}"): "manage",
    ("GET", "/api/v1/manage/{token}/slots"): "manage",
    ("POST", "/api/v1/manage/{token}/reschedule"): "manage",
    ("POST", "/api/v1/manage/{token}/cancel"): "manage",
    ("GET", "/api/v1/manage/{token}/calendar.ics"): "manage",
    ("GET", "/api/v1/join/{token}"): "join",
    ("POST", "/api/v1/join/{token}"): "join",
    ("POST", "/api/v1/rooms/{roomId}/join"): "room-host",
    ("GET", "/api/v1/rooms/{roomId}/messages"): "room-token",
    ("GET", "/api/v1/live"): "ws",
    ("POST", "/api/v1/sms/status"): "sms",
    ("POST", "/api/v1/sms/inbound"): "sms",
    ("GET", "/api/v1/businesses/{businessId}"): "staff:provider",
    ("PATCH", "/api/v1/businesses/{businessId}"): "staff:manager",
    ("GET", "/api/v1/businesses/{businessId}/providers"): "staff:provider",
    ("POST", "/api/v1/businesses/{businessId}/providers"): "staff:manager",
    ("GET", "/api/v1/businesses/{businessId}/providers/{providerId}"): "staff:provider+own",
    ("PATCH", "/api/v1/businesses/{businessId}/providers/{providerId}"): "staff:manager",
    ("DELETE", "/api/v1/businesses/{businessId}/providers/{providerId}"): "staff:manager",
    ("GET", "/api/v1/businesses/{businessId}/providers/{providerId}/weekly-hours"): "staff:provider+own",
    ("PUT", "/api/v1/businesses/{businessId}/providers/{providerId}/weekly-hours"): "staff:provider+own",
    ("GET", "/api/v1/businesses/{businessId}/providers/{providerId}/overrides"): "staff:provider+own",
    ("POST", "/api/v1/businesses/{businessId}/providers/{providerId}/overrides"): "staff:provider+own",
    ("DELETE", "/api/v1/businesses/{businessId}/providers/{providerId}/overrides/{overrideId}"):
        "staff:provider+own",
    ("GET", "/api/v1/businesses/{businessId}/providers/{providerId}/time-off"): "staff:provider+own",
    ("POST", "/api/v1/businesses/{businessId}/providers/{providerId}/time-off"): "staff:provider+own",
    ("DELETE", "/api/v1/businesses/{businessId}/providers/{providerId}/time-off/{timeOffId}"):
        "staff:provider+own",
    ("PUT", "/api/v1/businesses/{businessId}/providers/{providerId}/profile"): "staff:provider+own",
    ("GET", "/api/v1/businesses/{businessId}/services"): "staff:provider",
    ("POST", "/api/v1/businesses/{businessId}/services"): "staff:manager",
    ("GET", "/api/v1/businesses/{businessId}/services/{serviceId}"): "staff:provider",
    ("PATCH", "/api/v1/businesses/{businessId}/services/{serviceId}"): "staff:manager",
    ("DELETE", "/api/v1/businesses/{businessId}/services/{serviceId}"): "staff:manager",
    ("PUT", "/api/v1/businesses/{businessId}/services/{serviceId}/profile"): "staff:manager",
    ("GET", "/api/v1/businesses/{businessId}/staff"): "staff:manager",
    ("POST", "/api/v1/businesses/{businessId}/staff"): "staff:manager",
    ("PATCH", "/api/v1/businesses/{businessId}/staff/{userId}"): "staff:manager",
    ("DELETE", "/api/v1/businesses/{businessId}/staff/{userId}"): "staff:manager",
    ("GET", "/api/v1/businesses/{businessId}/api-tokens"): "staff:manager",
    ("POST", "/api/v1/businesses/{businessId}/api-tokens"): "staff:manager",
    ("DELETE", "/api/v1/businesses/{businessId}/api-tokens/{tokenId}"): "staff:manager",
    ("GET", "/api/v1/businesses/{businessId}/bookings"): "staff:provider",
    ("GET", "/api/v1/businesses/{businessId}/bookings/{bookingId}"): "staff:provider+own",
    ("POST", "/api/v1/businesses/{businessId}/bookings/{bookingId}/reschedule"): "staff:provider+own",
    ("POST", "/api/v1/businesses/{businessId}/bookings/{bookingId}/cancel"): "staff:provider+own",
    ("POST", "/api/v1/businesses/{businessId}/bookings/{bookingId}/complete"): "staff:provider+own",
    ("POST", "/api/v1/businesses/{businessId}/bookings/{bookingId}/no-show"): "staff:provider+own",
    ("GET", "/api/v1/businesses/{businessId}/bookings/{bookingId}/messages"): "staff:provider+own",
    ("POST", "/api/v1/businesses/{businessId}/bookings/{bookingId}/messages/{messageId}/resend"):
        "staff:manager",
    ("GET", "/api/v1/businesses/{businessId}/audit"): "staff:manager",
    ("GET", "/api/v1/businesses/{businessId}/notification-policy"): "staff:manager",
    ("PUT", "/api/v1/businesses/{businessId}/notification-policy"): "staff:manager",
    ("GET", "/api/v1/businesses/{businessId}/services/{serviceId}/notification-policy"): "staff:manager",
    ("PUT", "/api/v1/businesses/{businessId}/services/{serviceId}/notification-policy"): "staff:manager",
    ("DELETE", "/api/v1/businesses/{businessId}/services/{serviceId}/notification-policy"): "staff:manager",
    ("GET", "/api/v1/businesses/{businessId}/message-templates"): "staff:manager",
    ("PUT", "/api/v1/businesses/{businessId}/message-templates/{kind}/{channel}"): "staff:manager",
    ("DELETE", "/api/v1/businesses/{businessId}/message-templates/{kind}/{channel}"): "staff:manager",
    ("GET", "/api/v1/businesses/{businessId}/profile"): "staff:provider",
    ("PUT", "/api/v1/businesses/{businessId}/profile"): "staff:manager",
    ("PUT", "/api/v1/businesses/{businessId}/logo"): "staff:manager",
    ("DELETE", "/api/v1/businesses/{businessId}/logo"): "staff:manager",
    ("GET", "/api/v1/businesses/{businessId}/video"): "staff:provider",
    ("GET", "/api/v1/businesses/{businessId}/bookings/{bookingId}/note"): "staff:provider+own",
    ("PUT", "/api/v1/businesses/{businessId}/bookings/{bookingId}/note"): "staff:provider+own",
    ("GET", "/api/v1/businesses/{businessId}/message-templates/defaults"): "staff:manager",
    ("POST", "/api/v1/businesses/{businessId}/message-templates/preview"): "staff:manager",
    # ---- calendars (issue I) ----
    ("GET", "/api/v1/feeds/{token}/calendar.ics"): "feed",
    ("GET", "/api/v1/businesses/{businessId}/calendar-feed"): "staff:manager",
    ("POST", "/api/v1/businesses/{businessId}/calendar-feed"): "staff:manager",
    ("DELETE", "/api/v1/businesses/{businessId}/calendar-feed"): "staff:manager",
    ("GET", "/api/v1/businesses/{businessId}/providers/{providerId}/calendar-feed"): "staff:provider+own",
    ("POST", "/api/v1/businesses/{businessId}/providers/{providerId}/calendar-feed"): "staff:provider+own",
    ("DELETE", "/api/v1/businesses/{businessId}/providers/{providerId}/calendar-feed"): "staff:provider+own",
    ("GET", "/api/v1/businesses/{businessId}/providers/{providerId}/external-calendars"): "staff:provider+own",
    ("POST", "/api/v1/businesses/{businessId}/providers/{providerId}/external-calendars"): "staff:provider+own",
    ("DELETE", "/api/v1/businesses/{businessId}/providers/{providerId}/external-calendars/{calendarId}"):
        "staff:provider+own",
    ("POST", "/api/v1/businesses/{businessId}/providers/{providerId}/external-calendars/{calendarId}/fetch"):
        "staff:provider+own",
    # h-harden: revocable links, staff invitations, privacy
    ("POST", "/api/v1/businesses/{businessId}/bookings/{bookingId}/links"): "staff:provider+own",
    # h-privacy: staff invitations (adding a person is POST .../staff, above)
    ("GET", "/api/v1/businesses/{businessId}/invitations"): "staff:manager",
    ("POST", "/api/v1/businesses/{businessId}/invitations/{invitationId}/resend"): "staff:manager",
    ("DELETE", "/api/v1/businesses/{businessId}/invitations/{invitationId}"): "staff:manager",
    ("GET", "/api/v1/invitations/{token}"): "invitation",
    ("POST", "/api/v1/invitations/{token}/accept"): "invitation",
    # insights (k-insights)
    ("GET", "/api/v1/businesses/{businessId}/insights"): "staff:manager",
    ("GET", "/api/v1/businesses/{businessId}/insights.csv"): "staff:manager",
    # webhooks (issue I)
    ("GET", "/api/v1/businesses/{businessId}/webhooks"): "staff:manager",
    ("POST", "/api/v1/businesses/{businessId}/webhooks"): "staff:manager",
    ("GET", "/api/v1/businesses/{businessId}/webhooks/{webhookId}"): "staff:manager",
    ("PATCH", "/api/v1/businesses/{businessId}/webhooks/{webhookId}"): "staff:manager",
    ("DELETE", "/api/v1/businesses/{businessId}/webhooks/{webhookId}"): "staff:manager",
    ("GET", "/api/v1/businesses/{businessId}/webhooks/{webhookId}/deliveries"): "staff:manager",
    ("POST", "/api/v1/businesses/{businessId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver"):
        "staff:manager",
    # rooms for appointments booked elsewhere (i-rooms); {roomId} here is an external room's id
    ("POST", "/api/v1/businesses/{businessId}/rooms"): "staff:manager",
    ("GET", "/api/v1/businesses/{businessId}/rooms"): "staff:manager",
    ("GET", "/api/v1/businesses/{businessId}/rooms/{roomId}"): "staff:manager",
    ("PATCH", "/api/v1/businesses/{businessId}/rooms/{roomId}"): "staff:manager",
    ("POST", "/api/v1/businesses/{businessId}/rooms/{roomId}/participants"): "staff:manager",
    ("DELETE", "/api/v1/businesses/{businessId}/rooms/{roomId}/participants/{participantId}"): "staff:manager",
    ("POST", "/api/v1/businesses/{businessId}/rooms/{roomId}/end"): "staff:manager",
    # k-polish: provider photos, embeds
    ("GET", "/api/v1/public/businesses/{slug}/providers/{providerId}/photo"): "open",
    ("PUT", "/api/v1/businesses/{businessId}/providers/{providerId}/photo"): "staff:provider+own",
    ("DELETE", "/api/v1/businesses/{businessId}/providers/{providerId}/photo"): "staff:provider+own",
    ("GET", "/api/v1/businesses/{businessId}/embed"): "staff:manager",
    ("PUT", "/api/v1/businesses/{businessId}/embed"): "staff:manager",
}

UNSAFE = ("POST", "PUT", "PATCH", "DELETE")
# The credential callers tried on every staff, session and room-host route.
CALLERS = ["anonymous", "this-manage-link", "other-manage-link", "provider", "colleague", "manager",
           "owner", "rival-staff", "rival-token", "ended-session", "no-csrf", "wrong-csrf",
           "lower-token"]
ROLE_RANK = {"provider": 1, "manager": 2, "owner": 3}
UNKNOWN = "zz_unknown0000000000"


def route_table():
    out = subprocess.run([VISITD_BIN, "routes"], capture_output=True, text=True, timeout=60, check=True)
    return [tuple(line.split(" ", 1)) for line in out.stdout.splitlines() if line.strip()]


def problem_key(answer):
    """What a caller learns from a refusal: status and the problem's type, title and detail."""
    status, _, body = answer
    if isinstance(body, dict):
        return (status, body.get("type"), body.get("title"), body.get("detail"))
    return (status, body)


class AuthorizationMatrix(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # Private targets allowed: the world's webhook points at a closed loopback port.
        cls.srv = Server(env={"VISITD_WEBHOOK_ALLOW_PRIVATE_TARGETS": "true"}).start()
        try:
            cls._build_world()
        except Exception:
            cls.srv.cleanup()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()
        # The figures docs/SECURITY.md quotes.
        print("\nauthorization matrix: %d routes, %d caller requests, %d unknown/foreign comparisons"
              % (len(route_table()), getattr(cls, "tried", 0), getattr(cls, "compared", 0)), file=sys.stderr)

    @classmethod
    def _build_world(cls):
        srv = cls.srv
        w = cls.w = World(srv)
        all_day = [{"weekday": d, "start": "00:00", "end": "24:00"} for d in range(1, 8)]
        cls.p_pat = w.create_provider("Dr Pat", user_key="pat", weekly=all_day)["id"]
        cls.p_quinn = w.create_provider("Dr Quinn", user_key="quinn")["id"]
        # The room opens a day ahead and the booking is the first free slot: its room is open.
        cls.service = w.create_service("Consult", [cls.p_pat, cls.p_quinn], roomOpenBeforeMinutes=1440)["id"]
        # A webhook endpoint (nothing listens on the discard port: deliveries wait for retries),
        # registered before the booking so that the booking leaves a delivery to redeliver.
        status, _, hook = w.client("owner").post(w.path("/webhooks"), {
            "url": "http://127.0.0.1:9/hooks", "eventTypes": ["booking.created"]})
        assert status == 201, (status, hook)
        cls.webhook = hook["id"]
        today = london_time(0, 0).date()
        status, _, slots = srv.client().get("/api/v1/public/businesses/acme/slots?" + qs(
            serviceId=cls.service, providerId=cls.p_pat, timeZone="Europe/London", **{
                "from": today.isoformat(), "to": (today + dt.timedelta(days=1)).isoformat()}))
        assert status == 200, (status, slots)
        first = [s["start"] for day in slots["days"] for s in day["slots"]][0]
        booked = w.book(cls.service, cls.p_pat, dt.datetime.fromisoformat(first))
        cls.booking = booked["booking"]["id"]
        cls.manage = booked["manageUrl"].rsplit("/", 1)[1]
        cls.join = booked["joinUrl"].rsplit("/", 1)[1]
        manager = w.client("manager")
        status, _, o = manager.post(w.path("/providers/%s/overrides" % cls.p_pat),
                                    {"date": london_time(10, 0).date().isoformat(), "ranges": []})
        assert status in (200, 201), (status, o)
        cls.override = o["id"]
        status, _, t = manager.post(w.path("/providers/%s/time-off" % cls.p_pat),
                                    {"start": rfc3339(london_time(12, 9)), "end": rfc3339(london_time(12, 11))})
        assert status in (200, 201), (status, t)
        cls.time_off = t["id"]
        # An external calendar of Pat's (issue I); loopback is refused, so it is never fetched.
        status, _, xc = manager.post(w.path("/providers/%s/external-calendars" % cls.p_pat),
                                     {"name": "Pat's other calendar", "url": "http://127.0.0.1:9/pat.ics"})
        assert status == 201, (status, xc)
        cls.calendar = xc["id"]
        status, _, msgs = manager.get(w.path("/bookings/%s/messages" % cls.booking))
        assert status == 200, (status, msgs)
        cls.message = msgs["items"][0]["id"] if msgs["items"] else UNKNOWN
        status, _, deliveries = manager.get(w.path("/webhooks/%s/deliveries" % cls.webhook))
        assert status == 200 and deliveries["items"], (status, deliveries)
        cls.delivery = deliveries["items"][0]["id"]
        # A room booked elsewhere (i-rooms) with one participant.
        room_body = {"start": rfc3339(london_time(1, 9)), "end": rfc3339(london_time(1, 10)), "title": "Outside",
                     "participants": [{"displayName": "Olive", "role": "guest"}]}
        status, _, xr = manager.post(w.path("/rooms"), room_body)
        assert status == 201, (status, xr)
        cls.external_room, cls.participant = xr["id"], xr["participants"][0]["id"]
        owner = w.client("owner")
        status, _, tok = owner.post(w.path("/api-tokens"), {"name": "low", "role": "provider"})
        assert status == 201, (status, tok)
        cls.lower_token, cls.lower_token_id = tok["token"], tok["id"]
        # The rival business (globex): its own provider, service, booking and an owner's token.
        rival = w.client("rival")
        status, _, rp = rival.post(w.path("/providers", biz=w.other), {"name": "Dr Rival", "timeZone": "UTC"})
        assert status == 201, (status, rp)
        cls.r_provider = rp["id"]
        status, _, _ = rival.put(w.path("/providers/%s/weekly-hours" % cls.r_provider, biz=w.other), {
            "weekly": [{"weekday": d, "start": "00:00", "end": "24:00"} for d in range(1, 8)]})
        assert status == 200
        status, _, rs = rival.post(w.path("/services", biz=w.other), {
            "name": "Rival consult", "durationMinutes": 30, "slotIntervalMinutes": 30,
            "providerIds": [cls.r_provider], "roomOpenBeforeMinutes": 1440})
        assert status == 201, (status, rs)
        cls.r_service = rs["id"]
        status, _, rx = rival.post(w.path("/providers/%s/external-calendars" % cls.r_provider, biz=w.other),
                                   {"name": "Rival's calendar", "url": "http://127.0.0.1:9/rival.ics"})
        assert status == 201, (status, rx)
        cls.r_calendar = rx["id"]
        status, _, slots = srv.client().get("/api/v1/public/businesses/globex/slots?" + qs(
            serviceId=cls.r_service, timeZone="UTC", **{
                "from": today.isoformat(), "to": (today + dt.timedelta(days=1)).isoformat()}))
        assert status == 200, (status, slots)
        r_first = [s["start"] for day in slots["days"] for s in day["slots"]][0]
        status, _, rb = srv.client().post("/api/v1/public/businesses/globex/bookings", {
            "serviceId": cls.r_service, "providerId": cls.r_provider, "start": r_first,
            "consumer": {"name": "Rita Rival", "email": "rita@example.test", "timeZone": "UTC"}})
        assert status == 201, (status, rb)
        cls.r_booking = rb["booking"]["id"]
        cls.r_manage = rb["manageUrl"].rsplit("/", 1)[1]
        cls.r_join = rb["joinUrl"].rsplit("/", 1)[1]
        status, _, rt = rival.post(w.path("/api-tokens", biz=w.other), {"name": "rival", "role": "owner"})
        assert status == 201, (status, rt)
        cls.rival_token = rt["token"]
        # An open invitation of each business (issue H).
        status, _, inv = w.client("owner").post(w.path("/staff"), {"email": "invitee@example.test", "role": "provider"})
        assert status == 202, (status, inv)
        cls.invitation = inv["id"]
        status, _, rinv = rival.post(w.path("/staff", biz=w.other), {"email": "invitee@example.test", "role": "provider"})
        assert status == 202, (status, rinv)
        cls.r_invitation = rinv["id"]
        status, _, rxr = rival.post(w.path("/rooms", biz=w.other), room_body)
        assert status == 201, (status, rxr)
        cls.r_external_room, cls.r_participant = rxr["id"], rxr["participants"][0]["id"]
        # A signed-in session that has since ended (the cookie the browser may still send).
        gone = srv.client()
        gone.login(w.emails["manager"], "correct-horse-battery")
        cls.ended_cookies = dict(gone.cookies)
        cls.ended_csrf = gone.csrf
        assert gone.post("/api/v1/auth/logout")[0] in (200, 204)

    # ---- requests ----
    def values(self, foreign=False, unknown=False):
        """Path parameters naming this business's resources (or the rival's, or unknown ids)."""
        if unknown:
            v = dict.fromkeys(["businessId", "providerId", "serviceId", "bookingId", "userId", "tokenId",
                               "overrideId", "timeOffId", "messageId", "roomId", "calendarId", "webhookId",
                               "deliveryId", "invitationId", "externalRoomId", "participantId"], UNKNOWN)
        elif foreign:
            v = {"businessId": self.w.biz, "providerId": self.r_provider, "serviceId": self.r_service,
                 "bookingId": self.r_booking, "userId": self.w.user_ids["rival"], "tokenId": UNKNOWN,
                 "overrideId": UNKNOWN, "timeOffId": UNKNOWN, "messageId": UNKNOWN, "roomId": self.r_booking,
                 "calendarId": self.r_calendar, "webhookId": UNKNOWN, "deliveryId": UNKNOWN,
                 "invitationId": self.r_invitation, "externalRoomId": self.r_external_room,
                 "participantId": self.r_participant}
        else:
            v = {"businessId": self.w.biz, "providerId": self.p_pat, "serviceId": self.service,
                 "bookingId": self.booking, "userId": self.w.user_ids["pat"], "tokenId": self.lower_token_id,
                 "overrideId": self.override, "timeOffId": self.time_off, "messageId": self.message,
                 "roomId": self.booking, "calendarId": self.calendar, "webhookId": self.webhook,
                 "deliveryId": self.delivery, "invitationId": self.invitation, "externalRoomId": self.external_room,
                 "participantId": self.participant}
        v.update({"slug": "acme", "kind": "confirmation", "channel": "email"})
        return v

    @staticmethod
    def fill(pattern, values):
        out = pattern
        if out.startswith("/api/v1/businesses/{businessId}/rooms/"):  # a room booked elsewhere
            out = out.replace("{roomId}", UNKNOWN if values["roomId"] == UNKNOWN else values["externalRoomId"])
        for name, value in values.items():
            out = out.replace("{%s}" % name, value)
        assert "{" not in out, out
        if out.endswith("/slots"):  # the query a slots read needs, so an admitted caller gets 200
            today = dt.date.today()
            out += "?" + qs(timeZone="Europe/London", **{"from": today.isoformat(),
                                                         "to": (today + dt.timedelta(days=2)).isoformat()})
        return out

    def caller(self, name, method):
        """A client acting as `name`; unsafe methods carry the CSRF token a browser would."""
        w = self.w
        c = self.srv.client()
        if name in ("provider", "colleague", "manager", "owner", "no-csrf", "wrong-csrf"):
            key = {"provider": "pat", "colleague": "quinn", "no-csrf": "owner", "wrong-csrf": "owner"}.get(name, name)
            signed = w.client(key)
            c.cookies, c.csrf = dict(signed.cookies), signed.csrf
            if name == "no-csrf":
                c.csrf = None
            elif name == "wrong-csrf":
                c.csrf = "not-the-token"
        elif name == "rival-staff":
            signed = w.client("rival")
            c.cookies, c.csrf = dict(signed.cookies), signed.csrf
        elif name == "rival-token":
            c.bearer = self.rival_token
        elif name == "lower-token":
            c.bearer = self.lower_token
        elif name == "this-manage-link":
            c.bearer = self.manage
        elif name == "other-manage-link":
            c.bearer = self.r_manage
        elif name == "ended-session":
            c.cookies, c.csrf = dict(self.ended_cookies), self.ended_csrf
        return c

    def send(self, client, method, path):
        # Unsafe requests carry a body no handler accepts (a JSON array, not an object), so an
        # admitted caller is answered 4xx by the decoder and nothing changes; a refused caller
        # must be refused before the body is read.
        if method in ("POST", "PUT", "PATCH"):
            return client.request(method, path, raw="[]", headers={"Content-Type": "application/json"})
        return client.request(method, path)

    # ---- expectations ----
    def expected(self, access, caller, method):
        """'allow', or the status a refusal must have."""
        if access == "session":
            if caller in ("anonymous", "this-manage-link", "other-manage-link", "ended-session"):
                return 401
            if caller in ("no-csrf", "wrong-csrf") and method in UNSAFE:
                return 403
            return "allow"
        if access == "room-host":
            if caller in ("anonymous", "this-manage-link", "other-manage-link", "ended-session"):
                return 401
            if caller in ("no-csrf", "wrong-csrf"):
                return 403
            if caller in ("rival-staff", "rival-token"):
                return 404  # another business's room: answered like a room that does not exist
            if caller in ("colleague", "lower-token"):
                return 403  # staff of the business, but not this booking's host
            return "allow"
        role, _, scope = access.split(":", 1)[1].partition("+")
        if caller in ("anonymous", "this-manage-link", "other-manage-link", "ended-session"):
            return 401
        if caller in ("rival-staff", "rival-token"):
            return 404
        if caller in ("no-csrf", "wrong-csrf"):
            return 403 if method in UNSAFE else "allow"
        held = {"owner": "owner", "manager": "manager", "provider": "provider", "colleague": "provider",
                "lower-token": "provider"}[caller]
        if ROLE_RANK[held] < ROLE_RANK[role]:
            return 403
        if scope == "own" and caller in ("colleague", "lower-token"):
            return 403
        return "allow"

    # ---- the tests ----
    def test_every_route_is_classified(self):
        routes = route_table()
        self.assertGreater(len(routes), 40)
        missing = [r for r in routes if r not in ACCESS]
        self.assertEqual(missing, [], "routes without an authorization class: add them to ACCESS")
        stale = [r for r in ACCESS if r not in routes]
        self.assertEqual(stale, [], "ACCESS names routes the server no longer has")

    def test_credential_routes_by_every_caller(self):
        tried = 0
        safe_first = sorted(route_table(), key=lambda r: r[0] in UNSAFE)
        for method, pattern in safe_first:
            access = ACCESS.get((method, pattern), "")
            if not (access.startswith("staff:") or access in ("session", "room-host")):
                continue
            if pattern == "/api/v1/auth/logout":
                continue  # an admitted logout ends the session the other callers share: below
            path = self.fill(pattern, self.values())
            for caller in CALLERS:
                want = self.expected(access, caller, method)
                if want == "allow" and method == "DELETE":
                    continue  # admitted deletes are the resource tests' business (they destroy the world)
                with self.subTest(route="%s %s" % (method, pattern), caller=caller):
                    answer = self.send(self.caller(caller, method), method, path)
                    tried += 1
                    status, _, body = answer
                    if want == "allow" and status == 200 and pattern.endswith("/links"):
                        # An admitted reissue replaced the booking's links: later callers use the new ones.
                        self.__class__.manage = body["manageUrl"].rsplit("/", 1)[1]
                        self.__class__.join = body["joinUrl"].rsplit("/", 1)[1]
                    if want == "allow":
                        self.assertNotIn(status, (401, 403, 404), body)
                        self.assertLess(status, 500, body)
                        if method not in UNSAFE:
                            self.assertEqual(status, 200, body)
                    else:
                        self.assertEqual(status, want, body)
                        text = str(body)
                        for secret in ("Casey Consumer", "consumer@example.test", self.manage, self.join):
                            self.assertNotIn(secret, text)
        self.assertGreater(tried, 500)
        self.__class__.tried = tried
        # Every refused unsafe request left the booking, providers, service, staff and tokens be.
        owner = self.w.client("owner")
        status, _, b = owner.get(self.w.path("/bookings/%s" % self.booking))
        self.assertEqual((status, b.get("status")), (200, "confirmed"), b)
        for suffix in ("/providers/%s" % self.p_pat, "/providers/%s" % self.p_quinn, "/services/%s" % self.service):
            self.assertEqual(owner.get(self.w.path(suffix))[0], 200, suffix)
        status, _, tokens = owner.get(self.w.path("/api-tokens"))
        self.assertIn(self.lower_token_id, [t["id"] for t in tokens["items"]])
        status, _, staff = owner.get(self.w.path("/staff"))
        self.assertIn(self.w.user_ids["pat"], [m["user"]["id"] for m in staff["items"]])

    def test_logout_needs_a_session(self):
        for caller in ("anonymous", "this-manage-link", "ended-session"):
            with self.subTest(caller=caller):
                self.assertEqual(self.send(self.caller(caller, "POST"), "POST", "/api/v1/auth/logout")[0], 401)
        c = self.srv.client()
        c.login(self.w.emails["pat"], "correct-horse-battery")
        c.csrf = "not-the-token"
        self.assertEqual(c.post("/api/v1/auth/logout")[0], 403)

    def test_unknown_and_foreign_ids_answer_alike(self):
        compared = 0
        for method, pattern in route_table():
            access = ACCESS.get((method, pattern), "")
            if not (access.startswith("staff:") or access == "room-host"):
                continue
            names = [n for n in ("providerId", "serviceId", "bookingId", "userId", "roomId") if "{%s}" % n in pattern]
            if not names:
                continue
            foreign = self.fill(pattern, self.values(foreign=True))
            unknown = self.fill(pattern, {**self.values(), **{n: UNKNOWN for n in names}})
            with self.subTest(route="%s %s" % (method, pattern)):
                owner = self.caller("owner", method)
                a, b = self.send(owner, method, foreign), self.send(owner, method, unknown)
                self.assertEqual(problem_key(a), problem_key(b), "a foreign id answers unlike an unknown one")
                self.assertIn(a[0], (404, 400, 403), a)
                compared += 1
        # Another business's id in the business position: as if it did not exist.
        for method, pattern in route_table():
            if not ACCESS.get((method, pattern), "").startswith("staff:"):
                continue
            with self.subTest(route="%s %s" % (method, pattern), position="businessId"):
                rival = self.caller("rival-staff", method)
                a = self.send(rival, method, self.fill(pattern, self.values()))
                b = self.send(rival, method, self.fill(pattern, {**self.values(), "businessId": UNKNOWN}))
                self.assertEqual(problem_key(a), problem_key(b))
                self.assertEqual(a[0], 404)
                compared += 1
        self.assertGreater(compared, 60)
        self.__class__.compared = compared

    def test_a_session_past_its_lifetime_is_refused_everywhere(self):
        # A copy of the database (`visitd backup`, so the skewed server's own work cannot touch
        # this world) served by a clock 13 hours ahead: the owner's 12-hour session expired.
        # On PostgreSQL a second instance simply serves the same database (requests with an
        # expired session write nothing).
        if POSTGRES_URL:
            copy = self.srv.database
        else:
            copy = os.path.join(os.path.dirname(self.srv.database), "later.db")
            self.srv.run_cli("backup", copy)
        later = Server(env={"VISITD_CLOCK_SKEW_SECONDS": str(13 * 3600)}, database=copy).start()
        try:
            for method, pattern in route_table():
                access = ACCESS.get((method, pattern), "")
                if not (access.startswith("staff:") or access in ("session", "room-host")):
                    continue
                with self.subTest(route="%s %s" % (method, pattern)):
                    c = later.client()
                    signed = self.w.client("owner")
                    c.cookies, c.csrf = dict(signed.cookies), signed.csrf
                    status, _, body = self.send(c, method, self.fill(pattern, self.values()))
                    self.assertEqual(status, 401, body)
        finally:
            later.cleanup()

    def test_capability_links_refuse_every_other_token_alike(self):
        forged = self.srv.sign_capability("manage", self.booking, 1, 4102444800)[:-4] + "AAAA"
        for method, pattern in route_table():
            access = ACCESS.get((method, pattern), "")
            if access not in ("manage", "join"):
                continue
            own = self.manage if access == "manage" else self.join
            wrong_kind = self.join if access == "manage" else self.manage
            with self.subTest(route="%s %s" % (method, pattern)):
                c = self.srv.client()
                refusals = [self.send(c, method, self.fill(pattern, {"token": t}))
                            for t in (wrong_kind, forged, "not-a-token", UNKNOWN)]
                self.assertEqual({problem_key(r) for r in refusals}, {problem_key(refusals[0])}, refusals)
                self.assertEqual(refusals[0][0], 404, refusals[0])
                if method not in UNSAFE:
                    status, _, body = self.send(c, method, self.fill(pattern, {"token": own}))
                    self.assertEqual(status, 200, body)

    def test_room_history_needs_a_token_for_that_room(self):
        host = self.caller("provider", "POST")
        status, _, joined = host.post("/api/v1/rooms/%s/join" % self.booking)
        self.assertEqual(status, 200, joined)
        status, _, other = self.caller("rival-staff", "POST").post("/api/v1/rooms/%s/join" % self.r_booking)
        self.assertEqual(status, 200, other)
        c = self.srv.client()
        path = "/api/v1/rooms/%s/messages" % self.booking
        self.assertEqual(c.get(path)[0], 401)
        for bearer in (self.manage, self.join, self.lower_token, "x.y"):
            self.assertEqual(c.get(path, headers={"Authorization": "Bearer " + bearer})[0], 401)
        foreign = c.get(path, headers={"Authorization": "Bearer " + other["roomToken"]})
        unknown = c.get("/api/v1/rooms/%s/messages" % UNKNOWN,
                        headers={"Authorization": "Bearer " + other["roomToken"]})
        self.assertEqual(problem_key(foreign), problem_key(unknown))
        self.assertEqual(foreign[0], 403, foreign)
        self.assertEqual(c.get(path, headers={"Authorization": "Bearer " + joined["roomToken"]})[0], 200)


if __name__ == "__main__":
    unittest.main()
