// Demo mode only (VISITD_DEMO_OUTBOX, turned on by scripts/run-demo.sh): a page listing the
// mails and SMS visitd would have sent, so a newcomer reads them in the browser without
// any mail server. Never registered otherwise: the route does not exist by default.
#include "http/handlers/routes.hpp"

namespace visitd::http {
namespace {

constexpr int kShown = 100;

std::string escape_html(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

Response outbox_page(ApiContext& ctx) {
  std::string html =
      "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>visitd demo outbox</title>"
      "<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
      "article{border:1px solid #ccc;border-radius:6px;margin:1rem 0;padding:0.5rem 1rem}"
      "pre{white-space:pre-wrap;background:#f6f6f6;padding:0.5rem}</style></head><body>"
      "<h1>Demo outbox</h1><p>Messages visitd would have sent (newest first). Shown only in demo mode; "
      "nothing here left this machine.</p>";
  const auto messages = ctx.use.messages.captured(kShown);
  if (messages.empty()) html += "<p>No messages yet: book an appointment.</p>";
  for (const auto& m : messages) {
    html += "<article><h2>" + std::string(m.channel == core::Channel::email ? "E-mail" : "SMS") + " to " +
            escape_html(m.address) + "</h2><p>" + escape_html(core::format_rfc3339_utc(m.captured_at));
    if (!m.subject.empty()) html += " &middot; <strong>" + escape_html(m.subject) + "</strong>";
    html += "</p><pre>" + escape_html(m.body) + "</pre></article>";
  }
  html += "</body></html>";
  Response r;
  r.content_type = "text/html; charset=utf-8";
  r.body = std::move(html);
  r.with_header("Cache-Control", "no-store");
  return r;
}

}  // namespace

void register_dev_outbox(Router& r, ApiContext& ctx) {
  if (!ctx.settings.demo_outbox) return;
  r.add("GET", "/dev/outbox", [&ctx](Request&) { return outbox_page(ctx); });
}

}  // namespace visitd::http
