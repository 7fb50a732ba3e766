#pragma once
// Secrets and tokens: argon2id passwords (libsodium), random tokens and ids, SHA-256
// digests of bearer secrets, HMAC-signed capability links. Nothing here logs.
#include <optional>
#include <string>
#include <string_view>

namespace visitd::security {

// Must be called once before anything else here (sodium_init); idempotent.
void init();

std::string hash_password(std::string_view password);  // argon2id, encoded
bool verify_password(std::string_view password, const std::string& encoded);

std::string random_token(std::size_t bytes = 32);  // base64url, no padding
std::string random_id(std::string_view prefix);    // e.g. "bk_" + 20 base32 chars
std::string sha256_hex(std::string_view data);
std::string hmac_sha256_base64url(std::string_view key, std::string_view data);
std::string base64url_encode(std::string_view data);
std::optional<std::string> base64url_decode(std::string_view text);
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace visitd::security
