#include "notify/templates.hpp"

#include <kainjow/mustache.hpp>

namespace visitd::notify {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

const char* headline(core::MessageKind k) {
  switch (k) {
    case core::MessageKind::confirmation:
      return "Your appointment is confirmed.";
    case core::MessageKind::reschedule:
      // What changed decides the words: a new provider at the same time is not "a new time".
      return "{{#providerChanged}}Your appointment is now with {{providerName}}"
             "{{#timeChanged}}, at a new time{{/timeChanged}}.{{/providerChanged}}"
             "{{^providerChanged}}Your appointment has moved to a new time.{{/providerChanged}}";
    case core::MessageKind::cancellation:
      return "Your appointment has been cancelled.";
    case core::MessageKind::reminder:
      return "A reminder of your upcoming appointment.";
  }
  return "";
}

const char* subject_prefix(core::MessageKind k) {
  switch (k) {
    case core::MessageKind::confirmation:
      return "Confirmed";
    case core::MessageKind::reschedule:
      return "{{#providerChanged}}Changed{{/providerChanged}}{{^providerChanged}}Rescheduled{{/providerChanged}}";
    case core::MessageKind::cancellation:
      return "Cancelled";
    case core::MessageKind::reminder:
      return "Reminder";
  }
  return "";
}

constexpr const char* kText =
    "Hello {{recipientName}},\n\n"
    "{{headline}}\n\n"
    "{{serviceName}} with {{providerName}} ({{businessName}})\n"
    "When: {{start}} to {{endTime}} ({{timeZone}})\n"
    "{{#consumerName}}Client: {{consumerName}}\n{{/consumerName}}"
    "{{#reason}}Reason: {{reason}}\n{{/reason}}"
    "{{#joinUrl}}\nJoin the video call: {{joinUrl}}\n{{/joinUrl}}"
    "{{#manageUrl}}Reschedule or cancel: {{manageUrl}}\n{{/manageUrl}}"
    "{{#bookUrl}}\nBook a new appointment: {{bookUrl}}\n{{/bookUrl}}"
    "\n{{businessName}}\n"
    "{{#contactPhone}}Phone: {{contactPhone}}\n{{/contactPhone}}"
    "{{#contactEmail}}Email: {{contactEmail}}\n{{/contactEmail}}"
    "{{#contactAddress}}{{contactAddress}}\n{{/contactAddress}}";

constexpr const char* kHtml =
    "<!doctype html><html><body style=\"font-family:sans-serif\">"
    "{{#logoUrl}}<p><img src=\"{{logoUrl}}\" alt=\"{{businessName}}\" style=\"max-height:64px\"></p>{{/logoUrl}}"
    "<p>Hello {{recipientName}},</p>"
    "<p><strong{{#accentColor}} style=\"color:{{accentColor}}\"{{/accentColor}}>{{headline}}</strong></p>"
    "<p>{{serviceName}} with {{providerName}} ({{businessName}})<br>"
    "When: {{start}} to {{endTime}} ({{timeZone}})"
    "{{#consumerName}}<br>Client: {{consumerName}}{{/consumerName}}</p>"
    "{{#reason}}<p>Reason: {{reason}}</p>{{/reason}}"
    "{{#joinUrl}}<p><a href=\"{{joinUrl}}\">Join the video call</a></p>{{/joinUrl}}"
    "{{#manageUrl}}<p><a href=\"{{manageUrl}}\">Reschedule or cancel</a></p>{{/manageUrl}}"
    "{{#bookUrl}}<p><a href=\"{{bookUrl}}\">Book a new appointment</a></p>{{/bookUrl}}"
    "<p>{{businessName}}"
    "{{#contactPhone}}<br>Phone: {{contactPhone}}{{/contactPhone}}"
    "{{#contactEmail}}<br>Email: <a href=\"mailto:{{contactEmail}}\">{{contactEmail}}</a>{{/contactEmail}}"
    "{{#contactAddress}}<br>{{contactAddress}}{{/contactAddress}}</p></body></html>";

constexpr const char* kSms =
    "{{businessName}}: {{headline}} {{serviceName}}, {{start}} ({{timeZone}})."
    "{{#reason}} Reason: {{reason}}{{/reason}}"
    "{{#joinUrl}} Join: {{joinUrl}}{{/joinUrl}}{{#manageUrl}} Manage: {{manageUrl}}{{/manageUrl}}"
    "{{#bookUrl}} Book again: {{bookUrl}}{{/bookUrl}}"
    " Reply STOP to opt out.";

core::Result<std::string> render_one(const std::string& name, const std::string& text, const TemplateValues& values,
                                     bool html) {
  if (text.empty()) return std::string();
  mustache tmpl{text};
  if (!tmpl.is_valid()) return core::Error::invalid(name, tmpl.error_message());
  // Values are escaped here (HTML) or not at all (text, SMS, subject): the engine's own
  // escaping is switched off so {{ }} and {{{ }}} behave the same.
  tmpl.set_custom_escape([](const std::string& s) { return s; });
  data d;
  for (const auto& [k, v] : values) {
    if (v.empty()) {
      d.set(k, data::type::bool_false);
    } else {
      d.set(k, html ? html_escape(v) : v);
    }
  }
  std::string out = tmpl.render(d);
  if (!tmpl.is_valid()) return core::Error::invalid(name, tmpl.error_message());
  return out;
}

}  // namespace

std::string html_escape(const std::string& s) { return kainjow::mustache::html_escape<std::string>(s); }

TemplateSet default_templates(core::MessageKind kind, core::Channel channel) {
  TemplateSet t;
  // The headline is a fixed phrase per kind; kept out of the values so templates may drop it.
  const std::string h = headline(kind);
  auto with_headline = [&](std::string s) {
    for (std::size_t pos; (pos = s.find("{{headline}}")) != std::string::npos;) s.replace(pos, 12, h);
    return s;
  };
  if (channel == core::Channel::sms) {
    t.text = with_headline(kSms);
    return t;
  }
  t.subject = std::string(subject_prefix(kind)) + ": {{serviceName}} with {{businessName}}, {{start}}";
  t.text = with_headline(kText);
  t.html = with_headline(kHtml);
  return t;
}

core::Result<RenderedMessage> render(const TemplateSet& t, const TemplateValues& values) {
  auto subject = render_one("subject", t.subject, values, false);
  if (!subject) return subject.error();
  auto text = render_one("textBody", t.text, values, false);
  if (!text) return text.error();
  auto html = render_one("htmlBody", t.html, values, true);
  if (!html) return html.error();
  RenderedMessage out{std::move(*subject), std::move(*text), std::move(*html)};
  // A subject is one header line whatever a value held.
  for (char& c : out.subject)
    if (c == '\r' || c == '\n') c = ' ';
  return out;
}

}  // namespace visitd::notify
