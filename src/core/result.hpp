#pragma once
// Errors as values: the core and the store return Result<T>; the HTTP edge maps
// ErrorCode to a problem+json answer in exactly one place (http/problem.cpp).
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace visitd::core {

enum class ErrorCode {
  invalid,       // 400/422: a field is malformed or violates a rule
  not_found,     // 404
  conflict,      // 409: slot taken, duplicate slug, ...
  forbidden,     // 403
  unauthorized,  // 401
  gone,          // 410: capability link expired
  policy,        // 409/422: cutoff passed, state transition not allowed
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

  static Error invalid(std::string field, std::string message) {
    Error e{ErrorCode::invalid, message, {}};
    e.fields.push_back({std::move(field), std::move(message)});
    return e;
  }
  static Error make(ErrorCode code, std::string detail) { return Error{code, std::move(detail), {}}; }
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
