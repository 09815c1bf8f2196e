#pragma once
/// What belongs to the dacu process rather than to a command: its standard streams, its signals
/// and its memory. cli::run sets it up when it is the real process (main.cpp passes std::cout).

#include <string>

#include "dacu/base/error.hpp"

namespace dacu::cli {

class Process {
 public:
  /// - A closed fd 0, 1 or 2 (`>&-`) is opened on /dev/null, read-only, before anything else is
  ///   opened: no file dacu opens can become its stdout, and a write to a closed stdout fails
  ///   with EBADF as it would have.
  /// - std::cout writes through a buffer of its own over fd 1 that keeps the errno of the first
  ///   failed write (stdio forgets it).
  /// - SIGINT, SIGTERM and SIGHUP remove the registered temporary files (writers/cleanup.hpp)
  ///   and end the process by the same signal, so the shell sees 128 + the signal. A signal the
  ///   parent ignores (nohup, `&` in a script) stays ignored.
  /// - 8 MiB are set aside, and given back when an allocation fails: unwinding and printing the
  ///   error need memory too (nlohmann's json destructor allocates, and terminates when it cannot).
  Process();
  ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  /// Flushes stdout and closes fd 1 (a file system that reports a full disk only at close, NFS,
  /// does it here). 0, or the errno of the first write or of close that failed.
  int finish_stdout();
};

/// The D070 diagnostic for stdout failing with `error` (an errno value), with a hint that fits it.
Diagnostic stdout_failure(int error);

/// The D078 diagnostic: an allocation failed while working on `input` (empty: not known).
Diagnostic out_of_memory(const std::string& input);

}  // namespace dacu::cli
