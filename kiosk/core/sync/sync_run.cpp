#include "core/sync/sync_run.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "core/base/file_io.h"
#include "core/bundle/content_loader.h"
#include "core/bundle/manifest.h"
#include "core/sync/bundle_install.h"
#include "core/sync/bundle_source.h"
#include "core/sync/content_store.h"
#include "core/sync/sync_error.h"

namespace kiosk {

namespace fs = std::filesystem;

namespace {

std::string utc_now() {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr)));
}

void write_status(const fs::path& root, const SyncStatus& st) {
  const nlohmann::json j = {{"time", st.time},
                            {"outcome", st.outcome},
                            {"message", st.message},
                            {"etag", st.etag},
                            {"version", st.version},
                            {"bytes_received", st.bytes_received},
                            {"rejected_manifest", st.rejected_manifest},
                            {"rejected_reason", st.rejected_reason},
                            {"held_back_version", st.held_back_version}};
  write_file_durably(root / "sync-status.json", j.dump(2) + "\n");
}

// Only one sync at a time (the kiosk's own schedule and a technician's `kioskctl sync` may meet).
class SyncLock {
 public:
  explicit SyncLock(const fs::path& file) : fd_(::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
    if (fd_ < 0 || ::flock(fd_, LOCK_EX | LOCK_NB) != 0) throw SyncError("another sync is running");
  }
  ~SyncLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  SyncLock(const SyncLock&) = delete;
  SyncLock& operator=(const SyncLock&) = delete;

 private:
  int fd_;
};

std::uint64_t free_bytes(const fs::path& dir) {
  struct statvfs v {};
  if (::statvfs(dir.c_str(), &v) != 0) return UINT64_MAX;
  return static_cast<std::uint64_t>(v.f_bavail) * v.f_frsize;
}

// Not a failure: the source has only what a technician rolled back from.
struct HeldBack : SyncError {
  using SyncError::SyncError;
};

// The first error the kiosk would meet loading the installed bundle (with the catalogs it would find), or
// empty.
std::string why_not_loadable(const fs::path& dir) {
  const Content c = load_content(dir, find_locales_dir(dir).value_or(dir / "locales"));
  for (const auto& d : c.diags.items)
    if (d.severity == Severity::error) return format_diagnostic(d);
  return {};
}

std::string mib(std::uint64_t bytes) {
  return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / 1048576.0);
}

// One sync's state. run_sync reports and records it whatever step stopped the sync.
struct SyncRun {
  const SyncConfig& config;
  const SyncOptions& options;
  SyncHooks& hooks;
  StatePaths s;
  SyncStatus status;
  SyncResult r;
  std::unique_ptr<BundleSource> source;  // for bytes_received, also after an error
};

// The bundle this kiosk shows now, if any.
struct Current {
  fs::path dir;
  std::optional<Manifest> manifest;
};

Current current_bundle(const StatePaths& s) {
  Current cur;
  cur.dir = link_target(s.current());
  if (!cur.dir.empty()) cur.manifest = installed_manifest(cur.dir);
  return cur;
}

// Signed by a trusted key, and a manifest: nothing of an unsigned manifest is believed.
Manifest verified_manifest(const FetchedManifest& fetched, const SyncConfig& config) {
  if (fetched.signature.empty()) throw SyncError("manifest.sig is missing: the bundle is not signed");
  if (auto why = check_signature(fetched.manifest, fetched.signature, config.trusted_keys); !why.empty())
    throw SyncError(why);
  std::string why;
  auto m = parse_manifest(fetched.manifest, why);
  if (!m) throw SyncError(why);
  return std::move(*m);
}

// A version this kiosk could not load, or one a technician went back from, is not installed again (unless
// a technician forces it).
void refuse_known_versions(const SyncRun& run, const Manifest& m, const std::string& manifest_sha) {
  if (run.options.allow_older) return;
  if (manifest_sha == run.status.rejected_manifest)
    throw SyncError(fmt::format("version {} was rejected by this kiosk ({}); publish a newer version", m.version,
                                run.status.rejected_reason));
  // A technician went back from this version: it stays away until a newer one is published.
  if (run.status.held_back_version > 0 && m.version <= run.status.held_back_version)
    throw HeldBack(fmt::format("version {} was rolled back on this kiosk; waiting for a version newer than {}",
                               m.version, run.status.held_back_version));
}

// Whether the source has exactly the bundle shown. Throws when it has another bundle, an older version, or
// the same version with other files (unless a technician allows going back).
bool shown_already(const Manifest& m, const Current& cur, const std::string& manifest_bytes, bool allow_older) {
  if (!cur.manifest) return false;
  if (m.bundle_id != cur.manifest->bundle_id && !allow_older)
    throw SyncError(
        fmt::format("the source has bundle '{}', this kiosk shows '{}'", m.bundle_id, cur.manifest->bundle_id));
  if (m.version < cur.manifest->version && !allow_older)
    throw SyncError(
        fmt::format("the source has version {}, older than the version {} shown here (a technician "
                    "can go back with kioskctl sync --allow-older)",
                    m.version, cur.manifest->version));
  if (m.version != cur.manifest->version) return false;
  const bool same = read_file(cur.dir / manifest_name, 16u << 20) == manifest_bytes;
  if (!same && !allow_older)
    throw SyncError(
        fmt::format("the source has version {} again with different files: versions must increase", m.version));
  return same;
}

// Only what the store does not have yet (each content once); the rest counts as reused.
std::vector<const ManifestFile*> missing_files(SyncRun& run, const Manifest& m) {
  std::vector<const ManifestFile*> missing;
  std::set<std::string> seen;
  for (const auto& f : m.files) {
    if (!seen.insert(f.sha256).second) continue;
    if (has_blob(run.s.store(), f.sha256, f.size))
      ++run.r.files_reused;
    else
      missing.push_back(&f);
  }
  return missing;
}

// Refused before any download when the disk would keep less than the reserve free.
void check_free_space(const SyncRun& run, const std::vector<const ManifestFile*>& missing) {
  std::uint64_t need = 0;
  for (const ManifestFile* f : missing) need += f->size;
  const std::uint64_t free = free_bytes(run.s.root);
  if (free < need + run.config.reserve_bytes)
    throw SyncError(fmt::format("disk full: the update needs {} (and {} kept free), {} is free", mib(need),
                                mib(run.config.reserve_bytes), mib(free)));
}

// Each file into the store; an error names the file it happened to.
void fetch_into_store(SyncRun& run, const std::vector<const ManifestFile*>& missing) {
  for (const ManifestFile* f : missing) {
    const fs::path part = run.s.incoming() / (f->sha256 + ".part");
    try {
      run.source->fetch_file(*f, part, run.hooks);
      add_blob(run.s.store(), part, f->sha256, f->size);
    } catch (const std::exception& e) {
      const std::string msg = e.what();
      throw SyncError(msg.rfind(f->path + ":", 0) == 0 ? msg : f->path + ": " + msg);
    }
    ++run.r.files_fetched;
    run.hooks.step("file-stored");
  }
  run.hooks.step("files-complete");
}

// Builds the bundle from the store and makes it current, once it loads.
void install(SyncRun& run, const Manifest& m, const FetchedManifest& fetched, const std::string& manifest_sha) {
  const fs::path dir =
      install_bundle(run.s, m, fetched.manifest, fetched.signature, run.config.trusted_keys, run.hooks);
  // Signed is not enough: a bundle the kiosk cannot load (a file name with a newline, content the
  // signer's tools did not check) would be shown, fail, and be rolled back. Loaded here first.
  if (const std::string load_error = why_not_loadable(dir); !load_error.empty()) {
    run.status.rejected_manifest = manifest_sha;
    run.status.rejected_reason = load_error;
    throw SyncError(fmt::format("version {} does not load, not installed: {}", m.version, load_error));
  }
  activate_bundle(run.s, dir, run.hooks);
  run.status.held_back_version = 0;
  run.r.outcome = SyncOutcome::installed;
  run.r.bundle_id = m.bundle_id;
  run.r.version = m.version;
  run.r.message = fmt::format("installed version {} ({} files fetched, {} already here)", m.version,
                              run.r.files_fetched, run.r.files_reused);
  run.status.etag = fetched.etag;
}

// Parts of files this bundle does not need are from abandoned updates; then bundles and files nothing uses.
void clean_up(const StatePaths& s, SyncHooks& hooks) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(s.incoming(), ec))
    if (e.path().extension() == ".part") fs::remove(e.path(), ec);
  collect_garbage(s);
  hooks.step("garbage-collected");
}

// The steps of a sync, holding the sync lock once the state folders exist. Throws SyncError (HeldBack
// when waiting is right), or what the file system throws.
void sync_steps(SyncRun& run) {
  if (!run.config.enabled()) throw SyncError("no sync source or state folder in the kiosk config");
  if (run.config.trusted_keys.empty())
    throw SyncError("no trusted keys in the kiosk config: nothing could be verified");
  const StatePaths& s = run.s;
  for (const auto& d : {s.root, s.store(), s.bundles(), s.incoming()}) fs::create_directories(d);
  const SyncLock lock(s.lock());
  for (const auto& line : recover_state(s, run.config.trusted_keys)) fmt::print(stderr, "sync: {}\n", line);
  run.status = read_sync_status(s.root);
  const Current cur = current_bundle(s);
  if (cur.manifest) run.r.bundle_id = cur.manifest->bundle_id, run.r.version = cur.manifest->version;

  run.source = make_source(run.config);
  const FetchedManifest fetched =
      run.source->fetch_manifest(cur.manifest && !run.options.allow_older ? run.status.etag : "");
  run.hooks.step("manifest-fetched");
  if (fetched.absent) {
    run.r.outcome = SyncOutcome::up_to_date;
    run.r.message = "no bundle at " + run.source->describe() + " (no USB stick with a stadt-fuer-alle folder)";
    return;
  }
  if (fetched.not_modified) {
    run.r.outcome = SyncOutcome::up_to_date;
    run.r.message = "unchanged on " + run.source->describe();
    return;
  }
  const Manifest m = verified_manifest(fetched, run.config);
  const std::string manifest_sha = sha256_hex(fetched.manifest);
  refuse_known_versions(run, m, manifest_sha);
  if (shown_already(m, cur, fetched.manifest, run.options.allow_older)) {
    run.r.outcome = SyncOutcome::up_to_date;
    run.r.message = fmt::format("version {} is already shown", m.version);
    run.status.etag = fetched.etag;
    return;
  }
  const auto missing = missing_files(run, m);
  check_free_space(run, missing);
  fetch_into_store(run, missing);
  install(run, m, fetched, manifest_sha);
  clean_up(s, run.hooks);
}

// The result, kept in the state folder for the technician screen and kioskctl sync (when there is one).
void record_status(SyncRun& run) {
  SyncStatus& status = run.status;
  status.time = utc_now();
  status.outcome = outcome_name(run.r.outcome);
  status.message = run.r.message;
  status.bytes_received = run.r.bytes_received;
  if (run.r.outcome != SyncOutcome::failed) status.version = run.r.version;
  try {
    std::error_code ec;
    if (fs::is_directory(run.s.root, ec)) write_status(run.s.root, status);
  } catch (const std::exception& e) {
    fmt::print(stderr, "sync: cannot write the status: {}\n", e.what());
  }
}

}  // namespace

const char* outcome_name(SyncOutcome o) {
  switch (o) {
    case SyncOutcome::installed:
      return "installed";
    case SyncOutcome::up_to_date:
      return "up-to-date";
    case SyncOutcome::failed:
      break;
  }
  return "failed";
}

SyncStatus read_sync_status(const fs::path& state_dir) {
  SyncStatus st;
  try {
    const auto j = nlohmann::json::parse(read_file(state_dir / "sync-status.json", 1 << 20));
    st.time = j.value("time", "");
    st.outcome = j.value("outcome", "");
    st.message = j.value("message", "");
    st.etag = j.value("etag", "");
    st.version = j.value("version", std::int64_t{0});
    st.bytes_received = j.value("bytes_received", std::uint64_t{0});
    st.rejected_manifest = j.value("rejected_manifest", "");
    st.rejected_reason = j.value("rejected_reason", "");
    st.held_back_version = j.value("held_back_version", std::int64_t{0});
  } catch (const std::exception&) {
    // No status yet, or a damaged one: start afresh.
  }
  return st;
}

SyncResult run_sync(const SyncConfig& config, const SyncOptions& options) {
  SyncHooks none;
  return run_sync(config, options, none);
}

SyncResult run_sync(const SyncConfig& config, const SyncOptions& options, SyncHooks& hooks) {
  const auto t0 = std::chrono::steady_clock::now();
  SyncRun run{config, options, hooks, StatePaths{config.state_dir}, {}, {}, nullptr};
  try {
    sync_steps(run);
  } catch (const HeldBack& e) {
    run.r.outcome = SyncOutcome::up_to_date;
    run.r.message = e.what();
  } catch (const std::exception& e) {  // SyncError, and file system errors (permissions, ENOSPC in a rename, ...)
    run.r.outcome = SyncOutcome::failed;
    run.r.message = e.what();
  }
  if (run.source) run.r.bytes_received = run.source->bytes_received();
  run.r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  record_status(run);
  hooks.step("status-written");
  return run.r;
}

bool reject_current_bundle(const fs::path& state_dir, const std::string& reason, bool remember) {
  const StatePaths s{state_dir};
  const fs::path cur = link_target(s.current());
  SyncStatus st = read_sync_status(state_dir);
  try {
    if (!cur.empty() && remember) {
      st.rejected_manifest = sha256_hex(read_file(cur / manifest_name, 16u << 20));
      st.rejected_reason = reason;
    }
  } catch (const std::exception&) {
  }
  // Back to the previous bundle, and `previous` forgotten: it would be the rejected one, which a later
  // rollback must not bring back (and a second failure must not swap the two forever).
  const bool back = roll_back(s);
  if (back) forget_previous(s);
  st.time = utc_now();
  st.outcome = "rolled-back";
  st.message = back ? "the new bundle did not load, back to the previous one: " + reason
                    : "the bundle did not load and there is no previous one: " + reason;
  if (back)
    if (const auto m = installed_manifest(link_target(s.current()))) st.version = m->version;
  try {
    write_status(state_dir, st);
  } catch (const std::exception& e) {
    fmt::print(stderr, "sync: cannot write the status: {}\n", e.what());
  }
  return back;
}

}  // namespace kiosk

namespace kiosk {

bool roll_back_by_hand(const fs::path& state_dir) {
  const StatePaths s{state_dir};
  const auto from = installed_manifest(link_target(s.current()));
  if (!roll_back(s)) return false;
  const auto to = installed_manifest(link_target(s.current()));
  SyncStatus st = read_sync_status(state_dir);
  // Going back holds the version left until a newer one; going forward again (undo) lifts the hold.
  st.held_back_version = from && (!to || to->version <= from->version) ? from->version : 0;
  if (to) st.version = to->version;
  st.time = utc_now();
  st.outcome = "rolled-back";
  st.message = st.held_back_version ? fmt::format("a technician went back from version {}", st.held_back_version)
                                    : "a technician went forward again";
  write_status(state_dir, st);
  return true;
}

}  // namespace kiosk
