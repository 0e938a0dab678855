#include "core/i18n/contact_format.h"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("phone numbers", "[contact]") {
  for (const char* ok : {"+49 241 432-0", "0241 47910", "+49 (0)241 123456", "112", "+49/241/5100"})
    CHECK(is_valid_phone(ok));
  for (const char* bad : {"", "12", "+49 241 CALL-NOW", "49+241", "+49 241 123456 ext. 5", "123456789012345678901"})
    CHECK_FALSE(is_valid_phone(bad));
}

TEST_CASE("web addresses need http(s) and a host name", "[contact]") {
  for (const char* ok : {"https://www.aachen.de", "http://example.org/a?b=c#d", "https://xn--mnster-3ya.de/"})
    CHECK(is_valid_web_url(ok));
  for (const char* bad : {"", "www.example.org", "ftp://example.org", "https://", "https://localhost/x",
                          "javascript:alert(1)", "https://exa mple.org", "https://-bad-.org"})
    CHECK_FALSE(is_valid_web_url(bad));
}

TEST_CASE("e-mail addresses", "[contact]") {
  for (const char* ok : {"beratung@example.org", "first.last+tag@sub.example.de"}) CHECK(is_valid_email(ok));
  for (const char* bad :
       {"", "praxis(at)example.org", "a@b", "@example.org", "a@@example.org", ".a@example.org", "a b@example.org"})
    CHECK_FALSE(is_valid_email(bad));
}
