#include "core/validation.hpp"

#include <algorithm>
#include <set>

namespace visitd::core {

namespace {

constexpr int kMaxNoticeMinutes = 525600;
constexpr int kMinSlotIntervalMinutes = 5;
constexpr int kMaxSlotIntervalMinutes = 1440;
constexpr int kMaxPerDayLimit = 100;
constexpr std::size_t kMinChoices = 1;
constexpr std::size_t kMaxChoices = 20;
constexpr std::size_t kMaxChoiceLength = 200;
constexpr std::size_t kMinSlugLength = 2;
constexpr std::size_t kMaxSlugLength = 64;

// Collects every failing field, so one answer tells the client all that is wrong.
class Problems {
 public:
  void add(std::string field, std::string message) { fields_.push_back({std::move(field), std::move(message)}); }
  [[nodiscard]] bool empty() const { return fields_.empty(); }
  [[nodiscard]] Status status() const {
    if (fields_.empty()) return ok_status();
    Error e = Error::make(ErrorCode::invalid, "");
    e.fields = fields_;
    if (fields_.size() == 1) {
      e.detail = fields_[0].field + ": " + fields_[0].message;
    } else {
      e.detail = std::to_string(fields_.size()) + " fields are invalid:";
      for (std::size_t i = 0; i < fields_.size(); ++i) e.detail += (i == 0 ? " " : ", ") + fields_[i].field;
    }
    return e;
  }
  void merge(const Status& s) {
    if (!s.ok()) fields_.insert(fields_.end(), s.error().fields.begin(), s.error().fields.end());
  }

 private:
  std::vector<FieldError> fields_;
};

// Characters as a person counts them: UTF-8 continuation bytes do not start one.
std::size_t char_count(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// C0 controls, DEL and the C1 controls (U+0080..U+009F, encoded C2 80..C2 9F).
bool has_control(std::string_view s, bool allow_line_breaks) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == 0x7F) return true;
    if (c < 0x20) {
      if (allow_line_breaks && (c == '\n' || c == '\r' || c == '\t')) continue;
      return true;
    }
    if (c == 0xC2 && i + 1 < s.size()) {
      auto n = static_cast<unsigned char>(s[i + 1]);
      if (n >= 0x80 && n <= 0x9F) return true;
    }
  }
  return false;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// A label a person reads: trimmed non-empty, bounded, single line.
void check_text(Problems& p, const std::string& field, std::string_view value, std::size_t max_chars) {
  if (trimmed(value).empty()) {
    p.add(field, "must not be empty");
  } else if (char_count(value) > max_chars) {
    p.add(field, "must be at most " + std::to_string(max_chars) + " characters");
  } else if (has_control(value, false)) {
    p.add(field, "must not contain control characters");
  }
}

void check_range(Problems& p, const std::string& field, int value, int lo, int hi) {
  if (value < lo || value > hi) p.add(field, "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
}

void check_zone(Problems& p, const std::string& field, const std::string& zone) {
  if (!Zone::find(zone)) p.add(field, "must be a known IANA time zone such as Europe/London");
}

bool is_question_key(std::string_view key) {
  if (key.empty() || key.size() > kMaxQuestionKeyLength) return false;
  return std::all_of(key.begin(), key.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

bool is_phone_char(char c) {
  return (c >= '0' && c <= '9') || c == ' ' || c == '+' || c == '-' || c == '(' || c == ')' || c == '.';
}

void check_rules(Problems& p, const BookingRules& r) {
  check_range(p, "rules.cancelCutoffHours", r.cancel_cutoff_hours, 0, kMaxCutoffHours);
  check_range(p, "rules.rescheduleCutoffHours", r.reschedule_cutoff_hours, 0, kMaxCutoffHours);
  if (r.reminder_offsets_minutes.size() > kMaxRuleReminderOffsets) {
    p.add("rules.reminderOffsetsMinutes", "must hold at most " + std::to_string(kMaxRuleReminderOffsets) + " offsets");
    return;
  }
  for (std::size_t i = 0; i < r.reminder_offsets_minutes.size(); ++i) {
    check_range(p, "rules.reminderOffsetsMinutes[" + std::to_string(i) + "]", r.reminder_offsets_minutes[i], 1,
                kMaxReminderOffsetMinutes);
  }
}

void check_question(Problems& p, const Question& q, const std::string& field) {
  if (!is_question_key(q.key)) p.add(field + ".key", "must be 1 to 40 characters of a-z, 0-9 and _");
  check_text(p, field + ".label", q.label, kMaxNameLength);
  if (q.kind != QuestionKind::single_choice) {
    if (!q.choices.empty()) p.add(field + ".choices", "only singleChoice questions have choices");
    return;
  }
  if (q.choices.size() < kMinChoices || q.choices.size() > kMaxChoices) {
    p.add(field + ".choices", "must hold 1 to " + std::to_string(kMaxChoices) + " choices");
    return;
  }
  std::set<std::string_view> seen;
  for (std::size_t j = 0; j < q.choices.size(); ++j) {
    std::string cf = field + ".choices[" + std::to_string(j) + "]";
    check_text(p, cf, q.choices[j], kMaxChoiceLength);
    if (!seen.insert(q.choices[j]).second) p.add(cf, "duplicates another choice");
  }
}

}  // namespace

std::string question_key_from_label(std::string_view label, const std::vector<std::string>& taken) {
  std::string base;
  for (char c : label) {
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    const bool word = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
    if (word) {
      base += lower;
    } else if (!base.empty() && base.back() != '_') {
      base += '_';
    }
  }
  while (!base.empty() && base.back() == '_') base.pop_back();
  if (base.empty()) base = "question";
  constexpr std::size_t kRoomForSuffix = 4;  // "_999"
  if (base.size() > kMaxQuestionKeyLength - kRoomForSuffix) base.resize(kMaxQuestionKeyLength - kRoomForSuffix);
  while (!base.empty() && base.back() == '_') base.pop_back();
  auto free = [&](const std::string& k) { return std::find(taken.begin(), taken.end(), k) == taken.end(); };
  if (free(base)) return base;
  for (int n = 2;; ++n) {
    std::string k = base + "_" + std::to_string(n);
    if (free(k)) return k;
  }
}

Status validate_note(std::string_view text) {
  if (text.size() > kMaxNoteLength)
    return Error::invalid("text", "must be at most " + std::to_string(kMaxNoteLength) + " characters");
  return ok_status();
}

Status validate_business(const Business& b) {
  Problems p;
  if (!is_valid_slug(b.slug)) {
    p.add("slug",
          "must be 2 to 64 characters of a-z, 0-9 and single hyphens, starting and ending with a letter or digit");
  }
  check_text(p, "name", b.name, kMaxNameLength);
  check_zone(p, "zone", b.zone);
  check_rules(p, b.rules);
  return p.status();
}

Status validate_ranges(const std::vector<TimeRange>& ranges, const std::string& field) {
  Problems p;
  if (ranges.size() > kMaxRangesPerDay) {
    p.add(field, "must hold at most " + std::to_string(kMaxRangesPerDay) + " ranges");
    return p.status();
  }
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    const auto& r = ranges[i];
    std::string f = field + "[" + std::to_string(i) + "]";
    if (r.start < 0 || r.start >= 1440 || r.end <= 0 || r.end > 1440) {
      p.add(f, "times must lie between 00:00 and 24:00");
    } else if (r.start >= r.end) {
      p.add(f, "start must be before end");
    } else if (i > 0 && r.start < ranges[i - 1].end) {
      p.add(f, "ranges must be sorted and must not overlap");
    }
  }
  return p.status();
}

Status validate_weekly_hours(const WeeklyHours& w) {
  Problems p;
  for (std::size_t d = 0; d < w.size(); ++d) p.merge(validate_ranges(w[d], "weekly." + std::to_string(d + 1)));
  return p.status();
}

Status validate_provider(const Provider& prov) {
  Problems p;
  check_text(p, "name", prov.name, kMaxNameLength);
  check_zone(p, "zone", prov.zone);
  p.merge(validate_weekly_hours(prov.weekly));
  std::set<int> dates;
  for (std::size_t i = 0; i < prov.overrides.size(); ++i) {
    const auto& o = prov.overrides[i];
    std::string f = "overrides[" + std::to_string(i) + "]";
    if (!o.date.ok()) {
      p.add(f + ".date", "must be a valid calendar date");
    } else if (!dates.insert(static_cast<int>(std::chrono::sys_days{o.date}.time_since_epoch().count())).second) {
      p.add(f + ".date", "another override already covers this date");
    }
    p.merge(validate_ranges(o.ranges, f + ".ranges"));
  }
  for (std::size_t i = 0; i < prov.time_off.size(); ++i)
    if (prov.time_off[i].span.empty()) p.add("timeOff[" + std::to_string(i) + "]", "end must be after start");
  return p.status();
}

Status validate_service(const Service& s) {
  Problems p;
  check_text(p, "name", s.name, kMaxNameLength);
  check_range(p, "durationMinutes", s.duration_minutes, 1, kMaxDurationMinutes);
  check_range(p, "bufferBeforeMinutes", s.buffer_before_minutes, 0, kMaxBufferMinutes);
  check_range(p, "bufferAfterMinutes", s.buffer_after_minutes, 0, kMaxBufferMinutes);
  check_range(p, "minNoticeMinutes", s.min_notice_minutes, 0, kMaxNoticeMinutes);
  check_range(p, "bookingWindowDays", s.booking_window_days, 1, kMaxWindowDays);
  check_range(p, "slotIntervalMinutes", s.slot_interval_minutes, kMinSlotIntervalMinutes, kMaxSlotIntervalMinutes);
  check_range(p, "maxPerDay", s.max_per_day, 0, kMaxPerDayLimit);
  if (s.questions.size() > kMaxQuestions) {
    p.add("questions", "must hold at most " + std::to_string(kMaxQuestions) + " questions");
    return p.status();
  }
  std::set<std::string_view> keys;
  for (std::size_t i = 0; i < s.questions.size(); ++i) {
    std::string f = "questions[" + std::to_string(i) + "]";
    check_question(p, s.questions[i], f);
    if (!keys.insert(s.questions[i].key).second) p.add(f + ".key", "duplicates another question's key");
  }
  return p.status();
}

Status validate_consumer(const Consumer& c) {
  Problems p;
  check_text(p, "consumer.name", c.name, kMaxNameLength);
  if (!is_plausible_email(c.email)) p.add("consumer.email", "must be a valid email address");
  if (!c.phone.empty()) {
    bool chars_ok = std::all_of(c.phone.begin(), c.phone.end(), is_phone_char);
    bool has_digit = std::any_of(c.phone.begin(), c.phone.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (c.phone.size() > kMaxPhoneLength || !chars_ok || !has_digit)
      p.add("consumer.phone",
            "must be at most " + std::to_string(kMaxPhoneLength) + " characters of digits, spaces and + - ( ) .");
  }
  check_zone(p, "consumer.timeZone", c.zone);
  return p.status();
}

Status validate_time_off(const TimeOff& t) {
  Problems p;
  if (t.span.end <= t.span.begin) {
    p.add("end", "must be after start");
  } else if (t.span.end - t.span.begin > kMaxTimeOffSpan) {
    p.add("end", "time off may span at most 366 days");
  }
  if (char_count(t.reason) > kMaxReasonLength) {
    p.add("reason", "must be at most " + std::to_string(kMaxReasonLength) + " characters");
  }
  return p.status();
}

bool is_accent_color(std::string_view s) {
  return s.size() == 7 && s[0] == '#' && std::all_of(s.begin() + 1, s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
         });
}

bool is_price_amount(std::string_view s) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const auto dot = s.find('.');
  const std::string_view whole = s.substr(0, dot);
  if (whole.empty() || whole.size() > 7 || !std::all_of(whole.begin(), whole.end(), digit)) return false;
  if (dot == std::string_view::npos) return true;
  const std::string_view cents = s.substr(dot + 1);
  return !cents.empty() && cents.size() <= 2 && std::all_of(cents.begin(), cents.end(), digit);
}

bool is_currency_code(std::string_view s) {
  return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::optional<std::string> logo_media_type(std::string_view bytes) {
  if (bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) return "image/png";
  if (bytes.size() > 3 && bytes.substr(0, 3) == "\xff\xd8\xff") return "image/jpeg";
  if (bytes.size() > 12 && bytes.substr(0, 4) == "RIFF" && bytes.substr(8, 4) == "WEBP") return "image/webp";
  return std::nullopt;
}

Status validate_answers(const Service& s, const std::vector<Answer>& answers) {
  Problems p;
  if (answers.size() > kMaxQuestions) {
    p.add("answers", "must hold at most " + std::to_string(kMaxQuestions) + " answers");
    return p.status();
  }
  std::set<std::string_view> given;
  for (const auto& a : answers) {
    // A key that cannot be a question key is not echoed into the field name.
    std::string f = is_question_key(a.key) ? "answers." + a.key : "answers";
    auto q = std::find_if(s.questions.begin(), s.questions.end(), [&](const Question& x) { return x.key == a.key; });
    if (q == s.questions.end()) {
      p.add(f, "does not match a question of this service");
      continue;
    }
    if (!given.insert(a.key).second) {
      p.add(f, "is answered more than once");
      continue;
    }
    if (char_count(a.value) > kMaxAnswerLength) {
      p.add(f, "must be at most " + std::to_string(kMaxAnswerLength) + " characters");
      continue;
    }
    if (has_control(a.value, q->kind == QuestionKind::long_text)) {
      p.add(f, "must not contain control characters");
      continue;
    }
    bool blank = trimmed(a.value).empty();
    if (blank && q->required) {
      p.add(f, "is required");
      continue;
    }
    if (!blank && q->kind == QuestionKind::single_choice &&
        std::find(q->choices.begin(), q->choices.end(), a.value) == q->choices.end())
      p.add(f, "must be one of the question's choices");
  }
  for (const auto& q : s.questions)
    if (q.required && !given.count(q.key)) p.add("answers." + q.key, "is required");
  return p.status();
}

bool is_valid_slug(std::string_view slug) {
  if (slug.size() < kMinSlugLength || slug.size() > kMaxSlugLength) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  for (std::size_t i = 0; i < slug.size(); ++i) {
    char c = slug[i];
    if (alnum(c)) continue;
    // A hyphen only between two letters or digits.
    if (c == '-' && i > 0 && i + 1 < slug.size() && alnum(slug[i - 1]) && alnum(slug[i + 1])) continue;
    return false;
  }
  return true;
}

bool is_plausible_email(std::string_view email) {
  if (email.empty() || email.size() > kMaxEmailLength) return false;
  for (char c : email) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F) return false;
  }
  auto at = email.find('@');
  if (at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) return false;
  std::string_view local = email.substr(0, at);
  std::string_view domain = email.substr(at + 1);
  if (local.empty() || domain.empty()) return false;
  auto dot = domain.find('.');
  if (dot == std::string_view::npos || domain.front() == '.' || domain.back() == '.') return false;
  return domain.find("..") == std::string_view::npos;
}

}  // namespace visitd::core
