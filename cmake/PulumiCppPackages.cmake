# Typed C++ bindings of Pulumi packages in a CMake build (doc/adr/0004-codegen-layout.md).
#
#   find_package(PulumiCpp REQUIRED)
#   pulumi_add_package(gcp SCHEMA ${gcp_schema} VERSION 9.37.0 MODULES sql redis compute)
#
# VERSION (and PLUGIN_DOWNLOAD_URL) are checked against the schema; pulumi-language-cpp reads them from the
# call, without running CMake, to tell the engine which provider plugin the program needs.
#   target_link_libraries(my-program PRIVATE pulumi::gcp::sql pulumi::gcp::redis)
#
# pulumi_add_package reads the module list at configure time (`pulumi-gen-cpp --manifest-only`, which writes
# only modules.cmake) and generates the sources at build time, again whenever the schema or the generator
# changes. Each requested module, and each module those need, becomes its own static library
# `pulumi::<package>::<module>` (target `pulumi_<package>_<module>`), so a program compiles only what it
# names, and a change in the program recompiles only the program. Unchanged generated files keep their
# timestamps, so regenerating does not rebuild them.
#
# pulumi_add_generated_package(<name> DIR <dir>) makes the same libraries from a tree generated earlier
# (e.g. the golden outputs of the generator's tests).

# Generated modules are big and rarely debugged: they compile with these options (last -O/-g wins), which
# keeps a clean build of many modules fast (bench/README.md): -O0 (their code only wires values through),
# and GCC collects its heap less often (about a fifth less compile time for some more memory per unit).
# Set it to "" to use the build type's flags.
set(PULUMI_PACKAGE_COMPILE_OPTIONS
    "-O0;-g0;$<$<CXX_COMPILER_ID:GNU>:--param=ggc-min-expand=400>;$<$<CXX_COMPILER_ID:GNU>:--param=ggc-min-heapsize=262144>"
    CACHE STRING "Compile options of generated package modules")

# With clang, the SDK headers every generated header includes (codegen/src/emit_common.cc, Header) are parsed
# once per package into a precompiled header that all its modules share, with the SDK templates they
# instantiate (-fpch-instantiate-templates): an eighth less time for a clean build (bench/README.md). GCC
# gains nothing measurable from it, for a 90 MB file. ccache caches such units only with
# CCACHE_SLOPPINESS=pch_defines,time_macros (tools/lib.sh sets it); without, it compiles them uncached.
option(PULUMI_PACKAGE_PRECOMPILE_HEADERS "With clang, a package's modules share a precompiled SDK header" ON)

# What every module library of a package compiles with.
function(_pulumi_package_module_settings target dir)
  target_compile_features(${target} PUBLIC cxx_std_20)
  # SYSTEM: the schema's deprecations warn where a program uses them, not inside generated headers.
  target_include_directories(${target} SYSTEM PUBLIC "${dir}/include")
  target_link_libraries(${target} PUBLIC pulumi::sdk)
  target_compile_options(${target} PRIVATE ${PULUMI_PACKAGE_COMPILE_OPTIONS})
endfunction()

# Libraries for the modules listed in <dir>/modules.cmake; `generate_target` (may be empty) produces them.
function(_pulumi_package_libraries name dir generate_target)
  include("${dir}/modules.cmake")
  set(pch "")
  if(PULUMI_PACKAGE_PRECOMPILE_HEADERS AND CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    # A tiny library of its own makes the header, so that every module can start once it is there.
    set(pch "pulumi_${name}_pch")
    file(CONFIGURE OUTPUT "${CMAKE_CURRENT_BINARY_DIR}/${pch}.cc" CONTENT "// ${name}'s precompiled header\n")
    add_library(${pch} OBJECT "${CMAKE_CURRENT_BINARY_DIR}/${pch}.cc")
    _pulumi_package_module_settings(${pch} "${dir}")
    # ccache hashes the header's content; a build time inside it would make every hit a miss.
    target_compile_options(${pch} PRIVATE "SHELL:-Xclang -fno-pch-timestamp")
    target_precompile_headers(${pch} PRIVATE <map> <optional> <string> <vector> <pulumi/args.h> <pulumi/context.h>
                              <pulumi/convert.h> <pulumi/gen/support.h> <pulumi/invoke.h> <pulumi/output.h>
                              <pulumi/resource.h>)
  endif()
  foreach(module IN LISTS PULUMI_PACKAGE_MODULES)
    set(target "pulumi_${name}_${module}")
    set(sources "")
    foreach(s IN LISTS PULUMI_PACKAGE_MODULE_${module}_SOURCES)
      list(APPEND sources "${dir}/${s}")
    endforeach()
    add_library(${target} STATIC ${sources})
    _pulumi_package_module_settings(${target} "${dir}")
    if(pch)
      target_precompile_headers(${target} REUSE_FROM ${pch})
    endif()
    foreach(dep IN LISTS PULUMI_PACKAGE_MODULE_${module}_DEPS)
      target_link_libraries(${target} PUBLIC "pulumi_${name}_${dep}")
    endforeach()
    if(generate_target)
      add_dependencies(${target} ${generate_target})
    endif()
    add_library("pulumi::${name}::${module}" ALIAS ${target})
  endforeach()
  set(PULUMI_PACKAGE_VERSION "${PULUMI_PACKAGE_VERSION}" PARENT_SCOPE)
  set(PULUMI_PACKAGE_MODULES "${PULUMI_PACKAGE_MODULES}" PARENT_SCOPE)
endfunction()

function(pulumi_add_generated_package name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "DIR" "")
  if(NOT EXISTS "${arg_DIR}/modules.cmake")
    message(FATAL_ERROR "pulumi_add_generated_package(${name}): no modules.cmake in ${arg_DIR}")
  endif()
  _pulumi_package_libraries(${name} "${arg_DIR}" "")
endfunction()

function(pulumi_add_package name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "SCHEMA;VERSION;PLUGIN_DOWNLOAD_URL;OUTPUT_DIR;PROPERTIES_PER_SOURCE"
                        "MODULES")
  set(where "pulumi_add_package(${name})")
  if(NOT arg_SCHEMA)
    message(FATAL_ERROR "${where}: SCHEMA <file> is required (codegen/schema/gcp-schema prints gcp's, `pulumi package get-schema` any other)")
  endif()
  if(NOT EXISTS "${arg_SCHEMA}")
    message(FATAL_ERROR "${where}: the schema ${arg_SCHEMA} does not exist")
  endif()
  if(NOT arg_MODULES)
    message(FATAL_ERROR "${where}: MODULES <module>... is required (compiling a whole package takes long)")
  endif()
  set(gen "${PULUMI_CPP_GEN_EXECUTABLE}")
  if(NOT gen OR NOT EXISTS "${gen}")
    message(FATAL_ERROR "${where}: pulumi-gen-cpp was not found (PULUMI_CPP_GEN_EXECUTABLE='${gen}'); "
                        "an installed package has it in <prefix>/bin; a build tree needs the default preset built "
                        "(tools/test or tools/run)")
  endif()
  set(out "${arg_OUTPUT_DIR}")
  if(NOT out)
    set(out "${CMAKE_BINARY_DIR}/pulumi-packages/${name}")
  endif()
  list(JOIN arg_MODULES "," modules)
  set(args --schema "${arg_SCHEMA}" --out "${out}" --schema-name "${name}")
  if(NOT modules STREQUAL "ALL")  # MODULES ALL: the whole package
    list(APPEND args --modules "${modules}")
  endif()
  if(arg_PROPERTIES_PER_SOURCE)
    list(APPEND args --properties-per-source "${arg_PROPERTIES_PER_SOURCE}")
  endif()

  execute_process(COMMAND "${gen}" ${args} --manifest-only RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${where}: pulumi-gen-cpp failed:\n${err}")
  endif()
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${arg_SCHEMA}" "${gen}")

  include("${out}/modules.cmake")
  if(arg_VERSION AND NOT arg_VERSION STREQUAL PULUMI_PACKAGE_VERSION)
    message(FATAL_ERROR "${where}: the schema ${arg_SCHEMA} is version ${PULUMI_PACKAGE_VERSION}, "
                        "not ${arg_VERSION}")
  endif()
  if(arg_PLUGIN_DOWNLOAD_URL AND NOT arg_PLUGIN_DOWNLOAD_URL STREQUAL PULUMI_PACKAGE_PLUGIN_DOWNLOAD_URL)
    message(FATAL_ERROR "${where}: the schema's plugin download URL is '${PULUMI_PACKAGE_PLUGIN_DOWNLOAD_URL}', "
                        "not '${arg_PLUGIN_DOWNLOAD_URL}'")
  endif()
  set(outputs "")
  foreach(module IN LISTS PULUMI_PACKAGE_MODULES)
    foreach(f IN LISTS PULUMI_PACKAGE_MODULE_${module}_SOURCES PULUMI_PACKAGE_MODULE_${module}_HEADERS)
      list(APPEND outputs "${out}/${f}")
    endforeach()
  endforeach()
  foreach(f IN LISTS PULUMI_PACKAGE_COMMON_HEADERS)
    list(APPEND outputs "${out}/${f}")
  endforeach()
  add_custom_command(
    OUTPUT "${out}/.generated"
    BYPRODUCTS ${outputs}
    COMMAND "${gen}" ${args}
    COMMAND "${CMAKE_COMMAND}" -E touch "${out}/.generated"
    DEPENDS "${arg_SCHEMA}" "${gen}"
    COMMENT "pulumi-gen-cpp: ${name} ${PULUMI_PACKAGE_VERSION} (${modules})"
    VERBATIM)
  add_custom_target(pulumi_${name}_generate DEPENDS "${out}/.generated")
  _pulumi_package_libraries(${name} "${out}" pulumi_${name}_generate)
  set(PULUMI_${name}_VERSION "${PULUMI_PACKAGE_VERSION}" PARENT_SCOPE)
endfunction()
