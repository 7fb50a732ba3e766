#include "service/account_notices.hpp"

#include <algorithm>

namespace visitd::service {

void AccountNotices::lockout(const core::User& user, core::Seconds locked_for) const {
  if (user.email.empty()) return;
  // Whole minutes, at least one: "about 5 minutes" reads better than a count of seconds.
  const auto minutes = std::max<std::int64_t>(1, (locked_for.count() + 59) / 60);
  store::AccountMail m;
  m.kind = store::AccountMailKind::lockout;
  m.address = user.email;
  m.subject = "Sign-in to your account is paused after failed attempts";
  m.body = "Hello " + (user.name.empty() ? std::string("there") : user.name) +
           ",\n\n"
           "Several sign-in attempts to your account (" +
           user.email + ") used a wrong password, so signing in is paused for about " + std::to_string(minutes) +
           (minutes == 1 ? " minute" : " minutes") +
           ", even with the right password.\n\n"
           "If this was you, wait and try again. If it was not, someone may be guessing your password: "
           "once you are signed in, make sure it is long and used nowhere else.\n\n"
           "You get this notice at most once an hour, however often sign-in is paused.\n";
  const core::Instant now = clock_.now();
  m.next_attempt_at = now;
  // A guesser who waits out each lockout re-locks the account every few minutes: one notice
  // an hour tells the owner as much without flooding their mailbox.
  (void)mail_.plan_account_mail_unless_since(std::move(m), now - kLockoutNoticeInterval);
}

}  // namespace visitd::service
