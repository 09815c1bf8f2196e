#pragma once
/// Where the loader reads files: the campaign files it is given and the templates they extend.
/// The disk for the CLI (DiskSources), a map of names to texts for tests (MemorySources), so that
/// parsing never opens a file behind the loader's back and tests need no files (ninja's
/// DiskInterface does the same for its manifests).

#include <filesystem>
#include <cstddef>
#include <map>
#include <string>

namespace dacu {

/// Reads a whole file as text. Throws InputError D010 when it is missing, a directory or
/// unreadable, D011 when it is larger than `max_bytes`.
std::string read_text_file(const std::filesystem::path& path, std::size_t max_bytes = 8u << 20);

class Sources {
 public:
  virtual ~Sources() = default;
  /// The whole text of `path`. Throws InputError D010 (missing, a directory, unreadable) or D011
  /// (larger than the loader reads), located at the path with no line.
  virtual std::string read(const std::filesystem::path& path) = 0;
  /// A name that two spellings of one file share, so that a template is parsed once.
  virtual std::string identity(const std::filesystem::path& path) = 0;
};

/// The file system.
class DiskSources final : public Sources {
 public:
  std::string read(const std::filesystem::path& path) override;
  std::string identity(const std::filesystem::path& path) override;
};

/// Files held in memory, by their path as written (lexically normalised).
class MemorySources final : public Sources {
 public:
  void add(const std::filesystem::path& path, std::string text);
  std::string read(const std::filesystem::path& path) override;
  std::string identity(const std::filesystem::path& path) override;

 private:
  std::map<std::string, std::string> files_;
};

}  // namespace dacu
