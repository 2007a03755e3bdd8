# The gcp bindings every Apex project uses: pulumi-gcp at the pinned version (versions.env, which the SDK package
# passes on as PULUMI_CPP_GCP_VERSION), schema fetched and cached by codegen/schema/gcp-schema.
# With APEX_GCP_BINDINGS_DIR (a build of infra/cmake/gcp-bindings, as infra/build makes) the prebuilt
# module libraries are imported; otherwise pulumi_add_package generates and compiles them here.
include_guard(GLOBAL)
set(APEX_GCP_MODULES compute servicenetworking sql redis serviceaccount projects secretmanager cloudrunv2 storage
    artifactregistry kms iam
    monitoring)
set(APEX_GCP_BINDINGS_DIR "" CACHE PATH "A build of infra/cmake/gcp-bindings to link instead of compiling")
if(NOT PULUMI_CPP_GCP_VERSION)
  message(FATAL_ERROR "the PulumiCpp package found (${PulumiCpp_DIR}) names no PULUMI_CPP_GCP_VERSION: "
                      "build Apex against this repository's SDK build (infra/build)")
endif()

if(APEX_GCP_BINDINGS_DIR AND NOT PROJECT_NAME STREQUAL "apex_gcp_bindings")
  set(dir "${APEX_GCP_BINDINGS_DIR}/pulumi-packages/gcp")
  if(NOT EXISTS "${dir}/modules.cmake")
    message(FATAL_ERROR "APEX_GCP_BINDINGS_DIR=${APEX_GCP_BINDINGS_DIR} is not a build of infra/cmake/gcp-bindings")
  endif()
  include("${dir}/modules.cmake")
  foreach(module IN LISTS PULUMI_PACKAGE_MODULES)
    add_library(pulumi::gcp::${module} STATIC IMPORTED GLOBAL)
    set(deps pulumi::sdk)
    foreach(dep IN LISTS PULUMI_PACKAGE_MODULE_${module}_DEPS)
      list(APPEND deps pulumi::gcp::${dep})
    endforeach()
    set_target_properties(pulumi::gcp::${module} PROPERTIES
      IMPORTED_LOCATION "${APEX_GCP_BINDINGS_DIR}/libpulumi_gcp_${module}.a"
      INTERFACE_SYSTEM_INCLUDE_DIRECTORIES "${dir}/include"
      INTERFACE_INCLUDE_DIRECTORIES "${dir}/include"
      INTERFACE_LINK_LIBRARIES "${deps}")
  endforeach()
else()
  execute_process(COMMAND "${PULUMI_CPP_SOURCE_DIR}/codegen/schema/gcp-schema" OUTPUT_VARIABLE out ERROR_VARIABLE err
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "the gcp schema could not be obtained (codegen/schema/gcp-schema):\n${err}")
  endif()
  string(REGEX MATCH "[^\n]+\n?$" APEX_GCP_SCHEMA "${out}")
  string(STRIP "${APEX_GCP_SCHEMA}" APEX_GCP_SCHEMA)
  pulumi_add_package(gcp SCHEMA "${APEX_GCP_SCHEMA}" VERSION ${PULUMI_CPP_GCP_VERSION} MODULES ${APEX_GCP_MODULES})
endif()
