# `cmake --install <build> --prefix <P>` and `cpack -G DEB` (doc/adr/0012-install-layout.md):
#   <P>/include/pulumi/...                     the SDK, provider and policy headers
#   <P>/include/pulumi-cpp/protos/pulumi/...   the generated protocol headers (pulumi::protos)
#   <P>/lib/libpulumi_*.a                      the static libraries
#   <P>/lib/cmake/PulumiCpp/                   the CMake package PulumiCpp (pulumi::sdk, pulumi_add_package)
#   <P>/bin/pulumi-language-cpp, pulumi-gen-cpp
#   <P>/share/pulumi-cpp/templates/{cpp,cpp-gcp}, <P>/share/doc/pulumi-cpp/api (Doxygen HTML)

install(DIRECTORY sdk/include/ provider/include/ policy/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.h")
install(DIRECTORY "${PROJECT_BINARY_DIR}/proto/gen/" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/pulumi-cpp/protos
        FILES_MATCHING PATTERN "*.h")
install(TARGETS pulumi_sdk pulumi_cpp_protos pulumi_cpp_protos_tools pulumi_provider pulumi_policy
        EXPORT PulumiCppTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(EXPORT PulumiCppTargets NAMESPACE pulumi:: DESTINATION ${PULUMI_CPP_INSTALL_CMAKEDIR})
# Static libraries are not stripped by --strip (nor by CPACK_STRIP_FILES); their debug info is most of their
# size (about 250 MB), so a stripped install drops it.
string(CONFIGURE [[
  if(CMAKE_INSTALL_DO_STRIP)
    file(GLOB _pulumi_archives "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/@CMAKE_INSTALL_LIBDIR@/libpulumi_*.a")
    foreach(a IN LISTS _pulumi_archives)
      execute_process(COMMAND "@CMAKE_STRIP@" --strip-debug "${a}" COMMAND_ERROR_IS_FATAL ANY)
    endforeach()
  endif()
]] _pulumi_strip_archives @ONLY)
install(CODE "${_pulumi_strip_archives}")

set(PULUMI_CPP_CONFIG_SOURCE_DIR "")
set(PULUMI_CPP_CONFIG_GEN_EXECUTABLE "\${PACKAGE_PREFIX_DIR}/${CMAKE_INSTALL_BINDIR}/pulumi-gen-cpp")
set(PULUMI_CPP_CONFIG_TEMPLATES_DIR "\${PACKAGE_PREFIX_DIR}/${CMAKE_INSTALL_DATADIR}/pulumi-cpp/templates")
set(PULUMI_CPP_CONFIG_PACKAGES_MODULE "\${CMAKE_CURRENT_LIST_DIR}/PulumiCppPackages.cmake")
configure_package_config_file(cmake/PulumiCppConfig.cmake.in "${PROJECT_BINARY_DIR}/install/PulumiCppConfig.cmake"
                              INSTALL_DESTINATION ${PULUMI_CPP_INSTALL_CMAKEDIR})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/install/PulumiCppConfigVersion.cmake"
                                 COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/install/PulumiCppConfig.cmake"
              "${PROJECT_BINARY_DIR}/install/PulumiCppConfigVersion.cmake" cmake/PulumiCppPackages.cmake
        DESTINATION ${PULUMI_CPP_INSTALL_CMAKEDIR})

install(DIRECTORY templates/ DESTINATION ${CMAKE_INSTALL_DATADIR}/pulumi-cpp/templates)
if(NOT PULUMI_CPP_SDK_ONLY)
  install(TARGETS pulumi-language-cpp pulumi-gen-cpp RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

# The Debian package: `cpack -G DEB` in the build directory writes pulumi-cpp_<version>_<arch>.deb. A program
# is built on the user's machine, so it depends on the compiler, CMake, Ninja and the -dev packages the SDK's
# CMake package finds; the executables need libgrpc++ and libyaml-cpp at run time.
set(CPACK_PACKAGE_NAME pulumi-cpp)
set(CPACK_PACKAGE_VENDOR pulumi-cpp)
set(CPACK_PACKAGE_CONTACT "pulumi-cpp maintainers <pulumi-cpp@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Pulumi for C++: SDK, language host (runtime: cpp) and code generator")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "cmake (>= 3.25), ninja-build, g++ (>= 4:12), libgrpc++-dev (>= 1.51), protobuf-compiler-grpc, libprotobuf-dev, \
libabsl-dev, nlohmann-json3-dev, libgrpc++1.51, libprotobuf32, libyaml-cpp0.7")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "ccache")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libgtest-dev, libgmock-dev")
include(CPack)
