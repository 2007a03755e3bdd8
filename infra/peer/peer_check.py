"""The peer check of one Apex project's stack: its C++ program and its Python twin (python/<project>, with
Pulumi's Python SDK and pulumi-gcp) each run against a fresh apex-peer-monitor, exactly as under their
language hosts, and the resources they register are compared: type, name, parent, inputs, resource options,
the outputs components and the stack register, and invokes.

    peer-check --project apex-network --stack dev --infra-dir infra --monitor apex-peer-monitor
               --program apex-network --python-program infra/peer/python/apex_network
               [--reads apex-network=path/to/apex-network ...] [--values known|unknown] [--work-dir DIR]

Prints `peer: N resources compared, M differences`, then each difference. Exits 1 when a program fails or a
difference is not explained in EXPLAINED below (a difference there is one of the SDKs, not of the programs).
--values unknown answers as a real preview does for creates (ids and computed values unknown), so the
programs send unknowns downstream; the default gives them GcpMocks' values. --reads runs the C++ programs of
the projects this one reads first, and serves their stack outputs to its StackReferences.
"""
import argparse
import fnmatch
import json
import os
import subprocess
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
RUN_PROGRAM = os.path.join(HERE, "python", "run_program.py")
PROGRAM_TIMEOUT = 240

# Differences that are not differences of the programs: (project, "<type> <name>", field path) globs, and why.
EXPLAINED: list[tuple[str, str, str, str]] = [
    # ("apex-databases", "gcp:sql/databaseInstance:DatabaseInstance apex-db-postgres", "inputs.settings.*", "why"),
]

# Resource options compared besides type, name, parent and inputs; lists here are compared as sets.
OPTIONS = ["custom", "read", "provider", "providers", "version", "pluginDownloadURL", "packageRef", "protect",
           "retainOnDelete", "deleteBeforeReplace", "deletedWith", "importId", "remote", "customTimeouts",
           "aliases", "aliasURNs", "ignoreChanges", "replaceOnChanges", "hideDiffs", "additionalSecretOutputs"]
SET_OPTIONS = {"aliases", "aliasURNs", "ignoreChanges", "replaceOnChanges", "hideDiffs", "additionalSecretOutputs"}


def run_against_monitor(args, project, command, refs, values, record):
    """Runs `command` against a fresh monitor for `project`; returns (exit code, output, recording)."""
    os.makedirs(os.path.dirname(record), exist_ok=True)
    monitor_cmd = [args.monitor, "--project-dir", os.path.join(args.infra_dir, project), "--stack", args.stack,
                   "--record", record, "--values", values]
    if refs:
        refs_file = record + ".stack-references.json"
        with open(refs_file, "w") as f:
            json.dump(refs, f, indent=2)
        monitor_cmd += ["--stack-references", refs_file]
    monitor = subprocess.Popen(monitor_cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        port = monitor.stdout.readline().strip()
        env_line = monitor.stdout.readline()
        if not port or not env_line:
            raise RuntimeError(f"apex-peer-monitor did not start (exit {monitor.wait()})")
        env = {**os.environ, **json.loads(env_line)}
        run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=PROGRAM_TIMEOUT)
    finally:
        monitor.stdin.close()
        code = monitor.wait(timeout=60)
    if code != 0:
        raise RuntimeError(f"apex-peer-monitor exited {code}")
    with open(record) as f:
        return run.returncode, run.stdout + run.stderr, json.load(f)


def stack_outputs(recording):
    for r in recording["resources"]:
        if r["type"] == "pulumi:pulumi:Stack":
            return r.get("registeredOutputs", {})
    return {}


def referenced_stack_name(args, project):
    """The name this project's stack reads `project` by (apex::ReferencedStack): apex:<short>Stack, else
    <apex:stackOrganization or organization>/<project>/<stack>."""
    with open(os.path.join(args.infra_dir, args.project, f"Pulumi.{args.stack}.yaml")) as f:
        config = (yaml.safe_load(f) or {}).get("config") or {}
    short = project[len("apex-"):] if project.startswith("apex-") else project
    explicit = config.get(f"apex:{short}Stack")
    return explicit or f"{config.get('apex:stackOrganization', 'organization')}/{project}/{args.stack}"


def normalize(value):
    """Null object members are left out (an SDK may send None as absent); the rest is kept as sent."""
    if isinstance(value, dict):
        return {k: normalize(v) for k, v in sorted(value.items()) if v is not None}
    if isinstance(value, list):
        return [normalize(v) for v in value]
    return value


def same(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return a == b


def diff(a, b, path, out):
    """Appends (path, a, b) for every place where a and b differ; '<absent>' marks a missing member."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            diff(a.get(k, "<absent>"), b.get(k, "<absent>"), f"{path}.{k}", out)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            diff(x, y, f"{path}[{i}]", out)
    elif not same(a, b):
        out.append((path, a, b))


def urn_name(urn):
    """'<type> <name>' of a URN, the way differences name resources."""
    if not urn:
        return ""
    qualified, name = urn.split("::")[2], urn.split("::")[3]
    return f"{qualified.split('$')[-1]} {name}"


def comparable(r):
    view = {"parent": urn_name(r.get("parent", "")), "inputs": normalize(r.get("inputs", {})),
            "registeredOutputs": normalize(r.get("registeredOutputs")),
            "dependencies": sorted({urn_name(u) for u in r.get("dependencies", [])}),
            "propertyDependencies": {k: sorted({urn_name(u) for u in v})
                                     for k, v in sorted(r.get("propertyDependencies", {}).items()) if v}}
    for option in OPTIONS:
        value = r.get(option)
        view[option] = sorted(value, key=json.dumps) if option in SET_OPTIONS and value else value
    return view


def compare(cpp, py):
    """Returns (number of resources compared, [(resource, path, C++ value, Python value)]). Resources are
    matched by type and name (so that a resource under another parent shows as a parent difference), and by
    URN where a type and name occur twice."""
    def by_key(recording):
        names = [urn_name(r["urn"]) for r in recording["resources"]]
        return {(n if names.count(n) == 1 else r["urn"]): r for n, r in zip(names, recording["resources"])}

    cpp_by_key, py_by_key = by_key(cpp), by_key(py)
    differences = []
    for key in sorted(set(cpp_by_key) | set(py_by_key)):
        if key not in py_by_key or key not in cpp_by_key:
            differences.append((key, "", "registered" if key in cpp_by_key else "<absent>",
                                "registered" if key in py_by_key else "<absent>"))
            continue
        found = []
        diff(comparable(cpp_by_key[key]), comparable(py_by_key[key]), "", found)
        differences += [(key, path[1:], a, b) for path, a, b in found]

    def invokes(recording):
        return sorted(json.dumps(normalize({k: i[k] for k in ("token", "args", "provider", "version")}),
                                 sort_keys=True) for i in recording["invokes"])

    cpp_invokes, py_invokes = invokes(cpp), invokes(py)
    for i in sorted(set(cpp_invokes) | set(py_invokes)):
        if cpp_invokes.count(i) != py_invokes.count(i):
            differences.append(("invoke", json.loads(i)["token"], f"{cpp_invokes.count(i)} call(s) {i}",
                                f"{py_invokes.count(i)} call(s)"))
    return len(set(cpp_by_key) | set(py_by_key)), differences


def explanation(project, resource, path):
    for p, r, f, why in EXPLAINED:
        if fnmatch.fnmatchcase(project, p) and fnmatch.fnmatchcase(resource, r) and fnmatch.fnmatchcase(path, f):
            return why
    return None


def show(value):
    return value if isinstance(value, str) and value == "<absent>" else json.dumps(value, sort_keys=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--project", required=True)
    ap.add_argument("--stack", required=True)
    ap.add_argument("--infra-dir", required=True)
    ap.add_argument("--monitor", required=True, help="the apex-peer-monitor executable")
    ap.add_argument("--program", required=True, help="the project's C++ executable")
    ap.add_argument("--python-program", required=True, help="the directory of the Python twin's __main__.py")
    ap.add_argument("--reads", action="append", default=[], metavar="PROJECT=EXECUTABLE")
    ap.add_argument("--values", choices=["known", "unknown"], default="known")
    ap.add_argument("--work-dir", default=os.path.join(os.getcwd(), "peer-recordings"))
    args = ap.parse_args()
    work = os.path.join(args.work_dir, f"{args.project}-{args.stack}-{args.values}")

    refs = {}
    for read in args.reads:
        project, executable = read.split("=", 1)
        code, output, recording = run_against_monitor(args, project, [executable], refs, "known",
                                                      os.path.join(work, f"{project}.read.json"))
        if code != 0:
            print(f"peer: the C++ {project} (read by {args.project}) failed (exit {code}):\n{output}")
            return 1
        refs[referenced_stack_name(args, project)] = stack_outputs(recording)

    runs = {}
    for side, file, command in (("C++", "cpp.json", [args.program]),
                                ("Python", "python.json", [sys.executable, RUN_PROGRAM, args.python_program])):
        code, output, recording = run_against_monitor(args, args.project, command, refs, args.values,
                                                       os.path.join(work, file))
        problems = [l for l in recording["logs"] if l["severity"] in ("warning", "error")]
        if code != 0:
            print(f"peer: the {side} {args.project} failed (exit {code}):\n{output}")
            for log in problems:
                print(f"  {log['severity']}: {log['message']}")
            return 1
        for log in problems:
            print(f"peer: {side} {log['severity']}: {log['message'].strip()}")
        runs[side] = recording

    count, differences = compare(runs["C++"], runs["Python"])
    print(f"peer: {args.project}/{args.stack} (values {args.values}), recordings in {work}")
    print(f"peer: {count} resources compared, {len(differences)} differences")
    unexplained = 0
    for resource, path, a, b in differences:
        why = explanation(args.project, resource, path)
        unexplained += why is None
        print(f"  {resource} {path}: C++ {show(a)} | Python {show(b)}" + (f"  [explained: {why}]" if why else ""))
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
