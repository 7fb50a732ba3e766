#include "app/notifications.hpp"

#include <spdlog/spdlog.h>

#include "app/wiring.hpp"
#include "notify/booking_invite.hpp"
#include "notify/sms.hpp"
#include "notify/smtp.hpp"
#include "notify/template_preview.hpp"
#include "notify/twilio_signature.hpp"
#include "notify/worker.hpp"

namespace visitd::app {

void configure_notification_api(const Config& config, store::Store& store, http::ApiSettings& settings) {
  settings.demo_outbox = config.outbox.demo_outbox;
  settings.sms_auth_token = config.sms.sms_auth_token;
  const std::string token = config.sms.sms_auth_token;
  settings.sms_signature_valid =
      [token](const std::string& url, const std::vector<std::pair<std::string, std::string>>& params,
              const std::string& signature) { return notify::twilio_signature_valid(token, url, params, signature); };
  settings.consumer_calendar = [from = config.mail.smtp_from, &store](
                                   const core::Booking& b, const std::string& manage_url, const std::string& join_url,
                                   const std::string& book_url, int sequence, core::Instant now) {
    return notify::consumer_calendar(store, b, manage_url, join_url, book_url, from, sequence, now);
  };
  settings.default_templates = [](core::MessageKind kind, core::Channel channel) {
    auto t = notify::default_templates(kind, channel);
    return http::MessageTexts{t.subject, t.text, t.html};
  };
  settings.preview_template = [](const core::Business& b, core::MessageKind kind, core::Channel channel,
                                 const http::MessageTexts& edited,
                                 core::Instant now) -> core::Result<http::MessageTexts> {
    auto r =
        notify::preview_template(b, kind, channel, notify::TemplateSet{edited.subject, edited.text, edited.html}, now);
    if (!r) return r.error();
    return http::MessageTexts{r->subject, r->text, r->html};
  };
}

std::shared_ptr<notify::OutboxWorker> start_outbox_worker(
    const Config& config, store::Store& store, const core::Clock& clock, const service::Links& links,
    const std::string& public_url,
    std::function<void(const store::OutboxMessage&, const std::string& error)> on_failed) {
  std::shared_ptr<notify::MailTransport> mail;
  if (!config.mail.smtp_host.empty()) {
    notify::SmtpSettings s;
    s.host = config.mail.smtp_host;
    s.port = config.mail.smtp_port;
    s.tls = config.mail.smtp_tls == "none"       ? notify::SmtpTls::none
            : config.mail.smtp_tls == "implicit" ? notify::SmtpTls::implicit
                                                 : notify::SmtpTls::starttls;
    s.username = config.mail.smtp_username;
    s.password = config.mail.smtp_password;
    s.ca_file = config.mail.smtp_ca_file;
    s.from_address = config.mail.smtp_from;
    s.from_name = config.mail.smtp_from_name;
    mail = std::make_shared<notify::SmtpTransport>(s);
  }
  std::shared_ptr<notify::SmsTransport> sms;
  if (!config.sms.sms_account_sid.empty()) {
    notify::SmsSettings s;
    s.base_url = config.sms.sms_base_url;
    s.account_sid = config.sms.sms_account_sid;
    s.auth_token = config.sms.sms_auth_token;
    s.from = config.sms.sms_from;
    s.status_callback_url = public_url + "/api/v1/sms/status";
    sms = std::make_shared<notify::TwilioSmsTransport>(s);
  }
  notify::ComposeSettings compose;
  compose.from_address = config.mail.smtp_from;
  compose.from_name = config.mail.smtp_from_name;
  compose.public_url = public_url;
  notify::WorkerSettings ws;
  ws.interval = config.outbox.interval;
  ws.batch = config.outbox.batch;
  ws.senders = config.outbox.senders;
  ws.lease = config.outbox.lease;
  ws.max_attempts = config.outbox.max_attempts;
  ws.retry_base = config.outbox.retry_base;
  ws.retry_max = config.outbox.retry_max;
  auto consumer_links = [&links](const core::Booking& b) {
    auto l = links.issue(b);
    return notify::ConsumerLinks{l.manage_url, l.join_url};
  };
  // The roles composing and sending read and write, not the store.
  const notify::ComposeStores roles{store, store, store, store, store, store};
  auto worker = std::make_shared<notify::OutboxWorker>(roles, clock, compose, consumer_links, mail, sms, ws,
                                                       config.outbox.demo_outbox);
  if (on_failed) worker->set_failure_listener(std::move(on_failed));
  worker->start();
  spdlog::info("outbox worker started (email {}, sms {}{})", mail ? "on" : "off", sms ? "on" : "off",
               config.outbox.demo_outbox ? ", demo capture at /dev/outbox" : "");
  return worker;
}

}  // namespace visitd::app
