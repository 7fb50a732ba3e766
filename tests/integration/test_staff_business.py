"""Staff API: business settings, the audit log, and the gate every staff route shares
(authentication, CSRF, roles, another business)."""
import unittest

from test_staff_common import StaffTestCase, start_world

srv = world = None


def setUpModule():
    global srv, world
    srv, world = start_world()


def tearDownModule():
    srv.cleanup()


class BusinessSettingsTest(StaffTestCase):
    def test_any_staff_member_reads_the_business(self):
        for who in ("owner", "manager", "pat"):
            body = self.assertOk(world.client(who).get(world.path()))
            self.assertEqual(world.biz, body["id"])
            self.assertEqual("acme", body["slug"])
            self.assertEqual("Europe/London", body["timeZone"])
            self.assertEqual({"cancelCutoffHours", "rescheduleCutoffHours", "reminderOffsetsMinutes"},
                             set(body["rules"]))

    def test_manager_patches_only_the_fields_sent(self):
        c = world.client("manager")
        before = self.assertOk(c.get(world.path()))
        after = self.assertOk(c.patch(world.path(), {"rules": {"cancelCutoffHours": 6}}))
        self.assertEqual(6, after["rules"]["cancelCutoffHours"])
        self.assertEqual(before["name"], after["name"])
        self.assertEqual(before["rules"]["rescheduleCutoffHours"], after["rules"]["rescheduleCutoffHours"])
        after = self.assertOk(c.patch(world.path(), {"name": "Acme Health", "timeZone": "Europe/Dublin",
                                                     "rules": {"reminderOffsetsMinutes": [120, 30]}}))
        self.assertEqual("Acme Health", after["name"])
        self.assertEqual("Europe/Dublin", after["timeZone"])
        self.assertEqual([120, 30], after["rules"]["reminderOffsetsMinutes"])
        self.assertEqual(after, self.assertOk(c.get(world.path())))
        entry = self.assertAudited(world, "business.update", "user:" + world.user_ids["manager"])
        self.assertEqual("business:" + world.biz, entry["target"])
        c.patch(world.path(), {"name": "Acme Clinic", "timeZone": "Europe/London"})

    def test_bad_settings_are_refused_and_nothing_changes(self):
        c = world.client("owner")
        before = self.assertOk(c.get(world.path()))
        cases = [
            ({"timeZone": "Mars/Olympus_Mons"}, "timeZone"),
            ({"name": ""}, "name"),
            ({"name": 42}, "name"),
            ({"rules": {"cancelCutoffHours": -1}}, "rules.cancelCutoffHours"),
            ({"rules": {"rescheduleCutoffHours": "soon"}}, "rules.rescheduleCutoffHours"),
            ({"rules": {"reminderOffsetsMinutes": [60, 0]}}, "rules.reminderOffsetsMinutes[1]"),
            ({"rules": "strict"}, "rules"),
        ]
        for body, field in cases:
            with self.subTest(field=field):
                self.assertProblem(c.patch(world.path(), body), 400, field=field, slug="invalid-request")
        self.assertEqual(before, self.assertOk(c.get(world.path())))

    def test_body_must_be_a_json_object(self):
        c = world.client("owner")
        self.assertProblem(c.patch(world.path(), raw="{not json", headers={"Content-Type": "application/json"}), 400)
        self.assertProblem(c.patch(world.path(), raw="[1]", headers={"Content-Type": "application/json"}), 400)
        self.assertProblem(c.patch(world.path(), raw='{"name":"x"}', headers={"Content-Type": "text/plain"}), 415)

    def test_provider_role_cannot_change_settings(self):
        c = world.client("pat")
        before = self.assertOk(c.get(world.path()))
        self.assertProblem(c.patch(world.path(), {"name": "Pat's Place"}), 403, slug="forbidden")
        self.assertEqual(before, self.assertOk(world.client("owner").get(world.path())))


class GateTest(StaffTestCase):
    def test_anonymous_caller_is_unauthorized(self):
        anon = srv.client()
        self.assertProblem(anon.get(world.path()), 401)
        self.assertProblem(anon.get(world.path("/providers")), 401)
        self.assertProblem(anon.patch(world.path(), {"name": "Hijacked"}), 401)

    def test_another_business_answers_not_found(self):
        rival = world.client("rival")
        for path in ("", "/providers", "/services", "/bookings", "/staff", "/audit", "/api-tokens"):
            with self.subTest(path=path):
                self.assertProblem(rival.get(world.path(path)), 404)
        self.assertProblem(rival.patch(world.path(), {"name": "Mine now"}), 404)
        self.assertProblem(world.client("owner").get(world.path(biz=world.other)), 404)
        self.assertProblem(world.client("owner").get(world.path(biz="biz_doesnotexist")), 404)
        self.assertEqual("Acme Clinic", self.assertOk(world.client("owner").get(world.path()))["name"])

    def test_unsafe_request_without_csrf_token_is_refused(self):
        signed_in = world.client("owner")
        no_csrf = srv.client()
        no_csrf.cookies = dict(signed_in.cookies)
        self.assertOk(no_csrf.get(world.path()))  # reading needs no CSRF token
        self.assertProblem(no_csrf.patch(world.path(), {"name": "Forged"}), 403)
        self.assertProblem(no_csrf.patch(world.path(), {"name": "Forged"}, headers={"X-CSRF-Token": "guess"}), 403)
        self.assertProblem(no_csrf.post(world.path("/providers"), {"name": "Forged", "timeZone": "UTC"}), 403)
        self.assertEqual("Acme Clinic", self.assertOk(signed_in.get(world.path()))["name"])
        names = [p["name"] for p in self.assertOk(signed_in.get(world.path("/providers")))["items"]]
        self.assertNotIn("Forged", names)

    def test_bearer_token_works_without_csrf_and_only_for_its_business(self):
        created = self.assertOk(world.client("owner").post(world.path("/api-tokens"),
                                                           {"name": "gate script", "role": "manager"}), 201)
        bot = world.bearer(created["token"])
        self.assertOk(bot.get(world.path()))
        self.assertOk(bot.patch(world.path(), {"rules": {"rescheduleCutoffHours": 12}}))
        self.assertAudited(world, "business.update", "token:" + created["id"])
        # The token's user is no member of globex, and a token never leaves its business.
        self.assertProblem(bot.get(world.path(biz=world.other)), 404)
        # Capped at manager: owner-only changes stay out of reach.
        self.assertProblem(bot.post(world.path("/staff"), {"email": "new-owner@acme.test", "role": "owner"}), 403)
        self.assertProblem(world.bearer("not-a-real-token").get(world.path()), 401)


class AuditLogTest(StaffTestCase):
    def test_changes_are_listed_newest_first_with_actor(self):
        c = world.client("manager")
        self.assertOk(c.post(world.path("/providers"), {"name": "Audited One", "timeZone": "Europe/London"}), 201)
        self.assertOk(c.post(world.path("/providers"), {"name": "Audited Two", "timeZone": "Europe/London"}), 201)
        body = self.assertOk(c.get(world.path("/audit?limit=2")))
        self.assertEqual(2, len(body["items"]))
        self.assertEqual(2, body["limit"])
        self.assertEqual(0, body["offset"])
        newest, previous = body["items"]
        self.assertEqual({"id", "at", "actor", "action", "target", "detail", "actorName", "targetName"}, set(newest))
        self.assertEqual("provider.create", newest["action"])
        self.assertEqual("user:" + world.user_ids["manager"], newest["actor"])
        self.assertIn("Audited Two", newest["detail"])
        self.assertIn("Audited One", previous["detail"])
        self.assertGreaterEqual(newest["at"], previous["at"])
        page2 = self.assertOk(c.get(world.path("/audit?limit=1&offset=1")))
        self.assertEqual(previous["id"], page2["items"][0]["id"])

    def test_bad_paging_names_the_parameter(self):
        c = world.client("owner")
        for query, field in (("limit=abc", "limit"), ("limit=0", "limit"), ("limit=201", "limit"),
                             ("offset=-1", "offset"), ("offset=1e3", "offset")):
            with self.subTest(query=query):
                self.assertProblem(c.get(world.path("/audit?" + query)), 400, field=field)

    def test_provider_role_cannot_read_the_audit_log(self):
        self.assertProblem(world.client("pat").get(world.path("/audit")), 403)


if __name__ == "__main__":
    unittest.main()
