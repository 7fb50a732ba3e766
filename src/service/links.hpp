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
  Links(store::BookingStore& bookings, const core::Clock& clock, const LinkSigner& signer, LinkSettings settings)
      : bookings_(bookings), clock_(clock), signer_(signer), settings_(std::move(settings)) {}
  Links(const Ports& p, LinkSettings settings) : Links(p.store.bookings, p.clock, p.signer, std::move(settings)) {}

  [[nodiscard]] BookingLinks issue(const core::Booking& b) const;

  // The booking a link names. not_found ("this link is not valid") for a forged, malformed
  // or revoked link or a booking that is gone; gone with type "link-expired" after
  // core::link_deadline of the booking's current end.
  [[nodiscard]] core::Result<core::Booking> resolve(const std::string& token, core::LinkKind kind) const;

  // Set once, before serving, when the listening port is known (port 0 in tests).
  void set_public_url(std::string url) { settings_.public_url = std::move(url); }
  [[nodiscard]] const LinkSettings& settings() const { return settings_; }

 private:
  store::BookingStore& bookings_;
  const core::Clock& clock_;
  const LinkSigner& signer_;
  LinkSettings settings_;
};

}  // namespace visitd::service
