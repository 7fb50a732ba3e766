#pragma once
// What the manager's template editor shows (issue K): the built-in texts, and a template
// rendered by the same engine and escaping as a sent message (notify/templates), filled with
// a sample appointment of the business. The browser keeps no template engine of its own.
#include "core/model.hpp"
#include "core/reminder_plan.hpp"
#include "notify/templates.hpp"

namespace visitd::notify {

// `t`: the parts being edited; an empty part renders the built-in one, as sending does.
// The sample starts two days after `now` at 09:00 in the business's zone. invalid naming
// subject / textBody / htmlBody when a part does not parse.
core::Result<RenderedMessage> preview_template(const core::Business& business, core::MessageKind kind,
                                               core::Channel channel, const TemplateSet& t, core::Instant now);

}  // namespace visitd::notify
