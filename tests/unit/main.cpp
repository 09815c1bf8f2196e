// Catch2's runner. The unit tests compare messages in English, the language the library's
// messages were first written in; tests/cli/messages.py holds every entry to both languages, and
// the golden CLI cases show the Chinese that users read by default.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "dacu/base/messages.hpp"

int main(int argc, char* argv[]) {
  dacu::set_message_language(dacu::Language::en);
  return Catch::Session().run(argc, argv);
}
