#include "http/phone.hpp"

#include <phonenumbers/phonenumberutil.h>

namespace visitd::http {

std::optional<std::string> to_e164(std::string_view text) {
  using i18n::phonenumbers::PhoneNumber;
  using i18n::phonenumbers::PhoneNumberUtil;
  if (text.empty() || text.size() > 40) return std::nullopt;
  std::string input(text);
  // "00" is the international prefix in most of the world; accept it as "+".
  if (input.rfind("00", 0) == 0) input = "+" + input.substr(2);
  if (input.front() != '+') return std::nullopt;  // no region guessing: a number must say its country
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util->Parse(input, "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR) return std::nullopt;
  if (!util->IsValidNumber(number)) return std::nullopt;
  std::string out;
  util->Format(number, PhoneNumberUtil::E164, &out);
  return out;
}

}  // namespace visitd::http
