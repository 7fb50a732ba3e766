#include "notify/compose.hpp"

#include <ctime>

#include "notify/booking_invite.hpp"
#include "notify/icalendar.hpp"
#include "notify/mime.hpp"
#include "notify/templates.hpp"
#include "store/branding.hpp"
#include "wire/names.hpp"

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

using core::zone_or_utc;

// The clinic's face in a message (issue K): logo by absolute URL, accent colour and contact,
// from the branding role. Values are escaped by render() like any
// other (HTML part), and the colour is "#rrggbb" or empty by the profile's own check.
void add_branding(const ComposeStores& store, const core::Business& business, const std::string& base,
                  TemplateValues& v) {
  const auto p = store.branding.business_profile(business.id);
  v["accentColor"] = p.accent_color;
  v["contactPhone"] = p.contact.phone;
  v["contactEmail"] = p.contact.email;
  v["contactAddress"] = p.contact.address;
  if (p.logo_updated_at && !base.empty())
    v["logoUrl"] = base + "/api/v1/public/businesses/" + business.slug +
                   "/logo?v=" + std::to_string(p.logo_updated_at->time_since_epoch().count());
}

struct Party {
  std::string name;
  std::string email;
  std::string phone;
  std::string zone;
};

TemplateSet templates_for(const ComposeStores& store, const std::string& business_id, core::MessageKind kind,
                          core::Channel channel) {
  TemplateSet t = default_templates(kind, channel);
  if (auto custom = store.outbox.message_template(business_id, kind, channel)) {
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

std::vector<core::SentBefore> others_of(const ComposeStores& store, const store::OutboxMessage& m) {
  std::vector<core::SentBefore> out;
  for (const auto& o : store.outbox.booking_messages(m.booking_id)) {
    if (o.id == m.id) continue;
    const bool pending = o.status == store::MessageStatus::planned || o.status == store::MessageStatus::sending;
    out.push_back({o.kind, o.channel, o.recipient, o.provider_id, o.due_at, o.sent_at.has_value(), pending});
  }
  return out;
}

std::string base_url(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
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

ComposeResult compose(const ComposeStores& store, const store::OutboxMessage& m, const ComposeSettings& settings,
                      const LinkMaker& links, core::Instant now) {
  ComposeResult out;
  auto booking = store.bookings.booking(m.booking_id);
  if (!booking) {
    out.final_outcome = final(store::MessageStatus::withdrawn, "", "booking no longer exists");
    return out;
  }
  const auto others = others_of(store, m);
  if (m.kind == core::MessageKind::reminder) {
    // A reminder found late (visitd was down past the start) would only confuse: drop it.
    if (now >= booking->time.begin) {
      out.final_outcome = final(store::MessageStatus::withdrawn, "", "the appointment had already started");
      return out;
    }
    if (core::reminder_overtaken(m.due_at, m.channel, m.recipient, others, now)) {
      out.final_outcome = final(store::MessageStatus::withdrawn, "", "overtaken by a later reminder");
      return out;
    }
  }
  auto business = store.catalog.business_by_id(booking->business_id);
  if (!business) {
    out.final_outcome = final(store::MessageStatus::withdrawn, "", "business no longer exists");
    return out;
  }
  auto service = store.catalog.service(booking->business_id, booking->service_id);
  // A provider message goes to the provider it was planned for (a move notifies the old one).
  const core::Id provider_id =
      m.recipient == core::Recipient::provider && !m.provider_id.empty() ? m.provider_id : booking->provider_id;
  auto provider = store.catalog.provider(booking->business_id, provider_id);
  auto current_provider = provider_id == booking->provider_id
                              ? provider
                              : store.catalog.provider(booking->business_id, booking->provider_id);

  Party to;
  if (m.recipient == core::Recipient::consumer) {
    to = {booking->consumer.name, booking->consumer.email, booking->consumer.phone, booking->consumer.zone};
  } else if (provider) {
    to = {provider->name, "", "", provider->zone};
    if (provider->user_id) {
      if (auto u = store.staff.user_by_id(*provider->user_id)) to.email = u->user.email;
    }
  }
  const std::string address = m.channel == core::Channel::email ? to.email : to.phone;
  if (address.empty()) {
    out.final_outcome =
        final(store::MessageStatus::no_address, "",
              std::string("no ") + (m.channel == core::Channel::email ? "e-mail address" : "phone number") +
                  " on record for the " + wire::name(m.recipient));
    return out;
  }
  if (m.channel == core::Channel::sms) {
    if (auto since = store.outbox.sms_opted_out_at(address)) {
      out.final_outcome =
          final(store::MessageStatus::suppressed_opt_out, address,
                "recipient opted out (STOP, or the gateway said unsubscribed) at " + core::format_rfc3339_utc(*since));
      return out;
    }
    if (m.recipient == core::Recipient::consumer && !store.outbox.sms_consent_at(booking->id)) {
      out.final_outcome = final(store::MessageStatus::withdrawn, address, "no SMS consent");
      return out;
    }
  }
  // Nothing about this appointment ever reached the recipient here: a cancellation (and its
  // calendar CANCEL) would speak of an appointment they never had; a reschedule is, to
  // them, the first news of it.
  const bool told = core::recipient_was_told(m.channel, m.recipient, provider_id, others);
  if (m.kind == core::MessageKind::cancellation && !told) {
    out.final_outcome = final(store::MessageStatus::withdrawn, address,
                              "not sent: the recipient never received this appointment, so there is nothing to cancel");
    return out;
  }
  core::MessageKind kind = m.kind;
  if (kind == core::MessageKind::reschedule && !told) kind = core::MessageKind::confirmation;
  const bool cancelled = kind == core::MessageKind::cancellation || booking->status == core::BookingStatus::cancelled;

  const core::Zone zone = zone_or_utc(to.zone);
  const std::string base = base_url(settings.public_url);
  TemplateValues v;
  v["recipientName"] = to.name;
  v["businessName"] = business->name;
  v["serviceName"] = service ? service->name : std::string("Appointment");
  // The provider of the appointment (for the old provider's cancellation: them).
  v["providerName"] = provider ? provider->name : current_provider ? current_provider->name : std::string();
  v["start"] = format_local_long(booking->time.begin, zone);
  v["endTime"] = format_local_time(booking->time.end, zone);
  v["timeZone"] = zone.name();
  v["startUtc"] = core::format_rfc3339_utc(booking->time.begin);
  v["kind"] = wire::name(kind);
  add_branding(store, *business, base, v);
  if (kind == core::MessageKind::reschedule) {
    v["timeChanged"] = m.time_changed || !m.provider_changed ? "yes" : "";
    v["providerChanged"] = m.provider_changed ? "yes" : "";
  }
  if (booking->status == core::BookingStatus::cancelled) v["reason"] = booking->cancel_reason;
  ConsumerLinks l;
  std::string book_url;
  if (cancelled && !base.empty()) book_url = base + "/b/" + business->slug;
  if (m.recipient == core::Recipient::consumer) {
    // A cancelled appointment has nothing to manage and no call to join: offer booking again.
    if (!cancelled) {
      l = links(*booking);
      v["manageUrl"] = l.manage_url;
      v["joinUrl"] = l.join_url;
    }
    v["bookUrl"] = book_url;
  } else {
    v["consumerName"] = booking->consumer.name;
    // The provider joins from the staff app (signed in), where the room is the booking's.
    if (!cancelled && !base.empty()) l.join_url = base + "/staff/rooms/" + booking->id;
    v["joinUrl"] = l.join_url;
  }

  auto rendered = render(templates_for(store, business->id, kind, m.channel), v);
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
  // A cancelled booking's other messages (a staff resend of its confirmation) carry no
  // invite: a REQUEST would put the cancelled appointment back into calendars.
  const bool invite = kind != core::MessageKind::reminder &&
                      (kind == core::MessageKind::cancellation || booking->status != core::BookingStatus::cancelled);
  if (invite) {
    BookingInviteFacts f;
    f.booking = &*booking;
    f.business_name = business->name;
    f.service_name = v["serviceName"];
    f.provider_name = v["providerName"];
    f.from_address = settings.from_address;
    f.attendee = {to.name, address};
    f.manage_url = l.manage_url;
    f.join_url = l.join_url;
    if (m.recipient == core::Recipient::consumer) f.book_url = book_url;
    f.sequence = m.sequence;
    f.cancel = kind == core::MessageKind::cancellation;
    f.stamp = now;
    mail.calendar = build_invite(booking_invite(f));
    mail.calendar_method = f.cancel ? "CANCEL" : "REQUEST";
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
