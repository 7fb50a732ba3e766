#include "wire/names.hpp"

#include <utility>

namespace visitd::wire {
namespace {

// One table per enumeration, in the enumeration's order: name() indexes it, parse() scans it.
constexpr std::pair<core::Role, const char*> kRoles[] = {
    {core::Role::owner, "owner"}, {core::Role::manager, "manager"}, {core::Role::provider, "provider"}};
constexpr std::pair<core::QuestionKind, const char*> kQuestionKinds[] = {
    {core::QuestionKind::short_text, "shortText"},
    {core::QuestionKind::long_text, "longText"},
    {core::QuestionKind::single_choice, "singleChoice"}};
constexpr std::pair<core::BookingStatus, const char*> kBookingStatuses[] = {
    {core::BookingStatus::confirmed, "confirmed"},
    {core::BookingStatus::cancelled, "cancelled"},
    {core::BookingStatus::completed, "completed"},
    {core::BookingStatus::no_show, "noShow"}};
constexpr std::pair<core::MessageKind, const char*> kMessageKinds[] = {
    {core::MessageKind::confirmation, "confirmation"},
    {core::MessageKind::reschedule, "reschedule"},
    {core::MessageKind::cancellation, "cancellation"},
    {core::MessageKind::reminder, "reminder"}};
constexpr std::pair<core::Channel, const char*> kChannels[] = {{core::Channel::email, "email"},
                                                               {core::Channel::sms, "sms"}};
constexpr std::pair<core::Recipient, const char*> kRecipients[] = {{core::Recipient::consumer, "consumer"},
                                                                   {core::Recipient::provider, "provider"}};
constexpr std::pair<core::RoomRole, const char*> kRoomRoles[] = {{core::RoomRole::host, "host"},
                                                                 {core::RoomRole::guest, "guest"}};
constexpr std::pair<core::LobbyState, const char*> kLobbyStates[] = {{core::LobbyState::waiting, "waiting"},
                                                                     {core::LobbyState::admitted, "admitted"},
                                                                     {core::LobbyState::denied, "denied"},
                                                                     {core::LobbyState::removed, "removed"}};
constexpr std::pair<store::MessageStatus, const char*> kMessageStatuses[] = {
    {store::MessageStatus::planned, "planned"},
    {store::MessageStatus::sending, "sending"},
    {store::MessageStatus::sent, "sent"},
    {store::MessageStatus::delivered, "delivered"},
    {store::MessageStatus::failed, "failed"},
    {store::MessageStatus::withdrawn, "withdrawn"},
    {store::MessageStatus::suppressed_opt_out, "suppressed-opt-out"},
    {store::MessageStatus::no_address, "no-address"}};

template <class E, std::size_t N>
const char* name_in(E e, const std::pair<E, const char*> (&table)[N]) {
  for (const auto& [value, text] : table)
    if (value == e) return text;
  return table[0].second;  // unreachable for a valid enumerator
}

template <class E, std::size_t N>
std::optional<E> parse_in(std::string_view s, const std::pair<E, const char*> (&table)[N]) {
  for (const auto& [value, text] : table)
    if (s == text) return value;
  return std::nullopt;
}

}  // namespace

const char* name(core::Role r) { return name_in(r, kRoles); }
const char* name(core::QuestionKind k) { return name_in(k, kQuestionKinds); }
const char* name(core::BookingStatus s) { return name_in(s, kBookingStatuses); }
const char* name(core::MessageKind k) { return name_in(k, kMessageKinds); }
const char* name(core::Channel c) { return name_in(c, kChannels); }
const char* name(core::Recipient r) { return name_in(r, kRecipients); }
const char* name(core::RoomRole r) { return name_in(r, kRoomRoles); }
const char* name(core::LobbyState s) { return name_in(s, kLobbyStates); }
const char* name(store::MessageStatus s) { return name_in(s, kMessageStatuses); }

template <>
std::optional<core::Role> parse(std::string_view text) {
  return parse_in(text, kRoles);
}
template <>
std::optional<core::QuestionKind> parse(std::string_view text) {
  return parse_in(text, kQuestionKinds);
}
template <>
std::optional<core::BookingStatus> parse(std::string_view text) {
  return parse_in(text, kBookingStatuses);
}
template <>
std::optional<core::MessageKind> parse(std::string_view text) {
  return parse_in(text, kMessageKinds);
}
template <>
std::optional<core::Channel> parse(std::string_view text) {
  return parse_in(text, kChannels);
}
template <>
std::optional<core::Recipient> parse(std::string_view text) {
  return parse_in(text, kRecipients);
}
template <>
std::optional<core::RoomRole> parse(std::string_view text) {
  return parse_in(text, kRoomRoles);
}
template <>
std::optional<core::LobbyState> parse(std::string_view text) {
  return parse_in(text, kLobbyStates);
}
template <>
std::optional<store::MessageStatus> parse(std::string_view text) {
  return parse_in(text, kMessageStatuses);
}

}  // namespace visitd::wire
