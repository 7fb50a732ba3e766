"""Staff invitations in tests (issue H): a server whose account mail reaches an SMTP sink, and
the link read from the mail the invited person receives."""
import re

from notify_fakes import part, to_of

LINK = re.compile(r"https?://[^\s]+/invite/([A-Za-z0-9_-]+)")


def smtp_env(smtp):
    return {"VISITD_SMTP_HOST": "127.0.0.1", "VISITD_SMTP_PORT": str(smtp.port), "VISITD_SMTP_TLS": "none",
            "VISITD_SMTP_FROM": "team@clinic.test", "VISITD_NOTIFY_INTERVAL_MS": "50"}


def text_of(msg):
    return part(msg, "text/plain").get_content() if msg.is_multipart() else msg.get_content()


def invitation_tokens(smtp, address, count=1):
    """The invitation links mailed to `address`, oldest first, once `count` of them arrived."""
    mails = smtp.wait_for(lambda m: to_of(m) == address and "invited" in str(m["Subject"]),
                          "the invitation to " + address, count=count)
    return [LINK.search(text_of(m)).group(1) for m in mails]


def accept(srv, token, body):
    """POST the acceptance with a fresh client; (status, body, client signed in on success)."""
    c = srv.client()
    status, _, answer = c.post("/api/v1/invitations/%s/accept" % token, body)
    if status == 200:
        c.csrf = answer["csrfToken"]
    return status, answer, c
