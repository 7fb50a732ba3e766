"""Issue H: adding a person to a business is an invitation mailed to the address, accepted
through its single-use, expiring link. The inviter's answer is the same whether or not the
address has an account (no account enumeration); an existing account accepts with its
password, a new person chooses a name and a password; used, revoked and expired links answer
410 saying which, a replaced or forged one 404."""
import unittest

from harness import Server
from invitations_support import accept, invitation_tokens, smtp_env, text_of
from notify_fakes import SmtpSink, to_of
from test_staff_common import PASSWORD, StaffTestCase, World

smtp = srv = world = None


def setUpModule():
    global smtp, srv, world
    smtp = SmtpSink().start()
    srv = Server(env=smtp_env(smtp)).start()
    world = World(srv)


def tearDownModule():
    srv.cleanup()
    smtp.cleanup()


def members():
    body = world.client("owner").get(world.path("/staff"))[2]
    return {m["user"]["email"]: m for m in body["items"]}


def invite(email, role="provider", who="manager"):
    status, _, body = world.client(who).post(world.path("/staff"), {"email": email, "role": role})
    assert status == 202, (status, body)
    return body


class InvitationTest(StaffTestCase):
    def test_the_answer_is_the_same_whether_or_not_the_address_has_an_account(self):
        registered = srv.admin("create-user", "--email", "registered@example.test", "--name", "Reggie Registered",
                               "--password", PASSWORD)["id"]
        known = invite("registered@example.test")
        unknown = invite("nobody-yet@example.test")
        self.assertEqual(set(known), {"id", "email", "role", "status", "createdAt", "expiresAt"})
        self.assertEqual(set(known), set(unknown))
        self.assertEqual((known["status"], unknown["status"]), ("pending", "pending"))
        text = str(known)
        self.assertNotIn(registered, text)
        self.assertNotIn("Reggie", text)  # the account's name
        self.assertNotIn("registered@example.test", members())  # nobody attached without consent
        listed = {i["id"]: i for i in self.assertOk(world.client("manager").get(world.path("/invitations")))["items"]}
        self.assertEqual(listed[known["id"]], known)
        self.assertEqual(listed[unknown["id"]], unknown)
        self.assertAudited(world, "invitation.create", "user:" + world.user_ids["manager"],
                           "invitation:" + known["id"])

    def test_a_new_person_accepts_with_a_name_and_password_and_is_signed_in(self):
        invited = invite("New.Hire@Example.test", role="manager")
        self.assertEqual(invited["email"], "new.hire@example.test")
        (token,) = invitation_tokens(smtp, "new.hire@example.test")
        mail = [m for m in smtp.messages() if to_of(m) == "new.hire@example.test"][0]
        self.assertIn("Acme Clinic", str(mail["Subject"]))
        self.assertIn("as a manager", text_of(mail))

        anon = srv.client()
        status, _, seen = anon.get("/api/v1/invitations/" + token)
        self.assertEqual(status, 200, seen)
        self.assertEqual((seen["businessName"], seen["email"], seen["role"], seen["hasAccount"]),
                         ("Acme Clinic", "new.hire@example.test", "manager", False))
        # A new account needs a name and a long enough password; a refusal grants nothing.
        self.assertProblem(anon.post("/api/v1/invitations/%s/accept" % token, {"password": PASSWORD}), 400,
                           field="name")
        self.assertProblem(anon.post("/api/v1/invitations/%s/accept" % token, {"name": "N", "password": "short"}),
                           400, field="password")
        self.assertProblem(anon.post("/api/v1/invitations/%s/accept" % token,
                                     {"name": "N", "password": PASSWORD, "role": "owner"}), 400, field="role")
        self.assertNotIn("new.hire@example.test", members())

        status, body, newcomer = accept(srv, token, {"name": "New Hire", "password": PASSWORD})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["user"]["name"], "New Hire")
        self.assertEqual([(m["businessId"], m["role"]) for m in body["memberships"]], [(world.biz, "manager")])
        self.assertOk(newcomer.get(world.path("/staff")))  # the session works, CSRF included
        self.assertEqual(members()["new.hire@example.test"]["role"], "manager")
        again = srv.client()
        again.login("new.hire@example.test", PASSWORD)
        self.assertAudited(world, "invitation.accept", "user:" + body["user"]["id"], "invitation:" + invited["id"])

        # Single use: the link now says it was used, and grants nothing more.
        self.assertProblem(anon.get("/api/v1/invitations/" + token), 410, slug="invitation-used")
        self.assertProblem(anon.post("/api/v1/invitations/%s/accept" % token,
                                     {"name": "Someone Else", "password": PASSWORD}), 410, slug="invitation-used")
        self.assertNotIn(invited["id"], [i["id"] for i in world.client("manager").get(world.path("/invitations"))[2]["items"]])

    def test_an_existing_account_accepts_with_its_password(self):
        invited = invite("boss@globex.test", role="provider", who="owner")
        token = invitation_tokens(smtp, "boss@globex.test")[-1]
        anon = srv.client()
        self.assertTrue(anon.get("/api/v1/invitations/" + token)[2]["hasAccount"])
        # Not a way to take over the account: a wrong password is refused, and so is a new name.
        self.assertProblem(anon.post("/api/v1/invitations/%s/accept" % token, {"password": "wrong-password-1"}), 401)
        self.assertProblem(anon.post("/api/v1/invitations/%s/accept" % token,
                                     {"name": "Mallory", "password": "mallory-password"}), 400, field="name")
        self.assertNotIn("boss@globex.test", members())

        status, body, rival = accept(srv, token, {"password": PASSWORD})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["user"]["id"], world.user_ids["rival"])
        self.assertEqual({m["businessId"]: m["role"] for m in body["memberships"]},
                         {world.biz: "provider", world.other: "owner"})
        self.assertOk(rival.get(world.path()))
        self.assertEqual(members()["boss@globex.test"]["role"], "provider")
        self.assertEqual(204, world.client("owner").delete(world.path("/staff/" + world.user_ids["rival"]))[0])
        self.assertOk(rival.get(world.path(biz=world.other)))  # their own business untouched
        self.assertAudited(world, "invitation.accept", "user:" + world.user_ids["rival"],
                           "invitation:" + invited["id"])

    def test_revoked_and_resent_links_are_refused(self):
        manager = world.client("manager")
        revoked = invite("revoked@example.test")
        (token,) = invitation_tokens(smtp, "revoked@example.test")
        self.assertEqual(204, manager.delete(world.path("/invitations/" + revoked["id"]))[0])
        self.assertProblem(srv.client().get("/api/v1/invitations/" + token), 410, slug="invitation-revoked")
        self.assertProblem(srv.client().post("/api/v1/invitations/%s/accept" % token,
                                             {"name": "R", "password": PASSWORD}), 410, slug="invitation-revoked")
        self.assertProblem(manager.delete(world.path("/invitations/" + revoked["id"])), 409)
        self.assertProblem(manager.post(world.path("/invitations/%s/resend" % revoked["id"])), 409)
        self.assertAudited(world, "invitation.revoke", "user:" + world.user_ids["manager"],
                           "invitation:" + revoked["id"])

        resent = invite("resent@example.test")
        (first,) = invitation_tokens(smtp, "resent@example.test")
        renewed = self.assertOk(manager.post(world.path("/invitations/%s/resend" % resent["id"])))
        self.assertEqual(renewed["id"], resent["id"])
        tokens = invitation_tokens(smtp, "resent@example.test", count=2)
        (second,) = [t for t in tokens if t != first]
        self.assertProblem(srv.client().get("/api/v1/invitations/" + first), 404)  # replaced: unknown
        self.assertEqual(accept(srv, second, {"name": "Resent", "password": PASSWORD})[0], 200)

        # Forged links, and invitations of another business, are unknown alike.
        self.assertProblem(srv.client().get("/api/v1/invitations/" + "A" * 43), 404)
        self.assertProblem(manager.delete(world.path("/invitations/inv_nope")), 404)
        foreign = self.assertOk(world.client("rival").post(world.path("/staff", biz=world.other),
                                                           {"email": "x@example.test", "role": "provider"}), 202)
        self.assertProblem(manager.delete(world.path("/invitations/" + foreign["id"])), 404)
        self.assertProblem(manager.post(world.path("/invitations/%s/resend" % foreign["id"])), 404)

    def test_bad_invitations_name_the_field_and_invite_nobody(self):
        c = world.client("manager")
        before = c.get(world.path("/invitations"))[2]
        cases = [
            ({"role": "provider"}, "email"),
            ({"email": "not-an-email", "role": "provider"}, "email"),
            ({"email": "x@acme.test"}, "role"),
            ({"email": "x@acme.test", "role": "admin"}, "role"),
            # The old "create the account for them" fields are gone: the person chooses them.
            ({"email": "x@acme.test", "role": "provider", "password": "a-long-password"}, "password"),
            ({"email": "x@acme.test", "role": "provider", "name": "X"}, "name"),
        ]
        for body, field in cases:
            with self.subTest(field=field, body=body):
                self.assertProblem(c.post(world.path("/staff"), body), 400, field=field)
        self.assertProblem(c.post(world.path("/staff"), {"email": "pat@acme.test", "role": "manager"}), 409,
                           field="email")
        self.assertProblem(c.post(world.path("/staff"), {"email": "wannabe@acme.test", "role": "owner"}), 403)
        invite("twice@example.test")
        self.assertProblem(c.post(world.path("/staff"), {"email": "twice@example.test", "role": "provider"}), 409,
                           field="email")
        after = [i for i in c.get(world.path("/invitations"))[2]["items"] if i["email"] != "twice@example.test"]
        self.assertEqual(before["items"], [i for i in after if i["id"] in {b["id"] for b in before["items"]}])
        self.assertEqual(len(after), len(before["items"]))


class InvitationExpiryTest(unittest.TestCase):
    def test_an_expired_link_is_refused_and_a_resend_renews_it(self):
        sink = SmtpSink().start()
        try:
            with Server(env=smtp_env(sink)) as first:
                w = World(first)
                status, _, inv = w.client("manager").post(w.path("/staff"),
                                                          {"email": "late@example.test", "role": "provider"})
                self.assertEqual(status, 202, inv)
                (token,) = invitation_tokens(sink, "late@example.test")
                # The same database eight days later (the link lasts seven).
                later = Server(database=first.database,
                               env=dict(first.env, VISITD_CLOCK_SKEW_SECONDS=str(8 * 86400)))
                with later:
                    status, _, body = later.client().get("/api/v1/invitations/" + token)
                    self.assertEqual((status, body["type"].rsplit("/", 1)[1]), (410, "invitation-expired"), body)
                    status, _, body = later.client().post("/api/v1/invitations/%s/accept" % token,
                                                          {"name": "Late", "password": PASSWORD})
                    self.assertEqual(status, 410, body)
                    manager = later.client()
                    manager.login(w.emails["manager"], PASSWORD)
                    (listed,) = [i for i in manager.get(w.path("/invitations"))[2]["items"] if i["id"] == inv["id"]]
                    self.assertEqual(listed["status"], "expired")
                    status, _, renewed = manager.post(w.path("/invitations/%s/resend" % inv["id"]))
                    self.assertEqual((status, renewed["status"]), (200, "pending"), renewed)
                    fresh = [t for t in invitation_tokens(sink, "late@example.test", count=2) if t != token]
                    self.assertEqual(accept(later, fresh[0], {"name": "Late", "password": PASSWORD})[0], 200)
        finally:
            sink.cleanup()


if __name__ == "__main__":
    unittest.main()
