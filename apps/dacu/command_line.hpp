#pragma once
/// What a subcommand sees of the command-line parser. cli.cpp implements it over CLI11, so
/// CLI11's heavy header is compiled once, not once per subcommand.

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dacu {
class Loader;
}

namespace dacu::cli {

class CommandLine {
 public:
  virtual ~CommandLine() = default;
  virtual void positional(const std::string& name, std::string& value, const std::string& help, bool required) = 0;
  virtual void positionals(const std::string& name, std::vector<std::string>& values, const std::string& help,
                           bool required) = 0;
  virtual void option(const std::string& names, std::string& value, const std::string& help) = 0;
  /// The same, and `given` is set when the option appears (even with an empty value: `-o ""`).
  virtual void option(const std::string& names, std::string& value, const std::string& help, bool& given) = 0;
  virtual void options(const std::string& names, std::vector<std::string>& values, const std::string& help) = 0;
  virtual void choice(const std::string& names, std::string& value, const std::vector<std::string>& choices,
                      const std::string& help) = 0;
  virtual void flag(const std::string& names, bool& value, const std::string& help) = 0;
  /// Usage examples shown at the end of --help.
  virtual void examples(const std::string& text) = 0;
  /// A nested subcommand (`dacu staff erlang`). `used` is set when it appears on the command
  /// line; its options go on the returned CommandLine, which lives as long as this one.
  virtual CommandLine& subcommand(const std::string& name, const std::string& summary, bool& used) = 0;
};

/// What a running subcommand may use: its streams and the shared template loader.
struct Context {
  std::ostream& out;
  std::ostream& err;
  Loader& loader;
  bool color = false;            ///< stderr is a terminal and NO_COLOR is not set
  bool err_is_terminal = false;  ///< progress may be drawn on stderr
  bool out_is_terminal = false;  ///< stdout is a terminal: binary formats are refused there
};

/// One subcommand: its name, a one-line summary, and `setup`, which registers its options and
/// returns the function that runs it once the command line has been parsed.
struct Command {
  std::string name;
  std::string summary;
  std::function<std::function<int(Context&)>(CommandLine&)> setup;
};

}  // namespace dacu::cli
