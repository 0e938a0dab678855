#include "http_test_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>

namespace kiosk::test {

namespace fs = std::filesystem;

namespace {

int listen_on_loopback(int& port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket");
  const int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(fd, 64) != 0)
    throw std::runtime_error("bind/listen");
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  port = ntohs(a.sin_port);
  return fd;
}

bool send_all(int fd, const char* p, std::size_t n) {
  while (n > 0) {
    const ssize_t w = ::send(fd, p, n, MSG_NOSIGNAL);
    if (w <= 0) return false;
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

std::string percent_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

int closed_port() {
  int port = 0;
  const int fd = listen_on_loopback(port);
  ::close(fd);
  return port;
}

HttpTestServer::HttpTestServer(fs::path root) : root_(std::move(root)) {
  listen_fd_ = listen_on_loopback(port_);
  thread_ = std::thread([this] { serve(); });
}

HttpTestServer::~HttpTestServer() {
  stop_ = true;
  thread_.join();
  for (auto& w : workers_) w.join();
  ::close(listen_fd_);
}

std::string HttpTestServer::url() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/";
}

void HttpTestServer::set_root(fs::path root) {
  std::lock_guard<std::mutex> l(mutex_);
  root_ = std::move(root);
}
void HttpTestServer::fault(const std::string& path, HttpFault f) {
  std::lock_guard<std::mutex> l(mutex_);
  faults_[path] = f;
}
void HttpTestServer::clear_faults() {
  std::lock_guard<std::mutex> l(mutex_);
  faults_.clear();
}
int HttpTestServer::requests(const std::string& path) const {
  std::lock_guard<std::mutex> l(mutex_);
  const auto it = counts_.find(path);
  return it == counts_.end() ? 0 : it->second;
}
int HttpTestServer::total_requests() const {
  std::lock_guard<std::mutex> l(mutex_);
  return static_cast<int>(lines_.size());
}
std::vector<std::string> HttpTestServer::request_lines() const {
  std::lock_guard<std::mutex> l(mutex_);
  return lines_;
}

void HttpTestServer::serve() {
  while (!stop_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    // Headers and body go out in separate writes: without this, Nagle and delayed ACKs add 40 ms to each.
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    // One thread per connection: a trickling response must not hold up the others.
    workers_.emplace_back([this, fd] {
      handle(fd);
      ::close(fd);
    });
  }
}

void HttpTestServer::handle(int fd) {
  // Keep-alive: requests on one connection until the client closes it or a fault cuts it.
  std::string buf;
  while (!stop_) {
    std::size_t end;
    while ((end = buf.find("\r\n\r\n")) == std::string::npos) {
      pollfd p{fd, POLLIN, 0};
      if (stop_) return;
      if (::poll(&p, 1, 50) <= 0) continue;
      char tmp[4096];
      const ssize_t n = ::recv(fd, tmp, sizeof tmp, 0);
      if (n <= 0) return;
      buf.append(tmp, static_cast<std::size_t>(n));
    }
    const std::string head = buf.substr(0, end);
    buf.erase(0, end + 4);
    std::istringstream in(head);
    std::string method, target, version;
    in >> method >> target >> version;
    std::string line;
    std::getline(in, line);
    std::string if_none_match;
    std::int64_t range_from = -1;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string key = line.substr(0, colon), value = line.substr(colon + 1);
      for (auto& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      if (key == "if-none-match") if_none_match = value;
      if (key == "range" && value.rfind("bytes=", 0) == 0) {
        range_from = std::stoll(value.substr(6));
        ++ranges_;
      }
    }
    // A proxy request names the whole URL.
    const std::string local = target.rfind("http://", 0) == 0 ? target.substr(target.find('/', 7)) : target;
    const std::string path = percent_decode(local.substr(1));
    HttpFault f;
    bool faulty = false;
    fs::path root;
    {
      std::lock_guard<std::mutex> l(mutex_);
      lines_.push_back(method + " " + target + " " + version);
      ++counts_[path];
      root = root_;
      if (auto it = faults_.find(path); it != faults_.end() && it->second.times != 0) {
        f = it->second;
        faulty = true;
        if (it->second.times > 0) --it->second.times;
      }
    }
    auto reply = [&](const std::string& status, const std::string& headers) {
      const std::string h = "HTTP/1.1 " + status + "\r\n" + headers + "\r\n";
      return send_all(fd, h.data(), h.size());
    };
    if (faulty && f.status) {
      reply(std::to_string(f.status) + " Injected", "Content-Length: 0\r\n");
      continue;
    }
    std::string body;
    if (path.find("..") == std::string::npos) {
      std::ifstream file(root / path, std::ios::binary);
      if (file)
        body.assign(std::istreambuf_iterator<char>(file), {});
      else
        body = "\x01missing";
    }
    if (body == "\x01missing" || path.find("..") != std::string::npos) {
      reply("404 Not Found", "Content-Length: 0\r\n");
      continue;
    }
    const std::string etag = "\"" + std::to_string(std::hash<std::string>{}(body)) + "\"";
    if (if_none_match == etag) {
      reply("304 Not Modified", "ETag: " + etag + "\r\nContent-Length: 0\r\n");
      continue;
    }
    if (faulty && f.flip_byte && !body.empty()) body[body.size() / 2] = static_cast<char>(body[body.size() / 2] ^ 0x5a);
    std::size_t from = 0;
    std::string status = "200 OK", extra;
    if (range_from >= 0) {
      if (static_cast<std::size_t>(range_from) >= body.size()) {
        reply("416 Range Not Satisfiable",
              "Content-Range: bytes */" + std::to_string(body.size()) + "\r\nContent-Length: 0\r\n");
        continue;
      }
      from = static_cast<std::size_t>(range_from);
      status = "206 Partial Content";
      extra = "Content-Range: bytes " + std::to_string(from) + "-" + std::to_string(body.size() - 1) + "/" +
              std::to_string(body.size()) + "\r\n";
    }
    if (!reply(status, "ETag: " + etag + "\r\nContent-Length: " + std::to_string(body.size() - from) + "\r\n" + extra))
      return;
    std::size_t limit = body.size();
    if (faulty && f.cut_after >= 0) limit = std::min(limit, from + static_cast<std::size_t>(f.cut_after));
    if (faulty && f.bytes_per_second > 0) {
      const auto chunk = std::max<std::size_t>(1, static_cast<std::size_t>(f.bytes_per_second / 20));
      for (std::size_t i = from; i < limit && !stop_; i += chunk) {
        if (!send_all(fd, body.data() + i, std::min(chunk, limit - i))) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    } else if (!send_all(fd, body.data() + from, limit - from)) {
      return;
    }
    if (limit < body.size()) return;  // cut: the connection closes with the body incomplete
  }
}

}  // namespace kiosk::test
