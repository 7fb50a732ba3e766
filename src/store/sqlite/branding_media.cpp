// BrandingStore on SQLite, the newer parts: provider photos (issue K) and the sites allowed
// to embed the booking pages (issue I).
#include "security/crypto.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace visitd::store::sqlite {
namespace {

bool provider_of(sqlite3* db, const Id& business_id, const Id& provider_id) {
  Statement q(db, "SELECT 1 FROM providers WHERE id = ? AND business_id = ? AND deleted_at IS NULL");
  q.bind(1, provider_id).bind(2, business_id);
  return q.step();
}

core::Error no_provider() { return core::Error::make(core::ErrorCode::not_found, "provider not found"); }

}  // namespace

std::optional<ProviderPhoto> SqliteStore::provider_photo(const Id& business_id, const Id& provider_id) {
  return read([&](sqlite3* db) -> std::optional<ProviderPhoto> {
    if (!provider_of(db, business_id, provider_id)) return std::nullopt;
    Statement q(db, "SELECT media_type, data, updated_at FROM provider_photos WHERE provider_id = ?");
    q.bind(1, provider_id);
    if (!q.step()) return std::nullopt;
    auto bytes = security::base64url_decode(q.text(1));
    if (!bytes) return std::nullopt;
    return ProviderPhoto{q.text(0), std::move(*bytes), q.instant(2)};
  });
}

Status SqliteStore::put_provider_photo(const Id& business_id, const Id& provider_id, const ProviderPhoto& photo,
                                       const Actor& by) {
  return write([&](sqlite3* db) -> Status {
    if (!provider_of(db, business_id, provider_id)) return no_provider();
    Statement q(db,
                "INSERT INTO provider_photos (provider_id, media_type, data, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (provider_id) DO UPDATE SET media_type = excluded.media_type, data = excluded.data, "
                "updated_at = excluded.updated_at");
    q.bind(1, provider_id)
        .bind(2, photo.media_type)
        .bind(3, security::base64url_encode(photo.bytes))
        .bind(4, now())
        .run();
    audit(db, business_id, by, "provider.photo", "provider:" + provider_id,
          photo.media_type + ", " + std::to_string(photo.bytes.size()) + " bytes");
    return core::ok_status();
  });
}

Status SqliteStore::delete_provider_photo(const Id& business_id, const Id& provider_id, const Actor& by) {
  return write([&](sqlite3* db) -> Status {
    if (!provider_of(db, business_id, provider_id)) return no_provider();
    Statement q(db, "DELETE FROM provider_photos WHERE provider_id = ?");
    q.bind(1, provider_id).run();
    audit(db, business_id, by, "provider.photo.delete", "provider:" + provider_id);
    return core::ok_status();
  });
}

std::vector<std::string> SqliteStore::embed_origins(const Id& business_id) {
  return read([&](sqlite3* db) {
    Statement q(db, "SELECT origin FROM business_embed_origins WHERE business_id = ? ORDER BY list_index");
    q.bind(1, business_id);
    std::vector<std::string> out;
    while (q.step()) out.push_back(q.text(0));
    return out;
  });
}

Status SqliteStore::put_embed_origins(const Id& business_id, const std::vector<std::string>& origins, const Actor& by) {
  return write([&](sqlite3* db) -> Status {
    Statement clear(db, "DELETE FROM business_embed_origins WHERE business_id = ?");
    clear.bind(1, business_id).run();
    for (std::size_t i = 0; i < origins.size(); ++i) {
      Statement q(db, "INSERT INTO business_embed_origins (business_id, list_index, origin) VALUES (?, ?, ?)");
      q.bind(1, business_id).bind(2, static_cast<std::int64_t>(i)).bind(3, origins[i]).run();
    }
    std::string detail;
    for (const auto& o : origins) detail += (detail.empty() ? "" : " ") + o;
    audit(db, business_id, by, "business.embed", "business:" + business_id, detail.empty() ? "none" : detail);
    return core::ok_status();
  });
}

}  // namespace visitd::store::sqlite
