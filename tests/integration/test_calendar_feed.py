"""Calendar feeds (issue I): a provider's and a business's appointments as a secret, revocable
iCalendar subscription, read back with libical and with Mozilla's ical.js and matched against
the bookings; UIDs equal to the mailed invites'; SEQUENCE and STATUS follow reschedules and
cancels; ETag / If-None-Match; a consumer's data reaches only the feeds it belongs to."""
import unittest

from harness import Server
from api_fixtures import Shop, token_of, utc
from calendar_parsers import icaljs_calendar, libical_events


class CalendarFeedTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server().start()
        cls.c = cls.srv.client()
        cls.shop = Shop(cls.srv, "feedclinic", providers=(("Dr Ada", "Europe/London"), ("Dr Bob", "Europe/London")))
        cls.ada, cls.bob = cls.shop.provider_ids
        cls.other = Shop(cls.srv, "otherclinic")

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def book(self, shop, provider_id, start, name):
        status, _, body = shop.book(self.c, start, provider_id=provider_id, name=name)
        self.assertEqual(status, 201, body)
        return dict(body["booking"], manageUrl=body["manageUrl"])

    def issue(self, suffix):
        status, _, body = self.shop.staff.post(self.shop.staff_path(suffix))
        self.assertEqual(status, 201, body)
        self.assertTrue(body["active"])
        self.assertTrue(body["webcalUrl"].startswith("webcal://"))
        return "/" + body["url"].split("://", 1)[1].split("/", 1)[1]

    def fetch(self, path, headers=None):
        return self.c.get(path, headers=headers)

    def test_feed_holds_the_providers_bookings_with_invite_identity(self):
        ada_starts = self.shop.free_starts(self.c, days_ahead=5, provider_id=self.ada)
        kept = self.book(self.shop, self.ada, ada_starts[0], "Kim Kept")
        moved = self.book(self.shop, self.ada, ada_starts[2], "Mo Moved")
        gone = self.book(self.shop, self.ada, ada_starts[4], "Cy Cancelled")
        bob_booking = self.book(self.shop, self.bob, self.shop.free_starts(self.c, 5, provider_id=self.bob)[1],
                                "Bea OtherProvider")
        foreign = self.book(self.other, None, self.other.free_starts(self.c, 5)[0], "Fay Foreign")

        new_start = ada_starts[6]
        status, _, body = self.shop.staff.post(self.shop.staff_path("/bookings/%s/reschedule" % moved["id"]),
                                               {"start": new_start})
        self.assertEqual(status, 200, body)
        status, _, body = self.shop.staff.post(self.shop.staff_path("/bookings/%s/cancel" % gone["id"]),
                                               {"reason": "ill"})
        self.assertEqual(status, 200, body)

        path = self.issue("/providers/%s/calendar-feed" % self.ada)
        status, headers, text = self.fetch(path)
        self.assertEqual(status, 200, text)
        self.assertEqual(headers["content-type"], "text/calendar; charset=utf-8")
        self.assertEqual(headers["cache-control"], "private, max-age=300")

        # The UID of the consumer's downloadable invite (the mailed invite's calendar object).
        status, _, invite = self.c.get("/api/v1/manage/%s/calendar.ics" % token_of(kept["manageUrl"]))
        self.assertEqual(status, 200)
        invite_uid = [l for l in invite.splitlines() if l.startswith("UID:")][0][4:]

        want = {
            kept["id"]: (utc(kept["start"]), 0, "CONFIRMED"),
            moved["id"]: (utc(new_start), 1, "CONFIRMED"),
            gone["id"]: (utc(gone["start"]), 1, "CANCELLED"),
        }
        libical = libical_events(text)
        js = icaljs_calendar(text)
        self.assertEqual(js["name"], "Feedclinic: Dr Ada")
        for parsed in (libical, js["events"]):
            by_booking = {e["uid"].split("@", 1)[0]: e for e in parsed}
            self.assertEqual(set(by_booking), set(want), parsed)  # nobody else's appointments
            for booking_id, (start, sequence, status_text) in want.items():
                e = by_booking[booking_id]
                self.assertEqual(e["start"], int(start.timestamp()))
                self.assertEqual(e["end"] - e["start"], 30 * 60)
                self.assertEqual(e["sequence"], sequence)
                self.assertEqual(e["status"], status_text)
                self.assertEqual(e["transp"], "TRANSPARENT" if status_text == "CANCELLED" else "OPAQUE")
                if status_text == "CONFIRMED":
                    self.assertTrue(e["url"].endswith("/staff/rooms/" + booking_id), e)
                else:
                    self.assertEqual(e["url"], "")
            self.assertEqual(by_booking[kept["id"]]["uid"], invite_uid)
            self.assertIn("Kim Kept", by_booking[kept["id"]]["summary"])
        self.assertNotIn("Bea OtherProvider", text)
        self.assertNotIn("Fay Foreign", text)
        self.assertNotIn(bob_booking["id"], text)
        self.assertNotIn(foreign["id"], text)

        # The business feed holds every provider's, never another business's.
        business_path = self.issue("/calendar-feed")
        status, _, business_text = self.fetch(business_path)
        self.assertEqual(status, 200)
        uids = {e["uid"].split("@", 1)[0] for e in icaljs_calendar(business_text)["events"]}
        self.assertTrue(set(want) | {bob_booking["id"]} <= uids)
        self.assertEqual(uids, {b["id"] for b in self.shop.staff_bookings()})  # every one of the business's
        self.assertEqual({e["uid"].split("@", 1)[0] for e in libical_events(business_text)}, uids)

    def test_etag_gives_304_until_something_changes(self):
        start = self.shop.free_starts(self.c, days_ahead=8, provider_id=self.bob)[0]
        booking = self.book(self.shop, self.bob, start, "Eve Etag")
        path = self.issue("/providers/%s/calendar-feed" % self.bob)
        status, headers, text = self.fetch(path)
        self.assertEqual(status, 200)
        etag = headers["etag"]
        status, again, body = self.fetch(path, {"If-None-Match": etag})
        self.assertEqual(status, 304)
        self.assertEqual(body, "")
        self.assertEqual(again["etag"], etag)
        self.assertEqual(self.fetch(path, {"If-None-Match": 'W/%s, "other"' % etag})[0], 304)
        self.assertEqual(self.fetch(path, {"If-None-Match": '"something-else"'})[0], 200)

        status, _, _ = self.shop.staff.post(self.shop.staff_path("/bookings/%s/cancel" % booking["id"]), {})
        self.assertEqual(status, 200)
        status, changed, text2 = self.fetch(path, {"If-None-Match": etag})
        self.assertEqual(status, 200)
        self.assertNotEqual(changed["etag"], etag)
        cancelled = [e for e in libical_events(text2) if e["uid"].startswith(booking["id"] + "@")]
        self.assertEqual([e["status"] for e in cancelled], ["CANCELLED"])

    def test_rotated_and_revoked_urls_answer_like_unknown_ones(self):
        suffix = "/providers/%s/calendar-feed" % self.ada
        status, _, state = self.shop.staff.get(self.shop.staff_path(suffix))
        first = self.issue(suffix)
        self.assertEqual(self.fetch(first)[0], 200)
        second = self.issue(suffix)  # rotation
        self.assertNotEqual(first, second)
        unknown = self.fetch("/api/v1/feeds/vcf_not-a-token/calendar.ics")
        rotated = self.fetch(first)
        self.assertEqual(rotated[0], 404)
        self.assertEqual(unknown[0], 404)
        self.assertEqual(rotated[2], unknown[2])
        self.assertEqual(self.fetch(second)[0], 200)
        status, _, state = self.shop.staff.get(self.shop.staff_path(suffix))
        self.assertEqual(status, 200)
        self.assertTrue(state["active"])
        self.assertNotIn("url", state)

        self.assertEqual(self.shop.staff.delete(self.shop.staff_path(suffix))[0], 204)
        revoked = self.fetch(second)
        self.assertEqual(revoked[0], 404)
        self.assertEqual(revoked[2], unknown[2])
        self.assertEqual(self.shop.staff.get(self.shop.staff_path(suffix))[2], {"active": False, "createdAt": None})
        self.assertEqual(self.shop.staff.delete(self.shop.staff_path(suffix))[0], 404)

    def test_a_provider_manages_only_their_own_feed(self):
        user = self.srv.admin("create-user", "--email", "ada@feedclinic.test", "--name", "Ada", "--password",
                              "correct horse battery staple", "--business", "feedclinic", "--role", "provider")
        status, _, body = self.shop.staff.patch(self.shop.staff_path("/providers/%s" % self.ada), {"userId": user["id"]})
        self.assertEqual(status, 200, body)
        ada = self.srv.client()
        ada.login("ada@feedclinic.test", "correct horse battery staple")
        self.assertEqual(ada.post(self.shop.staff_path("/providers/%s/calendar-feed" % self.ada))[0], 201)
        self.assertEqual(ada.post(self.shop.staff_path("/providers/%s/calendar-feed" % self.bob))[0], 403)
        self.assertEqual(ada.post(self.shop.staff_path("/calendar-feed"))[0], 403)


if __name__ == "__main__":
    unittest.main()
