#include "core/i18n/i18n_catalog.h"

#include <fmt/format.h>
#include <unicode/messagepattern.h>
#include <unicode/uscript.h>

#include <algorithm>

#include "core/base/language_tag.h"
#include "core/base/limits.h"
#include "core/yaml/yaml_file.h"
#include "core/yaml/yaml_read.h"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

void read_locale_info(const ReadContext& ctx, const YAML::Node& n, LocaleCatalog& cat) {
  MapReader m(ctx, n, "the locale description",
              {"tag", "native_name", "english_name", "direction", "script", "numbering", "status", "reviewers"});
  if (!m.ok()) return;
  LocaleInfo& info = cat.info;
  if (auto v = m.require("tag"); v.IsDefined() && !v.IsNull())
    if (auto t = read_language_tag(ctx, v, "the locale tag")) info.tag = *t;
  if (auto v = m.require("native_name", "name the language in its own script"); v.IsDefined() && !v.IsNull())
    if (auto s = read_string(ctx, v, "the native name", limits::max_name)) info.native_name = *s;
  if (auto v = m.require("english_name"); v.IsDefined() && !v.IsNull())
    if (auto s = read_string(ctx, v, "the English name", limits::max_name)) info.english_name = *s;
  if (auto v = m.require("direction", "write 'direction: ltr' or 'direction: rtl'"); v.IsDefined() && !v.IsNull())
    if (auto i = read_choice(ctx, v, "the direction", {"ltr", "rtl"})) info.rtl = *i == 1;
  if (auto v = m.require("script", "write the ISO 15924 code, e.g. 'script: Latn'"); v.IsDefined() && !v.IsNull()) {
    if (auto s = read_string(ctx, v, "the script", 4)) {
      UScriptCode codes[4];
      UErrorCode status = U_ZERO_ERROR;
      const int32_t n_codes = uscript_getCode(s->c_str(), codes, 4, &status);
      if (U_FAILURE(status) || n_codes != 1 || s->size() != 4) {
        ctx.diags.error(ctx.pos(v), "bad-value", fmt::format("'{}' is not an ISO 15924 script code", *s),
                        "write e.g. Latn, Arab, Cyrl, Ethi, Taml");
      } else {
        info.script = *s;
        if (static_cast<bool>(uscript_isRightToLeft(codes[0])) != info.rtl)
          ctx.diags.error(ctx.pos(v), "bad-value",
                          fmt::format("script {} is written {}, but the direction says otherwise", *s,
                                      uscript_isRightToLeft(codes[0]) ? "right to left" : "left to right"));
      }
    }
  }
  if (m.has("numbering"))
    if (auto s = read_id(ctx, m.get("numbering"), "the numbering system")) info.numbering = *s;
  if (auto v = m.require("status", "write 'status: draft' until native speakers have reviewed it");
      v.IsDefined() && !v.IsNull())
    if (auto i = read_choice(ctx, v, "the status", {"draft", "reviewed"})) info.reviewed = *i == 1;
  if (m.has("reviewers")) info.reviewers = read_string_list(ctx, m.get("reviewers"), "a reviewer", limits::max_name);
  if (info.reviewed && info.reviewers.empty())
    ctx.diags.error(ctx.pos(n), "missing-field", "a reviewed translation must name its reviewers",
                    "list them under 'reviewers:' or set 'status: draft'");
}

void read_catalog(const ReadContext& ctx, LocaleCatalog& cat) {
  MapReader top(ctx, ctx.file.root, ctx.file.display_path, {"locale", "messages"});
  if (!top.ok()) return;
  cat.pos = ctx.pos(ctx.file.root);
  if (auto n = top.require("locale"); n.IsDefined() && !n.IsNull()) read_locale_info(ctx, n, cat);
  const YAML::Node msgs = top.require("messages");
  if (!msgs.IsDefined() || msgs.IsNull()) return;
  if (!msgs.IsMap()) {
    ctx.diags.error(ctx.pos(msgs), "wrong-type", "'messages' must map keys to texts");
    return;
  }
  const icu::Locale locale(formatting_locale_id(cat.info).c_str());
  for (const auto& kv : msgs) {
    auto key = read_string(ctx, kv.first, "a message key", limits::max_id);
    if (!key) continue;
    if (kv.second.IsScalar() && kv.second.Scalar().find_first_not_of(" \t\r\n") == std::string::npos) {
      // "": not translated yet; `i18n check` says so and lookups fall back
      if (cat.messages.count(*key) || !cat.untranslated.emplace(*key, ctx.pos(kv.second)).second)
        ctx.diags.error(ctx.pos(kv.first), "duplicate-key", fmt::format("message '{}' appears twice", *key));
      continue;
    }
    auto text = read_string(ctx, kv.second, "a message", limits::max_description);
    if (!text) continue;
    Message msg;
    msg.pattern = *text;
    msg.pos = ctx.pos(kv.second);
    UErrorCode status = U_ZERO_ERROR;
    UParseError perr{};
    auto format = std::make_shared<icu::MessageFormat>(icu::UnicodeString::fromUTF8(*text), locale, perr, status);
    if (U_FAILURE(status)) {
      ctx.diags.error(msg.pos, "message-syntax",
                      fmt::format("message '{}' is not valid ICU MessageFormat ({} near offset {})", *key,
                                  u_errorName(status), perr.offset),
                      "check braces and plural/select syntax");
    } else {
      msg.format = std::move(format);
    }
    if (cat.untranslated.count(*key) || !cat.messages.emplace(*key, std::move(msg)).second)
      ctx.diags.error(ctx.pos(kv.first), "duplicate-key", fmt::format("message '{}' appears twice", *key));
  }
}

}  // namespace

std::string formatting_locale_id(const LocaleInfo& info) {
  char id[ULOC_FULLNAME_CAPACITY] = {};
  int32_t parsed = 0;
  UErrorCode status = U_ZERO_ERROR;
  uloc_forLanguageTag(info.tag.c_str(), id, sizeof id, &parsed, &status);
  std::string out = U_SUCCESS(status) ? id : info.tag;
  if (!info.numbering.empty()) out += "@numbers=" + info.numbering;
  return out;
}

const LocaleCatalog* Catalogs::find(std::string_view tag) const {
  auto it = std::lower_bound(locales.begin(), locales.end(), tag,
                             [](const LocaleCatalog& c, std::string_view t) { return c.info.tag < t; });
  return it != locales.end() && it->info.tag == tag ? &*it : nullptr;
}

const LocaleCatalog* Catalogs::find_for(std::string_view tag) const {
  for (std::string cur(tag);;) {
    if (const LocaleCatalog* c = find(cur)) return c;
    const auto dash = cur.rfind('-');
    if (dash == std::string::npos) return nullptr;
    cur.resize(dash);
  }
}

Catalogs load_catalogs(const fs::path& dir, Diagnostics& diags) {
  Catalogs out;
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".yaml") files.push_back(it->path());
  if (ec || files.empty()) {
    diags.error({dir.generic_string(), 0, 0}, "missing-file", "no locale catalogs (*.yaml) found",
                "point --locales at the project's locales/ folder");
    return out;
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    auto file = load_yaml_file(path, path.generic_string(), diags);
    if (!file) continue;
    LocaleCatalog cat;
    const std::string stem = path.stem().string();
    cat.info.tag = stem;  // read_catalog() overwrites it with the declared tag
    read_catalog(ReadContext{*file, diags}, cat);
    if (cat.info.tag != stem) {
      diags.error(
          {file->display_path, 1, 1}, "bad-value",
          fmt::format("the file declares locale '{}' but is named '{}'", cat.info.tag, path.filename().string()),
          fmt::format("rename it to {}.yaml", cat.info.tag));
      continue;
    }
    out.locales.push_back(std::move(cat));
  }
  std::sort(out.locales.begin(), out.locales.end(),
            [](const LocaleCatalog& a, const LocaleCatalog& b) { return a.info.tag < b.info.tag; });
  return out;
}

FormatContext make_format_context(const Catalogs& catalogs, std::string_view locale, std::string_view default_locale) {
  FormatContext ctx;
  ctx.catalogs = &catalogs;
  ctx.chain = locale_fallback_chain(locale, default_locale);
  if (std::find(ctx.chain.begin(), ctx.chain.end(), Catalogs::source_locale) == ctx.chain.end())
    ctx.chain.emplace_back(Catalogs::source_locale);
  return ctx;
}

std::string translate(const FormatContext& ctx, std::string_view key, const std::vector<MessageArg>& args) {
  if (!ctx.catalogs) return {};
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  names.reserve(args.size());
  values.reserve(args.size());
  for (const auto& a : args) {
    names.push_back(icu::UnicodeString::fromUTF8(a.name));
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::string>)
            values.emplace_back(icu::UnicodeString::fromUTF8(v));
          else
            values.emplace_back(v);
        },
        a.value);
  }
  for (const auto& tag : ctx.chain) {
    const LocaleCatalog* cat = ctx.catalogs->find(tag);
    if (!cat) continue;
    auto it = cat->messages.find(key);
    if (it == cat->messages.end() || !it->second.format) continue;
    icu::UnicodeString result;
    UErrorCode status = U_ZERO_ERROR;
    it->second.format->format(names.data(), values.data(), static_cast<int32_t>(values.size()), result, status);
    if (U_FAILURE(status)) continue;
    std::string out;
    result.toUTF8String(out);
    return out;
  }
  return {};
}

std::vector<std::string> message_arguments(const std::string& pattern) {
  std::vector<std::string> names;
  UErrorCode status = U_ZERO_ERROR;
  UParseError perr{};
  icu::MessagePattern mp(icu::UnicodeString::fromUTF8(pattern), &perr, status);
  if (U_FAILURE(status)) return names;
  for (int32_t i = 0; i < mp.countParts(); ++i) {
    const icu::MessagePattern::Part& part = mp.getPart(i);
    if (part.getType() != UMSGPAT_PART_TYPE_ARG_NAME) continue;
    std::string name;
    mp.getSubstring(part).toUTF8String(name);
    names.push_back(std::move(name));
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace kiosk
