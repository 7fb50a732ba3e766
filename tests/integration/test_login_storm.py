"""Issue E: a storm of wrong-password logins never stalls the server. Password checks are
capped globally (VISITD_PASSWORD_CHECKS); past the cap a login is refused at once with 503
problem+json and Retry-After, and /healthz keeps answering throughout."""
import http.client
import json
import threading
import unittest

import contract
from harness import Server

CLIENTS = 16
EMAIL = "storm@example.test"


def login_from(port, source, password):
    """One login from a chosen loopback source address (the rate limits key on it)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120, source_address=(source, 0))
    try:
        conn.request("POST", "/api/v1/auth/login", body=json.dumps({"email": EMAIL, "password": password}),
                     headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        body = resp.read()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body
    finally:
        conn.close()


class LoginStorm(unittest.TestCase):
    def test_storm_of_wrong_passwords_leaves_healthz_answering_and_overflow_refused_with_retry_after(self):
        # The real per-address login limits (burst 5): each of the 16 addresses stays inside it.
        env = {"VISITD_LOGIN_RATE_PER_MINUTE": "10", "VISITD_LOGIN_BURST": "5", "VISITD_PASSWORD_CHECKS": "1"}
        with Server(env=env) as srv:
            srv.admin("create-user", "--email", EMAIL, "--name", "Storm", "--password", "right-password-123")
            refused = []
            answered = []
            health = []
            # A storm is a race: repeat it (within every address's burst) until one overflows the cap.
            for _ in range(4):
                barrier = threading.Barrier(CLIENTS + 1)
                results = []

                def storm(i):
                    barrier.wait()
                    results.append(login_from(srv.port, "127.0.0.%d" % (11 + i), "wrong-password-%d" % i))

                threads = [threading.Thread(target=storm, args=(i,)) for i in range(CLIENTS)]
                for t in threads:
                    t.start()
                barrier.wait()
                health.append(srv.client().get("/healthz"))  # at least once while the storm runs
                while any(t.is_alive() for t in threads):
                    health.append(srv.client().get("/healthz"))
                for t in threads:
                    t.join()
                answered.extend(results)
                refused.extend(r for r in results if r[0] in (429, 503))
                if refused:
                    break

            for status, _, body in health:
                self.assertEqual(status, 200)
                self.assertEqual(body, {"status": "ok"})
            self.assertTrue(refused, "no login was refused with the cap at 1: %s" % [r[0] for r in answered])
            for status, headers, body in refused:
                self.assertEqual(status, 503)
                self.assertEqual(headers["content-type"], "application/problem+json")
                self.assertGreaterEqual(int(headers["retry-after"]), 1)
                self.assertEqual(json.loads(body)["status"], 503)
            # Raw connections bypass the harness's client: check their answers against the contract here.
            for status, headers, body in answered:
                self.assertEqual([], contract.shared().check("POST", "/api/v1/auth/login", {}, b"", status, headers, body))
            # Every other login was checked and refused as a wrong password, never a 500.
            self.assertTrue(all(r[0] in (401, 503) for r in answered), [r[0] for r in answered])
            # Once the storm is over the right password still works.
            srv.client().login(EMAIL, "right-password-123")


if __name__ == "__main__":
    unittest.main()
