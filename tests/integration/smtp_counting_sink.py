"""A loopback SMTP sink that counts sessions: Debian's aiosmtpd, run as its own process, appends
one line per accepted mail to a log file: "<session number> <Message-ID> <recipient>". A session
is one client connection, so mails per session shows whether the sender reuses its connection.
Used by tests/integration/test_notify_throughput.py and bench/outbox_bench.py.

Run alone: /usr/bin/python3 smtp_counting_sink.py PORT LOGFILE"""
import os
import re
import socket
import subprocess
import sys
import time

_MESSAGE_ID = re.compile(rb"^Message-ID:\s*(<[^>\r\n]*>)", re.IGNORECASE | re.MULTILINE)


class _CountingHandler:
    def __init__(self, log):
        self.log = log
        self.sessions = 0

    async def handle_DATA(self, server, session, envelope):
        if not hasattr(session, "sink_number"):
            self.sessions += 1
            session.sink_number = self.sessions
        head = envelope.original_content.split(b"\r\n\r\n", 1)[0]
        found = _MESSAGE_ID.search(head)
        message_id = found.group(1).decode("ascii", "replace") if found else "-"
        for rcpt in envelope.rcpt_tos:
            self.log.write("%d %s %s\n" % (session.sink_number, message_id, rcpt))
        self.log.flush()
        return "250 OK"


def _serve(port, log_path):
    import asyncio
    from aiosmtpd.smtp import SMTP

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    with open(log_path, "a", buffering=1) as log:
        handler = _CountingHandler(log)
        server = loop.run_until_complete(loop.create_server(
            lambda: SMTP(handler, enable_SMTPUTF8=True, data_size_limit=None), "127.0.0.1", port))
        try:
            loop.run_forever()
        finally:
            server.close()


class CountingSmtpSink:
    """Starts the sink on `port` as a child process; `mails()` reads the log."""

    def __init__(self, port, log_path):
        self.port = port
        self.log_path = log_path
        self.proc = None

    def start(self, timeout=30):
        open(self.log_path, "w").close()
        self.proc = subprocess.Popen([
            "/usr/bin/python3", os.path.abspath(__file__), str(self.port), self.log_path],
            env={"PATH": "/usr/bin:/bin", "PYTHONUNBUFFERED": "1"},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise AssertionError("the counting SMTP sink did not start")
                time.sleep(0.05)

    def mails(self):
        """[(session number, Message-ID, recipient)] in arrival order."""
        out = []
        with open(self.log_path) as f:
            for line in f:
                parts = line.split()
                if len(parts) == 3 and line.endswith("\n"):
                    out.append((int(parts[0]), parts[1], parts[2]))
        return out

    def count(self):
        with open(self.log_path, "rb") as f:
            return f.read().count(b"\n")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        self.proc = None


if __name__ == "__main__":
    _serve(int(sys.argv[1]), sys.argv[2])
