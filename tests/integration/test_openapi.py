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

    # The statuses every operation of a kind can answer, whatever the handler (the server's own
    # rules: auth.cpp, json_io.cpp, server.cpp); a new operation that forgets one fails here.
    def operations(self):
        spec, _ = documented_routes()
        for path, item in spec["paths"].items():
            for method, op in item.items():
                if method in HTTP_METHODS:
                    yield spec, path, method, op

    def test_every_operation_is_named_tagged_and_summarised(self):
        spec, _ = documented_routes()
        tags = {t["name"] for t in spec["tags"] if t.get("description")}
        ids = []
        for _, path, method, op in self.operations():
            where = "%s %s" % (method, path)
            self.assertIn("operationId", op, where)
            self.assertIn("summary", op, where)
            self.assertTrue(op.get("tags"), where)
            self.assertLessEqual(set(op["tags"]), tags, where)
            ids.append(op["operationId"])
        self.assertEqual(len(ids), len(set(ids)), "operationIds must be unique")

    def test_secured_operations_answer_401(self):
        for spec, path, method, op in self.operations():
            if op.get("security", spec["security"]):
                self.assertIn("401", op["responses"], "%s %s is secured" % (method, path))

    def test_staff_operations_answer_404_and_unsafe_ones_403(self):
        for _, path, method, op in self.operations():
            if path.startswith("/api/v1/businesses/{businessId}"):
                self.assertIn("404", op["responses"], "%s %s: an unknown business" % (method, path))
                if method != "get":
                    self.assertIn("403", op["responses"], "%s %s: CSRF and roles" % (method, path))

    def test_operations_reading_json_answer_400_413_and_415(self):
        for _, path, method, op in self.operations():
            if "application/json" in op.get("requestBody", {}).get("content", {}):
                for status in ("400", "413", "415"):
                    self.assertIn(status, op["responses"], "%s %s reads JSON" % (method, path))

    def test_worker_pool_operations_answer_503(self):
        on_network_thread = {("get", "/healthz"), ("get", "/metrics")}
        for _, path, method, op in self.operations():
            if (method, path) not in on_network_thread:
                self.assertIn("503", op["responses"], "%s %s may meet a busy pool" % (method, path))


if __name__ == "__main__":
    unittest.main()
