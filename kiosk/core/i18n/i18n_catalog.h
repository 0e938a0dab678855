#pragma once
// UI strings per locale (locales/<tag>.yaml) in ICU MessageFormat, with lookup along the locale
// fallback chain. A resident never sees a message key: missing text falls back, finally to English.

#include <unicode/msgfmt.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/base/diagnostics.h"

namespace kiosk {

struct LocaleInfo {
  std::string tag;
  std::string native_name;  // the language named in its own script
  std::string english_name;
  bool rtl = false;
  std::string script;     // ISO 15924, e.g. Arab, Ethi, Taml
  std::string numbering;  // CLDR numbering system, e.g. latn, arab, arabext; empty: the locale's default
  bool reviewed = false;  // false: draft (e.g. written by developers, not yet checked by native speakers)
  std::vector<std::string> reviewers;
};

struct Message {
  std::string pattern;
  SourcePos pos;
  std::shared_ptr<const icu::MessageFormat> format;  // null when the pattern does not compile
};

struct LocaleCatalog {
  LocaleInfo info;
  SourcePos pos;
  std::map<std::string, Message, std::less<>> messages;
  // Keys written with an empty text (`key: ""`, as `kioskctl i18n template` writes them): not translated
  // yet. Kept out of `messages`, so that lookups fall back along the chain as for a missing key.
  std::map<std::string, SourcePos, std::less<>> untranslated;
};

struct Catalogs {
  static constexpr std::string_view source_locale = "en";  // every key exists here first
  std::vector<LocaleCatalog> locales;                      // sorted by tag

  [[nodiscard]] const LocaleCatalog* find(std::string_view tag) const;
  // The catalog a locale is shown with: its own, else its parent's (en-GB → en, pt-BR → pt).
  [[nodiscard]] const LocaleCatalog* find_for(std::string_view tag) const;
};

// Loads every *.yaml in dir. Syntax errors of MessageFormat patterns are reported; such a message is kept
// (for `i18n check`) but never used. An empty message goes to `untranslated`, not to `messages`.
Catalogs load_catalogs(const std::filesystem::path& dir, Diagnostics& diags);

// Named argument of a message. Times and dates are formatted by their owners (in the bundle's time zone)
// and passed as strings; numbers are passed as numbers so that plurals and digits follow the locale.
using ArgValue = std::variant<std::int64_t, double, std::string>;
struct MessageArg {
  std::string name;
  ArgValue value;
};

struct FormatContext {
  const Catalogs* catalogs = nullptr;
  std::vector<std::string> chain;  // from locale_fallback_chain(), "en" appended when absent
};

FormatContext make_format_context(const Catalogs& catalogs, std::string_view locale, std::string_view default_locale);

// The message for key in the first locale of the chain that has it, formatted with args. Returns ""
// (never the key) when no locale has it; `i18n check` and the tests keep that from happening.
std::string translate(const FormatContext& ctx, std::string_view key, const std::vector<MessageArg>& args = {});

// Argument names used by a pattern, sorted; for comparing translations with the source.
std::vector<std::string> message_arguments(const std::string& pattern);

// The ICU locale used for formatting a catalog's messages (tag plus @numbers=... when set).
std::string formatting_locale_id(const LocaleInfo& info);

}  // namespace kiosk
