"""Data at rest (issue H): the database holds the link-signing secret, password hashes,
personal data and chats, so visitd creates it, and SQLite its WAL and SHM files, readable by
the owner only, whatever the umask; a database others can read is reported at start."""
import os
import stat
import unittest

from harness import POSTGRES_URL, Server


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


@unittest.skipIf(POSTGRES_URL, "about SQLite's own files; the PostgreSQL run has none")
class DatabaseFilesArePrivate(unittest.TestCase):
    def test_new_database_wal_and_shm_are_owner_only_even_with_a_lax_umask(self):
        old = os.umask(0o022)  # the usual umask: files would be 0644
        try:
            srv = Server().start()
        finally:
            os.umask(old)
        try:
            srv.admin("create-business", "--slug", "private", "--name", "Private", "--zone", "UTC")
            self.assertEqual(srv.client().get("/healthz")[0], 200)
            for suffix in ("", "-wal", "-shm"):
                path = srv.database + suffix
                self.assertTrue(os.path.exists(path), path)
                self.assertEqual(mode(path), 0o600, path)
            self.assertNotIn("readable by other users", srv.stderr_text())
        finally:
            srv.cleanup()

    def test_a_database_others_can_read_is_reported_at_start(self):
        first = Server().start()
        database = first.database
        first.stop()
        os.chmod(database, 0o644)
        srv = Server(database=database).start()
        try:
            self.assertEqual(srv.client().get("/healthz")[0], 200)
            self.assertIn("readable by other users", srv.stderr_text())
        finally:
            srv.cleanup()
            first.cleanup()


if __name__ == "__main__":
    unittest.main()
