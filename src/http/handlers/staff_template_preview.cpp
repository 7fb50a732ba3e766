// The template editor's two questions (issue K): GET .../message-templates/defaults (the
// built-in texts, so the editor starts from them) and POST .../message-templates/preview (a
// template rendered by the server's own engine with a sample appointment). Both go through
// ApiSettings hooks to notify, which http does not link.
#include <boost/json/array.hpp>

#include "core/validation.hpp"
#include "http/handlers/staff_support.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "wire/names.hpp"

namespace visitd::http::staff {

namespace json = boost::json;
using core::Role;

namespace {

constexpr core::MessageKind kKinds[] = {core::MessageKind::confirmation, core::MessageKind::reschedule,
                                        core::MessageKind::cancellation, core::MessageKind::reminder};
constexpr core::Channel kChannels[] = {core::Channel::email, core::Channel::sms};

Response unavailable() { return not_found("Message templates are not available on this server"); }

Response get_defaults(ApiContext& ctx, Request&, const BusinessAccess&) {
  if (!ctx.settings.default_templates) return unavailable();
  json::array items;
  for (auto kind : kKinds)
    for (auto channel : kChannels) {
      const auto t = ctx.settings.default_templates(kind, channel);
      items.push_back(json::object{{"kind", wire::name(kind)},
                                   {"channel", wire::name(channel)},
                                   {"subject", t.subject},
                                   {"textBody", t.text},
                                   {"htmlBody", t.html}});
    }
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response post_preview(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  if (!ctx.settings.preview_template) return unavailable();
  auto body = body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  auto kind_text = r.string("kind", true, 20);
  auto channel_text = r.string("channel", true, 10);
  std::optional<core::MessageKind> kind;
  std::optional<core::Channel> channel;
  if (kind_text && !(kind = wire::parse<core::MessageKind>(*kind_text)))
    r.fail("kind", "must be one of confirmation, reschedule, cancellation, reminder");
  if (channel_text && !(channel = wire::parse<core::Channel>(*channel_text))) r.fail("channel", "must be email or sms");
  MessageTexts edited;
  edited.subject = r.string("subject", false, core::kMaxTemplateSubjectLength).value_or("");
  edited.text = r.string("textBody", false, core::kMaxTemplateLength).value_or("");
  edited.html = r.string("htmlBody", false, core::kMaxTemplateLength).value_or("");
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  auto out = ctx.settings.preview_template(a.business, *kind, *channel, edited, ctx.now());
  if (!out) return problem_from(out.error());
  return json_response(200, json::object{{"subject", out->subject}, {"textBody", out->text}, {"htmlBody", out->html}});
}

}  // namespace

void register_template_preview(Router& r, ApiContext& ctx) {
  r.add("GET", route("/message-templates/defaults"), gated(ctx, Role::manager, get_defaults));
  r.add("POST", route("/message-templates/preview"), gated(ctx, Role::manager, post_preview));
}

}  // namespace visitd::http::staff
