// MIME assembly, iCalendar invites, templates with HTML escaping, Twilio signatures and
// retry timing: the pure parts of notify.
#include <gmime/gmime.h>
#include <gtest/gtest.h>

#include <libical/ical.h>
#include <algorithm>

#include "notify/backoff.hpp"
#include "notify/icalendar.hpp"
#include "notify/mime.hpp"
#include "notify/templates.hpp"
#include "notify/twilio_signature.hpp"

namespace visitd::notify {
namespace {

core::Instant at(long long s) { return core::Instant(core::Seconds(s)); }

MailContent mail() {
  MailContent m;
  m.from = {"Northwind Health", "bookings@northwind.test"};
  m.to = {"Zoë O'Neil", "zoe@example.com"};
  m.subject = "Confirmed: Checkup — Tuesday";
  m.text = "plain body";
  m.html = "<p>html body</p>";
  m.calendar = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
  m.calendar_method = "REQUEST";
  m.message_id = "msg_abc@northwind.test";
  m.date = at(1893974400);
  return m;
}

TEST(Mime, BuildsMultipartAlternativeWithCalendarMethod) {
  auto out = build_mime(mail());
  ASSERT_TRUE(out);
  EXPECT_NE(out->find("Message-Id: <msg_abc@northwind.test>\r\n"), std::string::npos);
  EXPECT_NE(out->find("Content-Type: multipart/alternative; boundary=\"=_visitd_msg_abc\""), std::string::npos);
  EXPECT_NE(out->find("Content-Type: text/calendar; charset=UTF-8; method=REQUEST"), std::string::npos);
  EXPECT_NE(out->find("Date: Mon, 07 Jan 2030 00:00:00 +0000\r\n"), std::string::npos);
  EXPECT_NE(out->find("--=_visitd_msg_abc--\r\n"), std::string::npos);
  // Non-ASCII header text is encoded (RFC 2047, in whichever charset fits), never raw.
  const std::string headers = out->substr(0, out->find("\r\n\r\n"));
  EXPECT_TRUE(std::all_of(headers.begin(), headers.end(), [](unsigned char c) { return c < 0x80; })) << headers;
  EXPECT_NE(headers.find("Subject: Confirmed: Checkup =?UTF-8?"), std::string::npos) << headers;
  EXPECT_NE(headers.find("To: =?"), std::string::npos) << headers;
}

TEST(Mime, RefusesAddressesThatCouldInjectHeaders) {
  auto m = mail();
  m.to.address = "zoe@example.com\r\nBcc: x@evil.test";
  EXPECT_FALSE(build_mime(m));
  m = mail();
  m.to.name = "Eve\r\nBcc: x@evil.test";
  auto out = build_mime(m);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->find("\r\nBcc:"), std::string::npos);
}

TEST(Mime, EveryLineFitsRfc5322Limits) {
  auto m = mail();
  m.text = std::string(500, 'x');
  m.to.name = "Ana María de los Ángeles García-Fernández y López, de la Torre, Sánchez-Vicario";
  m.subject =
      "Confirmed: Consultation approfondie — suivi très détaillé de votre santé, avec examen complet with "
      "Northwind Health, Tuesday 1 December 2026, 09:00";
  auto out = build_mime(m);
  ASSERT_TRUE(out);
  std::size_t start = 0;
  while (start < out->size()) {
    const auto end = out->find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end - start, 78u) << out->substr(start, end - start);
    start = end + 2;
  }
}

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : s + " ") {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      if (!w.empty()) out.push_back(w);
      w.clear();
    } else {
      w += c;
    }
  }
  return out;
}

// Parses a built message back with GMime and answers the To: list as (name, address) pairs.
std::vector<std::pair<std::string, std::string>> recipients_of(const std::string& mime) {
  GMimeStream* stream = g_mime_stream_mem_new_with_buffer(mime.data(), mime.size());
  GMimeParser* parser = g_mime_parser_new_with_stream(stream);
  GMimeMessage* msg = g_mime_parser_construct_message(parser, nullptr);
  std::vector<std::pair<std::string, std::string>> out;
  InternetAddressList* to = g_mime_message_get_to(msg);
  for (int i = 0; i < internet_address_list_length(to); ++i) {
    InternetAddress* a = internet_address_list_get_address(to, i);
    const char* name = internet_address_get_name(a);
    const char* addr =
        INTERNET_ADDRESS_IS_MAILBOX(a) ? internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a)) : "(group)";
    out.emplace_back(name ? name : "", addr ? addr : "");
  }
  g_object_unref(msg);
  g_object_unref(parser);
  g_object_unref(stream);
  return out;
}

TEST(Mime, AnyDisplayNameYieldsExactlyTheOneRecipient) {
  for (const std::string& name :
       std::vector<std::string>{"Smith, Robert \"Bob\"", "O'Neil; Zoë <zoe@evil.test>",
                                "Back\\slash (comment) =?UTF-8?B?eA==?=", "Łukasz, Żółć",
                                std::string(120, 'n') + ", " + std::string(50, 'm'), "@:;, \"\""}) {
    auto m = mail();
    m.to = {name, "bob@example.test"};
    auto out = build_mime(m);
    ASSERT_TRUE(out) << name;
    const auto to = recipients_of(*out);
    ASSERT_EQ(to.size(), 1u) << name << "\n" << *out;
    EXPECT_EQ(to[0].second, "bob@example.test");
    // The name comes back word for word; a folded long name may turn a space into a tab, and
    // a literal encoded word inside a name is decoded by lenient readers (GMime, Python).
    if (name.find("=?") == std::string::npos) {
      EXPECT_EQ(words(to[0].first), words(name)) << *out;
    }
  }
}

Invite invite(bool cancel) {
  Invite in;
  in.cancel = cancel;
  in.uid = "bk_123@northwind.test";
  in.sequence = 2;
  in.time = {at(1893999600), at(1894001400)};
  in.stamp = at(1893974400);
  in.summary = "Checkup with Dr Ada";
  in.join_url = "https://visitd.example/join/tok";
  in.organizer_name = "Northwind";
  in.organizer_email = "bookings@northwind.test";
  in.attendee_name = "Ann \"quoted\"";
  in.attendee_email = "ann@example.com";
  return in;
}

TEST(ICalendar, RequestHasUidSequenceUtcTimesAndJoinLink) {
  const std::string text = build_invite(invite(false));
  icalcomponent* cal = icalparser_parse_string(text.c_str());
  ASSERT_NE(cal, nullptr);
  EXPECT_EQ(icalcomponent_get_method(cal), ICAL_METHOD_REQUEST);
  icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
  ASSERT_NE(ev, nullptr);
  EXPECT_STREQ(icalcomponent_get_uid(ev), "bk_123@northwind.test");
  EXPECT_EQ(icalcomponent_get_sequence(ev), 2);
  icaltimetype start = icalcomponent_get_dtstart(ev);
  EXPECT_TRUE(icaltime_is_utc(start));
  EXPECT_EQ(icaltime_as_timet(start), 1893999600);
  EXPECT_NE(std::string(icalcomponent_get_description(ev)).find("https://visitd.example/join/tok"), std::string::npos);
  icalproperty* url = icalcomponent_get_first_property(ev, ICAL_URL_PROPERTY);
  ASSERT_NE(url, nullptr);
  EXPECT_STREQ(icalproperty_get_url(url), "https://visitd.example/join/tok");
  icalproperty* att = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY);
  ASSERT_NE(att, nullptr);
  EXPECT_STREQ(icalproperty_get_attendee(att), "mailto:ann@example.com");
  icalcomponent_free(cal);
}

TEST(ICalendar, CancelKeepsUidAndSaysCancelled) {
  const std::string text = build_invite(invite(true));
  icalcomponent* cal = icalparser_parse_string(text.c_str());
  ASSERT_NE(cal, nullptr);
  EXPECT_EQ(icalcomponent_get_method(cal), ICAL_METHOD_CANCEL);
  icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
  EXPECT_STREQ(icalcomponent_get_uid(ev), "bk_123@northwind.test");
  EXPECT_EQ(icalcomponent_get_status(ev), ICAL_STATUS_CANCELLED);
  icalcomponent_free(cal);
}

TEST(Templates, HtmlEscapesValuesEvenInTripleMustache) {
  TemplateSet t{"Hi {{name}}", "Hi {{name}}", "<p>{{name}} {{{name}}}</p>"};
  auto out = render(t, {{"name", "<b>Eve</b> & co"}});
  ASSERT_TRUE(out);
  EXPECT_EQ(out->html, "<p>&lt;b&gt;Eve&lt;/b&gt; &amp; co &lt;b&gt;Eve&lt;/b&gt; &amp; co</p>");
  EXPECT_EQ(out->text, "Hi <b>Eve</b> & co");
}

TEST(Templates, SubjectStaysOneLine) {
  auto out = render({"Hi {{name}}", "", ""}, {{"name", "a\r\nBcc: x"}});
  ASSERT_TRUE(out);
  EXPECT_EQ(out->subject.find('\n'), std::string::npos);
}

TEST(Templates, BrokenTemplateIsAnErrorNamingThePart) {
  auto out = render({"", "", "{{#open}} never closed"}, {});
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().fields[0].field, "htmlBody");
}

TEST(Templates, DefaultsCarryLinksOnlyWhenGiven) {
  auto t = default_templates(core::MessageKind::confirmation, core::Channel::email);
  auto with = render(t, {{"manageUrl", "https://x/manage/1"}, {"joinUrl", "https://x/join/1"}, {"start", "Monday"}});
  ASSERT_TRUE(with);
  EXPECT_NE(with->text.find("https://x/join/1"), std::string::npos);
  EXPECT_NE(with->html.find("href=\"https://x/manage/1\""), std::string::npos);
  auto without = render(t, {{"start", "Monday"}});
  ASSERT_TRUE(without);
  EXPECT_EQ(without->text.find("Join the video call"), std::string::npos);
}

// The example from Twilio's webhook security documentation.
TEST(TwilioSignature, MatchesTheDocumentedExample) {
  const std::string token = "12345";
  const std::string url = "https://mycompany.com/myapp.php?foo=1&bar=2";
  FormParams params = {{"CallSid", "CA1234567890ABCDE"},
                       {"Caller", "+12349013030"},
                       {"Digits", "1234"},
                       {"From", "+12349013030"},
                       {"To", "+18005551212"}};
  EXPECT_EQ(twilio_signature(token, url, params), "0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
  EXPECT_TRUE(twilio_signature_valid(token, url, params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
  EXPECT_FALSE(twilio_signature_valid(token, url, params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ"));
  EXPECT_FALSE(twilio_signature_valid("", url, params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
  params[2].second = "4321";
  EXPECT_FALSE(twilio_signature_valid(token, url, params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
}

TEST(Backoff, DoublesWithJitterUpToTheCap) {
  const core::Seconds base{30}, max{600};
  EXPECT_EQ(retry_delay(1, base, max, 0.0), core::Seconds{15});
  EXPECT_EQ(retry_delay(1, base, max, 1.0), core::Seconds{30});
  EXPECT_EQ(retry_delay(3, base, max, 1.0), core::Seconds{120});
  EXPECT_EQ(retry_delay(10, base, max, 1.0), core::Seconds{600});
  EXPECT_EQ(retry_delay(10, base, max, 0.0), core::Seconds{300});
  EXPECT_EQ(retry_delay(1000, base, max, 0.5), core::Seconds{450});
}

}  // namespace
}  // namespace visitd::notify
