#pragma once
// Store role: the clinic's public face. The business profile (description, contact, accent
// colour, logo) and the consumer-facing words on services and providers; kept apart from the
// catalogue so its records stay what booking needs. Writes are audited under `by`.
#include <optional>
#include <string>
#include <vector>

#include "store/actor.hpp"

namespace visitd::store {

struct Contact {
  std::string phone;  // as the clinic writes it; shown, never dialled by visitd
  std::string email;
  std::string address;  // free text, may span lines
};

struct BusinessProfile {
  std::string description;  // short plain text
  Contact contact;
  std::string accent_color;                // "#rrggbb" or empty (the app's default)
  std::optional<Instant> logo_updated_at;  // set while a logo is stored
};

struct Logo {
  std::string media_type;  // image/png, image/jpeg or image/webp (checked by content)
  std::string bytes;
  Instant updated_at{};
};

struct Price {
  std::string amount;    // decimal, "45" or "45.50"
  std::string currency;  // ISO 4217 code, "EUR"
};

struct ServiceProfile {
  Id service_id;
  std::string description;
  std::optional<Price> price;  // nullopt: no price shown
};

struct ProviderProfile {
  Id provider_id;
  std::string title;  // "Physiotherapist"
  std::string bio;
  std::optional<Instant> photo_updated_at;  // set while a photo is stored (ignored by put)
};

// A provider's photo: the same shape and checks as the business logo.
using ProviderPhoto = Logo;

class BrandingStore {
 public:
  virtual ~BrandingStore() = default;
  // An empty profile when the business never saved one.
  virtual BusinessProfile business_profile(const Id& business_id) = 0;
  virtual Status put_business_profile(const Id& business_id, const BusinessProfile& p, const Actor& by) = 0;
  virtual std::optional<Logo> logo(const Id& business_id) = 0;
  virtual Status put_logo(const Id& business_id, const Logo& logo, const Actor& by) = 0;
  virtual Status delete_logo(const Id& business_id, const Actor& by) = 0;
  virtual std::vector<ServiceProfile> service_profiles(const Id& business_id) = 0;
  // not_found when the service is not the business's.
  virtual Status put_service_profile(const Id& business_id, const ServiceProfile& p, const Actor& by) = 0;
  virtual std::vector<ProviderProfile> provider_profiles(const Id& business_id) = 0;
  // not_found when the provider is not the business's.
  virtual Status put_provider_profile(const Id& business_id, const ProviderProfile& p, const Actor& by) = 0;

  // Provider photos (issue K). nullopt when absent or the provider is not the business's;
  // put/delete answer not_found for a provider that is not the business's.
  virtual std::optional<ProviderPhoto> provider_photo(const Id& business_id, const Id& provider_id) = 0;
  virtual Status put_provider_photo(const Id& business_id, const Id& provider_id, const ProviderPhoto& photo,
                                    const Actor& by) = 0;
  virtual Status delete_provider_photo(const Id& business_id, const Id& provider_id, const Actor& by) = 0;

  // Embeds (issue I): the sites allowed to frame the business's booking pages, as saved
  // (canonical origins, core/embed_policy); empty when none. put replaces the whole list.
  virtual std::vector<std::string> embed_origins(const Id& business_id) = 0;
  virtual Status put_embed_origins(const Id& business_id, const std::vector<std::string>& origins, const Actor& by) = 0;
};

}  // namespace visitd::store
