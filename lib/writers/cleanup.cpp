#include "dacu/writers/cleanup.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

namespace dacu::cleanup {

namespace {

enum State : int {
  kFree,      ///< nobody's
  kClaimed,   ///< a thread is writing its path in
  kCreating,  ///< the path is complete; its thread is creating it (or about to)
  kArmed,     ///< created: remove_all() removes it
  kTaken,     ///< remove_all() is removing it; its thread must not touch it again
};

// -j is at most 256 workers, and a worker holds at most one temporary output and one scratch
// folder at a time: 1,024 slots never run out. Untouched, they cost address space, not memory.
constexpr int kSlots = 1024;
// How long remove_all() waits for another thread's open() or mkdir() to return, in yields, and
// for another thread to finish the workbook it is writing in a scratch folder, in milliseconds.
constexpr long kCreateWait = 1'000'000;
constexpr int kFolderWait = 2'000;

static_assert(std::atomic<int>::is_always_lock_free && std::atomic<pid_t>::is_always_lock_free &&
                  std::atomic<bool>::is_always_lock_free,
              "a signal handler may only use lock-free atomics");

[[noreturn]] void park() noexcept {
  // remove_all() has begun and the process is about to end by its signal: create nothing more.
  for (;;) ::pause();
}

}  // namespace

struct Table {
  struct Slot {
    std::atomic<int> state{kFree};
    std::atomic<pid_t> creator{0};  ///< the thread that registered it
    Kind kind = Kind::file;         ///< written while claimed, read after an acquire of state
    char path[PATH_MAX];
  };
  std::atomic<bool> closing{false};   ///< remove_all() has begun
  std::atomic<bool> removing{false};  ///< one remove_all() at a time
  Slot slots[kSlots];
};

namespace {

Table own;
std::atomic<Table*> current{&own};

void remove_folder(const char* path) noexcept {
  // Files may still be appearing in it (libxlsxwriter making its part files): empty it until
  // rmdir succeeds, a bounded number of times. getdents64 and unlinkat are plain system calls;
  // readdir would allocate.
  for (int round = 0; round < 100; ++round) {
    int fd = ::open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return;
    alignas(dirent64) char buffer[4096];
    for (ssize_t n; (n = ::getdents64(fd, buffer, sizeof buffer)) > 0;) {
      for (ssize_t at = 0; at < n;) {
        const auto* entry = reinterpret_cast<const dirent64*>(buffer + at);
        at += entry->d_reclen;
        const char* name = entry->d_name;
        if (std::strcmp(name, ".") == 0 || std::strcmp(name, "..") == 0) continue;
        ::unlinkat(fd, name, 0);
      }
    }
    ::close(fd);
    if (::rmdir(path) == 0 || (errno != ENOTEMPTY && errno != EEXIST)) return;
  }
}

}  // namespace

Table& table() { return *current.load(); }
void adopt(Table& host) { current.store(&host); }
std::size_t table_size() { return sizeof(Table); }

void Guard::hold(const std::string& path, Kind kind) {
  release();
  if (path.size() >= PATH_MAX) return;
  Table& t = table();
  for (int i = 0; i < kSlots; ++i) {
    auto& s = t.slots[i];
    int expected = kFree;
    if (!s.state.compare_exchange_strong(expected, kClaimed)) continue;
    std::memcpy(s.path, path.data(), path.size());
    s.path[path.size()] = '\0';
    s.kind = kind;
    s.creator.store(::gettid());
    // Store "creating", then look at "closing"; remove_all() stores "closing", then looks at the
    // slots. Both sequentially consistent: either remove_all() sees this slot creating and waits
    // for it, or this thread sees closing and never creates the file.
    s.state.store(kCreating);
    if (t.closing.load()) {
      s.state.store(kFree);
      park();
    }
    slot_ = i;
    return;
  }
}

void Guard::created(bool ok) noexcept {
  if (slot_ < 0) return;
  int expected = kCreating;
  if (!table().slots[slot_].state.compare_exchange_strong(expected, ok ? kArmed : kFree)) park();  // taken
  if (!ok) slot_ = -1;
}

void Guard::release() noexcept {
  if (slot_ < 0) return;
  auto& state = table().slots[slot_].state;
  for (int s = state.load();;) {
    if (s == kTaken) park();
    if (state.compare_exchange_weak(s, kFree)) break;
  }
  slot_ = -1;
}

void remove_all() noexcept {
  Table& t = table();
  if (t.removing.exchange(true)) park();  // a second signal on another thread: the first one ends the process
  t.closing.store(true);
  const pid_t me = ::gettid();
  for (auto& s : t.slots) {
    int state = s.state.load();
    // Another thread between open() and created(): wait for the call to return. This thread's
    // own creation was interrupted by the signal: the call may or may not have happened.
    if (state == kCreating && s.creator.load() != me) {
      for (long n = 0; n < kCreateWait && (state = s.state.load()) == kCreating; ++n) ::sched_yield();
    }
    // Another thread's folder: the xlsx writer is making a workbook in it. Removed under its feet,
    // libxlsxwriter would make its next part file in $TMPDIR, then /tmp, instead (tmpfileplus),
    // too late for this walk. Let that thread finish: it removes the folder itself, releases the
    // slot and parks at its next registration. Bounded, for a thread that never gets there.
    if (state == kArmed && s.kind == Kind::folder && s.creator.load() != me) {
      for (int ms = 0; ms < kFolderWait && (state = s.state.load()) == kArmed; ++ms) ::poll(nullptr, 0, 1);
    }
    if (state != kArmed && state != kCreating) continue;  // free, or claimed: its thread will park
    if (!s.state.compare_exchange_strong(state, kTaken)) continue;
    if (s.kind == Kind::folder) {
      remove_folder(s.path);
    } else {
      ::unlink(s.path);
    }
  }
}

}  // namespace dacu::cleanup
