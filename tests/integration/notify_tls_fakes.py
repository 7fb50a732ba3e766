"""A real TLS SMTP server for the notification tests: Debian's aiosmtpd on a free loopback
port with a throwaway self-signed certificate, either STARTTLS (required before MAIL) or
implicit TLS (smtps), optionally requiring AUTH. Each stored mail gains X-Test-Tls (the TLS
version the session used) and X-Test-Login (the authenticated user) so tests can see how it
arrived. Run as a script it is the server; imported it gives the launcher and cert helper."""
import argparse
import os
import subprocess
import sys

from notify_fakes import SmtpSink, free_port, wait_until

HERE = os.path.dirname(os.path.abspath(__file__))


def make_self_signed(directory, name):
    """Writes NAME.crt/NAME.key for 127.0.0.1 (CN and IP SAN); returns (cert, key) paths."""
    cert = os.path.join(directory, name + ".crt")
    key = os.path.join(directory, name + ".key")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", key, "-out", cert],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return cert, key


class TlsSmtpSink(SmtpSink):
    """Same Maildir view as SmtpSink; mode is "starttls" or "implicit"."""

    def __init__(self, cert, key, mode, user=None, password=None):
        super().__init__(port=free_port())
        self.cert, self.key, self.mode = cert, key, mode
        self.user, self.password = user, password

    def start(self):
        args = ["/usr/bin/python3", os.path.join(HERE, "notify_tls_fakes.py"), "--port", str(self.port),
                "--maildir", self.dir, "--mode", self.mode, "--cert", self.cert, "--key", self.key]
        env = {"PATH": "/usr/bin:/bin", "PYTHONUNBUFFERED": "1"}
        if self.user is not None:
            args += ["--user", self.user]
            env["TLS_SINK_PASSWORD"] = self.password  # not on the command line
        self.proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until(lambda: self.proc.poll() is not None or self._accepting(), "the TLS SMTP sink to listen")
        if self.proc.poll() is not None:
            raise RuntimeError("TLS SMTP sink exited with %d" % self.proc.returncode)
        return self


def _serve(argv):
    import mailbox
    import signal
    import ssl
    import threading

    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    p = argparse.ArgumentParser()
    for flag in ("--port", "--maildir", "--mode", "--cert", "--key"):
        p.add_argument(flag, required=True)
    p.add_argument("--user")
    a = p.parse_args(argv)
    password = os.environ.get("TLS_SINK_PASSWORD", "")

    # Purpose.CLIENT_AUTH gives a server-capable context that Controller can also use to
    # wrap its own readiness probe.
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(a.cert, a.key)
    box = mailbox.Maildir(a.maildir)

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            tls_object = server.transport.get_extra_info("ssl_object")
            tls = tls_object.version() if tls_object else "none"
            auth = session.auth_data if session.authenticated else None
            login = auth.login.decode() if isinstance(auth, LoginPassword) else "none"
            head = "X-Test-Tls: %s\r\nX-Test-Login: %s\r\n" % (tls, login)
            box.add(head.encode() + envelope.original_content)
            return "250 OK"

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login == (a.user or "").encode()
              and auth_data.password == password.encode())
        # handled=False: aiosmtpd then answers 535 itself (its default, True, answers nothing).
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    smtp_args = {}
    if a.user is not None:
        smtp_args.update(authenticator=authenticate, auth_required=True, auth_require_tls=True)
    if a.mode == "starttls":
        smtp_args.update(tls_context=context, require_starttls=True)
    else:
        smtp_args.update(ssl_context=context)
        # aiosmtpd's auth_require_tls only notices STARTTLS; here the whole connection is TLS.
        if a.user is not None:
            smtp_args["auth_require_tls"] = False
    controller = Controller(Handler(), hostname="127.0.0.1", port=int(a.port), **smtp_args)
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    _serve(sys.argv[1:])
