#include "core/i18n/contact_format.h"

#include <curl/curl.h>

#include <memory>

namespace kiosk {
namespace {

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_host_label(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
  for (char c : label)
    if (!is_ascii_alnum(c) && c != '-' && static_cast<unsigned char>(c) < 0x80) return false;
  return true;
}

bool is_host_name(std::string_view host) {
  if (host.empty() || host.size() > 253 || host.find('.') == std::string_view::npos) return false;
  std::size_t start = 0;
  while (start <= host.size()) {
    const std::size_t dot = host.find('.', start);
    const std::string_view label = host.substr(start, dot == std::string_view::npos ? host.npos : dot - start);
    if (!is_host_label(label)) return false;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return true;
}

}  // namespace

bool is_valid_phone(std::string_view phone) {
  int digits = 0;
  for (std::size_t i = 0; i < phone.size(); ++i) {
    const char c = phone[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '+') {
      if (i != 0) return false;
    } else if (c != ' ' && c != '-' && c != '/' && c != '.' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits >= 3 && digits <= 20;
}

bool is_valid_web_url(std::string_view url) {
  if (url.empty() || url.size() > 2000) return false;
  for (char c : url)
    if (static_cast<unsigned char>(c) <= ' ') return false;
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> u(curl_url(), curl_url_cleanup);
  if (!u) return false;
  const std::string s(url);
  if (curl_url_set(u.get(), CURLUPART_URL, s.c_str(), 0) != CURLUE_OK) return false;
  auto part = [&](CURLUPart which) {
    char* out = nullptr;
    std::string value;
    if (curl_url_get(u.get(), which, &out, 0) == CURLUE_OK && out) value = out;
    curl_free(out);
    return value;
  };
  const std::string scheme = part(CURLUPART_SCHEME);
  if (scheme != "http" && scheme != "https") return false;
  return is_host_name(part(CURLUPART_HOST));
}

bool is_valid_email(std::string_view email) {
  const std::size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos) return false;
  const std::string_view local = email.substr(0, at);
  if (local.size() > 64 || local.front() == '.' || local.back() == '.') return false;
  for (char c : local) {
    if (is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80) continue;
    if (std::string_view("!#$%&'*+-/=?^_`{|}~.").find(c) == std::string_view::npos) return false;
  }
  return is_host_name(email.substr(at + 1));
}

}  // namespace kiosk
