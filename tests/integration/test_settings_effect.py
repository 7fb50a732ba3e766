"""Every documented setting takes effect (fault J14: VISITD_LOG_LEVEL=warn still logged info
lines and an access line per request). One test per setting with an observable effect that no
other module's tests already cover."""
import base64
import socket
import time
import unittest

from harness import Server

HEALTH_TIMEOUT_S = 30


def wait_for(predicate, timeout=HEALTH_TIMEOUT_S):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


class LogLevel(unittest.TestCase):
    def run_requests(self, level):
        """Starts a server at `level`, makes two requests, stops it; returns its stderr."""
        srv = Server(env={"VISITD_LOG_LEVEL": level})
        try:
            srv.start()
            c = srv.client()
            self.assertEqual(c.get("/healthz")[0], 200)
            self.assertEqual(c.get("/api/v1/no-such-thing")[0], 404)
            srv.stop()  # the drain thread has read everything once the process is gone
            return srv.stderr_text()
        finally:
            srv.cleanup()

    def test_info_writes_an_access_line_per_request(self):
        err = self.run_requests("info")
        self.assertIn("GET /healthz 200", err)
        self.assertIn("[info]", err)

    def test_warn_writes_no_info_lines_and_no_access_lines(self):
        err = self.run_requests("warn")
        self.assertNotIn("[info]", err)
        self.assertNotIn("GET /healthz", err)

    def test_off_writes_nothing(self):
        self.assertEqual(self.run_requests("off"), "")

    def test_debug_also_writes_access_lines(self):
        self.assertIn("GET /healthz 200", self.run_requests("debug"))


class ConnectionLimits(unittest.TestCase):
    def test_header_timeout_closes_a_connection_that_sends_nothing(self):
        with Server(env={"VISITD_HEADER_TIMEOUT_S": "1", "VISITD_IDLE_TIMEOUT_S": "3600"}) as srv:
            sock = socket.create_connection(("127.0.0.1", srv.port), timeout=HEALTH_TIMEOUT_S)
            try:
                self.assertEqual(sock.recv(1), b"")  # closed by the server, long before our timeout
            finally:
                sock.close()

    def test_idle_timeout_closes_a_kept_alive_connection(self):
        with Server(env={"VISITD_IDLE_TIMEOUT_S": "1", "VISITD_HEADER_TIMEOUT_S": "3600"}) as srv:
            sock = socket.create_connection(("127.0.0.1", srv.port), timeout=HEALTH_TIMEOUT_S)
            try:
                sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                data = b""
                while b"\r\n\r\n" not in data or not data.endswith(b"}"):
                    chunk = sock.recv(4096)
                    self.assertTrue(chunk)
                    data += chunk
                self.assertTrue(data.startswith(b"HTTP/1.1 200"))
                self.assertEqual(sock.recv(1), b"")  # then idle: closed by the server
            finally:
                sock.close()

    def test_max_header_bytes_answers_431(self):
        with Server(env={"VISITD_MAX_HEADER_BYTES": "1024"}) as srv:
            status, _, _ = srv.client().get("/healthz", headers={"X-Filler": "x" * 2000})
            self.assertEqual(status, 431)


class Sessions(unittest.TestCase):
    def test_session_hours_sets_the_cookie_lifetime(self):
        with Server(env={"VISITD_SESSION_HOURS": "2"}) as srv:
            srv.admin("create-user", "--email", "s@example.test", "--name", "S", "--password", "right-password-123")
            status, headers, _ = srv.client().post("/api/v1/auth/login",
                                                   {"email": "s@example.test", "password": "right-password-123"})
            self.assertEqual(status, 200)
            self.assertIn("Max-Age=7200", headers["set-cookie"])


class Workers(unittest.TestCase):
    def test_worker_settings_are_accepted_and_requests_still_answer(self):
        with Server(env={"VISITD_WORKER_THREADS": "1", "VISITD_WORKER_QUEUE": "1", "VISITD_PASSWORD_CHECKS": "1"}) as srv:
            self.assertEqual(srv.client().get("/readyz")[0], 200)

    def test_live_worker_threads_size_the_live_pool(self):
        with Server(env={"VISITD_LIVE_WORKER_THREADS": "3", "VISITD_LIVE_WORKER_QUEUE": "5"}) as srv:
            status, _, text = srv.client().get("/metrics")
            self.assertEqual(status, 200)
            self.assertIn('visitd_worker_threads{pool="live"} 3', text.splitlines())

    def test_out_of_range_worker_settings_are_refused_at_start(self):
        for name, value in (("VISITD_WORKER_THREADS", "0"), ("VISITD_WORKER_QUEUE", "0"),
                            ("VISITD_PASSWORD_CHECKS", "65"), ("VISITD_LIVE_WORKER_THREADS", "0"),
                            ("VISITD_LIVE_WORKER_QUEUE", "0")):
            srv = Server(env={name: value})
            try:
                with self.assertRaises(RuntimeError) as raised:
                    srv.start()
                self.assertIn(name, str(raised.exception))
            finally:
                srv.cleanup()


if __name__ == "__main__":
    unittest.main()
