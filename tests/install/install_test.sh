#!/usr/bin/env bash
# The SDK as an installed C++ library (label install): `cmake --install` into a clean prefix, then, outside the
# repository and with nothing of the build tree on PATH, what a user does:
#   - the minimal template: find_package(PulumiCpp) with CMAKE_PREFIX_PATH; `pulumi new` from the prefix,
#     `pulumi preview` and `pulumi up` with the real engine (the installed host finds the installed package);
#   - cpp-gcp: `pulumi new` from the prefix, its mocks unit test, `pulumi up` against the offline gcp simulator;
#   - `cpack -G DEB`: the package holds the host, the generator and the CMake package.
#   install_test.sh <build-dir> <engine version>   (the engine: $PULUMI_CPP_ENGINE_BIN, else tools/build-engine's)
set -euo pipefail
build=$(cd "$1" && pwd)
engine_bin=${PULUMI_CPP_ENGINE_BIN:-${PULUMI_CPP_CACHE:-$HOME/.cache/pulumi-cpp}/engine/$2/bin}
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
source "$source_dir/versions.env"  # GCP_VERSION: the gcp plugin the simulator is installed as
work=$(mktemp -d "${TMPDIR:-/tmp}/pulumi-cpp-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

fail() { echo "install_test: $*" >&2; exit 1; }
step() { echo "== $* ($SECONDS s)"; }
[[ -x $engine_bin/pulumi ]] || fail "the pulumi CLI is not built at $engine_bin: run tools/build-engine (tools/test does)"

step "cmake --install into a clean prefix, then moved (nothing in it may name where it was installed)"
cmake --install "$build" --prefix "$work/installed" >"$work/install.log"
mv "$work/installed" "$prefix"
for f in bin/pulumi-language-cpp bin/pulumi-gen-cpp include/pulumi/pulumi.h include/pulumi/provider/serve.h \
         include/pulumi/policy/policy.h include/pulumi-cpp/protos/pulumi/resource.pb.h lib/libpulumi_sdk.a \
         lib/libpulumi_cpp_protos.a lib/libpulumi_provider.a lib/libpulumi_policy.a \
         lib/cmake/PulumiCpp/PulumiCppConfig.cmake lib/cmake/PulumiCpp/PulumiCppConfigVersion.cmake \
         lib/cmake/PulumiCpp/PulumiCppTargets.cmake lib/cmake/PulumiCpp/PulumiCppPackages.cmake \
         share/pulumi-cpp/templates/cpp/Pulumi.yaml share/pulumi-cpp/templates/cpp-gcp/Pulumi.yaml \
         share/doc/pulumi-cpp/api/index.html; do
  [[ -e $prefix/$f ]] || fail "$f is not installed"
done
! grep -rq "$source_dir" "$prefix/lib/cmake/PulumiCpp" || fail "the installed CMake package names the source tree"

# The user's environment: the prefix and the engine on PATH, a private PULUMI_HOME and a local file backend.
export PATH="$prefix/bin:$engine_bin:/usr/local/bin:/usr/bin:/bin"
export PULUMI_HOME=$work/home PULUMI_CONFIG_PASSPHRASE=install-test PULUMI_SKIP_UPDATE_CHECK=1 NO_COLOR=1
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true PULUMI_CPP_PROGRAM_BUILD_ROOT=$work/program-builds
unset PULUMI_CPP_PACKAGE_DIR PULUMI_BACKEND_URL
mkdir -p "$work/state" && pulumi login "file://$work/state" >/dev/null

step "minimal template: find_package(PulumiCpp) through CMAKE_PREFIX_PATH"
mkdir -p "$work/direct"
sed 's/\${PROJECT}/direct/g' "$prefix/share/pulumi-cpp/templates/cpp/CMakeLists.txt" >"$work/direct/CMakeLists.txt"
cp "$prefix/share/pulumi-cpp/templates/cpp/main.cc" "$work/direct/"
cmake -S "$work/direct" -B "$work/direct/build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >"$work/direct.log"
cmake --build "$work/direct/build" >>"$work/direct.log" || { cat "$work/direct.log"; fail "building against the prefix"; }

step "minimal template: pulumi new, preview, up"
mkdir -p "$work/hello" && cd "$work/hello"
pulumi new "$prefix/share/pulumi-cpp/templates/cpp" --name hello --stack dev --yes --non-interactive >/dev/null 2>&1
pulumi config set greeting installed 2>/dev/null
pulumi preview --non-interactive >"$work/preview.log" 2>&1 || { cat "$work/preview.log"; fail "pulumi preview"; }
grep -q "PulumiCpp_DIR=$prefix/lib/cmake/PulumiCpp" "$PULUMI_CPP_PROGRAM_BUILD_ROOT"/hello-*/pulumi-configure-arguments ||
  fail "the host did not build the program against the installed package"
pulumi up --yes --non-interactive >"$work/up.log" 2>&1 || { cat "$work/up.log"; fail "pulumi up"; }
[[ $(pulumi stack output greeting) == installed ]] || fail "the stack output greeting is not 'installed'"

step "cpp-gcp: a missing schema is an error naming PULUMI_GCP_SCHEMA"
mkdir -p "$work/no-schema"
sed 's/\${PROJECT}/app/g' "$prefix/share/pulumi-cpp/templates/cpp-gcp/CMakeLists.txt" >"$work/no-schema/CMakeLists.txt"
if env -u PULUMI_GCP_SCHEMA cmake -S "$work/no-schema" -B "$work/no-schema/build" -G Ninja \
     -DCMAKE_PREFIX_PATH="$prefix" >"$work/no-schema.log" 2>&1 || ! grep -q "PULUMI_GCP_SCHEMA" "$work/no-schema.log"; then
  cat "$work/no-schema.log"; fail "a missing gcp schema must fail the configure, naming PULUMI_GCP_SCHEMA"
fi

step "cpp-gcp: pulumi new (which builds it), preview and up on the offline gcp simulator"
PULUMI_GCP_SCHEMA=$("$source_dir/codegen/schema/gcp-schema" | tail -n 1)
export PULUMI_GCP_SCHEMA
sim=$build/gcpsim/pulumi-resource-gcp
[[ -x $sim ]] || fail "the gcp simulator is not built at $sim"
pulumi plugin install resource gcp "$GCP_VERSION" --file "$sim" --reinstall >/dev/null 2>&1
export GCPSIM_DB=$work/cloud.db
mkdir -p "$work/app" && cd "$work/app"
pulumi new "$prefix/share/pulumi-cpp/templates/cpp-gcp" --name app --stack dev --yes --non-interactive \
  --config gcp:project=install-test >"$work/gcp-new.log" 2>&1 || { cat "$work/gcp-new.log"; fail "cpp-gcp new"; }
pulumi config set --secret apiKey s3cr3t-value 2>/dev/null
pulumi preview --non-interactive >"$work/gcp-preview.log" 2>&1 || { cat "$work/gcp-preview.log"; fail "cpp-gcp preview"; }
pulumi up --yes --non-interactive >"$work/gcp-up.log" 2>&1 || { cat "$work/gcp-up.log"; fail "cpp-gcp up"; }
[[ $(pulumi stack output secretName) == projects/*/secrets/app-api-key ]] ||
  fail "secretName is '$(pulumi stack output secretName)'"
! grep -q s3cr3t-value "$work/state/.pulumi/stacks/app/dev.json" || fail "the secret is in the state in clear"

step "cpp-gcp: the mocks unit test"
app_build=$(echo "$PULUMI_CPP_PROGRAM_BUILD_ROOT"/app-*)
cmake --build "$app_build" --target infra_test >"$work/unit.log" || { cat "$work/unit.log"; fail "building infra_test"; }
ctest --test-dir "$app_build" --output-on-failure >>"$work/unit.log" || { cat "$work/unit.log"; fail "infra_test"; }

step "cpack -G DEB"
(cd "$build" && cpack -G DEB -B "$work/deb" >"$work/cpack.log") || { cat "$work/cpack.log"; fail "cpack"; }
deb=$(echo "$work"/deb/pulumi-cpp_*.deb)
[[ -f $deb ]] || fail "cpack made no pulumi-cpp_*.deb"
dpkg-deb -c "$deb" >"$work/deb-files"
for f in ./usr/bin/pulumi-language-cpp ./usr/bin/pulumi-gen-cpp ./usr/lib/cmake/PulumiCpp/PulumiCppConfig.cmake \
         ./usr/include/pulumi/pulumi.h ./usr/lib/libpulumi_sdk.a ./usr/share/pulumi-cpp/templates/cpp-gcp/Pulumi.yaml \
         ./usr/share/doc/pulumi-cpp/api/index.html; do
  grep -q " $f\$" "$work/deb-files" || fail "$(basename "$deb") does not hold $f"
done
dpkg-deb -f "$deb" Depends | grep -q "libgrpc++-dev" || fail "$(basename "$deb") does not depend on libgrpc++-dev"
# Its tree is relocatable like the prefix: a program builds against the unpacked /usr.
dpkg-deb -x "$deb" "$work/deb-root"
cmake -S "$work/direct" -B "$work/direct/deb-build" -G Ninja -DCMAKE_PREFIX_PATH="$work/deb-root/usr" >"$work/deb-build.log"
cmake --build "$work/direct/deb-build" >>"$work/deb-build.log" || { cat "$work/deb-build.log"; fail "building against the .deb"; }
echo "$(basename "$deb"): $(du -h "$deb" | cut -f1)"
step "ok"
