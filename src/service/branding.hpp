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

// "/api/v1/public/businesses/<slug>/logo?v=<updated_at unix seconds>": a new logo is a new URL.
std::string public_logo_path(const std::string& slug, core::Instant logo_updated_at);

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

  // Provider photos (issue K), checked like the logo (errors name `photo`); not_found for a
  // provider that is not the business's (or, reading by slug, has no photo).
  [[nodiscard]] core::Result<store::ProviderPhoto> provider_photo(const std::string& slug,
                                                                  const core::Id& provider_id) const;
  [[nodiscard]] core::Status put_provider_photo(const core::Id& business_id, const core::Id& provider_id,
                                                std::string bytes, const std::string& declared_type,
                                                const store::Actor& by) const;
  [[nodiscard]] core::Status delete_provider_photo(const core::Id& business_id, const core::Id& provider_id,
                                                   const store::Actor& by) const;

  // Embeds (issue I): the sites that may frame the business's public pages. put checks and
  // canonicalises them (core/embed_policy; invalid naming origins / origins[i]) and
  // answers the saved list.
  [[nodiscard]] std::vector<std::string> embed_origins(const core::Id& business_id) const;
  [[nodiscard]] core::Result<std::vector<std::string>> put_embed_origins(const core::Id& business_id,
                                                                         const std::vector<std::string>& origins,
                                                                         const store::Actor& by) const;
  // The CSP frame-ancestors value of a business's public page, by slug: "'none'" for an
  // unknown slug or an empty list.
  [[nodiscard]] std::string frame_ancestors_for_slug(const std::string& slug) const;
  [[nodiscard]] std::string frame_ancestors_for(const core::Id& business_id) const;

 private:
  store::BrandingStore& branding_;
  store::CatalogStore& catalog_;
};

}  // namespace visitd::service
