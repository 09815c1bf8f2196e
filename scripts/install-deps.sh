#!/usr/bin/env bash
# Installs everything dacu needs to build and test, from Debian 12 packages only.
# Run as root (or with sudo). Safe to run again: apt-get skips what is installed.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config python3 tzdata
  libcli11-dev libyaml-cpp-dev libfmt-dev libhowardhinnant-date-dev catch2
  nlohmann-json3-dev libutf8proc-dev libical-dev libxlsxwriter-dev
  zlib1g-dev  # xlsxwriter.pc links -lz, but Debian's libxlsxwriter-dev does not depend on it
  libminizip-dev libexpat1-dev  # reading .xlsx actuals: the zip (minizip) and its XML (expat)
  clang-14 libclang-rt-14-dev  # the sanitizer and fuzz build (CONTRIBUTING.md, tests/fuzz/)
  chromium  # tests/cli/html_chromium.py renders the HTML headless (about 120 MB download, 360 MiB installed)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
# npm for the test-only JavaScript parsers; a machine whose Node.js already bundles npm keeps it
# (Debian's npm package conflicts with such builds).
if ! command -v npm >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends nodejs npm
fi

# The tests read dacu's outputs back with independent parsers from npm (ical.js for calendars,
# Ajv and yaml for the schema, exceljs for workbooks), installed locally into
# tests/node/node_modules from its lock file; nothing is installed globally.
(cd "$(dirname "$0")/../tests/node" && npm ci --no-audit --no-fund --loglevel=error)
