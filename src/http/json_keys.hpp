#pragma once
// Duplicate keys in JSON text. RFC 8259 §4 says names "SHOULD be unique" and leaves the
// meaning of repeats to the parser; Boost.JSON keeps the last one silently. visitd refuses
// them instead, so `{"start": A, "start": B}` is never read as B by accident.
#include <optional>
#include <string>
#include <string_view>

namespace visitd::http {

// The path of the first repeated key in `text` ("email", "consumer.name",
// "weekly[2].start"), or nullopt when every object's keys are unique or the text is not JSON
// (the caller reports malformed JSON itself). Nesting deeper than `max_depth` is not JSON here.
std::optional<std::string> first_duplicate_key(std::string_view text, std::size_t max_depth);

}  // namespace visitd::http
