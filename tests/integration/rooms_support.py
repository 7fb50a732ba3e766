"""Shared set-up for the appointment-room tests: a business whose provider works all day (so a
booking can start within the next half hour, with its room already open), staff who may host,
and an asyncio WebSocket client (Debian's python3-websockets) that waits on messages with
deadlines instead of sleeping."""
import asyncio
import base64
import datetime
import hashlib
import hmac
import json
import time

import websockets

from api_fixtures import PASSWORD, Shop, token_of
from harness import TEST_SECRET, qs

ALL_DAY = [{"weekday": d, "start": "00:00", "end": "24:00"} for d in range(1, 8)]
WAIT_S = 10


def room_token(room_id, participant_id, role, expires_unix, secret=TEST_SECRET):
    """A room token minted the way visitd does (docs/live-protocol.md), for forged/expired cases."""
    payload = "room|%s|%s|%s|%d" % (room_id, participant_id, role, expires_unix)
    p = base64.urlsafe_b64encode(payload.encode()).rstrip(b"=").decode()
    sig = hmac.new(secret.encode(), p.encode(), hashlib.sha256).digest()
    return p + "." + base64.urlsafe_b64encode(sig).rstrip(b"=").decode()


class RoomShop(Shop):
    """A Shop in UTC with an all-day provider whose login is linked (so the provider can host),
    and a 30-minute service whose room opens a day before the start (every booking of the coming hours has an open room)."""

    def __init__(self, srv, slug, service=None):
        spec = {"roomOpenBeforeMinutes": 1440, "questions": []}
        spec.update(service or {})
        super().__init__(srv, slug, zone="UTC", providers=(("Dr Ada", "UTC"),), weekly=ALL_DAY, service=spec)
        self.provider_email = "ada@%s.test" % slug
        user = srv.admin("create-user", "--email", self.provider_email, "--name", "Ada Provider",
                         "--password", PASSWORD, "--business", slug, "--role", "provider")
        status, _, body = self.staff.patch(self.staff_path("/providers/%s" % self.provider_ids[0]),
                                           {"userId": user["id"]})
        assert status == 200, (status, body)
        self.provider_user_id = user["id"]
        self.provider = srv.client()
        self.provider.login(self.provider_email, PASSWORD)

    def first_free_start(self, days_ahead=0):
        today = datetime.datetime.now(datetime.timezone.utc).date()
        d1 = (today + datetime.timedelta(days=days_ahead)).isoformat()
        d2 = (today + datetime.timedelta(days=days_ahead + 1)).isoformat()
        starts = [s["start"] for s in self.slots(self.staff, d1, d2)]
        assert starts, "no free slot"
        return starts[0]

    def book_room(self, days_ahead=0, name="Sam Lee", email="sam@example.test"):
        """Books the first free slot; returns (roomId, joinToken)."""
        start = self.first_free_start(days_ahead)
        status, _, body = self.book(self.srv.client(), start, answers={}, name=name, email=email)
        assert status == 201, (status, body)
        return body["booking"]["id"], token_of(body["joinUrl"])

    def guest_join(self, join_token):
        return self.srv.client().post("/api/v1/join/" + join_token)

    def host_join(self, room_id, client=None):
        return (client or self.provider).post("/api/v1/rooms/%s/join" % room_id)

    def history(self, room_id, room_token_value, **params):
        c = self.srv.client()
        path = "/api/v1/rooms/%s/messages" % room_id
        if params:
            path += "?" + qs(**params)
        return c.get(path, headers={"Authorization": "Bearer " + room_token_value})


def metric(srv, name):
    status, _, text = srv.client().get("/metrics")
    assert status == 200
    for line in text.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[1])
    raise AssertionError("metric %s missing" % name)


class Live:
    """One WebSocket connection to /api/v1/live. `expect` returns the first message of a type,
    unread ones first; messages of other types wait in `pending` for a later `expect`."""

    def __init__(self, srv):
        self.srv = srv
        self.ws = None
        self.pending = []

    async def connect(self, **kw):
        self.ws = await websockets.connect("ws://127.0.0.1:%d/api/v1/live" % self.srv.port,
                                           open_timeout=WAIT_S, max_size=None, **kw)
        return self

    async def auth(self, token, last_seq=None, expect_welcome=True):
        msg = {"type": "auth", "token": token}
        if last_seq is not None:
            msg["lastSeq"] = last_seq
        await self.send(msg)
        if expect_welcome:
            return await self.expect("welcome")
        return None

    async def send(self, obj):
        await self.ws.send(json.dumps(obj))

    async def recv(self, timeout=WAIT_S):
        return json.loads(await asyncio.wait_for(self.ws.recv(), timeout))

    async def expect(self, type_, timeout=WAIT_S, **fields):
        def matches(msg):
            return msg.get("type") == type_ and all(msg.get(k) == v for k, v in fields.items())
        for i, msg in enumerate(self.pending):
            if matches(msg):
                return self.pending.pop(i)
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError("no %s %s within %ss; pending %r" % (type_, fields, timeout, self.pending))
            try:
                msg = await self.recv(remaining)
            except asyncio.TimeoutError:
                raise AssertionError("no %s %s within %ss; pending %r" % (type_, fields, timeout, self.pending))
            if matches(msg):
                return msg
            self.pending.append(msg)

    async def closed(self, timeout=WAIT_S):
        """Reads until the server closes; returns (close code, messages read meanwhile)."""
        got = list(self.pending)
        self.pending = []
        try:
            while True:
                got.append(json.loads(await asyncio.wait_for(self.ws.recv(), timeout)))
        except websockets.ConnectionClosed as e:
            return (e.rcvd.code if e.rcvd else None), got

    async def close(self):
        if self.ws is not None:
            await self.ws.close()


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 120))
