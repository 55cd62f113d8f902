// MD5 through OpenSSL's EVP interface.
#include "main/sqllogictest/md5.h"

#include <openssl/evp.h>

#include "common/error.h"

namespace switchboard {

std::string Md5Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  int status = EVP_Digest(data.data(), data.size(), digest, &length, EVP_md5(), nullptr);
  SB_CHECK(status == 1 && length == 16, "EVP_Digest(md5) failed");
  static constexpr char kHexDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHexDigits[digest[i] >> 4];
    hex += kHexDigits[digest[i] & 0xf];
  }
  return hex;
}

}  // namespace switchboard
