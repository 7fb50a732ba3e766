"""Appointment rooms across two visitd instances behind a real nginx (issue F): participants
on different instances meet through the PostgreSQL room bus (LISTEN/NOTIFY), and a killed
instance's participants resume on the other. Real WebSocket clients through nginx; which
instance nginx picked is read from each instance's own /metrics. Run under
tests/postgres/with_postgres.sh (ctest `cluster`)."""
import asyncio
import copy
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from cluster import Cluster, metric  # noqa: E402

from rooms_support import Live, RoomShop, run  # noqa: E402  (tests/integration, on the path via cluster)

WAIT_S = 30
LEASE_S = 3  # a killed instance's participants leave after this (plus one renewal period)


def connections(cluster):
    return [metric(s, "visitd_live_connections") if s.proc and s.proc.poll() is None else 0
            for s in cluster.instances]


async def settled(cluster, want, what):
    """Waits until the instances' open WebSocket counts are `want`."""
    deadline = time.monotonic() + WAIT_S
    while True:
        now = connections(cluster)
        if now == want:
            return
        if time.monotonic() > deadline:
            raise AssertionError("%s: connections %r, want %r" % (what, now, want))
        await asyncio.sleep(0.05)


async def live_on(cluster, index):
    """A WebSocket connection through nginx that landed on instance `index` (round robin: a
    connection that landed elsewhere is closed and another opened)."""
    for _ in range(8):
        before = connections(cluster)
        live = await Live(cluster.front).connect()
        deadline = time.monotonic() + WAIT_S
        while True:
            now = connections(cluster)
            if sum(now) == sum(before) + 1:
                break
            if time.monotonic() > deadline:
                raise AssertionError("the new connection never showed on an instance: %r" % now)
            await asyncio.sleep(0.05)
        if now[index] == before[index] + 1:
            return live
        await live.close()
        await settled(cluster, before, "a connection on the wrong instance went away")
    raise AssertionError("nginx never sent a connection to instance %d" % index)


class RoomsAcrossInstances(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cluster = Cluster(2, env={"VISITD_LIVE_INSTANCE_LEASE_S": str(LEASE_S)}).start()
        cls.shop = RoomShop(cls.cluster.front, "roomsx")

    @classmethod
    def tearDownClass(cls):
        cls.cluster.stop()

    def tokens(self):
        room, join = self.shop.book_room(name="Sam Lee")
        status, _, guest = self.shop.guest_join(join)
        self.assertEqual(200, status, guest)
        status, _, host = self.shop.host_join(room)
        self.assertEqual(200, status, host)
        return room, guest["roomToken"], host["roomToken"]

    async def member_row(self, room, participant):
        deadline = time.monotonic() + WAIT_S
        while not self.cluster.psql("SELECT 1 FROM room_members WHERE room_id = '%s' AND participant_id = '%s'"
                                    % (room, participant)):
            if time.monotonic() > deadline:
                raise AssertionError("the member row of %s never appeared" % participant)
            await asyncio.sleep(0.05)

    async def admitted_pair(self, guest_on, host_on):
        """Guest waits on one instance, the host arrives on the other and admits it."""
        room, guest_token, host_token = self.tokens()
        guest = await live_on(self.cluster, guest_on)
        welcome = await guest.auth(guest_token)
        self.assertEqual("waiting", welcome["you"]["state"])
        gid = welcome["you"]["id"]
        # The guest's arrival is published (and its member row written) just after its welcome.
        await self.member_row(room, gid)
        host = await live_on(self.cluster, host_on)
        host_welcome = await host.auth(host_token)
        # The host's instance had no part in this room: it read the lobby from the database.
        self.assertEqual([gid], [p["id"] for p in host_welcome["waiting"]])
        await host.send({"type": "lobby.admit", "participantId": gid})
        admitted = await guest.expect("lobby.admitted")
        self.assertEqual({gid, host_welcome["you"]["id"]}, {p["id"] for p in admitted["participants"]})
        await host.expect("lobby.decided", participantId=gid, outcome="admitted")
        await host.expect("presence", status="joined")
        return room, guest, host, gid, host_welcome["you"]["id"]

    def test_lobby_admit_chat_signaling_and_the_end_cross_instances(self):
        async def scenario():
            room, guest, host, gid, hid = await self.admitted_pair(guest_on=0, host_on=1)
            await guest.send({"type": "chat.send", "text": "hello from the first instance", "clientId": "c1"})
            got = await host.expect("chat.message", text="hello from the first instance")
            self.assertEqual(gid, got["from"])
            await guest.expect("chat.message", clientId="c1")  # the sender's own echo, once
            await host.send({"type": "chat.send", "text": "and back from the second"})
            got = await guest.expect("chat.message", text="and back from the second")
            self.assertEqual(hid, got["from"])
            # Signaling both ways; the offer is larger than a NOTIFY payload may be (8000
            # bytes), so it travels by reference and must arrive whole.
            offer = "v=0\r\n" + "a=candidate:%s\r\n" * 600 % tuple("x%04d" % i for i in range(600))
            self.assertGreater(len(offer), 8000)
            await host.send({"type": "signal.offer", "to": gid, "sdp": offer})
            got = await guest.expect("signal.offer")
            self.assertEqual((hid, offer), (got["from"], got["sdp"]))
            await guest.send({"type": "signal.answer", "to": hid, "sdp": "v=0 answer"})
            got = await host.expect("signal.answer")
            self.assertEqual((gid, "v=0 answer"), (got["from"], got["sdp"]))
            await guest.send({"type": "signal.ice", "to": hid, "candidate": {"candidate": "c", "sdpMid": "0"}})
            self.assertEqual(gid, (await host.expect("signal.ice"))["from"])
            await host.send({"type": "room.end"})
            for who in (guest, host):
                code, got = await who.closed()
                self.assertEqual(4004, code)
                ended = [m for m in got if m["type"] == "room.ended"]
                self.assertEqual(1, len(ended), got)
                self.assertEqual(("host", hid), (ended[0]["reason"], ended[0]["by"]))
            # Nothing of the room is left in the shared member table.
            self.assertEqual([["0"]], self.cluster.psql("SELECT count(*) FROM room_members WHERE room_id = '%s'"
                                                        % room))
        run(scenario())

    def test_a_guest_closing_on_one_instance_leaves_the_presence_the_host_sees_on_the_other(self):
        async def scenario():
            _, guest, host, gid, _ = await self.admitted_pair(guest_on=1, host_on=0)
            await guest.send({"type": "call.media", "audio": False})
            media = await host.expect("call.media")
            self.assertEqual((gid, False, True), (media["from"], media["audio"], media["video"]))
            await guest.close()  # a clean close: no reconnect grace
            left = await host.expect("presence", status="left")
            self.assertEqual(gid, left["participant"]["id"])
            await host.close()
        run(scenario())

    def test_a_cancel_through_the_instance_without_the_room_ends_it_on_the_other(self):
        async def scenario():
            room, guest, host, _, _ = await self.admitted_pair(guest_on=0, host_on=0)
            staff = copy.copy(self.shop.staff)  # the same session, sent to the other instance
            staff.server = self.cluster.instances[1]
            status, _, body = staff.post(self.shop.staff_path("/bookings/%s/cancel" % room), {"reason": "ill"})
            self.assertEqual(200, status, body)
            for who in (guest, host):
                code, got = await who.closed()
                self.assertEqual(4004, code)
                self.assertEqual(["cancelled"], [m["reason"] for m in got if m["type"] == "room.ended"])
        run(scenario())


class InstanceKilled(unittest.TestCase):
    def setUp(self):
        self.cluster = Cluster(2, env={"VISITD_LIVE_INSTANCE_LEASE_S": str(LEASE_S)}).start()
        self.addCleanup(self.cluster.stop)
        self.shop = RoomShop(self.cluster.front, "roomkill")

    def test_kill_9_of_an_instance_its_guest_resumes_on_the_other_and_a_lost_one_leaves_after_the_lease(self):
        async def pair(guest_on, host_on, name):
            room, join = self.shop.book_room(name=name, email="%s@example.test" % name.split()[0].lower())
            guest_token = self.shop.guest_join(join)[2]["roomToken"]
            host_token = self.shop.host_join(room)[2]["roomToken"]
            guest = await live_on(self.cluster, guest_on)
            gid = (await guest.auth(guest_token))["you"]["id"]
            host = await live_on(self.cluster, host_on)
            welcome = await host.auth(host_token)
            if gid not in [p["id"] for p in welcome["waiting"]]:
                await host.expect("lobby.waiting")  # the guest's arrival was still on its way
            await host.send({"type": "lobby.admit", "participantId": gid})
            await guest.expect("lobby.admitted")
            await host.expect("presence", status="joined")
            return guest, guest_token, host, gid

        async def scenario():
            # Two rooms, each guest on the first instance and its host on the second.
            back, back_token, back_host, back_id = await pair(0, 1, "Bea Back")
            lost, _, lost_host, lost_id = await pair(0, 1, "Lou Lost")
            await back.send({"type": "chat.send", "text": "before the crash"})
            seen = (await back.expect("chat.message", text="before the crash"))["seq"]

            self.cluster.kill(0)
            code, _ = await back.closed()
            self.assertNotIn(code, (4004, 4005))  # dropped, not ended
            await back_host.send({"type": "chat.send", "text": "while you were away"})
            # Through nginx again: the dead instance refuses, nginx sends it to the survivor.
            again = Live(self.cluster.front)
            await again.connect()
            welcome = await again.auth(back_token, last_seq=seen)
            self.assertTrue(welcome["resumed"])
            self.assertEqual("admitted", welcome["you"]["state"])
            self.assertEqual(back_id, welcome["you"]["id"])
            missed = await again.expect("chat.message")
            self.assertEqual("while you were away", missed["text"])  # nothing lost in between
            # The lost guest never comes back: its instance's lease runs out and the host on the
            # survivor sees it leave.
            left = await lost_host.expect("presence", status="left", timeout=WAIT_S)
            self.assertEqual(lost_id, left["participant"]["id"])
            # The guest that came back stays in: a message after the sweep still reaches it,
            # and its host never heard it leave.
            await again.send({"type": "chat.send", "text": "still here"})
            await back_host.expect("chat.message", text="still here")
            self.assertEqual([], [m for m in back_host.pending if m.get("type") == "presence"
                                  and m.get("status") == "left"])
            self.assertEqual([], self.cluster.psql("SELECT participant_id FROM room_members WHERE participant_id = '%s'"
                                                   % lost_id))
            for c in (again, back_host, lost_host):
                await c.close()
        run(scenario())


if __name__ == "__main__":
    unittest.main()
