#include <stdexcept>

#include "store/store.hpp"
#include "store/webhooks.hpp"

namespace visitd::store {

WebhookStore& webhook_store(Store& store) {
  if (auto* w = dynamic_cast<WebhookStore*>(&store)) return *w;
  throw std::logic_error("this store keeps no webhooks");
}

}  // namespace visitd::store
