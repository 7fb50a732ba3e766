#include <gtest/gtest.h>

#include "core/validation.hpp"
#include "core_test_support.hpp"

namespace visitd::core {
namespace {

using testing::hours;

std::vector<std::string> fields_of(const Status& s) {
  std::vector<std::string> out;
  if (!s.ok())
    for (const auto& f : s.error().fields) out.push_back(f.field);
  return out;
}

bool names_field(const Status& s, const std::string& field) {
  auto f = fields_of(s);
  return std::find(f.begin(), f.end(), field) != f.end();
}

Business good_business() {
  Business b;
  b.slug = "northwind";
  b.name = "Northwind Health";
  b.zone = "Europe/London";
  return b;
}

Service good_service() {
  Service s;
  s.name = "Consultation";
  s.questions = {{"reason", "Why are you coming?", QuestionKind::long_text, true, {}},
                 {"first_visit", "First visit?", QuestionKind::single_choice, false, {"Yes", "No"}}};
  return s;
}

Consumer good_consumer() { return {"Ada Lovelace", "ada@example.org", "+44 20 7946 0958", "Europe/London"}; }

TEST(Validation, AcceptsAGoodBusiness) { EXPECT_TRUE(validate_business(good_business()).ok()); }

TEST(Validation, ReportsEveryBadBusinessFieldAtOnce) {
  Business b = good_business();
  b.slug = "North Wind";
  b.name = "   ";
  b.zone = "Europe/Atlantis";
  b.rules.cancel_cutoff_hours = 721;
  b.rules.reschedule_cutoff_hours = -1;
  b.rules.reminder_offsets_minutes = {60, 0, 43201};
  auto s = validate_business(b);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::invalid);
  EXPECT_EQ(fields_of(s),
            (std::vector<std::string>{"slug", "name", "zone", "rules.cancelCutoffHours", "rules.rescheduleCutoffHours",
                                      "rules.reminderOffsetsMinutes[1]", "rules.reminderOffsetsMinutes[2]"}));
}

TEST(Validation, LimitsReminderOffsets) {
  Business b = good_business();
  b.rules.reminder_offsets_minutes = {1, 2, 3, 4, 5, 6};
  EXPECT_EQ(fields_of(validate_business(b)), (std::vector<std::string>{"rules.reminderOffsetsMinutes"}));
}

TEST(Validation, SingleFieldErrorNamesItInTheDetail) {
  Business b = good_business();
  b.zone = "Nowhere/Town";
  auto s = validate_business(b);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().detail.find("zone"), std::string::npos);
}

TEST(Validation, SlugsAreLowercaseWithSingleInnerHyphens) {
  for (const char* ok : {"ab", "northwind", "north-wind", "a1-b2-c3", "42"}) EXPECT_TRUE(is_valid_slug(ok)) << ok;
  for (const char* bad : {"", "a", "-ab", "ab-", "a--b", "North", "a_b", "a b", "ab/", "é1"})
    EXPECT_FALSE(is_valid_slug(bad)) << bad;
  EXPECT_TRUE(is_valid_slug(std::string(64, 'a')));
  EXPECT_FALSE(is_valid_slug(std::string(65, 'a')));
}

TEST(Validation, NamesMustBePrintableAndBounded) {
  Business b = good_business();
  b.name = "Tab\tinside";
  EXPECT_TRUE(names_field(validate_business(b), "name"));
  b.name = std::string(201, 'x');
  EXPECT_TRUE(names_field(validate_business(b), "name"));
  b.name = "Zürich Ärzte ";  // multi-byte characters count once each
  EXPECT_TRUE(validate_business(b).ok());
  b.name = std::string(100, 'x') + std::string("\xc3\xa9") + std::string(99, 'x');  // 200 characters
  EXPECT_TRUE(validate_business(b).ok());
  b.name = "C1 control \xc2\x85 here";
  EXPECT_TRUE(names_field(validate_business(b), "name"));
}

TEST(Validation, ProviderNeedsNameAndKnownZone) {
  Provider p = testing::provider("p", "America/New_York", {hours("09:00", "17:00")});
  EXPECT_TRUE(validate_provider(p).ok());
  p.zone = "EST5EDT-ish";
  p.name = "";
  EXPECT_EQ(fields_of(validate_provider(p)), (std::vector<std::string>{"name", "zone"}));
}

TEST(Validation, WeeklyRangesMustBeOrderedAndInsideTheDay) {
  WeeklyHours w;
  w[0] = {hours("09:00", "12:00"), hours("13:00", "17:00")};
  w[1] = {hours("13:00", "17:00"), hours("09:00", "12:00")};  // unsorted
  w[2] = {hours("09:00", "12:00"), hours("11:00", "14:00")};  // overlapping
  w[3] = {hours("12:00", "09:00")};                           // inverted
  w[4] = {{0, 1441}};                                         // past 24:00
  w[5] = {hours("00:00", "24:00")};
  w[6] = {hours("09:00", "12:00"), hours("12:00", "13:00")};  // touching is fine
  EXPECT_EQ(fields_of(validate_weekly_hours(w)),
            (std::vector<std::string>{"weekly.2[1]", "weekly.3[1]", "weekly.4[0]", "weekly.5[0]"}));
}

TEST(Validation, LimitsRangesPerDay) {
  std::vector<TimeRange> many;
  many.reserve(13);
  for (int i = 0; i < 13; ++i) many.push_back({i * 60, i * 60 + 30});
  EXPECT_EQ(fields_of(validate_ranges(many, "ranges")), (std::vector<std::string>{"ranges"}));
  many.pop_back();
  EXPECT_TRUE(validate_ranges(many, "ranges").ok());
}

TEST(Validation, AcceptsAGoodService) { EXPECT_TRUE(validate_service(good_service()).ok()); }

TEST(Validation, ServiceNumbersHaveLimits) {
  Service s = good_service();
  s.duration_minutes = 0;
  s.buffer_before_minutes = -5;
  s.buffer_after_minutes = 1441;
  s.min_notice_minutes = 525601;
  s.booking_window_days = 0;
  s.slot_interval_minutes = 4;
  s.max_per_day = 101;
  EXPECT_EQ(fields_of(validate_service(s)),
            (std::vector<std::string>{"durationMinutes", "bufferBeforeMinutes", "bufferAfterMinutes",
                                      "minNoticeMinutes", "bookingWindowDays", "slotIntervalMinutes", "maxPerDay"}));
  s = good_service();
  s.duration_minutes = 1440;
  s.booking_window_days = 730;
  s.slot_interval_minutes = 1440;
  s.max_per_day = 100;
  EXPECT_TRUE(validate_service(s).ok());
  s.booking_window_days = 731;
  EXPECT_EQ(fields_of(validate_service(s)), (std::vector<std::string>{"bookingWindowDays"}));
}

TEST(Validation, QuestionsNeedGoodUniqueKeysAndFittingChoices) {
  Service s = good_service();
  s.questions = {
      {"Bad Key", "Label", QuestionKind::short_text, false, {}},
      {"dup", "Label", QuestionKind::short_text, false, {}},
      {"dup", "Label", QuestionKind::short_text, false, {}},
      {"choice", "", QuestionKind::single_choice, true, {}},
      {"text_with_choices", "Label", QuestionKind::long_text, false, {"a"}},
      {"choices", "Label", QuestionKind::single_choice, false, {"Yes", "Yes", " "}},
  };
  EXPECT_EQ(
      fields_of(validate_service(s)),
      (std::vector<std::string>{"questions[0].key", "questions[2].key", "questions[3].label", "questions[3].choices",
                                "questions[4].choices", "questions[5].choices[1]", "questions[5].choices[2]"}));
}

TEST(Validation, LimitsQuestionCountAndChoiceCount) {
  Service s = good_service();
  s.questions.clear();
  for (int i = 0; i < 31; ++i)
    s.questions.push_back({"q" + std::to_string(i), "Label", QuestionKind::short_text, false, {}});
  EXPECT_EQ(fields_of(validate_service(s)), (std::vector<std::string>{"questions"}));
  Question q{"pick", "Pick one", QuestionKind::single_choice, false, {}};
  for (int i = 0; i < 21; ++i) q.choices.push_back("choice " + std::to_string(i));
  s.questions = {q};
  EXPECT_EQ(fields_of(validate_service(s)), (std::vector<std::string>{"questions[0].choices"}));
  s.questions[0].key = std::string(41, 'k');
  s.questions[0].choices.resize(20);
  EXPECT_EQ(fields_of(validate_service(s)), (std::vector<std::string>{"questions[0].key"}));
}

TEST(Validation, AcceptsAGoodConsumer) {
  EXPECT_TRUE(validate_consumer(good_consumer()).ok());
  Consumer c = good_consumer();
  c.phone = "";
  EXPECT_TRUE(validate_consumer(c).ok());
}

TEST(Validation, ConsumerFieldsAreNamedAsOnTheWire) {
  Consumer c{"", "not-an-email", "call me maybe", "Mars/Olympus"};
  EXPECT_EQ(fields_of(validate_consumer(c)),
            (std::vector<std::string>{"consumer.name", "consumer.email", "consumer.phone", "consumer.timeZone"}));
  c = good_consumer();
  c.phone = std::string(33, '1');
  EXPECT_EQ(fields_of(validate_consumer(c)), (std::vector<std::string>{"consumer.phone"}));
}

TEST(Validation, EmailsMustBePlausible) {
  for (const char* ok : {"ada@example.org", "a.b+tag@mail.example.co.uk", "x@y.z"})
    EXPECT_TRUE(is_plausible_email(ok)) << ok;
  for (const char* bad :
       {"", "ada", "@example.org", "ada@", "ada@example", "ada@@example.org", "a@b@example.org", "ada @example.org",
        "ada@example.org\n", "ada@.example.org", "ada@example.org.", "ada@example..org"})
    EXPECT_FALSE(is_plausible_email(bad)) << bad;
  EXPECT_FALSE(is_plausible_email(std::string(250, 'a') + "@b.co"));
}

TEST(Validation, AnswersMatchTheQuestions) {
  Service s = good_service();
  EXPECT_TRUE(validate_answers(s, {{"reason", "Back pain"}}).ok());
  EXPECT_TRUE(validate_answers(s, {{"reason", "Back pain\nsince Monday"}, {"first_visit", "Yes"}}).ok());
}

TEST(Validation, RequiredAnswersMustBePresentAndNotBlank) {
  Service s = good_service();
  EXPECT_EQ(fields_of(validate_answers(s, {})), (std::vector<std::string>{"answers.reason"}));
  EXPECT_EQ(fields_of(validate_answers(s, {{"reason", "  "}})), (std::vector<std::string>{"answers.reason"}));
}

TEST(Validation, RejectsUnknownDuplicateAndOffListAnswers) {
  Service s = good_service();
  auto st = validate_answers(s, {{"reason", "x"}, {"shoe_size", "42"}, {"first_visit", "Maybe"}, {"reason", "y"}});
  EXPECT_EQ(fields_of(st), (std::vector<std::string>{"answers.shoe_size", "answers.first_visit", "answers.reason"}));
  // A key that is not even key-shaped is not echoed back.
  EXPECT_EQ(fields_of(validate_answers(s, {{"reason", "x"}, {"<script>", "1"}})),
            (std::vector<std::string>{"answers"}));
}

TEST(Validation, AnswersHaveALengthLimitAndShortTextIsOneLine) {
  Service s = good_service();
  s.questions.push_back({"nick", "Nickname", QuestionKind::short_text, false, {}});
  EXPECT_TRUE(validate_answers(s, {{"reason", std::string(kMaxAnswerLength, 'x')}}).ok());
  EXPECT_FALSE(validate_answers(s, {{"reason", std::string(kMaxAnswerLength + 1, 'x')}}).ok());
  EXPECT_EQ(fields_of(validate_answers(s, {{"reason", "x"}, {"nick", "two\nlines"}})),
            (std::vector<std::string>{"answers.nick"}));
}

TEST(Validation, QuestionKeysComeFromLabelsAndAreUnique) {
  EXPECT_EQ(question_key_from_label("Reason for the visit?", {}), "reason_for_the_visit");
  EXPECT_EQ(question_key_from_label("  First visit -- yes/no ", {}), "first_visit_yes_no");
  EXPECT_EQ(question_key_from_label("Причина", {}), "question");
  EXPECT_EQ(question_key_from_label("Reason", {"reason", "reason_2"}), "reason_3");
  const std::string longest = question_key_from_label(std::string(100, 'a'), {});
  EXPECT_LE(longest.size() + 4, 40u);  // room for a "_999" suffix
  EXPECT_EQ(question_key_from_label(std::string(100, 'a'), {longest}), longest + "_2");
  // Every derived key is one validate_service accepts.
  Service s = good_service();
  s.questions = {{question_key_from_label("Anything else? (optional)", {}), "x", QuestionKind::short_text, false, {}}};
  EXPECT_TRUE(validate_service(s).ok());
}

TEST(Validation, TimeOffEndsAfterItStartsAndSpansAtMost366Days) {
  using testing::at;
  TimeOff t;
  t.span = Interval{at("2030-01-01T00:00:00Z"), at("2031-01-02T00:00:00Z")};  // 366 days exactly
  EXPECT_TRUE(validate_time_off(t).ok());
  t.span.end = at("2031-01-03T00:00:00Z");
  EXPECT_EQ(fields_of(validate_time_off(t)), std::vector<std::string>{"end"});
  t.span.end = t.span.begin;
  EXPECT_EQ(fields_of(validate_time_off(t)), std::vector<std::string>{"end"});
  t.span.end = at("2030-01-02T00:00:00Z");
  t.reason = std::string(kMaxReasonLength + 1, 'x');
  EXPECT_EQ(fields_of(validate_time_off(t)), std::vector<std::string>{"reason"});
}

TEST(Validation, BrandingValuesHaveTheirShapes) {
  EXPECT_TRUE(is_accent_color("#1a6B8f"));
  EXPECT_FALSE(is_accent_color("1a6b8f"));
  EXPECT_FALSE(is_accent_color("#1a6b8g"));
  EXPECT_TRUE(is_price_amount("45"));
  EXPECT_TRUE(is_price_amount("45.50"));
  EXPECT_TRUE(is_price_amount("1234567.5"));
  EXPECT_FALSE(is_price_amount("12,50"));
  EXPECT_FALSE(is_price_amount("12345678"));
  EXPECT_FALSE(is_price_amount("1.234"));
  EXPECT_FALSE(is_price_amount(".5"));
  EXPECT_FALSE(is_price_amount("5."));
  EXPECT_TRUE(is_currency_code("EUR"));
  EXPECT_FALSE(is_currency_code("eur"));
  EXPECT_FALSE(is_currency_code("EURO"));
}

TEST(Validation, LogosAreRecognisedByTheirSignatureOnly) {
  EXPECT_EQ(logo_media_type(std::string("\x89PNG\r\n\x1a\n....", 12)), "image/png");
  EXPECT_EQ(logo_media_type("\xff\xd8\xff\xe0...."), "image/jpeg");
  EXPECT_EQ(logo_media_type(std::string("RIFF\x10\x00\x00\x00WEBPVP8 ", 16)), "image/webp");
  EXPECT_EQ(logo_media_type("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), std::nullopt);
  EXPECT_EQ(logo_media_type(""), std::nullopt);
}

TEST(Time, AnUnknownStoredZoneFallsBackToUtc) {
  EXPECT_EQ(zone_or_utc("Europe/Paris").name(), "Europe/Paris");
  EXPECT_EQ(zone_or_utc("Mars/Olympus_Mons").name(), "UTC");
  EXPECT_EQ(zone_or_utc(std::string(kMaxZoneNameLength + 1, 'A')).name(), "UTC");
}

}  // namespace
}  // namespace visitd::core
