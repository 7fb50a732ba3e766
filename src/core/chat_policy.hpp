#pragma once
// Who may change which chat message in an appointment room. The store re-reads the message
// inside its write transaction and asks here before writing the change.
#include <string>

#include "core/result.hpp"

namespace visitd::core {

enum class ChatChange { edit, remove };

struct ChatMessageFacts {
  std::string author_id;  // participant id of the author
  bool deleted = false;
};

// Authors edit and delete their own messages; a moderator (a host) may also delete anyone's,
// but never edit them. A deleted message changes no more.
// Errors: gone "the message was deleted"; forbidden "only the author may change this message".
Status check_chat_change(const ChatMessageFacts& message, const std::string& by_participant, bool moderator,
                         ChatChange change);

}  // namespace visitd::core
