# Shell code shared by the commands in tools/ and by codegen/schema/gcp-schema. Sourced, never run:
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The cache outside the clone: the engine build, Go tools, schemas, the compiler cache.
pcpp_cache_root() { echo "${PULUMI_CPP_CACHE:-$HOME/.cache/pulumi-cpp}"; }

# The environment of a build: Go on PATH and one compiler cache that every checkout shares. Objects compiled
# with -g in another checkout are reused (their debug info then names that checkout's paths).
pcpp_build_env() {
  export PATH="/usr/local/go/bin:$PATH"
  export CCACHE_DIR="${CCACHE_DIR:-$(pcpp_cache_root)/ccache}"
  export CCACHE_BASEDIR="$PWD"
  export CCACHE_NOHASHDIR=true
  # Units that use a precompiled header (the generated packages' with clang) are cached only with these.
  [[ ",${CCACHE_SLOPPINESS:-}," == *,pch_defines,time_macros,* ]] ||
    export CCACHE_SLOPPINESS="${CCACHE_SLOPPINESS:+$CCACHE_SLOPPINESS,}pch_defines,time_macros"
}

# The go binary ($GO, else go on PATH, else /usr/local/go/bin/go); prints nothing when there is none.
pcpp_find_go() {
  local go="${GO:-$(command -v go || true)}"
  [[ -n "$go" || ! -x /usr/local/go/bin/go ]] || go=/usr/local/go/bin/go
  echo "$go"
}

# The pinned versions, from versions.env at the repository's root (the one file that states them): sets
# PULUMI_VERSION (the engine, Go module sdk/v3) and GCP_VERSION (pulumi-gcp), without a leading "v".
pcpp_load_versions() { source "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/versions.env"; }

# The version of MODULE that GOMOD requires (a pin: tools/engine/go.mod, tools/actionlint/go.mod).
pcpp_go_require_version() { awk -v m="$2" '$1 == m { print $2; exit }' "$1"; }

# pcpp_go_build_cached GO SRC_DIR BIN: builds the Go main package in SRC_DIR into BIN when BIN is missing, older
# than one of its sources or built from other ones (a content stamp, BIN.stamp, e.g. after switching branches).
# The compiler's errors go to stderr; the status is go build's.
pcpp_go_build_cached() {
  local go=$1 src_dir=$2 bin=$3 hash tmp_bin
  hash="$(cd "$src_dir" && find . -type f \( -name '*.go' ! -name '*_test.go' -o -name go.mod -o -name go.sum \) \
    ! -path './testdata/*' | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -d' ' -f1)"
  if [[ -x "$bin" && -f "$bin.stamp" && "$(cat "$bin.stamp")" == "$hash" &&
    -z "$(find "$src_dir" -type f -newer "$bin" ! -path '*/testdata/*' -print -quit)" ]]; then
    return 0
  fi
  mkdir -p "$(dirname "$bin")" || return 1
  tmp_bin="$(mktemp "$bin.XXXXXX")" || return 1
  if ! (cd "$src_dir" && GOWORK=off GOFLAGS=-buildvcs=false "$go" build -mod=readonly -o "$tmp_bin" .); then
    rm -f "$tmp_bin"
    return 1
  fi
  mv -f "$tmp_bin" "$bin" && echo "$hash" >"$bin.stamp"
}

# pcpp_build_once DIR UP_TO_DATE RESULT: prints RESULT and exits 0 when the command UP_TO_DATE says the build is
# there, checked again under DIR/.lock, which parallel test runners share so that they build once; else it
# returns, holding the lock.
pcpp_build_once() {
  local dir=$1 up_to_date=$2 result=$3
  if "$up_to_date"; then echo "$result"; exit 0; fi
  mkdir -p "$dir"
  command -v flock >/dev/null 2>&1 || return 0
  exec 9>"$dir/.lock"
  flock 9
  if "$up_to_date"; then echo "$result"; exit 0; fi
}
