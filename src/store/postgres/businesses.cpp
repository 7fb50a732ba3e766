#include "store/postgres/postgres_store.hpp"
#include "store/postgres/rows.hpp"

namespace visitd::store::postgres {
namespace {

core::Error slug_taken() {
  core::Error e = core::Error::make(core::ErrorCode::conflict, "slug is already taken");
  e.fields.push_back({"slug", "is already taken"});
  return e;
}

core::Error business_not_found() { return core::Error::make(core::ErrorCode::not_found, "business not found"); }

bool slug_used_by_other(PGconn* db, const std::string& slug, const Id& except_id) {
  Statement q(db, "SELECT 1 FROM businesses WHERE slug = ? AND id <> ?");
  q.bind(1, slug).bind(2, except_id);
  return q.step();
}

}  // namespace

Result<core::Business> PostgresStore::create_business(core::Business b, const Actor& by) {
  return write([&](PGconn* db) -> Result<core::Business> {
    b.id = new_id("biz_");
    if (slug_used_by_other(db, b.slug, b.id)) return slug_taken();
    Statement q(db,
                "INSERT INTO businesses (id, slug, name, zone, cancel_cutoff_hours, reschedule_cutoff_hours, "
                "reminder_offsets, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, b.id)
        .bind(2, b.slug)
        .bind(3, b.name)
        .bind(4, b.zone)
        .bind(5, b.rules.cancel_cutoff_hours)
        .bind(6, b.rules.reschedule_cutoff_hours)
        .bind(7, reminder_offsets_text(b.rules.reminder_offsets_minutes))
        .bind(8, now())
        .run();
    audit(db, b.id, by, "business.create", "business:" + b.id, "slug=" + b.slug);
    return b;
  });
}

Result<core::Business> PostgresStore::business_by_id(const Id& id) {
  return read([&](PGconn* db) -> Result<core::Business> {
    auto b = load_business_by_id(db, id);
    if (!b) return business_not_found();
    return *b;
  });
}

Result<core::Business> PostgresStore::business_by_slug(const std::string& slug) {
  return read([&](PGconn* db) -> Result<core::Business> {
    auto b = load_business_by_slug(db, slug);
    if (!b) return business_not_found();
    return *b;
  });
}

Result<core::Business> PostgresStore::update_business(const core::Business& b, const Actor& by) {
  return write([&](PGconn* db) -> Result<core::Business> {
    if (!load_business_by_id(db, b.id)) return business_not_found();
    if (slug_used_by_other(db, b.slug, b.id)) return slug_taken();
    Statement q(db,
                "UPDATE businesses SET slug = ?, name = ?, zone = ?, cancel_cutoff_hours = ?, "
                "reschedule_cutoff_hours = ?, reminder_offsets = ? WHERE id = ?");
    q.bind(1, b.slug)
        .bind(2, b.name)
        .bind(3, b.zone)
        .bind(4, b.rules.cancel_cutoff_hours)
        .bind(5, b.rules.reschedule_cutoff_hours)
        .bind(6, reminder_offsets_text(b.rules.reminder_offsets_minutes))
        .bind(7, b.id)
        .run();
    audit(db, b.id, by, "business.update", "business:" + b.id);
    return *load_business_by_id(db, b.id);
  });
}

}  // namespace visitd::store::postgres
