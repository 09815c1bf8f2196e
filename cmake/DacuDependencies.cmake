# Every dependency comes from a Debian package; nothing is downloaded at build time.
#   apt-get install libcli11-dev libyaml-cpp-dev libfmt-dev libhowardhinnant-date-dev catch2 tzdata
#                   nlohmann-json3-dev libutf8proc-dev libical-dev libxlsxwriter-dev
#                   libminizip-dev libexpat1-dev
find_package(CLI11 CONFIG REQUIRED)
find_package(yaml-cpp CONFIG REQUIRED)      # 0.7 exports the target `yaml-cpp` (no namespace)
find_package(fmt CONFIG REQUIRED)
find_package(date CONFIG REQUIRED)          # date::date and date::date-tz (system tzdata)
find_package(nlohmann_json CONFIG REQUIRED)

find_package(PkgConfig REQUIRED)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
pkg_check_modules(LIBICAL REQUIRED IMPORTED_TARGET libical)   # RFC 5545 writing: escaping and folding
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)  # --format xlsx: Excel workbooks
# Reading .xlsx actuals (input/xlsx_reader.cpp): the zip through minizip, the XML through expat.
pkg_check_modules(MINIZIP REQUIRED IMPORTED_TARGET minizip)
pkg_check_modules(EXPAT REQUIRED IMPORTED_TARGET expat)
