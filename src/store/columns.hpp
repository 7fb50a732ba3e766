#pragma once
// Column spellings of enumerations both backends store as text (the schemas' CHECK
// constraints list the same words). They are the store's, not the wire's: the JSON and the
// live protocol spell enumerations in wire/names.hpp, and a schema may keep its words when
// the wire's change. Role, booking status and question kind have their columns in
// store/rows.hpp, beside the row mapping that reads them.
//
// `*_column(e)` returns a static string; `*_from_column(text)` is nullopt for any other text
// (a corrupt row: the caller reports it).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/reminder_plan.hpp"
#include "core/room_policy.hpp"
#include "store/outbox.hpp"

namespace visitd::store {

const char* kind_column(core::MessageKind k);     // confirmation | reschedule | cancellation | reminder
const char* channel_column(core::Channel c);      // email | sms
const char* recipient_column(core::Recipient r);  // consumer | provider
const char* lobby_column(core::LobbyState s);     // admitted | denied | removed (waiting is no row)
// planned | sending | sent | delivered | failed | withdrawn | suppressed_opt_out | no_address
const char* message_status_column(MessageStatus s);
std::optional<core::MessageKind> kind_from_column(std::string_view text);
std::optional<core::Channel> channel_from_column(std::string_view text);
std::optional<core::Recipient> recipient_from_column(std::string_view text);
std::optional<core::LobbyState> lobby_from_column(std::string_view text);
std::optional<MessageStatus> message_status_from_column(std::string_view text);

// A notification policy's route list as one column: "consumer:email,provider:email" (empty
// = none). nullopt on an unknown word, a missing ':' or a repeated route.
std::string routes_to_column(const std::vector<core::Route>& routes);
std::optional<std::vector<core::Route>> routes_from_column(std::string_view text);

}  // namespace visitd::store
