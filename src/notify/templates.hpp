#pragma once
// Message templates: Mustache (kainjow's header-only engine), built-in defaults per kind and
// channel, editable per business. In HTML every value is HTML-escaped before it reaches the
// template, so even a triple-mustache {{{consumerName}}} cannot inject markup.
#include <map>
#include <string>

#include "core/reminder_plan.hpp"
#include "core/result.hpp"

namespace visitd::notify {

struct TemplateSet {
  std::string subject;  // email only
  std::string text;     // email text part, or the SMS body
  std::string html;     // email only
};

struct RenderedMessage {
  std::string subject;
  std::string text;
  std::string html;
};

using TemplateValues = std::map<std::string, std::string>;

TemplateSet default_templates(core::MessageKind kind, core::Channel channel);
// Parse errors name the part ("html: Unclosed section ...").
core::Result<RenderedMessage> render(const TemplateSet& t, const TemplateValues& values);
std::string html_escape(const std::string& s);

}  // namespace visitd::notify
