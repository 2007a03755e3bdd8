"""The wire names of our generated gcp bindings against pulumi-gcp's Python package, for the modules Apex
links: for each resource's Args and each nested <Type>Args, the property names the C++ code sends must be
the ones the Python package sends, and each resource's output accessors must read the names Python reads. The peer check compares what the Apex programs
send; this covers the properties they do not use yet.

    wire_names.py BINDINGS_SOURCES MODULE...     (BINDINGS_SOURCES: <build>/pulumi-packages/gcp)

Prints `wire names: N types compared, M differences` and each difference; exits 1 when M > 0.
Read from the generated sources (ArgsBuilder calls, GetOutput calls) and from the Python package's
@pulumi.input_type and resource classes (@pulumi.getter names); a name clash that Python resolves with <Resource>InitArgs, C++ resolves with
<Type>_Args: both are matched to the same input type.
"""
import glob
import os
import re
import sys

import pulumi_gcp

CPP_RESOURCE = re.compile(r"PropertyInputs \w+?Inputs\((\w+)Args const& args\) \{(.*?)\n\}", re.S)
CPP_TYPE = re.compile(r"ToOutputValue\((\w+?)_?Args const& args\) \{(.*?)\n\}", re.S)
CPP_ADD = re.compile(r'b\.Add\("([^"]+)"')
CPP_OUTPUT = re.compile(r'::pulumi::Output<.*?> (\w+)::\w+\(\) const \{\n  return GetOutput<.*?>\("([^"]+)"\);')
PY_RESOURCE = re.compile(r"\nclass (\w+)\(pulumi\.CustomResource\):(.*?)(?=\n(?:@pulumi\.\w+\n)?class |\Z)", re.S)
PY_CLASS = re.compile(r"@pulumi\.input_type\nclass (\w+?)(?:Init)?Args(?:\(.*?\))?:(.*?)"
                      r"(?=\n(?:@pulumi\.input_type\n)?class |\Z)", re.S)
# A property: @pulumi.getter or @pulumi.getter(name="wireName"), other decorators (deprecation), then def.
PY_GETTER = re.compile(r'@pulumi\.getter(?:\(name="([^"]+)"\))?\n(?:\s+@[^\n]*\n)*\s+def (\w+)\(')


def cpp_input_types(sources, module):
    types = {}
    for path in glob.glob(os.path.join(sources, "src", module, "*.cc")):
        with open(path) as f:
            text = f.read()
        for m in CPP_RESOURCE.finditer(text):
            types[("resource", m.group(1))] = set(CPP_ADD.findall(m.group(2)))
        for m in CPP_TYPE.finditer(text):
            types[("type", m.group(1))] = set(CPP_ADD.findall(m.group(2)))
        for cls, wire in CPP_OUTPUT.findall(text):
            types.setdefault(("outputs", cls), set()).add(wire)
    return types


def python_input_types(module):
    types = {}
    for path in glob.glob(os.path.join(os.path.dirname(pulumi_gcp.__file__), module, "*.py")):
        kind = "type" if os.path.basename(path) == "_inputs.py" else "resource"
        with open(path) as f:
            text = f.read()
        for m in PY_CLASS.finditer(text):
            types[(kind, m.group(1))] = {g.group(1) or g.group(2) for g in PY_GETTER.finditer(m.group(2))}
        for m in PY_RESOURCE.finditer(text):
            types[("outputs", m.group(1))] = {g.group(1) or g.group(2) for g in PY_GETTER.finditer(m.group(2))}
    return types


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    sources, modules = sys.argv[1], sys.argv[2:]
    compared, differences, cpp_only = 0, [], []
    for module in modules:
        cpp, py = cpp_input_types(sources, module), python_input_types(module)
        if not cpp:
            differences.append(f"{module}: no generated sources under {sources}/src/{module}")
            continue
        for key in sorted(set(cpp) | set(py)):
            if key not in cpp:
                differences.append(f"{module} {key[0]} {key[1]}Args: only in Python")
                continue
            if key not in py:
                # C++ also has Args for the types of functions (Get...), which Python has as output types only.
                cpp_only.append(f"{module}.{key[1]}")
                continue
            compared += 1
            if cpp[key] != py[key]:
                differences.append(f"{module} {key[0]} {key[1]}Args: C++ only {sorted(cpp[key] - py[key])}, "
                                   f"Python only {sorted(py[key] - cpp[key])}")
    print(f"wire names: {compared} types compared, {len(differences)} differences")
    for d in differences:
        print(f"  {d}")
    not_get = [t for t in cpp_only if not t.split(".")[1].startswith("Get")]
    print(f"wire names: {len(cpp_only)} C++ Args have no Python input type (function types); not named Get...: "
          f"{', '.join(not_get) or 'none'}")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
