#include "ingest/pdf.h"

#include <fcntl.h>
#include <poll.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <vector>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GWR_UNDER_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define GWR_UNDER_ASAN 1
#endif

namespace gwr::ingest {
namespace {

void ignore_poppler_message(const std::string&, void*) {}

// poppler prints parser complaints to stderr; gwr reports a corrupt PDF as an error instead.
// Installed once, thread-safely; the installed function is stateless.
void silence_poppler() {
  static const bool kInstalled = [] {
    poppler::set_debug_error_function(ignore_poppler_message, nullptr);
    return true;
  }();
  (void)kInstalled;
}

// The text of every page, in this process (the child's work).
Result<MappedText> extract_here(std::string_view bytes, const std::string& where,
                                std::vector<std::size_t>* page_begins) {
  silence_poppler();
  // poppler reads from the caller's buffer without copying; `bytes` outlives `doc`.
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc)
    return make_error(ErrorCode::kUnsupportedFormat, "corrupt PDF: cannot be parsed", where);
  if (doc->is_locked()) {
    return make_error(ErrorCode::kUnsupportedFormat, "encrypted PDF: text cannot be extracted",
                      where);
  }
  std::string text;
  const int pages = doc->pages();
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    const poppler::byte_array utf8 = page->text().to_utf8();
    if (i > 0) text.push_back('\n');
    if (page_begins != nullptr) page_begins->push_back(text.size());
    text.append(utf8.begin(), utf8.end());
  }
  if (text.empty()) {
    return make_error(ErrorCode::kUnsupportedFormat,
                      "PDF holds no extractable text (scanned image?)", where);
  }
  // The extracted text is the raw layer (as for .docx): offsets point into it.
  const std::size_t n = text.size();
  return MappedText{std::move(text), OffsetMap::identity(n)};
}

// ---- child → parent message: 'T' u64 pages, u64 offsets[pages], text | 'E' u8 code, message.

void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFFu));
}

bool get_u64(std::string_view& in, std::uint64_t& v) {
  if (in.size() < 8) return false;
  v = 0;
  for (int i = 0; i < 8; ++i) v |= std::uint64_t{static_cast<unsigned char>(in[i])} << (8 * i);
  in.remove_prefix(8);
  return true;
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// The child's exit status when it ran out of its memory budget.
constexpr int kOutOfMemoryExit = 86;
#ifndef GWR_UNDER_ASAN
// Address space in use by this process now (bytes), from /proc/self/statm; 0 when unknown.
// Only open/read/close: also called from the child's SIGABRT handler.
std::size_t address_space_now(std::size_t page_size) {
  const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  char buf[64] = {};
  const ssize_t n = ::read(fd, buf, sizeof buf - 1);
  ::close(fd);
  std::size_t pages = 0;
  for (ssize_t i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; ++i)
    pages = pages * 10 + static_cast<std::size_t>(buf[i] - '0');
  return pages * page_size;
}

// Set in the child only (a forked, single-threaded process) before poppler runs.
std::size_t g_child_limit = 0;
std::size_t g_page_size = 4096;

// poppler's allocator prints "Out of memory" and calls abort() when malloc fails (it does not
// throw): an abort with the address space near RLIMIT_AS is the memory budget, not a crash.
void on_child_abort(int) {
  if (g_child_limit > 0 &&
      address_space_now(g_page_size) + (std::size_t{64} << 20) >= g_child_limit) {
    ::_exit(kOutOfMemoryExit);
  }
  ::signal(SIGABRT, SIG_DFL);
  ::raise(SIGABRT);
}
#endif

[[noreturn]] void run_child(int fd, std::string_view bytes, const std::string& where,
                            const PdfBudget& budget) {
  // Other threads' PDF pipes were inherited too: holding their write ends open would keep their
  // readers from seeing end of file. Keep only stdin/stdout/stderr and our own pipe.
  if (fd > 3) ::close_range(3, static_cast<unsigned>(fd) - 1, 0);
  ::close_range(static_cast<unsigned>(fd) + 1, ~0u, 0);
  // poppler's complaints ("Out of memory", syntax errors) must not reach the user's terminal.
  if (const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC); null >= 0) {
    ::dup2(null, STDERR_FILENO);
    ::close(null);
  }
#ifndef GWR_UNDER_ASAN
  g_page_size = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t base = address_space_now(g_page_size);
  if (base > 0) {
    g_child_limit = base + budget.memory_bytes;
    const rlimit rl{static_cast<rlim_t>(g_child_limit), static_cast<rlim_t>(g_child_limit)};
    ::setrlimit(RLIMIT_AS, &rl);
    ::signal(SIGABRT, on_child_abort);
  }
#endif
  // A backstop should the parent be unable to kill the child.
  const auto cpu = static_cast<rlim_t>(budget.seconds) + 2;
  const rlimit cl{cpu, cpu + 1};
  ::setrlimit(RLIMIT_CPU, &cl);
  std::string msg;
  try {
    std::vector<std::size_t> pages;
    auto r = extract_here(bytes, where, &pages);
    if (r) {
      msg.reserve(1 + 8 * (pages.size() + 1) + r->text.size());
      msg.push_back('T');
      put_u64(msg, pages.size());
      for (std::size_t p : pages) put_u64(msg, p);
      msg += r->text;
    } else {
      msg.push_back('E');
      msg.push_back(static_cast<char>(r.error().code));
      msg += r.error().message;
    }
  } catch (const std::bad_alloc&) {
    msg.clear();
    msg.push_back('E');
    msg.push_back(static_cast<char>(ErrorCode::kTooLarge));
    msg += "PDF reader needs more than the memory budget of " +
           std::to_string(budget.memory_bytes >> 20) + " MiB and was stopped (GWR_PDF_MEMORY_MB)";
  } catch (...) {
    msg.clear();
    msg.push_back('E');
    msg.push_back(static_cast<char>(ErrorCode::kUnsupportedFormat));
    msg += "corrupt PDF: the PDF reader failed";
  }
  const bool ok = write_all(fd, msg);
  ::close(fd);
  ::_exit(ok ? 0 : 3);
}

std::string seconds_text(double s) {
  std::string t = std::to_string(s);
  while (t.size() > 1 && t.back() == '0') t.pop_back();
  if (!t.empty() && t.back() == '.') t.pop_back();
  return t;
}

// Limit on the child's message: the text of a PDF of at most kMaxInputBytes plus page offsets.
constexpr std::size_t kMaxMessageBytes = std::size_t{256} << 20;

}  // namespace

PdfBudget PdfBudget::from_environment() {
  static const PdfBudget kBudget = [] {
    PdfBudget b;
    if (const char* s = std::getenv("GWR_PDF_TIMEOUT"); s != nullptr && *s != '\0') {
      char* end = nullptr;
      const double v = std::strtod(s, &end);
      if (end != s && *end == '\0' && v > 0 && v < 1e6) b.seconds = v;
    }
    if (const char* s = std::getenv("GWR_PDF_MEMORY_MB"); s != nullptr && *s != '\0') {
      char* end = nullptr;
      const unsigned long long v = std::strtoull(s, &end, 10);
      if (end != s && *end == '\0' && v > 0 && v < (1ull << 30)) b.memory_bytes = v << 20;
    }
    return b;
  }();
  return kBudget;
}

Result<MappedText> pdf_to_text(std::string_view bytes, std::string_view name,
                               std::vector<std::size_t>* page_begins, const PdfBudget& budget) {
  const std::string where(name);
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    return make_error(ErrorCode::kTooLarge, "PDF too large for the PDF reader", where);
  }
  if (bytes.substr(0, 5) != "%PDF-") {
    return make_error(ErrorCode::kUnsupportedFormat, "not a PDF file (no %PDF- header)", where);
  }
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    return make_error(ErrorCode::kUnreadable,
                      "cannot start the PDF reader: " + std::string(std::strerror(errno)), where);
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int err = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    return make_error(ErrorCode::kUnreadable,
                      "cannot start the PDF reader: " + std::string(std::strerror(err)), where);
  }
  if (pid == 0) {
    ::close(fds[0]);
    run_child(fds[1], bytes, where, budget);
  }
  ::close(fds[1]);

  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(budget.seconds));
  std::string msg;
  bool timed_out = false, too_long = false;
  char buf[1 << 16];
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    const int pr = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
    if (pr < 0 && errno == EINTR) continue;
    if (pr <= 0) continue;  // timeout slice (or poll error: the deadline still ends the wait)
    const ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // EOF: the child has written everything
    if (msg.size() + static_cast<std::size_t>(n) > kMaxMessageBytes) {
      too_long = true;
      break;
    }
    msg.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  if (timed_out || too_long) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    return make_error(ErrorCode::kTooLarge,
                      "PDF reader ran over the time budget of " + seconds_text(budget.seconds) +
                          " s and was stopped (GWR_PDF_TIMEOUT)",
                      where);
  }
  if (too_long) {
    return make_error(ErrorCode::kTooLarge,
                      "PDF text is over " + std::to_string(kMaxMessageBytes >> 20) + " MiB", where);
  }
  const std::string memory_message = "PDF reader needs more than the memory budget of " +
                                     std::to_string(budget.memory_bytes >> 20) +
                                     " MiB and was stopped (GWR_PDF_MEMORY_MB)";
  if (WIFEXITED(status) && WEXITSTATUS(status) == kOutOfMemoryExit)
    return make_error(ErrorCode::kTooLarge, memory_message, where);
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    if (sig == SIGXCPU) {
      return make_error(ErrorCode::kTooLarge,
                        "PDF reader ran over the time budget of " + seconds_text(budget.seconds) +
                            " s and was stopped (GWR_PDF_TIMEOUT)",
                        where);
    }
    if (sig == SIGKILL) {  // the kernel's OOM killer
      return make_error(ErrorCode::kTooLarge, "PDF reader ran out of memory and was stopped",
                        where);
    }
    return make_error(ErrorCode::kUnsupportedFormat,
                      "corrupt PDF: the PDF reader crashed (signal " + std::to_string(sig) + ")",
                      where);
  }
  std::string_view in(msg);
  if (in.empty() || (in[0] != 'T' && in[0] != 'E')) {
    return make_error(ErrorCode::kUnsupportedFormat,
                      "corrupt PDF: the PDF reader stopped without an answer", where);
  }
  if (in[0] == 'E') {
    if (in.size() < 2) {
      return make_error(ErrorCode::kUnsupportedFormat,
                        "corrupt PDF: the PDF reader stopped without an answer", where);
    }
    const auto byte = static_cast<unsigned char>(in[1]);
    const auto code = byte <= static_cast<unsigned char>(ErrorCode::kInvalidData)
                          ? static_cast<ErrorCode>(byte)
                          : ErrorCode::kInternal;
    return make_error(code, std::string(in.substr(2)), where);
  }
  in.remove_prefix(1);
  std::uint64_t pages = 0;
  if (!get_u64(in, pages) || pages > in.size() / 8) {
    return make_error(ErrorCode::kInternal, "bad message from the PDF reader", where);
  }
  std::vector<std::size_t> begins;
  begins.reserve(static_cast<std::size_t>(pages));
  for (std::uint64_t i = 0; i < pages; ++i) {
    std::uint64_t v = 0;
    get_u64(in, v);
    begins.push_back(static_cast<std::size_t>(v));
  }
  std::string text(in);
  for (std::size_t& b : begins) b = std::min(b, text.size());
  if (page_begins != nullptr) *page_begins = std::move(begins);
  const std::size_t n = text.size();
  return MappedText{std::move(text), OffsetMap::identity(n)};
}

}  // namespace gwr::ingest
