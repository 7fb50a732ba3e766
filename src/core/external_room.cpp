#include "core/external_room.hpp"

#include "core/validation.hpp"

namespace visitd::core {

namespace {

void check_window(const Interval& w, std::vector<FieldError>& errors) {
  if (w.end <= w.begin) {
    errors.push_back({"end", "must be after start"});
  } else if (w.end - w.begin > kMaxRoomWindow) {
    errors.push_back({"end", "a room's window is at most 7 days"});
  }
}

void check_title(const std::string& title, std::vector<FieldError>& errors) {
  if (title.empty()) errors.push_back({"title", "is required"});
  if (title.size() > kMaxRoomTitleLength) {
    errors.push_back({"title", "at most " + std::to_string(kMaxRoomTitleLength) + " characters"});
  }
}

}  // namespace

std::vector<FieldError> validate_room_participant(const RoomParticipantSpec& p, const std::string& prefix) {
  std::vector<FieldError> errors;
  if (p.display_name.empty()) errors.push_back({prefix + "displayName", "is required"});
  if (p.display_name.size() > kMaxDisplayNameLength) {
    errors.push_back({prefix + "displayName", "at most " + std::to_string(kMaxDisplayNameLength) + " characters"});
  }
  if (p.email && (p.email->size() > kMaxEmailLength || !is_plausible_email(*p.email))) {
    errors.push_back({prefix + "email", "is not a valid e-mail address"});
  }
  if (p.external_id && (p.external_id->empty() || p.external_id->size() > kMaxExternalIdLength)) {
    errors.push_back({prefix + "externalId", "1 to " + std::to_string(kMaxExternalIdLength) + " characters"});
  }
  return errors;
}

std::vector<FieldError> validate_external_room(const ExternalRoomSpec& spec) {
  std::vector<FieldError> errors;
  check_window(spec.window, errors);
  check_title(spec.title, errors);
  if (spec.participants.size() > kMaxRoomParticipants) {
    errors.push_back({"participants", "at most " + std::to_string(kMaxRoomParticipants) + " participants"});
    return errors;
  }
  for (std::size_t i = 0; i < spec.participants.size(); ++i) {
    auto more = validate_room_participant(spec.participants[i], "participants[" + std::to_string(i) + "].");
    errors.insert(errors.end(), more.begin(), more.end());
  }
  return errors;
}

std::vector<FieldError> validate_room_change(const std::optional<Interval>& window,
                                             const std::optional<std::string>& title) {
  std::vector<FieldError> errors;
  if (window) check_window(*window, errors);
  if (title) check_title(*title, errors);
  return errors;
}

Status check_room_change(bool ended) {
  if (ended) return Error::typed(ErrorCode::gone, "room-ended", "this room has ended");
  return ok_status();
}

Status check_add_participant(std::size_t present, bool ended) {
  if (auto s = check_room_change(ended); !s) return s;
  if (present >= kMaxRoomParticipants) {
    return Error::typed(ErrorCode::conflict, "room-full",
                        "a room has at most " + std::to_string(kMaxRoomParticipants) + " participants");
  }
  return ok_status();
}

Status check_participant_link(int link_version, int current_version, bool removed, bool ended, Instant window_end,
                              Minutes grace, Instant now) {
  if (link_version < 1 || link_version > current_version) return Error::make(ErrorCode::not_found, "invalid link");
  if (removed) {
    return Error::typed(ErrorCode::gone, "participant-removed", "you were removed from this meeting");
  }
  if (ended) return Error::typed(ErrorCode::gone, "room-ended", "this meeting has ended");
  if (now >= window_end + grace) {
    return Error::typed(ErrorCode::gone, "link-expired", "this link has expired; ask the business for a new one");
  }
  if (link_version != current_version) {
    return Error::typed(ErrorCode::gone, "link-revoked", "this link was replaced by a newer one");
  }
  return ok_status();
}

bool may_manage_rooms(Role role) { return role_at_least(role, Role::manager); }

Booking external_room_booking(const Id& room_id, const Id& business_id, const Interval& window,
                              const std::optional<Id>& provider_id) {
  Booking b;
  b.id = room_id;
  b.business_id = business_id;
  b.provider_id = provider_id.value_or("");
  b.time = window;
  b.block = window;
  b.status = BookingStatus::confirmed;  // ending is the room's own record (RoomRecord::ended_at)
  return b;
}

Service external_room_service(const std::string& title, bool lobby) {
  Service s;
  s.name = title;
  s.room_open_before_minutes = 0;
  s.room_close_after_minutes = 0;
  s.room_auto_admit = !lobby;
  return s;
}

}  // namespace visitd::core
