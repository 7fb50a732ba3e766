// Webhooks in domain terms: which event types exist and what an attempt's answer means.
#include <gtest/gtest.h>

#include "core/webhook_policy.hpp"

namespace visitd::core {
namespace {

TEST(WebhookPolicy, EventTypesMustBeKnownNonEmptyAndUnrepeated) {
  EXPECT_TRUE(validate_webhook_event_types({"booking.created", "room.ended", "message.failed"}).ok());
  for (const auto& bad : std::vector<std::vector<std::string>>{
           {}, {"booking.exploded"}, {"booking.created", "booking.created"}, {"Booking.Created"}}) {
    auto s = validate_webhook_event_types(bad);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().fields.at(0).field, "eventTypes");
  }
}

TEST(WebhookPolicy, A2xxDeliversA410FailsAndOtherAnswersRetryUntilTheAttemptsRunOut) {
  EXPECT_EQ(judge_attempt(200, 1, 8), AttemptVerdict::delivered);
  EXPECT_EQ(judge_attempt(204, 8, 8), AttemptVerdict::delivered);
  EXPECT_EQ(judge_attempt(410, 1, 8), AttemptVerdict::failed);
  EXPECT_EQ(judge_attempt(500, 1, 8), AttemptVerdict::retry);
  EXPECT_EQ(judge_attempt(0, 7, 8), AttemptVerdict::retry);    // no answer: timeout or refused connection
  EXPECT_EQ(judge_attempt(301, 2, 8), AttemptVerdict::retry);  // redirects are not followed
  EXPECT_EQ(judge_attempt(503, 8, 8), AttemptVerdict::failed);
}

}  // namespace
}  // namespace visitd::core
