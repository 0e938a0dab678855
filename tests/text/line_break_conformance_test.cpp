// ICU's line break opportunities, which the layout uses, against the Unicode Consortium's
// LineBreakTest.txt. ICU's rules are UAX #14 with tailorings of its own, so a few lines differ; the
// count of those is printed and bounded.

#include <fmt/format.h>
#include <unicode/brkiter.h>
#include <catch2/catch.hpp>

#include <fstream>
#include <memory>
#include <sstream>

TEST_CASE("line break opportunities agree with LineBreakTest.txt", "[text][linebreak][conformance]") {
  std::ifstream in("/usr/share/unicode/auxiliary/LineBreakTest.txt");
  REQUIRE(in.good());
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
  REQUIRE(U_SUCCESS(status));
  std::size_t total = 0, ok = 0;
  std::vector<std::string> failures;
  for (std::string line; std::getline(in, line);) {
    const auto hash = line.find('#');
    const std::string body = line.substr(0, hash);
    if (body.find_first_not_of(" \t") == std::string::npos) continue;
    icu::UnicodeString text;
    std::vector<int32_t> want;  // break positions (UTF-16 offsets), excluding 0
    std::istringstream tokens(body);
    for (std::string tok; tokens >> tok;) {
      if (tok == "\xC3\xB7") {  // ÷
        if (text.length() > 0) want.push_back(text.length());
      } else if (tok != "\xC3\x97") {  // ×
        text.append(static_cast<UChar32>(std::stoul(tok, nullptr, 16)));
      }
    }
    it->setText(text);
    std::vector<int32_t> got;
    for (int32_t p = it->following(0); p != icu::BreakIterator::DONE; p = it->next()) got.push_back(p);
    ++total;
    if (got == want)
      ++ok;
    else if (failures.size() < 3)
      failures.push_back(line.substr(hash == std::string::npos ? 0 : hash, 160));
  }
  for (const auto& f : failures) UNSCOPED_INFO(f);
  WARN(fmt::format("LineBreakTest: {}/{} lines agree with ICU ({} differ)", ok, total, total - ok));
  CHECK(total > 7000);
  CHECK(static_cast<double>(ok) / static_cast<double>(total) > 0.98);
}
