#pragma once
// Store role: mail to a staff member's account rather than about a booking (issue H): the
// notice of a temporary login lockout and staff invitations (store/invitations.hpp). Its own small outbox: the text
// is written when the mail is planned (there is no booking to compose it from), the outbox
// worker claims due mails under a lease, sends them and records the outcome; a mail whose
// lease expired (a crashed worker) is claimed again. Each call is its own transaction.
#include <optional>
#include <string>
#include <vector>

#include "store/actor.hpp"

namespace visitd::store {

enum class AccountMailKind { lockout, invitation };
const char* to_string(AccountMailKind k);

struct AccountMail {
  Id id;  // filled by the store ("am_...")
  AccountMailKind kind = AccountMailKind::lockout;
  std::string address;  // e-mail, as the account holds it
  std::string subject;
  std::string body;         // plain text, UTF-8
  std::string status;       // planned, sending, sent, failed
  int attempts = 0;         // a claim counts as one
  Instant next_attempt_at;  // due from then
  std::string last_error;
  Instant created_at;
  std::optional<Instant> sent_at;
};

class AccountMailStore {
 public:
  virtual ~AccountMailStore() = default;
  // Plans `m` (status planned, due at m.next_attempt_at); answers it with id and created_at.
  virtual AccountMail plan_account_mail(AccountMail m) = 0;
  // Plans `m` as plan_account_mail does unless a mail of m.kind to m.address was planned at
  // or after `since` (the check and the insert are one transaction): nullopt then. Caps a
  // notice however often its cause recurs (one lockout notice per account per hour).
  virtual std::optional<AccountMail> plan_account_mail_unless_since(AccountMail m, Instant since) = 0;
  // Up to `limit` mails due at `now` (planned and due, or sending with a lease that ran out),
  // now leased to `owner` until now + lease, attempts counted; oldest due first.
  virtual std::vector<AccountMail> claim_account_mail(const std::string& owner, Instant now, core::Seconds lease,
                                                      int limit) = 0;
  // The outcome of a claimed mail, only while `owner` holds its lease: sent; or failed
  // (final); or planned again at `retry_at`. False when the lease was lost.
  virtual bool record_account_mail(const Id& id, const std::string& owner, bool sent, const std::string& error,
                                   std::optional<Instant> retry_at) = 0;
  // The newest mails to `address`, at most `limit` (1..200), newest first.
  virtual std::vector<AccountMail> account_mail_to(const std::string& address, int limit) = 0;
};

}  // namespace visitd::store
