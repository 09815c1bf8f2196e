#pragma once
/// Where the loader reads files: the campaign files it is given and the templates they extend.
/// The disk for the CLI (DiskSources), a map of names to texts for tests (MemorySources), so that
/// parsing never opens a file behind the loader's back and tests need no files (ninja's
/// DiskInterface does the same for its manifests).

#include <filesystem>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace dacu {

/// The most bytes an input file may have (D011): every command reads at most this much, so
/// `dacu done` never writes a status file past it (D571).
inline constexpr std::size_t kMaxReadBytes = 8u << 20;

/// Reads a whole file as text. Throws InputError D010 when it is missing, a directory or
/// unreadable, D011 when it is larger than `max_bytes`.
std::string read_text_file(const std::filesystem::path& path, std::size_t max_bytes = kMaxReadBytes);

/// What a file given on the command line is, so that "no such file" says what to check.
enum class InputKind { campaign, actuals, products, customers, baseline, status, list };
/// read_text_file, a missing file's hint fitting `kind` (an actuals CSV is not found with
/// `dacu templates`). Every kind but `campaign` (which may be /dev/stdin) is read as
/// read_regular_file reads: a named pipe, device or socket given as a status file, actuals,
/// product or customer list, baseline or `--files-from` list would block the run for ever, and is
/// refused before it is opened (D081.input).
std::string read_text_file(const std::filesystem::path& path, InputKind kind);

/// Reads a whole regular file, for the files dacu finds rather than is given (`extends:`,
/// `templates --dir`). Everything else is refused before it is opened, with InputError D081: a
/// named pipe (which would block), a device, a socket, a folder, and anything under /proc, /sys
/// or /dev, where files that look regular are the kernel's (/proc/self/environ). Symbolic links are
/// followed first, and the file is opened so that one swapped in cannot hang or redirect the read
/// (no blocking, no final link, checked again once open). D010 and D011 as read_text_file.
/// What read_regular_file reads, for the hint of its refusal: a template (D081.special) or a data
/// file given on the command line or found in a folder (D081.input).
enum class RegularFor { template_file, data_file };
std::string read_regular_file(const std::filesystem::path& path, std::size_t max_bytes = kMaxReadBytes,
                              RegularFor what = RegularFor::template_file);

/// `dir`/`name` when it exists (nullopt when not), for the files a command finds in a folder
/// (`--status-dir`, `--actuals-dir`). A symbolic link there that leads out of `dir` is InputError
/// D572, before anything is read: a folder others can write must not make dacu read, and quote
/// in its errors, a file elsewhere (/etc/shadow when run as root).
std::optional<std::filesystem::path> file_in_folder(const std::filesystem::path& dir, const std::string& name);

class Sources {
 public:
  virtual ~Sources() = default;
  /// The whole text of `path`. Throws InputError D010 (missing, a directory, unreadable) or D011
  /// (larger than the loader reads), located at the path with no line.
  virtual std::string read(const std::filesystem::path& path) = 0;
  /// As read, for a file dacu found rather than was given: only a regular file (D081 otherwise,
  /// see read_regular_file).
  virtual std::string read_regular(const std::filesystem::path& path) = 0;
  /// A name that two spellings of one file share, so that a template is parsed once.
  virtual std::string identity(const std::filesystem::path& path) = 0;
};

/// The file system.
class DiskSources final : public Sources {
 public:
  std::string read(const std::filesystem::path& path) override;
  std::string read_regular(const std::filesystem::path& path) override;
  std::string identity(const std::filesystem::path& path) override;
};

/// Files held in memory, by their path as written (lexically normalised).
class MemorySources final : public Sources {
 public:
  void add(const std::filesystem::path& path, std::string text);
  /// A file that is not a regular one, `what` saying what it is ("a named pipe (FIFO)"), which
  /// read_regular refuses as the disk does.
  void add_special(const std::filesystem::path& path, std::string what);
  std::string read(const std::filesystem::path& path) override;
  std::string read_regular(const std::filesystem::path& path) override;
  std::string identity(const std::filesystem::path& path) override;

 private:
  std::map<std::string, std::string> files_;
  std::map<std::string, std::string> special_;
};

}  // namespace dacu
