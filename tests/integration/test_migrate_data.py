"""`visitd migrate-data` (issue F): a single-machine install moved into PostgreSQL.

A SQLite install is populated through the API the way a clinic fills it (businesses, staff,
providers with hours, overrides and time off, services with questions, bookings in every
status, notes, chat, the outbox and captured messages, audit, branding, sessions and API
tokens, an SMS opt-out), migrated, and then:
  * every table of the SQLite file is in the command's report, with the same row count;
  * every table is compared row by row here, independently of the command's own checksums
    (Python's sqlite3 against psql's JSON);
  * visitd started on the PostgreSQL database keeps the install working: the consumer's manage
    link (signed with the secret the SQLite install generated), a staff session cookie and an
    API token issued before, a password login, and new records after the copied ones;
  * a second run into the now non-empty database is refused (exit 3) and changes nothing; so
    is a database holding other tables; a row PostgreSQL cannot store fails the whole copy
    (exit 1), leaving the target empty for the next run.
Needs a PostgreSQL server: runs in ctest integration_postgres (VISITD_TEST_POSTGRES_URL)."""
import asyncio
import base64
import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import time
import unittest
import urllib.parse

import harness
from api_fixtures import PASSWORD, token_of
from harness import POSTGRES_URL, VISITD_BIN, Server
from notify_fakes import free_port, twilio_signature, wait_until
from rooms_support import Live, RoomShop
from calendar_server import CalendarServer

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
SMS_TOKEN = "twilio-test-token"
SMS_ENV = {"VISITD_SMS_BASE_URL": "http://127.0.0.1:9", "VISITD_SMS_ACCOUNT_SID": "AC0123456789abcdef",
           "VISITD_SMS_AUTH_TOKEN": SMS_TOKEN, "VISITD_SMS_FROM": "+15005550006"}
WAIT_S = 30
EXIT_TARGET_NOT_EMPTY = 3


def sqlite_tables(path):
    with sqlite3.connect(path) as db:
        return sorted(r[0] for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name <> 'schema_migrations'"))


def sqlite_rows(path, table, columns):
    """Rows as JSON texts, sorted; PostgreSQL's `seq` columns are SQLite's rowid."""
    with sqlite3.connect(path) as db:
        have = {r[1] for r in db.execute("PRAGMA table_info(%s)" % table)}
        select = ", ".join(c if c in have else "rowid AS %s" % c for c in columns)
        cur = db.execute("SELECT %s FROM %s" % (select, table))
        return sorted(json.dumps(dict(zip(columns, row)), sort_keys=True) for row in cur)


def psql(url, sql):
    out = subprocess.run([harness.PSQL, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", url, "-c", sql],
                         check=True, capture_output=True, text=True, timeout=60)
    return out.stdout.strip()


def pg_columns(url):
    """{table: [column, ...]} of the database's tables, in column order (one psql run)."""
    return json.loads(psql(url, "SELECT json_object_agg(table_name, cols) FROM (SELECT table_name, "
                                "json_agg(column_name ORDER BY ordinal_position) AS cols "
                                "FROM information_schema.columns WHERE table_schema = current_schema() "
                                "GROUP BY table_name) AS t"))


def pg_rows(url, columns_of):
    """{table: sorted JSON texts of its rows} for the tables in `columns_of` (one psql run)."""
    parts = ["'%s', (SELECT coalesce(json_agg(json_build_object(%s)), '[]') FROM %s)" % (
        table, ", ".join("'%s', %s" % (c, c) for c in columns), table) for table, columns in columns_of.items()]
    tables = json.loads(psql(url, "SELECT json_build_object(%s)" % ", ".join(parts)))
    return {t: sorted(json.dumps(row, sort_keys=True) for row in rows) for t, rows in tables.items()}


def pg_counts(url, tables):
    return json.loads(psql(url, "SELECT json_build_object(%s)" % ", ".join(
        "'%s', (SELECT count(*) FROM %s)" % (t, t) for t in tables)))


def pg_count(url, table):
    return pg_counts(url, [table])[table]


def migrate_data(source, url):
    return subprocess.run([VISITD_BIN, "migrate-data", "--from", source, "--to", url],
                          env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
                          capture_output=True, text=True, timeout=300)


def shop_date(days_ahead):
    return (datetime.datetime.now(datetime.timezone.utc).date() + datetime.timedelta(days=days_ahead)).isoformat()


def wait_until(check, what, timeout=WAIT_S):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError("timed out waiting for " + what)


def populate(srv, skewed_env):
    """Fills every table through the API; returns what the checks on PostgreSQL need."""
    shop = RoomShop(srv, "northwind")
    shop.set_rules(cancelCutoffHours=0, rescheduleCutoffHours=0)
    staff = shop.staff
    got = {"shop": shop}

    # Time and catalogue: an override with a range, time off, a service with questions and choices.
    provider = shop.provider_ids[0]
    assert staff.post(shop.staff_path("/providers/%s/overrides" % provider),
                      {"date": "2031-05-01", "ranges": [{"start": "10:00", "end": "12:00"}]})[0] == 201
    assert staff.post(shop.staff_path("/providers/%s/time-off" % provider),
                      {"start": "2031-12-24T00:00:00Z", "end": "2031-12-27T00:00:00Z", "reason": "Holiday"})[0] == 201
    status, _, service = staff.post(shop.staff_path("/services"), {
        "name": "Follow-up", "durationMinutes": 20, "slotIntervalMinutes": 20, "providerIds": [provider],
        "questions": [{"key": "visit", "label": "Kind of visit", "kind": "singleChoice", "required": True,
                       "choices": ["first", "repeat"]}]})
    assert status == 201, service

    # Messages: SMS and e-mail to the consumer, a service override, an edited template.
    routes = [{"to": "consumer", "channel": "email"}, {"to": "consumer", "channel": "sms"},
              {"to": "provider", "channel": "email"}]
    policy = {"confirmation": routes, "reschedule": routes, "cancellation": routes, "reminder": routes[:2],
              "reminderOffsetsMinutes": [60, 1440]}
    assert staff.put(shop.staff_path("/notification-policy"), policy)[0] == 200
    assert staff.put(shop.staff_path("/services/%s/notification-policy" % service["id"]), policy)[0] == 200
    assert staff.put(shop.staff_path("/message-templates/confirmation/email"),
                     {"subject": "Booked: {{serviceName}}"})[0] == 200

    # The clinic's face.
    assert staff.put(shop.staff_path("/profile"), {"description": "Care near you – ünïcode",
                                                   "contact": {"phone": "+44 20 7946 0000"}})[0] == 200
    assert staff.put(shop.staff_path("/logo"), raw=PNG, headers={"Content-Type": "image/png"})[0] == 200
    assert staff.put(shop.staff_path("/providers/%s/photo" % provider), raw=PNG,
                     headers={"Content-Type": "image/png"})[0] == 200
    assert staff.put(shop.staff_path("/embed"), {"origins": ["https://www.northwind.example"]})[0] == 200
    assert staff.put(shop.staff_path("/services/%s/profile" % shop.service_id),
                     {"description": "A full check", "price": {"amount": "45.50", "currency": "GBP"}})[0] == 200
    assert staff.put(shop.staff_path("/providers/%s/profile" % provider),
                     {"title": "GP", "bio": "Line one\nline two\twith a tab and a \\ backslash"})[0] == 200

    # A staff invitation (issue H): the invitation and its mail in account_mail.
    status, _, invited = staff.post(shop.staff_path("/staff"), {"email": "invited@example.test", "role": "provider"})
    assert status == 202, invited

    # Access: an API token (the session cookies exist since the logins).
    status, _, token = staff.post(shop.staff_path("/api-tokens"), {"name": "calendar sync", "role": "manager"})
    assert status == 201, token
    got["api_token"] = token["token"]

    # A room for an appointment booked elsewhere (issue I), created with an Idempotency-Key.
    status, _, room = staff.post(shop.staff_path("/rooms"), {
        "start": "2031-06-01T10:00:00Z", "end": "2031-06-01T11:00:00Z", "title": "Outside visit",
        "participants": [{"displayName": "Olive Outside", "role": "guest", "email": "olive@example.test"}]},
        headers={"Idempotency-Key": "migrate-data-room"})
    assert status == 201, room

    # Webhooks (issue I): an endpoint on a loopback port nothing answers, so the booking events
    # below become deliveries whose failed attempts are logged.
    status, _, hook = staff.post(shop.staff_path("/webhooks"), {
        "url": "http://127.0.0.1:%d/hooks" % free_port(), "eventTypes": ["booking.created"]})
    assert status == 201, hook

    # Bookings in every status, with SMS consent, a reschedule, a note.
    public = srv.client()

    def book(**consumer):
        start = shop.first_free_start(days_ahead=1)
        body = shop.booking_body(start, answers={}, **{k: v for k, v in consumer.items() if k in ("email", "name")})
        body["consumer"]["phone"] = "+61 2 9374 4000"
        body["consumer"]["smsConsent"] = True
        status, _, booked = public.post(shop.public_path("/bookings"), body)
        assert status == 201, booked
        return booked

    kept = book(email="kept@example.test", name="Kim Kept")
    got["manage_path"] = "/api/v1/manage/" + token_of(kept["manageUrl"])
    got["kept_id"] = kept["booking"]["id"]
    cancelled = book(email="gone@example.test")
    status, _, body = public.post("/api/v1/manage/%s/cancel" % token_of(cancelled["manageUrl"]), {"reason": "ill"})
    assert status == 200, body
    moved = book(email="moved@example.test")
    later = shop.first_free_start(days_ahead=2)
    status, _, body = public.post("/api/v1/manage/%s/reschedule" % token_of(moved["manageUrl"]), {"start": later})
    assert status == 200, body
    done, missed = book(email="done@example.test"), book(email="missed@example.test")
    start = shop.slots(public, shop_date(1), service_id=service["id"])[0]["start"]
    status, _, answered = public.post(shop.public_path("/bookings"), dict(
        shop.booking_body(start, answers={"visit": "repeat"}, email="answers@example.test"), serviceId=service["id"]))
    assert status == 201, answered
    assert staff.put(shop.staff_path("/bookings/%s/note" % kept["booking"]["id"]),
                     {"text": "Prefers mornings"})[0] == 200
    wait_until(lambda: any(d["attempts"] for d in staff.get(
        shop.staff_path("/webhooks/%s/deliveries" % hook["id"]))[2]["items"]), "a logged webhook attempt")

    # Chat in the kept booking's room: admitted guest, messages both ways, a read receipt.
    status, _, guest = shop.guest_join(token_of(kept["joinUrl"]))
    assert status == 200, guest
    status, _, host = shop.host_join(kept["booking"]["id"])
    assert status == 200, host

    async def chat():
        h = await Live(srv).connect()
        await h.auth(host["roomToken"])
        g = await Live(srv).connect()
        await g.auth(guest["roomToken"])
        waiting = await h.expect("lobby.waiting")
        await h.send({"type": "lobby.admit", "participantId": waiting["participant"]["id"]})
        await g.expect("lobby.admitted")
        await g.send({"type": "chat.send", "text": "Hello doctor"})
        theirs = await h.expect("chat.message", text="Hello doctor")
        await h.send({"type": "chat.read", "seq": theirs["seq"]})
        await g.expect("chat.read")
        await h.send({"type": "chat.send", "text": "Hello Kim"})
        await g.expect("chat.message", text="Hello Kim")
        await h.ws.close()
        await g.ws.close()

    asyncio.run(chat())

    # Calendars (issue I): a provider's feed, and an external calendar fetched from a loopback
    # server, so its busy interval is stored.
    assert staff.post(shop.staff_path("/providers/%s/calendar-feed" % provider))[0] == 201
    feeds = CalendarServer()
    try:
        busy = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=3)).strftime("%Y%m%d")
        feeds.files["/other.ics"] = ("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:x@example.test\n"
                                     "DTSTAMP:20260101T000000Z\nDTSTART:%sT150000Z\nDTEND:%sT160000Z\n"
                                     "END:VEVENT\nEND:VCALENDAR\n" % (busy, busy))
        calendars = shop.staff_path("/providers/%s/external-calendars" % provider)
        status, _, cal = staff.post(calendars, {"name": "Other", "url": feeds.url("/other.ics")})
        assert status == 201, cal
        wait_until(lambda: staff.get(calendars)[2]["items"][0]["busyCount"] == 1, "the external calendar's fetch")
    finally:
        feeds.close()

    # An SMS opt-out (STOP from a number), through the signed webhook.
    inbound = srv.base_url + "/api/v1/sms/inbound"
    params = {"From": "+61293744000", "Body": "STOP", "To": SMS_ENV["VISITD_SMS_FROM"]}
    status, _, body = srv.client().post("/api/v1/sms/inbound", raw=urllib.parse.urlencode(params), headers={
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Twilio-Signature": twilio_signature(SMS_TOKEN, inbound, params)})
    assert status == 200, body

    # A lockout notice (issue H) is a row of account_mail: a server on the same file that locks an
    # account after two wrong passwords.
    srv.admin("create-user", "--email", "locked@example.test", "--name", "Lou Locked", "--password", PASSWORD)
    locking = Server(database=srv.database, env=dict(srv.env, VISITD_ACCOUNT_LOGIN_FAILURES="2"))
    locking.env.pop("VISITD_SECRET", None)
    with locking:
        for i in range(2):
            status, _, body = locking.client().post(
                "/api/v1/auth/login", {"email": "locked@example.test", "password": "wrong-%d-wrong" % i})
            assert status == 401, body

    # Completed and no-show need a started appointment: a server two days ahead, same file.
    ahead = Server(database=srv.database, env=skewed_env)
    ahead.env.pop("VISITD_SECRET", None)
    with ahead:
        c = ahead.client()
        c.login(shop.owner_email, PASSWORD)
        for booked, action in ((done, "complete"), (missed, "no-show")):
            status, _, body = c.post(shop.staff_path("/bookings/%s/%s" % (booked["booking"]["id"], action)))
            assert status == 200, body
    # That login swept the sessions it saw as expired two days ahead: carry one made now.
    got["session"] = srv.client()
    got["session"].login(shop.owner_email, PASSWORD)
    return got


@unittest.skipUnless(POSTGRES_URL, "needs a PostgreSQL server (ctest integration_postgres)")
class MigrateDataTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="visitd-migrate-")
        cls.source = os.path.join(cls.dir, "install.db")
        env = dict(SMS_ENV, VISITD_DEMO_OUTBOX="1", VISITD_FETCH_ALLOW_PRIVATE="1",  # a loopback calendar
                   VISITD_WEBHOOK_ALLOW_PRIVATE_TARGETS="1")  # and webhook receiver
        cls.srv = Server(database=cls.source, env=env)
        # Like a real install: the link-signing secret is generated and kept in the database.
        cls.srv.env.pop("VISITD_SECRET", None)
        cls.env = cls.srv.env
        cls.srv.start()
        try:
            cls.got = populate(cls.srv, dict(env, VISITD_CLOCK_SKEW_SECONDS=str(2 * 86400)))
            # The demo outbox captures what would have been sent (every confirmation is due now).
            wait_until(lambda: cls.count("captured_messages") >= 5, "captured messages")
            cls.staff_cookies = dict(cls.got["session"].cookies)
            cls.staff_csrf = cls.got["session"].csrf
        finally:
            cls.srv.cleanup()  # the install is stopped before it is moved, as documented
        cls.databases = []

    @classmethod
    def tearDownClass(cls):
        for name in cls.databases:
            try:
                harness._psql("DROP DATABASE IF EXISTS %s WITH (FORCE)" % name)
            except subprocess.SubprocessError:
                pass
        shutil.rmtree(cls.dir, ignore_errors=True)

    @classmethod
    def count(cls, table, path=None):
        with sqlite3.connect(path or cls.source) as db:
            return db.execute("SELECT count(*) FROM %s" % table).fetchone()[0]

    def fresh_database(self, migrated=False):
        name, url = harness._fresh_postgres_database(migrated=migrated)
        self.databases.append(name)
        return url

    def test_every_table_is_copied_verified_and_the_install_works_on_postgres(self):
        tables = sqlite_tables(self.source)
        # The populated install really holds rows everywhere (so every comparison means something).
        # rate_buckets holds the token buckets instances share on PostgreSQL; a single SQLite
        # install counts in memory, so that table is empty there.
        self.assertEqual([], [t for t in tables if self.count(t) == 0 and t != "rate_buckets"])
        statuses = {r[0] for r in sqlite3.connect(self.source).execute("SELECT DISTINCT status FROM bookings")}
        self.assertEqual({"confirmed", "cancelled", "completed", "no_show"}, statuses)

        url = self.fresh_database()
        out = migrate_data(self.source, url)
        self.assertEqual(0, out.returncode, out.stderr)
        report = json.loads(out.stdout)
        self.assertTrue(report["verified"])
        self.assertEqual(tables, sorted(t["table"] for t in report["tables"]))
        for t in report["tables"]:
            self.assertEqual(self.count(t["table"]), t["rows"], t["table"])
            self.assertRegex(t["sha256"], "^[0-9a-f]{64}$")
        self.assertIn("copying   bookings %d/%d rows" % (self.count("bookings"), self.count("bookings")), out.stderr)
        self.assertIn("verifying bookings", out.stderr)

        # Independently of the command's checksums: every row of every table, value by value.
        columns_of = {t: c for t, c in pg_columns(url).items() if t in tables}
        self.assertEqual(tables, sorted(columns_of))
        copied = pg_rows(url, columns_of)
        for table, columns in columns_of.items():
            with self.subTest(table=table):
                self.assertEqual(sqlite_rows(self.source, table, columns), copied[table])

        srv = Server(database=url, env={k: v for k, v in self.env.items() if k != "VISITD_DATABASE"})
        srv.env.pop("VISITD_SECRET", None)
        with srv:
            shop = self.got["shop"]
            # The consumer's manage link, signed on SQLite, still opens their booking.
            status, _, view = srv.client().get(self.got["manage_path"])
            self.assertEqual(200, status, view)
            self.assertEqual(self.got["kept_id"], view["booking"]["id"])
            # A staff session cookie and an API token issued before the move still work.
            carried = srv.client()
            carried.cookies, carried.csrf = dict(self.staff_cookies), self.staff_csrf
            status, _, me = carried.get("/api/v1/me")
            self.assertEqual(200, status, me)
            api = srv.client()
            api.bearer = self.got["api_token"]
            self.assertEqual(200, api.get(shop.staff_path("/bookings"))[0])
            # Staff log in with their passwords.
            fresh = srv.client()
            fresh.login(shop.provider_email, PASSWORD)
            before = pg_count(url, "bookings")
            self.assertEqual(before, len(fresh.get(shop.staff_path("/bookings?limit=200"))[2]["items"]))
            # New rows continue after the copied ones: a booking (its seq), an audit entry.
            top_audit = int(psql(url, "SELECT max(seq) FROM audit_log"))
            start = (datetime.date.today() + datetime.timedelta(days=5)).isoformat()
            starts = [s["start"] for s in shop.slots(srv.client(), start)]
            status, _, booked = srv.client().post(shop.public_path("/bookings"),
                                                  shop.booking_body(starts[0], answers={}))
            self.assertEqual(201, status, booked)
            self.assertEqual(before + 1, pg_count(url, "bookings"))
            self.assertGreater(int(psql(url, "SELECT max(seq) FROM audit_log")), top_audit)
            self.assertEqual(1, int(psql(url, "SELECT count(*) FROM bookings WHERE seq = "
                                              "(SELECT max(seq) FROM bookings) AND id = '%s'" % booked["booking"]["id"])))

        # A second run into the now non-empty database is refused and changes nothing.
        rows = pg_counts(url, tables)
        again = migrate_data(self.source, url)
        self.assertEqual(EXIT_TARGET_NOT_EMPTY, again.returncode, again.stderr)
        self.assertIn("not empty", again.stderr)
        self.assertIn("bookings", again.stderr)
        self.assertEqual(rows, pg_counts(url, tables))

    def test_a_database_holding_other_tables_is_refused_before_anything_is_written(self):
        url = self.fresh_database()
        psql(url, "CREATE TABLE invoices (id int)")
        out = migrate_data(self.source, url)
        self.assertEqual(EXIT_TARGET_NOT_EMPTY, out.returncode, out.stderr)
        self.assertIn("invoices", out.stderr)
        self.assertEqual("invoices", psql(url, "SELECT string_agg(table_name, ',') FROM information_schema.tables "
                                               "WHERE table_schema = 'public'"))

    def test_a_row_postgresql_cannot_store_fails_the_whole_copy_and_a_rerun_succeeds(self):
        # This target already has visitd's schema (`visitd migrate` ran on it): still empty, accepted.
        broken = os.path.join(self.dir, "broken.db")
        with sqlite3.connect(self.source) as src, sqlite3.connect(broken) as copy:
            src.backup(copy)  # the file and its WAL
        with sqlite3.connect(broken) as db:  # invalid UTF-8 in the last chat message
            db.execute("UPDATE room_messages SET body = CAST(X'48C3' AS TEXT) WHERE seq = "
                       "(SELECT max(seq) FROM room_messages)")
        url = self.fresh_database(migrated=True)
        out = migrate_data(broken, url)
        self.assertEqual(1, out.returncode, out.stderr)
        self.assertIn("room_messages", out.stderr)
        tables = sqlite_tables(self.source)
        self.assertEqual({t: 0 for t in tables}, pg_counts(url, tables))  # nothing half-written
        out = migrate_data(self.source, url)
        self.assertEqual(0, out.returncode, out.stderr)
        self.assertEqual(self.count("bookings"), pg_count(url, "bookings"))

    def test_a_missing_source_and_a_sqlite_target_are_refused(self):
        out = migrate_data(os.path.join(self.dir, "nothing-here.db"), POSTGRES_URL)
        self.assertEqual(1, out.returncode)
        self.assertIn("no SQLite database at", out.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "nothing-here.db")))
        out = migrate_data(self.source, os.path.join(self.dir, "copy.db"))
        self.assertEqual(2, out.returncode)
        self.assertIn("--to must be a PostgreSQL URL", out.stderr)


if __name__ == "__main__":
    unittest.main()
