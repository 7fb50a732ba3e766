#include "service/links.hpp"

#include "core/validation.hpp"
#include "service/branding.hpp"

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
      return with_business_face(core::Error::typed(core::ErrorCode::gone, "link-expired",
                                                   "this link has expired; ask the business for a new one"),
                                booking->business_id);
    }
    return with_business_face(valid.error(), booking->business_id);
  }
  return booking;
}

core::Error Links::with_business_face(core::Error e, const core::Id& business_id) const {
  auto business = catalog_.business_by_id(business_id);
  if (!business) return e;
  const store::BusinessProfile profile = branding_.business_profile(business_id);
  core::ExtensionMembers face{{"name", business->name}, {"slug", business->slug}};
  if (profile.logo_updated_at) face.emplace_back("logoUrl", public_logo_path(business->slug, *profile.logo_updated_at));
  face.emplace_back("contact", core::ExtensionMembers{{"phone", profile.contact.phone},
                                                      {"email", profile.contact.email},
                                                      {"address", profile.contact.address}});
  e.with("business", std::move(face));
  return e;
}

}  // namespace visitd::service
