#pragma once
// The wire spellings of the domain's enumerations: how the JSON API, the live protocol, the
// message templates and the CLI write and read them. Core holds the enumerations, not their
// text; a store keeps its own column spellings (store/columns.hpp, the backends' rows.cpp).
// Changing a string here changes the public contract (docs/openapi.yaml,
// docs/live-protocol.md): the contract tests compare them.
//
// `name(e)` returns a static NUL-terminated string. `parse<E>(text)` is nullopt for any text
// that is not exactly one of E's spellings (case-sensitive).
#include <optional>
#include <string_view>

#include "core/model.hpp"
#include "core/reminder_plan.hpp"
#include "core/room_policy.hpp"
#include "store/outbox.hpp"

namespace visitd::wire {

const char* name(core::Role r);            // owner | manager | provider
const char* name(core::QuestionKind k);    // shortText | longText | singleChoice
const char* name(core::BookingStatus s);   // confirmed | cancelled | completed | noShow
const char* name(core::MessageKind k);     // confirmation | reschedule | cancellation | reminder
const char* name(core::Channel c);         // email | sms
const char* name(core::Recipient r);       // consumer | provider
const char* name(core::RoomRole r);        // host | guest
const char* name(core::LobbyState s);      // waiting | admitted | denied | removed
const char* name(store::MessageStatus s);  // planned ... suppressed-opt-out | no-address

template <class E>
std::optional<E> parse(std::string_view text);

template <>
std::optional<core::Role> parse(std::string_view text);
template <>
std::optional<core::QuestionKind> parse(std::string_view text);
template <>
std::optional<core::BookingStatus> parse(std::string_view text);
template <>
std::optional<core::MessageKind> parse(std::string_view text);
template <>
std::optional<core::Channel> parse(std::string_view text);
template <>
std::optional<core::Recipient> parse(std::string_view text);
template <>
std::optional<core::RoomRole> parse(std::string_view text);
template <>
std::optional<core::LobbyState> parse(std::string_view text);
template <>
std::optional<store::MessageStatus> parse(std::string_view text);

}  // namespace visitd::wire
