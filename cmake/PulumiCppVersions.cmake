# The pinned versions, read from versions.env at the repository's root (the one file that states them):
#   PULUMI_CPP_PULUMI_VERSION   Pulumi: the engine tools/build-engine builds, its Go SDK, the conformance suite
#   PULUMI_CPP_GCP_VERSION      pulumi-gcp: the schema of the gcp bindings, the version the simulator answers as
# Each KEY=VALUE line of the file sets PULUMI_CPP_<KEY>. Included by the top CMakeLists.txt (a change of the file
# configures again; the SDK package passes both on, cmake/PulumiCppConfig.cmake.in) and by
# tests/repository/versions_test.cmake (cmake -P).
include_guard(GLOBAL)
set(PULUMI_CPP_VERSIONS_FILE "${CMAKE_CURRENT_LIST_DIR}/../versions.env")
cmake_path(NORMAL_PATH PULUMI_CPP_VERSIONS_FILE)
file(STRINGS "${PULUMI_CPP_VERSIONS_FILE}" _pulumi_cpp_version_lines REGEX "^[ \t]*[^# \t]")
foreach(_line IN LISTS _pulumi_cpp_version_lines)
  if(_line MATCHES "^([A-Z][A-Z0-9_]*)=([0-9A-Za-z.+-]+)$")
    set(PULUMI_CPP_${CMAKE_MATCH_1} "${CMAKE_MATCH_2}")
  else()
    message(FATAL_ERROR "${PULUMI_CPP_VERSIONS_FILE}: '${_line}' is not KEY=VALUE (no spaces, no quotes)")
  endif()
endforeach()
foreach(_key IN ITEMS PULUMI_VERSION GCP_VERSION)
  if(NOT PULUMI_CPP_${_key} MATCHES "^[0-9]+\\.[0-9]+\\.[0-9]+$")
    message(FATAL_ERROR "${PULUMI_CPP_VERSIONS_FILE} must set ${_key} to a version X.Y.Z")
  endif()
endforeach()
if(NOT CMAKE_SCRIPT_MODE_FILE)
  set_property(DIRECTORY "${CMAKE_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${PULUMI_CPP_VERSIONS_FILE}")
endif()
