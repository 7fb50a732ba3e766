#pragma once
// JSON in and out for handlers (Boost.JSON). Reading collects every bad field at once so
// a 400 names them all; writing turns domain values into the wire shape (camelCase,
// RFC 3339 with offset, ids as strings).
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/result.hpp"
#include "http/message.hpp"

namespace visitd::http {

// Parses a request body as a JSON object (Content-Type must be application/json when a
// body is present). Errors: unsupported_media_type (415) naming the field "Content-Type",
// invalid (400) for a blank, malformed or non-object body, and invalid naming the key (its
// path, e.g. "consumer.name") when an object anywhere in the body repeats a key (RFC 8259
// leaves duplicates to the parser; visitd never guesses which one was meant).
core::Result<boost::json::object> parse_object(const Request& req);

// Reads typed fields from an object, recording a FieldError per problem.
// `prefix` is prepended to field names ("consumer." for nested objects).
// Strict: every key a reader is asked about (by any accessor, has() included) is known;
// refuse_unknown_keys() then records "<prefix><key>: is not a field of this request" for
// each other key of the object. Call it after the last read of an object, before checking
// the errors (the route-table test sends an unknown key to every JSON route).
class FieldReader {
 public:
  FieldReader(const boost::json::object& obj, std::vector<core::FieldError>& errors, std::string prefix = "");
  bool has(std::string_view key) const;
  void refuse_unknown_keys();
  std::optional<std::string> string(std::string_view key, bool required, std::size_t max_len);
  std::optional<long long> integer(std::string_view key, bool required, long long min, long long max);
  std::optional<bool> boolean(std::string_view key, bool required);
  std::optional<core::Instant> instant(std::string_view key, bool required);  // RFC 3339 with offset
  std::optional<core::LocalDate> date(std::string_view key, bool required);   // YYYY-MM-DD
  std::optional<std::string> zone(std::string_view key, bool required);       // IANA name, verified
  const boost::json::object* object(std::string_view key, bool required);
  const boost::json::array* array(std::string_view key, bool required, std::size_t max_items);
  void fail(std::string_view key, std::string message);
  std::string name(std::string_view key) const { return prefix_ + std::string(key); }

 private:
  void ask(std::string_view key) const;
  // The value of `key` (marking it asked); null reads as absent, so clients may send explicit
  // nulls for optional fields.
  const boost::json::value* present(std::string_view key) const;
  const boost::json::object& obj_;
  std::vector<core::FieldError>& errors_;
  std::string prefix_;
  mutable std::vector<std::string> asked_;  // keys read so far (a handful: a vector is enough)
};

// A 400 problem listing every collected field error ("Invalid request").
Response invalid_fields(const std::vector<core::FieldError>& errors);

Response json_response(int status, const boost::json::value& body);

// Domain -> JSON. `display` is the zone used for RFC 3339 offsets.
boost::json::object to_json(const core::Business& b);
boost::json::object to_json(const core::Provider& p, bool with_schedule);
boost::json::object to_json_public(const core::Provider& p);  // id, name, zone only
boost::json::object to_json(const core::Service& s);
boost::json::object to_json(const core::Booking& b, const core::Zone& display);
// The consumer's view of a booking (public and manage API): no internal ids beyond the
// booking's, service and provider by id and name. service/provider may be null (deleted).
boost::json::object consumer_booking_json(const core::Booking& b, const core::Service* service,
                                          const core::Provider* provider, const core::Zone& display);
boost::json::object to_json(const core::User& u);
boost::json::object to_json(const core::AuditEntry& e);
boost::json::array weekly_to_json(const core::WeeklyHours& w);  // [{weekday:1..7, start:"09:00", end:"17:00"}]

// JSON -> domain, validating shape (not business rules; core/validation does those).
std::optional<core::WeeklyHours> weekly_from_json(const boost::json::value& v, std::vector<core::FieldError>& errors,
                                                  const std::string& field);
std::optional<std::vector<core::TimeRange>> ranges_from_json(const boost::json::value& v,
                                                             std::vector<core::FieldError>& errors,
                                                             const std::string& field);

}  // namespace visitd::http
