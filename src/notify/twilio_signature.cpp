#include "notify/twilio_signature.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>

namespace visitd::notify {

std::string twilio_signature(const std::string& auth_token, const std::string& url, FormParams params) {
  std::stable_sort(params.begin(), params.end());
  std::string data = url;
  for (const auto& [k, v] : params) data += k + v;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha1(), auth_token.data(), static_cast<int>(auth_token.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac, &len);
  std::string out(4 * ((len + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), mac, static_cast<int>(len));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

bool twilio_signature_valid(const std::string& auth_token, const std::string& url, const FormParams& params,
                            const std::string& signature) {
  if (auth_token.empty() || signature.empty()) return false;
  const std::string expected = twilio_signature(auth_token, url, params);
  return expected.size() == signature.size() && CRYPTO_memcmp(expected.data(), signature.data(), expected.size()) == 0;
}

}  // namespace visitd::notify
