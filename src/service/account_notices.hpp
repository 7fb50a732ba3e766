#pragma once
// Use case: notices mailed to a staff member's own account (issue H). The temporary lockout
// after too many failed passwords is told to the account's owner, at most once an hour, through
// the account-mail outbox (store/account_mail.hpp; the outbox worker sends it): whoever is
// guessing learns nothing from it, the owner learns that someone is.
#include "core/model.hpp"
#include "service/ports.hpp"

namespace visitd::service {

inline constexpr core::Seconds kLockoutNoticeInterval{3600};

class AccountNotices {
 public:
  AccountNotices(store::AccountMailStore& mail, const core::Clock& clock) : mail_(mail), clock_(clock) {}
  explicit AccountNotices(const Ports& p) : AccountNotices(p.store.account_mail, p.clock) {}

  // Plans the lockout notice to `user` (due now): sign-in is paused for about `locked_for`.
  // Nothing for a user without an e-mail address, nor when a lockout notice to that address
  // was planned less than kLockoutNoticeInterval ago (however often the lockout recurs).
  void lockout(const core::User& user, core::Seconds locked_for) const;

 private:
  store::AccountMailStore& mail_;
  const core::Clock& clock_;
};

}  // namespace visitd::service
