"""The README's configuration tables are the settings table of the binary (`visitd settings`),
so the documentation cannot drift from what visitd accepts. To refresh the README after a
change: scripts/update-readme-settings.sh."""
import os
import subprocess
import unittest

from harness import VISITD_BIN

SOURCE_DIR = os.environ.get("VISITD_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
BEGIN = "<!-- settings:begin"
END = "<!-- settings:end -->"


def readme_section():
    with open(os.path.join(SOURCE_DIR, "README.md"), encoding="utf-8") as f:
        text = f.read()
    start = text.index("\n", text.index(BEGIN)) + 1
    return text[start:text.index(END)]


class ReadmeSettings(unittest.TestCase):
    def test_readme_table_equals_the_binarys_settings_table(self):
        out = subprocess.run([VISITD_BIN, "settings"], capture_output=True, text=True, timeout=60, check=True)
        self.assertEqual(readme_section(), out.stdout,
                         "README.md's settings tables differ from `visitd settings`: "
                         "run scripts/update-readme-settings.sh")

    def test_every_setting_is_in_serve_help(self):
        table = subprocess.run([VISITD_BIN, "settings"], capture_output=True, text=True, timeout=60, check=True).stdout
        names = [line.split("`")[1] for line in table.splitlines() if line.startswith("| `VISITD_")]
        self.assertGreater(len(names), 40)
        help_text = subprocess.run([VISITD_BIN, "serve", "--help"], capture_output=True, text=True, timeout=60).stdout
        for name in names:
            self.assertIn(name, help_text)


if __name__ == "__main__":
    unittest.main()
