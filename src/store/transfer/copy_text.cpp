#include "store/transfer/copy_text.hpp"

namespace visitd::store::transfer {

void append_copy_row(std::string& out, const std::vector<std::optional<std::string_view>>& values) {
  bool first = true;
  for (const auto& v : values) {
    if (!first) out += '\t';
    first = false;
    if (!v) {
      out += "\\N";
      continue;
    }
    for (char c : *v) {
      switch (c) {
        case '\\':
          out += "\\\\";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        default:
          out += c;
      }
    }
  }
  out += '\n';
}

}  // namespace visitd::store::transfer
