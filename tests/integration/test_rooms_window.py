"""The room's window reaches the people already in it (fault J2): at the room's close time the
server says so and closes every connection with the code docs/live-protocol.md promises, and
chat stops flowing. The booking is made on a server with the real clock; a second server on the
same database runs with its clock shifted to shortly before the appointment's end."""
import datetime
import unittest

from api_fixtures import PASSWORD
from harness import Server
from rooms_support import Live, RoomShop, run, token_of

# How long before the close time the shifted server starts: enough to join and chat on a
# loaded machine, short enough to wait for the close.
LEAD_S = 25
CLOSE_WAIT_S = LEAD_S + 30


def parse(ts):
    return datetime.datetime.fromisoformat(ts.replace("Z", "+00:00"))


class RoomClosesOnItsParticipants(unittest.TestCase):
    def setUp(self):
        self.booking_srv = Server().start()
        self.srv = None

    def tearDown(self):
        if self.srv is not None:
            self.srv.cleanup()
        self.booking_srv.cleanup()

    def test_room_closes_at_its_close_time_and_chat_stops(self):
        # The example: a 5-minute service whose room closes at the appointment's end.
        shop = RoomShop(self.booking_srv, "roomclose",
                        service={"durationMinutes": 5, "slotIntervalMinutes": 5, "roomCloseAfterMinutes": 0})
        start = shop.first_free_start()
        status, _, booked = shop.book(self.booking_srv.client(), start, answers={}, name="Sam Lee",
                                      email="sam@example.test")
        self.assertEqual(status, 201, booked)
        room_id, join_token = booked["booking"]["id"], token_of(booked["joinUrl"])
        end = parse(booked["booking"]["end"])
        self.booking_srv.stop()

        skew = int((end - datetime.datetime.now(datetime.timezone.utc)).total_seconds()) - LEAD_S
        self.srv = Server(env={"VISITD_CLOCK_SKEW_SECONDS": str(skew)},
                          database=self.booking_srv.database).start()
        status, _, guest_join = self.srv.client().post("/api/v1/join/" + join_token)
        self.assertEqual(status, 200, guest_join)
        self.assertEqual(parse(guest_join["closesAt"]), end)
        provider = self.srv.client()
        provider.login(shop.provider_email, PASSWORD)
        status, _, host_join = provider.post("/api/v1/rooms/%s/join" % room_id)
        self.assertEqual(status, 200, host_join)

        async def scenario():
            host = await Live(self.srv).connect()
            await host.auth(host_join["roomToken"])
            guest = await Live(self.srv).connect()
            welcome = await guest.auth(guest_join["roomToken"])
            self.assertEqual(parse(welcome["closesAt"]), end)
            waiting = await host.expect("lobby.waiting")
            await host.send({"type": "lobby.admit", "participantId": waiting["participant"]["id"]})
            await guest.expect("lobby.admitted")
            await guest.send({"type": "chat.send", "text": "before the close"})
            await host.expect("chat.message", text="before the close")

            results = []
            for live in (host, guest):
                closed = await live.expect("room.closed", timeout=CLOSE_WAIT_S)
                self.assertEqual(closed["reason"], "over")
                self.assertEqual(parse(closed["closesAt"]), end)
                code, _ = await live.closed()
                results.append(code)
            self.assertEqual(results, [4005, 4005])

            # Chat no longer flows: the connections are gone and the room refuses a new one.
            status, _, again = self.srv.client().post("/api/v1/join/" + join_token)
            self.assertEqual(status, 403, again)
            self.assertEqual(again["type"].rsplit("/", 1)[1], "room-too-late")
            late = await Live(self.srv).connect()
            await late.auth(guest_join["roomToken"], expect_welcome=False)
            code, got = await late.closed()
            self.assertIn(code, (4002, 4005))  # the token never outlives the window
            self.assertNotIn("welcome", [m["type"] for m in got])

        run(scenario())


if __name__ == "__main__":
    unittest.main()
