#include "notify/booking_invite.hpp"

#include "notify/compose.hpp"

namespace visitd::notify {

std::string booking_uid(const core::Id& booking_id, const std::string& from_address) {
  return booking_id + "@" + domain_of(from_address);
}

Invite booking_invite(const BookingInviteFacts& f) {
  Invite inv;
  inv.cancel = f.cancel;
  inv.uid = booking_uid(f.booking->id, f.from_address);
  inv.sequence = f.sequence;
  inv.time = f.booking->time;
  inv.stamp = f.stamp;
  inv.summary = f.service_name + " with " + (f.provider_name.empty() ? f.business_name : f.provider_name);
  inv.description = f.business_name;
  if (!f.cancel && !f.manage_url.empty()) inv.description += "\n\nReschedule or cancel: " + f.manage_url;
  if (f.cancel && !f.book_url.empty()) inv.description += "\n\nBook again: " + f.book_url;
  inv.join_url = f.cancel ? std::string() : f.join_url;
  inv.organizer_name = f.business_name;
  inv.organizer_email = f.from_address;
  inv.attendee_name = f.attendee.name;
  inv.attendee_email = f.attendee.email;
  return inv;
}

std::string consumer_calendar(store::CatalogStore& catalog, const core::Booking& b, const std::string& manage_url,
                              const std::string& join_url, const std::string& book_url, const std::string& from_address,
                              int sequence, core::Instant now) {
  BookingInviteFacts f;
  f.booking = &b;
  if (auto business = catalog.business_by_id(b.business_id)) f.business_name = business->name;
  auto service = catalog.service(b.business_id, b.service_id);
  f.service_name = service ? service->name : std::string("Appointment");
  if (auto provider = catalog.provider(b.business_id, b.provider_id)) f.provider_name = provider->name;
  f.from_address = from_address;
  f.attendee = {b.consumer.name, b.consumer.email};
  f.cancel = b.status == core::BookingStatus::cancelled;
  f.manage_url = manage_url;
  f.join_url = join_url;
  f.book_url = book_url;
  f.sequence = sequence;
  f.stamp = now;
  return build_invite(booking_invite(f));
}

}  // namespace visitd::notify
