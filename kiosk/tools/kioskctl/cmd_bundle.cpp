// kioskctl keygen --out DIR
// kioskctl bundle build SRC OUT | bundle sign OUT --key SECRET | bundle verify DIR --pub PUBLIC

#include <fmt/format.h>
#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>

#include "commands.h"
#include "core/base/file_io.h"
#include "core/bundle/content_loader.h"
#include "core/bundle/manifest.h"
#include "core/import/map_compile.h"
#include "core/routing/foot_access.h"
#include "publish_checks.h"

namespace kioskctl {
namespace {

namespace fs = std::filesystem;

struct KeygenArgs {
  std::string out;
};

int run_keygen(const KeygenArgs& a) {
  fs::create_directories(a.out);
  const auto k = kiosk::generate_key_pair();
  const fs::path secret = fs::path(a.out) / "bundle-signing.key", pub = fs::path(a.out) / "bundle-signing.pub";
  if (fs::exists(secret)) {
    fmt::print(stderr, "error: {} exists; move it away first (a lost key cannot be recovered)\n", secret.string());
    return exit_invalid;
  }
  { std::ofstream(secret) << kiosk::secret_key_text(k); }
  ::chmod(secret.c_str(), 0600);  // only its owner reads the signing key
  std::ofstream(pub) << kiosk::public_key_text(k);
  fmt::print("wrote {} (keep it secret) and {} (put it into each kiosk's trusted keys)\n", secret.string(),
             pub.string());
  return exit_ok;
}

struct BuildArgs {
  std::string src, out, locales;
};

std::string utc_now() {
  const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                     tm.tm_min, tm.tm_sec);
}

// OUT is replaced as a whole: it must be new, empty or an earlier build, and apart from SRC (OUT = SRC
// once deleted the OSM extract). Returns why not, or empty.
std::string unsafe_output(const fs::path& src, const fs::path& out) {
  std::error_code ec;
  const fs::path s = fs::weakly_canonical(fs::absolute(src), ec), o = fs::weakly_canonical(fs::absolute(out), ec);
  auto inside = [](const fs::path& inner, const fs::path& outer) {
    const auto rel = inner.lexically_relative(outer);
    return !rel.empty() && rel.begin()->string() != "..";
  };
  if (inside(o, s))
    return fmt::format("{} is inside the source {}; build into a folder outside it", out.string(), src.string());
  if (inside(s, o))
    return fmt::format("the source {} is inside {}; build into a folder outside it", src.string(), out.string());
  if (fs::is_symlink(out, ec)) return fmt::format("{} is a symbolic link; give a real folder", out.string());
  if (!fs::exists(out, ec)) return {};
  if (!fs::is_directory(out, ec)) return fmt::format("{} exists and is not a folder", out.string());
  if (fs::exists(out / kiosk::manifest_name, ec) || fs::is_empty(out, ec)) return {};
  return fmt::format(
      "{} holds files and is not an earlier build (it has no {}): building would delete them; "
      "give a new or empty folder",
      out.string(), kiosk::manifest_name);
}

// Only regular files are published: a symbolic link would copy whatever it points to on the build machine.
void copy_regular_file(const fs::path& from, const fs::path& to) {
  if (!fs::is_regular_file(fs::symlink_status(from)))
    throw std::runtime_error(from.generic_string() +
                             " is not a regular file (a link, pipe or device); nothing was built");
  fs::copy_file(from, to);
}

int run_build(const BuildArgs& a) {
  const fs::path src(a.src), out(a.out);
  if (const std::string why = unsafe_output(src, out); !why.empty()) {
    fmt::print(stderr, "error: {}\n", why);
    return exit_usage;
  }
  const fs::path locales = kiosk::locales_dir_for(a.locales, src).value_or("locales");
  const kiosk::Content c = kiosk::load_content(src, locales, publish_checks());
  for (const auto& d : c.diags.items)
    if (d.severity == kiosk::Severity::error) fmt::print(stderr, "{}\n", kiosk::format_diagnostic(d));
  if (!c.ok()) {
    fmt::print(stderr, "error: {} is invalid; nothing was built\n", src.generic_string());
    return exit_invalid;
  }
  const auto& b = c.bundle;
  // Kiosks refuse a version that is not newer: catch it here, before anything is published.
  if (fs::exists(out / kiosk::manifest_name)) {
    std::string why;
    if (const auto old = kiosk::parse_manifest(kiosk::read_file(out / kiosk::manifest_name), why);
        old && old->bundle_id == b.id && old->version >= b.version) {
      fmt::print(stderr, "error: version {} is not newer than the built version {} in {}; raise `version` in {}\n",
                 b.version, old->version, out.generic_string(), (src / "bundle.yaml").generic_string());
      return exit_invalid;
    }
  }
  // Built next to OUT, then swapped in: OUT is never half-written.
  const fs::path tmp = out.string() + ".building";
  fs::remove_all(tmp);
  try {
    fs::create_directories(tmp / "services");
    for (const char* f : {"bundle.yaml", "categories.yaml", "announcements.yaml", "holidays.yaml", "LICENSE.md"})
      if (fs::exists(fs::symlink_status(src / f))) copy_regular_file(src / f, tmp / f);
    for (const auto& e : fs::directory_iterator(src / "services")) {
      const auto ext = e.path().extension();
      if (ext == ".yaml" || ext == ".yml") copy_regular_file(e.path(), tmp / "services" / e.path().filename());
    }
    fs::create_directories(tmp / "locales");
    for (const auto& e : fs::directory_iterator(locales))
      if (e.path().extension() == ".yaml") copy_regular_file(e.path(), tmp / "locales" / e.path().filename());
    if (!b.map_compiled.empty()) {
      fs::create_directories((tmp / b.map_compiled).parent_path());
      if (fs::exists(fs::symlink_status(src / b.map_compiled))) {
        copy_regular_file(src / b.map_compiled, tmp / b.map_compiled);
      } else {
        kiosk::MapCompileOptions o;
        o.pbf = src / b.map_source;
        o.out = tmp / b.map_compiled;
        o.area = b.area;
        o.foot = kiosk::foot_rules(kiosk::walking_country(b), b.foot_overrides);
        const auto r = kiosk::compile_map(o);
        fmt::print("compiled the map in {:.1f} s\n", r.seconds);
      }
    }
  } catch (const std::exception& e) {
    fs::remove_all(tmp);
    fmt::print(stderr, "error: {}\n", e.what());
    return exit_invalid;
  }
  kiosk::Manifest m;
  m.bundle_id = b.id;
  m.version = b.version;
  m.created = utc_now();
  m.files = kiosk::hash_files(tmp);
  std::ofstream(tmp / kiosk::manifest_name) << kiosk::manifest_json(m);
  const fs::path old = out.string() + ".previous";
  fs::remove_all(old);
  if (fs::exists(out)) fs::rename(out, old);
  fs::rename(tmp, out);
  fs::remove_all(old);
  std::uint64_t bytes = 0;
  for (const auto& f : m.files) bytes += f.size;
  fmt::print("built {} version {} into {}: {} files, {:.1f} MiB; sign it with kioskctl bundle sign\n", b.id, b.version,
             out.generic_string(), m.files.size(), static_cast<double>(bytes) / 1048576.0);
  return exit_ok;
}

struct SignArgs {
  std::string dir, key;
};

int run_sign(const SignArgs& a) {
  const auto sk = kiosk::read_secret_key(kiosk::read_file(a.key));
  if (!sk) {
    fmt::print(stderr, "error: {} is not a kiosk secret key (kioskctl keygen makes one)\n", a.key);
    return exit_invalid;
  }
  const fs::path dir(a.dir);
  if (!fs::exists(dir / kiosk::manifest_name)) {
    fmt::print(stderr, "error: {} has no manifest.json; build it with kioskctl bundle build\n", a.dir);
    return exit_invalid;
  }
  std::ofstream(dir / kiosk::signature_name) << kiosk::sign_manifest(kiosk::read_file(dir / kiosk::manifest_name), *sk);
  fmt::print("signed {}\n", (dir / kiosk::manifest_name).generic_string());
  return exit_ok;
}

struct VerifyArgs {
  std::string dir;
  std::vector<std::string> pubs;
};

int run_verify(const VerifyArgs& a) {
  std::vector<std::array<unsigned char, 32>> keys;
  for (const auto& p : a.pubs) {
    const auto k = kiosk::read_public_key(kiosk::read_file(p));
    if (!k) {
      fmt::print(stderr, "error: {} is not a kiosk public key\n", p);
      return exit_usage;
    }
    keys.push_back(*k);
  }
  kiosk::Manifest m;
  const auto problems = kiosk::verify_bundle(a.dir, keys, &m);
  for (const auto& p : problems) fmt::print(stderr, "{}: {}\n", a.dir, p);
  if (!problems.empty()) {
    fmt::print(stderr, "{}: NOT valid ({} problems)\n", a.dir, problems.size());
    return exit_invalid;
  }
  fmt::print("{}: {} version {}, {} files, signature valid\n", a.dir, m.bundle_id, m.version, m.files.size());
  return exit_ok;
}

}  // namespace

void add_bundle(CLI::App& app, Action& action) {
  auto kg = std::make_shared<KeygenArgs>();
  auto* keygen = app.add_subcommand("keygen", "make an Ed25519 key pair for signing bundles");
  keygen->add_option("--out", kg->out, "folder for bundle-signing.key and bundle-signing.pub")->required();
  keygen->callback([&action, kg] { action = [kg] { return run_keygen(*kg); }; });

  auto* bundle = app.add_subcommand("bundle", "build, sign and verify content bundles for kiosks");
  bundle->require_subcommand(1);
  auto ba = std::make_shared<BuildArgs>();
  auto* build = bundle->add_subcommand("build", "validate SRC and write a built bundle with manifest.json to OUT");
  build->add_option("src", ba->src, "bundle source folder")->required()->check(CLI::ExistingDirectory);
  build->add_option("out", ba->out, "output folder")->required();
  build->add_option("--locales", ba->locales, "UI catalogs (default: found next to the bundle)");
  build->callback([&action, ba] { action = [ba] { return run_build(*ba); }; });
  auto sa = std::make_shared<SignArgs>();
  auto* sign = bundle->add_subcommand("sign", "sign a built bundle's manifest (writes manifest.sig)");
  sign->add_option("dir", sa->dir, "built bundle")->required()->check(CLI::ExistingDirectory);
  sign->add_option("--key", sa->key, "secret key file")->required()->check(CLI::ExistingFile);
  sign->callback([&action, sa] { action = [sa] { return run_sign(*sa); }; });
  auto va = std::make_shared<VerifyArgs>();
  auto* verify = bundle->add_subcommand("verify", "check the signature and every file of a built bundle");
  verify->add_option("dir", va->dir, "built bundle")->required()->check(CLI::ExistingDirectory);
  verify->add_option("--pub", va->pubs, "trusted public key file (repeatable)")->required()->check(CLI::ExistingFile);
  verify->callback([&action, va] { action = [va] { return run_verify(*va); }; });
}

}  // namespace kioskctl
