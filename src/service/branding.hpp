#pragma once
// Use cases of the clinic's public face (issue K): the business profile, its logo and the
// consumer-facing words on services and providers, read by consumers by slug and edited by
// staff. The values' rules are core's (core/validation: lengths, colour, price, logo
// signature); the store writes and audits.
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "service/ports.hpp"

namespace visitd::service {

// Everything a consumer sees of a business before booking.
struct PublicFace {
  core::Business business;
  store::BusinessProfile profile;
  std::vector<store::ServiceProfile> services;
  std::vector<store::ProviderProfile> providers;
};

class Branding {
 public:
  Branding(store::BrandingStore& branding, store::CatalogStore& catalog) : branding_(branding), catalog_(catalog) {}
  explicit Branding(const Ports& p) : Branding(p.store.branding, p.store.catalog) {}

  // not_found "no such business" for an unknown (or malformed) slug.
  [[nodiscard]] core::Result<PublicFace> public_face(const std::string& slug) const;
  [[nodiscard]] PublicFace face_of(const core::Business& b) const;
  // not_found: no such business, or it has no logo.
  [[nodiscard]] core::Result<store::Logo> logo(const std::string& slug) const;
  [[nodiscard]] store::BusinessProfile business_profile(const core::Id& business_id) const;

  // invalid naming each bad field (description, accentColor, contact.phone, contact.email,
  // contact.address).
  [[nodiscard]] core::Status put_business_profile(const core::Id& business_id, const store::BusinessProfile& p,
                                                  const store::Actor& by) const;
  // too_large (over core::kMaxLogoBytes), invalid (empty), unsupported_media_type unless
  // the bytes are a PNG, JPEG or WebP image and `declared_type` says so; all name `logo`.
  [[nodiscard]] core::Status put_logo(const core::Id& business_id, std::string bytes, const std::string& declared_type,
                                      const store::Actor& by) const;
  [[nodiscard]] core::Status delete_logo(const core::Id& business_id, const store::Actor& by) const;
  // invalid naming description / price.amount / price.currency; not_found for a service or
  // provider that is not the business's.
  [[nodiscard]] core::Status put_service_profile(const core::Id& business_id, const store::ServiceProfile& p,
                                                 const store::Actor& by) const;
  [[nodiscard]] core::Status put_provider_profile(const core::Id& business_id, const store::ProviderProfile& p,
                                                  const store::Actor& by) const;

 private:
  store::BrandingStore& branding_;
  store::CatalogStore& catalog_;
};

}  // namespace visitd::service
