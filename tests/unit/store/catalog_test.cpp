// Businesses, staff, sessions, tokens, providers and services: round trips, scoping and rules.
#include "store_fixture.hpp"

namespace visitd::store::testing {
namespace {

class Catalog : public StoreContractTest {};
using core::ErrorCode;

TEST_P(Catalog, BusinessRoundTripsAndSlugIsUnique) {
  core::Business b;
  b.slug = "northwind";
  b.name = "Northwind Health";
  b.zone = "Europe/London";
  b.rules = {12, 6, {2880, 30}};
  auto created = store_->create_business(b, staff_);
  ASSERT_TRUE(created.ok());
  EXPECT_TRUE(created->id.starts_with("biz_"));

  auto by_slug = store_->business_by_slug("northwind");
  ASSERT_TRUE(by_slug.ok());
  EXPECT_EQ(by_slug->id, created->id);
  EXPECT_EQ(by_slug->name, "Northwind Health");
  EXPECT_EQ(by_slug->rules, b.rules);

  auto duplicate = store_->create_business(b, staff_);
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code, ErrorCode::conflict);

  core::Business changed = by_slug.value();
  changed.name = "Northwind";
  changed.rules.reminder_offsets_minutes = {};
  ASSERT_TRUE(store_->update_business(changed, staff_).ok());
  auto reread = store_->business_by_id(created->id);
  EXPECT_EQ(reread->name, "Northwind");
  EXPECT_TRUE(reread->rules.reminder_offsets_minutes.empty());

  EXPECT_EQ(store_->business_by_slug("nope").error().code, ErrorCode::not_found);
  EXPECT_EQ(store_->business_by_id("biz_nope").error().code, ErrorCode::not_found);
}

TEST_P(Catalog, UpdatingToAnotherBusinessSlugConflicts) {
  auto a = make_business("alpha");
  make_business("beta");
  a.slug = "beta";
  auto r = store_->update_business(a, staff_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::conflict);
  EXPECT_EQ(store_->business_by_id(a.id)->slug, "alpha");
}

TEST_P(Catalog, UserEmailIsStoredLowerCasedAndUniqueIgnoringCase) {
  auto u = store_->create_user({"", "Ada@Example.TEST", "Ada"}, "hash-1");
  ASSERT_TRUE(u.ok());
  EXPECT_TRUE(u->id.starts_with("usr_"));
  EXPECT_EQ(u->email, "ada@example.test");

  auto found = store_->user_by_email("ADA@example.test");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->user.id, u->id);
  EXPECT_EQ(found->password_hash, "hash-1");

  auto again = store_->create_user({"", "ada@EXAMPLE.test", "Other"}, "");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::conflict);

  ASSERT_TRUE(store_->set_password_hash(u->id, "hash-2").ok());
  EXPECT_EQ(store_->user_by_id(u->id)->password_hash, "hash-2");
  EXPECT_EQ(store_->set_password_hash("usr_nope", "x").error().code, ErrorCode::not_found);
}

TEST_P(Catalog, MembershipsGiveRolesPerBusiness) {
  auto a = make_business("alpha");
  auto b = make_business("beta");
  auto u = store_->create_user({"", "m@example.test", "Max"}, "").value();
  ASSERT_TRUE(store_->set_membership({a.id, u.id, core::Role::manager}, staff_).ok());
  ASSERT_TRUE(store_->set_membership({b.id, u.id, core::Role::provider}, staff_).ok());

  EXPECT_EQ(store_->role_in(u.id, a.id), core::Role::manager);
  EXPECT_EQ(store_->role_in(u.id, b.id), core::Role::provider);
  EXPECT_EQ(store_->memberships_of(u.id).size(), 2u);
  auto staff = store_->staff_of(a.id);
  ASSERT_EQ(staff.size(), 1u);
  EXPECT_EQ(staff[0].user.email, "m@example.test");
  EXPECT_EQ(staff[0].role, core::Role::manager);

  ASSERT_TRUE(store_->remove_membership(b.id, u.id, staff_).ok());
  EXPECT_FALSE(store_->role_in(u.id, b.id));
  EXPECT_EQ(store_->remove_membership(b.id, u.id, staff_).error().code, ErrorCode::not_found);
}

TEST_P(Catalog, BusinessNeverLosesItsLastOwner) {
  auto biz = make_business();
  auto owner = store_->create_user({"", "o@example.test", "Olive"}, "").value();
  auto second = store_->create_user({"", "p@example.test", "Pat"}, "").value();
  ASSERT_TRUE(store_->set_membership({biz.id, owner.id, core::Role::owner}, staff_).ok());

  auto demote = store_->set_membership({biz.id, owner.id, core::Role::manager}, staff_);
  ASSERT_FALSE(demote.ok());
  EXPECT_EQ(demote.error().code, ErrorCode::policy);
  auto remove = store_->remove_membership(biz.id, owner.id, staff_);
  ASSERT_FALSE(remove.ok());
  EXPECT_EQ(remove.error().code, ErrorCode::policy);
  EXPECT_EQ(store_->role_in(owner.id, biz.id), core::Role::owner);

  // With a second owner the first may step down.
  ASSERT_TRUE(store_->set_membership({biz.id, second.id, core::Role::owner}, staff_).ok());
  ASSERT_TRUE(store_->set_membership({biz.id, owner.id, core::Role::manager}, staff_).ok());
  EXPECT_EQ(store_->remove_membership(biz.id, second.id, staff_).error().code, ErrorCode::policy);
}

TEST_P(Catalog, ExpiredSessionIsNotFound) {
  auto u = store_->create_user({"", "s@example.test", "Sam"}, "").value();
  ASSERT_TRUE(store_->create_session({"hash-abc", u.id, "csrf-1", at(kDay0 + 3600)}).ok());
  auto live = store_->session_by_hash("hash-abc", at(kDay0));
  ASSERT_TRUE(live);
  EXPECT_EQ(live->user_id, u.id);
  EXPECT_EQ(live->csrf_token, "csrf-1");
  EXPECT_FALSE(store_->session_by_hash("hash-abc", at(kDay0 + 3600)));
  ASSERT_TRUE(store_->delete_session("hash-abc").ok());
  EXPECT_FALSE(store_->session_by_hash("hash-abc", at(kDay0)));
}

TEST_P(Catalog, ApiTokensAreFoundByHashAndScopedToTheirBusiness) {
  auto biz = make_business("alpha");
  auto other = make_business("beta");
  auto u = store_->create_user({"", "t@example.test", "Tia"}, "").value();
  ASSERT_TRUE(store_->set_membership({biz.id, u.id, core::Role::manager}, staff_).ok());

  ApiToken t;
  t.business_id = biz.id;
  t.user_id = u.id;
  t.name = "ci";
  t.role = core::Role::provider;
  t.token_hash = "sha-of-secret";
  auto created = store_->create_api_token(t, staff_);
  ASSERT_TRUE(created.ok());
  EXPECT_TRUE(created->id.starts_with("tok_"));

  auto found = store_->api_token_by_hash("sha-of-secret");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, created->id);
  EXPECT_EQ(found->role, core::Role::provider);
  EXPECT_FALSE(found->last_used_at);
  store_->touch_api_token(created->id, at(kDay0));
  EXPECT_EQ(store_->api_token_by_hash("sha-of-secret")->last_used_at, at(kDay0));

  EXPECT_EQ(store_->api_tokens_of(biz.id).size(), 1u);
  EXPECT_TRUE(store_->api_tokens_of(other.id).empty());
  EXPECT_EQ(store_->delete_api_token(other.id, created->id, staff_).error().code, ErrorCode::not_found);
  ASSERT_TRUE(store_->delete_api_token(biz.id, created->id, staff_).ok());
  EXPECT_FALSE(store_->api_token_by_hash("sha-of-secret"));
}

TEST_P(Catalog, ProviderRoundTripsWithHoursOverridesAndTimeOff) {
  auto biz = make_business();
  core::Provider p;
  p.business_id = biz.id;
  p.name = "Dr Lin";
  p.zone = "Asia/Kolkata";
  p.weekly[0] = {{9 * 60, 12 * 60}, {13 * 60, 17 * 60}};
  p.weekly[4] = {{10 * 60, 14 * 60}};
  p.overrides = {{"", core::LocalDate{std::chrono::year(2030), std::chrono::January, std::chrono::day(9)}, {}}};
  p.time_off = {{"", span(kDay0, kDay0 + 86400), "holiday"}};
  auto created = store_->create_provider(p, staff_);
  ASSERT_TRUE(created.ok());
  EXPECT_TRUE(created->id.starts_with("prv_"));

  auto read = store_->provider(biz.id, created->id);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->name, "Dr Lin");
  EXPECT_EQ(read->zone, "Asia/Kolkata");
  EXPECT_EQ(read->weekly, p.weekly);
  ASSERT_EQ(read->overrides.size(), 1u);
  EXPECT_TRUE(read->overrides[0].id.starts_with("ovr_"));
  EXPECT_TRUE(read->overrides[0].ranges.empty());  // closed that day
  ASSERT_EQ(read->time_off.size(), 1u);
  EXPECT_EQ(read->time_off[0].span, span(kDay0, kDay0 + 86400));
  EXPECT_EQ(read->time_off[0].reason, "holiday");

  core::WeeklyHours weekly{};
  weekly[2] = {{8 * 60, 24 * 60}};
  ASSERT_TRUE(store_->set_weekly_hours(biz.id, created->id, weekly, staff_).ok());
  EXPECT_EQ(store_->provider(biz.id, created->id)->weekly, weekly);
}

TEST_P(Catalog, PuttingAnOverrideForTheSameDateReplacesIt) {
  auto biz = make_business();
  auto p = make_provider(biz.id);
  core::LocalDate date{std::chrono::year(2030), std::chrono::March, std::chrono::day(31)};
  auto first = store_->put_override(biz.id, p.id, {"", date, {{9 * 60, 10 * 60}}}, staff_);
  ASSERT_TRUE(first.ok());
  auto second = store_->put_override(biz.id, p.id, {"", date, {{14 * 60, 15 * 60}, {16 * 60, 17 * 60}}}, staff_);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->id, first->id);

  auto read = store_->provider(biz.id, p.id).value();
  ASSERT_EQ(read.overrides.size(), 1u);
  EXPECT_EQ(read.overrides[0].ranges, (std::vector<core::TimeRange>{{14 * 60, 15 * 60}, {16 * 60, 17 * 60}}));

  ASSERT_TRUE(store_->delete_override(biz.id, p.id, first->id, staff_).ok());
  EXPECT_TRUE(store_->provider(biz.id, p.id)->overrides.empty());
  EXPECT_EQ(store_->delete_override(biz.id, p.id, first->id, staff_).error().code, ErrorCode::not_found);

  auto off = store_->add_time_off(biz.id, p.id, {"", span(kDay0, kDay0 + 7200), "dentist"}, staff_);
  ASSERT_TRUE(off.ok());
  EXPECT_TRUE(off->id.starts_with("off_"));
  ASSERT_TRUE(store_->delete_time_off(biz.id, p.id, off->id, staff_).ok());
  EXPECT_TRUE(store_->provider(biz.id, p.id)->time_off.empty());
}

TEST_P(Catalog, AnotherBusinessCannotReachProvidersOrServices) {
  auto mine = make_business("mine");
  auto theirs = make_business("theirs");
  auto p = make_provider(mine.id);
  auto s = make_service(mine.id, {p.id});

  EXPECT_EQ(store_->provider(theirs.id, p.id).error().code, ErrorCode::not_found);
  EXPECT_EQ(store_->service(theirs.id, s.id).error().code, ErrorCode::not_found);
  EXPECT_EQ(store_->set_weekly_hours(theirs.id, p.id, {}, staff_).error().code, ErrorCode::not_found);
  EXPECT_EQ(store_->add_time_off(theirs.id, p.id, {"", span(kDay0, kDay0 + 60), ""}, staff_).error().code,
            ErrorCode::not_found);
  EXPECT_EQ(store_->delete_provider(theirs.id, p.id, staff_).error().code, ErrorCode::not_found);
  EXPECT_EQ(store_->delete_service(theirs.id, s.id, staff_).error().code, ErrorCode::not_found);
  core::Provider hijack = p;
  hijack.business_id = theirs.id;
  EXPECT_EQ(store_->update_provider(hijack, staff_).error().code, ErrorCode::not_found);
  EXPECT_TRUE(store_->providers_of(theirs.id).empty());
  EXPECT_TRUE(store_->services_of(theirs.id).empty());

  // A service of one business cannot list another business's provider.
  core::Service foreign;
  foreign.business_id = theirs.id;
  foreign.name = "Borrowed";
  foreign.provider_ids = {p.id};
  auto r = store_->create_service(foreign, staff_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::invalid);
  EXPECT_EQ(store_->provider(mine.id, p.id)->name, "Dr Ada");
}

TEST_P(Catalog, ServiceRoundTripsWithProvidersAndQuestions) {
  auto biz = make_business();
  auto p1 = make_provider(biz.id, "One");
  auto p2 = make_provider(biz.id, "Two");
  core::Service s;
  s.business_id = biz.id;
  s.name = "Therapy";
  s.duration_minutes = 50;
  s.buffer_before_minutes = 5;
  s.buffer_after_minutes = 10;
  s.min_notice_minutes = 120;
  s.booking_window_days = 30;
  s.slot_interval_minutes = 15;
  s.max_per_day = 4;
  s.provider_ids = {p2.id, p1.id};
  s.questions = {{"reason", "Why?", core::QuestionKind::long_text, true, {}},
                 {"mode", "Mode", core::QuestionKind::single_choice, false, {"video", "phone"}}};
  auto created = store_->create_service(s, staff_);
  ASSERT_TRUE(created.ok());
  EXPECT_TRUE(created->id.starts_with("svc_"));

  auto read = store_->service(biz.id, created->id).value();
  EXPECT_EQ(read.name, "Therapy");
  EXPECT_EQ(read.duration_minutes, 50);
  EXPECT_EQ(read.buffer_before_minutes, 5);
  EXPECT_EQ(read.buffer_after_minutes, 10);
  EXPECT_EQ(read.min_notice_minutes, 120);
  EXPECT_EQ(read.booking_window_days, 30);
  EXPECT_EQ(read.slot_interval_minutes, 15);
  EXPECT_EQ(read.max_per_day, 4);
  EXPECT_EQ(read.provider_ids, (std::vector<core::Id>{p2.id, p1.id}));
  ASSERT_EQ(read.questions.size(), 2u);
  EXPECT_EQ(read.questions[0].key, "reason");
  EXPECT_TRUE(read.questions[0].required);
  EXPECT_EQ(read.questions[0].kind, core::QuestionKind::long_text);
  EXPECT_EQ(read.questions[1].choices, (std::vector<std::string>{"video", "phone"}));

  read.questions.pop_back();
  read.provider_ids = {p1.id};
  read.name = "Short therapy";
  ASSERT_TRUE(store_->update_service(read, staff_).ok());
  auto updated = store_->service(biz.id, created->id).value();
  EXPECT_EQ(updated.name, "Short therapy");
  EXPECT_EQ(updated.provider_ids, (std::vector<core::Id>{p1.id}));
  EXPECT_EQ(updated.questions.size(), 1u);
}

TEST_P(Catalog, ProvidersByIdsReadsOnlyTheAskedProvidersOfTheBusinessWithSchedules) {
  auto biz = make_business();
  auto other = make_business("other");
  auto p1 = make_provider(biz.id, "One");
  auto p2 = make_provider(biz.id, "Two");
  auto p3 = make_provider(biz.id, "Three");
  auto theirs = make_provider(other.id, "Theirs");
  core::WeeklyHours w;
  w[2] = {core::TimeRange{9 * 60, 12 * 60}};
  ASSERT_TRUE(store_->set_weekly_hours(biz.id, p3.id, w, staff_).ok());
  ASSERT_TRUE(store_->delete_provider(biz.id, p2.id, staff_).ok());

  // In the order asked; deleted, unknown and other businesses' providers left out.
  auto got = store_->providers_by_ids(biz.id, {p3.id, "prv_nobody", p2.id, theirs.id, p1.id});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].id, p3.id);
  EXPECT_EQ(got[0].weekly[2], w[2]);
  EXPECT_EQ(got[1].id, p1.id);
  EXPECT_TRUE(store_->providers_by_ids(biz.id, {}).empty());
}

TEST_P(Catalog, DeletingAProviderUnlinksItFromServices) {
  auto biz = make_business();
  auto p1 = make_provider(biz.id, "One");
  auto p2 = make_provider(biz.id, "Two");
  auto s = make_service(biz.id, {p1.id, p2.id});
  ASSERT_TRUE(store_->delete_provider(biz.id, p1.id, staff_).ok());
  EXPECT_EQ(store_->provider(biz.id, p1.id).error().code, ErrorCode::not_found);
  EXPECT_EQ(store_->service(biz.id, s.id)->provider_ids, std::vector<core::Id>{p2.id});
  EXPECT_EQ(store_->providers_of(biz.id).size(), 1u);

  ASSERT_TRUE(store_->delete_service(biz.id, s.id, staff_).ok());
  EXPECT_EQ(store_->service(biz.id, s.id).error().code, ErrorCode::not_found);
  EXPECT_TRUE(store_->services_of(biz.id).empty());
}

TEST_P(Catalog, ProvidersAndServicesWithConfirmedBookingsCannotBeDeleted) {
  auto biz = make_business();
  auto p = make_provider(biz.id);
  auto s = make_service(biz.id, {p.id});
  auto booked = store_->create_booking(booking_request(s, {p.id}, kDay0 + 10 * kHour), {"consumer"});
  ASSERT_TRUE(booked.ok());

  EXPECT_EQ(store_->delete_provider(biz.id, p.id, staff_).error().code, ErrorCode::conflict);
  EXPECT_EQ(store_->delete_service(biz.id, s.id, staff_).error().code, ErrorCode::conflict);
  EXPECT_TRUE(store_->provider(biz.id, p.id).ok());

  ASSERT_TRUE(store_->set_booking_status(booked->id, core::BookingStatus::cancelled, "", staff_).ok());
  EXPECT_TRUE(store_->delete_service(biz.id, s.id, staff_).ok());
  EXPECT_TRUE(store_->delete_provider(biz.id, p.id, staff_).ok());
  // The cancelled booking still names what was booked.
  EXPECT_EQ(store_->booking(booked->id)->provider_id, p.id);
}

TEST_P(Catalog, StaffChangesAreAuditedNewestFirst) {
  auto biz = make_business();
  auto p = make_provider(biz.id);
  ASSERT_TRUE(store_->set_weekly_hours(biz.id, p.id, {}, {"user:usr_boss"}).ok());
  auto s = make_service(biz.id, {p.id});
  s.name = "Renamed";
  ASSERT_TRUE(store_->update_service(s, staff_).ok());

  auto log = store_->audit_log(biz.id, 10, 0);
  ASSERT_EQ(log.size(), 5u);
  EXPECT_EQ(log[0].action, "service.update");
  EXPECT_EQ(log[0].target, "service:" + s.id);
  EXPECT_EQ(log[1].action, "service.create");
  EXPECT_EQ(log[2].action, "hours.set");
  EXPECT_EQ(log[2].actor, "user:usr_boss");
  EXPECT_EQ(log[3].action, "provider.create");
  EXPECT_EQ(log[4].action, "business.create");
  EXPECT_TRUE(log[0].id.starts_with("aud_"));
  EXPECT_EQ(log[0].at, at(clock_.load()));

  auto page = store_->audit_log(biz.id, 2, 2);
  ASSERT_EQ(page.size(), 2u);
  EXPECT_EQ(page[0].action, "hours.set");
  EXPECT_TRUE(store_->audit_log(make_business("other").id, 10, 0).size() == 1u);  // its own creation only
}

TEST_P(Catalog, FailedChangeLeavesNoAuditEntry) {
  auto biz = make_business();
  auto owner = store_->create_user({"", "o@example.test", "Olive"}, "").value();
  ASSERT_TRUE(store_->set_membership({biz.id, owner.id, core::Role::owner}, staff_).ok());
  auto before = store_->audit_log(biz.id, 50, 0).size();
  ASSERT_FALSE(store_->remove_membership(biz.id, owner.id, staff_).ok());
  EXPECT_EQ(store_->audit_log(biz.id, 50, 0).size(), before);
}

VISITD_STORE_CONTRACT(Catalog);

}  // namespace
}  // namespace visitd::store::testing
