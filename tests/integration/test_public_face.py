"""The clinic's public face beyond its own pages (k-polish). Embeds (issue I): a business lists the https sites that may show its booking pages in an
iframe; exactly its public pages (booking, confirmation, manage) are then served with
`frame-ancestors` naming those sites, every other page keeps 'none' (and X-Frame-Options).
Provider photos (issue K): checked like the logo, one provider's own. A link that no longer
works (410) still names the clinic: its name, logo and contact, nothing of the consumer's."""
import base64
import json
import os
import shutil
import tempfile
import unittest
import urllib.parse
from datetime import datetime, timedelta, timezone

from test_staff_common import StaffTestCase, start_world

srv = world = static_dir = None
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
SHELL = "<!doctype html><title>visitd</title>"


def setUpModule():
    global srv, world, static_dir
    static_dir = tempfile.mkdtemp(prefix="visitd-embed-static-")
    with open(os.path.join(static_dir, "index.html"), "w") as f:
        f.write(SHELL)
    srv, world = start_world(env={"VISITD_STATIC_DIR": static_dir})


def tearDownModule():
    srv.cleanup()
    shutil.rmtree(static_dir, ignore_errors=True)


def frame_ancestors(headers):
    for directive in headers.get("content-security-policy", "").split(";"):
        parts = directive.split()
        if parts and parts[0] == "frame-ancestors":
            return parts[1:]
    raise AssertionError("no frame-ancestors in %r" % headers)


def next_weekday_10_london():
    day = datetime.now(timezone.utc).date() + timedelta(days=3)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return datetime(day.year, day.month, day.day, 10, 0, tzinfo=timezone.utc)  # 10:00 or 11:00 in London


class EmbedTest(StaffTestCase):
    @classmethod
    def setUpClass(cls):
        cls.provider = world.create_provider("Dr Emb", user_key="pat")
        cls.service = world.create_service("Embedded checkup", [cls.provider["id"]])

    def tearDown(self):
        world.client("manager").put(world.path("/embed"), {"origins": []})

    def page(self, path):
        status, headers, body = srv.client().get(path)
        self.assertEqual(200, status, path)
        self.assertEqual(SHELL, body)
        return headers

    def test_pages_refuse_framing_until_the_business_lists_sites(self):
        self.assertEqual({"origins": [], "maxOrigins": 10}, self.assertOk(world.client("manager").get(world.path("/embed"))))
        for path in ("/b/acme", "/staff", "/"):
            headers = self.page(path)
            self.assertEqual(["'none'"], frame_ancestors(headers), path)
            self.assertEqual("DENY", headers.get("x-frame-options"), path)

    def test_only_the_businesses_public_pages_name_its_sites(self):
        saved = self.assertOk(world.client("manager").put(world.path("/embed"), {
            "origins": ["https://WWW.Acme-Clinic.example/", "https://partner.example:8443", "https://www.acme-clinic.example"]}))
        self.assertEqual(["https://www.acme-clinic.example", "https://partner.example:8443"], saved["origins"])
        listed = ["https://www.acme-clinic.example", "https://partner.example:8443"]
        booking = world.book(self.service["id"], self.provider["id"], next_weekday_10_london())
        manage_path = urllib.parse.urlsplit(booking["manageUrl"]).path
        join_path = urllib.parse.urlsplit(booking["joinUrl"]).path
        for path in ("/b/acme", "/b/acme/booked/whatever", manage_path):
            headers = self.page(path)
            self.assertEqual(listed, frame_ancestors(headers), path)
            self.assertNotIn("x-frame-options", headers, path)
        # Staff pages, join pages, other businesses, unknown slugs and forged links keep 'none'.
        for path in ("/staff", "/staff/appointments", join_path, "/b/globex", "/b/nobody", "/manage/forged.token", "/"):
            headers = self.page(path)
            self.assertEqual(["'none'"], frame_ancestors(headers), path)
            self.assertEqual("DENY", headers.get("x-frame-options"), path)
        # API answers are never framed either.
        _, headers, _ = srv.client().get("/api/v1/public/businesses/acme/profile")
        self.assertEqual("DENY", headers.get("x-frame-options"))
        self.assertAudited(world, "business.embed", "user:" + world.user_ids["manager"])
        # An empty list forbids framing again.
        self.assertEqual([], self.assertOk(world.client("manager").put(world.path("/embed"), {"origins": []}))["origins"])
        self.assertEqual(["'none'"], frame_ancestors(self.page("/b/acme")))

    def test_bad_sites_are_named_and_nothing_is_saved(self):
        c = world.client("manager")
        self.assertOk(c.put(world.path("/embed"), {"origins": ["https://kept.example"]}))
        body = self.assertProblem(c.put(world.path("/embed"), {
            "origins": ["https://ok.example", "http://plain.example", "https://x.example/path", 7, "https://*.example"]}), 400)
        self.assertEqual(["origins[1]", "origins[2]", "origins[3]", "origins[4]"], sorted(e["field"] for e in body["errors"]))
        self.assertProblem(c.put(world.path("/embed"), {"origins": ["https://s%d.example" % i for i in range(11)]}),
                           400, field="origins")
        self.assertProblem(c.put(world.path("/embed"), {}), 400, field="origins")
        self.assertProblem(c.put(world.path("/embed"), {"origins": [], "extra": 1}), 400, field="extra")
        self.assertEqual(["https://kept.example"], self.assertOk(c.get(world.path("/embed")))["origins"])
        self.assertEqual(["https://kept.example"], frame_ancestors(self.page("/b/acme")))

    def test_only_managers_of_the_business_change_the_sites(self):
        self.assertProblem(world.client("pat").put(world.path("/embed"), {"origins": ["https://a.example"]}), 403)
        self.assertProblem(world.client("pat").get(world.path("/embed")), 403)
        self.assertProblem(world.client("rival").put(world.path("/embed"), {"origins": ["https://a.example"]}), 404)
        self.assertEqual(["'none'"], frame_ancestors(self.page("/b/acme")))


class ProviderPhotoTest(StaffTestCase):
    @classmethod
    def setUpClass(cls):
        cls.pat = world.create_provider("Dr Photo", user_key="quinn")
        cls.other = world.create_provider("Dr Other")

    def words(self, provider_id):
        body = self.assertOk(srv.client().get("/api/v1/public/businesses/acme/profile"))
        return next((p for p in body["providers"] if p["id"] == provider_id), None)

    def test_a_provider_uploads_their_own_photo_checked_by_content(self):
        quinn = world.client("quinn")
        path = world.path("/providers/%s/photo" % self.pat["id"])
        self.assertProblem(quinn.put(path, raw=b"<svg/>", headers={"Content-Type": "image/svg+xml"}), 415, field="photo")
        self.assertProblem(quinn.put(path, raw=PNG, headers={"Content-Type": "image/jpeg"}), 415, field="photo")
        self.assertProblem(quinn.put(path, raw=PNG + b"\0" * (256 * 1024), headers={"Content-Type": "image/png"}),
                           413, field="photo")
        self.assertIsNone(self.words(self.pat["id"]))
        body = self.assertOk(quinn.put(path, raw=PNG, headers={"Content-Type": "image/png"}))
        url = next(p for p in body["providers"] if p["id"] == self.pat["id"])["photoUrl"]
        self.assertEqual(url, self.words(self.pat["id"])["photoUrl"])
        status, headers, _ = srv.client().request("GET", url)
        self.assertEqual(200, status)
        self.assertEqual("image/png", headers["content-type"])
        self.assertEqual(str(len(PNG)), headers["content-length"])
        # Not another provider's photo, not another business's provider.
        self.assertProblem(quinn.put(world.path("/providers/%s/photo" % self.other["id"]), raw=PNG,
                                     headers={"Content-Type": "image/png"}), 403)
        self.assertProblem(world.client("manager").put(world.path("/providers/%s/photo" % self.pat["id"], biz=world.other),
                                                       raw=PNG, headers={"Content-Type": "image/png"}), 404)
        self.assertProblem(srv.client().get("/api/v1/public/businesses/globex/providers/%s/photo" % self.pat["id"]), 404)
        self.assertAudited(world, "provider.photo", "user:" + world.user_ids["quinn"])
        self.assertEqual(204, quinn.delete(path)[0])
        self.assertIsNone(self.words(self.pat["id"]))
        self.assertProblem(srv.client().get("/api/v1/public/businesses/acme/providers/%s/photo" % self.pat["id"]), 404)


class GoneLinkFaceTest(StaffTestCase):
    @classmethod
    def setUpClass(cls):
        cls.provider = world.create_provider("Dr Gone")
        cls.service = world.create_service("Gone checkup", [cls.provider["id"]])

    def test_a_cancelled_bookings_links_answer_with_the_clinics_face_only(self):
        manager = world.client("manager")
        self.assertOk(manager.put(world.path("/profile"), {"contact": {"phone": "+44 20 7946 0001", "email": "desk@acme.test",
                                                                       "address": "1 High St"}}))
        logo = self.assertOk(manager.put(world.path("/logo"), raw=PNG, headers={"Content-Type": "image/png"}))["logoUrl"]
        booking = world.book(self.service["id"], self.provider["id"], next_weekday_10_london() + timedelta(hours=2),
                             email="secret-consumer@example.test")
        manage = "/api/v1/manage/" + booking["manageUrl"].rsplit("/", 1)[1]
        join = "/api/v1/join/" + booking["joinUrl"].rsplit("/", 1)[1]
        self.assertEqual(200, srv.client().post(manage + "/cancel", {})[0])
        face = {"name": "Acme Clinic", "slug": "acme", "logoUrl": logo,
                "contact": {"phone": "+44 20 7946 0001", "email": "desk@acme.test", "address": "1 High St"}}
        for path in (manage, join):
            status, _, body = srv.client().get(path)
            self.assertEqual(410, status, body)
            self.assertEqual("https://visitd.dev/problems/booking-cancelled", body["type"])
            self.assertEqual(face, body["business"], path)
            text = json.dumps(body)
            self.assertNotIn("secret-consumer", text)
            self.assertNotIn("Casey", text)
        # A forged link learns nothing, not even the clinic.
        status, _, body = srv.client().get("/api/v1/manage/forged.token")
        self.assertEqual(404, status)
        self.assertNotIn("business", body)


if __name__ == "__main__":
    unittest.main()
