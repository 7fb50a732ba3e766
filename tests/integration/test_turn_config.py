"""Issue H: `visitd turn-config` scopes the relay. It takes the listening and relay addresses
as flags and always emits denied-peer-ip for this host, private, link-local, CGNAT and IPv6
ULA/link-local ranges, so a relay moved off loopback cannot reach internal addresses; only a
loopback relay (the demo) keeps loopback peers open."""
import os
import subprocess
import unittest

from harness import VISITD_BIN

SECRET = "turn-secret-0123456789"
MUST_DENY = {
    "10.0.0.0-10.255.255.255", "172.16.0.0-172.31.255.255", "192.168.0.0-192.168.255.255",  # private
    "169.254.0.0-169.254.255.255",  # link-local (cloud metadata lives here)
    "100.64.0.0-100.127.255.255",  # CGNAT
    "fc00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",  # IPv6 unique local
    "fe80::-febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff",  # IPv6 link-local
}
LOOPBACK = {"127.0.0.0-127.255.255.255", "::1"}


def turn_config(*flags):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "VISITD_TURN_SECRET": SECRET,
           "VISITD_DATABASE": ":memory:"}
    out = subprocess.run([VISITD_BIN, "turn-config", *flags], capture_output=True, text=True, env=env, timeout=30)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    denied = {line.split("=", 1)[1] for line in lines if line.startswith("denied-peer-ip=")}
    return lines, denied


class TurnConfig(unittest.TestCase):
    def test_a_public_relay_denies_internal_and_loopback_peers(self):
        lines, denied = turn_config("--listening-ip", "203.0.113.5", "--relay-ip", "203.0.113.5", "--port", "3478")
        self.assertIn("listening-ip=203.0.113.5", lines)
        self.assertIn("relay-ip=203.0.113.5", lines)
        self.assertLessEqual(MUST_DENY | LOOPBACK, denied)
        self.assertNotIn("allow-loopback-peers", lines)

    def test_the_loopback_demo_keeps_only_loopback_open(self):
        lines, denied = turn_config()
        self.assertIn("relay-ip=127.0.0.1", lines)
        self.assertIn("allow-loopback-peers", lines)
        self.assertLessEqual(MUST_DENY, denied)
        self.assertFalse(LOOPBACK & denied)


if __name__ == "__main__":
    unittest.main()
