"""Staff sign-in: login, session cookie, CSRF, logout, /me, bearer tokens, rate limit."""
import unittest

from harness import Server
from api_fixtures import PASSWORD, Shop, fields_of
from invitations_support import accept, invitation_tokens, smtp_env
from notify_fakes import SmtpSink


class AuthTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.smtp = SmtpSink().start()
        cls.srv = Server(env=smtp_env(cls.smtp)).start()
        cls.shop = Shop(cls.srv, "authshop")
        cls.other = Shop(cls.srv, "othershop")
        # A manager of authshop who is also a provider at othershop (invited, and accepted).
        cls.srv.admin("create-user", "--email", "multi@authshop.test", "--name", "Multi", "--password", PASSWORD,
                      "--business", "authshop", "--role", "manager")
        status, _, body = cls.other.staff.post(cls.other.staff_path("/staff"),
                                               {"email": "multi@authshop.test", "role": "provider"})
        assert status == 202, (status, body)
        (token,) = invitation_tokens(cls.smtp, "multi@authshop.test")
        status, body, _ = accept(cls.srv, token, {"password": PASSWORD})
        assert status == 200, (status, body)

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()
        cls.smtp.cleanup()

    def login(self, email, password):
        c = self.srv.client()
        status, headers, body = c.post("/api/v1/auth/login", {"email": email, "password": password})
        return c, status, headers, body

    def test_login_sets_a_hardened_session_cookie(self):
        c, status, headers, body = self.login(self.shop.owner_email, PASSWORD)
        self.assertEqual(status, 200, body)
        cookie = headers["set-cookie"]
        self.assertTrue(cookie.startswith("visitd_session="))
        attrs = {a.strip().split("=")[0].lower() for a in cookie.split(";")[1:]}
        self.assertTrue({"httponly", "samesite", "path", "max-age"} <= attrs, cookie)
        self.assertIn("SameSite=Lax", cookie)
        self.assertIn("Max-Age=43200", cookie)
        self.assertNotIn("Secure", cookie)
        self.assertEqual(body["user"]["email"], self.shop.owner_email)
        self.assertEqual(set(body["user"]), {"id", "email", "name"})
        self.assertEqual(body["memberships"], [{"businessId": self.shop.business_id, "businessName": "Authshop",
                                                "slug": "authshop", "role": "owner"}])
        self.assertTrue(body["csrfToken"])
        self.assertNotIn(cookie.split("=", 1)[1].split(";")[0], str(body))  # the token only travels as a cookie

    def test_memberships_list_every_business_with_its_role(self):
        _, status, _, body = self.login("multi@authshop.test", PASSWORD)
        self.assertEqual(status, 200, body)
        roles = {m["slug"]: m["role"] for m in body["memberships"]}
        self.assertEqual(roles, {"authshop": "manager", "othershop": "provider"})

    def test_email_is_case_insensitive(self):
        _, status, _, body = self.login(self.shop.owner_email.upper(), PASSWORD)
        self.assertEqual(status, 200, body)

    def test_wrong_email_and_wrong_password_look_the_same(self):
        _, s1, h1, b1 = self.login(self.shop.owner_email, "wrong password")
        _, s2, h2, b2 = self.login("nobody@nowhere.test", PASSWORD)
        self.assertEqual((s1, s2), (401, 401))
        self.assertEqual(b1["detail"], b2["detail"])
        self.assertNotIn("set-cookie", h1)
        self.assertNotIn("set-cookie", h2)

    def test_login_bad_bodies(self):
        c = self.srv.client()
        status, _, body = c.post("/api/v1/auth/login", {"email": self.shop.owner_email})
        self.assertEqual(status, 400)
        self.assertIn("password", fields_of(body))
        status, _, body = c.post("/api/v1/auth/login", {})
        self.assertEqual(fields_of(body), {"email", "password"})
        status, _, body = c.post("/api/v1/auth/login", raw='{"email":"a","password":"b"}',
                                 headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(status, 415)
        status, _, body = c.post("/api/v1/auth/login", raw="{nope", headers={"Content-Type": "application/json"})
        self.assertEqual(status, 400)

    def test_me_needs_a_session_and_returns_the_csrf_token(self):
        c = self.srv.client()
        status, _, body = c.get("/api/v1/me")
        self.assertEqual(status, 401, body)
        login = c.login(self.shop.owner_email, PASSWORD)
        status, _, body = c.get("/api/v1/me")
        self.assertEqual(status, 200, body)
        self.assertEqual(body["user"], login["user"])
        self.assertEqual(body["csrfToken"], login["csrfToken"])
        self.assertEqual(body["memberships"], login["memberships"])

    def test_unsafe_cookie_request_needs_csrf_and_logout_ends_the_session(self):
        c = self.srv.client()
        c.login(self.shop.owner_email, PASSWORD)
        csrf, c.csrf = c.csrf, None
        status, _, body = c.post("/api/v1/auth/logout")
        self.assertEqual(status, 403, body)
        status, _, _ = c.post("/api/v1/auth/logout", headers={"X-CSRF-Token": "wrong"})
        self.assertEqual(status, 403)
        self.assertEqual(c.get("/api/v1/me")[0], 200)      # still signed in
        cookie = dict(c.cookies)
        c.csrf = csrf
        status, headers, _ = c.post("/api/v1/auth/logout")
        self.assertEqual(status, 204)
        self.assertIn("Max-Age=0", headers["set-cookie"])
        self.assertEqual(c.get("/api/v1/me")[0], 401)
        c.cookies = cookie                                   # a replayed cookie is dead too
        self.assertEqual(c.get("/api/v1/me")[0], 401)

    def test_staff_routes_hide_foreign_businesses(self):
        c = self.srv.client()
        c.login(self.shop.owner_email, PASSWORD)
        status, _, body = c.get(self.other.staff_path(""))
        self.assertEqual(status, 404, body)
        status, _, body = c.get("/api/v1/businesses/biz_doesnotexist")
        self.assertEqual(status, 404, body)
        self.assertEqual(c.get(self.shop.staff_path(""))[0], 200)

    def test_bearer_token_is_bound_to_its_business_and_capped_role(self):
        status, _, token = self.shop.staff.post(self.shop.staff_path("/api-tokens"),
                                                {"name": "reporting", "role": "provider"})
        self.assertEqual(status, 201, token)
        c = self.srv.client()
        c.bearer = token["token"]
        status, _, me = c.get("/api/v1/me")
        self.assertEqual(status, 200, me)
        self.assertEqual(me["memberships"], [{"businessId": self.shop.business_id, "businessName": "Authshop",
                                              "slug": "authshop", "role": "provider"}])
        self.assertNotIn("csrfToken", me)
        # No CSRF for bearer calls, but the capped role applies: a provider may not edit the business.
        status, _, body = c.patch(self.shop.staff_path(""), {"name": "Renamed"})
        self.assertEqual(status, 403, body)
        self.assertEqual(c.get(self.other.staff_path(""))[0], 404)
        c.bearer = token["token"] + "x"
        self.assertEqual(c.get("/api/v1/me")[0], 401)
        status, _, tokens = self.shop.staff.get(self.shop.staff_path("/api-tokens"))
        used = [t for t in tokens["items"] if t["id"] == token["id"]][0]
        self.assertIsNotNone(used["lastUsedAt"])


class AuthServerSettingsTest(unittest.TestCase):
    def test_secure_cookie_flag_and_login_rate_limit(self):
        with Server(env={"VISITD_SECURE_COOKIES": "true", "VISITD_LOGIN_RATE_PER_MINUTE": "1",
                         "VISITD_LOGIN_BURST": "2"}) as srv:
            srv.admin("create-business", "--slug", "rl", "--name", "RL", "--zone", "UTC")
            srv.admin("create-user", "--email", "o@rl.test", "--name", "O", "--password", PASSWORD,
                      "--business", "rl", "--role", "owner")
            c = srv.client()
            status, headers, _ = c.post("/api/v1/auth/login", {"email": "o@rl.test", "password": PASSWORD})
            self.assertEqual(status, 200)
            self.assertIn("; Secure", headers["set-cookie"])
            status, _, _ = c.post("/api/v1/auth/login", {"email": "o@rl.test", "password": "nope"})
            self.assertEqual(status, 401)
            status, headers, body = c.post("/api/v1/auth/login", {"email": "o@rl.test", "password": PASSWORD})
            self.assertEqual(status, 429, body)
            self.assertGreaterEqual(int(headers["retry-after"]), 1)
            self.assertNotIn("set-cookie", headers)


if __name__ == "__main__":
    unittest.main()
