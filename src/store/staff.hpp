#pragma once
// Store role: staff and authentication. Users, their memberships (roles) in businesses,
// login sessions and API tokens. Secrets are stored only as hashes.
#include <optional>
#include <string>
#include <vector>

#include "store/actor.hpp"

namespace visitd::store {

struct StoredUser {
  core::User user;
  std::string password_hash;  // argon2id encoded string; empty = no password login
};

struct Session {
  std::string token_hash;  // sha256 hex of the cookie value; the raw value is never stored
  Id user_id;
  std::string csrf_token;
  Instant expires_at;
};

struct ApiToken {
  Id id;
  Id business_id;
  Id user_id;  // the staff user the token acts as
  std::string name;
  core::Role role;         // never above the creating user's role
  std::string token_hash;  // sha256 hex
  Instant created_at;
  std::optional<Instant> last_used_at;
};

struct StaffMember {
  core::User user;
  core::Role role;
};

class StaffStore {
 public:
  virtual ~StaffStore() = default;

  // ---- users, memberships ----
  virtual Result<core::User> create_user(core::User u, const std::string& password_hash) = 0;  // conflict on email
  virtual Result<StoredUser> user_by_email(const std::string& email) = 0;  // case-insensitive; not_found
  virtual Result<StoredUser> user_by_id(const Id& id) = 0;                 // not_found
  // Also ends every session of the user. not_found.
  virtual Status set_password_hash(const Id& user_id, const std::string& hash) = 0;
  virtual std::vector<core::Membership> memberships_of(const Id& user_id) = 0;
  virtual std::optional<core::Role> role_in(const Id& user_id, const Id& business_id) = 0;
  virtual std::vector<StaffMember> staff_of(const Id& business_id) = 0;
  // Adds or changes a membership. policy error when it would leave the business without an
  // owner (core::check_owner_kept, re-checked in the transaction); not_found for an unknown
  // business or user.
  virtual Status set_membership(const core::Membership& m, const Actor& by) = 0;
  // Removes the membership and the API tokens acting as that user there. Same owner rule.
  virtual Status remove_membership(const Id& business_id, const Id& user_id, const Actor& by) = 0;

  // ---- sessions and API tokens ----
  virtual Status create_session(const Session& s) = 0;
  // The session unless it expired at `now`.
  virtual std::optional<Session> session_by_hash(const std::string& token_hash, Instant now) = 0;
  virtual Status delete_session(const std::string& token_hash) = 0;
  // Id and created_at are minted by the store; the caller has checked the role it grants.
  virtual Result<ApiToken> create_api_token(ApiToken t, const Actor& by) = 0;
  virtual std::optional<ApiToken> api_token_by_hash(const std::string& token_hash) = 0;
  virtual std::vector<ApiToken> api_tokens_of(const Id& business_id) = 0;
  virtual Status delete_api_token(const Id& business_id, const Id& token_id, const Actor& by) = 0;
  virtual void touch_api_token(const Id& token_id, Instant now) = 0;  // sets last_used_at
};

}  // namespace visitd::store
