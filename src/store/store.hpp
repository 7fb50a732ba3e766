#pragma once
// What the application needs from persistence, in domain words. SQLite is the embedded
// default (store/sqlite); PostgreSQL (a later issue) is a second implementation of this
// same interface. Every method is thread-safe; each call is its own transaction unless
// it says otherwise. Ids are minted here (random, opaque).
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/result.hpp"

namespace visitd::store {

using core::Id;
using core::Instant;
using core::Interval;
using core::Result;
using core::Status;

struct Actor {               // who makes a change, for the audit log
  std::string name;          // "user:<id>", "token:<id>", "consumer", "system"
};

struct StoredUser {
  core::User user;
  std::string password_hash;  // argon2id encoded string; empty = no password login
};

struct Session {
  std::string token_hash;     // sha256 hex of the cookie value; the raw value is never stored
  Id user_id;
  std::string csrf_token;
  Instant expires_at;
};

struct ApiToken {
  Id id;
  Id business_id;
  Id user_id;                 // the staff user the token acts as
  std::string name;
  core::Role role;            // never above the creating user's role
  std::string token_hash;     // sha256 hex
  Instant created_at;
  std::optional<Instant> last_used_at;
};

struct StaffMember {
  core::User user;
  core::Role role;
};

struct BookingFilter {
  Id business_id;
  std::optional<Interval> range;          // bookings whose time overlaps it
  std::optional<Id> provider_id;
  std::optional<core::BookingStatus> status;
  int limit = 50;                          // 1..200
  int offset = 0;
};

struct BookingPage {
  std::vector<core::Booking> items;
  int total = 0;
};

// A booking to insert atomically. Candidates are tried in order inside one write
// transaction (SQLite: BEGIN IMMEDIATE); the first provider whose padded blocks do not
// collide and whose day limit is not reached gets the booking.
struct BookingCandidate {
  Id provider_id;
  Interval day;                 // the provider-local day containing the start, for max_per_day
};

struct NewBooking {
  core::Booking booking;                   // id/created_at/provider_id/history filled by the store
  std::vector<BookingCandidate> candidates;
  int max_per_day = 0;                     // of this service per provider per day; 0 = unlimited
  // Scoped to the business. When a booking with this key exists, create_booking returns
  // it unchanged instead of inserting (checked inside the same transaction).
  std::optional<std::string> idempotency_key;
  std::string request_fingerprint;         // sha256 of the request body, kept with the key
};

// A move of an existing confirmed booking; the same collision rules, ignoring itself.
struct Reschedule {
  Id booking_id;
  Interval time;
  Interval block;
  Interval day;                            // provider-local day of the new start
  int max_per_day = 0;
  std::string reason;
  std::optional<Id> provider_id;           // staff may move it to another provider of the service
};

struct IdempotentBooking {
  core::Booking booking;
  std::string request_fingerprint;   // a repeat with another body is refused by the edge
};

class Store {
 public:
  virtual ~Store() = default;

  // ---- schema ----
  virtual Status migrate() = 0;                    // apply pending numbered migrations
  virtual int schema_version() = 0;
  virtual bool healthy() = 0;                      // a trivial query succeeds

  // ---- key/value settings (e.g. the generated signing secret) ----
  virtual std::optional<std::string> get_setting(const std::string& key) = 0;
  // Sets only when absent; returns the value now stored (first writer wins).
  virtual std::string put_setting_if_absent(const std::string& key, const std::string& value) = 0;

  // ---- businesses ----
  virtual Result<core::Business> create_business(core::Business b, const Actor& by) = 0;  // conflict on slug
  virtual Result<core::Business> business_by_id(const Id& id) = 0;
  virtual Result<core::Business> business_by_slug(const std::string& slug) = 0;
  virtual Result<core::Business> update_business(const core::Business& b, const Actor& by) = 0;

  // ---- users, memberships ----
  virtual Result<core::User> create_user(core::User u, const std::string& password_hash) = 0;  // conflict on email
  virtual Result<StoredUser> user_by_email(const std::string& email) = 0;
  virtual Result<StoredUser> user_by_id(const Id& id) = 0;
  virtual Status set_password_hash(const Id& user_id, const std::string& hash) = 0;
  virtual std::vector<core::Membership> memberships_of(const Id& user_id) = 0;
  virtual std::optional<core::Role> role_in(const Id& user_id, const Id& business_id) = 0;
  virtual std::vector<StaffMember> staff_of(const Id& business_id) = 0;
  // Adds or changes a membership. Refuses (policy) to leave a business without an owner.
  virtual Status set_membership(const core::Membership& m, const Actor& by) = 0;
  virtual Status remove_membership(const Id& business_id, const Id& user_id, const Actor& by) = 0;

  // ---- sessions and API tokens ----
  virtual Status create_session(const Session& s) = 0;
  virtual std::optional<Session> session_by_hash(const std::string& token_hash, Instant now) = 0;
  virtual Status delete_session(const std::string& token_hash) = 0;
  virtual Result<ApiToken> create_api_token(ApiToken t, const Actor& by) = 0;
  virtual std::optional<ApiToken> api_token_by_hash(const std::string& token_hash) = 0;
  virtual std::vector<ApiToken> api_tokens_of(const Id& business_id) = 0;
  virtual Status delete_api_token(const Id& business_id, const Id& token_id, const Actor& by) = 0;
  virtual void touch_api_token(const Id& token_id, Instant now) = 0;

  // ---- providers (with weekly hours, overrides and time off) ----
  virtual Result<core::Provider> create_provider(core::Provider p, const Actor& by) = 0;
  virtual Result<core::Provider> provider(const Id& business_id, const Id& provider_id) = 0;
  virtual std::vector<core::Provider> providers_of(const Id& business_id) = 0;
  virtual Result<core::Provider> update_provider(const core::Provider& p, const Actor& by) = 0;  // name, zone, user_id
  virtual Status delete_provider(const Id& business_id, const Id& provider_id, const Actor& by) = 0;  // conflict if confirmed future bookings
  virtual Status set_weekly_hours(const Id& business_id, const Id& provider_id, const core::WeeklyHours& w, const Actor& by) = 0;
  // One override per date: setting a date again replaces it.
  virtual Result<core::DateOverride> put_override(const Id& business_id, const Id& provider_id, core::DateOverride o, const Actor& by) = 0;
  virtual Status delete_override(const Id& business_id, const Id& provider_id, const Id& override_id, const Actor& by) = 0;
  virtual Result<core::TimeOff> add_time_off(const Id& business_id, const Id& provider_id, core::TimeOff t, const Actor& by) = 0;
  virtual Status delete_time_off(const Id& business_id, const Id& provider_id, const Id& time_off_id, const Actor& by) = 0;

  // ---- services ----
  virtual Result<core::Service> create_service(core::Service s, const Actor& by) = 0;
  virtual Result<core::Service> service(const Id& business_id, const Id& service_id) = 0;
  virtual std::vector<core::Service> services_of(const Id& business_id) = 0;
  virtual Result<core::Service> update_service(const core::Service& s, const Actor& by) = 0;
  virtual Status delete_service(const Id& business_id, const Id& service_id, const Actor& by) = 0;

  // ---- bookings ----
  // Confirmed bookings of these providers whose block overlaps `range`.
  virtual std::vector<core::Booking> busy_bookings(const std::vector<Id>& provider_ids, Interval range) = 0;
  // Confirmed bookings per provider whose start lies in `range` (round-robin counts).
  virtual std::map<Id, int> confirmed_counts(const std::vector<Id>& provider_ids, Interval range) = 0;
  // conflict (ErrorCode::conflict) when no candidate is free at commit time.
  virtual Result<core::Booking> create_booking(NewBooking nb, const Actor& by) = 0;
  virtual Result<core::Booking> reschedule_booking(const Reschedule& r, const Actor& by) = 0;
  virtual Result<core::Booking> set_booking_status(const Id& booking_id, core::BookingStatus to,
                                                   const std::string& reason, const Actor& by) = 0;
  virtual Result<core::Booking> booking(const Id& booking_id) = 0;
  virtual BookingPage bookings(const BookingFilter& f) = 0;

  // ---- idempotency ----
  virtual std::optional<IdempotentBooking> booking_by_idempotency_key(const Id& business_id, const std::string& key) = 0;

  // ---- audit ----
  virtual std::vector<core::AuditEntry> audit_log(const Id& business_id, int limit, int offset) = 0;
};

// Opens the store named by a database setting: a file path (SQLite) today; a
// postgres:// URL later. Does not migrate.
Result<std::unique_ptr<Store>> open_store(const std::string& database);

// The source of "now" for what the store stamps itself (created_at, history, audit). The
// app passes its own clock (which may be skewed for drills); the overload above uses the
// system clock.
using Clock = std::function<Instant()>;
Result<std::unique_ptr<Store>> open_store(const std::string& database, Clock clock);

}  // namespace visitd::store
