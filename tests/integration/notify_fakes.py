"""Real and fake carriers for the notification tests: Debian's aiosmtpd as a loopback SMTP
server writing a Maildir, and a loopback HTTP server speaking the Twilio Messages wire
format. Both are started and stopped by the tests; waiting is polling with a deadline."""
import base64
import email
import email.policy
import hashlib
import hmac
import http.server
import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.parse
import urllib.request

import contract

DEADLINE_S = 30


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate, what, timeout=DEADLINE_S, interval=0.05):
    """Polls `predicate` until it returns something truthy; fails naming `what`."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for " + what)
        time.sleep(interval)


class SmtpSink:
    """aiosmtpd on a free loopback port storing every mail under DIR/new (Maildir)."""

    def __init__(self, port=None):
        self.root = tempfile.mkdtemp(prefix="visitd-smtp-")
        # Maildir creates its tmp/new/cur only when the directory does not exist yet.
        self.dir = os.path.join(self.root, "maildir")
        self.port = port or free_port()
        self.proc = None

    def start(self):
        self.proc = subprocess.Popen(
            ["/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:%d" % self.port,
             "-c", "aiosmtpd.handlers.Mailbox", self.dir],
            env={"PATH": "/usr/bin:/bin", "PYTHONUNBUFFERED": "1"},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until(self._accepting, "the SMTP sink to accept connections")
        return self

    def _accepting(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True
        except OSError:
            return False

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        self.proc = None

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def count(self):
        """How many mails arrived so far (cheap: no parsing)."""
        new = os.path.join(self.dir, "new")
        return len(os.listdir(new)) if os.path.isdir(new) else 0

    def messages(self):
        """Every mail received so far, parsed (email.message.EmailMessage)."""
        out = []
        new = os.path.join(self.dir, "new")
        if not os.path.isdir(new):
            return out
        for name in sorted(os.listdir(new)):
            with open(os.path.join(new, name), "rb") as f:
                out.append(email.message_from_binary_file(f, policy=email.policy.default))
        return out

    def wait_for(self, predicate, what, count=1, timeout=DEADLINE_S):
        """Waits until at least `count` received mails satisfy predicate; returns them."""
        def matching():
            found = [m for m in self.messages() if predicate(m)]
            return found if len(found) >= count else None
        return wait_until(matching, what, timeout=timeout)


def to_of(msg):
    return str(msg["To"]).rsplit("<", 1)[-1].rstrip(">").strip()


def part(msg, content_type):
    for p in msg.walk():
        if p.get_content_type() == content_type:
            return p
    return None


def calendar_of(msg):
    """(method parameter of the MIME part, parsed icalendar.Calendar) or (None, None)."""
    import icalendar  # Debian python3-icalendar
    p = part(msg, "text/calendar")
    if p is None:
        return None, None
    return p.get_param("method"), icalendar.Calendar.from_ical(p.get_content())


def twilio_signature(token, url, params):
    data = url + "".join(k + v for k, v in sorted(params.items()))
    return base64.b64encode(hmac.new(token.encode(), data.encode(), hashlib.sha1).digest()).decode()


class TwilioFake:
    """Accepts POST /2010-04-01/Accounts/{sid}/Messages.json with Basic auth and records each
    SMS; can then post status callbacks and inbound messages to visitd, signed or not."""

    def __init__(self, sid="AC0123456789abcdef", token="twilio-test-token"):
        self.sid = sid
        self.token = token
        self.sent = []
        self.attempts = []  # every accepted-auth POST: (time.monotonic(), time.time(), form)
        self.lock = threading.Lock()
        self.refuse = None  # (status, json) to answer instead of accepting
        self.script = []    # answers used once each, in order, before accepting: (status, json, headers)
        fake = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length).decode()
                expected_auth = "Basic " + base64.b64encode(("%s:%s" % (fake.sid, fake.token)).encode()).decode()
                if self.path != "/2010-04-01/Accounts/%s/Messages.json" % fake.sid:
                    return self._answer(404, {"message": "not found"})
                if self.headers.get("Authorization") != expected_auth:
                    return self._answer(401, {"message": "bad credentials"})
                form = dict(urllib.parse.parse_qsl(body, keep_blank_values=True))
                with fake.lock:
                    fake.attempts.append((time.monotonic(), time.time(), form))
                    scripted = fake.script.pop(0) if fake.script else None
                if scripted:
                    return self._answer(*scripted)
                if fake.refuse:
                    return self._answer(*fake.refuse)
                with fake.lock:
                    sid = "SM%032d" % (len(fake.sent) + 1)
                    fake.sent.append(dict(form, sid=sid))
                self._answer(201, {"sid": sid, "status": "queued", "to": form.get("To")})

            def _answer(self, status, obj, headers=None):
                data = json.dumps(obj).encode()
                self.send_response(status)
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = "http://127.0.0.1:%d" % self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def messages(self):
        with self.lock:
            return list(self.sent)

    def attempts_to(self, number):
        with self.lock:
            return [a for a in self.attempts if a[2].get("To") == number]

    def post_signed(self, url, params, signature=None):
        """POSTs a form to visitd with X-Twilio-Signature (the right one unless given)."""
        sig = signature if signature is not None else twilio_signature(self.token, url, params)
        req = urllib.request.Request(url, data=urllib.parse.urlencode(params).encode(), method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded",
                                              "X-Twilio-Signature": sig})
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                status, headers, body = resp.status, dict(resp.headers.items()), resp.read()
        except urllib.error.HTTPError as e:
            status, headers, body = e.code, dict(e.headers.items()), e.read()
        target = urllib.parse.urlsplit(url)
        found = contract.shared().check("POST", target.path + ("?" + target.query if target.query else ""),
                                        dict(req.header_items()), req.data, status, headers, body)
        if found:
            raise AssertionError("exchange does not match docs/openapi.yaml:\n  " + "\n  ".join(found))
        return status, body.decode()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
