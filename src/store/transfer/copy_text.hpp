#pragma once
// One row of PostgreSQL's COPY text format (PostgreSQL 15 manual, "COPY", "Text Format"):
// fields separated by a tab, the row ended by a newline, NULL written as \N, and backslash,
// tab, newline and carriage return escaped with a backslash so no value can end a field,
// a row or the data. Bytes are passed through otherwise (the server checks the encoding).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace visitd::store::transfer {

void append_copy_row(std::string& out, const std::vector<std::optional<std::string_view>>& values);

}  // namespace visitd::store::transfer
