// kioskctl i18n check; i18n template --locale TAG, a new language's UI catalog to translate (coverage:
// cmd_i18n_coverage.cpp)

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unicode/locdspnm.h>
#include <unicode/messagepattern.h>
#include <unicode/numsys.h>
#include <unicode/plurrule.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <variant>

#include "commands.h"
#include "core/base/data_paths.h"
#include "core/base/file_io.h"
#include "core/base/language_tag.h"
#include "core/facts/yaml_edit.h"
#include "core/i18n/i18n_catalog.h"
#include "core/i18n/i18n_check.h"
#include "core/yaml/yaml_file.h"
#include "report.h"

namespace kioskctl {
namespace {

namespace fs = std::filesystem;

struct I18nArgs {
  std::string locales;  // empty: found from the current folder up, else the data folder
  bool json = false;
};

int run_check(const I18nArgs& a) {
  kiosk::Diagnostics diags;
  const std::filesystem::path dir = kiosk::locales_dir_for(a.locales, ".").value_or("locales");
  const kiosk::Catalogs catalogs = kiosk::load_catalogs(dir, diags);
  kiosk::check_catalogs(catalogs, diags);
  if (a.json) {
    nlohmann::json locales = nlohmann::json::array();
    for (const auto& c : catalogs.locales)
      locales.push_back({{"tag", c.info.tag},
                         {"native_name", c.info.native_name},
                         {"english_name", c.info.english_name},
                         {"direction", c.info.rtl ? "rtl" : "ltr"},
                         {"status", c.info.reviewed ? "reviewed" : "draft"},
                         {"messages", c.messages.size()},
                         {"untranslated", c.untranslated.size()}});
    fmt::print("{}\n", nlohmann::json{{"ok", !diags.has_errors() && diags.items.empty()},
                                      {"locales", locales},
                                      {"diagnostics", diagnostics_json(diags)}}
                           .dump(2));
  } else {
    print_diagnostics(stderr, diags, SIZE_MAX);
    const auto* en = catalogs.find(kiosk::Catalogs::source_locale);
    for (const auto& c : catalogs.locales)
      fmt::print("{:<5} {:<20} {:<10} {:>3}/{} messages, {}\n", c.info.tag, c.info.english_name,
                 c.info.reviewed ? "reviewed" : "draft", c.messages.size(), en ? en->messages.size() : 0,
                 c.info.rtl ? "rtl" : "ltr");
    fmt::print(stderr, "{} locales: {} errors, {} warnings\n", catalogs.locales.size(),
               diags.count(kiosk::Severity::error), diags.count(kiosk::Severity::warning));
  }
  return diags.items.empty() ? exit_ok : exit_invalid;
}

struct TemplateArgs {
  std::string locale;
  std::string out;      // empty: <locales>/<tag>.yaml
  std::string locales;  // where en.yaml is; empty: found as for `i18n check`
  bool force = false;
};

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// What a new catalog's `locale:` block says, all from ICU's data for the language.
struct NewLocale {
  std::string tag, native_name, english_name, script, numbering;
  bool rtl = false;
  std::vector<std::string> plural_forms;  // CLDR order: zero, one, two, few, many, other
};

bool icu_has_data_for(const icu::Locale& loc) {
  int32_t n = 0;
  const icu::Locale* available = icu::Locale::getAvailableLocales(n);
  for (int32_t i = 0; i < n; ++i)
    if (std::strcmp(available[i].getLanguage(), loc.getLanguage()) == 0) return true;
  return false;
}

// The locale for tag, or the one line that says why there is none.
std::variant<NewLocale, std::string> new_locale(const std::string& given) {
  const std::string hint = "write a BCP 47 language tag such as pt, mt or pt-BR";
  if (!kiosk::is_valid_language_tag(given) || given == "und")
    return fmt::format("--locale '{}' is not a language tag ICU knows; {}", given, hint);
  NewLocale out;
  out.tag = kiosk::canonical_language_tag(given);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale loc = icu::Locale::forLanguageTag(out.tag, status);
  if (U_FAILURE(status) || out.tag.empty())
    return fmt::format("--locale '{}' is not a language tag ICU knows; {}", given, hint);
  icu::UnicodeString name;
  const std::string english = utf8(loc.getDisplayLanguage(icu::Locale::getEnglish(), name));
  if (!icu_has_data_for(loc))
    return fmt::format("--locale '{}': ICU has no locale data for {} (its own name, plural rules, numbers)", given,
                       english);
  if (loc.getCountry()[0] != '\0' && utf8(loc.getDisplayCountry(icu::Locale::getEnglish(), name)) == loc.getCountry())
    return fmt::format("--locale '{}': ICU knows no region '{}'; {}", given, loc.getCountry(), hint);
  if (loc.getScript()[0] != '\0' && utf8(loc.getDisplayScript(icu::Locale::getEnglish(), name)) == loc.getScript())
    return fmt::format("--locale '{}': ICU knows no script '{}'; {}", given, loc.getScript(), hint);

  // Its name in itself as a language menu shows it (ICU's casing for the language: "Português", "kurdî").
  std::array<UDisplayContext, 1> menu = {UDISPCTX_CAPITALIZATION_FOR_UI_LIST_OR_MENU};
  const std::unique_ptr<icu::LocaleDisplayNames> own(
      icu::LocaleDisplayNames::createInstance(loc, menu.data(), static_cast<int32_t>(menu.size())));
  if (own) out.native_name = utf8(own->localeDisplayName(loc, name));
  out.english_name = utf8(loc.getDisplayName(icu::Locale::getEnglish(), name));
  out.rtl = loc.isRightToLeft();
  icu::Locale likely = loc;
  likely.addLikelySubtags(status);
  out.script = U_SUCCESS(status) ? likely.getScript() : "";
  const std::unique_ptr<icu::NumberingSystem> numbers(icu::NumberingSystem::createInstance(loc, status));
  if (U_SUCCESS(status) && numbers) out.numbering = numbers->getName();
  const std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(loc, status));
  if (U_SUCCESS(status) && rules)
    for (const char* form : {"zero", "one", "two", "few", "many", "other"})
      if (rules->isKeyword(icu::UnicodeString(form, -1, US_INV))) out.plural_forms.emplace_back(form);
  if (U_FAILURE(status) || out.native_name.empty() || out.script.empty() || out.numbering.empty())
    return fmt::format("--locale '{}': ICU's data for {} is incomplete ({})", given, english, u_errorName(status));
  return out;
}

// The comment lines above a message in the template: its English text, and for a plural or select the
// forms a translation has.
std::vector<std::string> message_comment(const std::string& english, const NewLocale& loc) {
  std::vector<std::string> lines;
  for (std::size_t at = 0; at <= english.size();) {
    const std::size_t end = std::min(english.find('\n', at), english.size());
    lines.push_back((lines.empty() ? "en: " : "    ") + english.substr(at, end - at));
    at = end + 1;
  }
  UErrorCode status = U_ZERO_ERROR;
  UParseError perr{};
  const icu::MessagePattern mp(icu::UnicodeString::fromUTF8(english), &perr, status);
  if (U_FAILURE(status)) return lines;
  bool plural = false, explicit_values = false;
  std::vector<std::string> select_keys;
  for (int32_t i = 0; i < mp.countParts(); ++i) {
    const auto& part = mp.getPart(i);
    if (part.getType() == UMSGPAT_PART_TYPE_ARG_START)
      plural |= part.getArgType() == UMSGPAT_ARG_TYPE_PLURAL || part.getArgType() == UMSGPAT_ARG_TYPE_SELECTORDINAL;
    if (part.getType() != UMSGPAT_PART_TYPE_ARG_SELECTOR) continue;
    std::string key = utf8(mp.getSubstring(part));
    explicit_values |= key.starts_with('=');
    // A selector's argument is the closest ARG_START before it that is still open: find its type.
    for (int32_t j = i - 1; j >= 0; --j) {
      const auto& start = mp.getPart(j);
      if (start.getType() != UMSGPAT_PART_TYPE_ARG_START || mp.getLimitPartIndex(j) < i) continue;
      if (start.getArgType() == UMSGPAT_ARG_TYPE_SELECT &&
          std::find(select_keys.begin(), select_keys.end(), key) == select_keys.end())
        select_keys.push_back(key);
      break;
    }
  }
  if (plural)
    lines.push_back(fmt::format("plural forms of {}: {}{}", loc.english_name, fmt::join(loc.plural_forms, ", "),
                                explicit_values ? " (=0 and the like may stay as in English)" : ""));
  if (!select_keys.empty())
    lines.push_back(fmt::format("select: keep the keys {} as they are, translate the texts in braces",
                                fmt::join(select_keys, ", ")));
  return lines;
}

int run_template(const TemplateArgs& a) {
  const auto found = new_locale(a.locale);
  if (const auto* why = std::get_if<std::string>(&found)) {
    fmt::print(stderr, "error: {}\n", *why);
    return exit_usage;
  }
  const NewLocale& loc = std::get<NewLocale>(found);
  if (loc.tag == kiosk::Catalogs::source_locale) {
    fmt::print(stderr, "error: --locale '{}': English is the source catalog every template is made from\n", a.locale);
    return exit_usage;
  }
  const auto dir = kiosk::locales_dir_for(a.locales, ".");
  if (!dir) {
    fmt::print(stderr, "error: cannot find the UI catalogs (locales/en.yaml); give --locales DIR\n");
    return exit_invalid;
  }
  const fs::path out = a.out.empty() ? *dir / (loc.tag + ".yaml") : fs::path(a.out);
  std::error_code ec;
  if (fs::exists(out, ec) && !a.force) {
    fmt::print(stderr, "error: {} exists; give --force to replace it (its translations would be lost)\n", out.string());
    return exit_invalid;
  }
  kiosk::Diagnostics diags;
  const fs::path source = *dir / "en.yaml";
  const auto en = kiosk::load_yaml_file(source, source.generic_string(), diags);
  const YAML::Node messages = en && en->root.IsMap() ? en->root["messages"] : YAML::Node();
  if (!messages.IsMap()) {
    print_diagnostics(stderr, diags, SIZE_MAX);
    fmt::print(stderr, "error: {}: no 'messages:' to make a template from\n", source.string());
    return exit_invalid;
  }

  std::string yaml = fmt::format(
      "# {english}: a template for translating the kiosk's words (kioskctl i18n template --locale {tag}).\n"
      "# Write each message's text between the quotes of \"\"; the comment above it is the English text.\n"
      "# Keep every {{placeholder}} as in English and translate only the words; a plural needs a text for\n"
      "# each plural form named. A message left \"\" is shown in the fallback language (finally English).\n"
      "# kioskctl i18n check and kioskctl i18n coverage show what is left. Draft: set status: reviewed and\n"
      "# name the reviewers when native speakers have checked it.\n"
      "locale:\n  tag: {tag}\n  native_name: {native}\n  english_name: {english_q}\n  direction: {dir}\n"
      "  script: {script}\n  numbering: {numbering}\n  status: draft\n  reviewers: []\nmessages:\n",
      fmt::arg("english", loc.english_name), fmt::arg("tag", loc.tag),
      fmt::arg("native", kiosk::yaml_scalar(loc.native_name, true)),
      fmt::arg("english_q", kiosk::yaml_scalar(loc.english_name, true)), fmt::arg("dir", loc.rtl ? "rtl" : "ltr"),
      fmt::arg("script", loc.script), fmt::arg("numbering", loc.numbering));
  std::size_t count = 0;
  for (const auto& kv : messages) {
    if (!kv.first.IsScalar() || !kv.second.IsScalar()) continue;  // `i18n check` reports those in en.yaml
    for (const auto& line : message_comment(kv.second.Scalar(), loc)) yaml += fmt::format("  # {}\n", line);
    yaml += fmt::format("  {}: \"\"\n", kv.first.Scalar());
    ++count;
  }
  if (out.has_parent_path()) fs::create_directories(out.parent_path());
  kiosk::write_file_durably(out, yaml);
  fmt::print("wrote {} for {}, {}: {} messages to translate; plural forms {}; script {}, {}, numbers {}\n",
             out.string(), loc.english_name, loc.native_name, count, fmt::join(loc.plural_forms, ", "), loc.script,
             loc.rtl ? "right to left" : "left to right", loc.numbering);
  if (out.filename() != loc.tag + ".yaml")
    fmt::print(stderr, "warning: the kiosk finds a catalog by its name: name it {}.yaml in the locales folder\n",
               loc.tag);
  fmt::print("next: translate it, add '{}' to the bundle's locales, and see what is left with kioskctl i18n coverage\n",
             loc.tag);
  return exit_ok;
}

}  // namespace

void add_i18n(CLI::App& app, Action& action) {
  auto* i18n = app.add_subcommand("i18n", "translations of the UI strings");
  i18n->require_subcommand(1);
  auto args = std::make_shared<I18nArgs>();
  auto* check = i18n->add_subcommand(
      "check", "missing and extra keys, MessageFormat errors, placeholders and plural forms per locale");
  check->add_option("--locales", args->locales,
                    "folder of UI catalogs (default: locales/ here or above, else installed)");
  check->add_flag("--json", args->json, "print JSON for machines");
  check->callback([&action, args] { action = [args] { return run_check(*args); }; });
  auto t = std::make_shared<TemplateArgs>();
  auto* tmpl = i18n->add_subcommand(
      "template", "a new language's UI catalog: every English message as a comment, its text \"\" to translate");
  tmpl->add_option("--locale", t->locale, "the language's BCP 47 tag, e.g. pt, mt or pt-BR")->required();
  tmpl->add_option("--out", t->out, "the file to write (default: <locales>/<tag>.yaml)");
  tmpl->add_option("--locales", t->locales,
                   "folder of UI catalogs with en.yaml (default: locales/ here or above, else installed)");
  tmpl->add_flag("--force", t->force, "replace the file if it exists");
  tmpl->callback([&action, t] { action = [t] { return run_template(*t); }; });
  add_i18n_coverage(*i18n, action);
}

}  // namespace kioskctl
