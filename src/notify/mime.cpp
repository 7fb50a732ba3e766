#include "notify/mime.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <ctime>
#include <vector>

namespace visitd::notify {
namespace {

constexpr std::size_t kLine = 76;

bool plain_ascii_word(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= 0x20 && c < 0x7f; });
}

std::string base64(std::string_view data) {
  std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(data.data()), static_cast<int>(data.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string mailbox_header(const Mailbox& m) {
  if (m.name.empty()) return "<" + m.address + ">";
  std::string name = m.name;
  // A quoted display name may not hold quotes or backslashes; encoded words may hold anything.
  const bool quotable = plain_ascii_word(name) && name.find_first_of("\"\\") == std::string::npos;
  return (quotable ? "\"" + name + "\"" : encode_header_word(name)) + " <" + m.address + ">";
}

std::string part(std::string_view content_type, std::string_view body) {
  return "Content-Type: " + std::string(content_type) + "\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
         base64_lines(body);
}

}  // namespace

std::string base64_lines(std::string_view data) {
  const std::string b = base64(data);
  std::string out;
  out.reserve(b.size() + b.size() / kLine * 2 + 2);
  for (std::size_t i = 0; i < b.size(); i += kLine) {
    out.append(b, i, kLine);
    out += "\r\n";
  }
  return out;
}

std::string encode_header_word(std::string_view text) {
  if (plain_ascii_word(text)) return std::string(text);
  // One encoded word per chunk of at most 45 bytes (60 base64 chars), split on UTF-8
  // character boundaries so no word holds half a character.
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = std::min(text.size(), i + 45);
    while (end < text.size() && end > i && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(text.substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::string rfc5322_date(core::Instant t) {
  const std::time_t tt = static_cast<std::time_t>(t.time_since_epoch().count());
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buf;
}

bool safe_address(std::string_view a) {
  if (a.empty() || a.size() > 254 || a.find('@') == std::string_view::npos) return false;
  return std::none_of(a.begin(), a.end(), [](unsigned char c) {
    return c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' || c == ',' || c == ';';
  });
}

std::optional<std::string> build_mime(const MailContent& m) {
  if (!safe_address(m.from.address) || !safe_address(m.to.address) || !safe_address(m.message_id)) {
    return std::nullopt;
  }
  // Deterministic boundary: a retried send of the same message is the same message.
  const std::string boundary = "=_visitd_" + m.message_id.substr(0, m.message_id.find('@'));
  std::string out;
  out += "From: " + mailbox_header(m.from) + "\r\n";
  out += "To: " + mailbox_header(m.to) + "\r\n";
  out += "Subject: " + encode_header_word(m.subject) + "\r\n";
  out += "Date: " + rfc5322_date(m.date) + "\r\n";
  out += "Message-ID: <" + m.message_id + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Auto-Submitted: auto-generated\r\n";
  if (m.html.empty() && m.calendar.empty()) {
    out += part("text/plain; charset=UTF-8", m.text);
    return out;
  }
  out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
  out += "This is a multi-part message in MIME format.\r\n";
  out += "--" + boundary + "\r\n" + part("text/plain; charset=UTF-8", m.text);
  if (!m.html.empty()) out += "--" + boundary + "\r\n" + part("text/html; charset=UTF-8", m.html);
  if (!m.calendar.empty()) {
    const std::string method = m.calendar_method.empty() ? "REQUEST" : m.calendar_method;
    out += "--" + boundary + "\r\n" + part("text/calendar; charset=UTF-8; method=" + method, m.calendar);
  }
  out += "--" + boundary + "--\r\n";
  return out;
}

}  // namespace visitd::notify
