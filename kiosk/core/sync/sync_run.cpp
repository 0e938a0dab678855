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
#include <set>

#include "core/bundle/manifest.h"
#include "core/content_loader.h"
#include "core/file_io.h"
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
  SyncResult r;
  const StatePaths s{config.state_dir};
  SyncStatus status;
  std::unique_ptr<BundleSource> source;
  try {
    if (!config.enabled()) throw SyncError("no sync source or state folder in the kiosk config");
    if (config.trusted_keys.empty()) throw SyncError("no trusted keys in the kiosk config: nothing could be verified");
    for (const auto& d : {s.root, s.store(), s.bundles(), s.incoming()}) fs::create_directories(d);
    const SyncLock lock(s.lock());
    for (const auto& line : recover_state(s, config.trusted_keys)) fmt::print(stderr, "sync: {}\n", line);
    status = read_sync_status(s.root);
    const fs::path cur = link_target(s.current());
    const auto cur_manifest = cur.empty() ? std::nullopt : installed_manifest(cur);
    if (cur_manifest) r.bundle_id = cur_manifest->bundle_id, r.version = cur_manifest->version;

    source = make_source(config);
    const FetchedManifest fetched = source->fetch_manifest(cur_manifest && !options.allow_older ? status.etag : "");
    hooks.step("manifest-fetched");
    if (fetched.absent) {
      r.outcome = SyncOutcome::up_to_date;
      r.message = "no bundle at " + source->describe() + " (no USB stick with a stadt-fuer-alle folder)";
    } else if (fetched.not_modified) {
      r.outcome = SyncOutcome::up_to_date;
      r.message = "unchanged on " + source->describe();
    } else {
      if (fetched.signature.empty()) throw SyncError("manifest.sig is missing: the bundle is not signed");
      if (auto why = check_signature(fetched.manifest, fetched.signature, config.trusted_keys); !why.empty())
        throw SyncError(why);
      std::string why;
      const auto m = parse_manifest(fetched.manifest, why);
      if (!m) throw SyncError(why);
      const std::string manifest_sha = sha256_hex(fetched.manifest);
      if (manifest_sha == status.rejected_manifest && !options.allow_older)
        throw SyncError(fmt::format("version {} was rejected by this kiosk ({}); publish a newer version", m->version,
                                    status.rejected_reason));
      // A technician went back from this version: it stays away until a newer one is published.
      if (status.held_back_version > 0 && m->version <= status.held_back_version && !options.allow_older)
        throw HeldBack(fmt::format("version {} was rolled back on this kiosk; waiting for a version newer than {}",
                                   m->version, status.held_back_version));
      bool same = false;
      if (cur_manifest) {
        if (m->bundle_id != cur_manifest->bundle_id && !options.allow_older)
          throw SyncError(
              fmt::format("the source has bundle '{}', this kiosk shows '{}'", m->bundle_id, cur_manifest->bundle_id));
        if (m->version < cur_manifest->version && !options.allow_older)
          throw SyncError(
              fmt::format("the source has version {}, older than the version {} shown here (a technician "
                          "can go back with kioskctl sync --allow-older)",
                          m->version, cur_manifest->version));
        if (m->version == cur_manifest->version) {
          same = read_file(cur / manifest_name, 16u << 20) == fetched.manifest;
          if (!same && !options.allow_older)
            throw SyncError(fmt::format("the source has version {} again with different files: versions must increase",
                                        m->version));
        }
      }
      if (same) {
        r.outcome = SyncOutcome::up_to_date;
        r.message = fmt::format("version {} is already shown", m->version);
        status.etag = fetched.etag;
      } else {
        // Only what the store does not have yet.
        std::vector<const ManifestFile*> missing;
        std::set<std::string> seen;
        std::uint64_t need = 0;
        for (const auto& f : m->files) {
          if (!seen.insert(f.sha256).second) continue;
          if (has_blob(s.store(), f.sha256, f.size)) {
            ++r.files_reused;
          } else {
            missing.push_back(&f);
            need += f.size;
          }
        }
        const std::uint64_t free = free_bytes(s.root);
        if (free < need + config.reserve_bytes)
          throw SyncError(fmt::format("disk full: the update needs {} (and {} kept free), {} is free", mib(need),
                                      mib(config.reserve_bytes), mib(free)));
        for (const ManifestFile* f : missing) {
          const fs::path part = s.incoming() / (f->sha256 + ".part");
          try {
            source->fetch_file(*f, part, hooks);
            add_blob(s.store(), part, f->sha256, f->size);
          } catch (const std::exception& e) {
            const std::string msg = e.what();
            throw SyncError(msg.rfind(f->path + ":", 0) == 0 ? msg : f->path + ": " + msg);
          }
          ++r.files_fetched;
          hooks.step("file-stored");
        }
        hooks.step("files-complete");
        const fs::path dir = install_bundle(s, *m, fetched.manifest, fetched.signature, config.trusted_keys, hooks);
        // Signed is not enough: a bundle the kiosk cannot load (a file name with a newline, content the
        // signer's tools did not check) would be shown, fail, and be rolled back. Loaded here first.
        if (const std::string load_error = why_not_loadable(dir); !load_error.empty()) {
          status.rejected_manifest = manifest_sha;
          status.rejected_reason = load_error;
          throw SyncError(fmt::format("version {} does not load, not installed: {}", m->version, load_error));
        }
        activate_bundle(s, dir, hooks);
        status.held_back_version = 0;
        r.outcome = SyncOutcome::installed;
        r.bundle_id = m->bundle_id;
        r.version = m->version;
        r.message = fmt::format("installed version {} ({} files fetched, {} already here)", m->version, r.files_fetched,
                                r.files_reused);
        status.etag = fetched.etag;
        // Parts of files this bundle does not need are from abandoned updates.
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(s.incoming(), ec))
          if (e.path().extension() == ".part") fs::remove(e.path(), ec);
        collect_garbage(s);
        hooks.step("garbage-collected");
      }
    }
  } catch (const HeldBack& e) {
    r.outcome = SyncOutcome::up_to_date;
    r.message = e.what();
  } catch (const SyncError& e) {
    r.outcome = SyncOutcome::failed;
    r.message = e.what();
  } catch (const std::exception& e) {  // filesystem errors (permissions, ENOSPC in a rename, ...)
    r.outcome = SyncOutcome::failed;
    r.message = e.what();
  }
  if (source) r.bytes_received = source->bytes_received();
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  status.time = utc_now();
  status.outcome = outcome_name(r.outcome);
  status.message = r.message;
  status.bytes_received = r.bytes_received;
  if (r.outcome != SyncOutcome::failed) status.version = r.version;
  try {
    std::error_code ec;
    if (fs::is_directory(s.root, ec)) write_status(s.root, status);
  } catch (const std::exception& e) {
    fmt::print(stderr, "sync: cannot write the status: {}\n", e.what());
  }
  hooks.step("status-written");
  return r;
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
