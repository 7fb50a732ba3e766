"""Staff API: services (what can be booked, with whom, asking what)."""
import unittest

from test_staff_common import StaffTestCase, london_time, start_world

srv = world = None
alex = blair = None


def setUpModule():
    global srv, world, alex, blair
    srv, world = start_world()
    alex = world.create_provider("Alex")
    blair = world.create_provider("Blair")


def tearDownModule():
    srv.cleanup()


def service_path(service_id):
    return world.path("/services/" + service_id)


FULL = {
    "name": "Consultation",
    "durationMinutes": 45,
    "bufferBeforeMinutes": 5,
    "bufferAfterMinutes": 10,
    "minNoticeMinutes": 120,
    "bookingWindowDays": 30,
    "slotIntervalMinutes": 15,
    "maxPerDay": 6,
    "questions": [
        {"key": "reason", "label": "Reason for visit", "kind": "longText", "required": True, "choices": []},
        {"key": "first_visit", "label": "First visit?", "kind": "singleChoice", "required": False,
         "choices": ["yes", "no"]},
    ],
}


class ServicesTest(StaffTestCase):
    def test_manager_creates_reads_patches_and_deletes_a_service(self):
        c = world.client("manager")
        body = dict(FULL, providerIds=[alex["id"], blair["id"]])
        created = self.assertOk(c.post(world.path("/services"), body), 201)
        for key, value in body.items():
            self.assertEqual(value, created[key], key)
        self.assertIn(created, self.assertOk(c.get(world.path("/services")))["items"])
        self.assertEqual(created, self.assertOk(c.get(service_path(created["id"]))))

        patched = self.assertOk(c.patch(service_path(created["id"]), {"durationMinutes": 60, "providerIds": [alex["id"]],
                                                                      "questions": []}))
        self.assertEqual(60, patched["durationMinutes"])
        self.assertEqual([alex["id"]], patched["providerIds"])
        self.assertEqual([], patched["questions"])
        self.assertEqual(created["name"], patched["name"])
        self.assertEqual(created["bufferAfterMinutes"], patched["bufferAfterMinutes"])
        self.assertEqual(patched, self.assertOk(c.get(service_path(created["id"]))))

        self.assertEqual(204, c.delete(service_path(created["id"]))[0])
        self.assertProblem(c.get(service_path(created["id"])), 404)
        self.assertNotIn(created["id"], [s["id"] for s in self.assertOk(c.get(world.path("/services")))["items"]])
        actor = "user:" + world.user_ids["manager"]
        for action in ("service.create", "service.update", "service.delete"):
            self.assertAudited(world, action, actor, "service:" + created["id"])

    def test_defaults_fill_optional_fields(self):
        created = self.assertOk(world.client("owner").post(world.path("/services"), {
            "name": "Quick chat", "durationMinutes": 15, "providerIds": []}), 201)
        self.assertEqual(0, created["bufferBeforeMinutes"])
        self.assertEqual(0, created["maxPerDay"])
        self.assertEqual([], created["questions"])
        self.assertGreater(created["slotIntervalMinutes"], 0)

    def test_bad_services_name_the_field_and_create_nothing(self):
        c = world.client("manager")
        before = self.assertOk(c.get(world.path("/services")))
        ok = {"name": "Valid", "durationMinutes": 30, "providerIds": [alex["id"]]}
        cases = [
            ({"durationMinutes": 30, "providerIds": []}, "name"),
            ({"name": "No duration", "providerIds": []}, "durationMinutes"),
            ({"name": "No providers", "durationMinutes": 30}, "providerIds"),
            (dict(ok, durationMinutes=0), "durationMinutes"),
            (dict(ok, durationMinutes="30"), "durationMinutes"),
            (dict(ok, durationMinutes=24 * 60 + 1), "durationMinutes"),
            (dict(ok, bufferBeforeMinutes=-5), "bufferBeforeMinutes"),
            (dict(ok, bookingWindowDays=0), "bookingWindowDays"),
            (dict(ok, slotIntervalMinutes=0), "slotIntervalMinutes"),
            (dict(ok, maxPerDay=-1), "maxPerDay"),
            (dict(ok, providerIds=[alex["id"], "prv_unknown"]), "providerIds[1]"),
            (dict(ok, providerIds=[alex["id"], alex["id"]]), "providerIds[1]"),
            (dict(ok, providerIds=[7]), "providerIds[0]"),
            (dict(ok, questions=[{"key": "k", "label": "L", "kind": "essay"}]), "questions[0].kind"),
            (dict(ok, questions=[{"key": "Not A Key", "label": "L", "kind": "shortText"}]), "questions[0].key"),
            (dict(ok, questions=[{"key": "k", "kind": "shortText"}]), "questions[0].label"),
            (dict(ok, questions=[{"key": "k", "label": "L", "kind": "shortText"},
                                 {"key": "k", "label": "M", "kind": "longText"}]), "questions[1].key"),
            (dict(ok, questions=[{"key": "k", "label": "L", "kind": "shortText", "required": "yes"}]),
             "questions[0].required"),
        ]
        for body, field in cases:
            with self.subTest(field=field, body=body):
                self.assertProblem(c.post(world.path("/services"), body), 400, field=field)
        self.assertEqual(before, self.assertOk(c.get(world.path("/services"))))

    def test_question_keys_are_derived_from_labels_and_kept(self):
        # Issue K: staff never type keys. A question without one gets a key from its label,
        # unique in the service; sent back, a key stays, so earlier answers keep their question.
        c = world.client("manager")
        made = self.assertOk(c.post(world.path("/services"), {
            "name": "Derived keys", "durationMinutes": 30, "providerIds": [],
            "questions": [{"label": "Reason for the visit?", "kind": "shortText"},
                          {"label": "Reason for the visit!", "kind": "longText"},
                          {"key": "reason_for_the_visit_3", "label": "Given", "kind": "shortText"},
                          {"label": "Причина", "kind": "shortText"}]}), 201)
        keys = [q["key"] for q in made["questions"]]
        self.assertEqual(["reason_for_the_visit", "reason_for_the_visit_2", "reason_for_the_visit_3", "question"],
                         keys)
        renamed = [dict(q, label="Why are you coming?") if i == 0 else q for i, q in enumerate(made["questions"])]
        renamed.append({"label": "Why are you coming?", "kind": "shortText"})
        patched = self.assertOk(c.patch(world.path("/services/%s" % made["id"]), {"questions": renamed}))
        self.assertEqual(keys + ["why_are_you_coming"], [q["key"] for q in patched["questions"]])

    def test_core_rules_are_enforced(self):
        c = world.client("manager")
        before = self.assertOk(c.get(world.path("/services")))
        # A single-choice question needs choices: a rule of core::validate_service.
        answer = c.post(world.path("/services"), {
            "name": "Choice without choices", "durationMinutes": 30, "providerIds": [],
            "questions": [{"key": "pick", "label": "Pick one", "kind": "singleChoice", "required": True}]})
        self.assertEqual(400, answer[0], answer[2])
        self.assertTrue(answer[2]["errors"])
        self.assertTrue(all(e["field"].startswith("questions") for e in answer[2]["errors"]), answer[2])
        self.assertEqual(before, self.assertOk(c.get(world.path("/services"))))

    def test_provider_of_another_business_is_refused(self):
        foreign = self.assertOk(world.client("rival").post(world.path("/providers", biz=world.other),
                                                           {"name": "Globex Doc", "timeZone": "UTC"}), 201)
        self.assertProblem(world.client("manager").post(world.path("/services"), {
            "name": "Poach", "durationMinutes": 30, "providerIds": [foreign["id"]]}), 400, field="providerIds[0]")

    def test_bad_patch_changes_nothing(self):
        c = world.client("manager")
        created = self.assertOk(c.post(world.path("/services"), {"name": "Stable", "durationMinutes": 30,
                                                                 "providerIds": [alex["id"]]}), 201)
        for body, field in (({"durationMinutes": -1}, "durationMinutes"), ({"name": ""}, "name"),
                            ({"providerIds": ["prv_nope"]}, "providerIds[0]")):
            with self.subTest(field=field):
                self.assertProblem(c.patch(service_path(created["id"]), body), 400, field=field)
        self.assertEqual(created, self.assertOk(c.get(service_path(created["id"]))))

    def test_unknown_and_foreign_services_are_not_found(self):
        c = world.client("manager")
        self.assertProblem(c.get(service_path("svc_missing")), 404)
        self.assertProblem(c.patch(service_path("svc_missing"), {"name": "X"}), 404)
        self.assertProblem(c.delete(service_path("svc_missing")), 404)
        foreign = self.assertOk(world.client("rival").post(world.path("/services", biz=world.other), {
            "name": "Globex service", "durationMinutes": 30, "providerIds": []}), 201)
        self.assertProblem(c.get(service_path(foreign["id"])), 404)
        self.assertProblem(c.delete(service_path(foreign["id"])), 404)
        self.assertOk(world.client("rival").get(world.path("/services/" + foreign["id"], biz=world.other)))

    def test_provider_role_reads_but_does_not_change_services(self):
        created = self.assertOk(world.client("manager").post(world.path("/services"), {
            "name": "Read only", "durationMinutes": 30, "providerIds": []}), 201)
        c = world.client("pat")
        self.assertIn(created["id"], [s["id"] for s in self.assertOk(c.get(world.path("/services")))["items"]])
        self.assertOk(c.get(service_path(created["id"])))
        self.assertProblem(c.post(world.path("/services"), {"name": "Mine", "durationMinutes": 30,
                                                            "providerIds": []}), 403)
        self.assertProblem(c.patch(service_path(created["id"]), {"name": "Renamed"}), 403)
        self.assertProblem(c.delete(service_path(created["id"])), 403)
        self.assertEqual(created, self.assertOk(c.get(service_path(created["id"]))))

    def test_service_with_bookings_cannot_be_deleted(self):
        c = world.client("manager")
        service = self.assertOk(c.post(world.path("/services"), {"name": "Booked", "durationMinutes": 30,
                                                                 "providerIds": [alex["id"]]}), 201)
        world.book(service["id"], alex["id"], london_time(5, 11))
        self.assertProblem(c.delete(service_path(service["id"])), 409)
        self.assertEqual(service, self.assertOk(c.get(service_path(service["id"]))))
        # The provider is booked too, so it stays as well.
        self.assertProblem(c.delete(world.path("/providers/" + alex["id"])), 409)
        self.assertOk(c.get(world.path("/providers/" + alex["id"])))


if __name__ == "__main__":
    unittest.main()
