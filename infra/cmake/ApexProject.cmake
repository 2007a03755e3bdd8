# What every Apex project's CMakeLists.txt shares. A project directory is built on its own by
# pulumi-language-cpp (`pulumi up` in it: then this finds the SDK, generates gcp and adds infra/lib), or as part
# of infra/CMakeLists.txt for the tests and the offline plan.
#
#   project(apex-network CXX)
#   include("${CMAKE_CURRENT_SOURCE_DIR}/../cmake/ApexProject.cmake")
#   apex_project()
if(PROJECT_IS_TOP_LEVEL AND NOT TARGET apex_components)
  set(CMAKE_CXX_STANDARD 20)
  find_package(PulumiCpp REQUIRED)
  include("${CMAKE_CURRENT_LIST_DIR}/ApexGcp.cmake")
  add_subdirectory("${CMAKE_CURRENT_LIST_DIR}/../lib" apex-lib)
endif()

# The program library `<project>_program` (program.cc, include/) that tests and the plan link, and the
# executable named after the project (main.cc) that the engine runs.
function(apex_project)
  string(REPLACE "-" "_" id "${PROJECT_NAME}")
  add_library(${id}_program STATIC program.cc)
  target_include_directories(${id}_program PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}/include")
  target_compile_options(${id}_program PRIVATE -Wall -Wextra -Werror)
  target_link_libraries(${id}_program PUBLIC apex_components)
  add_executable(${PROJECT_NAME} main.cc)
  target_link_libraries(${PROJECT_NAME} PRIVATE ${id}_program)
endfunction()
