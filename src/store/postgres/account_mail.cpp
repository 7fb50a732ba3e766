// AccountMailStore on PostgreSQL: the account_mail table (migration 0003).
#include <algorithm>

#include "store/postgres/postgres_store.hpp"
#include "store/rows.hpp"

namespace visitd::store::postgres {

namespace {

constexpr int kMaxListed = 200;
}  // namespace

void PostgresStore::insert_account_mail(PGconn* db, AccountMail& m) const {
  m.id = new_id("am_");
  m.created_at = now();
  m.status = "planned";
  m.attempts = 0;
  Statement q(db,
              "INSERT INTO account_mail (id, kind, address, subject, body, status, attempts, next_attempt_at, "
              "created_at) VALUES (?, ?, ?, ?, ?, 'planned', 0, ?, ?)");
  q.bind(1, m.id)
      .bind(2, to_string(m.kind))
      .bind(3, m.address)
      .bind(4, m.subject)
      .bind(5, m.body)
      .bind(6, m.next_attempt_at)
      .bind(7, m.created_at)
      .run();
}

AccountMail PostgresStore::plan_account_mail(AccountMail m) {
  return write([&](PGconn* db) {
    insert_account_mail(db, m);
    return m;
  });
}

std::optional<AccountMail> PostgresStore::plan_account_mail_unless_since(AccountMail m, Instant since) {
  return write([&](PGconn* db) -> std::optional<AccountMail> {
    Statement recent(db, "SELECT 1 FROM account_mail WHERE address = ? AND kind = ? AND created_at >= ? LIMIT 1");
    recent.bind(1, m.address).bind(2, to_string(m.kind)).bind(3, since);
    if (recent.step()) return std::nullopt;
    insert_account_mail(db, m);
    return m;
  });
}

std::vector<AccountMail> PostgresStore::claim_account_mail(const std::string& owner, Instant at, core::Seconds lease,
                                                           int limit) {
  return write_locked([&](PGconn* db) {
    // One statement: claimers never take the same mail twice (FOR UPDATE SKIP LOCKED).
    Statement q(db, std::string("UPDATE account_mail SET status = 'sending', lease_owner = ?, lease_until = ?, "
                                "attempts = attempts + 1 WHERE id IN (SELECT id FROM account_mail "
                                "WHERE (status = 'planned' AND next_attempt_at <= ?) "
                                "OR (status = 'sending' AND lease_until < ?) "
                                "ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING ") +
                        kAccountMailColumns);
    q.bind(1, owner).bind(2, at + lease).bind(3, at).bind(4, at).bind(5, std::clamp(limit, 1, kMaxListed));
    std::vector<AccountMail> out;
    while (q.step()) out.push_back(account_mail_row(q));
    std::sort(out.begin(), out.end(), [](const AccountMail& a, const AccountMail& b) {
      return a.next_attempt_at != b.next_attempt_at ? a.next_attempt_at < b.next_attempt_at : a.id < b.id;
    });
    return out;
  });
}

bool PostgresStore::record_account_mail(const Id& id, const std::string& owner, bool sent, const std::string& error,
                                        std::optional<Instant> retry_at) {
  return write([&](PGconn* db) {
    const char* status = sent ? "sent" : (retry_at ? "planned" : "failed");
    Statement q(db,
                "UPDATE account_mail SET status = ?, last_error = ?, next_attempt_at = COALESCE(?, next_attempt_at), "
                "sent_at = ?, lease_owner = NULL, lease_until = NULL "
                "WHERE id = ? AND lease_owner = ? AND status = 'sending'");
    q.bind(1, status)
        .bind(2, sent ? std::string() : error)
        .bind(3, sent ? std::optional<Instant>{} : retry_at)
        .bind(4, sent ? std::optional<Instant>{now()} : std::optional<Instant>{})
        .bind(5, id)
        .bind(6, owner);
    return q.run() > 0;
  });
}

std::vector<AccountMail> PostgresStore::account_mail_to(const std::string& address, int limit) {
  return read([&](PGconn* db) {
    Statement q(db, std::string("SELECT ") + kAccountMailColumns +
                        " FROM account_mail WHERE address = ? ORDER BY created_at DESC, id DESC LIMIT ?");
    q.bind(1, address).bind(2, std::clamp(limit, 1, kMaxListed));
    std::vector<AccountMail> out;
    while (q.step()) out.push_back(account_mail_row(q));
    return out;
  });
}

}  // namespace visitd::store::postgres
