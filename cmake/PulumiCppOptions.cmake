# Common compile options for hand-written targets.
find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
endif()

if(PULUMI_CPP_SANITIZE STREQUAL "asan")
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
elseif(PULUMI_CPP_SANITIZE STREQUAL "tsan")
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
elseif(NOT PULUMI_CPP_SANITIZE STREQUAL "")
  message(FATAL_ERROR "PULUMI_CPP_SANITIZE must be empty, asan or tsan")
endif()

function(pulumi_cpp_add_common_options target)
  cmake_parse_arguments(ARG "NO_WARNINGS" "" "" ${ARGN})
  if(ARG_NO_WARNINGS)
    target_compile_options(${target} PRIVATE -w)
    return()
  endif()
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wconversion -Wno-sign-conversion
    -Wno-missing-field-initializers)  # designated initializers of option structs leave the rest defaulted
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wshadow=local)
  endif()
  if(PULUMI_CPP_ENABLE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# pulumi_cpp_add_test(NAME SRCS ... DEPS ... LABELS ...)
function(pulumi_cpp_add_test name)
  cmake_parse_arguments(ARG "" "" "SRCS;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SRCS})
  pulumi_cpp_add_common_options(${name})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock GTest::gtest_main)
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}" TIMEOUT 300)
endfunction()

# libFuzzer (the `fuzz` preset, clang): the flags of a fuzz target, and its bounded CTest run (label fuzz)
# over a copy of its seed corpus in the build tree (new inputs accumulate there, never in the source tree;
# crashes go to artifacts/ in the build tree).
set(PULUMI_CPP_FUZZ_FLAGS -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
# pulumi_cpp_add_fuzz_test(NAME FUZZER target CORPUS dir DICT file)
function(pulumi_cpp_add_fuzz_test name)
  cmake_parse_arguments(ARG "" "FUZZER;CORPUS;DICT" "" ${ARGN})
  set(corpus "${CMAKE_CURRENT_BINARY_DIR}/corpus")
  set(artifacts "${CMAKE_CURRENT_BINARY_DIR}/artifacts")
  file(MAKE_DIRECTORY "${artifacts}")
  add_test(NAME ${name}_corpus COMMAND ${CMAKE_COMMAND} -E copy_directory "${ARG_CORPUS}" "${corpus}")
  add_test(NAME ${name}
    COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
      UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
      $<TARGET_FILE:${ARG_FUZZER}>
      -max_total_time=30 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
      "-dict=${ARG_DICT}" "-artifact_prefix=${artifacts}/" "${corpus}"
    WORKING_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}")
  set_tests_properties(${name}_corpus PROPERTIES LABELS "fuzz" FIXTURES_SETUP ${name}_corpus)
  set_tests_properties(${name} PROPERTIES LABELS "fuzz" TIMEOUT 180 FIXTURES_REQUIRED ${name}_corpus)
endfunction()
