#pragma once
// The production IdGenerator: prefix + 20 random base32 characters (100 bits from
// libsodium), so ids cannot be guessed or enumerated. Call security::init() first.
#include "core/ids.hpp"
#include "security/crypto.hpp"

namespace visitd::security {

class RandomIds final : public core::IdGenerator {
 public:
  core::Id next(std::string_view prefix) override { return random_id(prefix); }
};

}  // namespace visitd::security
