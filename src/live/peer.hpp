#pragma once
// One live connection as the hub sees it: no Beast types, so the hub is testable with fakes.
#include <memory>
#include <string>

namespace visitd::live {

class Peer {
 public:
  virtual ~Peer() = default;
  // Queues one text message; never blocks. A peer that cannot keep up drops itself.
  virtual void send(std::shared_ptr<const std::string> text) = 0;
  // Closes with this WebSocket close code once everything queued before it is written.
  virtual void close(int code, std::string reason) = 0;
};

// WebSocket close codes the hub uses (docs/live-protocol.md).
namespace close_code {
inline constexpr int kGoingAway = 1001;
inline constexpr int kPolicy = 1008;
inline constexpr int kTooBig = 1009;
inline constexpr int kInternal = 1011;
inline constexpr int kTryAgainLater = 1013;
inline constexpr int kAuthFailed = 4001;
inline constexpr int kTokenExpired = 4002;
inline constexpr int kDenied = 4003;
inline constexpr int kEnded = 4004;
inline constexpr int kClosed = 4005;
inline constexpr int kReplaced = 4008;
inline constexpr int kFull = 4009;
// Every code the server closes with (1000 is the client's own); docs/live-protocol.md lists them.
inline constexpr int kAll[] = {kGoingAway,    kPolicy, kTooBig, kInternal, kTryAgainLater, kAuthFailed,
                               kTokenExpired, kDenied, kEnded,  kClosed,   kReplaced,      kFull};
}  // namespace close_code

}  // namespace visitd::live
