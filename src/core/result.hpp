#pragma once
// Errors as values: the core and the store return Result<T>; the HTTP edge maps
// ErrorCode to a problem+json answer in exactly one place (http/problem.cpp), and the live
// edge maps it to a WebSocket error message / close code in one place beside it.
#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/error_extension.hpp"

namespace visitd::core {

enum class ErrorCode {
  invalid,       // 400/422: a field is malformed or violates a rule
  not_found,     // 404
  conflict,      // 409: slot taken, duplicate slug, ...
  forbidden,     // 403
  unauthorized,  // 401
  gone,          // 410: capability link expired
  policy,        // 409/422: cutoff passed, state transition not allowed
  rate_limited,  // 429: a budget is spent; retry_after says when to come back
  unavailable,   // 503: a bounded resource (worker pool, password checks) is full; retry_after
  too_large,     // 413: a body or message over its limit
  unsupported_media_type,  // 415
  method_not_allowed,      // 405: `allow` lists the methods
  internal       // 500: never expected; logged
};

struct FieldError {
  std::string field;  // JSON pointer-ish dotted path, e.g. "consumer.email"
  std::string message;
};

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string detail;
  std::vector<FieldError> fields;
  // A more precise problem type than the code's default, as a slug ("slot-taken",
  // "too-early", "link-expired"); empty = the code's own.
  std::string type;
  std::optional<std::chrono::seconds> retry_after;  // -> Retry-After
  std::vector<std::string> allow;                   // -> Allow (405)
  std::optional<std::string> location;              // -> Location
  // Members beyond type/title/status/detail/errors, e.g. "nearest" free slots of a 409 or a
  // room's "opensAt"; rendered by the edge in this order.
  ExtensionMembers extensions;

  Error& with(std::string name, ExtensionValue value);  // appends an extension member

  static Error invalid(std::string field, std::string message) {
    Error e = make(ErrorCode::invalid, message);
    e.fields.push_back({std::move(field), std::move(message)});
    return e;
  }
  // Several bad fields at once; the detail names the first ("start is required (and 2 more)").
  static Error invalid_fields(std::vector<FieldError> errors) {
    std::string detail = "Invalid request";
    if (!errors.empty()) {
      detail = errors.front().field + " " + errors.front().message;
      if (errors.size() > 1) detail += " (and " + std::to_string(errors.size() - 1) + " more)";
    }
    Error e = make(ErrorCode::invalid, std::move(detail));
    e.fields = std::move(errors);
    return e;
  }
  static Error make(ErrorCode code, std::string detail) {
    Error e;
    e.code = code;
    e.detail = std::move(detail);
    return e;
  }
  static Error typed(ErrorCode code, std::string type, std::string detail) {
    Error e = make(code, std::move(detail));
    e.type = std::move(type);
    return e;
  }
};

// A small std::expected stand-in (GCC 12 has no <expected>).
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)
  [[nodiscard]] bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }
  T& operator*() & { return std::get<0>(v_); }
  const T& operator*() const& { return std::get<0>(v_); }
  [[nodiscard]] const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

struct Unit {};
using Status = Result<Unit>;
inline Status ok_status() { return Unit{}; }

}  // namespace visitd::core
