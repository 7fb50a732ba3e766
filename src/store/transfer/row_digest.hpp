#pragma once
// Per-table checksums that both databases' rows are put through in the same way, so a copy
// is verified by what each database returns, not by what was sent to it.
//
// A row is rendered canonically, value by value in the table's column order: "N" for NULL,
// else "V<byte length>:<bytes>" of the value's text form (integers in decimal, text as
// stored), and hashed with SHA-256 (FIPS 180-4). The table's checksum is SHA-256 over its row
// digests sorted bytewise, so it does not depend on the order rows are read in (SQLite and
// PostgreSQL collate text differently) while every value, and a repeated row, changes it.
// Memory: 32 bytes per row until hex() is called.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace visitd::store::transfer {

// One row's values in column order; nullopt = SQL NULL.
using RowValues = std::vector<std::optional<std::string_view>>;

// The canonical rendering described above (exposed for tests).
std::string canonical_row(const RowValues& values);

class TableDigest {
 public:
  void add_row(const RowValues& values);
  [[nodiscard]] std::uint64_t rows() const { return digests_.size(); }
  // 64 lowercase hex digits; sorts the row digests (call once all rows are in).
  [[nodiscard]] std::string hex();

 private:
  std::vector<std::array<unsigned char, 32>> digests_;
};

}  // namespace visitd::store::transfer
