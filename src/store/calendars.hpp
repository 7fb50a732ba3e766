#pragma once
// Store role: calendars beyond visitd's own bookings (issue I).
//  - Calendar feeds: one secret subscription URL per provider, and one per business, whose
//    token is stored only as its SHA-256 (like API tokens). Rotating replaces the hash, so
//    the previous URL stops at once; revoking deletes it.
//  - External calendars: a provider's iCalendar "secret addresses" that visitd fetches, the
//    state of the last fetch (shown to the provider), the last fetched text (re-expanded when
//    the server answers 304), and the busy intervals expanded from it, kept per provider for
//    the slot engine. The busy read is its own method: slot queries of bookings are separate.
#include <optional>
#include <string>
#include <vector>

#include "store/actor.hpp"

namespace visitd::store {

struct CalendarFeed {
  Id id;
  Id business_id;
  std::optional<Id> provider_id;  // nullopt = the whole business
  Instant created_at{};           // when the current token was issued
  std::string created_by;         // audit actor
};

struct ExternalCalendar {
  Id id;
  Id business_id;
  Id provider_id;
  std::string name;          // the provider's label, e.g. "Personal (Google)"
  std::string url;           // the secret address (http/https); never logged
  int refresh_minutes = 15;  // how often it is fetched
  Instant created_at{};
  Instant next_fetch_at{};  // due when <= now; a claim moves it to the lease's end
  std::optional<Instant> last_fetch_at;
  std::optional<Instant> last_success_at;
  std::string last_result;  // "fetched" (200), "not_modified" (304) or "failed"; empty before the first
  std::string last_error;   // empty after a successful fetch (or before the first)
  std::string etag;         // validators of the last 200, for the conditional GET
  std::string last_modified;
  int busy_count = 0;  // busy intervals stored from it now
};

// The outcome of one fetch, recorded by the background fetcher.
struct CalendarFetch {
  Instant at{};
  bool ok = false;
  std::string result;                        // "fetched", "not_modified" or "failed"
  std::string error;                         // when !ok: what the provider is shown
  std::optional<std::string> body;           // a new text (200); nullopt keeps the stored one
  std::optional<std::string> etag;           // with body: the answer's validators
  std::optional<std::string> last_modified;  //
  // Replaces the calendar's busy intervals; nullopt keeps them (a failed fetch keeps the last
  // known busy times: a failing feed never frees time it said was busy, nor blocks booking).
  std::optional<std::vector<Interval>> busy;
  Instant next_fetch_at{};
};

struct ExternalBusy {
  Id provider_id;
  Interval time;
};

class CalendarStore {
 public:
  virtual ~CalendarStore() = default;

  // ---- feeds (provider_id nullopt = the business feed) ----
  // Creates the feed or rotates its token (the hash replaces the previous one). Audited as
  // "calendar_feed.issue". not_found for a provider that is not the business's.
  virtual Result<CalendarFeed> put_calendar_feed(const Id& business_id, const std::optional<Id>& provider_id,
                                                 const std::string& token_hash, const Actor& by) = 0;
  virtual std::optional<CalendarFeed> calendar_feed(const Id& business_id, const std::optional<Id>& provider_id) = 0;
  // not_found when there is none. Audited as "calendar_feed.revoke".
  virtual Status delete_calendar_feed(const Id& business_id, const std::optional<Id>& provider_id, const Actor& by) = 0;
  // The feed a presented token's hash names; nullopt for an unknown or revoked token.
  virtual std::optional<CalendarFeed> calendar_feed_by_hash(const std::string& token_hash) = 0;

  // ---- external calendars ----
  // Id, created_at and the fetch state are the store's; due at once. not_found for a provider
  // that is not the business's. Audited as "external_calendar.add" (the URL's host only).
  virtual Result<ExternalCalendar> add_external_calendar(const ExternalCalendar& c, const Actor& by) = 0;
  // By creation time, then id; provider_id nullopt = every provider of the business.
  virtual std::vector<ExternalCalendar> external_calendars(const Id& business_id,
                                                           const std::optional<Id>& provider_id) = 0;
  virtual Result<ExternalCalendar> external_calendar(const Id& business_id, const Id& calendar_id) = 0;
  // Removes it with its busy intervals. not_found. Audited as "external_calendar.remove".
  virtual Status delete_external_calendar(const Id& business_id, const Id& calendar_id, const Actor& by) = 0;
  // Makes it due at `at` (a provider's "fetch now"). not_found.
  virtual Status request_calendar_fetch(const Id& business_id, const Id& calendar_id, Instant at) = 0;
  // Calendars due at `now` of providers still present, at most `limit`, soonest due first;
  // each is moved to `lease_until` in the same statement, so two fetchers (instances) never
  // take the same one twice until the lease ends.
  virtual std::vector<ExternalCalendar> claim_due_calendars(Instant now, Instant lease_until, int limit) = 0;
  // The last fetched text (nullopt before the first success).
  virtual std::optional<std::string> calendar_body(const Id& calendar_id) = 0;
  // Records a fetch; a calendar removed meanwhile is left removed (ok, nothing written).
  virtual Status record_calendar_fetch(const Id& calendar_id, const CalendarFetch& f) = 0;
  // Busy intervals of these providers overlapping `range`, from every calendar of theirs.
  virtual std::vector<ExternalBusy> external_busy(const std::vector<Id>& provider_ids, Interval range) = 0;
};

}  // namespace visitd::store
