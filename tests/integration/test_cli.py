"""The binary's subcommands and configuration checks, as an operator meets them."""
import json
import os
import subprocess
import tempfile
import unittest

from harness import VISITD_BIN, Server


def run(args, env_extra=None, db=None):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    if db:
        env["VISITD_DATABASE"] = db
    env.update(env_extra or {})
    return subprocess.run([VISITD_BIN, *args], env=env, capture_output=True, text=True, timeout=60)


class ConfigValidationTest(unittest.TestCase):
    def test_each_bad_setting_is_named_and_serve_refuses_to_start(self):
        with tempfile.TemporaryDirectory() as d:
            out = run(["serve"], {"VISITD_LISTEN": "nonsense", "VISITD_THREADS": "0",
                                  "VISITD_SECRET": "short", "VISITD_LOG_LEVEL": "loud"}, os.path.join(d, "x.db"))
            self.assertEqual(2, out.returncode)
            for name in ("VISITD_LISTEN", "VISITD_THREADS", "VISITD_SECRET", "VISITD_LOG_LEVEL"):
                self.assertIn(name, out.stderr)
            self.assertFalse(os.path.exists(os.path.join(d, "x.db")), "nothing is created on a bad config")

    def test_toml_file_is_read_and_environment_overrides_it(self):
        with tempfile.TemporaryDirectory() as d:
            cfg = os.path.join(d, "visitd.toml")
            with open(cfg, "w") as f:
                f.write('database = "%s"\nlisten = "127.0.0.1:0"\nthreads = "many"\n' % os.path.join(d, "t.db"))
            out = run(["--config", cfg, "migrate"])
            self.assertEqual(2, out.returncode)
            self.assertIn("threads", out.stderr)
            with open(cfg, "w") as f:
                f.write('database = "%s"\nbogus = 1\n' % os.path.join(d, "t.db"))
            out = run(["--config", cfg, "migrate"])
            self.assertEqual(2, out.returncode)
            self.assertIn('unknown setting "bogus"', out.stderr)
            with open(cfg, "w") as f:
                f.write('database = "%s"\n' % os.path.join(d, "from-toml.db"))
            out = run(["--config", cfg, "migrate"], {"VISITD_DATABASE": os.path.join(d, "from-env.db")})
            self.assertEqual(0, out.returncode, out.stderr)
            self.assertTrue(os.path.exists(os.path.join(d, "from-env.db")))
            self.assertFalse(os.path.exists(os.path.join(d, "from-toml.db")))

    def test_serve_help_documents_every_setting(self):
        out = run(["serve", "--help"])
        self.assertEqual(0, out.returncode)
        for name in ("VISITD_DATABASE", "VISITD_LISTEN", "VISITD_PUBLIC_URL", "VISITD_SECRET",
                     "VISITD_MAX_BODY_BYTES", "VISITD_LOGIN_RATE_PER_MINUTE", "VISITD_BOOKING_BURST"):
            self.assertIn(name, out.stdout)


class CommandsTest(unittest.TestCase):
    def test_migrate_is_idempotent(self):
        with tempfile.TemporaryDirectory() as d:
            db = os.path.join(d, "m.db")
            first = run(["migrate"], db=db)
            second = run(["migrate"], db=db)
            self.assertEqual(0, first.returncode, first.stderr)
            self.assertEqual(first.stdout, second.stdout)
            self.assertIn("schema version", second.stdout)

    def test_demo_seeds_once_and_its_logins_work(self):
        with tempfile.TemporaryDirectory() as d:
            db = os.path.join(d, "demo.db")
            first = run(["demo"], db=db)
            self.assertEqual(0, first.returncode, first.stderr)
            logins = {}
            for line in first.stdout.splitlines():
                if "password:" in line:
                    role, rest = line.strip().split(":", 1)
                    email, password = rest.split("password:")
                    logins[role] = (email.strip(), password.strip())
            self.assertEqual({"owner", "provider"}, set(logins))
            self.assertEqual("owner@northwind.test", logins["owner"][0])
            again = run(["demo"], db=db)
            self.assertEqual(0, again.returncode)
            self.assertIn("already exists", again.stdout)
            self.assertNotIn("password:", again.stdout)
            srv = Server(database=db).start()
            try:
                c = srv.client()
                me = c.login(*logins["owner"])
                self.assertEqual("owner", me["memberships"][0]["role"])
                status, _, biz = c.get("/api/v1/public/businesses/northwind")
                self.assertEqual(200, status)
                self.assertEqual("Europe/London", biz["timeZone"])
                self.assertEqual(3, len(biz["providers"]))
                self.assertEqual({30, 60}, {s["durationMinutes"] for s in biz["services"]})
                bid = me["memberships"][0]["businessId"]
                status, _, page = c.get("/api/v1/businesses/%s/bookings?limit=200" % bid)
                self.assertEqual(200, status)
                self.assertGreater(page["total"], 0, "the demo holds a week of bookings")
            finally:
                srv.cleanup()

    def test_admin_commands_create_business_user_and_reset_password(self):
        srv = Server()
        try:
            biz = srv.admin("create-business", "--slug", "cli-co", "--name", "CLI Co", "--zone", "Asia/Kolkata")
            self.assertTrue(biz["id"])
            user = srv.admin("create-user", "--email", "Boss@Cli.test", "--name", "Boss",
                             "--business", "cli-co", "--role", "owner")
            self.assertIn("password", user, "a generated password is printed once")
            bad = srv.run_cli("admin", "create-business", "--slug", "Bad Slug", "--name", "X", "--zone", "Mars/Base",
                              check=False)
            self.assertNotEqual(0, bad.returncode)
            self.assertIn("slug", bad.stderr)
            dup = srv.run_cli("admin", "create-business", "--slug", "cli-co", "--name", "Again", "--zone", "UTC",
                              check=False)
            self.assertNotEqual(0, dup.returncode)
            reset = srv.admin("reset-password", "--email", "boss@cli.test", "--password", "a-new-long-password")
            self.assertEqual(user["id"], reset["id"])
            srv.start()
            c = srv.client()
            me = c.login("boss@cli.test", "a-new-long-password")
            self.assertEqual("cli-co", me["memberships"][0]["slug"])
            status, _, _ = srv.client().post("/api/v1/auth/login",
                                             {"email": "boss@cli.test", "password": user["password"]})
            self.assertEqual(401, status, "the old password no longer works")
        finally:
            srv.cleanup()

    def test_routes_lists_the_api(self):
        out = run(["routes"])
        self.assertEqual(0, out.returncode, out.stderr)
        self.assertIn("POST /api/v1/public/businesses/{slug}/bookings", out.stdout)


if __name__ == "__main__":
    unittest.main()
