// MD5 digests of result text, as sqllogictest's "N values hashing to <md5>" lines use them.
#pragma once

#include <string>
#include <string_view>

namespace switchboard {

/// The MD5 digest of `data` as 32 lowercase hex digits (OpenSSL's libcrypto computes it).
std::string Md5Hex(std::string_view data);

}  // namespace switchboard
