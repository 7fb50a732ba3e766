"""Staff API: providers and their time (weekly hours, date overrides, time off), with the
provider role limited to their own record."""
import unittest

from test_staff_common import NINE_TO_FIVE, StaffTestCase, london_time, rfc3339, same_instant, start_world

srv = world = None
pat_provider = robin = None


def setUpModule():
    global srv, world, pat_provider, robin
    srv, world = start_world()
    pat_provider = world.create_provider("Pat Provider", user_key="pat")
    robin = world.create_provider("Robin", weekly=None)


def tearDownModule():
    srv.cleanup()


def provider_path(provider_id, suffix=""):
    return world.path("/providers/%s%s" % (provider_id, suffix))


class ProvidersTest(StaffTestCase):
    def test_manager_creates_reads_updates_and_deletes_a_provider(self):
        c = world.client("manager")
        created = self.assertOk(c.post(world.path("/providers"), {"name": "Sam", "timeZone": "Asia/Kolkata"}), 201)
        self.assertEqual("Sam", created["name"])
        self.assertEqual("Asia/Kolkata", created["timeZone"])
        self.assertIsNone(created["userId"])
        self.assertEqual([], created["weekly"])
        self.assertEqual([], created["overrides"])
        self.assertEqual([], created["timeOff"])
        listed = self.assertOk(c.get(world.path("/providers")))["items"]
        self.assertIn(created["id"], [p["id"] for p in listed])

        updated = self.assertOk(c.patch(provider_path(created["id"]), {"name": "Sam K", "userId": world.user_ids["quinn"]}))
        self.assertEqual("Sam K", updated["name"])
        self.assertEqual("Asia/Kolkata", updated["timeZone"])
        self.assertEqual(world.user_ids["quinn"], updated["userId"])
        unlinked = self.assertOk(c.patch(provider_path(created["id"]), {"userId": None}))
        self.assertIsNone(unlinked["userId"])
        self.assertEqual(unlinked, self.assertOk(c.get(provider_path(created["id"]))))

        self.assertEqual(204, c.delete(provider_path(created["id"]))[0])
        self.assertProblem(c.get(provider_path(created["id"])), 404)
        actor = "user:" + world.user_ids["manager"]
        for action in ("provider.create", "provider.update", "provider.delete"):
            self.assertAudited(world, action, actor, "provider:" + created["id"])

    def test_bad_provider_input_names_the_field_and_creates_nothing(self):
        c = world.client("manager")
        before = self.assertOk(c.get(world.path("/providers")))
        cases = [
            ({"timeZone": "Europe/London"}, "name"),
            ({"name": "No Zone"}, "timeZone"),
            ({"name": "Bad Zone", "timeZone": "Europe/Atlantis"}, "timeZone"),
            ({"name": "x" * 201, "timeZone": "UTC"}, "name"),
            ({"name": "Stranger", "timeZone": "UTC", "userId": world.user_ids["rival"]}, "userId"),
            ({"name": "Ghost", "timeZone": "UTC", "userId": "usr_nobody"}, "userId"),
        ]
        for body, field in cases:
            with self.subTest(field=field, body=body):
                self.assertProblem(c.post(world.path("/providers"), body), 400, field=field)
        self.assertEqual(before, self.assertOk(c.get(world.path("/providers"))))

    def test_a_user_links_to_at_most_one_provider(self):
        c = world.client("manager")
        before = self.assertOk(c.get(provider_path(robin["id"])))
        self.assertProblem(c.patch(provider_path(robin["id"]), {"userId": world.user_ids["pat"]}), 409, field="userId")
        self.assertEqual(before, self.assertOk(c.get(provider_path(robin["id"]))))

    def test_bad_patch_changes_nothing(self):
        c = world.client("manager")
        before = self.assertOk(c.get(provider_path(robin["id"])))
        self.assertProblem(c.patch(provider_path(robin["id"]), {"name": "Robin B", "timeZone": "Nowhere/Land"}),
                           400, field="timeZone")
        self.assertEqual(before, self.assertOk(c.get(provider_path(robin["id"]))))

    def test_unknown_and_foreign_providers_are_not_found(self):
        c = world.client("manager")
        self.assertProblem(c.get(provider_path("prv_missing")), 404)
        self.assertProblem(c.patch(provider_path("prv_missing"), {"name": "X"}), 404)
        self.assertProblem(c.delete(provider_path("prv_missing")), 404)
        rival = world.client("rival")
        foreign = self.assertOk(rival.post(world.path("/providers", biz=world.other),
                                           {"name": "Globex Doc", "timeZone": "America/New_York"}), 201)
        # Through acme's path, globex's provider does not exist.
        self.assertProblem(c.get(provider_path(foreign["id"])), 404)
        self.assertProblem(c.delete(provider_path(foreign["id"])), 404)
        self.assertProblem(c.put(provider_path(foreign["id"], "/weekly-hours"), {"weekly": NINE_TO_FIVE}), 404)
        self.assertOk(rival.get(world.path("/providers/" + foreign["id"], biz=world.other)))

    def test_provider_role_reads_but_does_not_manage_providers(self):
        c = world.client("pat")
        listed = self.assertOk(c.get(world.path("/providers")))["items"]
        self.assertIn(pat_provider["id"], [p["id"] for p in listed])
        self.assertOk(c.get(provider_path(pat_provider["id"])))
        self.assertProblem(c.get(provider_path(robin["id"])), 403, slug="forbidden")
        self.assertProblem(c.post(world.path("/providers"), {"name": "Me Too", "timeZone": "UTC"}), 403)
        self.assertProblem(c.patch(provider_path(pat_provider["id"]), {"name": "Dr Pat"}), 403)
        self.assertProblem(c.delete(provider_path(robin["id"])), 403)
        self.assertEqual("Pat Provider", self.assertOk(c.get(provider_path(pat_provider["id"])))["name"])


class WeeklyHoursTest(StaffTestCase):
    def test_put_replaces_the_week(self):
        c = world.client("manager")
        week = [{"weekday": 1, "start": "13:00", "end": "17:00"}, {"weekday": 1, "start": "08:30", "end": "12:00"},
                {"weekday": 7, "start": "20:00", "end": "24:00"}]
        body = self.assertOk(c.put(provider_path(robin["id"], "/weekly-hours"), {"weekly": week}))
        self.assertEqual("Europe/London", body["timeZone"])
        self.assertEqual([{"weekday": 1, "start": "08:30", "end": "12:00"},
                          {"weekday": 1, "start": "13:00", "end": "17:00"},
                          {"weekday": 7, "start": "20:00", "end": "24:00"}], body["weekly"])
        self.assertEqual(body, self.assertOk(c.get(provider_path(robin["id"], "/weekly-hours"))))
        self.assertEqual(body["weekly"], self.assertOk(c.get(provider_path(robin["id"])))["weekly"])
        emptied = self.assertOk(c.put(provider_path(robin["id"], "/weekly-hours"), {"weekly": []}))
        self.assertEqual([], emptied["weekly"])
        self.assertAudited(world, "hours.set", "user:" + world.user_ids["manager"], "provider:" + robin["id"])

    def test_bad_hours_name_the_item_and_change_nothing(self):
        c = world.client("manager")
        path = provider_path(pat_provider["id"], "/weekly-hours")
        before = self.assertOk(c.get(path))
        cases = [
            ({}, "weekly"),
            ({"weekly": "9-5"}, "weekly"),
            ({"weekly": [{"weekday": 8, "start": "09:00", "end": "10:00"}]}, "weekly[0].weekday"),
            ({"weekly": [{"weekday": 0, "start": "09:00", "end": "10:00"}]}, "weekly[0].weekday"),
            ({"weekly": [{"start": "09:00", "end": "10:00"}]}, "weekly[0].weekday"),
            ({"weekly": [{"weekday": 1, "start": "9am", "end": "10:00"}]}, "weekly[0].start"),
            ({"weekly": [{"weekday": 1, "start": "09:00", "end": "24:30"}]}, "weekly[0].end"),
            ({"weekly": [{"weekday": 1, "start": "24:00", "end": "24:00"}]}, "weekly[0].start"),
            ({"weekly": [{"weekday": 2, "start": "09:00", "end": "10:00"},
                         {"weekday": 2, "start": "12:00", "end": "11:00"}]}, "weekly[1].end"),
            ({"weekly": [{"weekday": 3, "start": "09:00", "end": "12:00"},
                         {"weekday": 3, "start": "11:00", "end": "13:00"}]}, "weekly[1]"),
        ]
        for body, field in cases:
            with self.subTest(field=field, body=body):
                self.assertProblem(c.put(path, body), 400, field=field)
        self.assertEqual(before, self.assertOk(c.get(path)))

    def test_provider_sets_own_hours_only(self):
        c = world.client("pat")
        own = self.assertOk(c.put(provider_path(pat_provider["id"], "/weekly-hours"), {"weekly": NINE_TO_FIVE}))
        self.assertEqual(7, len(own["weekly"]))
        self.assertAudited(world, "hours.set", "user:" + world.user_ids["pat"], "provider:" + pat_provider["id"])
        before = self.assertOk(world.client("manager").get(provider_path(robin["id"], "/weekly-hours")))
        self.assertProblem(c.get(provider_path(robin["id"], "/weekly-hours")), 403)
        self.assertProblem(c.put(provider_path(robin["id"], "/weekly-hours"), {"weekly": NINE_TO_FIVE}), 403)
        self.assertEqual(before, self.assertOk(world.client("manager").get(provider_path(robin["id"], "/weekly-hours"))))

    def test_provider_role_without_a_provider_record_manages_nothing(self):
        c = world.client("quinn")
        self.assertProblem(c.put(provider_path(robin["id"], "/weekly-hours"), {"weekly": []}), 403)
        self.assertProblem(c.post(provider_path(robin["id"], "/overrides"), {"date": "2030-01-01", "ranges": []}), 403)


class OverridesTest(StaffTestCase):
    def test_override_per_date_replaces_and_deletes(self):
        c = world.client("manager")
        path = provider_path(robin["id"], "/overrides")
        first = self.assertOk(c.post(path, {"date": "2030-05-01", "ranges": [{"start": "10:00", "end": "12:00"}]}), 201)
        self.assertEqual({"id", "date", "closed", "ranges"}, set(first))
        self.assertFalse(first["closed"])
        closed = self.assertOk(c.post(path, {"date": "2030-05-01", "ranges": []}), 201)
        self.assertTrue(closed["closed"])
        other = self.assertOk(c.post(path, {"date": "2030-04-30", "ranges": [
            {"start": "14:00", "end": "15:00"}, {"start": "08:00", "end": "09:00"}]}), 201)
        self.assertEqual([{"start": "08:00", "end": "09:00"}, {"start": "14:00", "end": "15:00"}], other["ranges"])
        items = self.assertOk(c.get(path))["items"]
        self.assertEqual(["2030-04-30", "2030-05-01"], [o["date"] for o in items if o["date"].startswith("2030-0")])
        self.assertEqual([], [o for o in items if o["date"] == "2030-05-01"][0]["ranges"])

        self.assertEqual(204, c.delete(path + "/" + other["id"])[0])
        self.assertNotIn(other["id"], [o["id"] for o in self.assertOk(c.get(path))["items"]])
        self.assertProblem(c.delete(path + "/" + other["id"]), 404)
        actor = "user:" + world.user_ids["manager"]
        self.assertAudited(world, "override.put", actor, "provider:" + robin["id"])
        self.assertAudited(world, "override.delete", actor, "provider:" + robin["id"])

    def test_bad_overrides_name_the_field(self):
        c = world.client("manager")
        path = provider_path(robin["id"], "/overrides")
        before = self.assertOk(c.get(path))
        cases = [
            ({"ranges": []}, "date"),
            ({"date": "2030-02-30", "ranges": []}, "date"),
            ({"date": "01/02/2030", "ranges": []}, "date"),
            ({"date": "2030-06-01"}, "ranges"),
            ({"date": "2030-06-01", "ranges": [{"start": "12:00", "end": "11:00"}]}, "ranges[0].end"),
            ({"date": "2030-06-01", "ranges": [{"start": "09:00", "end": "11:00"},
                                               {"start": "10:00", "end": "12:00"}]}, "ranges[1]"),
        ]
        for body, field in cases:
            with self.subTest(field=field, body=body):
                self.assertProblem(c.post(path, body), 400, field=field)
        self.assertEqual(before, self.assertOk(c.get(path)))

    def test_provider_manages_own_overrides_only(self):
        c = world.client("pat")
        own = provider_path(pat_provider["id"], "/overrides")
        created = self.assertOk(c.post(own, {"date": "2030-07-01", "ranges": []}), 201)
        self.assertEqual(204, c.delete(own + "/" + created["id"])[0])
        manager_made = self.assertOk(world.client("manager").post(provider_path(robin["id"], "/overrides"),
                                                                  {"date": "2030-07-02", "ranges": []}), 201)
        theirs = provider_path(robin["id"], "/overrides")
        self.assertProblem(c.get(theirs), 403)
        self.assertProblem(c.post(theirs, {"date": "2030-07-03", "ranges": []}), 403)
        self.assertProblem(c.delete(theirs + "/" + manager_made["id"]), 403)
        items = self.assertOk(world.client("manager").get(theirs))["items"]
        self.assertIn(manager_made["id"], [o["id"] for o in items])
        self.assertNotIn("2030-07-03", [o["date"] for o in items])


class TimeOffTest(StaffTestCase):
    def test_time_off_is_added_listed_and_deleted(self):
        c = world.client("manager")
        path = provider_path(robin["id"], "/time-off")
        created = self.assertOk(c.post(path, {"start": "2030-12-24T00:00:00-05:00", "end": "2030-12-27T00:00:00-05:00",
                                              "reason": "Holiday in New York"}), 201)
        self.assertEqual({"id", "start", "end", "reason"}, set(created))
        self.assertTrue(same_instant("2030-12-24T05:00:00Z", created["start"]))
        self.assertTrue(same_instant("2030-12-27T05:00:00+00:00", created["end"]))
        self.assertEqual("Holiday in New York", created["reason"])
        listed = self.assertOk(c.get(path))["items"]
        self.assertIn(created, listed)
        self.assertIn(created, self.assertOk(c.get(provider_path(robin["id"])))["timeOff"])
        self.assertEqual(204, c.delete(path + "/" + created["id"])[0])
        self.assertNotIn(created["id"], [t["id"] for t in self.assertOk(c.get(path))["items"]])
        self.assertProblem(c.delete(path + "/" + created["id"]), 404)
        actor = "user:" + world.user_ids["manager"]
        self.assertAudited(world, "timeoff.add", actor, "provider:" + robin["id"])
        self.assertAudited(world, "timeoff.delete", actor, "provider:" + robin["id"])

    def test_bad_time_off_names_the_field_and_adds_nothing(self):
        c = world.client("manager")
        path = provider_path(robin["id"], "/time-off")
        before = self.assertOk(c.get(path))
        start = london_time(3, 9)
        cases = [
            ({"end": rfc3339(start)}, "start"),
            ({"start": rfc3339(start)}, "end"),
            ({"start": "2030-01-01T09:00:00", "end": "2030-01-02T09:00:00Z"}, "start"),
            ({"start": "2030-01-01T09:00:00Z", "end": "2030-01-02 09:00"}, "end"),
            ({"start": "2030-01-02T09:00:00Z", "end": "2030-01-01T09:00:00Z"}, "end"),
            ({"start": "2030-01-01T09:00:00Z", "end": "2030-01-01T09:00:00Z"}, "end"),
            ({"start": "2030-01-01T00:00:00Z", "end": "2031-01-03T00:00:00Z"}, "end"),
            ({"start": "2030-01-01T00:00:00Z", "end": "2030-01-02T00:00:00Z", "reason": "x" * 501}, "reason"),
        ]
        for body, field in cases:
            with self.subTest(field=field, body=body):
                self.assertProblem(c.post(path, body), 400, field=field)
        self.assertEqual(before, self.assertOk(c.get(path)))
        # 366 days exactly is allowed.
        self.assertOk(c.post(path, {"start": "2031-01-01T00:00:00Z", "end": "2032-01-02T00:00:00Z"}), 201)

    def test_provider_manages_own_time_off_only(self):
        c = world.client("pat")
        own = provider_path(pat_provider["id"], "/time-off")
        created = self.assertOk(c.post(own, {"start": "2030-03-01T00:00:00Z", "end": "2030-03-02T00:00:00Z"}), 201)
        self.assertEqual("", created["reason"])
        self.assertAudited(world, "timeoff.add", "user:" + world.user_ids["pat"], "provider:" + pat_provider["id"])
        theirs = provider_path(robin["id"], "/time-off")
        before = self.assertOk(world.client("manager").get(theirs))
        self.assertProblem(c.get(theirs), 403)
        self.assertProblem(c.post(theirs, {"start": "2030-03-01T00:00:00Z", "end": "2030-03-02T00:00:00Z"}), 403)
        self.assertEqual(before, self.assertOk(world.client("manager").get(theirs)))


if __name__ == "__main__":
    unittest.main()
