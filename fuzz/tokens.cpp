// Capability links (manage, join) and room tokens: arbitrary text never verifies (the
// signature is HMAC-SHA256 with a secret the fuzzer does not know) and never crashes; a token
// signed from decoded claims verifies to the same claims.
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "live/room_token.hpp"
#include "security/capability.hpp"

using namespace visitd;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const core::Instant now{std::chrono::seconds{1'790'000'000}};
  const security::CapabilitySigner links("fuzz-secret-0123456789");
  const live::RoomTokenSigner rooms("fuzz-secret-0123456789");
  for (auto kind : {security::CapabilityKind::manage, security::CapabilityKind::join}) {
    if (links.verify(text, kind, now) || links.decode(text, kind)) std::abort();  // forged
  }
  if (rooms.verify(text, now)) std::abort();
  // The same text as claims: what we sign, we verify, and room and link tokens never cross.
  // ('|' separates the claims; server-minted ids never hold one.)
  if (text.find('|') != std::string::npos) return 0;
  security::Capability c{security::CapabilityKind::manage, text, 1, now + std::chrono::hours(1)};
  const std::string link = links.sign(c);
  auto back = links.verify(link, security::CapabilityKind::manage, now);
  if (back && back->booking_id != text) std::abort();
  if (links.verify(link, security::CapabilityKind::join, now)) std::abort();
  if (rooms.verify(link, now)) std::abort();
  live::RoomClaims r{text, "guest-" + text, core::RoomRole::guest, now + std::chrono::minutes(15)};
  const std::string room = rooms.sign(r);
  if (links.decode(room, security::CapabilityKind::manage)) std::abort();
  return 0;
}
