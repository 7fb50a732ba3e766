"""The clinic's public face (issue K): who may change the profile, logo and the words on
services and providers; what consumers read by slug; bad input named by field, nothing stored."""
import base64
import unittest

from test_staff_common import StaffTestCase, start_world

srv = world = None
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
JPEG_START = b"\xff\xd8\xff\xe0" + b"\x00" * 60


def setUpModule():
    global srv, world
    srv, world = start_world()


def tearDownModule():
    srv.cleanup()


class BrandingTest(StaffTestCase):
    @classmethod
    def setUpClass(cls):
        cls.pat_provider = world.create_provider("Dr Pat", user_key="pat")
        cls.quinn_provider = world.create_provider("Dr Quinn", user_key="quinn")
        cls.service = world.create_service("Checkup", [cls.pat_provider["id"]])

    def public(self, suffix=""):
        return srv.client().get("/api/v1/public/businesses/acme" + suffix)

    def test_a_new_business_has_an_empty_profile_with_its_policy(self):
        body = self.assertOk(srv.client().get("/api/v1/public/businesses/globex/profile"))  # never edited
        self.assertEqual("Globex", body["name"])
        self.assertIsNone(body["logoUrl"])
        self.assertEqual({"phone": "", "email": "", "address": ""}, body["contact"])
        self.assertEqual({"cancelCutoffHours", "rescheduleCutoffHours"}, set(body["policy"]))
        self.assertProblem(srv.client().get("/api/v1/public/businesses/nobody/profile"), 404)
        self.assertProblem(srv.client().get("/api/v1/public/businesses/globex/logo"), 404)

    def test_only_managers_change_the_profile_and_logo(self):
        pat = world.client("pat")
        self.assertProblem(pat.put(world.path("/profile"), {"description": "mine"}), 403)
        self.assertProblem(pat.put(world.path("/logo"), raw=PNG, headers={"Content-Type": "image/png"}), 403)
        self.assertProblem(world.client("rival").put(world.path("/profile"), {"description": "x"}), 404)
        body = self.assertOk(world.client("manager").put(world.path("/profile"), {
            "description": "Care near you", "accentColor": "#1A6B8F",
            "contact": {"phone": "+44 20 7946 0000", "email": "desk@acme.test", "address": "1 High St"}}))
        self.assertEqual("Care near you", body["description"])
        self.assertEqual("#1A6B8F", body["accentColor"])
        # Fields not sent keep their value.
        body = self.assertOk(world.client("manager").put(world.path("/profile"), {"contact": {"phone": "0"}}))
        self.assertEqual({"phone": "0", "email": "desk@acme.test", "address": "1 High St"}, body["contact"])
        self.assertEqual("Care near you", self.assertOk(self.public("/profile"))["description"])
        # Any member reads the same profile the consumers see.
        self.assertEqual(self.assertOk(self.public("/profile")),
                         self.assertOk(world.client("pat").get(world.path("/profile"))))
        self.assertAudited(world, "business.profile", "user:" + world.user_ids["manager"])

    def test_a_logo_is_checked_by_content_and_size_and_served_with_its_type(self):
        c = world.client("owner")
        self.assertProblem(c.put(world.path("/logo"), raw=b"<svg/>", headers={"Content-Type": "image/svg+xml"}),
                           415, field="logo")
        self.assertProblem(c.put(world.path("/logo"), raw=PNG, headers={"Content-Type": "image/jpeg"}), 415, field="logo")
        self.assertProblem(c.put(world.path("/logo"), raw=PNG + b"\0" * (256 * 1024), headers={"Content-Type": "image/png"}),
                           413, field="logo")
        self.assertProblem(c.put(world.path("/logo"), raw=b"", headers={"Content-Type": "image/png"}), 400, field="logo")
        self.assertIsNone(self.assertOk(self.public("/profile"))["logoUrl"])
        body = self.assertOk(c.put(world.path("/logo"), raw=JPEG_START, headers={"Content-Type": "image/jpeg"}))
        status, headers, _ = srv.client().get(body["logoUrl"])
        self.assertEqual(200, status)
        self.assertEqual("image/jpeg", headers["content-type"])
        self.assertEqual(str(len(JPEG_START)), headers["content-length"])
        self.assertEqual("nosniff", headers.get("x-content-type-options"))
        self.assertEqual(204, c.delete(world.path("/logo"))[0])
        self.assertIsNone(self.assertOk(self.public("/profile"))["logoUrl"])

    def test_service_words_and_price(self):
        c = world.client("manager")
        path = world.path("/services/%s/profile" % self.service["id"])
        for body, field in [
            ({"price": {"amount": "12,50", "currency": "EUR"}}, "price.amount"),
            ({"price": {"amount": "12.5", "currency": "eur"}}, "price.currency"),
            ({"price": {"amount": "12.5"}}, "price.currency"),
            ({"price": "free"}, "price"),
            ({"description": "x" * 1001}, "description"),
        ]:
            with self.subTest(field=field):
                self.assertProblem(c.put(path, body), 400, field=field)
        self.assertOk(c.put(path, {"description": "A full check", "price": {"amount": "45.50", "currency": "GBP"}}))
        words = self.assertOk(self.public("/profile"))["services"]
        self.assertEqual([{"id": self.service["id"], "description": "A full check",
                           "price": {"amount": "45.50", "currency": "GBP"}}], words)
        self.assertOk(c.put(path, {"description": "A full check", "price": None}))
        self.assertIsNone(self.assertOk(self.public("/profile"))["services"][0]["price"])
        self.assertProblem(c.put(world.path("/services/nope/profile"), {"description": "?"}), 404)

    def test_a_provider_writes_their_own_title_and_bio_only(self):
        pat = world.client("pat")
        own = world.path("/providers/%s/profile" % self.pat_provider["id"])
        other = world.path("/providers/%s/profile" % self.quinn_provider["id"])
        self.assertOk(pat.put(own, {"title": "Physiotherapist", "bio": "Knees and backs."}))
        self.assertProblem(pat.put(other, {"title": "Impostor"}), 403)
        self.assertProblem(pat.put(own, {"title": "t" * 101}), 400, field="title")
        words = {p["id"]: p for p in self.assertOk(self.public("/profile"))["providers"]}
        self.assertEqual("Physiotherapist", words[self.pat_provider["id"]]["title"])
        self.assertNotIn(self.quinn_provider["id"], words)


if __name__ == "__main__":
    unittest.main()
