#include "store/lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <thread>

namespace gwr::store {

std::filesystem::path WriterLock::path_for(const std::filesystem::path& db) {
  return std::filesystem::path(db.string() + ".ingest-lock");
}

Result<WriterLock> WriterLock::acquire(const std::filesystem::path& db,
                                       std::chrono::milliseconds wait) {
  const auto path = path_for(db);
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return make_error(
        ErrorCode::kUnreadable,
        "cannot create the ingest lock " + path.string() + ": " + std::strerror(errno),
        db.string());
  }
  const auto end = std::chrono::steady_clock::now() + wait;
  for (;;) {
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) break;
    if (errno != EWOULDBLOCK && errno != EINTR) {
      const std::string why = std::strerror(errno);
      ::close(fd);
      return make_error(ErrorCode::kUnreadable, "cannot lock " + path.string() + ": " + why,
                        db.string());
    }
    if (std::chrono::steady_clock::now() >= end) {
      char buf[32] = {};
      const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
      std::string pid = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : "";
      while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
      ::close(fd);
      return make_error(ErrorCode::kUnreadable,
                        "another gwr ingest" + (pid.empty() ? "" : " (pid " + pid + ")") +
                            " is writing to this database; wait for it to finish or give "
                            "--wait SECONDS",
                        db.string());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  const std::string me = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) == 0) (void)!::pwrite(fd, me.data(), me.size(), 0);
  return WriterLock(fd);
}

WriterLock& WriterLock::operator=(WriterLock&& o) noexcept {
  if (this != &o) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = o.fd_;
    o.fd_ = -1;
  }
  return *this;
}

WriterLock::~WriterLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

}  // namespace gwr::store
