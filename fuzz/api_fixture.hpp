#pragma once
// The real route table over an in-memory SQLite store seeded with the demo business, and a
// signed-in owner (session cookie + CSRF token), for the router and request fuzzers. Built
// once per process, in LLVMFuzzerInitialize (defined here: include this header from the one
// source file of a fuzz target), so libFuzzer's per-input timeout never counts it (seeding the
// demo hashes passwords with argon2id, seconds under ASan). The fuzzers call handlers directly,
// without sockets: `api_fixture()`.
#include <chrono>
#include <memory>
#include <string>

#include "app/demo.hpp"
#include "core/clock.hpp"
#include "http/auth.hpp"
#include "http/context.hpp"
#include "http/metrics.hpp"
#include "http/rate_limit.hpp"
#include "http/router.hpp"
#include "security/capability.hpp"
#include "security/crypto.hpp"
#include "service/event_sink.hpp"
#include "service/link_signer.hpp"
#include "service/use_cases.hpp"
#include "store/store.hpp"

namespace visitd::fuzz {

struct ApiFixture {
  core::ManualClock clock{core::Instant{std::chrono::seconds{1'796'000'000}}};  // late 2026
  std::unique_ptr<store::Store> store;
  security::CapabilitySigner signer{"fuzz-secret-0123456789"};
  service::CapabilityLinkSigner link_signer{signer};
  http::Metrics metrics;
  http::RateLimiter limiter{1'000'000, 1'000'000};
  service::NoEvents events;
  std::unique_ptr<service::UseCases> use;
  std::unique_ptr<http::ApiContext> ctx;
  http::Router router;
  std::string business_id;
  std::string cookie;  // "visitd_session=...": the owner's session
  std::string csrf;

  ApiFixture() {
    security::init();
    store = store::open_store(":memory:", [this] { return clock.now(); }).value();
    if (!store->migrate()) std::abort();
    auto demo = app::seed_demo(*store, clock.now());
    if (!demo) std::abort();
    business_id = demo->business_id;
    use = std::make_unique<service::UseCases>(service::Ports{*store, clock, link_signer, metrics, events},
                                              service::LinkSettings{});
    ctx = std::make_unique<http::ApiContext>(http::ApiContext{*use, metrics, limiter, limiter, clock, {}});
    // Webhooks: every signature passes, so the form decoders behind it are reached.
    ctx->settings.sms_signature_valid = [](const std::string&, const auto&, const std::string&) { return true; };
    http::register_api(router, *ctx);
    const std::string raw = "fuzz-session-cookie";
    csrf = "fuzz-csrf";
    auto owner = store->user_by_email(demo->logins.front().email);
    if (!owner) std::abort();
    if (!store->create_session(
            store::Session{security::sha256_hex(raw), owner->user.id, csrf, clock.now() + std::chrono::hours(24)})) {
      std::abort();
    }
    cookie = std::string(http::kSessionCookie) + "=" + raw;
  }
};

namespace detail {
inline ApiFixture* fixture = nullptr;
}  // namespace detail

// The process's fixture; built before the first input.
inline ApiFixture& api_fixture() { return *detail::fixture; }

}  // namespace visitd::fuzz

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  visitd::fuzz::detail::fixture = new visitd::fuzz::ApiFixture();
  return 0;
}
