"""Lobby watch mode: the provider's dashboard holds a host connection with `"watch": true` that
sees the lobby and may admit or deny, but is never part of the call (presence, signaling)."""
import unittest

from harness import Server
from rooms_support import Live, RoomShop, run


class RoomWatch(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server().start()
        cls.shop = RoomShop(cls.srv, "roomwatch")

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def tokens(self):
        room, join = self.shop.book_room()
        status, _, guest = self.shop.guest_join(join)
        self.assertEqual(status, 200, guest)
        # In the call: the business owner; watching from the dashboard: the provider (another id).
        status, _, in_call = self.shop.host_join(room, client=self.shop.staff)
        self.assertEqual(status, 200, in_call)
        status, _, watch = self.shop.host_join(room)
        self.assertEqual(status, 200, watch)
        return guest, in_call, watch

    def test_watcher_admits_a_waiting_guest_without_being_in_the_call(self):
        guest_join, host_join, watch_join = self.tokens()

        async def scenario():
            host = await Live(self.srv).connect()
            await host.auth(host_join["roomToken"])
            watcher = await Live(self.srv).connect()
            await watcher.send({"type": "auth", "token": watch_join["roomToken"], "watch": True})
            welcome = await watcher.expect("welcome")
            self.assertTrue(welcome["watching"])
            self.assertEqual(welcome["waiting"], [])
            watcher_id = watch_join["participant"]["id"]
            self.assertNotEqual(watcher_id, host_join["participant"]["id"])
            guest = await Live(self.srv).connect()
            await guest.auth(guest_join["roomToken"])
            waiting = await watcher.expect("lobby.waiting")
            guest_id = waiting["participant"]["id"]
            self.assertEqual(waiting["participant"]["name"], "Sam Lee")

            await watcher.send({"type": "lobby.admit", "participantId": guest_id})
            decided = await watcher.expect("lobby.decided", outcome="admitted")
            self.assertEqual(decided["participantId"], guest_id)
            admitted = await guest.expect("lobby.admitted")
            self.assertEqual(sorted(p["role"] for p in admitted["participants"]), ["guest", "host"])
            self.assertNotIn(watcher_id, [p["id"] for p in admitted["participants"]])
            joined = await host.expect("presence", status="joined")
            self.assertEqual(joined["participant"]["id"], guest_id)

            # The watcher is read-only and never in the call.
            await watcher.send({"type": "chat.send", "text": "hello"})
            err = await watcher.expect("error")
            self.assertEqual(err["code"], "forbidden")
            await guest.send({"type": "chat.send", "text": "hi doctor"})
            await host.expect("chat.message", text="hi doctor")
            await guest.expect("chat.message", text="hi doctor")

            # The watcher leaving tells nobody in the call: the host's next message is the next thing
            # both see, and no presence about the watcher was ever sent.
            await watcher.close()
            await host.send({"type": "chat.send", "text": "after the watcher left"})
            await guest.expect("chat.message", text="after the watcher left")
            await host.expect("chat.message", text="after the watcher left")
            for conn in (host, guest):
                about_watcher = [m for m in conn.pending if m.get("type") == "presence"
                                 and m["participant"]["id"] == watcher_id]
                self.assertEqual(about_watcher, [])
            await host.close()
            await guest.close()

        run(scenario())

    def test_guest_may_not_watch(self):
        guest_join, _, _ = self.tokens()

        async def scenario():
            guest = await Live(self.srv).connect()
            await guest.send({"type": "auth", "token": guest_join["roomToken"], "watch": True})
            code, _ = await guest.closed()
            self.assertEqual(code, 4001)

        run(scenario())


if __name__ == "__main__":
    unittest.main()
