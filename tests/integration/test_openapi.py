"""docs/openapi.yaml must describe every route the server answers, and nothing more."""
import os
import subprocess
import unittest

import yaml

from harness import VISITD_BIN

SOURCE_DIR = os.environ.get("VISITD_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options"}


def served_routes():
    out = subprocess.run([VISITD_BIN, "routes"], capture_output=True, text=True, check=True, timeout=30)
    routes = set()
    for line in out.stdout.splitlines():
        method, pattern = line.split(" ", 1)
        routes.add((method.upper(), pattern))
    return routes


def documented_routes():
    with open(os.path.join(SOURCE_DIR, "docs", "openapi.yaml"), encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    routes = set()
    for path, item in spec["paths"].items():
        for method in item:
            if method in HTTP_METHODS:
                routes.add((method.upper(), path))
    return spec, routes


class OpenApiTest(unittest.TestCase):
    def test_every_served_route_is_documented(self):
        _, documented = documented_routes()
        missing = served_routes() - documented
        self.assertEqual(set(), missing, "routes served but missing from docs/openapi.yaml")

    def test_every_documented_route_is_served(self):
        _, documented = documented_routes()
        extra = documented - served_routes()
        self.assertEqual(set(), extra, "routes in docs/openapi.yaml that the server does not answer")

    def test_spec_is_openapi_3_1(self):
        spec, _ = documented_routes()
        self.assertTrue(str(spec["openapi"]).startswith("3.1"))
        for path, item in spec["paths"].items():
            for method, op in item.items():
                if method in HTTP_METHODS:
                    self.assertIn("responses", op, "%s %s has no responses" % (method, path))


if __name__ == "__main__":
    unittest.main()
