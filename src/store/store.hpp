#pragma once
// What the application needs from persistence, in domain words, split by role: a caller
// that needs only bookings takes a BookingStore&, and any Store is one. SQLite is the
// embedded default (store/sqlite); PostgreSQL (store/postgres) is a second implementation
// of the same roles, for many instances on one database. Every method is thread-safe; each call is its own transaction
// unless it says otherwise. Stores hold no policy: inside a transaction they re-read the facts and ask core to decide
// (see docs/architecture.md, "Store roles").
//
//   SettingsStore  schema, migrations, key/value settings        store/settings.hpp
//   CatalogStore   businesses, providers (+hours), services      store/catalog.hpp
//   BookingStore   busy times, create/reschedule/status, listing store/bookings.hpp
//   StaffStore     users, memberships, sessions, API tokens      store/staff.hpp
//   OutboxStore    messages, policy, templates, SMS consent      store/outbox.hpp
//   RoomStore      room record, lobby decisions, chat            store/rooms.hpp
//   ExternalRoomStore rooms for appointments booked elsewhere    store/external_rooms.hpp
//   AuditStore     the audit log                                 store/audit.hpp
//   BrandingStore  business profile, logo, service/provider words store/branding.hpp
//   NoteStore      staff-only notes on bookings                  store/notes.hpp
//   CalendarStore  feed tokens, external calendars, busy times   store/calendars.hpp
//   AccountMailStore mail to staff accounts (lockout notices)    store/account_mail.hpp
//   InvitationStore staff invitations (issue H)                  store/invitations.hpp
//   InsightStore   facts for a manager's insights (reads only)  store/insights.hpp
//   RateLimitStore token buckets every instance shares            store/rate_limits.hpp
//   WebhookStore   webhook endpoints and their deliveries         store/webhooks.hpp
//
// Ids of new records are minted through the core::IdGenerator given to open_store
// (random by default, sequential in tests).
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "core/ids.hpp"
#include "store/account_mail.hpp"
#include "store/actor.hpp"
#include "store/audit.hpp"
#include "store/bookings.hpp"
#include "store/branding.hpp"
#include "store/calendars.hpp"
#include "store/catalog.hpp"
#include "store/external_rooms.hpp"
#include "store/insights.hpp"
#include "store/invitations.hpp"
#include "store/notes.hpp"
#include "store/outbox.hpp"
#include "store/rate_limits.hpp"
#include "store/rooms.hpp"
#include "store/settings.hpp"
#include "store/staff.hpp"
#include "store/webhooks.hpp"

namespace visitd::store {

class Store : public SettingsStore,
              public CatalogStore,
              public BookingStore,
              public StaffStore,
              public OutboxStore,
              public RoomStore,
              public ExternalRoomStore,
              public AuditStore,
              public BrandingStore,
              public NoteStore,
              public CalendarStore,
              public AccountMailStore,
              public InsightStore,
              public RateLimitStore,
              public WebhookStore,
              public InvitationStore {
 public:
  ~Store() override = default;
};

// The source of "now" for what the store stamps itself (created_at, history, audit). The
// app passes its own clock (which may be skewed for drills).
using Clock = std::function<Instant()>;

// Opens the store named by a database setting: a postgres:// or postgresql:// URL (libpq
// connection URI, PostgreSQL 15) or else a file path (SQLite). Does not migrate. `ids` mints
// every new record id (shared: the caller may keep using it). `pool_size` connections are
// opened now (0 = the backend's default, 8). invalid for an empty setting; internal when the
// file cannot be opened or the server cannot be reached.
Result<std::unique_ptr<Store>> open_store(const std::string& database, Clock clock,
                                          std::shared_ptr<core::IdGenerator> ids, std::size_t pool_size = 0);
// Random ids (security::RandomIds).
Result<std::unique_ptr<Store>> open_store(const std::string& database, Clock clock, std::size_t pool_size = 0);
// Whether a database setting names PostgreSQL (postgres:// or postgresql://).
bool is_postgres_url(const std::string& database);
// The setting as logs and messages may show it: a URL's password replaced by "***".
std::string database_for_display(const std::string& database);
// Random ids and the system clock.
Result<std::unique_ptr<Store>> open_store(const std::string& database);

}  // namespace visitd::store
