#include "cli/ingest_writer.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/commands.h"

namespace gwr::cli {

namespace {

class Progress {
 public:
  Progress(std::size_t total, bool shown) : total_(total), shown_(shown), start_(Clock::now()) {}
  void update(std::size_t files, std::size_t docs, std::uint64_t bytes, bool force = false) {
    if (!shown_) return;
    const auto now = Clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double secs = std::max(1e-3, std::chrono::duration<double>(now - start_).count());
    const int width = 30;
    const int filled =
        total_ ? static_cast<int>(static_cast<double>(files) * width / static_cast<double>(total_))
               : width;
    std::fprintf(stderr, "\r[%s%s] %zu/%zu files  %.1f docs/s  %.2f MB/s ",
                 std::string(static_cast<std::size_t>(filled), '#').c_str(),
                 std::string(static_cast<std::size_t>(width - filled), '.').c_str(), files, total_,
                 static_cast<double>(docs) / secs, static_cast<double>(bytes) / 1e6 / secs);
    std::fflush(stderr);
  }
  void clear() {
    if (shown_) std::fprintf(stderr, "\r\033[K");
  }

 private:
  using Clock = std::chrono::steady_clock;
  std::size_t total_;
  bool shown_;
  Clock::time_point start_, last_{};
};

}  // namespace

std::function<void(std::size_t, std::size_t, std::uint64_t, bool)> progress_bar(std::size_t total) {
  auto bar = std::make_shared<Progress>(total, isatty(STDERR_FILENO) != 0);
  return [bar](std::size_t files, std::size_t docs, std::uint64_t bytes, bool final) {
    bar->update(files, docs, bytes, final);
    if (final) bar->clear();
  };
}

int report_totals(store::IngestTotals t, std::size_t unchanged_count, const std::string& db) {
  for (const auto& f : t.failures) std::cerr << "gwr: error: " << f << "\n";
  if (t.fatal) {
    Error e = *t.fatal;
    if (e.where.empty()) e.where = db;
    return fail(e);
  }
  const std::size_t n = t.jobs_done;
  std::cout << "ingested " << t.reports << " report" << (t.reports == 1 ? "" : "s") << " from " << n
            << " file" << (n == 1 ? "" : "s") << "; " << t.duplicates << " duplicate"
            << (t.duplicates == 1 ? "" : "s") << " skipped; " << unchanged_count
            << " unchanged file" << (unchanged_count == 1 ? "" : "s") << " skipped; "
            << t.failures.size() << " failed\n";
  return t.worst;
}

}  // namespace gwr::cli
