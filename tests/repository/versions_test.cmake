# The pinned versions are stated in one file, versions.env (label unit). What cannot read that file keeps a pin of
# its own, and this test holds each such pin to it, so that a bump of versions.env that forgets one fails:
#   cmake -DSOURCE_DIR=<repository> -P tests/repository/versions_test.cmake
# Equal to versions.env:
#   - the Go modules that require Pulumi's sdk/v3 (and pkg/v3): tools/engine (which tools/build-engine builds; it
#     checks that too), proto/protocheck (tools/check-protos), bench/peers/programs/go; their go.sum has the hash
#   - the gcp package of every infra/*/pulumi-packages.json, and pulumi-gcp in infra/peer/requirements.txt
#   - the gcp version in a user's CMake code: templates/cpp-gcp (pulumi-language-cpp reads VERSION from the text of
#     CMakeLists.txt, without CMake, so a variable there would hide the package from the engine; the template is
#     built outside the repository anyway), and the examples of README.md and cmake/PulumiCppPackages.cmake
#   - the SDK that gcpsim/data/force_new.json's paths were resolved against (_meta.pulumiSdk): a new gcp version
#     needs that table checked again
#   - versions.env itself reads the same in the shell (`source`) as in CMake
# The same major version only: the peers' Pulumi SDKs from PyPI and npm (bench/peers/programs/python and nodejs,
# infra/peer), which pin the closest version their registry serves here.
# Not checked: codegen/schema/sdkschema/testdata, a trimmed copy of one pulumi-gcp SDK release that the schema
# reconstruction's own test (go test) runs on, whichever version is pinned.
cmake_minimum_required(VERSION 3.25)
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=<repository> -P versions_test.cmake")
endif()
include("${SOURCE_DIR}/cmake/PulumiCppVersions.cmake")
set(pulumi "${PULUMI_CPP_PULUMI_VERSION}")
set(gcp "${PULUMI_CPP_GCP_VERSION}")
string(REGEX MATCH "^[0-9]+" pulumi_major "${pulumi}")
string(REGEX MATCH "^[0-9]+" gcp_major "${gcp}")
set(failures "")
set(checked 0)

function(fail file message)
  set(failures "${failures}  ${file}: ${message}\n" PARENT_SCOPE)
endfunction()

# expect_each(FILE REGEX EXPECTED): REGEX matches FILE at least once, and its first group is EXPECTED each time.
# (REGEX must not match a ';'.)
function(expect_each file regex expected)
  file(READ "${SOURCE_DIR}/${file}" text)
  string(REGEX MATCHALL "${regex}" matches "${text}")
  if(NOT matches)
    set(failures "${failures}  ${file}: nothing matches ${regex} (expected ${expected})\n" PARENT_SCOPE)
    return()
  endif()
  foreach(match IN LISTS matches)
    string(REGEX MATCH "${regex}" _ "${match}")
    if(NOT CMAKE_MATCH_1 STREQUAL "${expected}")
      string(REPLACE "\n" " " match "${match}")
      set(failures "${failures}  ${file}: '${match}' is not ${expected}\n")
    endif()
  endforeach()
  math(EXPR checked "${checked} + 1")
  set(failures "${failures}" PARENT_SCOPE)
  set(checked "${checked}" PARENT_SCOPE)
endfunction()

# expect_text(FILE TEXT): FILE holds TEXT.
function(expect_text file text)
  file(READ "${SOURCE_DIR}/${file}" content)
  string(FIND "${content}" "${text}" at)
  if(at EQUAL -1)
    set(failures "${failures}  ${file}: does not hold '${text}'\n" PARENT_SCOPE)
  else()
    math(EXPR checked "${checked} + 1")
    set(checked "${checked}" PARENT_SCOPE)
  endif()
endfunction()

# versions.env reads the same in the shell.
execute_process(COMMAND bash -c "set -eu; source \"$1\"; echo \"$PULUMI_VERSION $GCP_VERSION\"" bash
                        "${PULUMI_CPP_VERSIONS_FILE}"
                OUTPUT_VARIABLE shell OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT shell STREQUAL "${pulumi} ${gcp}")
  fail(versions.env "the shell reads '${shell}' (status ${rc}), CMake '${pulumi} ${gcp}'")
else()
  math(EXPR checked "${checked} + 1")
endif()

# The Go modules: every require of Pulumi's modules, and the hash of the pinned one.
set(version "[ \t]+v([^ \t\n/;]+)")
foreach(dir IN ITEMS tools/engine proto/protocheck bench/peers/programs/go)
  expect_each(${dir}/go.mod "github[.]com/pulumi/pulumi/sdk/v3${version}" "${pulumi}")
  expect_text(${dir}/go.sum "github.com/pulumi/pulumi/sdk/v3 v${pulumi} h1:")
endforeach()
expect_each(tools/engine/go.mod "github[.]com/pulumi/pulumi/pkg/v3${version}" "${pulumi}")
expect_text(tools/engine/go.sum "github.com/pulumi/pulumi/pkg/v3 v${pulumi} h1:")

# The gcp plugin Apex's projects require, and the Python peer's pulumi-gcp.
file(GLOB manifests RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/infra/*/pulumi-packages.json")
if(NOT manifests)
  fail(infra "no infra/*/pulumi-packages.json")
endif()
foreach(manifest IN LISTS manifests)
  file(READ "${SOURCE_DIR}/${manifest}" json)
  string(JSON count ERROR_VARIABLE error LENGTH "${json}" packages)
  set(found FALSE)
  if(NOT error AND count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
      string(JSON name GET "${json}" packages ${i} name)
      string(JSON v GET "${json}" packages ${i} version)
      if(name STREQUAL "gcp")
        set(found TRUE)
        if(NOT v STREQUAL "${gcp}")
          fail(${manifest} "gcp ${v} is not ${gcp}")
        endif()
      endif()
    endforeach()
  endif()
  if(NOT found)
    fail(${manifest} "no package gcp ${error}")
  else()
    math(EXPR checked "${checked} + 1")
  endif()
endforeach()
expect_each(infra/peer/requirements.txt "pulumi-gcp==([^\n;]*)" "${gcp}")

# The gcp version written out in a user's CMake code and in the examples.
set(add_package "pulumi_add_package[(]gcp [^);]*VERSION[ \t\n]+([^ \t\n);]+)")
set(gcp_named "gcp[ @]([0-9]+[.][0-9]+[.][0-9]+)")
expect_each(templates/cpp-gcp/CMakeLists.txt "${add_package}" "${gcp}")
expect_each(templates/cpp-gcp/CMakeLists.txt "${gcp_named}" "${gcp}")
expect_each(README.md "${add_package}" "${gcp}")
expect_each(README.md "${gcp_named}" "${gcp}")
expect_each(cmake/PulumiCppPackages.cmake "${add_package}" "${gcp}")

# The SDK the force-new table was resolved against.
file(READ "${SOURCE_DIR}/gcpsim/data/force_new.json" json)
string(JSON sdk ERROR_VARIABLE error GET "${json}" _meta pulumiSdk)
if(NOT sdk MATCHES "^github[.]com/pulumi/pulumi-gcp/sdk/v${gcp_major}@v${gcp}( |$)")
  fail(gcpsim/data/force_new.json "_meta.pulumiSdk '${sdk}' is not github.com/pulumi/pulumi-gcp/sdk/v${gcp_major}@v${gcp}")
else()
  math(EXPR checked "${checked} + 1")
endif()

# The peers' SDKs from PyPI and npm: the closest version there is, of the same major version.
foreach(file IN ITEMS bench/peers/programs/python/requirements.txt infra/peer/requirements.txt)
  expect_each(${file} "pulumi==([0-9]+)[.][0-9]+[.][0-9]+" "${pulumi_major}")
endforeach()
file(READ "${SOURCE_DIR}/bench/peers/programs/nodejs/package.json" json)
string(JSON v ERROR_VARIABLE error GET "${json}" dependencies @pulumi/pulumi)
if(NOT v MATCHES "^${pulumi_major}[.][0-9]+[.][0-9]+$")
  fail(bench/peers/programs/nodejs/package.json "@pulumi/pulumi '${v}' is not ${pulumi_major}.x.y")
else()
  math(EXPR checked "${checked} + 1")
endif()

if(failures)
  message(FATAL_ERROR "versions.env pins Pulumi ${pulumi} and gcp ${gcp}; these pins disagree with it:\n"
                      "${failures}(a Go module: go get <module>@v<version> && go mod tidy in its directory)")
endif()
message(STATUS "versions.env: Pulumi ${pulumi}, gcp ${gcp}; ${checked} pins agree")
