"""A real coturn (Debian's turnserver) on loopback, sharing the test's secret with visitd,
accepts the TURN credentials a room join mints and refuses expired or forged ones
(turnutils_uclient allocates a relay with them)."""
import base64
import hashlib
import hmac
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import unittest

from harness import POSTGRES_URL, Server
from rooms_support import RoomShop

TURN_SECRET = "coturn-test-secret-0123456789"
TURNSERVER = shutil.which("turnserver") or "/usr/bin/turnserver"
UCLIENT = shutil.which("turnutils_uclient") or "/usr/bin/turnutils_uclient"
START_TIMEOUT_S = 15


def free_port(kind=socket.SOCK_DGRAM):
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def turn_password(username, secret=TURN_SECRET):
    return base64.b64encode(hmac.new(secret.encode(), username.encode(), hashlib.sha1).digest()).decode()


@unittest.skipUnless(os.path.exists(TURNSERVER) and os.path.exists(UCLIENT), "coturn is not installed")
# coturn checks the credentials visitd mints from its secret; nothing here touches the store,
# so the PostgreSQL pass of the suite leaves them to the SQLite one (one coturn per CI run).
@unittest.skipIf(POSTGRES_URL, "store-independent: run once, in the SQLite suite")
class CoturnAcceptsMintedCredentials(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.port = free_port()
        relay = free_port()
        cls.dir = tempfile.mkdtemp(prefix="visitd-turn-")
        cls.turn = subprocess.Popen(
            [TURNSERVER, "-n", "--listening-port=%d" % cls.port, "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1",
             "--use-auth-secret", "--static-auth-secret=" + TURN_SECRET, "--realm=visitd", "--no-cli", "--no-tls",
             "--no-dtls", "--allow-loopback-peers", "--min-port=%d" % relay, "--max-port=%d" % (relay + 20),
             "--log-file=stdout", "--simple-log", "--userdb=" + os.path.join(cls.dir, "turndb"),
             "--pidfile=" + os.path.join(cls.dir, "turn.pid")],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        ready = threading.Event()

        def watch():
            for line in cls.turn.stdout:
                if "Total General servers" in line:
                    ready.set()
        threading.Thread(target=watch, daemon=True).start()
        if not ready.wait(START_TIMEOUT_S):
            cls.turn.kill()
            raise RuntimeError("turnserver did not start")
        cls.srv = Server(env={"VISITD_TURN_SECRET": TURN_SECRET,
                              "VISITD_TURN_URLS": "turn:127.0.0.1:%d?transport=udp" % cls.port}).start()
        # No lobby: a guest is admitted at once, so its join carries relay credentials.
        cls.shop = RoomShop(cls.srv, "turnshop", service={"roomAutoAdmit": True})

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()
        cls.turn.terminate()
        try:
            cls.turn.wait(timeout=15)  # it takes over a second to exit
        except subprocess.TimeoutExpired:
            cls.turn.kill()
            cls.turn.wait()
        shutil.rmtree(cls.dir, ignore_errors=True)

    def allocate(self, username, password):
        out = subprocess.run([UCLIENT, "-p", str(self.port), "-u", username, "-w", password, "-y", "-n", "5", "-m",
                              "1", "127.0.0.1"], capture_output=True, text=True, timeout=60)
        return out.returncode

    def minted(self):
        room, join = self.shop.book_room()
        status, _, body = self.shop.guest_join(join)
        self.assertEqual(status, 200, body)
        (server,) = body["iceServers"]
        self.assertEqual(server["urls"], ["turn:127.0.0.1:%d?transport=udp" % self.port])
        return server["username"], server["credential"]

    def test_minted_credentials_allocate_a_relay(self):
        username, password = self.minted()
        self.assertEqual(password, turn_password(username))
        self.assertEqual(self.allocate(username, password), 0)

    def test_forged_password_is_refused(self):
        username, _ = self.minted()
        self.assertNotEqual(self.allocate(username, turn_password(username, secret="another-secret-0000")), 0)

    def test_expired_username_is_refused(self):
        username, _ = self.minted()
        expired = "%d:%s" % (int(time.time()) - 60, username.split(":", 1)[1])
        self.assertNotEqual(self.allocate(expired, turn_password(expired)), 0)

    def test_turn_config_command_prints_a_coturn_config_with_the_shared_secret(self):
        out = self.srv.run_cli("turn-config", "--port", "3479")
        self.assertIn("use-auth-secret", out.stdout)
        self.assertIn("static-auth-secret=" + TURN_SECRET, out.stdout)
        self.assertIn("listening-port=3479", out.stdout)


if __name__ == "__main__":
    unittest.main()
