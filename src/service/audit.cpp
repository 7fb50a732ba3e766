#include "service/audit.hpp"

#include <map>

namespace visitd::service {

namespace {

// "kind:id" -> {kind, id}; a value without a colon is all kind ("consumer", "system").
std::pair<std::string, std::string> split_ref(const std::string& ref) {
  const auto colon = ref.find(':');
  if (colon == std::string::npos) return {ref, {}};
  return {ref.substr(0, colon), ref.substr(colon + 1)};
}

// Resolves names once per page: the staff, tokens, providers and services of the business
// are read at most once, bookings and former users one by one.
class Names {
 public:
  Names(const StoreRoles& store, const core::Business& business) : store_(store), business_(business) {}

  std::optional<std::string> of(const std::string& ref) {
    auto [kind, id] = split_ref(ref);
    if (id.empty()) return std::nullopt;
    if (kind == "user") return user(id);
    if (kind == "token") return token(id);
    if (kind == "provider")
      return from_list(providers_, id, [&] {
        for (const auto& p : store_.catalog.providers_of(business_.id)) providers_[p.id] = p.name;
      });
    if (kind == "service")
      return from_list(services_, id, [&] {
        for (const auto& s : store_.catalog.services_of(business_.id)) services_[s.id] = s.name;
      });
    if (kind == "business") return id == business_.id ? std::optional(business_.name) : std::nullopt;
    if (kind == "booking") return booking(id);
    return std::nullopt;
  }

 private:
  template <class Load>
  std::optional<std::string> from_list(std::map<core::Id, std::string>& names, const core::Id& id, Load load) {
    if (names.empty()) load();
    auto it = names.find(id);
    if (it == names.end()) return std::nullopt;
    return it->second;
  }

  std::optional<std::string> user(const core::Id& id) {
    if (users_.empty())
      for (const auto& m : store_.staff.staff_of(business_.id)) users_[m.user.id] = m.user.name;
    if (auto it = users_.find(id); it != users_.end()) return it->second;
    // A former member: their user record outlives the membership.
    auto u = store_.staff.user_by_id(id);
    if (!u) return std::nullopt;
    return users_[id] = u->user.name;
  }

  std::optional<std::string> token(const core::Id& id) {
    return from_list(tokens_, id, [&] {
      for (const auto& t : store_.staff.api_tokens_of(business_.id)) tokens_[t.id] = t.name;
    });
  }

  std::optional<std::string> booking(const core::Id& id) {
    if (auto it = bookings_.find(id); it != bookings_.end()) return it->second;
    auto b = store_.bookings.booking(id);
    if (!b || b->business_id != business_.id) return std::nullopt;
    return bookings_[id] = b->consumer.name;
  }

  const StoreRoles& store_;
  const core::Business& business_;
  std::map<core::Id, std::string> users_, tokens_, providers_, services_, bookings_;
};

}  // namespace

AuditView AuditLog::list(const core::Business& business, const store::AuditQuery& query) const {
  auto page = ports_.store.audit.audit_page(business.id, query);
  Names names(ports_.store, business);
  AuditView view;
  view.total = page.total;
  for (auto& e : page.items) {
    auto actor = names.of(e.actor);
    auto target = names.of(e.target);
    view.items.push_back({std::move(e), std::move(actor), std::move(target)});
  }
  return view;
}

}  // namespace visitd::service
