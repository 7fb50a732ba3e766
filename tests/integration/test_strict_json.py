"""Issue H: strict JSON on every body. Generated from the server's route table
(`visitd routes --bodies`), so a new route cannot escape it: every route taking a JSON body
refuses an unknown key and a repeated key with 400 problem+json naming the key. Nothing is
changed by a refused request. (A route taking no body ignores one, as the contract states.)"""
import subprocess
import unittest

from api_fixtures import Shop, fields_of, token_of
from harness import VISITD_BIN, Server

UNKNOWN = "zzNotAField"
# Routes whose body is not JSON, with why: they read form fields or image bytes.
OTHER_BODIES = {
    ("POST", "/api/v1/sms/status"),      # the SMS gateway's form-encoded callback
    ("POST", "/api/v1/sms/inbound"),     # the same
    ("PUT", "/api/v1/businesses/{businessId}/logo"),  # the image itself
    ("PUT", "/api/v1/businesses/{businessId}/providers/{providerId}/photo"),  # the image itself (k-polish)
}


def route_table():
    out = subprocess.run([VISITD_BIN, "routes", "--bodies"], capture_output=True, text=True, check=True, timeout=30)
    return [tuple(line.split(" ")) for line in out.stdout.splitlines() if line]


class StrictJson(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server().start()
        cls.shop = Shop(cls.srv, "strict")
        public = cls.srv.client()
        start = cls.shop.free_starts(public)[0]
        status, _, booking = cls.shop.book(public, start)
        assert status == 201, (status, booking)
        status, _, staff = cls.shop.staff.get(cls.shop.staff_path("/staff"))
        assert status == 200, (status, staff)
        cls.params = {
            "businessId": cls.shop.business_id,
            "slug": cls.shop.slug,
            "providerId": cls.shop.provider_ids[0],
            "serviceId": cls.shop.service_id,
            "bookingId": booking["booking"]["id"],
            "userId": staff["items"][0]["user"]["id"],
            "kind": "confirmation",
            "channel": "email",
            "roomId": booking["booking"]["id"],
        }
        cls.tokens = {"manage": token_of(booking["manageUrl"]), "join": token_of(booking["joinUrl"])}

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def path_of(self, pattern):
        path = pattern
        for name, value in self.params.items():
            path = path.replace("{%s}" % name, value)
        if "{token}" in path:
            path = path.replace("{token}", self.tokens["join" if path.startswith("/api/v1/join/") else "manage"])
        # Ids of things the refused request never reaches (a body is refused before the lookup).
        for name in ("overrideId", "timeOffId", "tokenId", "messageId", "webhookId"):
            path = path.replace("{%s}" % name, "no-such-" + name)
        self.assertNotIn("{", path, "no value for a parameter of " + pattern)
        return path

    def send(self, method, pattern, raw):
        return self.shop.staff.request(method, self.path_of(pattern), raw=raw,
                                       headers={"Content-Type": "application/json"})

    def test_the_route_table_says_what_every_route_takes(self):
        table = route_table()
        self.assertGreater(len(table), 40)
        others = {(m, p) for m, p, body in table if body == "other"}
        self.assertEqual(others, OTHER_BODIES, "a new non-JSON body must be listed here with its reason")
        self.assertTrue(any(body == "json" for _, _, body in table))

    def test_every_json_route_refuses_an_unknown_key_naming_it(self):
        checked = 0
        for method, pattern, body in route_table():
            if body != "json":
                continue
            with self.subTest(route=method + " " + pattern):
                status, headers, problem = self.send(method, pattern, '{"%s": 1}' % UNKNOWN)
                self.assertEqual(status, 400, problem)
                self.assertTrue(headers["content-type"].startswith("application/problem+json"))
                self.assertIn(UNKNOWN, fields_of(problem))
                checked += 1
        self.assertGreater(checked, 20)

    def test_every_json_route_refuses_a_repeated_key_naming_it(self):
        for method, pattern, body in route_table():
            if body != "json":
                continue
            with self.subTest(route=method + " " + pattern):
                status, _, problem = self.send(method, pattern, '{"start": "x", "start": "y"}')
                self.assertEqual(status, 400, problem)
                self.assertIn("start", fields_of(problem))
                self.assertIn("more than once", str(problem))

    def test_a_misplaced_rule_is_refused_and_changes_nothing(self):
        # The field report: cancelCutoffHours at the top level instead of under "rules".
        _, _, before = self.shop.staff.get(self.shop.staff_path(""))
        status, _, problem = self.shop.staff.patch(self.shop.staff_path(""), {"cancelCutoffHours": 72})
        self.assertEqual(status, 400)
        self.assertEqual(fields_of(problem), {"cancelCutoffHours"})
        _, _, after = self.shop.staff.get(self.shop.staff_path(""))
        self.assertEqual(before, after)

    def test_nested_unknown_keys_are_named_with_their_path(self):
        status, _, problem = self.shop.staff.patch(self.shop.staff_path(""), {"rules": {"cancelCutoff": 3}})
        self.assertEqual(status, 400)
        self.assertEqual(fields_of(problem), {"rules.cancelCutoff"})
        weekly = [{"weekday": 1, "start": "09:00", "end": "17:00", "lunch": "12:00"}]
        status, _, problem = self.shop.staff.put(
            self.shop.staff_path("/providers/%s/weekly-hours" % self.shop.provider_ids[0]), {"weekly": weekly})
        self.assertEqual(status, 400)
        self.assertEqual(fields_of(problem), {"weekly[0].lunch"})

    def test_well_formed_bodies_still_pass(self):
        status, _, body = self.shop.staff.patch(self.shop.staff_path(""), {"rules": {"cancelCutoffHours": 2},
                                                                            "name": "Strict"})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["rules"]["cancelCutoffHours"], 2)


if __name__ == "__main__":
    unittest.main()
