// Issue I store role: webhook endpoints and their deliveries (WebhookStore), on every backend.
#include "store/webhooks.hpp"
#include "store_fixture.hpp"

namespace visitd::store::testing {
namespace {

class Webhooks : public StoreContractTest {
 protected:
  void SetUp() override {
    StoreContractTest::SetUp();
    biz_ = make_business();
  }
  WebhookStore& hooks() { return *store_; }
  WebhookEndpoint endpoint(std::vector<std::string> types, bool enabled = true, const core::Id& business = {}) {
    WebhookEndpoint e;
    e.business_id = business.empty() ? biz_.id : business;
    e.url = "https://hooks.example.test/visitd";
    e.event_types = std::move(types);
    e.secret = "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=";
    e.enabled = enabled;
    auto created = hooks().create_webhook(e, staff_);
    EXPECT_TRUE(created.ok());
    return created.value();
  }
  int enqueue(const std::string& type, const std::string& subject, const std::string& payload) {
    return hooks().enqueue_webhook_event(WebhookEvent{biz_.id, type, subject, payload}, at(clock_.load()));
  }
  std::vector<WebhookDelivery> claim(const std::string& owner = "w1", int limit = 50) {
    return hooks().claim_webhook_deliveries(owner, at(clock_.load()), core::Seconds(60), limit);
  }
  WebhookOutcome outcome(DeliveryStatus s, int code, std::optional<std::int64_t> retry_at = std::nullopt) {
    WebhookOutcome o;
    o.status = s;
    o.attempt =
        WebhookAttempt{at(clock_.load()), code, 12, code >= 200 && code < 300 ? "" : "HTTP " + std::to_string(code)};
    if (retry_at) o.retry_at = at(*retry_at);
    return o;
  }

  core::Business biz_;
};

TEST_P(Webhooks, EndpointsAreCreatedListedPatchedAndDeletedWithinTheirBusiness) {
  auto e = endpoint({"booking.created", "booking.cancelled"});
  EXPECT_FALSE(e.id.empty());
  auto listed = hooks().webhooks_of(biz_.id);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].event_types, (std::vector<std::string>{"booking.created", "booking.cancelled"}));
  EXPECT_EQ(listed[0].secret, e.secret);
  auto other = make_business("other");
  EXPECT_EQ(hooks().webhook(other.id, e.id).error().code, core::ErrorCode::not_found);
  WebhookEndpointPatch patch;
  patch.enabled = false;
  patch.event_types = std::vector<std::string>{"room.ended"};
  auto changed = hooks().update_webhook(biz_.id, e.id, patch, staff_);
  ASSERT_TRUE(changed.ok());
  EXPECT_FALSE(changed->enabled);
  EXPECT_EQ(changed->url, e.url);
  EXPECT_EQ(hooks().webhook(biz_.id, e.id)->event_types, std::vector<std::string>{"room.ended"});
  EXPECT_EQ(hooks().delete_webhook(other.id, e.id, staff_).error().code, core::ErrorCode::not_found);
  ASSERT_TRUE(hooks().delete_webhook(biz_.id, e.id, staff_).ok());
  EXPECT_TRUE(hooks().webhooks_of(biz_.id).empty());
  auto log = store_->audit_log(biz_.id, 10, 0);
  ASSERT_GE(log.size(), 3u);
  EXPECT_EQ(log[0].action, "webhook.delete");
}

TEST_P(Webhooks, AnEventReachesOnlyEnabledEndpointsSubscribedToItsType) {
  auto created_only = endpoint({"booking.created"});
  endpoint({"booking.cancelled"});
  endpoint({"booking.created"}, false);
  EXPECT_EQ(enqueue("booking.created", "bk_1", "{}"), 1);
  auto claimed = claim();
  ASSERT_EQ(claimed.size(), 1u);
  EXPECT_EQ(claimed[0].endpoint_id, created_only.id);
  EXPECT_EQ(claimed[0].url, created_only.url);
  EXPECT_EQ(claimed[0].secret, created_only.secret);
  EXPECT_EQ(claimed[0].attempts, 1);
  EXPECT_EQ(claimed[0].payload, "{}");
}

TEST_P(Webhooks, ASubjectsLaterEventWaitsUntilItsEarlierOneIsSettled) {
  endpoint({"booking.created", "booking.cancelled"});
  enqueue("booking.created", "bk_1", "first");
  enqueue("booking.cancelled", "bk_1", "second");
  enqueue("booking.created", "bk_2", "other");
  auto first = claim();
  ASSERT_EQ(first.size(), 2u);  // bk_1's first and bk_2's only
  EXPECT_EQ(first[0].payload, "first");
  EXPECT_EQ(first[1].payload, "other");
  EXPECT_TRUE(claim("w2").empty());  // bk_1's second waits while its first is in flight
  // The first fails and is due again later: the second still waits behind it.
  ASSERT_TRUE(
      hooks().record_webhook_attempt(first[0].id, "w1", outcome(DeliveryStatus::pending, 500, clock_ + 30)).ok());
  EXPECT_TRUE(claim("w2").empty());
  clock_ += 31;
  auto again = claim("w2");
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].payload, "first");
  EXPECT_EQ(again[0].attempts, 2);
  ASSERT_TRUE(hooks().record_webhook_attempt(again[0].id, "w2", outcome(DeliveryStatus::delivered, 204)).ok());
  auto next = claim("w2");
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(next[0].payload, "second");
}

TEST_P(Webhooks, AnAttemptIsRecordedOnlyByTheLeaseHolderAndLogged) {
  auto e = endpoint({"booking.created"});
  enqueue("booking.created", "bk_1", "{}");
  auto claimed = claim("w1");
  ASSERT_EQ(claimed.size(), 1u);
  EXPECT_EQ(
      hooks().record_webhook_attempt(claimed[0].id, "intruder", outcome(DeliveryStatus::delivered, 200)).error().code,
      core::ErrorCode::not_found);
  ASSERT_TRUE(hooks().record_webhook_attempt(claimed[0].id, "w1", outcome(DeliveryStatus::delivered, 200)).ok());
  auto ds = hooks().webhook_deliveries(biz_.id, e.id, 10);
  ASSERT_TRUE(ds.ok());
  ASSERT_EQ(ds->size(), 1u);
  EXPECT_EQ((*ds)[0].status, DeliveryStatus::delivered);
  ASSERT_EQ((*ds)[0].log.size(), 1u);
  EXPECT_EQ((*ds)[0].log[0].response_code, 200);
  EXPECT_EQ((*ds)[0].log[0].latency_ms, 12);
  EXPECT_TRUE((*ds)[0].delivered_at.has_value());
}

TEST_P(Webhooks, AnExpiredLeaseIsClaimedAgainByAnotherOwner) {
  endpoint({"booking.created"});
  enqueue("booking.created", "bk_1", "{}");
  ASSERT_EQ(claim("w1").size(), 1u);
  EXPECT_TRUE(claim("w2").empty());
  clock_ += 61;
  auto taken = claim("w2");
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_EQ(taken[0].attempts, 2);
}

TEST_P(Webhooks, RedeliveryKeepsTheMessageIdAndPayloadAndGoesAfterWhatIsOwed) {
  auto e = endpoint({"booking.created"});
  enqueue("booking.created", "bk_1", "payload-1");
  auto claimed = claim();
  ASSERT_EQ(claimed.size(), 1u);
  ASSERT_TRUE(hooks().record_webhook_attempt(claimed[0].id, "w1", outcome(DeliveryStatus::failed, 410)).ok());
  auto other = make_business("other");
  EXPECT_EQ(hooks().redeliver_webhook(other.id, e.id, claimed[0].id, staff_).error().code, core::ErrorCode::not_found);
  EXPECT_EQ(hooks().redeliver_webhook(biz_.id, e.id, "whd_missing", staff_).error().code, core::ErrorCode::not_found);
  auto again = hooks().redeliver_webhook(biz_.id, e.id, claimed[0].id, staff_);
  ASSERT_TRUE(again.ok());
  EXPECT_NE(again->id, claimed[0].id);
  EXPECT_EQ(again->message_id, claimed[0].message_id);
  auto next = claim();
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(next[0].id, again->id);
  EXPECT_EQ(next[0].payload, "payload-1");
  EXPECT_EQ(next[0].attempts, 1);
  auto ds = hooks().webhook_deliveries(biz_.id, e.id, 10);
  ASSERT_EQ(ds->size(), 2u);
  EXPECT_EQ((*ds)[0].id, again->id);  // newest first
}

TEST_P(Webhooks, DisablingAnEndpointHoldsItsDeliveriesUntilEnabledAgain) {
  auto e = endpoint({"booking.created"});
  enqueue("booking.created", "bk_1", "{}");
  WebhookEndpointPatch off;
  off.enabled = false;
  ASSERT_TRUE(hooks().update_webhook(biz_.id, e.id, off, staff_).ok());
  EXPECT_TRUE(claim().empty());
  WebhookEndpointPatch on;
  on.enabled = true;
  ASSERT_TRUE(hooks().update_webhook(biz_.id, e.id, on, staff_).ok());
  EXPECT_EQ(claim().size(), 1u);
}

VISITD_STORE_CONTRACT(Webhooks);

}  // namespace
}  // namespace visitd::store::testing
