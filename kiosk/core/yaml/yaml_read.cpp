#include "core/yaml/yaml_read.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/base/language_tag.h"
#include "core/base/limits.h"
#include "core/base/suggest.h"
#include "core/base/utf8.h"

namespace kiosk {
namespace {

std::string_view type_name(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Scalar:
      return "a single value";
    case YAML::NodeType::Null:
      return "empty";
    case YAML::NodeType::Undefined:
      break;
  }
  return "missing";
}

bool is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

std::optional<int> parse_fixed_int(std::string_view s) {
  int v = 0;
  if (s.empty() || std::any_of(s.begin(), s.end(), [](char c) { return c < '0' || c > '9'; })) return std::nullopt;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// A quote that is never closed: yaml-cpp reads to the end of the file, so the keys after it become part
// of the value and the file still parses. Found by looking for the closing quote in the source.
bool quote_never_closed(const YamlFile& file, const YAML::Node& n) {
  const YAML::Mark m = n.Mark();
  if (m.line < 0 || static_cast<std::size_t>(m.line) >= file.line_starts.size() || m.column < 0) return false;
  std::size_t i = file.line_starts[static_cast<std::size_t>(m.line)] + static_cast<std::size_t>(m.column);
  const std::string& t = file.text;
  if (i >= t.size() || (t[i] != '"' && t[i] != '\'')) return false;
  const char q = t[i];
  for (++i; i < t.size(); ++i) {
    if (q == '"' && t[i] == '\\') {
      ++i;  // an escaped character, perhaps a quote
    } else if (t[i] == q) {
      if (q == '\'' && i + 1 < t.size() && t[i + 1] == '\'') {
        ++i;  // '' is a quote inside single quotes
        continue;
      }
      return false;
    }
  }
  return true;
}

// Characters that can hide or disguise text, looked for after YAML has unescaped the value ("\u202e",
// "\0"): an escape cannot smuggle in what the raw-text check of yaml_file.cpp refuses. That check refuses a
// raw C0 control outright and reports a raw bidi control at its exact place, so a bidi control standing
// in the raw text is not reported twice; a C1 control (U+0085) it does not see, raw or escaped.
std::optional<char32_t> hidden_character(const YamlFile& file, std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto len = static_cast<int32_t>(std::min<std::size_t>(s.size(), INT32_MAX));
  for (int32_t i = 0; i < len;) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(p, i, len, c);
    if (c < 0) continue;
    const bool control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    const bool bidi = is_bidi_control(static_cast<char32_t>(c));
    if (!control && !bidi) continue;
    const std::string_view raw = s.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    if (!bidi || file.text.find(raw) == std::string::npos) return static_cast<char32_t>(c);
  }
  return std::nullopt;
}

}  // namespace

MapReader::MapReader(const ReadContext& ctx, const YAML::Node& map, std::string_view what,
                     std::initializer_list<std::string_view> keys)
    : ctx_(ctx), map_(map), what_(what) {
  if (!map.IsMap()) {
    ctx.diags.error(ctx.pos(map), "wrong-type",
                    fmt::format("{} must be a mapping of keys to values, not {}", what_, type_name(map)));
    return;
  }
  ok_ = true;
  const std::vector<std::string_view> allowed(keys);
  entries_.reserve(map.size());
  for (const auto& kv : map) {
    const YAML::Node& key = kv.first;
    if (!key.IsScalar()) {
      ctx.diags.error(ctx.pos(key), "wrong-type", fmt::format("keys of {} must be plain words", what_));
      continue;
    }
    const std::string& k = key.Scalar();
    if (std::any_of(entries_.begin(), entries_.end(), [&](const auto& e) { return e.first == k; })) {
      ctx.diags.error(ctx.pos(key), "duplicate-key", fmt::format("'{}' appears twice in {}", k, what_),
                      "keep one of them");
      continue;
    }
    entries_.emplace_back(k, kv.second);
    if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) {
      const std::string guess = closest_match(k, std::span<const std::string_view>(allowed));
      const std::string hint = guess.empty() ? fmt::format("allowed keys: {}", fmt::join(allowed, ", "))
                                             : fmt::format("did you mean '{}'?", guess);
      ctx.diags.error(ctx.pos(key), "unknown-key", fmt::format("unknown key '{}' in {}", k, what_), hint);
    }
  }
}

YAML::Node MapReader::get(std::string_view key) const {
  for (const auto& [k, v] : entries_)
    if (k == key) return v;
  return YAML::Node(YAML::NodeType::Undefined);
}

bool MapReader::has(std::string_view key) const {
  const YAML::Node n = get(key);
  return n.IsDefined() && !n.IsNull();
}

YAML::Node MapReader::require(std::string_view key, std::string_view hint) const {
  YAML::Node n = get(key);
  if (ok_ && (!n.IsDefined() || n.IsNull())) {
    ctx_.diags.error(ctx_.pos(map_), "missing-field", fmt::format("{} has no '{}'", what_, key),
                     hint.empty() ? fmt::format("add '{}:'", key) : std::string(hint));
  }
  return n;
}

bool expect_scalar(const ReadContext& ctx, const YAML::Node& n, std::string_view what) {
  if (n.IsScalar()) return true;
  ctx.diags.error(ctx.pos(n), "wrong-type", fmt::format("{} must be a single value, not {}", what, type_name(n)));
  return false;
}

std::optional<std::string> read_string(const ReadContext& ctx, const YAML::Node& n, std::string_view what,
                                       std::size_t max_len) {
  if (!expect_scalar(ctx, n, what)) return std::nullopt;
  const std::string& s = n.Scalar();
  if (quote_never_closed(ctx.file, n)) {
    ctx.diags.error(ctx.pos(n), "unclosed-quote", fmt::format("the quote that starts {} is never closed", what),
                    "add the closing quote at the end of the value: everything after it was read as part of it");
    return std::nullopt;
  }
  if (auto c = hidden_character(ctx.file, s)) {
    ctx.diags.error(ctx.pos(n), is_bidi_control(*c) ? "bidi-control" : "control-character",
                    fmt::format("{} contains {}, which can hide or disguise text", what, code_point_name(*c)),
                    "remove it (an escape such as \\u202e counts too); the kiosk sets each text's direction itself");
    return std::nullopt;
  }
  const std::size_t len = count_code_points(s);
  if (len > max_len) {
    ctx.diags.error(ctx.pos(n), "too-long",
                    fmt::format("{} has {} characters, more than the limit of {}", what, len, max_len), "shorten it");
    return std::nullopt;
  }
  if (s.find_first_not_of(" \t\r\n") == std::string::npos) {
    ctx.diags.error(ctx.pos(n), "empty-value", fmt::format("{} is empty", what), "write a value or remove the key");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> read_id(const ReadContext& ctx, const YAML::Node& n, std::string_view what) {
  auto s = read_string(ctx, n, what, limits::max_id);
  if (!s) return std::nullopt;
  const bool ok = std::all_of(s->begin(), s->end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
  if (!ok) {
    ctx.diags.error(ctx.pos(n), "bad-id", fmt::format("{} '{}' may only use a-z, 0-9, '-', '_' and '.'", what, *s),
                    "use lower-case letters, digits and dashes");
    return std::nullopt;
  }
  return s;
}

std::optional<double> read_number(const ReadContext& ctx, const YAML::Node& n, std::string_view what, double min,
                                  double max) {
  if (!expect_scalar(ctx, n, what)) return std::nullopt;
  const std::string& s = n.Scalar();
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) {
    ctx.diags.error(ctx.pos(n), "not-a-number", fmt::format("{} must be a number, not '{}'", what, s));
    return std::nullopt;
  }
  if (v < min || v > max) {
    ctx.diags.error(ctx.pos(n), "out-of-range", fmt::format("{} is {}, outside {} to {}", what, s, min, max));
    return std::nullopt;
  }
  return v;
}

std::optional<std::int64_t> read_integer(const ReadContext& ctx, const YAML::Node& n, std::string_view what,
                                         std::int64_t min, std::int64_t max) {
  if (!expect_scalar(ctx, n, what)) return std::nullopt;
  const std::string& s = n.Scalar();
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) {
    ctx.diags.error(ctx.pos(n), "not-a-number", fmt::format("{} must be a whole number, not '{}'", what, s));
    return std::nullopt;
  }
  if (v < min || v > max) {
    ctx.diags.error(ctx.pos(n), "out-of-range",
                    max == INT64_MAX ? fmt::format("{} is {}; it must be at least {}", what, v, min)
                                     : fmt::format("{} is {}, outside {} to {}", what, v, min, max));
    return std::nullopt;
  }
  return v;
}

std::optional<bool> read_bool(const ReadContext& ctx, const YAML::Node& n, std::string_view what) {
  auto i = read_choice(ctx, n, what, {"yes", "no", "true", "false"});
  if (!i) return std::nullopt;
  return *i == 0 || *i == 2;
}

std::optional<Date> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto y = parse_fixed_int(s.substr(0, 4)), m = parse_fixed_int(s.substr(5, 2)), d = parse_fixed_int(s.substr(8, 2));
  if (!y || !m || !d || *m < 1 || *m > 12 || *d < 1 || *d > days_in_month(*y, *m)) return std::nullopt;
  return Date{*y, *m, *d};
}

std::optional<int> parse_hh_mm(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  auto h = parse_fixed_int(s.substr(0, 2)), m = parse_fixed_int(s.substr(3, 2));
  if (!h || !m || *m > 59 || *h > 24 || (*h == 24 && *m != 0)) return std::nullopt;
  return *h * 60 + *m;
}

std::optional<LocalDateTime> parse_date_time(std::string_view s) {
  auto d = parse_date(s.substr(0, std::min<std::size_t>(s.size(), 10)));
  if (!d) return std::nullopt;
  if (s.size() == 10) return LocalDateTime{*d, 0};
  if (s.size() != 16 || (s[10] != 'T' && s[10] != ' ')) return std::nullopt;
  auto t = parse_hh_mm(s.substr(11));
  if (!t || *t >= 24 * 60) return std::nullopt;
  return LocalDateTime{*d, *t};
}

std::optional<Date> read_date(const ReadContext& ctx, const YAML::Node& n, std::string_view what) {
  if (!expect_scalar(ctx, n, what)) return std::nullopt;
  auto d = parse_date(n.Scalar());
  if (!d)
    ctx.diags.error(ctx.pos(n), "bad-date", fmt::format("{} '{}' is not a date", what, n.Scalar()),
                    "write YYYY-MM-DD, e.g. 2026-12-24");
  return d;
}

std::optional<LocalDateTime> read_date_time(const ReadContext& ctx, const YAML::Node& n, std::string_view what) {
  if (!expect_scalar(ctx, n, what)) return std::nullopt;
  auto d = parse_date_time(n.Scalar());
  if (!d)
    ctx.diags.error(ctx.pos(n), "bad-date", fmt::format("{} '{}' is not a date and time", what, n.Scalar()),
                    "write YYYY-MM-DD or YYYY-MM-DDTHH:MM, e.g. 2026-12-24T14:00");
  return d;
}

std::optional<std::size_t> read_choice(const ReadContext& ctx, const YAML::Node& n, std::string_view what,
                                       std::initializer_list<std::string_view> allowed) {
  if (!expect_scalar(ctx, n, what)) return std::nullopt;
  const std::string& s = n.Scalar();
  std::size_t i = 0;
  for (auto a : allowed) {
    if (a == s) return i;
    ++i;
  }
  const std::vector<std::string_view> options(allowed);
  const std::string guess = closest_match(s, std::span<const std::string_view>(options));
  ctx.diags.error(ctx.pos(n), "bad-value", fmt::format("{} '{}' is not one of: {}", what, s, fmt::join(options, ", ")),
                  guess.empty() ? std::string() : fmt::format("did you mean '{}'?", guess));
  return std::nullopt;
}

std::vector<std::string> read_string_list(const ReadContext& ctx, const YAML::Node& n, std::string_view what,
                                          std::size_t max_len) {
  std::vector<std::string> out;
  if (n.IsScalar()) {  // a single value where a list is expected is a common and harmless shorthand
    if (auto s = read_string(ctx, n, what, max_len)) out.push_back(*s);
    return out;
  }
  if (!n.IsSequence()) {
    ctx.diags.error(ctx.pos(n), "wrong-type", fmt::format("{} must be a list, not {}", what, type_name(n)));
    return out;
  }
  if (n.size() > limits::max_list) {
    ctx.diags.error(ctx.pos(n), "too-long",
                    fmt::format("{} has {} entries, more than the limit of {}", what, n.size(), limits::max_list));
    return out;
  }
  for (const auto& item : n)
    if (auto s = read_string(ctx, item, what, max_len)) out.push_back(*s);
  return out;
}

std::optional<std::string> read_language_tag(const ReadContext& ctx, const YAML::Node& n, std::string_view what) {
  auto s = read_string(ctx, n, what, 64);
  if (!s) return std::nullopt;
  if (!is_valid_language_tag(*s)) {
    ctx.diags.error(ctx.pos(n), "bad-language-tag", fmt::format("'{}' is not a valid BCP 47 language tag", *s),
                    "use tags like de, ar, fa, ckb, ti, ta, uk, pt-BR");
    return std::nullopt;
  }
  // `AR`, `deu` or `de-de` would never match the kiosk's `ar`, `de`, `de-DE`: one spelling only.
  if (const std::string canonical = canonical_language_tag(*s); !canonical.empty() && canonical != *s) {
    ctx.diags.error(ctx.pos(n), "bad-language-tag", fmt::format("'{}' is written '{}'", *s, canonical),
                    fmt::format("write '{}'", canonical));
    return std::nullopt;
  }
  return s;
}

LocalizedText read_localized(const ReadContext& ctx, const YAML::Node& n, std::string_view what, std::size_t max_len) {
  LocalizedText t;
  t.pos = ctx.pos(n);
  if (n.IsScalar()) {
    if (auto s = read_string(ctx, n, what, max_len)) t.by_locale.emplace("und", *s);
    return t;
  }
  if (!n.IsMap()) {
    ctx.diags.error(
        ctx.pos(n), "wrong-type",
        fmt::format("{} must be a text or a mapping of language tags to texts, not {}", what, type_name(n)));
    return t;
  }
  for (const auto& kv : n) {
    auto tag = read_language_tag(ctx, kv.first, fmt::format("the language of {}", what));
    auto text = read_string(ctx, kv.second, what, max_len);
    if (tag && text && !t.by_locale.emplace(*tag, *text).second)
      ctx.diags.error(ctx.pos(kv.first), "duplicate-key", fmt::format("'{}' appears twice in {}", *tag, what));
  }
  return t;
}

}  // namespace kiosk
