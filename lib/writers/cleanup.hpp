#pragma once
/// Files and folders that must not outlive an interrupted run: the temporary file an output is
/// written to before its rename, and the xlsx writer's scratch folder.
///
///   cleanup::Guard guard(path);                  // registered before it exists
///   int fd = ::open(path, O_CREAT | O_EXCL …);
///   guard.created(fd >= 0);
///   … write, rename or remove it …
///   guard.release();                             // or the destructor
///
/// The CLI's SIGINT/SIGTERM/SIGHUP handler (apps/dacu/process.cpp) calls remove_all(), which only
/// reads this table and calls unlink, rmdir, open, getdents64 and poll: it is async-signal-safe.
/// The table is a fixed array of slots, each claimed with an atomic compare-and-swap, so
/// registering never allocates and never takes a lock a handler could be waiting for.
///
/// Ordering: a slot is marked "creating" before the file is created and "armed" after; once
/// remove_all() has begun, a thread that registers parks instead of creating anything, and
/// remove_all() waits for a creation in flight on another thread to finish before it removes the
/// file. A folder another thread is working in (libxlsxwriter's part files) is left to that
/// thread, which removes it and parks (up to 2 s): removed under its feet, libxlsxwriter would
/// put its next part file in $TMPDIR instead.
///
/// The writer modules (dacu-xlsx.so) link their own copy of this code; the loader hands them the
/// program's table (adopt), so one handler sees every registered path.

#include <string>

namespace dacu::cleanup {

enum class Kind { file, folder };

/// The registry's storage. Opaque outside cleanup.cpp; its size is part of the modules' ABI.
struct Table;
Table& table();
/// This program's table becomes `host`'s: a module calls it once, when it is loaded.
void adopt(Table& host);
/// The table's size in bytes, for the modules' ABI record.
std::size_t table_size();

/// One registered path. Without a free slot (more than the table holds at once) or with a path
/// longer than PATH_MAX, the path is not registered and the guard does nothing: the file is then
/// cleaned up only by the normal path, as before.
class Guard {
 public:
  Guard() = default;
  explicit Guard(const std::string& path, Kind kind = Kind::file) { hold(path, kind); }
  Guard(const Guard&) = delete;
  Guard& operator=(const Guard&) = delete;
  ~Guard() { release(); }

  /// Registers `path` (releasing what this guard held), before it is created.
  void hold(const std::string& path, Kind kind = Kind::file);
  /// After the create call: whether it created the path (a failed create frees the slot).
  void created(bool ok) noexcept;
  /// The path was renamed away or removed: nothing left to clean up.
  void release() noexcept;

 private:
  int slot_ = -1;
};

/// Removes every registered file and folder (a folder with the files in it); later registrations
/// park their thread for good. Async-signal-safe: for signal handlers, which then end the process.
void remove_all() noexcept;

}  // namespace dacu::cleanup
