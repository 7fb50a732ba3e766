// ExternalRoomStore on SQLite: rooms for appointments booked elsewhere, their participants
// and the Idempotency-Keys of their creation. The room's end lives in the room record
// (rooms.cpp); it is read with the room.
#include <algorithm>

#include "store/sqlite/sqlite_store.hpp"

namespace visitd::store::sqlite {
namespace {

constexpr int kMaxPage = 100;

const char* role_column(core::RoomRole r) { return r == core::RoomRole::host ? "host" : "guest"; }

core::RoomRole role_from_column(const std::string& s) {
  return s == "host" ? core::RoomRole::host : core::RoomRole::guest;
}

core::Error no_room() { return core::Error::make(core::ErrorCode::not_found, "no such room"); }

constexpr const char* kRoomSelect =
    "SELECT r.id, r.business_id, r.title, r.provider_id, r.start_at, r.end_at, r.lobby, r.created_at, r.updated_at, "
    "m.ended_at FROM external_rooms r LEFT JOIN rooms m ON m.booking_id = r.id ";

constexpr const char* kParticipantSelect =
    "SELECT id, room_id, display_name, role, email, phone, external_id, link_version, created_at, removed_at "
    "FROM external_room_participants ";

RoomParticipant participant_row(Statement& q) {
  RoomParticipant p;
  p.id = q.text(0);
  p.room_id = q.text(1);
  p.spec.display_name = q.text(2);
  p.spec.role = role_from_column(q.text(3));
  p.spec.email = q.optional_text(4);
  p.spec.phone = q.optional_text(5);
  p.spec.external_id = q.optional_text(6);
  p.link_version = q.integer(7);
  p.created_at = q.instant(8);
  p.removed_at = q.optional_instant(9);
  return p;
}

std::vector<RoomParticipant> participants_of(sqlite3* db, const Id& room_id) {
  Statement q(db, std::string(kParticipantSelect) + "WHERE room_id = ? ORDER BY position");
  q.bind(1, room_id);
  std::vector<RoomParticipant> out;
  while (q.step()) out.push_back(participant_row(q));
  return out;
}

ExternalRoom room_row(sqlite3* db, Statement& q) {
  ExternalRoom r;
  r.id = q.text(0);
  r.business_id = q.text(1);
  r.title = q.text(2);
  r.provider_id = q.optional_text(3);
  r.window = Interval{q.instant(4), q.instant(5)};
  r.lobby = q.int64(6) != 0;
  r.created_at = q.instant(7);
  r.updated_at = q.instant(8);
  r.ended_at = q.optional_instant(9);
  r.participants = participants_of(db, r.id);
  return r;
}

std::optional<ExternalRoom> load_room(sqlite3* db, const Id& room_id, const Id* business_id) {
  Statement q(db, std::string(kRoomSelect) + (business_id ? "WHERE r.id = ? AND r.business_id = ?" : "WHERE r.id = ?"));
  q.bind(1, room_id);
  if (business_id) q.bind(2, *business_id);
  if (!q.step()) return std::nullopt;
  return room_row(db, q);
}

std::size_t present_count(const ExternalRoom& r) {
  std::size_t n = 0;
  for (const auto& p : r.participants) n += p.removed_at ? 0 : 1;
  return n;
}

void insert_participant(sqlite3* db, const RoomParticipant& p) {
  Statement q(db,
              "INSERT INTO external_room_participants (id, room_id, display_name, role, email, phone, external_id, "
              "link_version, created_at, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
              "(SELECT COUNT(*) FROM external_room_participants WHERE room_id = ?))");
  q.bind(1, p.id)
      .bind(2, p.room_id)
      .bind(3, p.spec.display_name)
      .bind(4, role_column(p.spec.role))
      .bind(5, p.spec.email)
      .bind(6, p.spec.phone)
      .bind(7, p.spec.external_id)
      .bind(8, p.link_version)
      .bind(9, p.created_at)
      .bind(10, p.room_id)
      .run();
}

core::Error key_reused() {
  core::Error e = core::Error::typed(core::ErrorCode::invalid, "idempotency-key-reused",
                                     "this Idempotency-Key was already used with a different request body");
  e.fields.push_back({"Idempotency-Key", "was already used with a different request body"});
  return e;
}

}  // namespace

Result<CreatedExternalRoom> SqliteStore::create_external_room(const NewExternalRoom& nr, const Actor& by) {
  return write([&](sqlite3* db) -> Result<CreatedExternalRoom> {
    const Instant at = now();
    if (nr.idempotency_key) {
      Statement forget(db, "DELETE FROM external_room_keys WHERE business_id = ? AND created_at < ?");
      forget.bind(1, nr.business_id).bind(2, nr.key_since).run();
      Statement q(db,
                  "SELECT request_fingerprint, room_id FROM external_room_keys WHERE business_id = ? AND "
                  "idempotency_key = ?");
      q.bind(1, nr.business_id).bind(2, *nr.idempotency_key);
      if (q.step()) {
        if (q.text(0) != nr.request_fingerprint) return key_reused();
        auto room = load_room(db, q.text(1), &nr.business_id);
        if (!room) return no_room();
        return CreatedExternalRoom{std::move(*room), true};
      }
    }
    const core::ExternalRoomSpec& s = nr.spec;
    const Id room_id = new_id("room_");
    Statement ins(db,
                  "INSERT INTO external_rooms (id, business_id, title, provider_id, start_at, end_at, lobby, "
                  "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, room_id)
        .bind(2, nr.business_id)
        .bind(3, s.title)
        .bind(4, s.provider_id)
        .bind(5, s.window.begin)
        .bind(6, s.window.end)
        .bind(7, s.lobby)
        .bind(8, at)
        .bind(9, at)
        .run();
    for (const auto& spec : s.participants) {
      insert_participant(db, RoomParticipant{new_id("rp_"), room_id, spec, 1, at, std::nullopt});
    }
    if (nr.idempotency_key) {
      Statement key(db,
                    "INSERT INTO external_room_keys (business_id, idempotency_key, request_fingerprint, room_id, "
                    "created_at) VALUES (?, ?, ?, ?, ?)");
      key.bind(1, nr.business_id).bind(2, *nr.idempotency_key).bind(3, nr.request_fingerprint).bind(4, room_id);
      key.bind(5, at).run();
    }
    audit(db, nr.business_id, by, "room.create", "room:" + room_id,
          std::to_string(s.participants.size()) + " participants");
    return CreatedExternalRoom{*load_room(db, room_id, nullptr), false};
  });
}

Result<ExternalRoom> SqliteStore::external_room(const Id& business_id, const Id& room_id) {
  return read([&](sqlite3* db) -> Result<ExternalRoom> {
    auto r = load_room(db, room_id, &business_id);
    if (!r) return no_room();
    return std::move(*r);
  });
}

Result<ExternalRoom> SqliteStore::external_room_by_id(const Id& room_id) {
  return read([&](sqlite3* db) -> Result<ExternalRoom> {
    auto r = load_room(db, room_id, nullptr);
    if (!r) return no_room();
    return std::move(*r);
  });
}

ExternalRoomPage SqliteStore::external_rooms(const Id& business_id, int offset, int limit) {
  return read([&](sqlite3* db) {
    ExternalRoomPage page;
    Statement count(db, "SELECT COUNT(*) FROM external_rooms WHERE business_id = ?");
    count.bind(1, business_id);
    if (count.step()) page.total = count.integer(0);
    Statement q(db, std::string(kRoomSelect) + "WHERE r.business_id = ? ORDER BY r.start_at, r.id LIMIT ? OFFSET ?");
    q.bind(1, business_id).bind(2, std::clamp(limit, 1, kMaxPage)).bind(3, std::max(offset, 0));
    while (q.step()) page.items.push_back(room_row(db, q));
    return page;
  });
}

Result<ExternalRoom> SqliteStore::update_external_room(const Id& business_id, const Id& room_id,
                                                       const std::optional<Interval>& window,
                                                       const std::optional<std::string>& title, const Actor& by) {
  return write([&](sqlite3* db) -> Result<ExternalRoom> {
    auto r = load_room(db, room_id, &business_id);
    if (!r) return no_room();
    if (auto ok = core::check_room_change(r->ended_at.has_value()); !ok) return ok.error();
    const Interval w = window.value_or(r->window);
    Statement q(db, "UPDATE external_rooms SET start_at = ?, end_at = ?, title = ?, updated_at = ? WHERE id = ?");
    q.bind(1, w.begin).bind(2, w.end).bind(3, title.value_or(r->title)).bind(4, now()).bind(5, room_id).run();
    audit(db, business_id, by, "room.update", "room:" + room_id);
    return *load_room(db, room_id, nullptr);
  });
}

Result<RoomParticipant> SqliteStore::add_room_participant(const Id& business_id, const Id& room_id,
                                                          const core::RoomParticipantSpec& spec, const Actor& by) {
  return write([&](sqlite3* db) -> Result<RoomParticipant> {
    auto r = load_room(db, room_id, &business_id);
    if (!r) return no_room();
    if (auto ok = core::check_add_participant(present_count(*r), r->ended_at.has_value()); !ok) return ok.error();
    RoomParticipant p{new_id("rp_"), room_id, spec, 1, now(), std::nullopt};
    insert_participant(db, p);
    audit(db, business_id, by, "room.participant_add", "room:" + room_id, p.id);
    return p;
  });
}

Result<RoomParticipant> SqliteStore::remove_room_participant(const Id& business_id, const Id& room_id,
                                                             const Id& participant_id, const Actor& by) {
  return write([&](sqlite3* db) -> Result<RoomParticipant> {
    if (!load_room(db, room_id, &business_id)) return no_room();
    const Instant at = now();
    Statement q(db,
                "UPDATE external_room_participants SET removed_at = ? WHERE id = ? AND room_id = ? AND removed_at IS "
                "NULL");
    q.bind(1, at).bind(2, participant_id).bind(3, room_id);
    if (q.run() == 0) return core::Error::make(core::ErrorCode::not_found, "no such participant");
    // The lobby's own record of the removal, so the room machinery refuses them like a
    // participant a host removed.
    Statement room(db, "INSERT INTO rooms (booking_id) VALUES (?) ON CONFLICT(booking_id) DO NOTHING");
    room.bind(1, room_id).run();
    Statement d(db,
                "INSERT INTO room_participants (room_id, participant_id, state, decided_by, decided_at) "
                "VALUES (?, ?, 'removed', ?, ?) ON CONFLICT(room_id, participant_id) DO UPDATE SET "
                "state = 'removed', decided_by = excluded.decided_by, decided_at = excluded.decided_at");
    d.bind(1, room_id).bind(2, participant_id).bind(3, by.name).bind(4, at).run();
    audit(db, business_id, by, "room.participant_remove", "room:" + room_id, participant_id);
    Statement p(db, std::string(kParticipantSelect) + "WHERE id = ?");
    p.bind(1, participant_id);
    p.step();
    return participant_row(p);
  });
}

Result<RoomParticipant> SqliteStore::room_participant(const Id& participant_id) {
  return read([&](sqlite3* db) -> Result<RoomParticipant> {
    Statement q(db, std::string(kParticipantSelect) + "WHERE id = ?");
    q.bind(1, participant_id);
    if (!q.step()) return core::Error::make(core::ErrorCode::not_found, "no such participant");
    return participant_row(q);
  });
}

}  // namespace visitd::store::sqlite
