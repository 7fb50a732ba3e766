"""Issue K, the provider's workspace and the manager's console over the API: private notes on a
booking (staff only, audited without their text, never in a consumer's answer), the audit log
with names and filters, and the video defaults (STUN without a relay, the relay warning)."""
import datetime as dt
import json
import unittest
import urllib.parse

from harness import Server
from rooms_support import RoomShop
from test_staff_common import StaffTestCase, london_time, rfc3339, start_world

srv = world = None
pat_provider = robin = service = None
DAY = 11
SECRET_NOTE = "Prefers morning calls; knee pain since March."


def setUpModule():
    global srv, world, pat_provider, robin, service
    srv, world = start_world()
    pat_provider = world.create_provider("Pat Provider", user_key="pat")
    robin = world.create_provider("Robin Fields")
    service = world.create_service("Physio check", [pat_provider["id"], robin["id"]])


def tearDownModule():
    srv.cleanup()


def book(provider, hour, email="casey@example.test"):
    return world.book(service["id"], provider["id"], london_time(DAY, hour), email)


def raw_get(client, path):
    """(status, the whole answer as text): what must not appear, must not appear anywhere in it."""
    status, _, body = client.get(path)
    return status, None, body if isinstance(body, str) else json.dumps(body)


def note_path(booking_id):
    return world.path("/bookings/%s/note" % booking_id)


class BookingNotesTest(StaffTestCase):
    def test_provider_writes_and_reads_a_note_that_consumers_never_see(self):
        answer = book(pat_provider, 9)
        booking = answer["booking"]
        pat = world.client("pat")
        empty = self.assertOk(pat.get(note_path(booking["id"])))
        self.assertEqual({"text": "", "updatedAt": None}, empty)
        saved = self.assertOk(pat.put(note_path(booking["id"]), {"text": SECRET_NOTE}))
        self.assertEqual(SECRET_NOTE, saved["text"])
        self.assertTrue(saved["updatedAt"])
        self.assertEqual(SECRET_NOTE, self.assertOk(world.client("manager").get(note_path(booking["id"])))["text"])
        # The consumer's own answers (manage page, join preview) never carry it.
        manage = urllib.parse.urlparse(answer["manageUrl"]).path.rsplit("/", 1)[1]
        status, _, raw = raw_get(srv.client(), "/api/v1/manage/" + manage)
        self.assertEqual(200, status)
        self.assertNotIn("morning calls", raw)
        join = urllib.parse.urlparse(answer["joinUrl"]).path.rsplit("/", 1)[1]
        status, _, raw = raw_get(srv.client(), "/api/v1/join/" + join)
        self.assertNotIn("morning calls", raw)
        # Nor does the staff booking detail (the note has its own staff-only address).
        status, _, raw = raw_get(world.client("manager"), world.path("/bookings/%s" % booking["id"]))
        self.assertNotIn("morning calls", raw)

    def test_each_save_is_audited_without_the_text(self):
        booking = book(pat_provider, 10)["booking"]
        self.assertOk(world.client("pat").put(note_path(booking["id"]), {"text": SECRET_NOTE}))
        entry = self.assertAudited(world, "booking.note", "user:" + world.user_ids["pat"], "booking:" + booking["id"])
        self.assertNotIn("morning", entry["detail"])

    def test_another_provider_may_not_read_or_write_it(self):
        booking = book(robin, 11)["booking"]
        pat = world.client("pat")
        self.assertProblem(pat.get(note_path(booking["id"])), 403)
        self.assertProblem(pat.put(note_path(booking["id"]), {"text": "x"}), 403)
        self.assertProblem(world.client("rival").get(world.path("/bookings/%s/note" % booking["id"],
                                                                biz=world.other)), 404)
        self.assertProblem(world.client("manager").get(note_path("bk_missing")), 404)

    def test_bad_bodies_name_the_field(self):
        booking = book(pat_provider, 12)["booking"]
        pat = world.client("pat")
        self.assertProblem(pat.put(note_path(booking["id"]), {}), 400, field="text")
        self.assertProblem(pat.put(note_path(booking["id"]), {"text": 5}), 400, field="text")
        self.assertProblem(pat.put(note_path(booking["id"]), {"text": "x" * 10001}), 400, field="text")
        # Nothing half-written: the note is still empty.
        self.assertEqual("", self.assertOk(pat.get(note_path(booking["id"])))["text"])


class AuditNamesTest(StaffTestCase):
    def test_entries_carry_the_names_of_actor_and_target(self):
        c = world.client("manager")
        created = self.assertOk(c.post(world.path("/providers"), {"name": "Named Nora", "timeZone": "Europe/London"}),
                                201)
        newest = self.assertOk(c.get(world.path("/audit?limit=1")))["items"][0]
        self.assertEqual("provider.create", newest["action"])
        self.assertEqual("Manager", newest["actorName"])
        self.assertEqual("Named Nora", newest["targetName"])
        # A rename shows the current name on older entries too.
        self.assertOk(c.patch(world.path("/providers/%s" % created["id"]), {"name": "Nora Named"}))
        entries = self.assertOk(c.get(world.path("/audit?limit=5")))["items"]
        self.assertEqual({"Nora Named"}, {e["targetName"] for e in entries if e["target"] == "provider:" + created["id"]})

    def test_a_booking_is_named_by_its_client_and_a_consumer_has_no_name(self):
        booking = book(robin, 13, email="named@example.test")["booking"]
        entry = self.assertAudited(world, "booking.create", "consumer", "booking:" + booking["id"])
        self.assertEqual("Casey Consumer", entry["targetName"])
        self.assertIsNone(entry["actorName"])

    def test_filters_by_actor_action_family_and_period(self):
        c = world.client("manager")
        self.assertOk(c.post(world.path("/providers"), {"name": "Filter Fay", "timeZone": "Europe/London"}), 201)
        book(robin, 14)
        actor = "user:" + world.user_ids["manager"]
        mine = self.assertOk(c.get(world.path("/audit?limit=200&actor=" + urllib.parse.quote(actor))))
        self.assertTrue(mine["items"])
        self.assertEqual({actor}, {e["actor"] for e in mine["items"]})
        self.assertEqual(len(mine["items"]), mine["total"])
        family = self.assertOk(c.get(world.path("/audit?limit=200&action=booking")))["items"]
        self.assertTrue(family)
        self.assertTrue(all(e["action"].startswith("booking.") for e in family))
        exact = self.assertOk(c.get(world.path("/audit?limit=200&action=provider.create")))["items"]
        self.assertEqual({"provider.create"}, {e["action"] for e in exact})
        # Everything so far happened before a minute from now, nothing after it.
        later = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=1)).isoformat()
        past = self.assertOk(c.get(world.path("/audit?limit=1&to=" + urllib.parse.quote(later))))
        future = self.assertOk(c.get(world.path("/audit?from=" + urllib.parse.quote(later))))
        self.assertGreater(past["total"], 1)
        self.assertEqual(1, len(past["items"]))
        self.assertEqual((0, []), (future["total"], future["items"]))

    def test_bad_filters_name_the_parameter(self):
        c = world.client("manager")
        now = dt.datetime.now(dt.timezone.utc)
        for query, field in (("from=yesterday", "from"), ("to=2026-01-01T00:00:00", "to"), ("actor=", "actor"),
                             ("action=" + "x" * 101, "action"),
                             ("from=%s&to=%s" % (urllib.parse.quote(now.isoformat()),
                                                 urllib.parse.quote((now - dt.timedelta(hours=1)).isoformat())),
                              "to")):
            with self.subTest(query=query):
                self.assertProblem(c.get(world.path("/audit?" + query)), 400, field=field)


class VideoDefaultsTest(unittest.TestCase):
    def test_without_a_relay_the_join_carries_the_default_stun_server_and_staff_are_warned(self):
        s = Server().start()
        try:
            shop = RoomShop(s, "nostun")
            _, join = shop.book_room()
            status, _, body = shop.guest_join(join)
            self.assertEqual(200, status, body)
            self.assertEqual([{"urls": ["stun:stun.l.google.com:19302"]}], body["iceServers"])
            status, _, video = shop.provider.get(shop.staff_path("/video"))
            self.assertEqual(200, status, video)
            self.assertEqual({"roomsEnabled": True, "relayConfigured": False,
                              "stunUrls": ["stun:stun.l.google.com:19302"]}, video)
        finally:
            s.cleanup()

    def test_configured_stun_replaces_the_default_and_a_relay_clears_the_warning(self):
        s = Server(env={"VISITD_STUN_URLS": "stun:stun.clinic.test:3478",
                        "VISITD_TURN_SECRET": "turn-secret-0123456789",
                        "VISITD_TURN_URLS": "turn:127.0.0.1:3478?transport=udp"}).start()
        try:
            shop = RoomShop(s, "withturn")
            room, _ = shop.book_room()
            status, _, body = shop.host_join(room)  # a guest in the lobby gets no relay yet
            self.assertEqual(200, status, body)
            # A relay answers STUN itself: only the configured TURN entry is handed out.
            self.assertEqual([["turn:127.0.0.1:3478?transport=udp"]], [e["urls"] for e in body["iceServers"]])
            status, _, video = shop.provider.get(shop.staff_path("/video"))
            self.assertEqual((True, []), (video["relayConfigured"], video["stunUrls"]))
        finally:
            s.cleanup()

    def test_configured_stun_is_used_without_a_relay(self):
        s = Server(env={"VISITD_STUN_URLS": "stun:stun.clinic.test:3478"}).start()
        try:
            shop = RoomShop(s, "ownstun")
            _, join = shop.book_room()
            status, _, body = shop.guest_join(join)
            self.assertEqual([{"urls": ["stun:stun.clinic.test:3478"]}], body["iceServers"])
        finally:
            s.cleanup()

    def test_a_bad_stun_url_stops_the_start_with_the_setting_named(self):
        s = Server(env={"VISITD_STUN_URLS": "turn:127.0.0.1:3478"})
        with self.assertRaises(RuntimeError) as e:
            s.start()
        self.assertIn("VISITD_STUN_URLS", str(e.exception))
        s.cleanup()


if __name__ == "__main__":
    unittest.main()
