// dacu's entry point: a shim over dacu::cli::run, which does everything else.
#include <iostream>

#include "cli.hpp"

int main(int argc, char** argv) { return dacu::cli::run(argc, argv, std::cout, std::cerr); }
