// Webhooks of the SMS gateway (Twilio wire format): delivery status callbacks and inbound
// messages. Both are trusted only with a valid X-Twilio-Signature (HMAC-SHA1 with the auth
// token over the public URL and the sorted form parameters). Inbound STOP/START/HELP
// keywords manage the number's opt-out; an opted-out number gets no SMS until START.
#include <boost/url/params_view.hpp>

#include <algorithm>
#include <cctype>

#include "http/handlers/routes.hpp"
#include "http/phone.hpp"
#include "http/problem.hpp"

namespace visitd::http {
namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

constexpr std::size_t kMaxParams = 64;

std::optional<Params> form_params(const Request& req) {
  Params out;
  try {
    boost::urls::params_view view(req.body);
    for (auto p : view) {
      if (out.size() >= kMaxParams) return std::nullopt;
      out.emplace_back(std::string(p.key), std::string(p.value));
    }
  } catch (const std::exception&) {
    return std::nullopt;
  }
  return out;
}

std::string param(const Params& ps, std::string_view key) {
  for (const auto& [k, v] : ps)
    if (k == key) return v;
  return {};
}

std::string public_url_of(ApiContext& ctx, const Request& req) {
  std::string base = ctx.settings.public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + req.path;
}

// The parameters when the request is signed by the gateway; nullopt otherwise.
std::optional<Params> verified(ApiContext& ctx, const Request& req) {
  auto params = form_params(req);
  if (!params) return std::nullopt;
  const auto signature = req.header("x-twilio-signature");
  if (!signature || !ctx.settings.sms_signature_valid) return std::nullopt;
  if (!ctx.settings.sms_signature_valid(public_url_of(ctx, req), *params, *signature)) return std::nullopt;
  return params;
}

Response unsigned_webhook() {
  return problem_from(core::Error::typed(core::ErrorCode::forbidden, "bad-signature",
                                         "X-Twilio-Signature is missing or does not match"));
}

Response twiml(std::string message) {
  Response r;
  r.content_type = "text/xml";
  r.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>";
  if (!message.empty()) r.body += "<Message>" + message + "</Message>";
  r.body += "</Response>";
  return r;
}

Response post_status(ApiContext& ctx, Request& req) {
  auto params = verified(ctx, req);
  if (!params) return unsigned_webhook();
  const std::string sid = param(*params, "MessageSid");
  const std::string status = param(*params, "MessageStatus");
  if (sid.empty() || status.empty()) return bad_request("MessageSid", "MessageSid and MessageStatus are required");
  // Intermediate states (queued, sending, sent) change nothing we show.
  if (status == "delivered" || status == "undelivered" || status == "failed") {
    std::string error;
    if (status != "delivered") {
      error = "carrier reported " + status;
      if (auto code = param(*params, "ErrorCode"); !code.empty()) error += " (error " + code.substr(0, 16) + ")";
    }
    if (auto ok = ctx.use.messages.record_delivery(sid, status == "delivered", error); !ok) {
      return problem_from(core::Error::make(core::ErrorCode::not_found, "No message with this MessageSid"));
    }
  }
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

std::string keyword_of(std::string body) {
  body.erase(0, body.find_first_not_of(" \t\r\n"));
  body = body.substr(0, body.find_first_of(" \t\r\n"));
  std::transform(body.begin(), body.end(), body.begin(), [](unsigned char c) { return std::toupper(c); });
  return body;
}

Response post_inbound(ApiContext& ctx, Request& req) {
  auto params = verified(ctx, req);
  if (!params) return unsigned_webhook();
  const auto from = to_e164(param(*params, "From"));
  if (!from) return bad_request("From", "must be a phone number in E.164");
  const std::string word = keyword_of(param(*params, "Body"));
  static const std::vector<std::string> kStop = {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL",
                                                 "END",  "QUIT",    "OPTOUT",      "REVOKE"};
  static const std::vector<std::string> kStart = {"START", "YES", "UNSTOP", "OPTIN"};
  if (std::find(kStop.begin(), kStop.end(), word) != kStop.end()) {
    ctx.use.messages.set_sms_opt_out(*from, true);
    // The gateway itself confirms a STOP to the sender; we add nothing.
    return twiml("");
  }
  if (std::find(kStart.begin(), kStart.end(), word) != kStart.end()) {
    ctx.use.messages.set_sms_opt_out(*from, false);
    return twiml("You will receive appointment messages again. Reply STOP to opt out.");
  }
  if (word == "HELP" || word == "INFO") {
    return twiml("Appointment reminders. Reply STOP to opt out, START to opt back in.");
  }
  return twiml("");
}

}  // namespace

void register_sms_routes(Router& r, ApiContext& ctx) {
  // Form fields (application/x-www-form-urlencoded), as the gateway posts them.
  r.add(
      "POST", "/api/v1/sms/status", [&ctx](Request& req) { return post_status(ctx, req); }, Runs::on_worker,
      Body::other);
  r.add(
      "POST", "/api/v1/sms/inbound", [&ctx](Request& req) { return post_inbound(ctx, req); }, Runs::on_worker,
      Body::other);
}

}  // namespace visitd::http
