// Tests for the MD5 digests behind hashed sqllogictest results.
#include "main/sqllogictest/md5.h"

#include <gtest/gtest.h>

namespace switchboard {
namespace {

TEST(Md5Test, MatchesRfc1321TestSuite) {
  EXPECT_EQ(Md5Hex(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(Md5Hex("abc"), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(Md5Hex("message digest"), "f96b697d7cb7938d525a2f31aaf161d0");
}

TEST(Md5Test, HashesBytesNotCStrings) {
  EXPECT_NE(Md5Hex(std::string_view("a\0b", 3)), Md5Hex("a"));
}

}  // namespace
}  // namespace switchboard
