#!/usr/bin/env bash
# Rewrites README.md's generated settings tables from `visitd settings` (the one settings
# table in src/app/config.cpp). tests/integration/test_readme_settings.py checks they agree.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${VISITD_BIN:-build/visitd}"
/usr/bin/python3 - "$BIN" <<'PY'
import subprocess, sys
table = subprocess.run([sys.argv[1], "settings"], capture_output=True, text=True, check=True).stdout
text = open("README.md", encoding="utf-8").read()
begin = text.index("\n", text.index("<!-- settings:begin")) + 1
end = text.index("<!-- settings:end -->")
open("README.md", "w", encoding="utf-8").write(text[:begin] + table + text[end:])
PY
