#include "notify/webhook_payload.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "core/time.hpp"
#include "wire/names.hpp"

namespace visitd::notify {
namespace {

namespace json = boost::json;

std::string envelope(std::string_view type, core::Instant at, json::object data) {
  json::object o;
  o["type"] = type;
  o["timestamp"] = core::format_rfc3339_utc(at);
  o["data"] = std::move(data);
  return json::serialize(o);
}

}  // namespace

std::string booking_event_payload(const BookingEventFacts& f, core::Instant at) {
  const core::Booking& b = f.booking;
  json::object booking{{"id", b.id},
                       {"businessId", b.business_id},
                       {"serviceId", b.service_id},
                       {"providerId", b.provider_id},
                       {"status", wire::name(b.status)},
                       {"start", core::format_rfc3339_utc(b.time.begin)},
                       {"end", core::format_rfc3339_utc(b.time.end)},
                       {"consumer", json::object{{"name", b.consumer.name},
                                                 {"email", b.consumer.email},
                                                 {"phone", b.consumer.phone},
                                                 {"timeZone", b.consumer.zone}}}};
  if (!b.cancel_reason.empty()) booking["cancelReason"] = b.cancel_reason;
  json::object data{{"booking", std::move(booking)}, {"actor", f.actor}};
  if (f.previous_time || f.previous_provider_id) {
    json::object previous;
    if (f.previous_time) {
      previous["start"] = core::format_rfc3339_utc(f.previous_time->begin);
      previous["end"] = core::format_rfc3339_utc(f.previous_time->end);
    }
    previous["providerId"] = f.previous_provider_id.value_or(b.provider_id);
    data["previous"] = std::move(previous);
  }
  return envelope(f.type, at, std::move(data));
}

std::string message_failed_payload(const store::OutboxMessage& m, std::string_view error, core::Instant at) {
  json::object data{{"messageId", m.id},
                    {"bookingId", m.booking_id},
                    {"kind", wire::name(m.kind)},
                    {"channel", wire::name(m.channel)},
                    {"recipient", wire::name(m.recipient)},
                    {"attempts", m.attempts},
                    {"error", error},
                    {"errorCode", m.error_code}};
  return envelope("message.failed", at, std::move(data));
}

std::string room_event_payload(std::string_view type, const core::Id& room_id, std::string_view by, core::Instant at) {
  return envelope(type, at, json::object{{"roomId", room_id}, {"bookingId", room_id}, {"by", by}});
}

}  // namespace visitd::notify
