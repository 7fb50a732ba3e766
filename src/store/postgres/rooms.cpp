// Appointment rooms: the end, lobby decisions, read receipts and chat with a per-room
// sequence. The room row appears on the first write; reads treat its absence as fresh.
#include <algorithm>

#include "store/columns.hpp"

#include "core/chat_policy.hpp"
#include "store/postgres/postgres_store.hpp"
#include "store/rows.hpp"

namespace visitd::store::postgres {
namespace {

constexpr int kMaxChatPage = 200;

void ensure_room(PGconn* db, const Id& room_id) {
  Statement q(db, "INSERT INTO rooms (booking_id) VALUES (?) ON CONFLICT(booking_id) DO NOTHING");
  q.bind(1, room_id).run();
}

// A room is a booking's or an external room's (migration 0016 / 0012 dropped the foreign key).
bool room_exists(PGconn* db, const Id& room_id) {
  Statement q(db, "SELECT 1 FROM bookings WHERE id = ? UNION ALL SELECT 1 FROM external_rooms WHERE id = ?");
  q.bind(1, room_id).bind(2, room_id);
  return q.step();
}

// Takes the room's next seq; the caller holds the write transaction.
std::int64_t next_seq(PGconn* db, const Id& room_id) {
  Statement bump(db, "UPDATE rooms SET last_seq = last_seq + 1 WHERE booking_id = ?");
  bump.bind(1, room_id).run();
  Statement q(db, "SELECT last_seq FROM rooms WHERE booking_id = ?");
  q.bind(1, room_id);
  q.step();
  return q.int64(0);
}

core::Error no_room() { return core::Error::make(core::ErrorCode::not_found, "no such room"); }

}  // namespace

RoomRecord PostgresStore::room(const Id& room_id) {
  return read([&](PGconn* db) {
    RoomRecord r;
    r.room_id = room_id;
    Statement q(db, "SELECT last_seq, ended_at, ended_by FROM rooms WHERE booking_id = ?");
    q.bind(1, room_id);
    if (q.step()) {
      r.last_seq = q.int64(0);
      r.ended_at = q.optional_instant(1);
      r.ended_by = q.optional_text(2).value_or("");
    }
    return r;
  });
}

Result<RoomRecord> PostgresStore::end_room(const Id& room_id, const std::string& by, Instant at) {
  return write([&](PGconn* db) -> Result<RoomRecord> {
    if (!room_exists(db, room_id)) return no_room();
    ensure_room(db, room_id);
    Statement q(db, "UPDATE rooms SET ended_at = ?, ended_by = ? WHERE booking_id = ? AND ended_at IS NULL");
    q.bind(1, at).bind(2, by).bind(3, room_id).run();
    Statement r(db, "SELECT last_seq, ended_at, ended_by FROM rooms WHERE booking_id = ?");
    r.bind(1, room_id);
    r.step();
    return RoomRecord{room_id, r.int64(0), r.optional_instant(1), r.optional_text(2).value_or("")};
  });
}

std::optional<RoomDecision> PostgresStore::room_decision(const Id& room_id, const std::string& participant_id) {
  return read([&](PGconn* db) -> std::optional<RoomDecision> {
    Statement q(db,
                "SELECT state, decided_by, read_seq FROM room_participants WHERE room_id = ? AND participant_id = ?");
    q.bind(1, room_id).bind(2, participant_id);
    if (!q.step()) return std::nullopt;
    auto state = lobby_from_column(q.text(0));
    if (!state) throw PgError(kDataCorrupted, "bad lobby state");
    return RoomDecision{*state, q.text(1), q.int64(2)};
  });
}

Status PostgresStore::decide_participant(const Id& room_id, const std::string& participant_id, core::LobbyState state,
                                         const std::string& by, Instant at) {
  return write([&](PGconn* db) -> Status {
    if (state == core::LobbyState::waiting) return core::Error::invalid("state", "waiting is not a decision");
    if (!room_exists(db, room_id)) return no_room();
    ensure_room(db, room_id);
    // Denied and removed are final for the room: a later "admit" does not undo them.
    Statement q(db,
                "INSERT INTO room_participants (room_id, participant_id, state, decided_by, decided_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(room_id, participant_id) DO UPDATE SET "
                "state = excluded.state, decided_by = excluded.decided_by, decided_at = excluded.decided_at "
                "WHERE room_participants.state = 'admitted'");
    q.bind(1, room_id).bind(2, participant_id).bind(3, lobby_column(state)).bind(4, by).bind(5, at).run();
    return core::ok_status();
  });
}

Status PostgresStore::mark_read(const Id& room_id, const std::string& participant_id, std::int64_t seq) {
  return write([&](PGconn* db) -> Status {
    Statement q(db,
                "UPDATE room_participants SET read_seq = GREATEST(read_seq, ?::bigint) WHERE room_id = ? AND "
                "participant_id = ?");
    q.bind(1, seq).bind(2, room_id).bind(3, participant_id).run();
    return core::ok_status();
  });
}

Result<ChatMessage> PostgresStore::append_chat(const Id& room_id, const std::string& author_id,
                                               const std::string& author_name, const std::string& body, Instant at) {
  return write([&](PGconn* db) -> Result<ChatMessage> {
    if (!room_exists(db, room_id)) return no_room();
    ensure_room(db, room_id);
    ChatMessage m{room_id, next_seq(db, room_id), author_id, author_name, body, at, std::nullopt, std::nullopt, 0};
    m.changed_seq = m.seq;
    Statement q(db,
                "INSERT INTO room_messages (room_id, seq, author_id, author_name, body, created_at, changed_seq) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, room_id)
        .bind(2, m.seq)
        .bind(3, author_id)
        .bind(4, author_name)
        .bind(5, body)
        .bind(6, at)
        .bind(7, m.seq)
        .run();
    return m;
  });
}

Result<ChatMessage> PostgresStore::change_chat(const Id& room_id, std::int64_t seq, const std::string& by_participant,
                                               bool any_author, const std::optional<std::string>& new_body,
                                               Instant at) {
  return write([&](PGconn* db) -> Result<ChatMessage> {
    Statement find(db, std::string(kChatMessageSelect) + "WHERE room_id = ? AND seq = ?");
    find.bind(1, room_id).bind(2, seq);
    if (!find.step()) return core::Error::make(core::ErrorCode::not_found, "no such message");
    ChatMessage m = chat_message_row(find);
    const auto change = new_body ? core::ChatChange::edit : core::ChatChange::remove;
    if (auto allowed =
            core::check_chat_change({m.author_id, m.deleted_at.has_value()}, by_participant, any_author, change);
        !allowed) {
      return allowed.error();
    }
    m.changed_seq = next_seq(db, room_id);
    if (new_body) {
      m.body = *new_body;
      m.edited_at = at;
    } else {
      m.body.clear();
      m.deleted_at = at;
    }
    Statement q(db,
                "UPDATE room_messages SET body = ?, edited_at = ?, deleted_at = ?, changed_seq = ? "
                "WHERE room_id = ? AND seq = ?");
    q.bind(1, m.body)
        .bind(2, m.edited_at)
        .bind(3, m.deleted_at)
        .bind(4, m.changed_seq)
        .bind(5, room_id)
        .bind(6, seq)
        .run();
    return m;
  });
}

std::vector<ChatMessage> PostgresStore::chat_page(const Id& room_id, std::int64_t before, int limit) {
  limit = std::clamp(limit, 1, kMaxChatPage);
  return read([&](PGconn* db) {
    Statement q(db,
                std::string(kChatMessageSelect) + "WHERE room_id = ? AND (? = 0 OR seq < ?) ORDER BY seq DESC LIMIT ?");
    q.bind(1, room_id).bind(2, before).bind(3, before).bind(4, limit);
    std::vector<ChatMessage> out;
    while (q.step()) out.push_back(chat_message_row(q));
    return out;
  });
}

std::vector<ChatMessage> PostgresStore::chat_since(const Id& room_id, std::int64_t seq, int limit) {
  limit = std::clamp(limit, 1, 10000);
  return read([&](PGconn* db) {
    // A message new since `seq` replays at its own seq (with its current text); an older
    // message changed since then replays at the seq of its change.
    Statement q(db, std::string(kChatMessageSelect) +
                        "WHERE room_id = ? AND changed_seq > ? "
                        "ORDER BY CASE WHEN seq > ? THEN seq ELSE changed_seq END LIMIT ?");
    q.bind(1, room_id).bind(2, seq).bind(3, seq).bind(4, limit);
    std::vector<ChatMessage> out;
    while (q.step()) out.push_back(chat_message_row(q));
    return out;
  });
}

}  // namespace visitd::store::postgres
