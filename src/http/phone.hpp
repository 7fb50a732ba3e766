#pragma once
// Phone numbers at the edge: parsed and validated with libphonenumber, stored as E.164
// ("+442079460958") so SMS gateways and opt-out lists compare them exactly.
#include <optional>
#include <string>
#include <string_view>

namespace visitd::http {

// E.164 for a valid number written in international form ("+44 20 7946 0958",
// "0044 20 7946 0958"); nullopt for anything else (national form, impossible numbers).
std::optional<std::string> to_e164(std::string_view text);

}  // namespace visitd::http
