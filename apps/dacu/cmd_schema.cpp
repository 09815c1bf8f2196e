// dacu schema: the JSON Schema of dacu's YAML files (docs/dacu.schema.json, built into the binary),
// for editors: yaml-language-server completes keys and flags typos with it.
#include <string>

#include "commands.hpp"
#include "dacu/input/embedded.hpp"
#include "exit_status.hpp"
#include "io.hpp"

namespace dacu::cli {

Command schema_command() {
  return {"schema", "print the JSON Schema of templates and campaign files (for editors)", [](CommandLine& cl) {
            auto o = std::make_shared<OutputOptions>();
            add_output_file_option(cl, *o, "write the schema to this file instead of stdout");
            cl.examples("  dacu schema -o dacu.schema.json\n"
                        "  # then, first line of a YAML file:\n"
                        "  # yaml-language-server: $schema=./dacu.schema.json\n");
            return [o](Context& ctx) {
              const auto files = builtin_schema_files();
              write_output(*o, std::string(files.front().text), {}, ctx);
              return kSuccess;
            };
          }};
}

}  // namespace dacu::cli
