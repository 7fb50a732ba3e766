#include "store/columns.hpp"

#include <algorithm>
#include <utility>

namespace visitd::store {
namespace {

constexpr std::pair<core::MessageKind, const char*> kKinds[] = {{core::MessageKind::confirmation, "confirmation"},
                                                                {core::MessageKind::reschedule, "reschedule"},
                                                                {core::MessageKind::cancellation, "cancellation"},
                                                                {core::MessageKind::reminder, "reminder"}};
constexpr std::pair<core::Channel, const char*> kChannels[] = {{core::Channel::email, "email"},
                                                               {core::Channel::sms, "sms"}};
constexpr std::pair<core::Recipient, const char*> kRecipients[] = {{core::Recipient::consumer, "consumer"},
                                                                   {core::Recipient::provider, "provider"}};
constexpr std::pair<core::LobbyState, const char*> kLobby[] = {{core::LobbyState::waiting, "waiting"},
                                                               {core::LobbyState::admitted, "admitted"},
                                                               {core::LobbyState::denied, "denied"},
                                                               {core::LobbyState::removed, "removed"}};
// The schemas' CHECK words, distinct from the wire's "suppressed-opt-out".
constexpr std::pair<MessageStatus, const char*> kMessageStatuses[] = {
    {MessageStatus::planned, "planned"},
    {MessageStatus::sending, "sending"},
    {MessageStatus::sent, "sent"},
    {MessageStatus::delivered, "delivered"},
    {MessageStatus::failed, "failed"},
    {MessageStatus::withdrawn, "withdrawn"},
    {MessageStatus::suppressed_opt_out, "suppressed_opt_out"},
    {MessageStatus::no_address, "no_address"}};

template <class E, std::size_t N>
const char* text_of(E e, const std::pair<E, const char*> (&table)[N]) {
  for (const auto& [value, text] : table)
    if (value == e) return text;
  return table[0].second;  // unreachable for a valid enumerator
}

template <class E, std::size_t N>
std::optional<E> value_of(std::string_view s, const std::pair<E, const char*> (&table)[N]) {
  for (const auto& [value, text] : table)
    if (s == text) return value;
  return std::nullopt;
}

}  // namespace

const char* kind_column(core::MessageKind k) { return text_of(k, kKinds); }
const char* channel_column(core::Channel c) { return text_of(c, kChannels); }
const char* recipient_column(core::Recipient r) { return text_of(r, kRecipients); }
const char* lobby_column(core::LobbyState s) { return text_of(s, kLobby); }
const char* message_status_column(MessageStatus s) { return text_of(s, kMessageStatuses); }
std::optional<core::MessageKind> kind_from_column(std::string_view text) { return value_of(text, kKinds); }
std::optional<core::Channel> channel_from_column(std::string_view text) { return value_of(text, kChannels); }
std::optional<core::Recipient> recipient_from_column(std::string_view text) { return value_of(text, kRecipients); }
std::optional<core::LobbyState> lobby_from_column(std::string_view text) { return value_of(text, kLobby); }
std::optional<MessageStatus> message_status_from_column(std::string_view text) {
  return value_of(text, kMessageStatuses);
}

std::string routes_to_column(const std::vector<core::Route>& routes) {
  std::string out;
  for (const auto& r : routes) {
    if (!out.empty()) out += ',';
    out += recipient_column(r.to);
    out += ':';
    out += channel_column(r.channel);
  }
  return out;
}

std::optional<std::vector<core::Route>> routes_from_column(std::string_view text) {
  std::vector<core::Route> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const std::string_view item = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    const auto colon = item.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    auto to = recipient_from_column(item.substr(0, colon));
    auto channel = channel_from_column(item.substr(colon + 1));
    if (!to || !channel) return std::nullopt;
    core::Route r{*to, *channel};
    if (std::find(out.begin(), out.end(), r) != out.end()) return std::nullopt;
    out.push_back(r);
  }
  return out;
}

}  // namespace visitd::store
