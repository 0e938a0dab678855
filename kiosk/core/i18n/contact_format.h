#pragma once
// Shapes of phone numbers, web addresses and e-mail addresses that a resident can actually use.

#include <string>
#include <string_view>

namespace kiosk {

// Digits with spaces, '-', '/', '.', parentheses, and an optional leading '+'; 3 to 20 digits.
bool is_valid_phone(std::string_view phone);

// An absolute http(s) URL with a host name (parsed by libcurl's URL API).
bool is_valid_web_url(std::string_view url);

// local@domain.tld, without display names or comments.
bool is_valid_email(std::string_view email);

}  // namespace kiosk
