#pragma once
// Extension members of a refusal (RFC 9457 §3.2), without JSON: a tiny value tree that the
// edges render (http/problem.cpp as problem+json members, live as message fields). Instants
// stay instants so the edge formats them in the viewer's zone (RFC 3339 with offset).
#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace visitd::core {

// An instant is UTC seconds (core::Instant; spelled out here because core/time.hpp includes
// core/result.hpp, which includes this header).
using ExtensionInstant = std::chrono::sys_seconds;

struct ExtensionValue;
using ExtensionList = std::vector<ExtensionValue>;
using ExtensionMembers = std::vector<std::pair<std::string, ExtensionValue>>;  // in order

struct ExtensionValue {
  std::variant<std::string, std::int64_t, bool, ExtensionInstant, ExtensionList, ExtensionMembers> v;

  ExtensionValue(std::string s) : v(std::move(s)) {}       // NOLINT(google-explicit-constructor)
  ExtensionValue(const char* s) : v(std::string(s)) {}     // NOLINT(google-explicit-constructor)
  ExtensionValue(std::int64_t i) : v(i) {}                 // NOLINT(google-explicit-constructor)
  ExtensionValue(bool b) : v(b) {}                         // NOLINT(google-explicit-constructor)
  ExtensionValue(ExtensionInstant t) : v(t) {}             // NOLINT(google-explicit-constructor)
  ExtensionValue(ExtensionList l) : v(std::move(l)) {}     // NOLINT(google-explicit-constructor)
  ExtensionValue(ExtensionMembers m) : v(std::move(m)) {}  // NOLINT(google-explicit-constructor)
};

}  // namespace visitd::core
