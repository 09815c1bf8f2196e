# dacu_embed_files(OUTPUT out.cpp FUNCTION fn HEADER dacu/layer/x.hpp FILES a.yaml b.yaml ...)
#
# Generates a C++ source that holds each file's bytes and a function
#   std::span<const dacu::EmbeddedFile> fn();
# (declared in HEADER, which includes dacu/base/embedded.hpp)
# so the built-in templates and calendars ship inside the binary. The files stay the
# single source of truth: editing one re-runs the generator.
function(dacu_embed_files)
  cmake_parse_arguments(E "" "OUTPUT;FUNCTION;HEADER" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT ${E_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${E_OUTPUT} -DFUNCTION=${E_FUNCTION} -DHEADER=${E_HEADER}
            "-DFILES=${E_FILES}" -P ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${E_FILES} ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Embedding ${E_FUNCTION}"
    VERBATIM)
endfunction()
