// SMS gateway webhooks: the form body (application/x-www-form-urlencoded, Boost.URL as the
// handler reads it) and X-Twilio-Signature checking. A forged signature never validates;
// the one we compute always does.
#include <boost/url/params_view.hpp>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "notify/twilio_signature.hpp"

using visitd::notify::FormParams;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Layout: signature '\n' form-body (the URL is fixed, as the server's public URL is).
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto nl = input.find('\n');
  const std::string signature(input.substr(0, nl == std::string_view::npos ? input.size() : nl));
  const std::string body(nl == std::string_view::npos ? std::string_view{} : input.substr(nl + 1));
  FormParams params;
  try {
    boost::urls::params_view view(body);
    for (auto p : view) params.emplace_back(std::string(p.key), std::string(p.value));
  } catch (const std::exception&) {
    return 0;  // the handler answers 403 for a body that is not a form
  }
  const std::string token = "fuzz-auth-token";
  const std::string url = "https://visitd.example/api/v1/sms/inbound";
  const std::string good = visitd::notify::twilio_signature(token, url, params);
  if (!visitd::notify::twilio_signature_valid(token, url, params, good)) std::abort();
  if (signature != good && visitd::notify::twilio_signature_valid(token, url, params, signature)) std::abort();
  return 0;
}
