#include "service/links.hpp"

#include "core/validation.hpp"

namespace visitd::service {

namespace {

using core::kMaxTokenLength;  // core/validation

core::Error invalid_link() { return core::Error::make(core::ErrorCode::not_found, "this link is not valid"); }

}  // namespace

BookingLinks Links::issue(const core::Booking& b) const {
  std::string base = settings_.public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  BookingLinks links;
  // No cap: the links live as long as the booking says (core::check_link at use time).
  links.manage_token = signer_.sign({core::LinkKind::manage, b.id, b.capability_version, std::nullopt});
  links.join_token = signer_.sign({core::LinkKind::join, b.id, b.capability_version, std::nullopt});
  links.manage_url = base + "/manage/" + links.manage_token;
  links.join_url = base + "/join/" + links.join_token;
  return links;
}

core::Result<core::Booking> Links::resolve(const std::string& token, core::LinkKind kind) const {
  if (token.empty() || token.size() > kMaxTokenLength) return invalid_link();
  auto claims = signer_.read(token, kind);
  if (!claims) return invalid_link();
  auto booking = bookings_.booking(claims->booking_id);
  if (!booking) return invalid_link();
  auto valid = core::check_link(kind, *booking, claims->version, settings_.lifetimes, clock_.now(), claims->not_after);
  if (!valid) {
    if (valid.error().code != core::ErrorCode::gone) return invalid_link();
    // Only a genuine link that once named this booking gets here: saying why it no longer
    // works (expired, replaced, cancelled) tells its holder nothing they could not know.
    if (valid.error().type == "link-expired") {
      return core::Error::typed(core::ErrorCode::gone, "link-expired",
                                "this link has expired; ask the business for a new one");
    }
    return valid.error();
  }
  return booking;
}

}  // namespace visitd::service
