"""Issue H: connection and body limits. Slow bodies (a byte a second) and many connections
from loopback addresses leave a normal request answering: one address holds at most its
cap (the rest are closed at accept), a body not complete by its deadline is dropped, and
the figures are in /metrics. Loads are bounded; waits are for observable conditions."""
import resource
import socket
import time
import unittest

from harness import Server

PER_ADDRESS = 8
BODY_TIMEOUT_S = 2
HEADER_TIMEOUT_S = 2
WAIT_S = 30  # generous bound on every wait below; the test never asserts how long anything took


def metric(client, name):
    status, _, text = client.get("/metrics")
    assert status == 200, status
    for line in text.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[1])
    raise AssertionError("no metric %s" % name)


def wait_until(condition, what):
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("timed out waiting for " + what)


def closed_by_server(sock):
    """True once the server has closed the connection (EOF or reset), without blocking."""
    sock.setblocking(False)
    try:
        return sock.recv(4096) == b""  # the server answers nothing to a body it gave up on
    except BlockingIOError:
        return False
    except (ConnectionResetError, BrokenPipeError):
        return True
    finally:
        sock.setblocking(True)


def slow_body_connection(port, source):
    """A POST whose header promises 1000 bytes, then sends one byte: a body that never ends."""
    s = socket.create_connection(("127.0.0.1", port), timeout=WAIT_S, source_address=(source, 0))
    s.sendall(b"POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              b"Content-Length: 1000\r\n\r\n{")
    return s


class ConnectionLimits(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server(env={
            "VISITD_MAX_CONNECTIONS_PER_ADDRESS": str(PER_ADDRESS),
            "VISITD_BODY_TIMEOUT_S": str(BODY_TIMEOUT_S),
            "VISITD_HEADER_TIMEOUT_S": str(HEADER_TIMEOUT_S),
        }).start()

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def test_limits_are_reported_in_metrics(self):
        c = self.srv.client()
        self.assertEqual(metric(c, "visitd_http_connections_per_address_max"), PER_ADDRESS)
        self.assertEqual(metric(c, "visitd_http_body_timeout_seconds"), BODY_TIMEOUT_S)
        self.assertEqual(metric(c, "visitd_http_header_timeout_seconds"), HEADER_TIMEOUT_S)
        self.assertGreater(metric(c, "visitd_http_connections_max"), 0)

    def test_one_address_holds_at_most_its_cap_and_others_still_answer(self):
        c = self.srv.client()
        refused_before = metric(c, "visitd_http_connections_refused_per_address_total")
        held = []
        try:
            for _ in range(PER_ADDRESS * 3):
                held.append(socket.create_connection(("127.0.0.1", self.srv.port), timeout=WAIT_S,
                                                     source_address=("127.0.0.2", 0)))
            # The ones past the cap are closed by the server at accept; the first PER_ADDRESS stay.
            wait_until(lambda: metric(c, "visitd_http_connections_refused_per_address_total")
                       >= refused_before + PER_ADDRESS * 2, "the extra connections to be refused")
            closed = [s for s in held[PER_ADDRESS:] if wait_closed(s)]
            self.assertEqual(len(closed), PER_ADDRESS * 2)
            status, _, body = c.get("/healthz")
            self.assertEqual(status, 200)
            status, _, _ = c.get("/api/v1/public/businesses/nobody")
            self.assertEqual(status, 404)  # a routed request on the worker pool answers too
        finally:
            for s in held:
                s.close()

    def test_slow_bodies_are_dropped_and_a_normal_request_answers_meanwhile(self):
        c = self.srv.client()
        timeouts_before = metric(c, "visitd_http_body_timeouts_total")
        sources = ["127.0.0.%d" % i for i in range(3, 7)]
        slow = [slow_body_connection(self.srv.port, src) for src in sources for _ in range(PER_ADDRESS)]
        try:
            # While they trickle: a normal request answers.
            for s in slow:
                s.sendall(b" ")
            status, _, _ = c.post("/api/v1/auth/login", {"email": "a@example.com", "password": "nope-nope-nope"})
            self.assertEqual(status, 401)
            # Keep trickling a byte each round until the server drops every one of them.
            open_ones = list(slow)
            deadline = time.monotonic() + WAIT_S
            while open_ones and time.monotonic() < deadline:
                still = []
                for s in open_ones:
                    try:
                        s.sendall(b" ")
                        if not closed_by_server(s):
                            still.append(s)
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                open_ones = still
                time.sleep(0.5)
            self.assertEqual(open_ones, [], "slow bodies still held after %d s" % WAIT_S)
            self.assertGreaterEqual(metric(c, "visitd_http_body_timeouts_total"), timeouts_before + len(slow))
        finally:
            for s in slow:
                s.close()

    def test_a_header_that_never_ends_is_dropped(self):
        c = self.srv.client()
        before = metric(c, "visitd_http_header_timeouts_total")
        s = socket.create_connection(("127.0.0.1", self.srv.port), timeout=WAIT_S, source_address=("127.0.0.8", 0))
        try:
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # no blank line: the header goes on
            self.assertTrue(wait_closed(s))
            wait_until(lambda: metric(c, "visitd_http_header_timeouts_total") > before, "a header timeout counted")
        finally:
            s.close()


class FileLimit(unittest.TestCase):
    def test_connection_cap_is_cut_below_a_low_file_limit_with_a_warning(self):
        def low_file_limit():
            resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))

        env = {"VISITD_MAX_CONNECTIONS": "4096", "VISITD_LOG_LEVEL": "warn"}
        with Server(env=env, preexec_fn=low_file_limit) as srv:
            c = srv.client()
            cap = metric(c, "visitd_http_connections_max")
            self.assertLess(cap, 256)
            self.assertGreater(cap, 0)
            wait_until(lambda: "open-file limit is 256" in srv.stderr_text(), "the start-up warning")


def wait_closed(sock):
    """Blocks (up to WAIT_S) until the server closes the connection; True when it did."""
    sock.settimeout(WAIT_S)
    try:
        while True:
            data = sock.recv(4096)
            if data == b"":
                return True
    except (ConnectionResetError, BrokenPipeError):
        return True
    except socket.timeout:
        return False


if __name__ == "__main__":
    unittest.main()
