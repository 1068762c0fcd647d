// gwr/store/lock.h — one writer per corpus database: the lock `gwr ingest` holds while it runs.
//
//   auto lock = store::WriterLock::acquire("corpus.db", std::chrono::seconds(0));
//   if (!lock) return fail(lock.error());   // kBusy-like: another ingest holds it (exit 3)
//   ... open the Store, write ...           // released when `lock` goes out of scope
//
// SQLite already serialises transactions, but an ingest is many transactions and decides what to
// do (which files are new, which reports are duplicates) from what the database held when it
// started; two at once would each record the other's work as duplicates. The lock is an flock()
// on "<db>.ingest-lock" beside the database (created if missing, left in place: deleting it
// would race with a waiting ingest); it holds the pid of the ingest that owns it, for the
// message. flock locks vanish with the process, so a killed ingest never leaves a stale lock.
// Readers take no lock.
#pragma once

#include <chrono>
#include <filesystem>

#include "common/result.h"

namespace gwr::store {

class WriterLock {
 public:
  // Waits up to `wait` (0: not at all) for the lock. kUnreadable when another process holds it
  // ("another gwr ingest (pid N) is writing to …") or the lock file cannot be created.
  static Result<WriterLock> acquire(const std::filesystem::path& db,
                                    std::chrono::milliseconds wait);

  WriterLock(WriterLock&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  WriterLock& operator=(WriterLock&& o) noexcept;
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;
  ~WriterLock();

  static std::filesystem::path path_for(const std::filesystem::path& db);

 private:
  explicit WriterLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace gwr::store
