// kioskctl preview: every screen in every locale of a bundle as PNGs, and one contact sheet per locale,
// for editors. Runs the kiosk program headless, so previews are exactly what a kiosk shows.

#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <memory>

#include "commands.h"
#include "core/bundle/content_loader.h"
#include "kiosk_binary.h"
#include "text/text_engine.h"

namespace kioskctl {
namespace {

namespace fs = std::filesystem;

struct PreviewArgs {
  std::string bundle;
  std::string out;
  std::string now;
  std::string locales;
  std::string kiosk;
};

// The kiosk program: --kiosk when given, else kioskctl's own (see find_kiosk_binary), else the one on PATH.
fs::path kiosk_binary(const std::string& given) {
  if (!given.empty()) return given;
  return find_kiosk_binary().value_or("kiosk");
}

int run_process(const std::vector<std::string>& argv) {
  const pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

// Box-filter downscale by an integer factor.
kiosk::text::Image shrink(const kiosk::text::Image& src, int f) {
  kiosk::text::Image out(src.width / f, src.height / f, {255, 255, 255, 255});
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x)
      for (int c = 0; c < 4; ++c) {
        int sum = 0;
        for (int dy = 0; dy < f; ++dy)
          for (int dx = 0; dx < f; ++dx)
            sum += src.rgba[(static_cast<std::size_t>(y * f + dy) * static_cast<std::size_t>(src.width) +
                             static_cast<std::size_t>(x * f + dx)) *
                                4 +
                            static_cast<std::size_t>(c)];
        out.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(out.width) + static_cast<std::size_t>(x)) * 4 +
                 static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(sum / (f * f));
      }
  return out;
}

int run_preview(const PreviewArgs& a) {
  const auto locales_dir = kiosk::locales_dir_for(a.locales, a.bundle);
  if (!locales_dir) {
    fmt::print(stderr, "error: no UI catalogs found; give --locales\n");
    return exit_usage;
  }
  const auto content = kiosk::load_content(a.bundle, *locales_dir);
  if (!content.ok()) {
    fmt::print(stderr, "error: the bundle is invalid; run kioskctl validate {}\n", a.bundle);
    return exit_invalid;
  }
  const auto& b = content.bundle;
  // A category with services, and one of its services with opening hours, so the screens show content.
  std::string category, service;
  for (const auto& s : b.services)
    if (s.hours) {
      category = s.category;
      service = s.id;
      break;
    }
  const fs::path out = a.out;
  fs::create_directories(out);
  const fs::path kiosk = kiosk_binary(a.kiosk);
  const char* screens[] = {"attract", "language", "home", "list", "detail", "search", "map", "accessibility"};
  kiosk::Diagnostics diags;
  auto engine = kiosk::text::make_text_engine(kiosk::text::default_font_config(), diags);
  int failures = 0;
  for (const auto& locale : b.locales) {
    std::vector<kiosk::text::Image> shots;
    for (const char* screen : screens) {
      const fs::path png = out / fmt::format("{}-{}.png", locale, screen);
      std::vector<std::string> argv = {
          kiosk.string(), "--headless", "--bundle", a.bundle, "--locales",    locales_dir->string(),
          "--locale",     locale,       "--screen", screen,   "--category",   category,
          "--service",    service,      "--query",  "a",      "--screenshot", png.string()};
      if (!a.now.empty()) {
        argv.push_back("--now");
        argv.push_back(a.now);
      }
      if (run_process(argv) != 0) {
        fmt::print(stderr, "error: {} {} could not be rendered\n", locale, screen);
        ++failures;
        continue;
      }
      if (auto img = kiosk::text::read_png(png)) shots.push_back(shrink(*img, 4));
    }
    if (shots.empty()) continue;
    // Contact sheet: four screens a row, with the locale's name on top.
    const int w = shots[0].width, h = shots[0].height, cols = 4, gap = 12, head = 60;
    const int rows = (static_cast<int>(shots.size()) + cols - 1) / cols;
    kiosk::text::Image sheet(cols * (w + gap) + gap, head + rows * (h + gap) + gap, {230, 230, 230, 255});
    for (std::size_t i = 0; i < shots.size(); ++i) {
      const int x0 = gap + static_cast<int>(i % cols) * (w + gap), y0 = head + static_cast<int>(i / cols) * (h + gap);
      for (int y = 0; y < h; ++y)
        std::copy_n(&shots[i].rgba[static_cast<std::size_t>(y * w) * 4], static_cast<std::size_t>(w) * 4,
                    &sheet.rgba[(static_cast<std::size_t>(y0 + y) * static_cast<std::size_t>(sheet.width) +
                                 static_cast<std::size_t>(x0)) *
                                4]);
    }
    if (engine) {
      const auto* cat = content.catalogs.find_for(locale);
      kiosk::text::LayoutRequest r;
      r.text = (cat ? cat->info.native_name + " \u00B7 " + cat->info.english_name : locale) + " \u00B7 " + locale;
      r.locale = locale;
      r.size_px = 32;
      const auto p = engine->layout(r);
      kiosk::text::draw(sheet, *engine, *p, static_cast<float>(gap), 10, {0, 0, 0, 255});
    }
    kiosk::text::write_png(out / fmt::format("{}-contact-sheet.png", locale), sheet);
    fmt::print("{}: {} screens\n", locale, shots.size());
  }
  return failures ? exit_invalid : exit_ok;
}

}  // namespace

void add_preview(CLI::App& app, Action& action) {
  auto args = std::make_shared<PreviewArgs>();
  auto* cmd = app.add_subcommand("preview", "render every screen in every locale of a bundle, plus contact sheets");
  cmd->add_option("--bundle", args->bundle, "bundle folder")->required()->check(CLI::ExistingDirectory);
  cmd->add_option("--out", args->out, "output folder")->required();
  cmd->add_option("--now", args->now, "fixed local time YYYY-MM-DDTHH:MM");
  cmd->add_option("--locales", args->locales, "UI catalogs folder");
  cmd->add_option("--kiosk", args->kiosk, "the kiosk program (default: next to kioskctl)");
  cmd->callback([&action, args] { action = [args] { return run_preview(*args); }; });
}

}  // namespace kioskctl
