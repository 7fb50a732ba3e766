"""Shared set-up for the public, manage, auth, ops and race tests: a business built the way
a manager would (admin CLI for the business and owner, then the staff API), and small
helpers for slots and bookings. Python standard library only."""
import datetime
import json
import urllib.parse
import zoneinfo

from harness import qs

PASSWORD = "correct horse battery staple"
ALL_WEEK = [{"weekday": d, "start": "09:00", "end": "17:00"} for d in range(1, 8)]


def local_date(zone, days_ahead):
    """The local date `days_ahead` days from today in `zone`, as YYYY-MM-DD."""
    today = datetime.datetime.now(zoneinfo.ZoneInfo(zone)).date()
    return (today + datetime.timedelta(days=days_ahead)).isoformat()


def parse_time(text):
    """RFC 3339 text -> aware datetime (Python 3.11 accepts the offset and Z forms)."""
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def utc(text):
    return parse_time(text).astimezone(datetime.timezone.utc)


def fields_of(problem):
    return {e["field"] for e in problem.get("errors", [])}


def token_of(url):
    return url.rsplit("/", 1)[1]


class Shop:
    """A business with an owner session, providers working 09:00-17:00 every day and one
    30-minute service with a required question."""

    def __init__(self, srv, slug, zone="Europe/London", providers=(("Dr Ada", "Europe/London"),),
                 weekly=None, service=None):
        self.srv = srv
        self.slug = slug
        self.zone = zone
        self.business_id = srv.admin("create-business", "--slug", slug, "--name", slug.title(), "--zone", zone)["id"]
        self.owner_email = "owner@%s.test" % slug
        srv.admin("create-user", "--email", self.owner_email, "--name", "Owner " + slug, "--password", PASSWORD,
                  "--business", slug, "--role", "owner")
        self.staff = srv.client()
        self.staff.login(self.owner_email, PASSWORD)
        self.provider_ids = []
        for name, pzone in providers:
            status, _, body = self.staff.post(self.staff_path("/providers"), {"name": name, "timeZone": pzone})
            assert status == 201, (status, body)
            self.provider_ids.append(body["id"])
            status, _, body = self.staff.put(self.staff_path("/providers/%s/weekly-hours" % body["id"]),
                                             {"weekly": weekly or ALL_WEEK})
            assert status == 200, (status, body)
        spec = {"name": "Consultation", "durationMinutes": 30, "slotIntervalMinutes": 30,
                "bufferBeforeMinutes": 0, "bufferAfterMinutes": 0, "providerIds": self.provider_ids,
                "questions": [{"key": "reason", "label": "Reason for the visit", "kind": "shortText",
                               "required": True}]}
        spec.update(service or {})
        status, _, body = self.staff.post(self.staff_path("/services"), spec)
        assert status == 201, (status, body)
        self.service_id = body["id"]

    # ---- paths ----
    def staff_path(self, suffix=""):
        return "/api/v1/businesses/%s%s" % (self.business_id, suffix)

    def public_path(self, suffix=""):
        return "/api/v1/public/businesses/%s%s" % (self.slug, suffix)

    # ---- slots ----
    def slots(self, client, date_from, date_to=None, zone=None, provider_id=None, service_id=None):
        status, _, body = client.get(self.public_path("/slots?" + qs(
            serviceId=service_id or self.service_id, providerId=provider_id, **{"from": date_from},
            to=date_to or date_from, timeZone=zone or self.zone)))
        assert status == 200, (status, body)
        return [s for day in body["days"] for s in day["slots"]]

    def free_starts(self, client, days_ahead=3, provider_id=None, zone=None):
        d = local_date(zone or self.zone, days_ahead)
        return [s["start"] for s in self.slots(client, d, d, zone=zone, provider_id=provider_id)]

    # ---- bookings ----
    def booking_body(self, start, provider_id=None, email="ann@example.com", zone="Europe/London",
                     answers=None, name="Ann Example"):
        body = {"serviceId": self.service_id, "start": start,
                "consumer": {"name": name, "email": email, "timeZone": zone},
                "answers": answers if answers is not None else {"reason": "check-up"}}
        if provider_id:
            body["providerId"] = provider_id
        return body

    def book(self, client, start, headers=None, **kw):
        return client.post(self.public_path("/bookings"), self.booking_body(start, **kw), headers=headers)

    def staff_bookings(self, status=None):
        items, offset = [], 0
        while True:
            code, _, body = self.staff.get(self.staff_path("/bookings?" + qs(status=status, limit=200,
                                                                               offset=offset)))
            assert code == 200, (code, body)
            items += body["items"]
            offset += len(body["items"])
            if offset >= body["total"] or not body["items"]:
                return items

    def set_rules(self, **rules):
        status, _, body = self.staff.patch(self.staff_path(""), {"rules": rules})
        assert status == 200, (status, body)
        return body
