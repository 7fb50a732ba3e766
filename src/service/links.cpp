#include "service/links.hpp"

namespace visitd::service {

namespace {

constexpr std::size_t kMaxTokenLength = 512;

core::Error invalid_link() { return core::Error::make(core::ErrorCode::not_found, "this link is not valid"); }

}  // namespace

BookingLinks Links::issue(const core::Booking& b) const {
  std::string base = settings_.public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  BookingLinks links;
  // No cap: the links live as long as the booking says (core::check_link at use time).
  links.manage_token = ports_.signer.sign({core::LinkKind::manage, b.id, b.capability_version, std::nullopt});
  links.join_token = ports_.signer.sign({core::LinkKind::join, b.id, b.capability_version, std::nullopt});
  links.manage_url = base + "/manage/" + links.manage_token;
  links.join_url = base + "/join/" + links.join_token;
  return links;
}

core::Result<core::Booking> Links::resolve(const std::string& token, core::LinkKind kind) const {
  if (token.empty() || token.size() > kMaxTokenLength) return invalid_link();
  auto claims = ports_.signer.read(token, kind);
  if (!claims) return invalid_link();
  auto booking = ports_.store.booking(claims->booking_id);
  if (!booking) return invalid_link();
  auto valid =
      core::check_link(kind, *booking, claims->version, settings_.lifetimes, ports_.clock.now(), claims->not_after);
  if (!valid) {
    if (valid.error().code != core::ErrorCode::gone) return invalid_link();
    return core::Error::typed(core::ErrorCode::gone, "link-expired",
                              "this link has expired; ask the business for a new one");
  }
  return booking;
}

}  // namespace visitd::service
