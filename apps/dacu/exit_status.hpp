#pragma once
/// dacu's exit codes, in one place; README.md documents them.

namespace dacu::cli {

enum ExitStatus : int {
  kSuccess = 0,        ///< done; warnings may have been printed
  kInputError = 1,     ///< an input is invalid, or an output could not be written
  kUsageError = 2,     ///< the command line is wrong (unknown option, missing argument)
  kAlert = 3,          ///< with --fail-on-alert: a checkpoint is off plan (outputs were written)
  kInternalError = 70, ///< a bug in dacu (EX_SOFTWARE); please report it
};

}  // namespace dacu::cli
