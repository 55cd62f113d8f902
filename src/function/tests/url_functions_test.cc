// Tests for the URL functions.
#include "function/tests/function_test_util.h"

namespace switchboard {
namespace {

class UrlFunctionsTest : public FunctionTest {
 protected:
  Value Extract(const char* component, const char* url) {
    return Call(std::string("url_extract_") + component, {Str(url)});
  }
};

TEST_F(UrlFunctionsTest, ExtractsEveryComponentOfAServerUrl) {
  const char* url = "https://user@example.com:8080/a%20b/c.html?q=1&lang=en#top";
  EXPECT_VALUE(Extract("protocol", url), Str("https"));
  EXPECT_VALUE(Extract("host", url), Str("example.com"));
  EXPECT_VALUE(Extract("port", url), Big(8080));
  EXPECT_VALUE(Extract("path", url), Str("/a b/c.html"));
  EXPECT_VALUE(Extract("query", url), Str("q=1&lang=en"));
  EXPECT_VALUE(Extract("fragment", url), Str("top"));
  EXPECT_VALUE(Extract("host", "http://[::1]:80/"), Str("[::1]"));
  EXPECT_VALUE(Extract("host", "http://10.0.0.1/"), Str("10.0.0.1"));
  EXPECT_VALUE(Extract("path", "http://example.com/caf%C3%A9"), Str("/café"));
}

TEST_F(UrlFunctionsTest, AbsentComponentsAreNull) {
  EXPECT_VALUE(Extract("path", "http://example.com"), Str(""));
  EXPECT_TRUE(Extract("port", "http://example.com").is_null());
  EXPECT_TRUE(Extract("query", "http://example.com/").is_null());
  EXPECT_TRUE(Extract("fragment", "http://example.com/").is_null());
  EXPECT_VALUE(Extract("protocol", "mailto:ana@example.com"), Str("mailto"));
  EXPECT_TRUE(Extract("host", "mailto:ana@example.com").is_null());
  EXPECT_TRUE(Extract("path", "mailto:ana@example.com").is_null());
  EXPECT_TRUE(Extract("protocol", "/docs/index.html?x=1").is_null());
  EXPECT_VALUE(Extract("path", "/docs/index.html?x=1"), Str("/docs/index.html"));
  EXPECT_VALUE(Extract("path", ""), Str(""));
  EXPECT_TRUE(Call("url_extract_host", {NullOf(LogicalType::Varchar())}).is_null());
}

TEST_F(UrlFunctionsTest, HostsThatAreNotServerNamesAreNull) {
  EXPECT_TRUE(Extract("host", "http://my_host/x").is_null());
  EXPECT_VALUE(Extract("path", "http://my_host/x"), Str("/x"));
  EXPECT_TRUE(Extract("host", "http://example.1a/").is_null());
  EXPECT_TRUE(Extract("port", "http://example.com:99999999999/").is_null());
}

TEST_F(UrlFunctionsTest, InvalidUrisGiveNull) {
  EXPECT_TRUE(Extract("protocol", "http://exa mple.com/").is_null());
  EXPECT_TRUE(Extract("path", "http://example.com/a%zz").is_null());
  EXPECT_TRUE(Extract("query", "http://example.com/?a=<b>").is_null());
  EXPECT_TRUE(Extract("protocol", "1http://example.com/").is_null());
  EXPECT_TRUE(Extract("path", "http://").is_null());
}

TEST_F(UrlFunctionsTest, ParameterIsTheFirstRawValue) {
  const char* url = "http://x.org/?a=1&b&a=2&c=%20d";
  EXPECT_VALUE(Call("url_extract_parameter", {Str(url), Str("a")}), Str("1"));
  EXPECT_VALUE(Call("url_extract_parameter", {Str(url), Str("b")}), Str(""));
  EXPECT_VALUE(Call("url_extract_parameter", {Str(url), Str("c")}), Str("%20d"));
  EXPECT_TRUE(Call("url_extract_parameter", {Str(url), Str("z")}).is_null());
  EXPECT_TRUE(Call("url_extract_parameter", {Str("http://x.org/"), Str("a")}).is_null());
}

TEST_F(UrlFunctionsTest, EncodeAndDecodeRoundTrip) {
  EXPECT_VALUE(Call("url_encode", {Str("a b&c=ü~.-*_")}), Str("a+b%26c%3D%C3%BC%7E.-*_"));
  EXPECT_VALUE(Call("url_encode", {Str("")}), Str(""));
  EXPECT_VALUE(Call("url_decode", {Str("a+b%26c%3D%C3%BC")}), Str("a b&c=ü"));
  EXPECT_VALUE(Call("url_decode", {Str("%C3")}), Str("\xEF\xBF\xBD"));
  EXPECT_EQ(CallError("url_decode", {Str("%zz")}).code, ErrorCode::kInvalidParameter);
  EXPECT_EQ(CallError("url_decode", {Str("abc%4")}).code, ErrorCode::kInvalidParameter);
}

}  // namespace
}  // namespace switchboard
