#pragma once
// A real HTTP/1.1 server on 127.0.0.1 for sync tests: serves a folder with ETags and Range requests, and
// misbehaves on request (cuts connections, trickles bytes, corrupts a byte, answers errors).

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::test {

struct HttpFault {
  std::int64_t cut_after = -1;  // close the connection after this many body bytes
  double bytes_per_second = 0;  // trickle the body at this rate
  int status = 0;               // answer this status with no body
  bool flip_byte = false;       // change one byte in the middle of the body
  int times = -1;               // how many requests get the fault; -1: all
};

class HttpTestServer {
 public:
  explicit HttpTestServer(std::filesystem::path root);
  ~HttpTestServer();
  HttpTestServer(const HttpTestServer&) = delete;
  HttpTestServer& operator=(const HttpTestServer&) = delete;

  [[nodiscard]] std::string url() const;  // "http://127.0.0.1:PORT/"
  [[nodiscard]] int port() const { return port_; }
  void set_root(std::filesystem::path root);
  void fault(const std::string& path, HttpFault f);  // path as requested, without the leading slash
  void clear_faults();
  [[nodiscard]] int requests(const std::string& path) const;
  [[nodiscard]] int total_requests() const;
  [[nodiscard]] int range_requests() const { return ranges_; }
  [[nodiscard]] std::vector<std::string> request_lines() const;  // "GET /x HTTP/1.1", in order

 private:
  void serve();
  void handle(int fd);

  std::filesystem::path root_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> ranges_{0};
  std::thread thread_;
  std::vector<std::thread> workers_;
  mutable std::mutex mutex_;
  std::map<std::string, HttpFault> faults_;
  std::map<std::string, int> counts_;
  std::vector<std::string> lines_;
};

// A port on 127.0.0.1 where nothing listens.
int closed_port();

}  // namespace kiosk::test
