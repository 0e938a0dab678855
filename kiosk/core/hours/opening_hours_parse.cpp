// Parser of the opening_hours syntax. Tolerant where the reference evaluator is tolerant and the
// meaning is clear (single-digit hours, lower-case names, en dashes); strict where a typo could hide
// (minutes must have two digits).

#include <fmt/format.h>

#include <cctype>
#include <cstdlib>
#include <cstring>

#include "core/base/utf8.h"
#include "core/hours/opening_hours.h"

namespace kiosk {
namespace {

enum class Tok : std::uint8_t {
  number,
  weekday,
  month,
  holiday,
  state,
  var_time,
  comment,
  always,
  week,
  easter,
  day_word,
  dash,
  comma,
  semicolon,
  fallback,
  plus,
  colon,
  lbracket,
  rbracket,
  lparen,
  rparen,
  slash,
  unknown,
  end
};

struct Token {
  Tok kind;
  int value = 0;   // number, weekday (0..6), month (1..12), holiday (0 PH, 1 SH), state, var time
  int digits = 0;  // for numbers
  std::string text;
  int column = 0;  // 1-based, code points
};

struct ParseFailure {
  OhParseError error;
};

[[noreturn]] void fail(int column, std::string message) {
  throw ParseFailure{{column, std::move(message)}};
}

bool ieq(std::string_view a, const char* b) {
  if (a.size() != std::strlen(b)) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

std::vector<Token> tokenize(std::string_view s) {
  static constexpr const char* weekdays[] = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
  static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::vector<Token> out;
  std::size_t i = 0;
  int col = 1;
  auto advance = [&](std::size_t bytes) {
    col += static_cast<int>(count_code_points(s.substr(i, bytes)));
    i += bytes;
  };
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const int start = col;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      advance(1);
      continue;
    }
    if (s.substr(i, 4) == "24/7") {
      out.push_back({Tok::always, 0, 0, "24/7", start});
      advance(4);
      continue;
    }
    if (std::isdigit(c)) {
      std::size_t j = i;
      int v = 0;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])) && j - i < 6) v = v * 10 + (s[j++] - '0');
      out.push_back({Tok::number, v, static_cast<int>(j - i), std::string(s.substr(i, j - i)), start});
      advance(j - i);
      continue;
    }
    if (std::isalpha(c)) {
      std::size_t j = i;
      while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
      const std::string_view w = s.substr(i, j - i);
      Token t{Tok::end, 0, 0, std::string(w), start};
      for (int k = 0; k < 7; ++k)
        if (ieq(w, weekdays[k])) t = {Tok::weekday, k, 0, std::string(w), start};
      for (int k = 0; k < 12; ++k)
        if (ieq(w, months[k])) t = {Tok::month, k + 1, 0, std::string(w), start};
      if (ieq(w, "PH")) t = {Tok::holiday, 0, 0, "PH", start};
      if (ieq(w, "SH")) t = {Tok::holiday, 1, 0, "SH", start};
      if (ieq(w, "open")) t = {Tok::state, static_cast<int>(RuleState::open), 0, "open", start};
      if (ieq(w, "closed") || ieq(w, "off")) t = {Tok::state, static_cast<int>(RuleState::closed), 0, "closed", start};
      if (ieq(w, "unknown")) t = {Tok::state, static_cast<int>(RuleState::unknown), 0, "unknown", start};
      if (ieq(w, "dawn")) t = {Tok::var_time, static_cast<int>(VarTime::dawn), 0, "dawn", start};
      if (ieq(w, "sunrise")) t = {Tok::var_time, static_cast<int>(VarTime::sunrise), 0, "sunrise", start};
      if (ieq(w, "sunset")) t = {Tok::var_time, static_cast<int>(VarTime::sunset), 0, "sunset", start};
      if (ieq(w, "dusk")) t = {Tok::var_time, static_cast<int>(VarTime::dusk), 0, "dusk", start};
      if (ieq(w, "week")) t = {Tok::week, 0, 0, "week", start};
      if (ieq(w, "easter")) t = {Tok::easter, 0, 0, "easter", start};
      if (ieq(w, "day") || ieq(w, "days")) t = {Tok::day_word, 0, 0, "day", start};
      if (t.kind == Tok::end) t.kind = Tok::unknown;  // reported where the parser meets it
      out.push_back(std::move(t));
      advance(j - i);
      continue;
    }
    if (c == '"') {
      const std::size_t close = s.find('"', i + 1);
      if (close == std::string_view::npos) fail(start, "the comment has no closing '\"'");
      out.push_back({Tok::comment, 0, 0, std::string(s.substr(i + 1, close - i - 1)), start});
      advance(close + 1 - i);
      continue;
    }
    if (s.substr(i, 2) == "||") {
      out.push_back({Tok::fallback, 0, 0, "||", start});
      advance(2);
      continue;
    }
    if (s.substr(i, 3) == "\xE2\x80\x93") {  // en dash, a common typo for '-'
      out.push_back({Tok::dash, 0, 0, "-", start});
      advance(3);
      continue;
    }
    static constexpr std::pair<char, Tok> punct[] = {
        {'-', Tok::dash},     {',', Tok::comma},    {';', Tok::semicolon}, {'+', Tok::plus},   {':', Tok::colon},
        {'[', Tok::lbracket}, {']', Tok::rbracket}, {'(', Tok::lparen},    {')', Tok::rparen}, {'/', Tok::slash}};
    bool found = false;
    for (const auto& [ch, kind] : punct) {
      if (c == static_cast<unsigned char>(ch)) {
        out.push_back({kind, 0, 0, std::string(1, ch), start});
        advance(1);
        found = true;
        break;
      }
    }
    if (!found) {
      std::size_t len = 1;
      while (i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80) ++len;
      out.push_back({Tok::unknown, 0, 0, std::string(s.substr(i, len)), start});
      advance(len);
    }
  }
  out.push_back({Tok::end, 0, 0, "", col});
  return out;
}

// Words that editors often write instead of the specification's English abbreviations.
std::string english_for(std::string_view w) {
  static constexpr std::pair<const char*, const char*> words[] = {{"Di", "Tu"},
                                                                  {"Mi", "We"},
                                                                  {"Do", "Th"},
                                                                  {"So", "Su"},
                                                                  {"Mon", "Mo"},
                                                                  {"Tue", "Tu"},
                                                                  {"Wed", "We"},
                                                                  {"Thu", "Th"},
                                                                  {"Fri", "Fr"},
                                                                  {"Sat", "Sa"},
                                                                  {"Sun", "Su"},
                                                                  {"und", "','"},
                                                                  {"and", "','"},
                                                                  {"Mai", "May"},
                                                                  {"Okt", "Oct"},
                                                                  {"Dez", "Dec"},
                                                                  {"Uhr", "nothing: times are HH:MM"}};
  for (const auto& [wrong, right] : words)
    if (ieq(w, wrong)) return right;
  return {};
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : t_(std::move(tokens)) {}

  OpeningHours parse() {
    OpeningHours oh;
    bool additional = false, fallback = false;
    while (peek().kind == Tok::semicolon) ++p_;  // tolerate a leading separator
    if (peek().kind == Tok::end) fail(peek().column, "the value is empty");
    while (true) {
      OhRule rule = parse_rule();
      rule.additional = additional;
      rule.fallback = fallback;
      oh.rules.push_back(std::move(rule));
      const Token& sep = peek();
      if (sep.kind == Tok::end) break;
      if (sep.kind == Tok::semicolon) {
        additional = false;
        fallback = false;
      } else if (sep.kind == Tok::comma) {
        additional = true;  // a ',' that did not continue a list starts an additional rule
      } else if (sep.kind == Tok::fallback) {
        additional = false;
        fallback = true;
      } else {
        fail(sep.column, fmt::format("unexpected '{}'; expected ';', ',' or '||' between rules", sep.text));
      }
      ++p_;
      if (peek().kind == Tok::end && sep.kind != Tok::fallback) break;  // a trailing separator is harmless
    }
    return oh;
  }

 private:
  const Token& peek(std::size_t ahead = 0) const { return t_[std::min(p_ + ahead, t_.size() - 1)]; }
  bool at(Tok k, std::size_t ahead = 0) const { return peek(ahead).kind == k; }
  const Token& expect(Tok k, const char* what) {
    if (!at(k)) fail(peek().column, fmt::format("expected {}", what));
    return t_[p_++];
  }
  // An unknown word that is a common mistake gets its correction.
  static void fail_unknown(const Token& tk) {
    if (tk.kind != Tok::unknown) return;
    if (auto hint = english_for(tk.text); !hint.empty())
      fail(tk.column, fmt::format("unknown word '{}'; write {}", tk.text, hint));
  }

  bool rule_end() const { return at(Tok::end) || at(Tok::semicolon) || at(Tok::fallback); }

  OhRule parse_rule() {
    OhRule r;
    bool have_state = false;
    const std::size_t first = p_;
    while (!rule_end()) {
      const Token& tk = peek();
      if (tk.kind == Tok::comma) {
        if (p_ == first) fail(tk.column, "expected a rule before ','");
        break;  // additional rule
      }
      if (have_state && tk.kind != Tok::comment)
        fail(tk.column, fmt::format("unexpected '{}' after the rule's state; separate rules with ';'", tk.text));
      switch (tk.kind) {
        case Tok::weekday:
          parse_weekday_list(r);
          break;
        case Tok::holiday:
          if (at(Tok::comma, 1) || at(Tok::comma, holiday_offset_length() + 1))
            parse_weekday_list(r);
          else
            r.holidays.push_back(parse_holiday());
          break;
        case Tok::always:
          ++p_;
          r.times.push_back(TimeSpan{0, 24 * 60});
          break;
        case Tok::number:
          if (tk.digits == 4 && !at(Tok::colon, 1))
            parse_year_or_dated(r);
          else
            parse_time_list(r);
          break;
        case Tok::var_time:
        case Tok::lparen:
          parse_time_list(r);
          break;
        case Tok::month:
          if ((at(Tok::number, 1) && !at(Tok::colon, 2)) || (at(Tok::weekday, 1) && at(Tok::lbracket, 2)))
            parse_monthday_list(r, 0);
          else
            parse_month_list(r, 0);
          break;
        case Tok::easter:
          parse_monthday_list(r, 0);
          break;
        case Tok::week:
          parse_week_list(r);
          break;
        case Tok::colon:
          if (p_ == first) fail(tk.column, "unexpected ':'");
          ++p_;  // "Apr-Oct: Mo-Fr ..." separator for readability
          break;
        case Tok::state:
          r.state = static_cast<RuleState>(tk.value);
          have_state = true;
          ++p_;
          break;
        case Tok::comment:
          r.comment = tk.text;
          if (!have_state) r.state = RuleState::unknown;
          have_state = true;
          ++p_;
          break;
        case Tok::unknown:
          fail_unknown(tk);
          fail(tk.column, fmt::format("unexpected '{}'; expected a weekday (Mo-Su), month (Jan-Dec), PH, SH, a time, "
                                      "open, closed, off, unknown or a \"comment\"",
                                      tk.text));
        default:
          fail(tk.column, fmt::format("unexpected '{}'", tk.text));
      }
    }
    if (p_ == first) fail(peek().column, "expected a rule");
    return r;
  }

  // ---- weekdays and holidays ----
  std::size_t holiday_offset_length() const {
    // "PH -1 day" / "PH +2 days" / "PH - 1 day": tokens after PH that belong to it
    if ((at(Tok::dash, 1) || at(Tok::plus, 1)) && at(Tok::number, 2) && at(Tok::day_word, 3)) return 3;
    return 0;
  }

  int parse_day_offset() {
    if ((at(Tok::dash) || at(Tok::plus)) && at(Tok::number, 1) && at(Tok::day_word, 2)) {
      const int sign = at(Tok::dash) ? -1 : 1;
      const int n = peek(1).value;
      p_ += 3;
      return sign * n;
    }
    return 0;
  }

  HolidaySel parse_holiday() {
    HolidaySel h;
    h.school = peek().value == 1;
    ++p_;
    h.day_offset = parse_day_offset();
    return h;
  }

  void parse_weekday_list(OhRule& r) {
    while (true) {
      if (at(Tok::holiday)) {
        r.weekdays.emplace_back(parse_holiday());
      } else if (at(Tok::weekday)) {
        WeekdaySel w;
        w.from = w.to = peek().value;
        ++p_;
        if (at(Tok::dash) && at(Tok::weekday, 1)) {
          w.to = peek(1).value;
          p_ += 2;
        } else if (at(Tok::dash)) {
          fail_unknown(peek(1));
          fail(peek(1).column, "expected a weekday (Mo, Tu, We, Th, Fr, Sa, Su) after '-'");
        }
        if (at(Tok::lbracket)) parse_nth(w);
        w.day_offset = parse_day_offset();
        r.weekdays.emplace_back(w);
      } else {
        fail(peek().column, "expected a weekday (Mo, Tu, We, Th, Fr, Sa, Su) or PH/SH");
      }
      if (at(Tok::comma) && (at(Tok::weekday, 1) || at(Tok::holiday, 1))) {
        ++p_;
        continue;
      }
      if (at(Tok::comma)) fail_unknown(peek(1));
      break;
    }
  }

  void parse_nth(WeekdaySel& w) {
    ++p_;  // [
    while (true) {
      NthRange n;
      n.from = n.to = parse_signed_nth();
      if (at(Tok::dash) && at(Tok::number, 1)) {
        ++p_;
        n.to = parse_signed_nth();
      }
      w.nth.push_back(n);
      if (at(Tok::comma)) {
        ++p_;
        continue;
      }
      break;
    }
    expect(Tok::rbracket, "']'");
  }

  int parse_signed_nth() {
    int sign = 1;
    if (at(Tok::dash)) {
      sign = -1;
      ++p_;
    }
    const Token& n = expect(Tok::number, "a number from 1 to 5");
    if (n.value < 1 || n.value > 5) fail(n.column, "the nth weekday must be 1 to 5 (or -1 to -5)");
    return sign * n.value;
  }

  // ---- times ----
  // How a time point was written. The reference accepts "09-18" (whole hours at both ends) but refuses a
  // range that mixes forms ("8-6:30", "12:00-15", "sunrise-18"): such a value is most often a typo, and
  // reading it as hours would show "open" for a time the editor did not mean.
  enum class Form : std::uint8_t { whole_hour, clock, variable };

  int parse_clock(int& column, Form& form) {
    const Token& h = expect(Tok::number, "an hour");
    column = h.column;
    if (h.digits > 2) fail(h.column, "expected an hour of one or two digits");
    form = Form::whole_hour;
    if (!at(Tok::colon)) return h.value * 60;  // "09-18": whole hours, as the reference accepts
    form = Form::clock;
    ++p_;
    const Token& m = peek();
    if (m.kind != Tok::number) fail(m.column, "expected a digit");
    if (m.digits < 2) fail(m.column + m.digits, "expected a digit");
    if (m.digits > 2) fail(m.column + 2, "expected '-' or ','");
    if (m.value > 59) fail(m.column, "minutes must be 00 to 59");
    ++p_;
    return h.value * 60 + m.value;
  }

  // A time: a clock time, a variable time, or "(sunrise+01:00)".
  Form parse_time_point(int& minutes, VarTime& var, int& offset, int& column) {
    column = peek().column;
    if (at(Tok::var_time)) {
      var = static_cast<VarTime>(peek().value);
      minutes = default_var_minutes(var);
      ++p_;
      return Form::variable;
    }
    if (at(Tok::lparen)) {
      ++p_;
      if (!at(Tok::var_time)) fail(peek().column, "expected sunrise, sunset, dawn or dusk");
      var = static_cast<VarTime>(peek().value);
      ++p_;
      int sign = 0;
      if (at(Tok::plus)) sign = 1;
      if (at(Tok::dash)) sign = -1;
      if (sign == 0) fail(peek().column, "expected '+' or '-'");
      ++p_;
      int c = 0;
      Form offset_form = Form::clock;
      offset = sign * parse_clock(c, offset_form);
      if (offset_form == Form::whole_hour)
        fail(c, fmt::format("an offset needs minutes: write {}{:02}:00", sign > 0 ? '+' : '-', std::abs(offset) / 60));
      expect(Tok::rparen, "')'");
      minutes = default_var_minutes(var) + offset;
      return Form::variable;
    }
    Form form = Form::clock;
    minutes = parse_clock(column, form);
    return form;
  }

  static constexpr const char* var_names[] = {"", "dawn", "sunrise", "sunset", "dusk"};

  static int default_var_minutes(VarTime v) {
    switch (v) {
      case VarTime::dawn:
        return 5 * 60 + 30;
      case VarTime::sunrise:
        return 6 * 60;
      case VarTime::sunset:
        return 18 * 60;
      case VarTime::dusk:
        return 18 * 60 + 30;
      case VarTime::none:
        break;
    }
    return 0;
  }

  static int open_end_until(int from) {
    if (from >= 22 * 60) return from + 8 * 60;
    if (from >= 17 * 60) return from + 10 * 60;
    return 24 * 60;
  }

  void parse_time_list(OhRule& r) {
    while (true) {
      TimeSpan span;
      int column = 0;
      const Form from_form = parse_time_point(span.from, span.from_var, span.from_offset, column);
      if (span.from >= 24 * 60 && span.from_var == VarTime::none) fail(column, "a time range must start before 24:00");
      if (at(Tok::plus)) {
        if (from_form == Form::whole_hour)
          fail(column, fmt::format("an open end needs minutes: write {:02}:00+", span.from / 60));
        ++p_;
        span.open_end = true;
        span.to = open_end_until(span.from);
        r.times.push_back(span);
      } else {
        if (!at(Tok::dash)) fail(peek().column, "expected '-' (a time range) or '+' (open end) after the time");
        ++p_;
        int to_column = 0;
        const Form to_form = parse_time_point(span.to, span.to_var, span.to_offset, to_column);
        if (from_form == Form::whole_hour && to_form != Form::whole_hour)
          fail(column, fmt::format("the start of the range needs minutes when its end has them: write {:02}:00-{}",
                                   span.from / 60,
                                   to_form == Form::variable ? std::string(var_names[static_cast<int>(span.to_var)])
                                                             : fmt::format("{:02}:{:02}", span.to / 60, span.to % 60)));
        if (from_form != Form::whole_hour && to_form == Form::whole_hour)
          fail(to_column, fmt::format("the end of the range needs minutes: write {:02}:00", span.to / 60));
        const bool both_clock = span.from_var == VarTime::none && span.to_var == VarTime::none;
        if (span.to < span.from || (both_clock && span.to == span.from)) span.to += 24 * 60;
        if (span.to > 48 * 60) fail(to_column, "a time range may not span more than two midnights");
        if (at(Tok::plus)) {
          // "13:00-18:00+": open until 18:00, then open end. The reference adds the open end first.
          ++p_;
          TimeSpan tail;
          tail.from = span.to;
          tail.open_end = true;
          tail.to = open_end_until(tail.from);
          r.times.push_back(tail);
        }
        r.times.push_back(span);
      }
      if (at(Tok::comma) && (starts_time(1) || at(Tok::var_time, 1) || at(Tok::lparen, 1))) {
        ++p_;
        continue;
      }
      break;
    }
  }

  // A clock time starts here (not a year or a day of the month).
  bool starts_time(std::size_t ahead) const {
    return at(Tok::number, ahead) && peek(ahead).digits <= 2 && (at(Tok::colon, ahead + 1) || at(Tok::dash, ahead + 1));
  }

  // ---- years, months, month days, weeks ----
  void parse_year_or_dated(OhRule& r) {
    const Token& y = peek();
    if (at(Tok::month, 1) || at(Tok::easter, 1)) {
      parse_monthday_list(r, y.value);
      return;
    }
    while (true) {
      YearRange yr;
      const Token& from = expect(Tok::number, "a year");
      if (from.digits != 4) fail(from.column, "expected a four-digit year");
      yr.from = yr.to = from.value;
      if (at(Tok::plus)) {
        ++p_;
        yr.open_ended = true;
      } else if (at(Tok::dash) && at(Tok::number, 1)) {
        ++p_;
        const Token& to = expect(Tok::number, "a year");
        yr.to = to.value;
        if (yr.to < yr.from) fail(to.column, "the year range ends before it starts");
        if (at(Tok::slash)) {
          ++p_;
          yr.step = std::max(1, expect(Tok::number, "a step").value);
        }
      }
      r.years.push_back(yr);
      if (at(Tok::comma) && at(Tok::number, 1) && peek(1).digits == 4 && !at(Tok::colon, 2)) {
        ++p_;
        continue;
      }
      break;
    }
  }

  void parse_month_list(OhRule& r, int year) {
    while (true) {
      MonthRange m;
      m.year = year;
      m.from = m.to = expect(Tok::month, "a month").value;
      if (at(Tok::dash) && at(Tok::month, 1)) {
        ++p_;
        m.to = expect(Tok::month, "a month").value;
      }
      r.months.push_back(m);
      if (at(Tok::comma) && at(Tok::month, 1) && !at(Tok::number, 2)) {
        ++p_;
        continue;
      }
      break;
    }
  }

  MonthdayPoint parse_monthday_point(int year) {
    MonthdayPoint pt;
    pt.year = year;
    if (at(Tok::number) && peek().digits == 4) {
      pt.year = peek().value;
      ++p_;
    }
    if (at(Tok::easter)) {
      pt.kind = MonthdayPoint::Kind::easter;
      ++p_;
    } else {
      pt.month = expect(Tok::month, "a month").value;
      if (at(Tok::weekday) && at(Tok::lbracket, 1)) {
        pt.kind = MonthdayPoint::Kind::nth_weekday;
        pt.weekday = peek().value;
        p_ += 2;
        pt.nth = parse_signed_nth();
        expect(Tok::rbracket, "']'");
      } else {
        const Token& d = expect(Tok::number, "a day of the month");
        if (d.value < 1 || d.value > 31) fail(d.column, "the day of the month must be 1 to 31");
        pt.day = d.value;
      }
    }
    pt.day_offset = parse_day_offset();
    return pt;
  }

  void parse_monthday_list(OhRule& r, int year) {
    while (true) {
      MonthdayRange range;
      range.from = parse_monthday_point(year);
      if (at(Tok::dash)) {
        ++p_;
        if (at(Tok::number) && peek().digits <= 2 && !at(Tok::colon, 1)) {
          // "Dec 24-26": same month
          MonthdayPoint to = range.from;
          const Token& d = expect(Tok::number, "a day");
          if (d.value < 1 || d.value > 31) fail(d.column, "the day of the month must be 1 to 31");
          to.day = d.value;
          to.day_offset = parse_day_offset();
          range.to = to;
        } else {
          range.to = parse_monthday_point(range.from.year);
        }
      }
      r.monthdays.push_back(range);
      // "Dec 25,26": more days of the same month
      while (at(Tok::comma) && at(Tok::number, 1) && peek(1).digits <= 2 && !at(Tok::colon, 2) &&
             range.from.kind == MonthdayPoint::Kind::date && !range.to) {
        ++p_;
        MonthdayRange more = range;
        const Token& d = expect(Tok::number, "a day");
        if (d.value < 1 || d.value > 31) fail(d.column, "the day of the month must be 1 to 31");
        more.from.day = d.value;
        more.from.day_offset = 0;
        r.monthdays.push_back(more);
      }
      if (at(Tok::comma) && (at(Tok::month, 1) || at(Tok::easter, 1) || (at(Tok::number, 1) && peek(1).digits == 4))) {
        ++p_;
        continue;
      }
      break;
    }
  }

  void parse_week_list(OhRule& r) {
    ++p_;  // week
    while (true) {
      WeekRange w;
      const Token& from = expect(Tok::number, "a week number");
      if (from.value < 1 || from.value > 53) fail(from.column, "week numbers are 01 to 53");
      w.from = w.to = from.value;
      if (at(Tok::dash)) {
        ++p_;
        const Token& to = expect(Tok::number, "a week number");
        if (to.value < 1 || to.value > 53) fail(to.column, "week numbers are 01 to 53");
        w.to = to.value;
        if (at(Tok::slash)) {
          ++p_;
          w.step = std::max(1, expect(Tok::number, "a step").value);
        }
      }
      r.weeks.push_back(w);
      if (at(Tok::comma) && at(Tok::number, 1) && !at(Tok::colon, 2)) {
        ++p_;
        continue;
      }
      break;
    }
  }

  std::vector<Token> t_;
  std::size_t p_ = 0;
};

}  // namespace

std::variant<OpeningHours, OhParseError> parse_opening_hours(std::string_view value) {
  try {
    if (first_invalid_utf8(value)) return OhParseError{1, "invalid UTF-8"};
    if (value.size() > 2000) return OhParseError{1, "the value is longer than 2000 bytes"};
    Parser parser(tokenize(value));
    return parser.parse();
  } catch (const ParseFailure& f) {
    return f.error;
  }
}

}  // namespace kiosk
