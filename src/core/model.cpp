#include "core/model.hpp"

namespace visitd::core {

namespace {

int rank(Role r) {
  switch (r) {
    case Role::owner:
      return 3;
    case Role::manager:
      return 2;
    case Role::provider:
      return 1;
  }
  return 0;
}

}  // namespace

const char* to_string(Role r) {
  switch (r) {
    case Role::owner:
      return "owner";
    case Role::manager:
      return "manager";
    case Role::provider:
      return "provider";
  }
  return "provider";
}

std::optional<Role> role_from_string(std::string_view s) {
  if (s == "owner") return Role::owner;
  if (s == "manager") return Role::manager;
  if (s == "provider") return Role::provider;
  return std::nullopt;
}

bool role_at_least(Role have, Role need) { return rank(have) >= rank(need); }

const char* to_string(QuestionKind k) {
  switch (k) {
    case QuestionKind::short_text:
      return "shortText";
    case QuestionKind::long_text:
      return "longText";
    case QuestionKind::single_choice:
      return "singleChoice";
  }
  return "shortText";
}

std::optional<QuestionKind> question_kind_from_string(std::string_view s) {
  if (s == "shortText") return QuestionKind::short_text;
  if (s == "longText") return QuestionKind::long_text;
  if (s == "singleChoice") return QuestionKind::single_choice;
  return std::nullopt;
}

const char* to_string(BookingStatus s) {
  switch (s) {
    case BookingStatus::confirmed:
      return "confirmed";
    case BookingStatus::cancelled:
      return "cancelled";
    case BookingStatus::completed:
      return "completed";
    case BookingStatus::no_show:
      return "noShow";
  }
  return "confirmed";
}

std::optional<BookingStatus> booking_status_from_string(std::string_view s) {
  if (s == "confirmed") return BookingStatus::confirmed;
  if (s == "cancelled") return BookingStatus::cancelled;
  if (s == "completed") return BookingStatus::completed;
  if (s == "noShow") return BookingStatus::no_show;
  return std::nullopt;
}

}  // namespace visitd::core
