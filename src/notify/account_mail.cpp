// The outbox worker's pass over account mail (lockout notices): plain-text mails planned with
// their words, sent like any other mail (same transport, same backoff, same capture in demo
// mode), recorded under the worker's lease.
#include <spdlog/spdlog.h>

#include "notify/mime.hpp"
#include "notify/worker.hpp"

namespace visitd::notify {

int OutboxWorker::send_account_mail() {
  const core::Instant now = clock_.now();
  auto claimed = store_.account_mail.claim_account_mail(owner_, now, settings_.lease, settings_.batch);
  for (const auto& m : claimed) {
    MailContent content;
    content.from = {compose_.from_name.empty() ? std::string("visitd") : compose_.from_name, compose_.from_address};
    content.to = {"", m.address};
    content.subject = m.subject;
    content.text = m.body;
    content.message_id = m.id + "@" + domain_of(compose_.from_address);
    content.date = m.created_at;
    SendResult r;
    auto mime = build_mime(content);
    if (!mime) {
      r.permanent = true;
      r.error = "the address cannot be used";
    } else if (capture_) {
      store::CapturedMessage cap;
      cap.outbox_id = m.id;
      cap.channel = core::Channel::email;
      cap.address = m.address;
      cap.subject = m.subject;
      cap.body = m.body;
      store_.outbox.capture_message(cap);
      r.ok = true;
    } else if (mail_) {
      r = mail_->send_mail(compose_.from_address, m.address, *mime);
    } else {
      r.error = "e-mail is not configured (VISITD_SMTP_HOST)";
    }
    std::optional<core::Instant> retry;
    if (!r.ok && !r.permanent && m.attempts < settings_.max_attempts) retry = retry_time(r, m.attempts, now);
    if (!store_.account_mail.record_account_mail(m.id, owner_, r.ok, r.error, retry)) {
      spdlog::warn("outbox: account mail {} lost its lease before its outcome was recorded", m.id);
    } else if (!r.ok && !retry) {
      spdlog::warn("outbox: account mail {} ({}) failed after {} attempts: {}", m.id, store::to_string(m.kind),
                   m.attempts, r.error);
    }
  }
  return static_cast<int>(claimed.size());
}

}  // namespace visitd::notify
