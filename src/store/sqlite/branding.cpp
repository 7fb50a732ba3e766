// BrandingStore on SQLite: one row per business/service/provider, absent until saved.
#include "security/crypto.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace visitd::store::sqlite {
namespace {

bool owned(sqlite3* db, const char* table, const Id& business_id, const Id& id) {
  const std::string sql =
      std::string("SELECT 1 FROM ") + table + " WHERE id = ? AND business_id = ? AND deleted_at IS NULL";
  Statement q(db, sql);
  q.bind(1, id).bind(2, business_id);
  return q.step();
}

core::Error missing(const std::string& what) {
  return core::Error::make(core::ErrorCode::not_found, what + " not found");
}

}  // namespace

BusinessProfile SqliteStore::business_profile(const Id& business_id) {
  return read([&](sqlite3* db) {
    BusinessProfile p;
    Statement q(db,
                "SELECT description, phone, email, address, accent_color FROM business_profiles WHERE business_id = ?");
    q.bind(1, business_id);
    if (q.step()) {
      p.description = q.text(0);
      p.contact = Contact{q.text(1), q.text(2), q.text(3)};
      p.accent_color = q.text(4);
    }
    Statement logo(db, "SELECT updated_at FROM business_logos WHERE business_id = ?");
    logo.bind(1, business_id);
    if (logo.step()) p.logo_updated_at = logo.instant(0);
    return p;
  });
}

Status SqliteStore::put_business_profile(const Id& business_id, const BusinessProfile& p, const Actor& by) {
  return write([&](sqlite3* db) -> Status {
    Statement q(db,
                "INSERT INTO business_profiles (business_id, description, phone, email, address, accent_color) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (business_id) DO UPDATE SET description = excluded.description, "
                "phone = excluded.phone, email = excluded.email, address = excluded.address, "
                "accent_color = excluded.accent_color");
    q.bind(1, business_id)
        .bind(2, p.description)
        .bind(3, p.contact.phone)
        .bind(4, p.contact.email)
        .bind(5, p.contact.address)
        .bind(6, p.accent_color)
        .run();
    audit(db, business_id, by, "business.profile", "business:" + business_id);
    return core::ok_status();
  });
}

std::optional<Logo> SqliteStore::logo(const Id& business_id) {
  return read([&](sqlite3* db) -> std::optional<Logo> {
    Statement q(db, "SELECT media_type, data, updated_at FROM business_logos WHERE business_id = ?");
    q.bind(1, business_id);
    if (!q.step()) return std::nullopt;
    auto bytes = security::base64url_decode(q.text(1));
    if (!bytes) return std::nullopt;
    return Logo{q.text(0), std::move(*bytes), q.instant(2)};
  });
}

Status SqliteStore::put_logo(const Id& business_id, const Logo& logo, const Actor& by) {
  return write([&](sqlite3* db) -> Status {
    Statement q(db,
                "INSERT INTO business_logos (business_id, media_type, data, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (business_id) DO UPDATE SET media_type = excluded.media_type, data = excluded.data, "
                "updated_at = excluded.updated_at");
    q.bind(1, business_id)
        .bind(2, logo.media_type)
        .bind(3, security::base64url_encode(logo.bytes))
        .bind(4, now())
        .run();
    audit(db, business_id, by, "business.logo", "business:" + business_id,
          logo.media_type + ", " + std::to_string(logo.bytes.size()) + " bytes");
    return core::ok_status();
  });
}

Status SqliteStore::delete_logo(const Id& business_id, const Actor& by) {
  return write([&](sqlite3* db) -> Status {
    Statement q(db, "DELETE FROM business_logos WHERE business_id = ?");
    q.bind(1, business_id).run();
    audit(db, business_id, by, "business.logo.delete", "business:" + business_id);
    return core::ok_status();
  });
}

std::vector<ServiceProfile> SqliteStore::service_profiles(const Id& business_id) {
  return read([&](sqlite3* db) {
    Statement q(db,
                "SELECT p.service_id, p.description, p.price_amount, p.price_currency FROM service_profiles p "
                "JOIN services s ON s.id = p.service_id WHERE s.business_id = ? AND s.deleted_at IS NULL");
    q.bind(1, business_id);
    std::vector<ServiceProfile> out;
    while (q.step()) {
      ServiceProfile p{q.text(0), q.text(1), std::nullopt};
      if (!q.is_null(2) && !q.is_null(3)) p.price = Price{q.text(2), q.text(3)};
      out.push_back(std::move(p));
    }
    return out;
  });
}

Status SqliteStore::put_service_profile(const Id& business_id, const ServiceProfile& p, const Actor& by) {
  return write([&](sqlite3* db) -> Status {
    if (!owned(db, "services", business_id, p.service_id)) return missing("service");
    Statement q(db,
                "INSERT INTO service_profiles (service_id, description, price_amount, price_currency) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (service_id) DO UPDATE SET description = excluded.description, "
                "price_amount = excluded.price_amount, price_currency = excluded.price_currency");
    q.bind(1, p.service_id).bind(2, p.description);
    if (p.price) {
      q.bind(3, p.price->amount).bind(4, p.price->currency);
    } else {
      q.bind_null(3).bind_null(4);
    }
    q.run();
    audit(db, business_id, by, "service.profile", "service:" + p.service_id,
          p.price ? "price=" + p.price->amount + " " + p.price->currency : "price=none");
    return core::ok_status();
  });
}

std::vector<ProviderProfile> SqliteStore::provider_profiles(const Id& business_id) {
  return read([&](sqlite3* db) {
    // A provider with words, a photo or both.
    Statement q(db,
                "SELECT v.id, COALESCE(p.title, ''), COALESCE(p.bio, ''), ph.updated_at FROM providers v "
                "LEFT JOIN provider_profiles p ON p.provider_id = v.id "
                "LEFT JOIN provider_photos ph ON ph.provider_id = v.id "
                "WHERE v.business_id = ? AND v.deleted_at IS NULL "
                "AND (p.provider_id IS NOT NULL OR ph.provider_id IS NOT NULL) ORDER BY v.id");
    q.bind(1, business_id);
    std::vector<ProviderProfile> out;
    while (q.step()) {
      ProviderProfile p{q.text(0), q.text(1), q.text(2), std::nullopt};
      if (!q.is_null(3)) p.photo_updated_at = q.instant(3);
      out.push_back(std::move(p));
    }
    return out;
  });
}

Status SqliteStore::put_provider_profile(const Id& business_id, const ProviderProfile& p, const Actor& by) {
  return write([&](sqlite3* db) -> Status {
    if (!owned(db, "providers", business_id, p.provider_id)) return missing("provider");
    Statement q(db,
                "INSERT INTO provider_profiles (provider_id, title, bio) VALUES (?, ?, ?) "
                "ON CONFLICT (provider_id) DO UPDATE SET title = excluded.title, bio = excluded.bio");
    q.bind(1, p.provider_id).bind(2, p.title).bind(3, p.bio).run();
    audit(db, business_id, by, "provider.profile", "provider:" + p.provider_id);
    return core::ok_status();
  });
}

}  // namespace visitd::store::sqlite
