// Bundles from any static HTTP(S) server or CDN, with libcurl: conditional manifest requests (ETag),
// resumed downloads (Range), retries with exponential backoff, stall timeouts, and the proxy from the
// environment (http_proxy / https_proxy / no_proxy, which libcurl reads itself).

#include <curl/curl.h>
#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <mutex>
#include <thread>

#include "core/sync/bundle_source.h"
#include "core/sync/sync_error.h"

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "dev"
#endif

namespace kiosk {

namespace fs = std::filesystem;

namespace {

struct Body {
  std::string* text = nullptr;  // a small response kept in memory, or
  int fd = -1;                  // a file's bytes appended to a part file
  std::size_t limit = 0;        // more than this is refused (a broken or hostile server)
  std::size_t received = 0;
  bool restart = false;  // asked to resume, got the whole file: start the part again
  bool over_limit = false;
  std::string write_error;
  SyncHooks* hooks = nullptr;
  bool first = true;
  // Resumed files are fetched as they are: byte ranges of a compressed response would not fit the part.
  [[nodiscard]] bool fd_is_part() const { return fd >= 0; }
  CURL* curl = nullptr;
};

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* user) {
  auto* b = static_cast<Body*>(user);
  const std::size_t len = size * n;
  long code = 0;
  curl_easy_getinfo(b->curl, CURLINFO_RESPONSE_CODE, &code);
  if (code != 200 && code != 206) return len;  // an error page: not ours to keep
  if (b->first && b->fd >= 0 && b->restart && code == 200) {
    // The server ignored the range: the body is the whole file.
    if (::ftruncate(b->fd, 0) != 0 || ::lseek(b->fd, 0, SEEK_SET) != 0) return 0;
  }
  if (b->received + len > b->limit) {
    b->over_limit = true;
    return 0;
  }
  try {
    if (b->text)
      b->text->append(data, len);
    else
      write_part(b->fd, data, len, *b->hooks);
  } catch (const std::exception& e) {
    b->write_error = e.what();
    return 0;
  }
  b->received += len;
  if (b->first && b->hooks) b->hooks->step("file-partial");
  b->first = false;
  return len;
}

struct Headers {
  std::string etag;
};

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* user) {
  const std::size_t len = size * n;
  std::string_view line(data, len);
  if (line.size() > 5 && strncasecmp(line.data(), "etag:", 5) == 0) {
    line.remove_prefix(5);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n' || line.back() == ' ')) line.remove_suffix(1);
    static_cast<Headers*>(user)->etag = std::string(line.substr(0, 200));
  }
  return len;
}

class HttpSource final : public BundleSource {
 public:
  explicit HttpSource(const SyncConfig& c) : config_(c), base_(c.source) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    if (base_.back() != '/') base_ += '/';
    curl_ = curl_easy_init();
    if (!curl_) throw SyncError("libcurl could not be initialised");
  }
  ~HttpSource() override { curl_easy_cleanup(curl_); }
  HttpSource(const HttpSource&) = delete;
  HttpSource& operator=(const HttpSource&) = delete;

  [[nodiscard]] std::string describe() const override { return base_; }

  FetchedManifest fetch_manifest(const std::string& etag) override {
    FetchedManifest m;
    Headers h;
    const long code = with_retries("manifest.json", [&] {
      m.manifest.clear();
      Body b;
      b.text = &m.manifest;
      b.limit = 16u << 20;
      return get("manifest.json", b, &h, etag, 0);
    });
    if (code == 304) {
      m.not_modified = true;
      return m;
    }
    m.etag = h.etag;
    const long sig = with_retries("manifest.sig", [&] {
      m.signature.clear();
      Body b;
      b.text = &m.signature;
      b.limit = 4096;
      return get("manifest.sig", b, nullptr, {}, 0, true);
    });
    if (sig == 404) m.signature.clear();
    return m;
  }

  void fetch_file(const ManifestFile& f, const fs::path& part, SyncHooks& hooks) override {
    const int fd = ::open(part.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) throw SyncError(std::string("cannot create a part file: ") + std::strerror(errno));
    try {
      with_retries(f.path, [&] {
        off_t have = ::lseek(fd, 0, SEEK_END);
        if (have < 0 || static_cast<std::uint64_t>(have) > f.size) {
          if (::ftruncate(fd, 0) != 0) throw SyncError("cannot truncate a part file");
          have = ::lseek(fd, 0, SEEK_SET);
        }
        if (static_cast<std::uint64_t>(have) == f.size) return 200L;
        Body b;
        b.fd = fd;
        b.limit = static_cast<std::size_t>(f.size - static_cast<std::uint64_t>(have));
        b.hooks = &hooks;
        b.restart = have > 0;
        if (b.restart) b.limit = static_cast<std::size_t>(f.size);  // in case the server sends it all
        const long code = get(f.path, b, nullptr, {}, have);
        if (code == 416) {  // our part is not a prefix of the server's file any more: start again
          if (::ftruncate(fd, 0) != 0) throw SyncError("cannot truncate a part file");
          throw Transient("the server refused the resume range");
        }
        const auto now = ::lseek(fd, 0, SEEK_END);
        if (now < 0 || static_cast<std::uint64_t>(now) < f.size)
          throw Transient(fmt::format("the connection ended after {} of {} bytes", now, f.size));
        return code;
      });
    } catch (...) {
      ::close(fd);
      throw;
    }
    ::close(fd);
  }

 private:
  struct Transient : SyncError {
    using SyncError::SyncError;
  };

  // Runs one request; returns the HTTP status. Throws Transient for what a retry may mend, SyncError else.
  long get(const std::string& path, Body& body, Headers* headers, const std::string& etag, off_t resume_from,
           bool missing_ok = false) {
    std::string url = base_;
    std::size_t start = 0;
    while (start <= path.size()) {  // each segment escaped, the slashes kept
      const auto end = std::min(path.find('/', start), path.size());
      char* e = curl_easy_escape(curl_, path.data() + start, static_cast<int>(end - start));
      url += e;
      curl_free(e);
      if (end < path.size()) url += '/';
      start = end + 1;
    }
    curl_easy_reset(curl_);
    body.curl = curl_;
    curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl_, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl_, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl_, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl_, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    // gzip/deflate where the server offers it: the manifest is most of a small update.
    if (!body.fd_is_part()) curl_easy_setopt(curl_, CURLOPT_ACCEPT_ENCODING, "");
    // Nothing that tells kiosks apart: the same request from every kiosk of a city.
    curl_easy_setopt(curl_, CURLOPT_USERAGENT, "stadt-fuer-alle-kiosk/" KIOSK_VERSION);
    const auto timeout = static_cast<long>(std::ceil(config_.timeout_seconds));
    curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT, timeout);
    // A transfer that stalls (under 1 KiB/s for the timeout) is cut and retried, resuming.
    curl_easy_setopt(curl_, CURLOPT_LOW_SPEED_LIMIT, 1024L);
    curl_easy_setopt(curl_, CURLOPT_LOW_SPEED_TIME, timeout);
    curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &body);
    curl_slist* req_headers = nullptr;
    if (!etag.empty()) req_headers = curl_slist_append(req_headers, ("If-None-Match: " + etag).c_str());
    curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, req_headers);
    if (headers) {
      curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, on_header);
      curl_easy_setopt(curl_, CURLOPT_HEADERDATA, headers);
    }
    if (resume_from > 0) curl_easy_setopt(curl_, CURLOPT_RESUME_FROM_LARGE, static_cast<curl_off_t>(resume_from));
    const CURLcode rc = curl_easy_perform(curl_);
    curl_slist_free_all(req_headers);
    long code = 0;
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &code);
    curl_off_t got = 0;
    curl_easy_getinfo(curl_, CURLINFO_SIZE_DOWNLOAD_T, &got);
    bytes_received_ += static_cast<std::uint64_t>(got);
    if (!body.write_error.empty()) throw SyncError(body.write_error);
    if (body.over_limit) throw SyncError(fmt::format("{}: the server sent more than {} bytes", path, body.limit));
    if (rc != CURLE_OK && code != 416) {
      if (rc == CURLE_PARTIAL_FILE)
        throw Transient(fmt::format("{}: the connection ended before the end of the file", path));
      if (rc == CURLE_OPERATION_TIMEDOUT)
        throw Transient(fmt::format("{}: timed out (the server is unreachable or too slow)", path));
      throw Transient(fmt::format("{}: {}", path, curl_easy_strerror(rc)));
    }
    if (code == 304 || code == 200 || code == 206 || code == 416 || (missing_ok && code == 404)) return code;
    if (code >= 500 || code == 408 || code == 429)
      throw Transient(fmt::format("{}: the server answered {}", path, code));
    throw SyncError(fmt::format("{}: the server answered {}", path, code));
  }

  template <typename F>
  long with_retries(const std::string& what, F&& attempt) {
    double delay = config_.retry_delay_seconds;
    for (int i = 0;; ++i) {
      try {
        return attempt();
      } catch (const Transient& e) {
        if (i >= config_.retries)
          throw SyncError(fmt::format("{} (gave up after {} attempts)", e.what(), config_.retries + 1));
        (void)what;
        std::this_thread::sleep_for(std::chrono::duration<double>(delay));
        delay = std::min(delay * 2, 300.0);
      }
    }
  }

  SyncConfig config_;
  std::string base_;
  CURL* curl_ = nullptr;
};

}  // namespace

std::unique_ptr<BundleSource> make_http_source(const SyncConfig& config) {
  return std::make_unique<HttpSource>(config);
}

}  // namespace kiosk
