"""Staff API: staff members (roles per business) and API tokens. Adding a person is an
invitation (issue H, tests/integration/test_invitations.py): the members added here accept
the link mailed to them."""
import unittest

from invitations_support import accept, invitation_tokens, smtp_env
from notify_fakes import SmtpSink
from test_staff_common import PASSWORD, StaffTestCase, start_world

smtp = srv = world = None


def setUpModule():
    global smtp, srv, world
    smtp = SmtpSink().start()
    srv, world = start_world(env=smtp_env(smtp))


def tearDownModule():
    srv.cleanup()
    smtp.cleanup()


def join(client, email, role, name, password=PASSWORD):
    """Invites `email` as `client`, then accepts the mailed link; (invitation, accepting user)."""
    status, _, invited = client.post(world.path("/staff"), {"email": email, "role": role})
    assert status == 202, (status, invited)
    token = invitation_tokens(smtp, email.lower())[-1]
    status, body, _ = accept(srv, token, {"name": name, "password": password})
    assert status == 200, (status, body)
    return invited, body["user"]


def members():
    body = world.client("owner").get(world.path("/staff"))[2]
    return {m["user"]["email"]: m for m in body["items"]}


class StaffMembersTest(StaffTestCase):
    def test_list_shows_users_and_roles(self):
        listed = members()
        self.assertEqual("owner", listed["owner@acme.test"]["role"])
        self.assertEqual("provider", listed["pat@acme.test"]["role"])
        self.assertEqual({"id", "email", "name"}, set(listed["manager@acme.test"]["user"]))
        self.assertEqual(world.user_ids["manager"], listed["manager@acme.test"]["user"]["id"])
        self.assertNotIn("boss@globex.test", listed)
        self.assertProblem(world.client("pat").get(world.path("/staff")), 403)

    def test_manager_invites_a_new_user_who_can_then_sign_in(self):
        c = world.client("manager")
        invited, user = join(c, "New.Hire@Acme.test", "provider", "New Hire", "a-long-password")
        self.assertEqual("new.hire@acme.test", invited["email"])
        self.assertEqual("new.hire@acme.test", user["email"])
        self.assertEqual({"user": user, "role": "provider"}, members()["new.hire@acme.test"])
        newcomer = srv.client()
        newcomer.login("new.hire@acme.test", "a-long-password")
        self.assertOk(newcomer.get(world.path()))
        entry = self.assertAudited(world, "membership.set", "user:" + user["id"], "user:" + user["id"])
        self.assertIn("provider", entry["detail"])
        self.assertAudited(world, "invitation.create", "user:" + world.user_ids["manager"],
                           "invitation:" + invited["id"])

    def test_bad_additions_name_the_field_and_add_nobody(self):
        c = world.client("manager")
        before = members()
        cases = [
            ({"role": "provider"}, "email"),
            ({"email": "not-an-email", "role": "provider"}, "email"),
            ({"email": "x@acme.test"}, "role"),
            ({"email": "x@acme.test", "role": "admin"}, "role"),
            ({"email": "x@acme.test", "name": "N", "role": "provider"}, "name"),
            ({"email": "x@acme.test", "role": "provider", "password": "a-long-password"}, "password"),
        ]
        for body, field in cases:
            with self.subTest(field=field, body=body):
                self.assertProblem(c.post(world.path("/staff"), body), 400, field=field)
        self.assertProblem(c.post(world.path("/staff"), {"email": "pat@acme.test", "role": "manager"}), 409,
                           field="email")
        self.assertEqual(before, members())

    def test_only_an_owner_grants_ownership(self):
        c = world.client("manager")
        before = members()
        self.assertProblem(c.post(world.path("/staff"), {"email": "wannabe@acme.test", "role": "owner"}), 403)
        self.assertProblem(c.patch(world.path("/staff/" + world.user_ids["pat"]), {"role": "owner"}), 403)
        self.assertProblem(c.patch(world.path("/staff/" + world.user_ids["owner"]), {"role": "manager"}), 403)
        self.assertProblem(c.delete(world.path("/staff/" + world.user_ids["owner"])), 403)
        self.assertEqual(before, members())

    def test_roles_change_and_the_last_owner_stays(self):
        owner = world.client("owner")
        quinn = world.user_ids["quinn"]
        changed = self.assertOk(owner.patch(world.path("/staff/" + quinn), {"role": "manager"}))
        self.assertEqual("manager", changed["role"])
        self.assertEqual("manager", members()["quinn@acme.test"]["role"])
        self.assertOk(world.client("manager").patch(world.path("/staff/" + quinn), {"role": "provider"}))
        self.assertAudited(world, "membership.set", "user:" + world.user_ids["manager"], "user:" + quinn)

        self.assertProblem(owner.patch(world.path("/staff/" + world.user_ids["owner"]), {"role": "manager"}), 409,
                           slug="policy")
        self.assertProblem(owner.delete(world.path("/staff/" + world.user_ids["owner"])), 409, slug="policy")
        self.assertEqual("owner", members()["owner@acme.test"]["role"])
        self.assertProblem(owner.patch(world.path("/staff/" + quinn), {"role": "boss"}), 400, field="role")
        self.assertProblem(owner.patch(world.path("/staff/usr_nobody"), {"role": "manager"}), 404)
        self.assertProblem(owner.patch(world.path("/staff/" + world.user_ids["rival"]), {"role": "manager"}), 404)
        self.assertProblem(owner.delete(world.path("/staff/usr_nobody")), 404)

    def test_removed_member_loses_access(self):
        c = world.client("manager")
        _, user = join(c, "temp@acme.test", "manager", "Temp", "a-long-password")
        temp = srv.client()
        temp.login("temp@acme.test", "a-long-password")
        self.assertOk(temp.get(world.path("/staff")))
        self.assertEqual(204, c.delete(world.path("/staff/" + user["id"]))[0])
        self.assertProblem(temp.get(world.path()), 404)
        self.assertNotIn("temp@acme.test", members())
        self.assertAudited(world, "membership.remove", "user:" + world.user_ids["manager"], "user:" + user["id"])


class ApiTokensTest(StaffTestCase):
    def test_token_is_shown_once_and_listed_without_secret(self):
        c = world.client("manager")
        created = self.assertOk(c.post(world.path("/api-tokens"), {"name": "calendar sync", "role": "provider"}), 201)
        self.assertEqual({"id", "name", "role", "userId", "createdAt", "lastUsedAt", "token"}, set(created))
        self.assertEqual("provider", created["role"])
        self.assertGreaterEqual(len(created["token"]), 32)
        listed = {t["id"]: t for t in self.assertOk(c.get(world.path("/api-tokens")))["items"]}
        self.assertNotIn("token", listed[created["id"]])
        self.assertNotIn(created["token"], str(listed))
        self.assertIsNone(listed[created["id"]]["lastUsedAt"])
        self.assertOk(world.bearer(created["token"]).get(world.path("/services")))
        listed = {t["id"]: t for t in self.assertOk(c.get(world.path("/api-tokens")))["items"]}
        self.assertIsNotNone(listed[created["id"]]["lastUsedAt"])
        self.assertAudited(world, "token.create", "user:" + world.user_ids["manager"], "token:" + created["id"])

    def test_token_role_caps_what_it_may_do(self):
        created = self.assertOk(world.client("owner").post(world.path("/api-tokens"),
                                                           {"name": "reader", "role": "provider"}), 201)
        bot = world.bearer(created["token"])
        self.assertOk(bot.get(world.path("/services")))
        self.assertProblem(bot.post(world.path("/services"), {"name": "Bot service", "durationMinutes": 30,
                                                              "providerIds": []}), 403)
        self.assertProblem(bot.get(world.path("/api-tokens")), 403)
        self.assertNotIn("Bot service", [s["name"] for s in world.client("owner").get(world.path("/services"))[2]["items"]])

    def test_role_may_not_exceed_the_callers(self):
        c = world.client("manager")
        before = self.assertOk(c.get(world.path("/api-tokens")))
        self.assertProblem(c.post(world.path("/api-tokens"), {"name": "escalate", "role": "owner"}), 403, field="role")
        self.assertProblem(c.post(world.path("/api-tokens"), {"name": "typo", "role": "root"}), 400, field="role")
        self.assertProblem(c.post(world.path("/api-tokens"), {"role": "manager"}), 400, field="name")
        self.assertProblem(c.post(world.path("/api-tokens"), {"name": "n" * 101, "role": "manager"}), 400, field="name")
        self.assertEqual(before, self.assertOk(c.get(world.path("/api-tokens"))))
        self.assertProblem(world.client("pat").post(world.path("/api-tokens"), {"name": "p", "role": "provider"}), 403)

    def test_deleted_token_stops_working(self):
        c = world.client("manager")
        created = self.assertOk(c.post(world.path("/api-tokens"), {"name": "temporary", "role": "manager"}), 201)
        bot = world.bearer(created["token"])
        self.assertOk(bot.get(world.path("/staff")))
        self.assertEqual(204, c.delete(world.path("/api-tokens/" + created["id"]))[0])
        self.assertProblem(bot.get(world.path("/staff")), 401)
        self.assertProblem(c.delete(world.path("/api-tokens/" + created["id"])), 404)
        self.assertAudited(world, "token.delete", "user:" + world.user_ids["manager"], "token:" + created["id"])

    def test_manager_cannot_revoke_an_owner_token(self):
        owners = self.assertOk(world.client("owner").post(world.path("/api-tokens"),
                                                          {"name": "owner script", "role": "owner"}), 201)
        self.assertProblem(world.client("manager").delete(world.path("/api-tokens/" + owners["id"])), 403)
        self.assertOk(world.bearer(owners["token"]).get(world.path("/staff")))

    def test_tokens_of_another_business_are_invisible(self):
        foreign = self.assertOk(world.client("rival").post(world.path("/api-tokens", biz=world.other),
                                                           {"name": "globex bot", "role": "owner"}), 201)
        self.assertNotIn(foreign["id"], [t["id"] for t in world.client("owner").get(world.path("/api-tokens"))[2]["items"]])
        self.assertProblem(world.client("owner").delete(world.path("/api-tokens/" + foreign["id"])), 404)
        bot = world.bearer(foreign["token"])
        self.assertOk(bot.get(world.path(biz=world.other)))
        self.assertProblem(bot.get(world.path()), 404)

    def test_token_acting_as_a_caller_is_audited_as_the_token(self):
        created = self.assertOk(world.client("owner").post(world.path("/api-tokens"),
                                                           {"name": "provisioner", "role": "manager"}), 201)
        bot = world.bearer(created["token"])
        invited = self.assertOk(bot.post(world.path("/staff"), {"email": "bot-made@acme.test", "role": "provider"}),
                                202)
        self.assertAudited(world, "invitation.create", "token:" + created["id"], "invitation:" + invited["id"])


if __name__ == "__main__":
    unittest.main()
