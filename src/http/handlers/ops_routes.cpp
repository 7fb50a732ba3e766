// Operations endpoints: liveness, readiness (the database answers) and Prometheus metrics.
#include "http/handlers/routes.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"

namespace visitd::http {

void register_ops_routes(Router& r, ApiContext& ctx) {
  // Liveness and metrics never block, so they answer on the network thread even when the
  // worker pool is saturated; readiness asks the database, so it runs on the pool.
  r.add(
      "GET", "/healthz",
      [](Request&) {
        return json_response(200, boost::json::object{{"status", "ok"}});
      },
      Runs::on_network_thread);
  r.add("GET", "/readyz", [&ctx](Request&) {
    if (ctx.use.settings.healthy()) return json_response(200, boost::json::object{{"status", "ready"}});
    return problem_from(core::Error::typed(core::ErrorCode::unavailable, "not-ready", "the database does not answer"));
  });
  r.add(
      "GET", "/metrics",
      [&ctx](Request&) {
        Response res;
        res.content_type = "text/plain; version=0.0.4";
        res.body = ctx.metrics.render();
        return res;
      },
      Runs::on_network_thread);
}

}  // namespace visitd::http
