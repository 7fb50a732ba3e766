#include "core/reminder_plan.hpp"

#include <gtest/gtest.h>

#include "core_test_support.hpp"

namespace visitd::core {
namespace {

using testing::at;

PlanInput input(BookingEvent event) {
  PlanInput in;
  in.event = event;
  in.time = {at("2030-01-10T15:00:00Z"), at("2030-01-10T15:30:00Z")};
  in.now = at("2030-01-07T09:00:00Z");
  return in;
}

std::vector<PlannedMessage> of_kind(const std::vector<PlannedMessage>& all, MessageKind k) {
  std::vector<PlannedMessage> out;
  for (const auto& m : all)
    if (m.kind == k) out.push_back(m);
  return out;
}

TEST(ReminderPlan, CreatedPlansConfirmationNowAndRemindersAtOffsets) {
  auto plan = plan_messages(input(BookingEvent::created));
  auto confirmations = of_kind(plan, MessageKind::confirmation);
  ASSERT_EQ(confirmations.size(), 2u);  // consumer email + provider email; no SMS without consent
  for (const auto& m : confirmations) {
    EXPECT_EQ(m.due_at, at("2030-01-07T09:00:00Z"));
    EXPECT_EQ(m.channel, Channel::email);
  }
  auto reminders = of_kind(plan, MessageKind::reminder);
  ASSERT_EQ(reminders.size(), 2u);
  EXPECT_EQ(reminders[0].due_at, at("2030-01-09T15:00:00Z"));
  EXPECT_EQ(reminders[0].offset_minutes, 1440);
  EXPECT_EQ(reminders[1].due_at, at("2030-01-10T14:00:00Z"));
  EXPECT_EQ(reminders[1].recipient, Recipient::consumer);
}

TEST(ReminderPlan, SmsOnlyWithConsent) {
  auto in = input(BookingEvent::created);
  in.consumer_sms_allowed = true;
  auto plan = plan_messages(in);
  int sms = 0;
  for (const auto& m : plan) sms += m.channel == Channel::sms;
  EXPECT_EQ(sms, 3);  // confirmation + two reminders
}

TEST(ReminderPlan, RemindersAlreadyPastAtBookingAreSkipped) {
  auto in = input(BookingEvent::created);
  in.now = at("2030-01-10T12:00:00Z");  // 3 h before: the 24 h reminder is past, the 1 h one is not
  auto reminders = of_kind(plan_messages(in), MessageKind::reminder);
  ASSERT_EQ(reminders.size(), 1u);
  EXPECT_EQ(reminders[0].offset_minutes, 60);
}

TEST(ReminderPlan, CancellationPlansOnlyTheNotice) {
  auto in = input(BookingEvent::cancelled);
  in.sequence = 3;
  auto plan = plan_messages(in);
  ASSERT_EQ(plan.size(), 2u);
  for (const auto& m : plan) {
    EXPECT_EQ(m.kind, MessageKind::cancellation);
    EXPECT_EQ(m.sequence, 3);
  }
}

TEST(ReminderPlan, RescheduleReplansRemindersForTheNewTime) {
  auto in = input(BookingEvent::rescheduled);
  in.time = {at("2030-01-12T10:00:00Z"), at("2030-01-12T10:30:00Z")};
  in.sequence = 1;
  auto plan = plan_messages(in);
  EXPECT_EQ(of_kind(plan, MessageKind::reschedule).size(), 2u);
  auto reminders = of_kind(plan, MessageKind::reminder);
  ASSERT_EQ(reminders.size(), 2u);
  EXPECT_EQ(reminders[0].due_at, at("2030-01-11T10:00:00Z"));
  EXPECT_EQ(reminders[1].sequence, 1);
}

TEST(ReminderPlan, PolicyDecidesRoutesAndOffsets) {
  auto in = input(BookingEvent::created);
  in.policy.confirmation = {{Recipient::provider, Channel::email}};
  in.policy.reminder = {{Recipient::consumer, Channel::email}, {Recipient::provider, Channel::email}};
  in.policy.reminder_offsets_minutes = {120};
  auto plan = plan_messages(in);
  ASSERT_EQ(of_kind(plan, MessageKind::confirmation).size(), 1u);
  EXPECT_EQ(of_kind(plan, MessageKind::confirmation)[0].recipient, Recipient::provider);
  auto reminders = of_kind(plan, MessageKind::reminder);
  ASSERT_EQ(reminders.size(), 2u);
  EXPECT_EQ(reminders[0].due_at, at("2030-01-10T13:00:00Z"));
}

TEST(ReminderPlan, ProviderSmsAndConsumerWithoutEmailAreNeverPlanned) {
  auto in = input(BookingEvent::created);
  in.consumer_has_email = false;
  in.policy.confirmation = {{Recipient::provider, Channel::sms}, {Recipient::consumer, Channel::email}};
  in.policy.reminder_offsets_minutes = {};
  EXPECT_TRUE(plan_messages(in).empty());
}

TEST(ReminderPlan, ValidatePolicyNamesTheBadOffset) {
  NotificationPolicy p;
  p.reminder_offsets_minutes = {60, 0};
  auto bad = validate_policy(p);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields[0].field, "reminderOffsetsMinutes[1]");
  p.reminder_offsets_minutes = {60, 60};
  EXPECT_FALSE(validate_policy(p).ok());
  p.reminder_offsets_minutes = {1440, 60};
  EXPECT_TRUE(validate_policy(p).ok());
}

TEST(ReminderPlan, ValidatePolicyNamesEveryBadRoute) {
  NotificationPolicy p;
  p.confirmation = {{Recipient::consumer, Channel::email}, {Recipient::provider, Channel::sms}};
  p.reminder = {{Recipient::consumer, Channel::sms}, {Recipient::consumer, Channel::sms}};
  p.reminder_offsets_minutes = {0};
  auto bad = validate_policy(p);
  ASSERT_FALSE(bad.ok());
  std::vector<std::string> fields;
  for (const auto& f : bad.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"confirmation[1]", "reminder[1]", "reminderOffsetsMinutes[0]"}));
  EXPECT_EQ(bad.error().fields[0].message, "providers have no phone on record: SMS goes to consumers only");
  EXPECT_EQ(bad.error().fields[1].message, "is listed twice");
}

// Fault J-3: staff move a booking from Alice to Bob at the same time.
TEST(ReminderPlan, MoveToAnotherProviderCancelsForTheOldAndConfirmsForTheNew) {
  auto in = input(BookingEvent::rescheduled);
  in.provider_id = "pr_bob";
  in.previous_provider_id = "pr_alice";
  in.time_changed = false;
  in.sequence = 1;
  auto plan = plan_messages(in);
  auto cancellations = of_kind(plan, MessageKind::cancellation);
  ASSERT_EQ(cancellations.size(), 1u);
  EXPECT_EQ(cancellations[0].recipient, Recipient::provider);
  EXPECT_EQ(cancellations[0].provider_id, "pr_alice");
  EXPECT_EQ(cancellations[0].sequence, 1);
  auto confirmations = of_kind(plan, MessageKind::confirmation);
  ASSERT_EQ(confirmations.size(), 1u);
  EXPECT_EQ(confirmations[0].provider_id, "pr_bob");
  auto notices = of_kind(plan, MessageKind::reschedule);
  ASSERT_EQ(notices.size(), 1u);  // the consumer's, saying what changed
  EXPECT_EQ(notices[0].recipient, Recipient::consumer);
  EXPECT_TRUE(notices[0].provider_changed);
  EXPECT_FALSE(notices[0].time_changed);
}

TEST(ReminderPlan, MoveOfTimeAndProviderTogetherSaysBoth) {
  auto in = input(BookingEvent::rescheduled);
  in.provider_id = "pr_bob";
  in.previous_provider_id = "pr_alice";
  auto notices = of_kind(plan_messages(in), MessageKind::reschedule);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_TRUE(notices[0].provider_changed);
  EXPECT_TRUE(notices[0].time_changed);
}

TEST(ReminderPlan, TimeOnlyMoveTellsTheSameProviderOfTheNewTime) {
  auto in = input(BookingEvent::rescheduled);
  in.provider_id = "pr_alice";
  in.previous_provider_id = "pr_alice";
  auto plan = plan_messages(in);
  auto notices = of_kind(plan, MessageKind::reschedule);
  ASSERT_EQ(notices.size(), 2u);
  for (const auto& m : notices) {
    EXPECT_TRUE(m.time_changed);
    EXPECT_FALSE(m.provider_changed);
  }
  EXPECT_TRUE(of_kind(plan, MessageKind::cancellation).empty());
  EXPECT_TRUE(of_kind(plan, MessageKind::confirmation).empty());
}

SentBefore reminder_row(const char* due, bool pending, bool sent, Channel ch = Channel::email) {
  return {MessageKind::reminder, ch, Recipient::consumer, "", at(due), sent, pending};
}

// Fault J-5: booking at 15:30Z, reminders 24 h and 1 h before, visitd down until 14:35Z.
TEST(ReminderPlan, OverdueReminderOvertakenByALaterDueOneIsSkipped) {
  const Instant now = at("2030-01-10T14:35:00Z");
  const Instant day_before = at("2030-01-09T15:30:00Z");
  const Instant hour_before = at("2030-01-10T14:30:00Z");
  // The 24 h one sees the 1 h one due too: it is overtaken; the 1 h one is not.
  EXPECT_TRUE(reminder_overtaken(day_before, Channel::email, Recipient::consumer,
                                 {reminder_row("2030-01-10T14:30:00Z", true, false)}, now));
  EXPECT_FALSE(reminder_overtaken(hour_before, Channel::email, Recipient::consumer,
                                  {reminder_row("2030-01-09T15:30:00Z", true, false)}, now));
  // Already sent later one (it went first): still overtaken.
  EXPECT_TRUE(reminder_overtaken(day_before, Channel::email, Recipient::consumer,
                                 {reminder_row("2030-01-10T14:30:00Z", false, true)}, now));
}

TEST(ReminderPlan, ReminderIsNotOvertakenByOneNotYetDueOrOnAnotherChannel) {
  const Instant now = at("2030-01-10T12:00:00Z");
  const Instant day_before = at("2030-01-09T15:30:00Z");
  EXPECT_FALSE(reminder_overtaken(day_before, Channel::email, Recipient::consumer,
                                  {reminder_row("2030-01-10T14:30:00Z", true, false)}, now));
  EXPECT_FALSE(reminder_overtaken(day_before, Channel::email, Recipient::consumer,
                                  {reminder_row("2030-01-10T11:30:00Z", true, false, Channel::sms)}, now));
  // A withdrawn later reminder (neither pending nor sent) overtakes nothing.
  EXPECT_FALSE(reminder_overtaken(day_before, Channel::email, Recipient::consumer,
                                  {reminder_row("2030-01-10T11:30:00Z", false, false)}, now));
}

// Fault J-7: the confirmation was withdrawn before it went out.
TEST(ReminderPlan, RecipientWasToldOnlyByAnInviteThatWentOut) {
  const SentBefore withdrawn{
      MessageKind::confirmation, Channel::email, Recipient::consumer, "", at("2030-01-07T09:00:00Z"), false, false};
  EXPECT_FALSE(recipient_was_told(Channel::email, Recipient::consumer, "", {withdrawn}));
  SentBefore sent = withdrawn;
  sent.sent = true;
  EXPECT_TRUE(recipient_was_told(Channel::email, Recipient::consumer, "", {sent}));
  EXPECT_FALSE(recipient_was_told(Channel::sms, Recipient::consumer, "", {sent}));
  // Alice's copy went out; Bob (the new provider) was never told.
  SentBefore alice{MessageKind::confirmation,
                   Channel::email,
                   Recipient::provider,
                   "pr_alice",
                   at("2030-01-07T09:00:00Z"),
                   true,
                   false};
  EXPECT_TRUE(recipient_was_told(Channel::email, Recipient::provider, "pr_alice", {alice}));
  EXPECT_FALSE(recipient_was_told(Channel::email, Recipient::provider, "pr_bob", {alice}));
}

TEST(LinksNotice, TheConfirmationAgainToTheConsumerOnTheirChannelsDueNow) {
  const Instant now = *parse_rfc3339("2026-12-01T09:00:00Z");
  auto both = plan_links_notice(true, true, now, 2);
  ASSERT_EQ(both.size(), 2u);
  for (const auto& m : both) {
    EXPECT_EQ(m.kind, MessageKind::confirmation);
    EXPECT_EQ(m.recipient, Recipient::consumer);
    EXPECT_EQ(m.due_at, now);
    EXPECT_EQ(m.sequence, 2);
  }
  EXPECT_EQ(both[0].channel, Channel::email);
  EXPECT_EQ(both[1].channel, Channel::sms);
  EXPECT_EQ(plan_links_notice(false, true, now, 0).size(), 1u);
  EXPECT_TRUE(plan_links_notice(false, false, now, 0).empty());
}

}  // namespace
}  // namespace visitd::core
