#pragma once
// Use cases: issue a booking's consumer links, and resolve a presented link to the booking
// it names. Lifetime is core::check_link against the booking as it is *now*, so a reschedule
// moves both deadlines and a bumped capability version revokes every earlier link.
#include <string>

#include "core/link_policy.hpp"
#include "service/ports.hpp"

namespace visitd::service {

struct LinkSettings {
  std::string public_url = "http://127.0.0.1:8080";  // base of manageUrl / joinUrl, no trailing slash needed
  core::LinkLifetimes lifetimes;
};

struct BookingLinks {
  std::string manage_url;  // <public_url>/manage/<manage_token>
  std::string join_url;    // <public_url>/join/<join_token>
  std::string manage_token;
  std::string join_token;
};

class Links {
 public:
  Links(store::BookingStore& bookings, store::CatalogStore& catalog, store::BrandingStore& branding,
        const core::Clock& clock, const LinkSigner& signer, LinkSettings settings)
      : bookings_(bookings),
        catalog_(catalog),
        branding_(branding),
        clock_(clock),
        signer_(signer),
        settings_(std::move(settings)) {}
  Links(const Ports& p, LinkSettings settings)
      : Links(p.store.bookings, p.store.catalog, p.store.branding, p.clock, p.signer, std::move(settings)) {}

  [[nodiscard]] BookingLinks issue(const core::Booking& b) const;

  // The booking a link names. not_found ("this link is not valid") for a forged, malformed
  // or revoked link or a booking that is gone; gone with type "link-expired" after
  // core::link_deadline of the booking's current end. Every gone answer (expired, replaced,
  // cancelled) carries the extension member "business": the clinic's public face (name, slug,
  // logoUrl or absent, contact {phone, email, address}), never anything of the consumer's, so
  // the page can still say whose appointment it was and how to reach them.
  [[nodiscard]] core::Result<core::Booking> resolve(const std::string& token, core::LinkKind kind) const;

  // Set once, before serving, when the listening port is known (port 0 in tests).
  void set_public_url(std::string url) { settings_.public_url = std::move(url); }
  [[nodiscard]] const LinkSettings& settings() const { return settings_; }

 private:
  [[nodiscard]] core::Error with_business_face(core::Error e, const core::Id& business_id) const;

  store::BookingStore& bookings_;
  store::CatalogStore& catalog_;
  store::BrandingStore& branding_;
  const core::Clock& clock_;
  const LinkSigner& signer_;
  LinkSettings settings_;
};

}  // namespace visitd::service
