// kioskctl layout / render-text: the text pipeline on one string, as JSON or as a PNG.

#include <fmt/format.h>

#include <cmath>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "text/text_engine.h"

namespace kioskctl {
namespace {

struct TextArgs {
  std::string locale = "en";
  float size = 24;
  float width = 0;
  std::string align = "start";
  int max_lines = 0;
  std::string fonts;
  std::string png;
  std::string text;
};

std::unique_ptr<kiosk::text::TextEngine> engine_for(const TextArgs& a) {
  kiosk::Diagnostics diags;
  auto engine = kiosk::text::make_text_engine(
      a.fonts.empty() ? kiosk::text::default_font_config() : std::filesystem::path(a.fonts), diags);
  for (const auto& d : diags.items)
    if (d.severity == kiosk::Severity::error) fmt::print(stderr, "{}\n", kiosk::format_diagnostic(d));
  return engine;
}

kiosk::text::LayoutRequest request_of(const TextArgs& a) {
  kiosk::text::LayoutRequest r;
  r.text = a.text;
  r.locale = a.locale;
  r.size_px = a.size;
  r.max_width = a.width;
  r.max_lines = a.max_lines;
  r.align = a.align == "end"      ? kiosk::text::Align::end
            : a.align == "center" ? kiosk::text::Align::center
                                  : kiosk::text::Align::start;
  return r;
}

double round2(float v) {
  return std::round(static_cast<double>(v) * 100) / 100;
}

int run_layout(const TextArgs& a) {
  auto engine = engine_for(a);
  if (!engine) return exit_invalid;
  const auto p = engine->layout(request_of(a));
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& line : p->lines) {
    nlohmann::json runs = nlohmann::json::array();
    for (const auto& run : line.runs) {
      nlohmann::json glyphs = nlohmann::json::array();
      for (const auto& g : run.glyphs)
        glyphs.push_back({{"gid", g.gid},
                          {"cluster", g.cluster},
                          {"x", round2(line.x + g.x)},
                          {"y", round2(g.y)},
                          {"advance", round2(g.advance)}});
      runs.push_back({{"font", engine->fonts->face(run.font).path},
                      {"color", engine->fonts->face(run.font).color},
                      {"script", run.script},
                      {"direction", run.rtl ? "rtl" : "ltr"},
                      {"glyphs", glyphs}});
    }
    lines.push_back(
        {{"width", round2(line.width)}, {"x", round2(line.x)}, {"baseline", round2(line.baseline)}, {"runs", runs}});
  }
  const nlohmann::json out = {{"direction", p->rtl ? "rtl" : "ltr"}, {"width", round2(p->width)},
                              {"height", round2(p->height)},         {"missing_glyphs", p->missing_glyphs},
                              {"truncated", p->truncated},           {"lines", lines}};
  fmt::print("{}\n", out.dump());
  return exit_ok;
}

int run_render(const TextArgs& a) {
  auto engine = engine_for(a);
  if (!engine) return exit_invalid;
  const auto p = engine->layout(request_of(a));
  if (!kiosk::text::write_png(a.png, kiosk::text::render(*engine, *p))) {
    fmt::print(stderr, "error: cannot write {}\n", a.png);
    return exit_invalid;
  }
  if (p->missing_glyphs > 0)
    fmt::print(stderr, "warning: {} characters have no glyph in any font\n", p->missing_glyphs);
  return exit_ok;
}

void add_text_options(CLI::App* cmd, TextArgs& a) {
  cmd->add_option("--locale", a.locale, "BCP 47 locale: sets direction, language and script")->capture_default_str();
  cmd->add_option("--size", a.size, "font size in pixels")->capture_default_str()->check(CLI::Range(1.0, 512.0));
  cmd->add_option("--width", a.width, "maximum line width in pixels (0: no wrapping)")
      ->check(CLI::Range(0.0, 100000.0));
  cmd->add_option("--align", a.align, "start, end or center")->check(CLI::IsMember({"start", "end", "center"}));
  cmd->add_option("--max-lines", a.max_lines, "cut with an ellipsis after this many lines")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--fonts", a.fonts, "fonts.yaml (default: the project's)");
  cmd->add_option("TEXT", a.text, "the text (UTF-8)")->required();
}

}  // namespace

void add_text(CLI::App& app, Action& action) {
  auto la = std::make_shared<TextArgs>();
  auto* layout = app.add_subcommand("layout", "lay out TEXT and print its lines, runs and glyphs as JSON");
  add_text_options(layout, *la);
  layout->callback([&action, la] { action = [la] { return run_layout(*la); }; });

  auto ra = std::make_shared<TextArgs>();
  auto* render = app.add_subcommand("render-text", "lay out TEXT and render it to a PNG");
  add_text_options(render, *ra);
  render->add_option("--png", ra->png, "output file")->required();
  render->callback([&action, ra] { action = [ra] { return run_render(*ra); }; });
}

}  // namespace kioskctl
