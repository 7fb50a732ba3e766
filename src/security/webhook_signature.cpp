#include "security/webhook_signature.hpp"

#include <sodium.h>

#include <array>

#include "security/crypto.hpp"

namespace visitd::security {
namespace {

constexpr std::string_view kPrefix = "whsec_";
constexpr int kVariant = sodium_base64_VARIANT_ORIGINAL;

std::string base64(const unsigned char* data, std::size_t size) {
  std::string out(sodium_base64_encoded_len(size, kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, kVariant);
  out.resize(out.size() - 1);  // the encoded length counts the terminating NUL
  return out;
}

}  // namespace

std::string new_webhook_secret() {
  init();
  std::array<unsigned char, 24> key{};
  randombytes_buf(key.data(), key.size());
  std::string secret = std::string(kPrefix) + base64(key.data(), key.size());
  sodium_memzero(key.data(), key.size());
  return secret;
}

std::optional<std::string> webhook_signature(std::string_view secret, std::string_view message_id,
                                             std::int64_t timestamp, std::string_view body) {
  init();
  if (secret.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  secret.remove_prefix(kPrefix.size());
  std::string key(secret.size() * 3 / 4 + 1, '\0');
  std::size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(key.data()), key.size(), secret.data(), secret.size(), nullptr,
                        &len, &end, kVariant) != 0 ||
      end != secret.data() + secret.size() || len == 0) {
    return std::nullopt;
  }
  key.resize(len);
  const std::string head = std::string(message_id) + "." + std::to_string(timestamp) + ".";
  crypto_auth_hmacsha256_state state;
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(head.data()), head.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()), body.size());
  crypto_auth_hmacsha256_final(&state, mac.data());
  sodium_memzero(&state, sizeof state);
  sodium_memzero(key.data(), key.size());
  return "v1," + base64(mac.data(), mac.size());
}

}  // namespace visitd::security
