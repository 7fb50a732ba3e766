#include "store/transfer/row_digest.hpp"

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <algorithm>
#include <memory>

namespace visitd::store::transfer {

std::string canonical_row(const RowValues& values) {
  std::string out;
  for (const auto& v : values) {
    if (!v) {
      out += 'N';
      continue;
    }
    out += 'V';
    out += std::to_string(v->size());
    out += ':';
    out.append(v->data(), v->size());
  }
  return out;
}

void TableDigest::add_row(const RowValues& values) {
  const std::string row = canonical_row(values);
  std::array<unsigned char, 32> digest{};
  SHA256(reinterpret_cast<const unsigned char*>(row.data()), row.size(), digest.data());
  digests_.push_back(digest);
}

std::string TableDigest::hex() {
  std::sort(digests_.begin(), digests_.end());
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
  for (const auto& d : digests_) EVP_DigestUpdate(ctx.get(), d.data(), d.size());
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx.get(), out, &len);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text;
  for (unsigned int i = 0; i < len; ++i) {
    text += kHex[out[i] >> 4];
    text += kHex[out[i] & 0xf];
  }
  return text;
}

}  // namespace visitd::store::transfer
