#include "notify/compose.hpp"

#include <ctime>

#include "notify/icalendar.hpp"
#include "notify/mime.hpp"
#include "notify/templates.hpp"

namespace visitd::notify {
namespace {

std::string strftime_at(core::Instant t, const core::Zone& zone, const char* fmt) {
  const auto local = t + zone.offset_at(t);
  const std::time_t tt = static_cast<std::time_t>(local.time_since_epoch().count());
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[128];
  std::strftime(buf, sizeof buf, fmt, &tm);
  return buf;
}

core::Zone zone_or_utc(const std::string& name) {
  if (auto z = core::Zone::find(name)) return *z;
  return *core::Zone::find("UTC");
}

struct Party {
  std::string name;
  std::string email;
  std::string phone;
  std::string zone;
};

TemplateSet templates_for(store::Store& store, const std::string& business_id, core::MessageKind kind,
                          core::Channel channel) {
  TemplateSet t = default_templates(kind, channel);
  if (auto custom = store.message_template(business_id, kind, channel)) {
    if (!custom->subject.empty()) t.subject = custom->subject;
    if (!custom->text_body.empty()) t.text = custom->text_body;
    if (!custom->html_body.empty()) t.html = custom->html_body;
  }
  return t;
}

store::SendOutcome final(store::MessageStatus status, std::string address, std::string why) {
  store::SendOutcome o;
  o.status = status;
  o.address = std::move(address);
  o.error = std::move(why);
  return o;
}

}  // namespace

std::string format_local_long(core::Instant t, const core::Zone& zone) {
  return strftime_at(t, zone, "%A %-d %B %Y, %H:%M");
}
std::string format_local_time(core::Instant t, const core::Zone& zone) { return strftime_at(t, zone, "%H:%M"); }

std::string domain_of(const std::string& address) {
  const auto at = address.rfind('@');
  std::string d = at == std::string::npos ? std::string() : address.substr(at + 1);
  return safe_address("x@" + d) && !d.empty() ? d : "visitd.invalid";
}

ComposeResult compose(store::Store& store, const store::OutboxMessage& m, const ComposeSettings& settings,
                      const LinkMaker& links, core::Instant now) {
  ComposeResult out;
  auto booking = store.booking(m.booking_id);
  if (!booking) {
    out.final_outcome = final(store::MessageStatus::withdrawn, "", "booking no longer exists");
    return out;
  }
  // A reminder found late (visitd was down past the start) would only confuse: drop it.
  if (m.kind == core::MessageKind::reminder && now >= booking->time.begin) {
    out.final_outcome = final(store::MessageStatus::withdrawn, "", "the appointment had already started");
    return out;
  }
  auto business = store.business_by_id(booking->business_id);
  if (!business) {
    out.final_outcome = final(store::MessageStatus::withdrawn, "", "business no longer exists");
    return out;
  }
  auto service = store.service(booking->business_id, booking->service_id);
  auto provider = store.provider(booking->business_id, booking->provider_id);

  Party to;
  if (m.recipient == core::Recipient::consumer) {
    to = {booking->consumer.name, booking->consumer.email, booking->consumer.phone, booking->consumer.zone};
  } else if (provider) {
    to = {provider->name, "", "", provider->zone};
    if (provider->user_id) {
      if (auto u = store.user_by_id(*provider->user_id)) to.email = u->user.email;
    }
  }
  const std::string address = m.channel == core::Channel::email ? to.email : to.phone;
  if (address.empty()) {
    out.final_outcome =
        final(store::MessageStatus::withdrawn, "",
              std::string("no ") + (m.channel == core::Channel::email ? "e-mail address" : "phone number") +
                  " for the " + core::to_string(m.recipient));
    return out;
  }
  if (m.channel == core::Channel::sms) {
    if (auto since = store.sms_opted_out_at(address)) {
      out.final_outcome = final(store::MessageStatus::suppressed_opt_out, address,
                                "recipient replied STOP at " + core::format_rfc3339_utc(*since));
      return out;
    }
    if (m.recipient == core::Recipient::consumer && !store.sms_consent_at(booking->id)) {
      out.final_outcome = final(store::MessageStatus::withdrawn, address, "no SMS consent");
      return out;
    }
  }

  const core::Zone zone = zone_or_utc(to.zone);
  TemplateValues v;
  v["recipientName"] = to.name;
  v["businessName"] = business->name;
  v["serviceName"] = service ? service->name : std::string("Appointment");
  v["providerName"] = provider ? provider->name : std::string();
  v["start"] = format_local_long(booking->time.begin, zone);
  v["endTime"] = format_local_time(booking->time.end, zone);
  v["timeZone"] = zone.name();
  v["startUtc"] = core::format_rfc3339_utc(booking->time.begin);
  v["kind"] = core::to_string(m.kind);
  ConsumerLinks l;
  if (m.recipient == core::Recipient::consumer) {
    l = links(*booking);
    v["manageUrl"] = l.manage_url;
    // A cancelled appointment has no call to join.
    if (m.kind != core::MessageKind::cancellation) v["joinUrl"] = l.join_url;
  } else {
    v["consumerName"] = booking->consumer.name;
  }

  auto rendered = render(templates_for(store, business->id, m.kind, m.channel), v);
  if (!rendered) {
    out.final_outcome = final(store::MessageStatus::failed, address, "template: " + rendered.error().detail);
    return out;
  }

  Composed c;
  c.channel = m.channel;
  c.address = address;
  if (m.channel == core::Channel::sms) {
    c.body = rendered->text;
    c.text = rendered->text;
    out.message = std::move(c);
    return out;
  }
  const std::string domain = domain_of(settings.from_address);
  MailContent mail;
  mail.from = {settings.from_name.empty() ? business->name : settings.from_name, settings.from_address};
  mail.to = {to.name, address};
  mail.subject = rendered->subject;
  mail.text = rendered->text;
  mail.html = rendered->html;
  mail.message_id = m.message_id + "@" + domain;
  mail.date = now;
  if (m.kind != core::MessageKind::reminder) {
    Invite inv;
    inv.cancel = m.kind == core::MessageKind::cancellation;
    inv.uid = booking->id + "@" + domain;
    inv.sequence = m.sequence;
    inv.time = booking->time;
    inv.stamp = now;
    inv.summary = v["serviceName"] + " with " + (provider ? provider->name : business->name);
    inv.description = business->name + (l.manage_url.empty() ? "" : "\n\nReschedule or cancel: " + l.manage_url);
    inv.join_url = inv.cancel ? std::string() : l.join_url;
    inv.organizer_name = business->name;
    inv.organizer_email = settings.from_address;
    inv.attendee_name = to.name;
    inv.attendee_email = address;
    mail.calendar = build_invite(inv);
    mail.calendar_method = inv.cancel ? "CANCEL" : "REQUEST";
  }
  auto mime = build_mime(mail);
  if (!mime) {
    out.final_outcome = final(store::MessageStatus::failed, address, "unsafe address");
    return out;
  }
  c.subject = mail.subject;
  c.text = mail.text;
  if (!mail.calendar.empty())
    c.text += "\n--- invitation (text/calendar; method=" + mail.calendar_method + ") ---\n" + mail.calendar;
  c.body = std::move(*mime);
  out.message = std::move(c);
  return out;
}

}  // namespace visitd::notify
