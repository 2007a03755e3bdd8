# Shared by the scripts of ops/ (sourced, never run): the common flags, the checks that fail early with a clear
# error (exit 2), running `pulumi` in a project, the cloud-side steps that are not Pulumi (through `gcloud`, or
# the simulator's `gcp-sim` when $GCP_SIM is set), and the Markdown report.
#
# Exit codes of every script: 0 ok, 1 the check failed (drift found, a preview or deploy failed), 2 usage/setup.

OPS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OPS_REPO=$(dirname "$OPS_DIR")
# The pinned versions (PULUMI_VERSION, GCP_VERSION): the Pulumi CLI the scripts are meant to run with.
source "$OPS_REPO/versions.env"
OPS_NAME=ops/$(basename "$0")
# The projects of infra/stack-graph.txt (its unindented lines), in dependency order: each reads the outputs of
# those before it (StackReference).
mapfile -t OPS_PROJECTS < <(grep -E '^[a-z]' "$OPS_REPO/infra/stack-graph.txt")

OPS_STACK=${APEX_STACK:-}
OPS_BACKEND=${PULUMI_BACKEND_URL:-}
OPS_PROJECTS_DIR=$OPS_REPO/infra
OPS_SUMMARY=

# The engine's placeholder for a value that is known only once the resource exists.
OPS_UNKNOWN=04da6b54-80e4-46f7-96ec-b56ff0331ba9

ops_log() { printf '%s: %s\n' "$OPS_NAME" "$*" >&2; }

# ops_die CODE MESSAGE...
ops_die() {
  local code=$1
  shift
  printf '%s: error: %s\n' "$OPS_NAME" "$*" >&2
  exit "$code"
}

# The header comment of the running script, without the shebang and the leading '# '.
ops_usage() {
  sed -n '2,/^[^#]/{/^#/!d;s/^# \{0,1\}//;p}' "$0"
}

# ops_parse_args "$@": the common flags; a script handles its own by defining ops_flag, which is called with the
# remaining arguments and sets OPS_SHIFT to how many it took (0: not its flag).
ops_parse_args() {
  local args=() a
  for a in "$@"; do  # --flag=value as --flag value
    if [[ $a == --*=* ]]; then args+=("${a%%=*}" "${a#*=}"); else args+=("$a"); fi
  done
  set -- "${args[@]+"${args[@]}"}"
  while (($#)); do
    case $1 in
      -h | --help) ops_usage; exit 0 ;;
      --stack | --backend | --projects-dir | --summary)
        (($# >= 2)) || ops_die 2 "$1 needs a value (see $OPS_NAME --help)"
        case $1 in
          --stack) OPS_STACK=$2 ;;
          --backend) OPS_BACKEND=$2 ;;
          --projects-dir) OPS_PROJECTS_DIR=$2 ;;
          --summary) OPS_SUMMARY=$2 ;;
        esac
        shift 2
        ;;
      *)
        OPS_SHIFT=0
        if declare -F ops_flag >/dev/null; then ops_flag "$@"; fi
        ((OPS_SHIFT > 0)) || ops_die 2 "unknown argument '$1' (see $OPS_NAME --help)"
        shift "$OPS_SHIFT"
        ;;
    esac
  done
}

ops_require_tool() {
  command -v "$1" >/dev/null 2>&1 || ops_die 2 "'$1' is not on PATH${2:+ ($2)}"
}

# Checks what every script needs before it touches a stack: the stack, the backend, the projects, the tools.
ops_setup() {
  [[ -n $OPS_STACK ]] || ops_die 2 "no stack: pass --stack S or set APEX_STACK (dev, staging or prod)"
  [[ -n $OPS_BACKEND ]] ||
    ops_die 2 "no state backend: pass --backend URL or set PULUMI_BACKEND_URL (gs://<project>-pulumi-state, or file://DIR offline)"
  export PULUMI_BACKEND_URL=$OPS_BACKEND
  export PULUMI_SKIP_UPDATE_CHECK=${PULUMI_SKIP_UPDATE_CHECK:-1}
  local p
  for p in "${OPS_PROJECTS[@]}"; do
    [[ -f $OPS_PROJECTS_DIR/$p/Pulumi.yaml ]] ||
      ops_die 2 "no project $p in $OPS_PROJECTS_DIR (no Pulumi.yaml; pass --projects-dir DIR)"
  done
  ops_require_tool pulumi "the Pulumi CLI, v$PULUMI_VERSION: tools/build-engine builds it"
  ops_require_tool jq
  OPS_TMP=$(mktemp -d)
  trap 'rm -rf "$OPS_TMP"' EXIT
  OPS_REPORT=$OPS_TMP/report.md
  : >"$OPS_REPORT"
}

# The Apex policy pack that every preview and deploy runs (its prod rules are mandatory): a pack directory
# (built by pulumi-language-cpp) or a prebuilt pack executable. --policy-pack PATH or $APEX_POLICY_PACK.
OPS_POLICY_PACK=${APEX_POLICY_PACK:-$OPS_REPO/infra/policy}
# ops_policy_flag "$@": the --policy-pack flag, for a script's ops_flag.
ops_policy_flag() {
  [[ $1 == --policy-pack ]] || return 0
  (($# >= 2)) || ops_die 2 "--policy-pack needs a path"
  OPS_POLICY_PACK=$2 OPS_SHIFT=2
}
# Dies (2) naming the path when the pack is neither a pack directory nor an executable.
ops_require_policy_pack() {
  [[ -f $OPS_POLICY_PACK/PulumiPolicy.yaml || ( -f $OPS_POLICY_PACK && -x $OPS_POLICY_PACK ) ]] ||
    ops_die 2 "no policy pack at $OPS_POLICY_PACK (a directory with PulumiPolicy.yaml, or a pack executable; --policy-pack PATH)"
}

ops_project_dir() { printf '%s/%s' "$OPS_PROJECTS_DIR" "$1"; }

# The stack file of a project: Pulumi.<stack>.yaml, the stack's last name part ("org/dev" -> dev).
ops_stack_file() { printf '%s/Pulumi.%s.yaml' "$(ops_project_dir "$1")" "${OPS_STACK##*/}"; }

# The stack's secrets provider as its stack file declares it (`secretsprovider:`), else passphrase.
ops_secrets_provider() {
  local file value=
  file=$(ops_stack_file "$1")
  [[ -f $file ]] && value=$(sed -n 's/^secretsprovider:[[:space:]]*//p' "$file" | tr -d "\"'" | head -n 1)
  printf '%s' "${value:-passphrase}"
}

# A passphrase stack cannot decrypt its config or state without the passphrase: say so before pulumi prompts or
# fails deep inside a run. An empty variable counts as missing (a CI secret that is not set expands to "").
ops_check_secrets() {
  local p=$1 provider
  # pulumi takes a set but empty PULUMI_CONFIG_PASSPHRASE over PULUMI_CONFIG_PASSPHRASE_FILE.
  [[ -n ${PULUMI_CONFIG_PASSPHRASE:-} ]] || unset PULUMI_CONFIG_PASSPHRASE
  provider=$(ops_secrets_provider "$p")
  [[ $provider == passphrase ]] || return 0
  if [[ -n ${PULUMI_CONFIG_PASSPHRASE_FILE:-} ]]; then
    [[ -r $PULUMI_CONFIG_PASSPHRASE_FILE ]] ||
      ops_die 2 "PULUMI_CONFIG_PASSPHRASE_FILE ($PULUMI_CONFIG_PASSPHRASE_FILE) is not a readable file"
    return 0
  fi
  [[ -n ${PULUMI_CONFIG_PASSPHRASE:-} ]] ||
    ops_die 2 "stack $OPS_STACK of $p uses the passphrase secrets provider ($(ops_stack_file "$p") declares no" \
      "secretsprovider:), but neither PULUMI_CONFIG_PASSPHRASE nor PULUMI_CONFIG_PASSPHRASE_FILE is set"
}

# ops_pulumi PROJECT ARGS...: pulumi in the project's directory, never prompting.
ops_pulumi() {
  local dir
  dir=$(ops_project_dir "$1")
  shift
  (cd "$dir" && pulumi "$@" --non-interactive)
}

# True when the project has the stack in the backend; dies (2) when the backend itself cannot be read.
ops_stack_exists() {
  local p=$1 out
  if out=$(ops_pulumi "$p" stack select "$OPS_STACK" 2>&1); then return 0; fi
  if grep -qiE "no stack named|stack .* (not found|does not exist)" <<<"$out"; then return 1; fi
  ops_die 2 "cannot read the stacks of $p in the backend $OPS_BACKEND:"$'\n'"$out"
}

# Selects the existing stack of every project (never creating one), after the secrets check.
ops_select_all() {
  local p
  for p in "${OPS_PROJECTS[@]}"; do
    ops_check_secrets "$p"
    ops_stack_exists "$p" ||
      ops_die 2 "project $p has no stack $OPS_STACK in the backend $OPS_BACKEND (ops/deploy creates it; check --stack and --backend)"
  done
}

# ops_stack_output PROJECT NAME: one output of a project's stack ("" when it has none).
ops_stack_output() {
  ops_pulumi "$1" stack output "$2" --stack "$OPS_STACK" 2>/dev/null || true
}

ops_config() {
  ops_pulumi "$1" config get "$2" --stack "$OPS_STACK" 2>/dev/null || true
}

# The Markdown report: ops_report LINE... appends; ops_report_finish prints it and writes it to --summary FILE and
# to $GITHUB_STEP_SUMMARY (when set).
ops_report() { printf '%s\n' "$@" >>"$OPS_REPORT"; }

ops_report_prepend() {
  { printf '%s\n' "$@"; cat "$OPS_REPORT"; } >"$OPS_REPORT.new" && mv "$OPS_REPORT.new" "$OPS_REPORT"
}

ops_report_finish() {
  printf '\n' >&2
  cat "$OPS_REPORT"
  if [[ -n $OPS_SUMMARY ]]; then cp "$OPS_REPORT" "$OPS_SUMMARY"; fi
  if [[ -n ${GITHUB_STEP_SUMMARY:-} ]]; then cat "$OPS_REPORT" >>"$GITHUB_STEP_SUMMARY"; fi
}

# The last "Resources:" block of a pulumi up text output (the update's, after the preview's), on one line
# ("+ 15 created, 38 unchanged").
ops_resource_summary() {
  awk '/^Resources:/ {on = 1; out = ""; next}
       on && /^[[:space:]]*$/ {if (out != "") on = 0; next}
       on && /^[^[:space:]]/ {on = 0; next}
       on {sub(/^[[:space:]]+/, ""); out = out (out == "" ? "" : ", ") $0}
       END {print out}' "$1"
}

# A jq program over `pulumi preview --json` / `pulumi refresh --json`: the Markdown rows of the resources that
# change, one per changed property, with old and new values. Secrets never show: the engine prints them as
# "[secret]" (the whole value, or the container holding them), and a property whose name says it holds a
# credential is masked whatever its value.
# shellcheck disable=SC2016  # a jq program: its $names are jq's
OPS_JQ_CHANGES='
def maskname: test("password|passphrase|token|apikey|api_key|authstring|privatekey|private_key|secretdata|credential"; "i");
def parts: [scan("\\[\"[^\"]*\"\\]|\\[[0-9]+\\]|[^.\\[\\]]+")]
  | map(if startswith("[\"") then .[2:-2] elif startswith("[") then (.[1:-1] | tonumber) else . end);
def at($p): reduce $p[] as $k (.;
  if . == null then null
  elif . == "[secret]" then "[secret]"
  elif ($k | type) == "number" then (if type == "array" then .[$k] else null end)
  elif type == "object" then .[$k] else null end);
def show: if . == null then "(none)"
  elif . == $unknown then "(known after deploy)"
  elif type == "string" then . else tojson end
  | if length > 100 then .[0:97] + "..." else . end
  | gsub("\\|"; "\\|") | gsub("`"; "'"'"'") | gsub("\n"; " ");
def value($state; $p): ($state.inputs // {} | at($p)) as $i
  | if $i != null then $i else ($state.outputs // {} | at($p)) end;
def changed: if .detailedDiff then (.detailedDiff | keys)
  elif .diffReasons then .diffReasons
  else ((.oldState.outputs // {}) as $o | (.newState.outputs // {}) as $n
        | [($o + $n | keys[]) | select($o[.] != $n[.])]) end;
def oplabel: if $drift then {update: "~ changed", delete: "- deleted"}[.] // .
  else {create: "+ create", update: "~ update", replace: "+- replace", delete: "- delete"}[.] // . end;
.steps[]
| select(.op as $op | $drift and ($op == "update" or $op == "delete")
    or ($drift | not) and ($op == "create" or $op == "update" or $op == "replace" or $op == "delete"))
| (.newState // .oldState) as $s
| ($s.type // "") as $type
| (.urn | sub(".*::"; "")) as $name
| .op as $op
| (if $op == "update" or $op == "replace" then changed else [] end) as $props
| if ($props | length) == 0 then
    "| \($op | oplabel) | `\($name)` | `\($type)` | | |"
  else
    $props[] as $prop
    | ($prop | parts) as $p
    | (if ($prop | maskname) then ["[secret]", "[secret]"]
       else [value(.oldState; $p), value(.newState; $p)] end) as $v
    | (if ($v[0] == "[secret]" or $v[1] == "[secret]") then ["[secret]", "[secret]"] else $v end) as $v
    | "| \($op | oplabel) | `\($name)` | `\($type)` | `\($prop)` | `\($v[0] | show)` → `\($v[1] | show)` |"
  end
'

# ops_changes_table JSON_FILE DRIFT(true|false): the Markdown table of what changes (nothing when nothing does).
ops_changes_table() {
  local rows
  rows=$(jq -r --arg unknown "$OPS_UNKNOWN" --argjson drift "$2" "$OPS_JQ_CHANGES" "$1") || return 1
  [[ -n $rows ]] || return 0
  if [[ $2 == true ]]; then
    printf '| drift | resource | type | property | state → cloud |\n|---|---|---|---|---|\n'
  else
    printf '| change | resource | type | property | old → new |\n|---|---|---|---|---|\n'
  fi
  printf '%s\n' "$rows"
}

# --- Cloud-side steps that are not Pulumi: `gcloud`, or the simulator's `gcp-sim` when $GCP_SIM is set. ---

ops_require_cloud_cli() {
  if [[ -n ${GCP_SIM:-} ]]; then
    [[ -x $GCP_SIM ]] || ops_die 2 "GCP_SIM is set to $GCP_SIM, which is not an executable (the simulator's gcp-sim)"
  else
    ops_require_tool gcloud "the Google Cloud CLI; or set GCP_SIM to the simulator's gcp-sim"
  fi
}

# ops_secret_has_version projects/P/secrets/ID: true when the secret has an enabled version.
ops_secret_has_version() {
  local project=${1#projects/} id=${1##*/} out
  project=${project%%/*}
  if [[ -n ${GCP_SIM:-} ]]; then
    out=$("$GCP_SIM" ls --type gcp:secretmanager/secretVersion:SecretVersion 2>&1) || {
      ops_log "gcp-sim ls: $out"
      return 1
    }
    grep -q "/secrets/$id/versions/" <<<"$out"
  else
    out=$(gcloud secrets versions list "$id" --project "$project" --filter state=ENABLED --limit 1 \
      --format 'value(name)' 2>&1) || {
      ops_log "gcloud secrets versions list $id: $out"
      return 1
    }
    [[ -n $out ]]
  fi
}

# ops_execute_job JOB PROJECT REGION: one execution of a Cloud Run job, waiting for it; its output on stdout.
ops_execute_job() {
  if [[ -n ${GCP_SIM:-} ]]; then
    "$GCP_SIM" execute "$1" 2>&1
  else
    gcloud run jobs execute "$1" --project "$2" --region "$3" --wait 2>&1
  fi
}
