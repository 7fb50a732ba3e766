#pragma once
// Validation of what staff and consumers submit, in domain terms. Each failure names
// the field (camelCase, dotted, as on the wire) so the edge can report it.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/model.hpp"
#include "core/reminder_plan.hpp"

namespace visitd::core {

// Explicit limits on everything that comes from outside: each exists here once, and the
// edge's readers take their bounds from here.
inline constexpr std::size_t kMaxIdLength = 128;      // any record or participant id sent to us
inline constexpr std::size_t kMaxPhoneLength = 32;    // a consumer's phone as typed
inline constexpr std::size_t kMaxReasonLength = 500;  // why a booking was cancelled, a time off's note
inline constexpr std::size_t kMinPasswordLength = 10;
inline constexpr std::size_t kMaxPasswordLength = 1024;  // argon2id input; longer is refused, not hashed
inline constexpr std::size_t kMaxTokenLength = 512;      // links, room tokens, API tokens, cookies
inline constexpr std::size_t kMaxTokenNameLength = 100;  // an API token's label
inline constexpr std::chrono::hours kMaxTimeOffSpan{24 * 366};
inline constexpr std::size_t kMaxNameLength = 200;
// A message template's parts (Mustache source, checked by service::Messages::put_template).
inline constexpr std::size_t kMaxTemplateSubjectLength = 500;
inline constexpr std::size_t kMaxTemplateLength = 20000;  // text or HTML body
inline constexpr std::size_t kMaxEmailLength = 254;
inline constexpr std::size_t kMaxAnswerLength = 4000;
inline constexpr std::size_t kMaxQuestions = 30;
inline constexpr std::size_t kMaxQuestionKeyLength = 40;  // a-z, 0-9 and _
inline constexpr std::size_t kMaxRangesPerDay = 12;
inline constexpr int kMaxDurationMinutes = 24 * 60;
inline constexpr int kMaxBufferMinutes = 24 * 60;
inline constexpr int kMaxWindowDays = 730;
inline constexpr int kMaxQueryDays = 62;     // slots query span
inline constexpr int kMaxCutoffHours = 720;  // a business's cancel / reschedule cutoff
// A business's default reminder offsets (BookingRules); each offset's bound is
// kMaxReminderOffsetMinutes (core/reminder_plan.hpp), like a notification policy's.
inline constexpr std::size_t kMaxRuleReminderOffsets = 5;

Status validate_business(const Business& b);
Status validate_provider(const Provider& p);         // name, zone
Status validate_weekly_hours(const WeeklyHours& w);  // ranges sorted, non-overlapping, in 0..1440
Status validate_ranges(const std::vector<TimeRange>& ranges, const std::string& field);
Status validate_service(const Service& s);
Status validate_consumer(const Consumer& c);  // field names "consumer.name" etc.
// end after start ("end"), at most kMaxTimeOffSpan ("end"), reason length ("reason").
Status validate_time_off(const TimeOff& t);
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

// The clinic's public face (issue K): limits and the shapes of its values.
inline constexpr std::size_t kMaxLogoBytes = 256 * 1024;
inline constexpr std::size_t kMaxProfileDescriptionLength = 500;
inline constexpr std::size_t kMaxContactPhoneLength = 40;  // shown as the clinic writes it, never dialled
inline constexpr std::size_t kMaxContactAddressLength = 300;
inline constexpr std::size_t kMaxServiceDescriptionLength = 1000;
inline constexpr std::size_t kMaxProviderTitleLength = 100;
inline constexpr std::size_t kMaxProviderBioLength = 1000;
inline constexpr std::size_t kMaxPriceAmountLength = 10;  // "1234567.89"
bool is_accent_color(std::string_view s);                 // "#rrggbb"
bool is_price_amount(std::string_view s);                 // "45" or "45.50": up to 7 digits, up to 2 decimals
bool is_currency_code(std::string_view s);                // three capital letters (ISO 4217 shape)
// The media type of a logo recognised by its signature: image/png, image/jpeg or image/webp;
// nullopt for anything else (SVG can carry script, so vector formats are refused).
std::optional<std::string> logo_media_type(std::string_view bytes);

}  // namespace visitd::core
