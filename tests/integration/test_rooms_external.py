"""Rooms for appointments booked elsewhere (issue I): an outside system creates a room with a
business API token, retries the creation safely, and its participants meet through the same join
page, lobby, chat and end as a booking's room, over real WebSocket connections to `visitd serve`."""
import datetime as dt
import unittest

from api_fixtures import token_of
from harness import Server
from rooms_support import Live, RoomShop, run


def at(minutes_from_now):
    t = dt.datetime.now(dt.timezone.utc).replace(microsecond=0) + dt.timedelta(minutes=minutes_from_now)
    return t.isoformat().replace("+00:00", "Z")


class ExternalRooms(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server().start()
        cls.shop = RoomShop(cls.srv, "outside")
        cls.other = RoomShop(cls.srv, "elsewhere")
        cls.api = cls.token_client(cls.shop, "manager")

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    @classmethod
    def token_client(cls, shop, role):
        status, _, tok = shop.staff.post(shop.staff_path("/api-tokens"), {"name": "crm " + role, "role": role})
        assert status == 201, (status, tok)
        c = cls.srv.client()
        c.bearer = tok["token"]
        return c

    def room_body(self, **changes):
        body = {"start": at(-5), "end": at(60), "title": "Physio follow-up",
                "participants": [{"displayName": "Harper Host", "role": "host", "externalId": "crm-host-1"},
                                 {"displayName": "Gale Guest", "role": "guest", "email": "gale@example.test"}]}
        body.update(changes)
        return body

    def create(self, **changes):
        status, headers, room = self.api.post(self.shop.staff_path("/rooms"), self.room_body(**changes))
        self.assertEqual(status, 201, room)
        return room

    @staticmethod
    def link(room, name):
        return token_of([p for p in room["participants"] if p["displayName"] == name][0]["joinUrl"])

    def join(self, token):
        return self.srv.client().post("/api/v1/join/" + token)

    def test_created_with_an_api_token_answers_each_participant_a_join_link(self):
        room = self.create()
        self.assertEqual(room["title"], "Physio follow-up")
        self.assertEqual(room["status"], "scheduled")
        self.assertTrue(room["lobby"])
        self.assertEqual([p["role"] for p in room["participants"]], ["host", "guest"])
        self.assertEqual(room["participants"][0]["externalId"], "crm-host-1")
        status, _, again = self.api.get(self.shop.staff_path("/rooms/%s" % room["id"]))
        self.assertEqual(status, 200, again)
        self.assertEqual(again["participants"], room["participants"])
        status, _, preview = self.srv.client().get("/api/v1/join/" + self.link(room, "Gale Guest"))
        self.assertEqual(status, 200, preview)
        self.assertEqual(preview["roomId"], room["id"])
        self.assertEqual(preview["status"], "open")
        self.assertEqual(preview["booking"]["service"]["name"], "Physio follow-up")
        self.assertEqual(preview["business"]["slug"], "outside")
        status, _, page = self.api.get(self.shop.staff_path("/rooms?limit=100"))
        self.assertEqual(status, 200, page)
        self.assertIn(room["id"], [r["id"] for r in page["items"]])

    def test_a_retry_with_the_same_key_and_body_is_the_first_answer_and_another_body_is_422(self):
        body = self.room_body(title="Retried")
        key = {"Idempotency-Key": "crm-appointment-4711"}
        first = self.api.post(self.shop.staff_path("/rooms"), body, headers=key)
        self.assertEqual(first[0], 201, first[2])
        again = self.api.post(self.shop.staff_path("/rooms"), body, headers=key)
        self.assertEqual(again[0], 201, again[2])
        self.assertEqual(again[2]["id"], first[2]["id"])
        self.assertEqual(again[2]["participants"], first[2]["participants"])
        status, _, problem = self.api.post(self.shop.staff_path("/rooms"), dict(body, title="Other"), headers=key)
        self.assertEqual(status, 422, problem)
        self.assertTrue(problem["type"].endswith("/idempotency-key-reused"), problem)
        self.assertIn("Idempotency-Key", [e["field"] for e in problem["errors"]])

    def test_participants_meet_through_the_lobby_chat_and_the_end_closes_the_room_and_its_links(self):
        room = self.create()
        host_link, guest_link = self.link(room, "Harper Host"), self.link(room, "Gale Guest")
        status, _, host_join = self.join(host_link)
        self.assertEqual(status, 200, host_join)
        self.assertEqual(host_join["participant"]["role"], "host")
        self.assertEqual(host_join["participant"]["name"], "Harper Host")
        status, _, guest_join = self.join(guest_link)
        self.assertEqual(status, 200, guest_join)
        self.assertTrue(guest_join["lobby"])

        async def scenario():
            host = await Live(self.srv).connect()
            await host.auth(host_join["roomToken"])
            guest = await Live(self.srv).connect()
            await guest.auth(guest_join["roomToken"])
            waiting = await host.expect("lobby.waiting")
            self.assertEqual(waiting["participant"]["name"], "Gale Guest")
            await host.send({"type": "lobby.admit", "participantId": waiting["participant"]["id"]})
            await guest.expect("lobby.admitted")
            await guest.send({"type": "chat.send", "text": "Hello from outside"})
            got = await host.expect("chat.message", text="Hello from outside")
            self.assertEqual(got["name"], "Gale Guest")
            status, _, ended = self.api.post(self.shop.staff_path("/rooms/%s/end" % room["id"]))
            self.assertEqual(status, 200, ended)
            self.assertEqual(ended["status"], "ended")
            for live in (host, guest):
                code, seen = await live.closed()
                self.assertEqual(code, 4004)
                self.assertIn("room.ended", [m["type"] for m in seen])

        run(scenario())
        for link in (host_link, guest_link):
            status, _, problem = self.srv.client().get("/api/v1/join/" + link)
            self.assertEqual(status, 410, problem)
            self.assertTrue(problem["type"].endswith("/room-ended"), problem)
        status, _, problem = self.api.post(self.shop.staff_path("/rooms/%s/end" % room["id"]))
        self.assertEqual(status, 410, problem)

    def test_a_removed_participant_is_closed_out_and_their_link_answers_410(self):
        room = self.create(lobby=False)
        guest = [p for p in room["participants"] if p["role"] == "guest"][0]
        status, _, guest_join = self.join(self.link(room, "Gale Guest"))
        self.assertEqual(status, 200, guest_join)
        self.assertFalse(guest_join["lobby"])  # no lobby: admitted at once

        async def scenario():
            live = await Live(self.srv).connect()
            await live.auth(guest_join["roomToken"])
            status, _, body = self.api.delete(
                self.shop.staff_path("/rooms/%s/participants/%s" % (room["id"], guest["id"])))
            self.assertEqual(status, 204, body)
            code, seen = await live.closed()
            self.assertEqual(code, 4003)
            self.assertIn("participant.removed", [m["type"] for m in seen])

        run(scenario())
        status, _, problem = self.srv.client().get("/api/v1/join/" + self.link(room, "Gale Guest"))
        self.assertEqual(status, 410, problem)
        self.assertTrue(problem["type"].endswith("/participant-removed"), problem)
        status, _, now = self.api.get(self.shop.staff_path("/rooms/%s" % room["id"]))
        self.assertEqual([p["displayName"] for p in now["participants"]], ["Harper Host"])
        # A participant added later gets a working link of their own.
        status, _, added = self.api.post(self.shop.staff_path("/rooms/%s/participants" % room["id"]),
                                         {"displayName": "Late Larry", "role": "guest", "phone": "+44 20 7946 0958"})
        self.assertEqual(status, 201, added)
        self.assertEqual(added["phone"], "+442079460958")
        self.assertEqual(self.join(token_of(added["joinUrl"]))[0], 200)

    def test_moving_the_window_moves_the_room_and_keeps_the_links(self):
        room = self.create()
        link = self.link(room, "Gale Guest")
        status, _, moved = self.api.patch(self.shop.staff_path("/rooms/%s" % room["id"]),
                                          {"start": at(120), "end": at(180), "title": "Moved"})
        self.assertEqual(status, 200, moved)
        self.assertEqual(moved["title"], "Moved")
        self.assertEqual(moved["participants"], room["participants"])
        status, _, preview = self.srv.client().get("/api/v1/join/" + link)
        self.assertEqual(status, 200, preview)
        self.assertEqual(preview["status"], "early")
        self.assertEqual(preview["opensAt"], moved["start"])
        status, _, problem = self.join(link)
        self.assertEqual(status, 403, problem)
        self.assertTrue(problem["type"].endswith("/room-too-early"), problem)
        status, _, problem = self.api.patch(self.shop.staff_path("/rooms/%s" % room["id"]), {"end": at(100)})
        self.assertEqual(status, 400, problem)
        self.assertEqual([e["field"] for e in problem["errors"]], ["end"])

    def test_a_provider_linked_to_the_room_hosts_it_with_their_own_login(self):
        room = self.create(providerId=self.shop.provider_ids[0])
        status, _, host = self.shop.host_join(room["id"])
        self.assertEqual(status, 200, host)
        self.assertEqual(host["participant"]["role"], "host")
        self.assertEqual(host["participant"]["id"], self.shop.provider_user_id)
        # A provider not named on the room is not its host.
        other = self.create()
        self.assertEqual(self.shop.host_join(other["id"])[0], 403)

    def test_another_business_and_a_lower_token_are_refused(self):
        room = self.create()
        rival = self.token_client(self.other, "owner")
        for method, suffix in (("GET", ""), ("POST", "/end")):
            status, _, problem = rival.request(method, self.other.staff_path("/rooms/%s%s" % (room["id"], suffix)))
            self.assertEqual(status, 404, problem)
        lower = self.token_client(self.shop, "provider")
        status, _, problem = lower.post(self.shop.staff_path("/rooms"), self.room_body())
        self.assertEqual(status, 403, problem)
        self.assertEqual(lower.get(self.shop.staff_path("/rooms/%s" % room["id"]))[0], 403)
        status, _, still = self.api.get(self.shop.staff_path("/rooms/%s" % room["id"]))
        self.assertEqual(still["status"], "scheduled")

    def test_bad_input_is_a_400_naming_each_field(self):
        status, _, problem = self.api.post(self.shop.staff_path("/rooms"), {
            "start": "2031-01-01T10:00:00", "end": at(10), "title": "",
            "participants": [{"displayName": "", "role": "chair"}, {"displayName": "x", "role": "guest",
                                                                   "email": "not-mail", "color": "red"}],
            "extra": 1})
        self.assertEqual(status, 400, problem)
        fields = sorted(e["field"] for e in problem["errors"])
        for f in ("start", "participants[0].role", "participants[1].color", "extra"):
            self.assertIn(f, fields)
        status, _, problem = self.api.post(self.shop.staff_path("/rooms"), self.room_body(
            start=at(60), end=at(10), participants=[{"displayName": "p", "role": "guest"}] * 21))
        self.assertEqual(status, 400, problem)
        self.assertIn("participants", [e["field"] for e in problem["errors"]])
        status, _, problem = self.api.post(self.shop.staff_path("/rooms"), self.room_body(
            start=at(60), end=at(10), title="t" * 201))
        self.assertEqual(status, 400, problem)
        self.assertEqual(sorted(e["field"] for e in problem["errors"]), ["end", "title"])
        status, _, problem = self.api.post(self.shop.staff_path("/rooms"), self.room_body(providerId="nope"))
        self.assertEqual(status, 400, problem)
        self.assertEqual([e["field"] for e in problem["errors"]], ["providerId"])


if __name__ == "__main__":
    unittest.main()
