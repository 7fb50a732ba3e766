"""Appointment rooms end to end: join over REST, then lobby, chat, signaling, presence and the
end of the meeting over real WebSocket connections to a real `visitd serve`."""
import datetime as dt
import time
import unittest

from harness import Server
from rooms_support import Live, RoomShop, run

TURN_SECRET = "turn-secret-0123456789"


class RoomFlow(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server(env={"VISITD_TURN_SECRET": TURN_SECRET,
                              "VISITD_TURN_URLS": "stun:127.0.0.1:3478,turn:127.0.0.1:3478?transport=udp"}).start()
        cls.shop = RoomShop(cls.srv, "roomflow")

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def join_both(self):
        room, join = self.shop.book_room()
        status, _, guest = self.shop.guest_join(join)
        self.assertEqual(status, 200, guest)
        status, _, host = self.shop.host_join(room)
        self.assertEqual(status, 200, host)
        return room, join, guest, host

    def test_join_answers_a_room_token_and_turn_credentials(self):
        room, _, guest, host = self.join_both()
        self.assertEqual(guest["roomId"], room)
        self.assertEqual(guest["participant"]["role"], "guest")
        self.assertEqual(guest["participant"]["name"], "Sam Lee")
        self.assertTrue(guest["lobby"])
        self.assertEqual(host["participant"]["role"], "host")
        self.assertEqual(host["participant"]["id"], self.shop.provider_user_id)
        # The guest waits in the lobby: no relay credentials until a host admits it (issue H).
        self.assertFalse([s for s in guest["iceServers"] if any(u.startswith("turn:") for u in s["urls"])], guest)
        turn = [s for s in host["iceServers"] if any(u.startswith("turn:") for u in s["urls"])][0]
        expiry, participant = turn["username"].split(":", 1)
        self.assertEqual(participant, host["participant"]["id"])
        self.assertGreater(int(expiry), 0)
        self.assertTrue(turn["credential"])
        for answer in (guest, host):
            stun = [s for s in answer["iceServers"] if s["urls"] == ["stun:127.0.0.1:3478"]]
            self.assertEqual(len(stun), 1)

    def test_a_guest_gets_relay_credentials_only_once_admitted_and_no_longer_than_its_token(self):
        room, join, guest_join, host_join = self.join_both()
        self.assertFalse([s for s in guest_join["iceServers"] if s.get("username")], guest_join)

        async def scenario():
            host = await Live(self.srv).connect()
            await host.auth(host_join["roomToken"])
            guest = await Live(self.srv).connect()
            await guest.auth(guest_join["roomToken"])
            waiting = await host.expect("lobby.waiting")
            await host.send({"type": "lobby.admit", "participantId": waiting["participant"]["id"]})
            await guest.expect("lobby.admitted")
            await guest.close()
            await host.close()
        run(scenario())

        # Admitted: joining again hands out the relay, valid exactly as long as the room token.
        status, _, again = self.shop.guest_join(join)
        self.assertEqual(status, 200, again)
        (turn,) = [s for s in again["iceServers"] if s.get("username")]
        expiry = int(turn["username"].split(":", 1)[0])
        token_expiry = dt.datetime.fromisoformat(again["expiresAt"].replace("Z", "+00:00")).timestamp()
        closes = dt.datetime.fromisoformat(again["closesAt"].replace("Z", "+00:00")).timestamp()
        self.assertEqual(expiry, int(token_expiry))
        self.assertLessEqual(expiry, closes)
        self.assertLessEqual(expiry - time.time(), 900 + 60)  # the room token's 15 minutes, not TURN's hour

    def test_preview_shows_the_window_without_joining(self):
        room, join = self.shop.book_room()
        status, _, body = self.srv.client().get("/api/v1/join/" + join)
        self.assertEqual(status, 200, body)
        self.assertEqual(body["roomId"], room)
        self.assertEqual(body["status"], "open")
        self.assertEqual(body["booking"]["provider"]["name"], "Dr Ada")

    def test_lobby_chat_signaling_and_end(self):
        room, join, guest_join, host_join = self.join_both()

        async def scenario():
            host = await Live(self.srv).connect()
            welcome = await host.auth(host_join["roomToken"])
            self.assertEqual(welcome["you"]["role"], "host")
            self.assertEqual(welcome["waiting"], [])

            guest = await Live(self.srv).connect()
            welcome = await guest.auth(guest_join["roomToken"])
            self.assertEqual(welcome["you"]["state"], "waiting")
            waiting = await host.expect("lobby.waiting")
            guest_id = waiting["participant"]["id"]
            self.assertEqual(guest_id, guest_join["participant"]["id"])

            # A waiting guest may neither chat nor signal, and receives nothing of the room.
            await guest.send({"type": "chat.send", "text": "let me in"})
            err = await guest.expect("error")
            self.assertEqual(err["code"], "not-admitted")
            await host.send({"type": "chat.send", "text": "notes before the guest"})
            await host.expect("chat.message")

            await host.send({"type": "lobby.admit", "participantId": guest_id})
            admitted = await guest.expect("lobby.admitted")
            self.assertEqual({p["role"] for p in admitted["participants"]}, {"host", "guest"})
            joined = await host.expect("presence", status="joined")
            self.assertEqual(joined["participant"]["id"], guest_id)
            decided = await host.expect("lobby.decided")
            self.assertEqual(decided["outcome"], "admitted")

            # Chat both ways, with typing and read receipts.
            await guest.send({"type": "chat.typing", "typing": True})
            typing = await host.expect("chat.typing")
            self.assertEqual(typing["from"], guest_id)
            await guest.send({"type": "chat.send", "text": "Hello <b>doctor</b>", "clientId": "c1"})
            mine = await guest.expect("chat.message")
            theirs = await host.expect("chat.message", text="Hello <b>doctor</b>")
            self.assertEqual(mine["seq"], theirs["seq"])
            self.assertEqual(mine["clientId"], "c1")
            await host.send({"type": "chat.read", "seq": theirs["seq"]})
            read = await guest.expect("chat.read")
            self.assertEqual(read["seq"], theirs["seq"])
            await host.send({"type": "chat.send", "text": "Hello Sam"})
            reply = await guest.expect("chat.message", text="Hello Sam")
            self.assertGreater(reply["seq"], mine["seq"])
            await guest.send({"type": "chat.edit", "seq": mine["seq"], "text": "Hello doctor"})
            edited = await host.expect("chat.edited")
            self.assertEqual((edited["messageSeq"], edited["text"]), (mine["seq"], "Hello doctor"))
            await host.send({"type": "chat.edit", "seq": mine["seq"], "text": "not yours"})
            self.assertEqual((await host.expect("error"))["code"], "forbidden")

            # Signaling is relayed to the named admitted participant only.
            await host.send({"type": "signal.offer", "to": guest_id, "sdp": "v=0 offer"})
            offer = await guest.expect("signal.offer")
            self.assertEqual((offer["from"], offer["sdp"]), (self.shop.provider_user_id, "v=0 offer"))
            await guest.send({"type": "signal.answer", "to": offer["from"], "sdp": "v=0 answer"})
            self.assertEqual((await host.expect("signal.answer"))["sdp"], "v=0 answer")
            cand = {"candidate": "candidate:1 1 udp 1 127.0.0.1 5000 typ host", "sdpMid": "0", "sdpMLineIndex": 0}
            await guest.send({"type": "signal.ice", "to": offer["from"], "candidate": cand})
            self.assertEqual((await host.expect("signal.ice"))["candidate"], cand)
            await guest.send({"type": "call.media", "audio": False, "video": True})
            media = await host.expect("call.media")
            self.assertEqual((media["audio"], media["video"]), (False, True))
            await host.send({"type": "signal.offer", "to": "nobody", "sdp": "x"})
            self.assertEqual((await host.expect("error"))["code"], "not-found")
            await guest.send({"type": "call.hangup", "to": offer["from"]})
            await host.expect("call.hangup")

            # History over REST, for participants only, newest first.
            status, _, page = self.shop.history(room, guest_join["roomToken"], limit=2)
            self.assertEqual(status, 200, page)
            self.assertEqual([m["text"] for m in page["items"]], ["Hello Sam", "Hello doctor"])
            self.assertEqual(page["nextBefore"], page["items"][-1]["seq"])

            # The host ends the meeting: everyone is told and disconnected; nobody rejoins.
            await guest.send({"type": "room.end"})
            self.assertEqual((await guest.expect("error"))["code"], "forbidden")
            await host.send({"type": "room.end"})
            for c in (guest, host):
                code, got = await c.closed()
                self.assertEqual(code, 4004)
                self.assertIn("room.ended", [m["type"] for m in got])
            status, _, problem = self.shop.guest_join(join)
            self.assertEqual((status, problem["type"]), (403, "https://visitd.dev/problems/room-ended"))
            status, _, problem = self.shop.host_join(room)
            self.assertEqual((status, problem["type"]), (403, "https://visitd.dev/problems/room-ended"))
            late = await Live(self.srv).connect()
            await late.auth(host_join["roomToken"], expect_welcome=False)
            code, _ = await late.closed()
            self.assertEqual(code, 4004)

        run(scenario())

    def test_denied_guest_learns_it_and_cannot_come_back(self):
        room, join = self.shop.book_room()
        _, _, guest_join = self.shop.guest_join(join)
        _, _, host_join = self.shop.host_join(room)

        async def scenario():
            host = await Live(self.srv).connect()
            await host.auth(host_join["roomToken"])
            guest = await Live(self.srv).connect()
            await guest.auth(guest_join["roomToken"])
            waiting = await host.expect("lobby.waiting")
            await host.send({"type": "lobby.deny", "participantId": waiting["participant"]["id"]})
            code, got = await guest.closed()
            self.assertEqual(code, 4003)
            self.assertIn("lobby.denied", [m["type"] for m in got])
            decided = await host.expect("lobby.decided")
            self.assertEqual(decided["outcome"], "denied")
            await host.close()

        run(scenario())
        status, _, problem = self.shop.guest_join(join)
        self.assertEqual((status, problem["type"]), (403, "https://visitd.dev/problems/room-denied"))

    def test_guest_waits_for_no_one_when_the_service_admits_automatically(self):
        status, _, _ = self.shop.staff.patch(self.shop.staff_path("/services/" + self.shop.service_id),
                                             {"roomAutoAdmit": True})
        self.assertEqual(status, 200)
        try:
            room, join = self.shop.book_room()
            _, _, guest_join = self.shop.guest_join(join)
            self.assertFalse(guest_join["lobby"])

            async def scenario():
                guest = await Live(self.srv).connect()
                welcome = await guest.auth(guest_join["roomToken"])
                self.assertEqual(welcome["you"]["state"], "admitted")
                await guest.close()

            run(scenario())
        finally:
            self.shop.staff.patch(self.shop.staff_path("/services/" + self.shop.service_id),
                                  {"roomAutoAdmit": False})

    def test_live_metrics_are_exported(self):
        status, _, text = self.srv.client().get("/metrics")
        self.assertEqual(status, 200)
        for name in ("visitd_live_connections", "visitd_live_rooms_open", "visitd_live_messages_relayed_total",
                     "visitd_live_slow_client_disconnects_total"):
            self.assertIn(name + " ", text)

    def test_plain_get_of_the_live_endpoint_asks_for_an_upgrade(self):
        status, _, problem = self.srv.client().get("/api/v1/live")
        self.assertEqual(status, 426)


if __name__ == "__main__":
    unittest.main()
