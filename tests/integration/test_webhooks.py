"""Webhooks (issue I): a loopback receiver registered through the staff API gets each booking
event once, in order per booking, signed so that the verification snippets of docs/webhooks.md
(Python and Node, run as written there) accept it; a 500 is retried, a delivery can be sent
again, and a target on a refused network is never contacted."""
import http.server
import json
import os
import re
import shutil
import subprocess
import threading
import unittest

from api_fixtures import Shop, fields_of
from harness import Server
from notify_fakes import free_port, wait_until

SOURCE_DIR = os.environ.get("VISITD_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
BOOKING_EVENTS = ["booking.created", "booking.rescheduled", "booking.cancelled", "booking.completed",
                  "booking.no_show"]


def doc_snippet(language):
    """The first ```language block of docs/webhooks.md, exactly as an integrator would copy it."""
    with open(os.path.join(SOURCE_DIR, "docs", "webhooks.md"), encoding="utf-8") as f:
        text = f.read()
    return re.search(r"```%s\n(.*?)```" % language, text, re.S).group(1)


def python_verifier():
    scope = {}
    exec(compile(doc_snippet("python"), "docs/webhooks.md", "exec"), scope)  # noqa: S102 (our own doc)
    return scope["verify_webhook"]


def node_verifies(secret, headers, body):
    """Runs the Node snippet of docs/webhooks.md on one request; True when it accepts it."""
    program = doc_snippet("js") + (
        "\nconst input = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));\n"
        "process.stdout.write(String(verifyWebhook(input.secret, input.headers, "
        "Buffer.from(input.body, 'base64'))));\n")
    import base64
    out = subprocess.run(["node", "-e", program], input=json.dumps(
        {"secret": secret, "headers": headers, "body": base64.b64encode(body).decode()}),
        capture_output=True, text=True, timeout=60, check=True)
    return out.stdout.strip() == "true"


class Receiver:
    """A loopback HTTP server recording every POST (headers with lower-case names, raw body);
    answers the statuses queued in `answers` first, then 204."""

    def __init__(self):
        self.requests = []
        self.answers = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with receiver.lock:
                    receiver.requests.append(({k.lower(): v for k, v in self.headers.items()}, body))
                    status = receiver.answers.pop(0) if receiver.answers else 204
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d/hooks/visitd" % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def received(self):
        with self.lock:
            return list(self.requests)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def events_of(requests):
    return [json.loads(body) for _, body in requests]


class Webhooks(unittest.TestCase):
    def setUp(self):
        self.receiver = Receiver()
        self.addCleanup(self.receiver.close)
        self.srv = Server(env={"VISITD_WEBHOOK_ALLOW_PRIVATE_TARGETS": "true", "VISITD_NOTIFY_INTERVAL_MS": "50",
                               "VISITD_WEBHOOK_RETRY_BASE_S": "1", "VISITD_WEBHOOK_RETRY_MAX_S": "2"}).start()
        self.addCleanup(self.srv.cleanup)
        self.shop = Shop(self.srv, "hooks")

    def register(self, event_types, url=None):
        status, headers, body = self.shop.staff.post(self.shop.staff_path("/webhooks"), {
            "url": url or self.receiver.url, "eventTypes": event_types, "description": "CRM"})
        self.assertEqual(status, 201, body)
        self.assertTrue(body["secret"].startswith("whsec_"))
        return body

    def deliveries(self, webhook_id):
        status, _, body = self.shop.staff.get(self.shop.staff_path("/webhooks/%s/deliveries" % webhook_id))
        self.assertEqual(status, 200, body)
        return body["items"]

    def settled(self, webhook_id, count):
        ds = self.deliveries(webhook_id)
        return ds if len(ds) == count and all(d["status"] == "delivered" for d in ds) else None

    def test_each_event_arrives_once_in_order_per_booking_and_verifies_with_the_documented_snippets(self):
        hook = self.register(BOOKING_EVENTS)
        listed = self.shop.staff.get(self.shop.staff_path("/webhooks"))[2]["items"]
        self.assertNotIn("secret", listed[0], "the secret is shown once, at creation")
        client = self.srv.client()
        starts = self.shop.free_starts(client, days_ahead=3)
        status, _, first = self.shop.book(client, starts[0])
        self.assertEqual(status, 201, first)
        status, _, second = self.shop.book(client, starts[1], email="bo@example.com", name="Bo")
        self.assertEqual(status, 201, second)
        first_id = first["booking"]["id"]
        path = self.shop.staff_path("/bookings/%s" % first_id)
        status, _, moved = self.shop.staff.post(path + "/reschedule", {"start": starts[2]})
        self.assertEqual(status, 200, moved)
        status, _, _ = self.shop.staff.post(path + "/cancel", {"reason": "ill"})
        self.assertEqual(status, 200)

        wait_until(lambda: self.settled(hook["id"], 4), "four delivered webhooks")
        received = self.receiver.received()
        self.assertEqual(len(received), 4, "each event once")
        events = events_of(received)
        of_first = [e["type"] for e in events if e["data"]["booking"]["id"] == first_id]
        self.assertEqual(of_first, ["booking.created", "booking.rescheduled", "booking.cancelled"])
        self.assertEqual([e["type"] for e in events if e["data"]["booking"]["id"] == second["booking"]["id"]],
                         ["booking.created"])
        created = next(e for e in events if e["type"] == "booking.created" and e["data"]["booking"]["id"] == first_id)
        rescheduled = next(e for e in events if e["type"] == "booking.rescheduled")
        self.assertEqual(created["data"]["actor"], "consumer")
        self.assertEqual(rescheduled["data"]["previous"]["start"], created["data"]["booking"]["start"])
        self.assertNotEqual(rescheduled["data"]["booking"]["start"], created["data"]["booking"]["start"])
        self.assertTrue(rescheduled["data"]["actor"].startswith("user:"), rescheduled["data"]["actor"])
        self.assertEqual(len({h["webhook-id"] for h, _ in received}), 4)

        verify = python_verifier()
        for headers, body in received:
            self.assertTrue(verify(hook["secret"], headers, body), headers)
            self.assertFalse(verify(hook["secret"], headers, body + b" "), "a changed body must not verify")
            self.assertFalse(verify("whsec_" + "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB", headers, body))
            self.assertFalse(verify(hook["secret"], headers, body, now=int(headers["webhook-timestamp"]) + 301),
                             "outside the replay tolerance")
        if shutil.which("node"):
            headers, body = received[0]
            self.assertTrue(node_verifies(hook["secret"], headers, body))
            self.assertFalse(node_verifies(hook["secret"], headers, body + b"x"))

    def test_a_receiver_error_is_retried_and_a_delivery_can_be_sent_again(self):
        self.receiver.answers = [500]
        hook = self.register(["booking.created"])
        client = self.srv.client()
        status, _, booked = self.shop.book(client, self.shop.free_starts(client)[0])
        self.assertEqual(status, 201, booked)
        [delivery] = wait_until(lambda: self.settled(hook["id"], 1), "the delivery after its retry")
        self.assertEqual([a["responseCode"] for a in delivery["attempts"]], [500, 204])
        self.assertEqual(delivery["attempts"][0]["error"], "HTTP 500")
        received = self.receiver.received()
        self.assertEqual(len(received), 2)
        self.assertEqual(received[0][0]["webhook-id"], received[1][0]["webhook-id"])
        self.assertEqual(received[0][1], received[1][1])

        status, _, again = self.shop.staff.post(
            self.shop.staff_path("/webhooks/%s/deliveries/%s/redeliver" % (hook["id"], delivery["id"])))
        self.assertEqual(status, 202, again)
        self.assertEqual(again["messageId"], delivery["messageId"])
        wait_until(lambda: len(self.receiver.received()) == 3, "the redelivery")
        headers, body = self.receiver.received()[2]
        self.assertEqual(headers["webhook-id"], delivery["messageId"])
        self.assertTrue(python_verifier()(hook["secret"], headers, body))
        wait_until(lambda: self.settled(hook["id"], 2), "the redelivery recorded")

    def test_a_disabled_endpoint_is_sent_nothing_until_enabled(self):
        hook = self.register(["booking.created"])
        path = self.shop.staff_path("/webhooks/%s" % hook["id"])
        status, _, body = self.shop.staff.patch(path, {"enabled": False})
        self.assertEqual((status, body["enabled"]), (200, False))
        client = self.srv.client()
        starts = self.shop.free_starts(client)
        self.assertEqual(self.shop.book(client, starts[0])[0], 201)
        # The event is recorded before the booking's answer: none was recorded for this endpoint.
        self.assertEqual(self.deliveries(hook["id"]), [])
        self.assertEqual(self.shop.staff.patch(path, {"enabled": True})[0], 200)
        status, _, later = self.shop.book(client, starts[1], email="cy@example.com")
        self.assertEqual(status, 201, later)
        wait_until(lambda: self.settled(hook["id"], 1), "the delivery once enabled")
        received = self.receiver.received()
        self.assertEqual([e["data"]["booking"]["id"] for e in events_of(received)], [later["booking"]["id"]])

    def test_bad_registrations_are_refused_naming_the_field(self):
        path = self.shop.staff_path("/webhooks")
        for body, field in [({"url": "ftp://example.com/x", "eventTypes": ["booking.created"]}, "url"),
                            ({"url": "https://user:pw@example.com/x", "eventTypes": ["booking.created"]}, "url"),
                            ({"url": self.receiver.url, "eventTypes": ["booking.exploded"]}, "eventTypes"),
                            ({"url": self.receiver.url, "eventTypes": []}, "eventTypes"),
                            ({"url": self.receiver.url, "eventTypes": ["room.ended", "room.ended"]}, "eventTypes"),
                            ({"url": self.receiver.url, "eventTypes": ["room.ended"], "secret": "x"}, "secret")]:
            status, _, problem = self.shop.staff.post(path, body)
            self.assertEqual(status, 400, (body, problem))
            self.assertIn(field, fields_of(problem), body)
        self.assertEqual(self.shop.staff.get(path)[2]["items"], [])
        missing = self.shop.staff.get(self.shop.staff_path("/webhooks/wh_missing/deliveries"))
        self.assertEqual(missing[0], 404)


class MessageFailed(unittest.TestCase):
    """An e-mail the outbox gives up on (the relay refuses connections, one attempt allowed)
    becomes a message.failed webhook naming the booking, the message and the error."""

    def test_a_failed_message_is_reported(self):
        receiver = Receiver()
        self.addCleanup(receiver.close)
        with Server(env={"VISITD_WEBHOOK_ALLOW_PRIVATE_TARGETS": "true", "VISITD_NOTIFY_INTERVAL_MS": "50",
                         "VISITD_SMTP_HOST": "127.0.0.1", "VISITD_SMTP_PORT": str(free_port()),
                         "VISITD_SMTP_TLS": "none", "VISITD_NOTIFY_MAX_ATTEMPTS": "1"}) as srv:
            shop = Shop(srv, "failing")
            status, _, hook = shop.staff.post(shop.staff_path("/webhooks"), {
                "url": receiver.url, "eventTypes": ["message.failed"]})
            self.assertEqual(status, 201, hook)
            client = srv.client()
            status, _, booked = shop.book(client, shop.free_starts(client)[0])
            self.assertEqual(status, 201, booked)
            wait_until(lambda: receiver.received(), "a message.failed webhook")
            event = json.loads(receiver.received()[0][1])
            self.assertEqual(event["type"], "message.failed")
            self.assertEqual(event["data"]["bookingId"], booked["booking"]["id"])
            self.assertEqual(event["data"]["channel"], "email")
            self.assertEqual(event["data"]["attempts"], 1)
            self.assertTrue(event["data"]["error"])
            self.assertTrue(python_verifier()(hook["secret"], receiver.received()[0][0], receiver.received()[0][1]))


class RefusedTargets(unittest.TestCase):
    """Without VISITD_WEBHOOK_ALLOW_PRIVATE_TARGETS, loopback and private targets are refused
    after resolution, and nothing reaches them."""

    def test_loopback_and_private_targets_are_refused_and_never_contacted(self):
        receiver = Receiver()
        self.addCleanup(receiver.close)
        with Server() as srv:
            shop = Shop(srv, "guarded")
            port = receiver.server.server_address[1]
            for url in (receiver.url, "http://localhost:%d/x" % port, "http://[::1]:%d/x" % port,
                        "http://10.1.2.3/x", "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/x",
                        "http://[fd00::1]/x", "http://0.0.0.0:%d/x" % port):
                status, _, problem = shop.staff.post(shop.staff_path("/webhooks"),
                                                     {"url": url, "eventTypes": ["booking.created"]})
                self.assertEqual(status, 400, (url, problem))
                self.assertIn("url", fields_of(problem))
            client = srv.client()
            self.assertEqual(shop.book(client, shop.free_starts(client)[0])[0], 201)
            self.assertEqual(shop.staff.get(shop.staff_path("/webhooks"))[2]["items"], [])
        self.assertEqual(receiver.received(), [])


if __name__ == "__main__":
    unittest.main()
