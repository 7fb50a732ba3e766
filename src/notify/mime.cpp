#include "notify/mime.hpp"

#include <gmime/gmime.h>

#include <algorithm>
#include <memory>
#include <mutex>

namespace visitd::notify {
namespace {

void init_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

struct GObjectUnref {
  void operator()(gpointer p) const {
    if (p) g_object_unref(p);
  }
};
template <class T>
using Ref = std::unique_ptr<T, GObjectUnref>;

std::string one_line(std::string s) {
  std::replace_if(
      s.begin(), s.end(), [](char c) { return c == '\r' || c == '\n'; }, ' ');
  return s;
}

// A leaf part holding UTF-8 text, always base64: bodies may hold any character and long
// lines (HTML, iCalendar folding is CRLF-sensitive), and base64 keeps them byte-exact.
Ref<GMimePart> text_part(const char* subtype, const std::string& body) {
  Ref<GMimePart> part(g_mime_part_new_with_type("text", subtype));
  GMimeObject* obj = GMIME_OBJECT(part.get());
  g_mime_object_set_content_type_parameter(obj, "charset", "UTF-8");
  Ref<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(body.data(), body.size()));
  Ref<GMimeDataWrapper> content(g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
  g_mime_part_set_content(part.get(), content.get());
  g_mime_part_set_content_encoding(part.get(), GMIME_CONTENT_ENCODING_BASE64);
  return part;
}

void add_mailbox(GMimeMessage* msg, GMimeAddressType type, const Mailbox& m) {
  const std::string name = one_line(m.name);
  g_mime_message_add_mailbox(msg, type, name.empty() ? nullptr : name.c_str(), m.address.c_str());
}

}  // namespace

bool safe_address(std::string_view a) {
  if (a.empty() || a.size() > 254 || std::count(a.begin(), a.end(), '@') != 1) return false;
  if (a.front() == '@' || a.back() == '@') return false;
  return std::none_of(a.begin(), a.end(), [](unsigned char c) {
    return c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' || c == ',' || c == ';' || c == '(' || c == ')' ||
           c == '\\';
  });
}

std::optional<std::string> build_mime(const MailContent& m) {
  if (!safe_address(m.from.address) || !safe_address(m.to.address) || !safe_address(m.message_id)) {
    return std::nullopt;
  }
  init_gmime();
  Ref<GMimeMessage> msg(g_mime_message_new(FALSE));
  GMimeObject* root = GMIME_OBJECT(msg.get());
  add_mailbox(msg.get(), GMIME_ADDRESS_TYPE_FROM, m.from);
  add_mailbox(msg.get(), GMIME_ADDRESS_TYPE_TO, m.to);
  g_mime_message_set_subject(msg.get(), one_line(m.subject).c_str(), "UTF-8");
  std::unique_ptr<GDateTime, void (*)(GDateTime*)> date(
      g_date_time_new_from_unix_utc(static_cast<gint64>(m.date.time_since_epoch().count())), g_date_time_unref);
  g_mime_message_set_date(msg.get(), date.get());
  g_mime_message_set_message_id(msg.get(), m.message_id.c_str());
  g_mime_object_set_header(root, "MIME-Version", "1.0", nullptr);
  g_mime_object_set_header(root, "Auto-Submitted", "auto-generated", nullptr);

  if (m.html.empty() && m.calendar.empty()) {
    auto body = text_part("plain", m.text);
    g_mime_message_set_mime_part(msg.get(), GMIME_OBJECT(body.get()));
  } else {
    Ref<GMimeMultipart> alt(g_mime_multipart_new_with_subtype("alternative"));
    // Deterministic boundary: a retried send of the same message is the same message.
    const std::string boundary = "=_visitd_" + m.message_id.substr(0, m.message_id.find('@'));
    g_mime_multipart_set_boundary(alt.get(), boundary.c_str());
    g_mime_multipart_set_prologue(alt.get(), "This is a multi-part message in MIME format.");
    auto text = text_part("plain", m.text);
    g_mime_multipart_add(alt.get(), GMIME_OBJECT(text.get()));
    if (!m.html.empty()) {
      auto html = text_part("html", m.html);
      g_mime_multipart_add(alt.get(), GMIME_OBJECT(html.get()));
    }
    if (!m.calendar.empty()) {
      auto cal = text_part("calendar", m.calendar);
      const std::string method = m.calendar_method.empty() ? "REQUEST" : m.calendar_method;
      g_mime_object_set_content_type_parameter(GMIME_OBJECT(cal.get()), "method", method.c_str());
      g_mime_multipart_add(alt.get(), GMIME_OBJECT(cal.get()));
    }
    g_mime_message_set_mime_part(msg.get(), GMIME_OBJECT(alt.get()));
  }

  std::unique_ptr<GMimeFormatOptions, void (*)(GMimeFormatOptions*)> fmt(g_mime_format_options_new(),
                                                                         g_mime_format_options_free);
  g_mime_format_options_set_newline_format(fmt.get(), GMIME_NEWLINE_FORMAT_DOS);
  char* text = g_mime_object_to_string(root, fmt.get());
  if (!text) return std::nullopt;
  std::string out = text;
  g_free(text);
  return out;
}

}  // namespace visitd::notify
