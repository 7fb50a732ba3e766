"""Checks HTTP exchanges against docs/openapi.yaml (OpenAPI 3.1, whose schemas are JSON Schema
2020-12), with Debian's python3-jsonschema and python3-yaml.

Only the API's own paths are checked (/api/..., /healthz, /readyz, /metrics); an exchange
there matches the document when:
- its method and path are a documented operation (an undocumented path may only answer the
  server-wide 404, and a documented path with an undocumented method only 405);
- its status is one the operation lists (or a problem the server answers before routing:
  400 malformed-request, 431 header-too-large, stated once in info.description);
- its Content-Type is one the documented response lists, and a JSON body validates against
  that response's schema; a response documented without content has no body;
- headers the response marks required are present, and a problem's `status` member is the
  HTTP status;
- when the server accepted the request (2xx), its JSON body validates against the request
  schema and its query parameters against theirs (required ones present, values of the
  declared type), like its path parameters: a request the document calls invalid must not be
  accepted.
check() returns the list of mismatches (empty = the exchange matches)."""
import atexit
import json
import os
import re
import urllib.parse

import jsonschema
import yaml

SOURCE_DIR = os.environ.get("VISITD_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
DOCUMENT = os.path.join(SOURCE_DIR, "docs", "openapi.yaml")
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


def load_document(path=DOCUMENT):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def _in_api(path):
    """The paths the document owns (the server's reserved paths: never the web app's)."""
    return path == "/api" or path.startswith("/api/") or path in ("/healthz", "/readyz", "/metrics")


# What the server answers before a request reaches any operation (a request that is not
# HTTP/1.1, a header over the limit), stated once in the document's info.description rather
# than on every operation; accepted anywhere, but only with exactly that problem type.
_BEFORE_ROUTING = {400: "malformed-request", 431: "header-too-large"}


def _answered_before_routing(status, body):
    slug = _BEFORE_ROUTING.get(status)
    if slug is None or not body:
        return False
    try:
        return json.loads(body).get("type") == "https://visitd.dev/problems/" + slug
    except (ValueError, AttributeError):
        return False


def _media_type(value):
    return (value or "").split(";", 1)[0].strip().lower()


# RFC 3339 date-time with a mandatory offset (the document's "date-time"); jsonschema checks
# it only with an optional package Debian does not ship, so the rule is stated here.
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$")


def _format_checker():
    checker = jsonschema.FormatChecker(["date", "email", "regex"])
    checker.checks("date-time")(lambda v: not isinstance(v, str) or bool(_DATE_TIME.match(v)))
    checker.checks("uri")(lambda v: not isinstance(v, str) or bool(_URI.match(v)))
    return checker


class Contract:
    def __init__(self, document):
        self.document = document
        self._resolver = jsonschema.RefResolver.from_schema(document)
        self._format_checker = _format_checker()
        # Literal segments beat parameters: /profile before {token}.
        self._paths = []
        for template, item in document.get("paths", {}).items():
            pattern = "^" + re.sub(r"\\\{([^}]+)\\\}", r"(?P<\1>[^/]+)", re.escape(template)) + "$"
            literal = sum(1 for s in template.split("/") if s and not s.startswith("{"))
            self._paths.append((literal, template, re.compile(pattern), item))
        self._paths.sort(key=lambda p: -p[0])
        self.seen = set()  # (method, path template, status) of every checked exchange

    # ---- lookups ----------------------------------------------------------------------

    def path_item(self, path):
        return self._match(path)[:2]

    def _match(self, path):
        for _, template, pattern, item in self._paths:
            m = pattern.match(path)
            if m:
                return template, item, {k: urllib.parse.unquote(v) for k, v in m.groupdict().items()}
        return None, None, {}

    def _deref(self, node):
        while isinstance(node, dict) and "$ref" in node:
            _, node = self._resolver.resolve(node["$ref"])
        return node

    def _errors(self, schema, instance):
        validator = jsonschema.Draft202012Validator(schema, resolver=self._resolver,
                                                   format_checker=self._format_checker)
        out = []
        for e in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path)):
            where = "/".join(str(p) for p in e.absolute_path) or "(root)"
            out.append("%s: %s" % (where, e.message[:300]))
        return out

    # ---- the check ----------------------------------------------------------------------

    def check(self, method, target, request_headers, request_body, status, response_headers, response_body):
        """target is the request path with its query; headers are dicts (any case);
        bodies are bytes. Returns a list of mismatch messages."""
        method = method.lower()
        split = urllib.parse.urlsplit(target)
        path = split.path
        if not _in_api(path):
            return []  # the web app's files and the demo outbox page are not the API
        template, item, path_values = self._match(path)
        label = "%s %s -> %d" % (method.upper(), template or path, status)
        if item is None:
            if status == 404:
                return []
            return ["%s: no such path in the document" % label]
        operation = item.get(method)
        if method == "head" and operation is None:
            operation = item.get("get")
        if operation is None:
            if status == 405:
                return []
            return ["%s: no such operation in the document" % label]

        self.seen.add((method.upper(), template, status))
        problems = []
        responses = operation.get("responses", {})
        documented = responses.get(str(status)) or responses.get("%dXX" % (status // 100)) or responses.get("default")
        if documented is None:
            if _answered_before_routing(status, response_body):
                return []
            return ["%s: status not documented (documented: %s)" % (label, ", ".join(sorted(responses)))]
        documented = self._deref(documented)
        response_headers = {k.lower(): v for k, v in (response_headers or {}).items()}
        problems += ["%s: %s" % (label, m)
                     for m in self._check_response(documented, status, response_headers, response_body, method)]
        if 200 <= status < 300:
            params = list(item.get("parameters", [])) + list(operation.get("parameters", []))
            problems += ["%s: request %s" % (label, m)
                         for m in self._check_query(params, split.query)]
            problems += ["%s: request %s" % (label, m)
                         for m in self._check_path(params, path_values)]
            problems += ["%s: request %s" % (label, m)
                         for m in self._check_request_body(operation, request_headers or {}, request_body)]
        return problems

    def _check_response(self, documented, status, headers, body, method):
        problems = []
        for name, header in (documented.get("headers") or {}).items():
            header = self._deref(header)
            if header.get("required") and name.lower() not in headers:
                problems.append("header %s missing" % name)
        content = documented.get("content") or {}
        ctype = _media_type(headers.get("content-type"))
        if not body or method == "head":
            if content and method != "head" and not any(
                    self._deref(m).get("schema", {}).get("type") == "string" for m in content.values()):
                problems.append("empty body, documented %s" % ", ".join(content))
            return problems
        if not content:
            return problems + ["a %s body where the document has none" % (ctype or "untyped")]
        media = content.get(ctype)
        if media is None:
            return problems + ["Content-Type %r not documented (documented: %s)" % (ctype, ", ".join(content))]
        schema = self._deref(media).get("schema")
        if schema is not None and (ctype.endswith("json")):
            try:
                instance = json.loads(body)
            except ValueError as e:
                return problems + ["body is not JSON: %s" % e]
            problems += ["body %s" % m for m in self._errors(schema, instance)]
            if ctype == "application/problem+json" and isinstance(instance, dict) and instance.get("status") != status:
                problems.append("problem status %r differs from the HTTP status" % instance.get("status"))
        return problems

    def _check_query(self, params, query):
        present = urllib.parse.parse_qs(query, keep_blank_values=True)
        problems = []
        for p in params:
            p = self._deref(p)
            if p.get("in") != "query":
                continue
            name = p["name"]
            if name not in present:
                if p.get("required"):
                    problems.append("query parameter %s is required" % name)
                continue
            schema = p.get("schema", {})
            value = present[name][-1]
            kind = self._deref(schema).get("type")
            if kind == "integer":
                try:
                    value = int(value)
                except ValueError:
                    problems.append("query parameter %s=%r is not an integer" % (name, value))
                    continue
            problems += ["query parameter %s %s" % (name, m) for m in self._errors(schema, value)]
        return problems

    def _check_path(self, params, values):
        problems = []
        for p in params:
            p = self._deref(p)
            if p.get("in") == "path" and p["name"] in values:
                problems += ["path parameter %s %s" % (p["name"], m)
                             for m in self._errors(p.get("schema", {}), values[p["name"]])]
        return problems

    def _check_request_body(self, operation, headers, body):
        headers = {k.lower(): v for k, v in headers.items()}
        ctype = _media_type(headers.get("content-type"))
        spec = self._deref(operation.get("requestBody") or {})
        content = spec.get("content") or {}
        if not body:
            return ["body is required"] if spec.get("required") else []
        if not content:
            return []  # an operation without a request body ignores one (info.description)
        media = content.get(ctype)
        if media is None:
            return ["Content-Type %r not documented (documented: %s)" % (ctype, ", ".join(content))]
        schema = self._deref(media).get("schema")
        if schema is None or not ctype.endswith("json"):
            return []
        try:
            instance = json.loads(body)
        except ValueError as e:
            return ["body is not JSON: %s" % e]
        return ["body %s" % m for m in self._errors(schema, instance)]


_shared = None


def shared():
    """The document as it is on disk, loaded once per test process. With VISITD_CONTRACT_REPORT
    set to a file name, the (method, path, status) triples the process checked are written there
    at exit, as JSON, to see what the suite covers."""
    global _shared
    if _shared is None:
        _shared = Contract(load_document())
        report = os.environ.get("VISITD_CONTRACT_REPORT")
        if report:
            atexit.register(_write_report, _shared, report)
    return _shared


def _write_report(checked, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(sorted([list(t) for t in checked.seen]), f, indent=1)
