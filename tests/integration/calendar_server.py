"""A loopback HTTP server serving iCalendar files for the external-calendar tests, the way
calendar providers do: strong ETags and Last-Modified with conditional GET (304), plus paths
that misbehave on purpose (slow, oversized, failing). It records every request."""
import email.utils
import hashlib
import http.server
import threading
import time


class CalendarServer:
    def __init__(self):
        self.files = {}         # path -> text served with 200 (CRLF line ends, as exports have)
        self.status = {}        # path -> status to answer instead (e.g. 500)
        self.delay = {}         # path -> seconds to wait before answering (a timeout under test)
        self.requests = []      # (path, headers dict, status answered)
        self.lock = threading.Lock()
        self.modified = email.utils.formatdate(time.time() - 3600, usegmt=True)
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                path = self.path
                if path in server.delay:
                    time.sleep(server.delay[path])
                with server.lock:
                    text = server.files.get(path)
                    status = server.status.get(path)
                if status is None and text is None:
                    status = 404
                if status is not None:
                    body = b"error"
                    self._record(path, status)  # before the answer: a test that saw it finds it
                    self.send_response(status)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                body = text.replace("\r\n", "\n").replace("\n", "\r\n").encode()
                etag = '"%s"' % hashlib.sha256(body).hexdigest()[:16]
                if self.headers.get("If-None-Match") == etag:
                    self._record(path, 304)
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self._record(path, 200)
                self.send_response(200)
                self.send_header("Content-Type", "text/calendar; charset=utf-8")
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", server.modified)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (size limit): that is what is tested

            def _record(self, path, status):
                with server.lock:
                    server.requests.append((path, dict(self.headers), status))

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def requests_for(self, path):
        with self.lock:
            return [r for r in self.requests if r[0] == path]

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
