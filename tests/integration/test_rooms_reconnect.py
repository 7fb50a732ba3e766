"""Reconnect within the grace period: the dropped participant resumes with exactly the chat
it missed, in order; after the grace period the others see it leave."""
import unittest

from harness import Server
from rooms_support import Live, RoomShop, run


async def admitted_pair(srv, shop):
    room, join = shop.book_room()
    guest_join = shop.guest_join(join)[2]
    host = await Live(srv).connect()
    await host.auth(shop.host_join(room)[2]["roomToken"])
    guest = await Live(srv).connect()
    await guest.auth(guest_join["roomToken"])
    gid = (await host.expect("lobby.waiting"))["participant"]["id"]
    await host.send({"type": "lobby.admit", "participantId": gid})
    await guest.expect("lobby.admitted")
    await host.expect("presence", status="joined")
    return room, join, gid, host, guest


class Reconnect(unittest.TestCase):
    def test_reconnect_within_grace_receives_exactly_the_missed_messages_in_order(self):
        with Server(env={"VISITD_ROOM_GRACE_S": "600"}) as srv:
            shop = RoomShop(srv, "recon")

            async def scenario():
                room, join, gid, host, guest = await admitted_pair(srv, shop)
                await guest.send({"type": "chat.send", "text": "before the drop"})
                seen = (await guest.expect("chat.message"))["seq"]
                await host.expect("chat.message", text="before the drop")

                guest.ws.transport.abort()  # no close frame: a network drop
                gone = await host.expect("presence", status="reconnecting")
                self.assertEqual(gone["participant"]["id"], gid)
                missed = ["one", "two", "three"]
                for text in missed:
                    await host.send({"type": "chat.send", "text": text})
                    await host.expect("chat.message", text=text)

                again = await Live(srv).connect()
                welcome = await again.auth(shop.guest_join(join)[2]["roomToken"], last_seq=seen)
                self.assertTrue(welcome["resumed"])
                self.assertEqual(welcome["you"]["state"], "admitted")
                replay = [await again.expect("chat.message") for _ in missed]
                self.assertEqual([m["text"] for m in replay], missed)
                self.assertEqual([m["seq"] for m in replay], sorted(m["seq"] for m in replay))
                self.assertGreater(replay[0]["seq"], seen)
                back = await host.expect("presence", status="joined")
                self.assertEqual(back["participant"]["id"], gid)
                # Nothing else was replayed: the next chat message is the live one.
                await host.send({"type": "chat.send", "text": "after"})
                self.assertEqual((await again.expect("chat.message"))["text"], "after")
                self.assertEqual([m for m in again.pending if m["type"].startswith("chat.")], [])
                await again.close()
                await host.close()

            run(scenario())

    def test_after_the_grace_period_the_others_see_the_participant_leave(self):
        with Server(env={"VISITD_ROOM_GRACE_S": "0"}) as srv:
            shop = RoomShop(srv, "grace")

            async def scenario():
                _, _, gid, host, guest = await admitted_pair(srv, shop)
                guest.ws.transport.abort()
                await host.expect("presence", status="reconnecting")
                left = await host.expect("presence", status="left")
                self.assertEqual(left["participant"]["id"], gid)
                await host.close()

            run(scenario())

    def test_a_second_connection_of_the_same_participant_replaces_the_first(self):
        with Server() as srv:
            shop = RoomShop(srv, "twice")

            async def scenario():
                room, join, gid, host, guest = await admitted_pair(srv, shop)
                second = await Live(srv).connect()
                welcome = await second.auth(shop.guest_join(join)[2]["roomToken"])
                self.assertTrue(welcome["resumed"])
                self.assertEqual((await guest.closed())[0], 4008)
                await host.send({"type": "chat.send", "text": "to the new tab"})
                self.assertEqual((await second.expect("chat.message"))["text"], "to the new tab")
                await second.close()
                await host.close()

            run(scenario())


if __name__ == "__main__":
    unittest.main()
