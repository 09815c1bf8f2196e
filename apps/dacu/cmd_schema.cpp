// dacu schema: the JSON Schema of dacu's YAML files (docs/dacu.schema.json, built into the binary),
// for editors: yaml-language-server completes keys and flags typos with it; and with --output NAME
// the schema of one JSON output (docs/schemas/NAME.schema.json), for scripts that read them.
#include <string>
#include <vector>

#include "commands.hpp"
#include "dacu/input/embedded.hpp"
#include "exit_status.hpp"
#include "io.hpp"

namespace dacu::cli {

namespace {

constexpr std::string_view kSchemaSuffix = ".schema.json";

// `plan` for plan.schema.json: the names --output accepts are the files built in, so listing a
// file in DACU_OUTPUT_SCHEMAS (lib/CMakeLists.txt) is all a new output needs.
std::vector<std::string> output_names() {
  std::vector<std::string> names;
  for (const auto& f : output_schema_files()) names.emplace_back(f.name.substr(0, f.name.size() - kSchemaSuffix.size()));
  return names;
}

std::string output_schema(const std::string& name) {
  for (const auto& f : output_schema_files()) {
    if (f.name.substr(0, f.name.size() - kSchemaSuffix.size()) == name) return std::string(f.text);
  }
  throw input_error("D600", Location{make_source("<command line>", name), 1, 1},
                    {{"name", name}, {"advice", suggestion(name, output_names())}});
}

}  // namespace

Command schema_command() {
  return {"schema", "print the JSON Schema of templates and campaign files (for editors), or of a JSON output", [](CommandLine& cl) {
            auto o = std::make_shared<OutputOptions>();
            auto output = std::make_shared<std::string>();
            auto output_given = std::make_shared<bool>(false);
            // -o alone: --output names the JSON output whose schema to print.
            cl.option("-o", o->output, "write the schema to this file instead of stdout", o->output_given);
            std::string names;
            for (const auto& n : output_names()) names += (names.empty() ? "" : ", ") + n;
            cl.option("--output", *output, "the schema of a JSON output instead (docs/schemas/NAME.schema.json): " + names,
                      *output_given);
            cl.examples("  dacu schema -o dacu.schema.json\n"
                        "  # then, first line of a YAML file:\n"
                        "  # yaml-language-server: $schema=./dacu.schema.json\n"
                        "  dacu schema --output report -o report.schema.json   (what `dacu report --format json` writes)\n");
            return [o, output, output_given](Context& ctx) {
              std::string text = !*output_given ? std::string(builtin_schema_files().front().text) : output_schema(*output);
              write_output(*o, text, {}, ctx);
              return kSuccess;
            };
          }};
}

}  // namespace dacu::cli
