#pragma once
// Validation of what staff and consumers submit, in domain terms. Each failure names
// the field (camelCase, dotted, as on the wire) so the edge can report it.
#include "core/model.hpp"

namespace visitd::core {

// Explicit limits on everything that comes from outside.
inline constexpr std::size_t kMaxNameLength = 200;
inline constexpr std::size_t kMaxEmailLength = 254;
inline constexpr std::size_t kMaxAnswerLength = 4000;
inline constexpr std::size_t kMaxQuestions = 30;
inline constexpr std::size_t kMaxRangesPerDay = 12;
inline constexpr int kMaxDurationMinutes = 24 * 60;
inline constexpr int kMaxBufferMinutes = 24 * 60;
inline constexpr int kMaxWindowDays = 730;
inline constexpr int kMaxQueryDays = 62;  // slots query span

Status validate_business(const Business& b);
Status validate_provider(const Provider& p);         // name, zone
Status validate_weekly_hours(const WeeklyHours& w);  // ranges sorted, non-overlapping, in 0..1440
Status validate_ranges(const std::vector<TimeRange>& ranges, const std::string& field);
Status validate_service(const Service& s);
Status validate_consumer(const Consumer& c);  // field names "consumer.name" etc.
// Answers must match the service's questions: required present, choices valid, lengths.
Status validate_answers(const Service& s, const std::vector<Answer>& answers);
// A provider's private note on a booking: plain text up to kMaxNoteLength bytes (invalid
// naming `text`).
inline constexpr std::size_t kMaxNoteLength = 10000;
Status validate_note(std::string_view text);
// A question's key made from its label, for staff who never type keys: lower-case a-z, 0-9
// and "_" from the label's ASCII letters and digits (at most 40 characters; "question" when
// none), made unique against `taken` with "_2", "_3"... The same label and taken set give
// the same key, and a question keeps its key once it has one (the caller sends it back).
std::string question_key_from_label(std::string_view label, const std::vector<std::string>& taken);
bool is_valid_slug(std::string_view slug);
bool is_plausible_email(std::string_view email);

}  // namespace visitd::core
