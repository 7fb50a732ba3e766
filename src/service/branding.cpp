#include "service/branding.hpp"

#include "core/embed_policy.hpp"
#include "core/validation.hpp"

namespace visitd::service {

namespace {

core::Error no_business() { return core::Error::make(core::ErrorCode::not_found, "no such business"); }

void check_length(std::vector<core::FieldError>& errors, const std::string& field, const std::string& value,
                  std::size_t max) {
  if (value.size() > max) errors.push_back({field, "must be at most " + std::to_string(max) + " characters"});
}

core::Status verdict(std::vector<core::FieldError> errors) {
  if (errors.empty()) return core::ok_status();
  return core::Error::invalid_fields(std::move(errors));
}

// The media type of an uploaded image, by its content (the logo and provider photos): too_large,
// invalid (empty) or unsupported_media_type, each naming `field`.
core::Result<std::string> checked_image(const std::string& field, const std::string& bytes,
                                        const std::string& declared_type) {
  if (bytes.size() > core::kMaxLogoBytes) {
    core::Error e = core::Error::make(core::ErrorCode::too_large, "the " + field + " must be at most 256 KB");
    e.fields.push_back({field, "must be at most 256 KB"});
    return e;
  }
  if (bytes.empty()) return core::Error::invalid(field, "is empty");
  const auto sniffed = core::logo_media_type(bytes);
  if (!sniffed || declared_type.rfind(*sniffed, 0) != 0) {
    core::Error e =
        core::Error::make(core::ErrorCode::unsupported_media_type,
                          "the " + field + " must be a PNG, JPEG or WebP image sent with its own Content-Type");
    e.fields.push_back({field, "must be a PNG, JPEG or WebP image"});
    return e;
  }
  return *sniffed;
}

}  // namespace

std::string public_logo_path(const std::string& slug, core::Instant logo_updated_at) {
  return "/api/v1/public/businesses/" + slug + "/logo?v=" + std::to_string(logo_updated_at.time_since_epoch().count());
}

PublicFace Branding::face_of(const core::Business& b) const {
  return PublicFace{b, branding_.business_profile(b.id), branding_.service_profiles(b.id),
                    branding_.provider_profiles(b.id)};
}

core::Result<PublicFace> Branding::public_face(const std::string& slug) const {
  if (!core::is_valid_slug(slug)) return no_business();
  auto b = catalog_.business_by_slug(slug);
  if (!b) return no_business();
  return face_of(*b);
}

core::Result<store::Logo> Branding::logo(const std::string& slug) const {
  if (!core::is_valid_slug(slug)) return no_business();
  auto b = catalog_.business_by_slug(slug);
  if (!b) return no_business();
  auto logo = branding_.logo(b->id);
  if (!logo) return core::Error::make(core::ErrorCode::not_found, "this business has no logo");
  return std::move(*logo);
}

store::BusinessProfile Branding::business_profile(const core::Id& business_id) const {
  return branding_.business_profile(business_id);
}

core::Status Branding::put_business_profile(const core::Id& business_id, const store::BusinessProfile& p,
                                            const store::Actor& by) const {
  std::vector<core::FieldError> errors;
  check_length(errors, "description", p.description, core::kMaxProfileDescriptionLength);
  if (!p.accent_color.empty() && !core::is_accent_color(p.accent_color))
    errors.push_back({"accentColor", "must be a colour like #1a6b8f"});
  check_length(errors, "contact.phone", p.contact.phone, core::kMaxContactPhoneLength);
  check_length(errors, "contact.address", p.contact.address, core::kMaxContactAddressLength);
  if (p.contact.email.size() > core::kMaxEmailLength ||
      (!p.contact.email.empty() && !core::is_plausible_email(p.contact.email)))
    errors.push_back({"contact.email", "must be an email address"});
  if (!errors.empty()) return verdict(std::move(errors));
  return branding_.put_business_profile(business_id, p, by);
}

core::Status Branding::put_logo(const core::Id& business_id, std::string bytes, const std::string& declared_type,
                                const store::Actor& by) const {
  auto sniffed = checked_image("logo", bytes, declared_type);
  if (!sniffed) return sniffed.error();
  return branding_.put_logo(business_id, store::Logo{*sniffed, std::move(bytes), {}}, by);
}

core::Status Branding::delete_logo(const core::Id& business_id, const store::Actor& by) const {
  return branding_.delete_logo(business_id, by);
}

core::Status Branding::put_service_profile(const core::Id& business_id, const store::ServiceProfile& p,
                                           const store::Actor& by) const {
  std::vector<core::FieldError> errors;
  check_length(errors, "description", p.description, core::kMaxServiceDescriptionLength);
  if (p.price) {
    if (!core::is_price_amount(p.price->amount))
      errors.push_back({"price.amount", "must be a number like 45 or 45.50"});
    if (!core::is_currency_code(p.price->currency))
      errors.push_back({"price.currency", "must be a three-letter ISO 4217 code like EUR"});
  }
  if (!errors.empty()) return verdict(std::move(errors));
  return branding_.put_service_profile(business_id, p, by);
}

core::Status Branding::put_provider_profile(const core::Id& business_id, const store::ProviderProfile& p,
                                            const store::Actor& by) const {
  std::vector<core::FieldError> errors;
  check_length(errors, "title", p.title, core::kMaxProviderTitleLength);
  check_length(errors, "bio", p.bio, core::kMaxProviderBioLength);
  if (!errors.empty()) return verdict(std::move(errors));
  return branding_.put_provider_profile(business_id, p, by);
}

core::Result<store::ProviderPhoto> Branding::provider_photo(const std::string& slug,
                                                            const core::Id& provider_id) const {
  if (!core::is_valid_slug(slug)) return no_business();
  auto b = catalog_.business_by_slug(slug);
  if (!b) return no_business();
  auto photo = branding_.provider_photo(b->id, provider_id);
  if (!photo) return core::Error::make(core::ErrorCode::not_found, "this provider has no photo");
  return std::move(*photo);
}

core::Status Branding::put_provider_photo(const core::Id& business_id, const core::Id& provider_id, std::string bytes,
                                          const std::string& declared_type, const store::Actor& by) const {
  // An unknown provider is not_found whatever the body, like every unknown id.
  if (auto p = catalog_.provider(business_id, provider_id); !p) return p.error();
  auto sniffed = checked_image("photo", bytes, declared_type);
  if (!sniffed) return sniffed.error();
  return branding_.put_provider_photo(business_id, provider_id, store::ProviderPhoto{*sniffed, std::move(bytes), {}},
                                      by);
}

core::Status Branding::delete_provider_photo(const core::Id& business_id, const core::Id& provider_id,
                                             const store::Actor& by) const {
  return branding_.delete_provider_photo(business_id, provider_id, by);
}

std::vector<std::string> Branding::embed_origins(const core::Id& business_id) const {
  return branding_.embed_origins(business_id);
}

core::Result<std::vector<std::string>> Branding::put_embed_origins(const core::Id& business_id,
                                                                   const std::vector<std::string>& origins,
                                                                   const store::Actor& by) const {
  auto canonical = core::normalize_embed_origins(origins);
  if (!canonical) return canonical.error();
  if (auto s = branding_.put_embed_origins(business_id, *canonical, by); !s) return s.error();
  return std::move(*canonical);
}

std::string Branding::frame_ancestors_for_slug(const std::string& slug) const {
  if (!core::is_valid_slug(slug)) return core::frame_ancestors({});
  auto b = catalog_.business_by_slug(slug);
  if (!b) return core::frame_ancestors({});
  return frame_ancestors_for(b->id);
}

std::string Branding::frame_ancestors_for(const core::Id& business_id) const {
  return core::frame_ancestors(branding_.embed_origins(business_id));
}

}  // namespace visitd::service
