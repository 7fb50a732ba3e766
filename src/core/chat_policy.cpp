#include "core/chat_policy.hpp"

namespace visitd::core {

Status check_chat_change(const ChatMessageFacts& message, const std::string& by_participant, bool moderator,
                         ChatChange change) {
  if (message.deleted) return Error::make(ErrorCode::gone, "the message was deleted");
  const bool own = message.author_id == by_participant;
  const bool moderation = moderator && change == ChatChange::remove;
  if (!own && !moderation) return Error::make(ErrorCode::forbidden, "only the author may change this message");
  return ok_status();
}

}  // namespace visitd::core
