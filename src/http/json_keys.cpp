#include "http/json_keys.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace visitd::http {

namespace {

namespace json = boost::json;
using boost::system::error_code;

// A SAX handler (Boost.JSON's basic_parser) that remembers each open object's keys and
// stops at the first one seen twice.
class DuplicateFinder {
 public:
  static constexpr std::size_t max_object_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_array_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_key_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_string_size = std::numeric_limits<std::size_t>::max();

  std::optional<std::string> duplicate;

  bool on_document_begin(error_code&) { return true; }
  bool on_document_end(error_code&) { return true; }
  bool on_object_begin(error_code&) {
    frames_.push_back(Frame{true, {}, {}, 0});
    return true;
  }
  bool on_object_end(std::size_t, error_code&) { return end_value(); }
  bool on_array_begin(error_code&) {
    frames_.push_back(Frame{false, {}, {}, 0});
    return true;
  }
  bool on_array_end(std::size_t, error_code&) { return end_value(); }
  bool on_key_part(json::string_view s, std::size_t, error_code&) {
    key_.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t, error_code& ec) {
    key_.append(s.data(), s.size());
    Frame& f = frames_.back();
    for (const auto& k : f.keys) {
      if (k == key_) {
        duplicate = path() + key_;
        ec = json::error::extra_data;  // any error stops the parser: we have our answer
        return false;
      }
    }
    f.keys.push_back(key_);
    f.key = std::move(key_);
    key_.clear();
    return true;
  }
  bool on_string_part(json::string_view, std::size_t, error_code&) { return true; }
  bool on_string(json::string_view, std::size_t, error_code&) { return scalar(); }
  bool on_number_part(json::string_view, error_code&) { return true; }
  bool on_int64(std::int64_t, json::string_view, error_code&) { return scalar(); }
  bool on_uint64(std::uint64_t, json::string_view, error_code&) { return scalar(); }
  bool on_double(double, json::string_view, error_code&) { return scalar(); }
  bool on_bool(bool, error_code&) { return scalar(); }
  bool on_null(error_code&) { return scalar(); }
  bool on_comment_part(json::string_view, error_code&) { return true; }
  bool on_comment(json::string_view, error_code&) { return true; }

 private:
  struct Frame {
    bool object;
    std::vector<std::string> keys;  // an object's keys so far
    std::string key;                // the key whose value is being read
    std::size_t index;              // an array's next item
  };

  // A value inside an array moves the array to its next item.
  bool scalar() {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
    return true;
  }
  bool end_value() {
    frames_.pop_back();
    return scalar();
  }
  // The path of the innermost object, as a prefix for one of its keys ("consumer.").
  std::string path() const {
    std::string out;
    for (std::size_t i = 0; i + 1 < frames_.size(); ++i) {
      const Frame& f = frames_[i];
      if (f.object) {
        out += f.key;
        if (!frames_[i + 1].object) continue;  // the array's index follows directly
        out += '.';
      } else {
        out += "[" + std::to_string(f.index) + "]";
        if (frames_[i + 1].object) out += '.';
      }
    }
    return out;
  }

  std::vector<Frame> frames_;
  std::string key_;
};

}  // namespace

std::optional<std::string> first_duplicate_key(std::string_view text, std::size_t max_depth) {
  json::parse_options opts;
  opts.max_depth = max_depth;
  json::basic_parser<DuplicateFinder> parser(opts);
  error_code ec;
  parser.write_some(false, text.data(), text.size(), ec);
  return std::move(parser.handler().duplicate);
}

}  // namespace visitd::http
