#pragma once
// Port: the booking counters a use case reports. Each use case counts once per call
// (created, conflict, rescheduled, cancelled); callers never count. http::Metrics
// implements it for /metrics.
namespace visitd::service {

class MetricsSink {
 public:
  virtual ~MetricsSink() = default;
  virtual void booking_created() = 0;
  virtual void booking_conflict() = 0;
  virtual void booking_rescheduled() = 0;
  virtual void booking_cancelled() = 0;
};

class NoMetrics final : public MetricsSink {
 public:
  void booking_created() override {}
  void booking_conflict() override {}
  void booking_rescheduled() override {}
  void booking_cancelled() override {}
};

}  // namespace visitd::service
