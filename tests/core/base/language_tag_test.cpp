#include "core/base/language_tag.h"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("BCP 47 tags are checked with ICU", "[language_tag]") {
  for (const char* ok : {"de", "en", "ar", "fa", "ckb", "ku", "tr", "uk", "ru", "ti", "ta", "fr", "und", "pt-BR",
                         "sr-Latn", "ti-ER", "zh-Hans-CN", "kl-GL"})
    CHECK(is_valid_language_tag(ok));
  for (const char* bad : {"", "xx", "arabic", "en_GB", "de-", "-de", "12", "de DE", "Deutsch"})
    CHECK_FALSE(is_valid_language_tag(bad));
}

TEST_CASE("fallback chain: the tag, its parents, then the default and its parents", "[language_tag]") {
  CHECK(locale_fallback_chain("ckb-IQ", "de") == std::vector<std::string>{"ckb-IQ", "ckb", "de"});
  CHECK(locale_fallback_chain("de", "de") == std::vector<std::string>{"de"});
  CHECK(locale_fallback_chain("sr-Latn-RS", "en-GB") ==
        std::vector<std::string>{"sr-Latn-RS", "sr-Latn", "sr", "en-GB", "en"});
}
