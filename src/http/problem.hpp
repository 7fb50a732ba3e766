#pragma once
// RFC 9457 problem+json. The one place where core::Error becomes an HTTP answer.
#include "core/result.hpp"
#include "http/message.hpp"

namespace visitd::http {

// type is a URI reference under "https://visitd.dev/problems/<slug>".
Response problem(int status, std::string_view type_slug, std::string_view title, std::string_view detail,
                 const std::vector<core::FieldError>& fields = {});
// invalid->400 (or 422 when the detail says the request was well-formed but breaks a rule:
// callers choose by code), not_found->404, conflict->409, forbidden->403,
// unauthorized->401, gone->410, policy->409, internal->500.
Response problem_from(const core::Error& e);
Response bad_request(std::string field, std::string message);

}  // namespace visitd::http
