#include "process.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <new>
#include <streambuf>

#include "dacu/writers/cleanup.hpp"

namespace dacu::cli {

namespace {

/// std::cout's buffer: writes to fd 1 and remembers why the first write failed. Once a write has
/// failed, nothing more is written (a later write could land after a gap) and every write fails,
/// which sets the stream's badbit.
class CheckedOut final : public std::streambuf {
 public:
  CheckedOut() { setp(buffer_, buffer_ + sizeof buffer_); }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }

  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n > epptr() - pptr()) {
      if (!drain()) return 0;
      // A whole output (write_output hands over the bytes at once) goes out without a copy.
      if (n >= static_cast<std::streamsize>(sizeof buffer_)) return write_all(s, static_cast<std::size_t>(n)) ? n : 0;
    }
    std::memcpy(pptr(), s, static_cast<std::size_t>(n));
    pbump(static_cast<int>(n));
    return n;
  }

  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    bool ok = write_all(pbase(), static_cast<std::size_t>(pptr() - pbase()));
    setp(buffer_, buffer_ + sizeof buffer_);
    return ok;
  }

  bool write_all(const char* p, std::size_t n) {
    if (error_ != 0) return false;
    while (n > 0) {
      auto written = ::write(STDOUT_FILENO, p, n);
      if (written < 0 && errno == EINTR) continue;
      if (written <= 0) {
        error_ = written < 0 ? errno : EIO;
        return false;
      }
      p += written;
      n -= static_cast<std::size_t>(written);
    }
    return true;
  }

  int error_ = 0;
  char buffer_[1 << 16];
};

CheckedOut checked_out;
std::streambuf* previous_out = nullptr;

// Memory set aside for the way out of an allocation failure.
std::atomic<void*> reserve{nullptr};
constexpr std::size_t kReserve = 8u << 20;

void on_allocation_failure() {
  // Called by operator new when malloc fails: give the reserve back and fail this allocation,
  // so that the exception has room to unwind and the message to be written.
  std::free(reserve.exchange(nullptr));
  throw std::bad_alloc();
}

extern "C" void on_signal(int sig) {
  // Only async-signal-safe calls: unlink, rmdir, open, getdents64 and poll (in remove_all),
  // sigaction, raise, pthread_sigmask. The signal is blocked while this runs (and SIGINT, SIGTERM, SIGHUP
  // with it), so a second Ctrl-C cannot cut the cleanup short.
  cleanup::remove_all();
  struct sigaction fallback {};
  fallback.sa_handler = SIG_DFL;
  sigemptyset(&fallback.sa_mask);
  ::sigaction(sig, &fallback, nullptr);
  ::raise(sig);  // pending until unblocked, then the default action: the process ends by `sig`
  sigset_t self;
  sigemptyset(&self);
  sigaddset(&self, sig);
  ::pthread_sigmask(SIG_UNBLOCK, &self, nullptr);
  ::_exit(128 + sig);  // not reached
}

constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};

void install_signal_handlers() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  for (int sig : kCleanupSignals) sigaddset(&action.sa_mask, sig);
  for (int sig : kCleanupSignals) {
    struct sigaction old {};
    if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    ::sigaction(sig, &action, nullptr);
  }
}

void occupy_closed_standard_fds() {
  for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; ++fd) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    // open() returns the lowest free descriptor, which is this one (the lower ones are open).
    int opened = ::open("/dev/null", O_RDONLY);
    if (opened >= 0 && opened != fd) {
      ::dup2(opened, fd);
      ::close(opened);
    }
  }
}

}  // namespace

Process::Process() {
  occupy_closed_standard_fds();
  previous_out = std::cout.rdbuf(&checked_out);
  install_signal_handlers();
  reserve.store(std::malloc(kReserve));
  std::set_new_handler(on_allocation_failure);
}

Process::~Process() {
  std::cout.rdbuf(previous_out);
  std::set_new_handler(nullptr);
}

int Process::finish_stdout() {
  std::cout.flush();
  if (int error = checked_out.error(); error != 0) return error;
  // close() is where NFS reports a write it could not make (ENOSPC, EDQUOT, EIO). EINTR leaves
  // the descriptor closed on Linux: not an error.
  if (::close(STDOUT_FILENO) != 0 && errno != EINTR) return errno;
  return 0;
}

Diagnostic stdout_failure(int error) {
  Location where{make_source("<stdout>", {}), 0, 0};
  std::string reason = system_error_text(error);
  switch (error) {
    case EBADF: return make_diagnostic(Severity::error, "D070.stdout-closed", where, {{"reason", reason}});
    case ENOSPC:
    case EDQUOT:
    case EFBIG: return make_diagnostic(Severity::error, "D070.stdout-full", where, {{"reason", reason}});
    default: return make_diagnostic(Severity::error, "D070.stdout", where, {{"reason", reason}});
  }
}

Diagnostic out_of_memory(const std::string& input) {
  Location where;
  if (!input.empty()) where = Location{make_source(input, {}), 0, 0};
  return make_diagnostic(Severity::error, "D078", std::move(where));
}

}  // namespace dacu::cli
