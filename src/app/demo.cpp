#include "app/demo.hpp"

#include "core/booking_policy.hpp"
#include "core/slot_engine.hpp"
#include "security/crypto.hpp"

namespace visitd::app {
namespace {

using core::TimeRange;

const store::Actor kSystem{"system"};

core::WeeklyHours weekdays(int from_minute, int to_minute) {
  core::WeeklyHours w;
  for (int d = 0; d < 5; ++d) w[d] = {TimeRange{from_minute, to_minute}};
  return w;
}

struct DemoProvider {
  const char* name;
  const char* zone;
};

constexpr DemoProvider kProviders[] = {
    {"Dr. Alice Morgan", "Europe/London"},
    {"Dr. Ben Carter", "America/New_York"},
    {"Dr. Priya Raman", "Asia/Kolkata"},
};

struct DemoConsumer {
  const char* name;
  const char* email;
  const char* zone;
};

constexpr DemoConsumer kConsumers[] = {
    {"Olivia Brown", "olivia@example.test", "Europe/London"},   {"Noah Wilson", "noah@example.test", "America/Chicago"},
    {"Aarav Shah", "aarav@example.test", "Asia/Kolkata"},       {"Emma Davies", "emma@example.test", "Europe/Dublin"},
    {"Lucas Martin", "lucas@example.test", "America/New_York"},
};

core::Result<core::User> demo_user(store::StaffStore& staff, const std::string& email, const std::string& name,
                                   std::vector<DemoLogin>& logins, const std::string& role) {
  auto password = security::random_token(9);
  auto user = staff.create_user(core::User{"", email, name}, security::hash_password(password));
  if (!user) return user.error();
  logins.push_back({email, role, password});
  return user;
}

}  // namespace

core::Result<DemoResult> seed_demo(DemoStores store, core::Instant now) {
  DemoResult result;
  if (auto existing = store.catalog.business_by_slug("northwind")) {
    result.business_id = existing->id;
    return result;
  }
  core::Business biz;
  biz.slug = "northwind";
  biz.name = "Northwind Health";
  biz.zone = "Europe/London";
  auto created = store.catalog.create_business(biz, kSystem);
  if (!created) return created.error();
  result.created = true;
  result.business_id = created->id;
  const auto& bid = created->id;

  auto owner = demo_user(store.staff, "owner@northwind.test", "Olga Owner", result.logins, "owner");
  if (!owner) return owner.error();
  if (auto s = store.staff.set_membership({bid, owner->id, core::Role::owner}, kSystem); !s) return s.error();
  auto provider_user = demo_user(store.staff, "alice@northwind.test", "Alice Morgan", result.logins, "provider");
  if (!provider_user) return provider_user.error();
  if (auto s = store.staff.set_membership({bid, provider_user->id, core::Role::provider}, kSystem); !s)
    return s.error();

  std::vector<core::Provider> providers;
  for (const auto& dp : kProviders) {
    core::Provider p;
    p.business_id = bid;
    p.name = dp.name;
    p.zone = dp.zone;
    if (providers.empty()) p.user_id = provider_user->id;
    auto made = store.catalog.create_provider(p, kSystem);
    if (!made) return made.error();
    if (auto s = store.catalog.set_weekly_hours(bid, made->id, weekdays(9 * 60, 17 * 60), kSystem); !s)
      return s.error();
    made->weekly = weekdays(9 * 60, 17 * 60);
    providers.push_back(*made);
  }

  std::vector<core::Id> all_ids;
  for (const auto& p : providers) all_ids.push_back(p.id);
  core::Service short_visit;
  short_visit.business_id = bid;
  short_visit.name = "Video consultation";
  short_visit.duration_minutes = 30;
  short_visit.buffer_before_minutes = 5;
  short_visit.buffer_after_minutes = 5;
  short_visit.min_notice_minutes = 60;
  short_visit.slot_interval_minutes = 30;
  short_visit.provider_ids = all_ids;
  short_visit.questions = {
      {"reason", "What would you like to discuss?", core::QuestionKind::long_text, true, {}},
      {"first_visit", "Is this your first visit?", core::QuestionKind::single_choice, false, {"Yes", "No"}}};
  core::Service long_visit = short_visit;
  long_visit.name = "Extended consultation";
  long_visit.duration_minutes = 60;
  long_visit.buffer_before_minutes = 10;
  long_visit.buffer_after_minutes = 10;
  long_visit.max_per_day = 3;
  long_visit.questions = {{"reason", "What would you like to discuss?", core::QuestionKind::long_text, true, {}}};
  auto s1 = store.catalog.create_service(short_visit, kSystem);
  if (!s1) return s1.error();
  auto s2 = store.catalog.create_service(long_visit, kSystem);
  if (!s2) return s2.error();

  // A week of bookings: for each provider and day, take every fifth free slot so the
  // calendar looks lived-in but keeps plenty of room to book.
  int consumer_index = 0;
  for (const auto& provider : providers) {
    const auto& service = (consumer_index % 2 == 0) ? *s1 : *s2;
    core::SlotQuery q;
    q.service = &service;
    q.providers.push_back({&provider, {}});
    q.range = {now, now + std::chrono::days(7)};
    q.now = now;
    auto slots = core::compute_slots(q);
    auto zone = core::Zone::find(provider.zone);
    for (std::size_t i = 0; i < slots.size(); i += 5) {
      const auto& c = kConsumers[consumer_index++ % std::size(kConsumers)];
      store::NewBooking nb;
      nb.booking.business_id = bid;
      nb.booking.service_id = service.id;
      nb.booking.time = slots[i].time;
      nb.booking.block = core::padded_block(slots[i].time, service);
      nb.booking.consumer = {c.name, c.email, "", c.zone};
      nb.booking.answers = {{"reason", "Follow-up on my last appointment"}};
      nb.candidates.push_back({provider.id, zone->day_span(zone->local_date(slots[i].time.begin))});
      nb.max_per_day = service.max_per_day;
      if (auto b = store.bookings.create_booking(nb, store::Actor{"consumer"}); b) ++result.bookings;
    }
  }
  return result;
}

}  // namespace visitd::app
