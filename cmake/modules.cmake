# Helpers that keep every module's CMakeLists.txt to a few lines.
#
#   sb_add_module(<name> SOURCES <files...> DEPS <targets...>)
#     A static library `sb_<name>`; its public include root is src/, so headers are included as
#     "common/error.h", "format/parquet/reader.h".
#
#   sb_add_module_test(<name> SOURCES <files...> DEPS <targets...>)
#     The GoogleTest executable `<name>_test`, registered with CTest under the label `unit`.

function(sb_add_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(sb_${name} STATIC ${ARG_SOURCES})
  target_include_directories(sb_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(sb_${name} PUBLIC ${ARG_DEPS})
endfunction()

function(sb_add_module_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name}_test ${ARG_SOURCES})
  target_link_libraries(${name}_test PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main GTest::gmock)
  add_test(NAME unit.${name} COMMAND ${name}_test)
  set_tests_properties(unit.${name} PROPERTIES LABELS unit
                       ENVIRONMENT "SB_SHARED_DIR=${PROJECT_SOURCE_DIR}/../shared")
endfunction()
