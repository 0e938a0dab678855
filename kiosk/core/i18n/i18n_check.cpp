#include "core/i18n/i18n_check.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unicode/messagepattern.h>
#include <unicode/plurrule.h>

#include <algorithm>
#include <set>

namespace kiosk {
namespace {

std::string join(const std::vector<std::string>& v) {
  return v.empty() ? "none" : fmt::format("{}", fmt::join(v, ", "));
}

// Keywords (one, few, ...) of every plural argument in the pattern; explicit "=0" selectors do not count.
std::vector<std::set<std::string>> plural_keywords(const std::string& pattern) {
  std::vector<std::set<std::string>> out;
  UErrorCode status = U_ZERO_ERROR;
  UParseError perr{};
  icu::MessagePattern mp(icu::UnicodeString::fromUTF8(pattern), &perr, status);
  if (U_FAILURE(status)) return out;
  for (int32_t i = 0; i < mp.countParts(); ++i) {
    const auto& part = mp.getPart(i);
    if (part.getType() != UMSGPAT_PART_TYPE_ARG_START || part.getArgType() != UMSGPAT_ARG_TYPE_PLURAL) continue;
    std::set<std::string> keywords;
    const int32_t limit = mp.getLimitPartIndex(i);
    for (int32_t j = i + 1; j < limit; ++j) {
      const auto& p = mp.getPart(j);
      if (p.getType() == UMSGPAT_PART_TYPE_ARG_SELECTOR) {
        std::string k;
        mp.getSubstring(p).toUTF8String(k);
        if (!k.empty() && k[0] != '=') keywords.insert(k);
        // skip the message of this selector: nested plurals are checked on their own iteration
      }
      if (p.getType() == UMSGPAT_PART_TYPE_MSG_START) j = mp.getLimitPartIndex(j);
    }
    out.push_back(std::move(keywords));
  }
  return out;
}

std::set<std::string> cldr_plural_forms(const LocaleInfo& info) {
  std::set<std::string> out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::PluralRules> rules(
      icu::PluralRules::forLocale(icu::Locale(formatting_locale_id(info).c_str()), status));
  if (U_FAILURE(status)) return out;
  std::unique_ptr<icu::StringEnumeration> kw(rules->getKeywords(status));
  if (U_FAILURE(status)) return out;
  while (const char* k = kw->next(nullptr, status)) out.insert(k);
  return out;
}

}  // namespace

void check_catalogs(const Catalogs& catalogs, Diagnostics& diags) {
  const LocaleCatalog* source = catalogs.find(Catalogs::source_locale);
  if (!source) {
    diags.error({"locales/en.yaml", 0, 0}, "missing-file", "the English source catalog is missing");
    return;
  }
  for (const auto& cat : catalogs.locales) {
    const std::set<std::string> forms = cldr_plural_forms(cat.info);
    // A message not translated yet is shown in the next locale of the chain, finally in English: a gap for
    // translators (as `i18n coverage` counts it), not a fault. English itself has nothing to fall back to.
    for (const auto& [key, pos] : cat.untranslated) {
      auto src = source->messages.find(key);
      if (&cat == source)
        diags.error(pos, "untranslated-message", fmt::format("message '{}' of the English source is empty", key),
                    "write its text: every other locale falls back to it");
      else if (src == source->messages.end())
        diags.warning(pos, "extra-message", fmt::format("message '{}' is not in the English source catalog", key),
                      "remove it, or add it to locales/en.yaml first");
      else
        diags.warning(pos, "untranslated-message",
                      fmt::format("message '{}' of locale '{}' is not translated yet; the kiosk shows it in the "
                                  "fallback language",
                                  key, cat.info.tag),
                      fmt::format("translate: \"{}\"", src->second.pattern));
    }
    for (const auto& [key, src] : source->messages) {
      if (!cat.messages.count(key) && !cat.untranslated.count(key))
        diags.warning(cat.pos, "missing-message",
                      fmt::format("locale '{}' has no message '{}'; the kiosk shows it in the fallback language",
                                  cat.info.tag, key),
                      fmt::format("translate: \"{}\"", src.pattern));
    }
    for (const auto& [key, msg] : cat.messages) {
      auto src = source->messages.find(key);
      if (src == source->messages.end()) {
        diags.warning(msg.pos, "extra-message", fmt::format("message '{}' is not in the English source catalog", key),
                      "remove it, or add it to locales/en.yaml first");
        continue;
      }
      const auto want = message_arguments(src->second.pattern), have = message_arguments(msg.pattern);
      if (want != have)
        diags.error(
            msg.pos, "placeholder-mismatch",
            fmt::format("message '{}' uses placeholders {{{}}} but English uses {{{}}}", key, join(have), join(want)),
            "keep the same placeholder names as the English text");
      for (const auto& kws : plural_keywords(msg.pattern)) {
        std::vector<std::string> lacking;
        for (const auto& f : forms)
          if (!kws.count(f)) lacking.push_back(f);
        std::vector<std::string> foreign;
        for (const auto& k : kws)
          if (!forms.count(k)) foreign.push_back(k);
        if (!lacking.empty())
          diags.error(msg.pos, "plural-forms",
                      fmt::format("message '{}' lacks the plural forms {} that {} needs", key, join(lacking),
                                  cat.info.english_name),
                      fmt::format("{} uses: {}", cat.info.english_name,
                                  join(std::vector<std::string>(forms.begin(), forms.end()))));
        if (!foreign.empty())
          diags.warning(msg.pos, "plural-forms",
                        fmt::format("message '{}' has plural forms {} that {} never uses", key, join(foreign),
                                    cat.info.english_name));
      }
    }
  }
}

}  // namespace kiosk
