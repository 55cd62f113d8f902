// URL functions: the url_extract_* components of RFC 2396 URIs (NULL for text that is not one,
// as Trino does after java.net.URI rejects it) and url_encode/url_decode for query strings.
#include <charconv>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.h"
#include "function/bind_util.h"
#include "function/function_registry.h"
#include "function/scalar_executor.h"
#include "function/utf8.h"

namespace switchboard {

namespace {

// ----- parsing -----------------------------------------------------------------------------------

/// The components of a URI as views of its text, still percent-encoded; nullopt when absent.
/// `host` is set only for server-based authorities (java.net.URI's getHost).
struct UrlParts {
  std::optional<std::string_view> scheme;
  std::optional<std::string_view> host;
  std::optional<std::string_view> path;
  std::optional<std::string_view> query;
  std::optional<std::string_view> fragment;
  int64_t port = -1;
};

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// RFC 2396 unreserved characters.
bool IsUnreserved(char c) {
  return IsAlnum(c) || std::string_view("-_.!~*'()").find(c) != std::string_view::npos;
}

// java.net.URI's "other" characters: non-ASCII code points that are neither controls nor spaces.
bool IsOther(char32_t c) {
  return !(c < 0xA0 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
           c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000);
}

/// Whether `part` holds only unreserved characters, characters of `extra`, %XX escapes and
/// "other" characters.
bool IsLegal(std::string_view part, std::string_view extra) {
  for (size_t i = 0; i < part.size();) {
    char c = part[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      if (!IsOther(utf8::Decode(part, i))) return false;
    } else if (c == '%') {
      if (i + 2 >= part.size() || !IsHex(part[i + 1]) || !IsHex(part[i + 2])) return false;
      i += 3;
    } else {
      if (!IsUnreserved(c) && extra.find(c) == std::string_view::npos) return false;
      ++i;
    }
  }
  return true;
}

constexpr std::string_view kPathExtra = ":@&=+$,;/";
constexpr std::string_view kUricExtra = ";/?:@&=+$,[]";
constexpr std::string_view kUserInfoExtra = ";:&=+$,";
constexpr std::string_view kRegistryExtra = "$,;:@&=+";

// A dotted-decimal IPv4 address of four octets up to 255.
bool IsIpv4(std::string_view host) {
  int octets = 0;
  for (size_t i = 0; i <= host.size(); ++octets) {
    size_t dot = std::min(host.find('.', i), host.size());
    unsigned value = 0;
    auto parsed = std::from_chars(host.data() + i, host.data() + dot, value);
    if (dot == i || dot - i > 3 || parsed.ptr != host.data() + dot || value > 255) return false;
    i = dot + 1;
  }
  return octets == 4;
}

// A host name of dot-separated labels (alphanumerics and inner dashes; a trailing dot is allowed)
// whose rightmost label starts with a letter when there are several.
bool IsHostname(std::string_view host) {
  size_t last_label = std::string_view::npos;
  for (size_t i = 0; i < host.size();) {
    size_t end = std::min(host.find('.', i), host.size());
    std::string_view label = host.substr(i, end - i);
    if (label.empty() || label.front() == '-' || label.back() == '-') return false;
    for (char c : label) {
      if (!IsAlnum(c) && c != '-') return false;
    }
    last_label = i;
    i = end + 1;
  }
  return last_label != std::string_view::npos && (last_label == 0 || IsAlpha(host[last_label]));
}

// Parses a server-based authority ([userinfo@]host[:port]) into `parts`; false when it is not one.
bool ParseServer(std::string_view authority, UrlParts& parts) {
  size_t at = authority.rfind('@');
  if (at != std::string_view::npos && !IsLegal(authority.substr(0, at), kUserInfoExtra)) {
    return false;
  }
  std::string_view rest = at == std::string_view::npos ? authority : authority.substr(at + 1);
  size_t host_end;
  if (!rest.empty() && rest.front() == '[') {
    host_end = rest.find(']');
    if (host_end == std::string_view::npos || host_end == 1) return false;
    for (char c : rest.substr(1, host_end - 1)) {
      if (!IsHex(c) && c != ':' && c != '.') return false;
    }
    ++host_end;
  } else {
    host_end = std::min(rest.find(':'), rest.size());
    std::string_view name = rest.substr(0, host_end);
    if (!IsIpv4(name) && !IsHostname(name)) return false;
  }
  if (host_end < rest.size()) {
    if (rest[host_end] != ':') return false;
    std::string_view digits = rest.substr(host_end + 1);
    int32_t port = 0;
    if (!digits.empty()) {
      auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), port);
      if (parsed.ec != std::errc() || parsed.ptr != digits.data() + digits.size() ||
          digits[0] == '-') {
        return false;
      }
      parts.port = port;
    }
  }
  parts.host = rest.substr(0, host_end);
  return true;
}

/// Splits `text` into its components as java.net.URI does; false when it is not a URI.
bool ParseUrl(std::string_view text, UrlParts& parts) {
  std::string_view rest = text;
  size_t colon = text.find_first_of(":/?#");
  if (colon != std::string_view::npos && text[colon] == ':') {
    std::string_view scheme = text.substr(0, colon);
    if (scheme.empty() || !IsAlpha(scheme[0])) return false;
    for (char c : scheme) {
      if (!IsAlnum(c) && c != '+' && c != '-' && c != '.') return false;
    }
    parts.scheme = scheme;
    rest = text.substr(colon + 1);
    if (rest.empty()) return false;
  }
  size_t hash = rest.find('#');
  if (hash != std::string_view::npos) {
    parts.fragment = rest.substr(hash + 1);
    if (!IsLegal(*parts.fragment, kUricExtra)) return false;
    rest = rest.substr(0, hash);
  }
  if (parts.scheme && (rest.empty() || rest.front() != '/')) {
    // An opaque URI (mailto:a@b.c): no authority, path or query.
    return !rest.empty() && IsLegal(rest, kUricExtra);
  }
  if (rest.starts_with("//")) {
    size_t end = std::min(rest.find_first_of("/?", 2), rest.size());
    std::string_view authority = rest.substr(2, end - 2);
    rest = rest.substr(end);
    if (authority.empty()) {
      if (rest.empty() && !parts.fragment) return false;
    } else if (!ParseServer(authority, parts)) {
      // A registry-based authority: legal, but without host or port.
      parts.host.reset();
      parts.port = -1;
      if (!IsLegal(authority, kRegistryExtra)) return false;
    }
  }
  size_t question = rest.find('?');
  if (question != std::string_view::npos) {
    parts.query = rest.substr(question + 1);
    if (!IsLegal(*parts.query, kUricExtra)) return false;
    rest = rest.substr(0, question);
  }
  parts.path = rest;
  return IsLegal(rest, kPathExtra);
}

/// Appends `text` with %XX escapes (and, when `plus_is_space`, '+') decoded; decoded bytes that
/// are not UTF-8 become U+FFFD. False when a '%' does not start two hex digits.
bool AppendDecoded(std::string& out, std::string_view text, bool plus_is_space,
                   std::string& bytes) {
  bytes.clear();
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      uint8_t value = 0;
      auto parsed = std::from_chars(text.data() + i + 1, text.data() + std::min(i + 3, text.size()),
                                    value, 16);
      if (i + 2 >= text.size() || parsed.ptr != text.data() + i + 3) return false;
      bytes.push_back(static_cast<char>(value));
      i += 2;
    } else {
      bytes.push_back(plus_is_space && c == '+' ? ' ' : c);
    }
  }
  utf8::AppendReplacingMalformed(out, bytes, "\xEF\xBF\xBD");
  return true;
}

// ----- kernels -----------------------------------------------------------------------------------

enum class Component { kProtocol, kHost, kPath, kQuery, kFragment };

/// url_extract_<component>(url): the component, percent-decoded like java.net.URI's getters
/// (the protocol and host are returned as written).
template <Component kComponent>
void ExtractKernel(DataChunk& args, FunctionContext&, Vector& result) {
  std::string buffer, bytes;
  ExecuteUnaryWithNulls<StringView, StringView>(
      args.column(0), result, args.size(), [&](StringView url, ValidityMask& mask, idx_t row) {
        UrlParts parts;
        std::optional<std::string_view> value;
        if (ParseUrl(url.view(), parts)) {
          switch (kComponent) {
            case Component::kProtocol:
              value = parts.scheme;
              break;
            case Component::kHost:
              value = parts.host;
              break;
            case Component::kPath:
              value = parts.path;
              break;
            case Component::kQuery:
              value = parts.query;
              break;
            case Component::kFragment:
              value = parts.fragment;
              break;
          }
        }
        if (!value) {
          mask.SetInvalid(row);
          return StringView();
        }
        if (kComponent == Component::kProtocol || kComponent == Component::kHost ||
            value->find('%') == std::string_view::npos) {
          return result.AddString(*value);
        }
        buffer.clear();
        AppendDecoded(buffer, *value, false, bytes);
        return result.AddString(buffer);
      });
}

void ExtractPortKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteUnaryWithNulls<StringView, int64_t>(args.column(0), result, args.size(),
                                             [](StringView url, ValidityMask& mask, idx_t row) {
                                               UrlParts parts;
                                               if (!ParseUrl(url.view(), parts) || parts.port < 0) {
                                                 mask.SetInvalid(row);
                                                 return int64_t{0};
                                               }
                                               return parts.port;
                                             });
}

/// url_extract_parameter(url, name): the raw value of the first `name=value` pair of the query
/// ('' for a bare `name`); NULL when there is none.
void ExtractParameterKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinaryWithNulls<StringView, StringView, StringView>(
      args.column(0), args.column(1), result, args.size(),
      [&](StringView url, StringView name, ValidityMask& mask, idx_t row) {
        UrlParts parts;
        if (ParseUrl(url.view(), parts) && parts.query) {
          std::string_view query = *parts.query;
          for (size_t start = 0; start <= query.size();) {
            size_t end = std::min(query.find('&', start), query.size());
            std::string_view pair = query.substr(start, end - start);
            size_t equals = pair.find('=');
            if (pair.substr(0, equals) == name.view()) {
              return result.AddString(equals == std::string_view::npos ? std::string_view()
                                                                       : pair.substr(equals + 1));
            }
            start = end + 1;
          }
        }
        mask.SetInvalid(row);
        return StringView();
      });
}

void UrlEncodeKernel(DataChunk& args, FunctionContext&, Vector& result) {
  static constexpr char kHexDigits[] = "0123456789ABCDEF";
  std::string buffer;
  ExecuteUnary<StringView, StringView>(args.column(0), result, args.size(), [&](StringView value) {
    buffer.clear();
    for (char c : value.view()) {
      if (IsAlnum(c) || c == '.' || c == '-' || c == '*' || c == '_') {
        buffer.push_back(c);
      } else if (c == ' ') {
        buffer.push_back('+');
      } else {
        auto byte = static_cast<unsigned char>(c);
        buffer.push_back('%');
        buffer.push_back(kHexDigits[byte >> 4]);
        buffer.push_back(kHexDigits[byte & 15]);
      }
    }
    return result.AddString(buffer);
  });
}

void UrlDecodeKernel(DataChunk& args, FunctionContext&, Vector& result) {
  std::string buffer, bytes;
  ExecuteUnary<StringView, StringView>(args.column(0), result, args.size(), [&](StringView value) {
    buffer.clear();
    SB_USER_CHECK(AppendDecoded(buffer, value.view(), true, bytes), kInvalidParameter,
                  "URLDecoder: Illegal hex characters in escape (%) pattern in: \"{}\"",
                  value.view());
    return result.AddString(buffer);
  });
}

}  // namespace

void RegisterUrlFunctions(FunctionRegistry& registry) {
  const LogicalType v = LogicalType::Varchar();
  const char* url = "'https://user@example.com:8080/a%20b/c.html?q=1&lang=en#top'";
  auto extract = [&](const char* name, LogicalType type, ScalarKernel kernel, const char* what,
                     const char* result) {
    std::string function = std::string("url_extract_") + name;
    registry.AddScalar(
        SimpleScalar(function, {v}, type, kernel,
                     {function + "(url) -> " + type.ToString(),
                      std::string("The ") + what +
                          " of a URL; NULL when the URL has none or is not a valid URI.",
                      function + "(" + url + ") -> " + result}));
  };
  extract("protocol", v, ExtractKernel<Component::kProtocol>, "protocol (scheme)", "'https'");
  extract("host", v, ExtractKernel<Component::kHost>, "host", "'example.com'");
  extract("port", TypeId::kBigint, ExtractPortKernel, "port", "8080");
  extract("path", v, ExtractKernel<Component::kPath>, "path (percent-decoded)", "'/a b/c.html'");
  extract("query", v, ExtractKernel<Component::kQuery>, "query string (percent-decoded)",
          "'q=1&lang=en'");
  extract("fragment", v, ExtractKernel<Component::kFragment>,
          "fragment identifier (percent-decoded)", "'top'");
  registry.AddScalar(SimpleScalar(
      "url_extract_parameter", {v, v}, v, ExtractParameterKernel,
      {"url_extract_parameter(url, name) -> varchar",
       "The value of the first query parameter called `name`, as written (not decoded); '' for "
       "a parameter without a value; NULL when absent.",
       std::string("url_extract_parameter(") + url + ", 'lang') -> 'en'"}));
  registry.AddScalar(SimpleScalar(
      "url_encode", {v}, v, UrlEncodeKernel,
      {"url_encode(value) -> varchar",
       "Escapes a value for a URL query: letters, digits and . - * _ stay, a space becomes '+', "
       "every other byte of the UTF-8 text becomes %XX.",
       "url_encode('a b&c=ü') -> 'a+b%26c%3D%C3%BC'"}));
  registry.AddScalar(SimpleScalar(
      "url_decode", {v}, v, UrlDecodeKernel,
      {"url_decode(value) -> varchar",
       "Unescapes a URL-encoded value ('+' is a space); malformed escapes raise an error.",
       "url_decode('a+b%26c%3D%C3%BC') -> 'a b&c=ü'"}));
}

}  // namespace switchboard
