#pragma once
// Where new record ids come from. Stores mint every id through one injected generator so
// production ids are random and unguessable (security::RandomIds) while tests can make them
// deterministic (SequentialIds). An id is `prefix` + opaque characters ([a-z0-9_]); callers
// never parse the part after the prefix.
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "core/model.hpp"

namespace visitd::core {

class IdGenerator {
 public:
  virtual ~IdGenerator() = default;
  // A new id never returned before by this generator, e.g. next("bk_") -> "bk_…".
  // Thread-safe.
  virtual Id next(std::string_view prefix) = 0;
};

// prefix + a 12-digit counter shared by all prefixes: "bk_000000000001", "usr_000000000002".
// Ids sort in the order they were minted, which tests may rely on.
class SequentialIds final : public IdGenerator {
 public:
  explicit SequentialIds(std::uint64_t first = 1) : next_(first) {}
  Id next(std::string_view prefix) override {
    char digits[24];
    std::snprintf(digits, sizeof digits, "%012llu", static_cast<unsigned long long>(next_.fetch_add(1)));
    return std::string(prefix) + digits;
  }

 private:
  std::atomic<std::uint64_t> next_;
};

}  // namespace visitd::core
