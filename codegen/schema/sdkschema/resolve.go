package main

// Resolution: from the per-package facts of extract.go to a package schema.
//
// How the Go SDK encodes the schema (pulumi's Go code generator, pkg/codegen/go/gen.go):
//
//   - A resource X has a struct X (outputs: fields of type pulumi.StringOutput, XPtrOutput, ...), a
//     plain struct xArgs (inputs) and xState (state inputs); XArgs / XState are reflected to them by
//     their ElementType methods. NewX checks `args.F == nil` for every required input that has no
//     default, wraps secret inputs in pulumi.ToSecret, lists secret outputs in
//     pulumi.AdditionalSecretOutputs and aliases in pulumi.Aliases, and calls
//     ctx.RegisterResource with the resource's token.
//   - An object type T is a plain struct T in pulumiTypes*.go, with companions TArgs, TOutput, ...
//     A required scalar or object property is a value field (string, T), an optional one a pointer
//     (*string, *T). Arrays, maps, interface{} and assets look the same either way.
//   - An output property's Go type names its schema type: pulumi.String[Ptr|Array|Map...]Output or
//     T[Ptr|Array|Map...]Output; it is required when it has no Ptr/Array/Map suffix.
//   - A function is a Go function calling ctx.Invoke("tok", args, &rv, ...); args is a plain struct
//     (value fields required, pointers optional), rv the plain result struct, or map[string]T for a
//     function returning a single non-object value.
//
// What the Go SDK does not record, and so is not in the output: the required-ness of array, map and
// Any-typed properties of object types, function inputs/outputs and resource outputs (always
// written as optional; required resource inputs of those kinds are known from NewX's nil checks),
// secret properties of object types and functions, per-property willReplaceOnChanges (ForceNew),
// enums, and the other languages' examples in descriptions.

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

type typeKey struct{ pkg, name string }

type resolver struct {
	pkgName string
	pkgs    map[string]*pkgInfo

	// Reachability of object types, from resources (and the provider and config) and from functions.
	fromRes, fromFn map[typeKey]bool
	// Wire names of the properties that refer to a type (for undoing the Go generator's renames).
	refWires map[typeKey][]string
	tokens   map[typeKey]string
	modules  map[string]string // package key -> schema module

	warnings []string
}

func (r *resolver) warn(format string, args ...any) {
	r.warnings = append(r.warnings, fmt.Sprintf(format, args...))
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	rs := []rune(s)
	rs[0] = unicode.ToLower(rs[0])
	return string(rs)
}

func title(s string) string {
	if s == "" {
		return s
	}
	rs := []rune(s)
	rs[0] = unicode.ToUpper(rs[0])
	return string(rs)
}

// isObjectType reports whether name is an object type of the package: a plain struct declared in
// pulumiTypes*.go that has an Output companion.
func (r *resolver) isObjectType(pkg, name string) bool {
	p := r.pkgs[pkg]
	if p == nil {
		return false
	}
	s := p.structs[name]
	return s != nil && s.typesFile && p.declared[name+"Output"]
}

// outputTexpr turns the Go type of an output field (pulumi.StringArrayOutput, FooPtrOutput,
// compute.FooArrayOutput, ...) into the plain type it carries ([]string, *Foo, []compute.Foo).
func (r *resolver) outputTexpr(t *texpr) (*texpr, bool) {
	if t.kind != tNamed || !strings.HasSuffix(t.name, "Output") {
		return nil, false
	}
	base := strings.TrimSuffix(t.name, "Output")
	var suffixes []string // outermost first
	var leaf *texpr
	for leaf == nil {
		if t.pkg == pulumiPkg {
			switch base {
			case "String", "ID", "URN":
				leaf = &texpr{kind: tBuiltin, name: "string"}
			case "Int":
				leaf = &texpr{kind: tBuiltin, name: "int"}
			case "Float64":
				leaf = &texpr{kind: tBuiltin, name: "float64"}
			case "Bool":
				leaf = &texpr{kind: tBuiltin, name: "bool"}
			case "Any", "":
				leaf = &texpr{kind: tIface}
			case "AssetOrArchive", "Asset", "Archive":
				leaf = &texpr{kind: tNamed, pkg: pulumiPkg, name: base}
			}
		} else if r.isObjectType(t.pkg, base) {
			leaf = &texpr{kind: tNamed, pkg: t.pkg, name: base}
		}
		if leaf != nil {
			break
		}
		stripped := false
		for _, suf := range []string{"Ptr", "Array", "Map"} {
			if strings.HasSuffix(base, suf) && (len(base) > len(suf) || t.pkg == pulumiPkg) {
				base = strings.TrimSuffix(base, suf)
				suffixes = append(suffixes, suf)
				stripped = true
				break
			}
		}
		if !stripped {
			return nil, false
		}
	}
	out := leaf
	for i := len(suffixes) - 1; i >= 0; i-- {
		switch suffixes[i] {
		case "Ptr":
			out = &texpr{kind: tPtr, elem: out}
		case "Array":
			out = &texpr{kind: tSlice, elem: out}
		case "Map":
			out = &texpr{kind: tMap, elem: out}
		}
	}
	return out, true
}

// visitTypes calls fn for each object type that t refers to directly.
func (r *resolver) visitTypes(t *texpr, fn func(typeKey)) {
	for t != nil {
		switch t.kind {
		case tPtr, tSlice, tMap:
			t = t.elem
			continue
		case tNamed:
			if t.pkg != pulumiPkg && r.isObjectType(t.pkg, t.name) {
				fn(typeKey{t.pkg, t.name})
			}
		}
		return
	}
}

// plainStruct returns the plain struct that an exported input struct (XArgs, XState) reflects.
func (r *resolver) plainStruct(p *pkgInfo, exported string) *structInfo {
	if exported == "" {
		return nil
	}
	if e, ok := p.elemType[exported]; ok {
		if s := p.structs[e]; s != nil {
			return s
		}
	}
	if s := p.structs[lowerFirst(exported)]; s != nil {
		return s
	}
	return nil
}

func (r *resolver) resourceStructs(p *pkgInfo, res *resourceInfo) (outputs, inputs, state *structInfo) {
	outputs = p.structs[res.goName]
	inputs = r.plainStruct(p, res.argsType)
	if p.declared[res.goName+"State"] {
		state = r.plainStruct(p, res.goName+"State")
	}
	return
}

// mark walks the object types reachable from a struct's fields.
func (r *resolver) mark(pkg string, s *structInfo, outputs bool, seen map[typeKey]bool, fromFn bool) {
	if s == nil {
		return
	}
	for _, f := range s.fields {
		if f.wire == "" {
			continue
		}
		t := f.typ
		if outputs {
			if ot, ok := r.outputTexpr(t); ok {
				t = ot
			}
		}
		r.visitTypes(t, func(k typeKey) {
			r.refWires[k] = append(r.refWires[k], f.wire)
			if seen[k] {
				return
			}
			seen[k] = true
			if fromFn {
				r.fromFn[k] = true
			} else {
				r.fromRes[k] = true
			}
			r.mark(k.pkg, r.pkgs[k.pkg].structs[k.name], false, seen, fromFn)
		})
	}
}

func (r *resolver) sortedPkgs() []*pkgInfo {
	var keys []string
	for k := range r.pkgs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]*pkgInfo, 0, len(keys))
	for _, k := range keys {
		out = append(out, r.pkgs[k])
	}
	return out
}

// tokenParts splits pkg:module:member.
func tokenParts(tok string) (pkg, mod, member string, ok bool) {
	parts := strings.Split(tok, ":")
	if len(parts) != 3 {
		return "", "", "", false
	}
	return parts[0], parts[1], parts[2], true
}

// moduleOf is the schema module of a Go package: the module of the tokens that the package's
// resources and functions register (for pulumi-gcp always the directory name), "index" for the
// root package.
func (r *resolver) moduleOf(p *pkgInfo) string {
	if m, ok := r.modules[p.key]; ok {
		return m
	}
	counts := map[string]int{}
	add := func(tok string) {
		if pk, mod, _, ok := tokenParts(tok); ok && pk == r.pkgName {
			mod, _, _ = strings.Cut(mod, "/")
			counts[mod]++
		}
	}
	for _, res := range p.resources {
		add(res.token)
	}
	for _, f := range p.functions {
		add(f.token)
	}
	m := p.key
	if p.key == "" {
		m = "index"
	}
	best := -1
	for mod, n := range counts {
		if n > best || (n == best && mod < m) {
			m, best = mod, n
		}
	}
	if len(counts) > 1 {
		r.warn("package %q registers tokens in several modules %v; types use %q", p.key, counts, m)
	}
	r.modules[p.key] = m
	return m
}

// originalTypeName undoes the Go generator's renaming of an object type whose name (or its Input
// or Output companion) collides with another Go name of the package, e.g. a type
// RegionSecurityPolicyRule (property `rules` of RegionSecurityPolicy) next to the resource
// RegionSecurityPolicyRule, JobConfigInput next to JobConfig's JobConfigInput interface, or
// getDatasetAccess next to the function GetDatasetAccess (which reads a DatasetAccess resource): the
// generator appends "Type" (then "Typ"). A type genuinely named ...Type is referred to by a property
// whose name ends in "type(s)", and then the name is kept.
func (r *resolver) originalTypeName(k typeKey) string {
	p := r.pkgs[k.pkg]
	conflicts := func(n string) bool {
		return p.declared[n] || p.declared[n+"Input"] || p.declared[n+"Output"] || p.funcNames[n]
	}
	typeish := false
	for _, w := range r.refWires[k] {
		lw := strings.ToLower(w)
		if strings.HasSuffix(lw, "type") || strings.HasSuffix(lw, "types") {
			typeish = true
		}
	}
	if typeish {
		return k.name
	}
	if n, ok := strings.CutSuffix(k.name, "Type"); ok && n != "" && conflicts(n) {
		return n
	}
	if n, ok := strings.CutSuffix(k.name, "Typ"); ok && n != "" && conflicts(n) && conflicts(n+"Type") {
		return n
	}
	return k.name
}

// typeToken derives an object type's token as pulumi-terraform-bridge names types:
//
//	<package>:<module>/<Name>:<Name>
//
// where Name is the resource's (or data source's) name followed by the property path, e.g.
// DatabaseInstanceSettings (property settings of DatabaseInstance), DatabaseInstanceSettingsDatabaseFlag
// (settings[].databaseFlags[]). The Go generator capitalizes the first letter (Title), so it is
// restored from the function that uses the type: types of data sources start like the function's
// member name, e.g. getDatabaseInstanceSetting (Go GetDatabaseInstanceSetting) of
// gcp:sql/getDatabaseInstance:getDatabaseInstance. Types of the config module are named after the
// config variable: gcp:config/batching:batching (Go config.Batching).
func (r *resolver) typeToken(k typeKey) string {
	p := r.pkgs[k.pkg]
	member := r.originalTypeName(k)
	switch {
	case k.pkg == "config":
		member = lowerFirst(member)
	case r.fromFn[k] && !r.fromRes[k]:
		best := ""
		for _, f := range p.functions {
			_, _, fm, ok := tokenParts(f.token)
			if !ok || !strings.HasPrefix(member, title(fm)) {
				continue
			}
			if len(fm) > len(best) {
				best = fm
			}
		}
		switch {
		case best != "":
			if best[:1] != title(best[:1]) {
				member = lowerFirst(member)
			}
		case strings.HasPrefix(member, "Get"):
			r.warn("type %s.%s: used only by functions, none of whose names it starts with; assuming it belongs to a get... function", k.pkg, k.name)
			member = lowerFirst(member)
		}
	case r.fromFn[k] && r.fromRes[k] && strings.HasPrefix(member, "Get"):
		r.warn("type %s.%s: used by both resources and functions", k.pkg, k.name)
	}
	return r.pkgName + ":" + r.moduleOf(p) + "/" + member + ":" + member
}

// spec converts a plain Go type to a schema type; required reports whether the Go type says the
// property is required (a value, not a pointer, of a scalar or object type).
func (r *resolver) spec(t *texpr, where string) (ts TypeSpec, required bool) {
	switch t.kind {
	case tPtr:
		ts, _ = r.spec(t.elem, where)
		return ts, false
	case tBuiltin:
		switch t.name {
		case "string":
			return TypeSpec{Type: "string"}, true
		case "int", "int64", "int32":
			return TypeSpec{Type: "integer"}, true
		case "float64", "float32":
			return TypeSpec{Type: "number"}, true
		case "bool":
			return TypeSpec{Type: "boolean"}, true
		}
	case tIface:
		return TypeSpec{Ref: "pulumi.json#/Any"}, false
	case tSlice:
		items, _ := r.spec(t.elem, where)
		return TypeSpec{Type: "array", Items: &items}, false
	case tMap:
		items, _ := r.spec(t.elem, where)
		return TypeSpec{Type: "object", AdditionalProperties: &items}, false
	case tNamed:
		if t.pkg == pulumiPkg {
			switch t.name {
			case "AssetOrArchive", "Asset":
				return TypeSpec{Ref: "pulumi.json#/Asset"}, false
			case "Archive":
				return TypeSpec{Ref: "pulumi.json#/Archive"}, false
			}
		}
		k := typeKey{t.pkg, t.name}
		if tok, ok := r.tokens[k]; ok {
			return TypeSpec{Ref: "#/types/" + tok}, true
		}
	}
	r.warn("%s: unsupported Go type %s (written as Any)", where, t)
	return TypeSpec{Ref: "pulumi.json#/Any"}, false
}

func (r *resolver) property(f field, t *texpr, where string) (*PropertySpec, bool) {
	ts, req := r.spec(t, where+"."+f.wire)
	desc, dep := splitDeprecation(f.doc)
	return &PropertySpec{TypeSpec: ts, Description: desc, DeprecationMessage: dep}, req
}

// plainObject builds an object from a plain struct (object types, function inputs and results).
func (r *resolver) plainObject(s *structInfo, where string) *ObjectTypeSpec {
	o := &ObjectTypeSpec{Type: "object", Properties: map[string]*PropertySpec{}}
	if s == nil {
		return o
	}
	desc, _ := splitDeprecation(s.doc)
	o.Description = desc
	for _, f := range s.fields {
		if f.wire == "" {
			continue
		}
		prop, req := r.property(f, f.typ, where)
		o.Properties[f.wire] = prop
		if req {
			o.Required = append(o.Required, f.wire)
		}
	}
	sort.Strings(o.Required)
	return o
}

func applyDefault(p *PropertySpec, d *defaultValue) {
	if d == nil {
		return
	}
	if d.value != nil {
		p.Default = d.value
	}
	if len(d.envs) > 0 {
		p.DefaultInfo = &DefaultInfo{Environment: d.envs}
	}
}

func (r *resolver) resource(p *pkgInfo, res *resourceInfo) *ResourceSpec {
	where := res.token
	outS, inS, stS := r.resourceStructs(p, res)
	spec := &ResourceSpec{Properties: map[string]*PropertySpec{}, InputProperties: map[string]*PropertySpec{}}
	secretOut := map[string]bool{}
	for _, w := range res.secretOutputs {
		secretOut[w] = true
	}
	secretIn := map[string]bool{}
	replace := map[string]bool{}
	for _, w := range res.replaceOnChanges {
		replace[w] = true // top-level paths; nested ones ("a.b") are not representable per property
	}
	if outS == nil {
		r.warn("%s: no struct %s", where, res.goName)
	} else {
		spec.Description, spec.DeprecationMessage = splitDeprecation(outS.doc)
		for _, e := range outS.embedded {
			if e.kind == tNamed && e.pkg == pulumiPkg && e.name == "ResourceState" {
				spec.IsComponent = true
			}
		}
		var stateTypes map[string]*texpr
		if stS != nil {
			stateTypes = map[string]*texpr{}
			for _, f := range stS.fields {
				stateTypes[f.wire] = f.typ
			}
		}
		for _, f := range outS.fields {
			if f.wire == "" {
				continue
			}
			t, ok := r.outputTexpr(f.typ)
			if !ok {
				r.warn("%s.%s: cannot read output type %s", where, f.wire, f.typ)
				t = &texpr{kind: tIface}
			}
			prop, req := r.property(f, t, where)
			prop.Secret = secretOut[f.wire]
			prop.ReplaceOnChanges = replace[f.wire]
			spec.Properties[f.wire] = prop
			if req {
				spec.Required = append(spec.Required, f.wire)
			}
			// Cross-check against the state struct, which spells the same type in plain Go.
			if st, ok := stateTypes[f.wire]; ok && strings.TrimPrefix(st.String(), "*") != strings.TrimPrefix(t.String(), "*") {
				r.warn("%s.%s: output type %s but state type %s", where, f.wire, f.typ, st)
			}
		}
	}
	if inS != nil {
		for _, f := range inS.fields {
			if f.wire == "" {
				continue
			}
			prop, req := r.property(f, f.typ, where)
			if res.secretInputsGo[f.goName] {
				prop.Secret = true
				secretIn[f.wire] = true
			}
			prop.ReplaceOnChanges = replace[f.wire]
			if d, ok := res.defaultsGo[f.goName]; ok {
				applyDefault(prop, &d)
			}
			spec.InputProperties[f.wire] = prop
			if req || res.requiredGo[f.goName] {
				spec.RequiredInputs = append(spec.RequiredInputs, f.wire)
			}
			delete(res.requiredGo, f.goName)
		}
		for g := range res.requiredGo {
			r.warn("%s: required argument %s is not a field of %s", where, g, inS.name)
		}
	} else if res.argsType != "" {
		r.warn("%s: no plain struct for %s", where, res.argsType)
	}
	if stS != nil {
		spec.StateInputs = &ObjectTypeSpec{Type: "object", Properties: map[string]*PropertySpec{}}
		spec.StateInputs.Description, _ = splitDeprecation(stS.doc)
		for _, f := range stS.fields {
			if f.wire == "" {
				continue
			}
			prop, _ := r.property(f, f.typ, where+"(state)")
			prop.Secret = secretOut[f.wire] || secretIn[f.wire]
			spec.StateInputs.Properties[f.wire] = prop
		}
	}
	for _, a := range res.aliases {
		spec.Aliases = append(spec.Aliases, AliasSpec{Type: a})
	}
	sort.Strings(spec.Required)
	sort.Strings(spec.RequiredInputs)
	if len(spec.Properties) == 0 {
		spec.Properties = nil
	}
	if len(spec.InputProperties) == 0 {
		spec.InputProperties = nil
	}
	return spec
}

func (r *resolver) function(p *pkgInfo, f *functionInfo) *FunctionSpec {
	spec := &FunctionSpec{}
	spec.Description, spec.DeprecationMessage = splitDeprecation(f.doc)
	if f.argsStruct != "" {
		s := p.structs[f.argsStruct]
		if s == nil {
			r.warn("%s: no args struct %s", f.token, f.argsStruct)
		}
		spec.Inputs = r.plainObject(s, f.token)
		if s != nil {
			wire := map[string]string{}
			for _, fl := range s.fields {
				wire[fl.goName] = fl.wire
			}
			for _, g := range f.multiField {
				spec.MultiArgumentInputs = append(spec.MultiArgumentInputs, wire[g])
			}
		}
	}
	switch {
	case f.result == nil:
	case f.scalar:
		ts, _ := r.spec(f.result, f.token+"(result)")
		spec.Outputs = &ts
	case f.result.kind == tNamed && f.result.pkg == p.key && p.structs[f.result.name] != nil:
		spec.Outputs = r.plainObject(p.structs[f.result.name], f.token)
	default:
		r.warn("%s: cannot read result type %s", f.token, f.result)
	}
	return spec
}

// build resolves everything into a package schema.
func (r *resolver) build(pkg *PackageSpec) {
	r.fromRes, r.fromFn = map[typeKey]bool{}, map[typeKey]bool{}
	r.refWires = map[typeKey][]string{}
	r.tokens = map[typeKey]string{}
	r.modules = map[string]string{}

	// 1. Which object types are used, and from where.
	seenRes, seenFn := map[typeKey]bool{}, map[typeKey]bool{}
	for _, p := range r.sortedPkgs() {
		for _, res := range p.resources {
			out, in, st := r.resourceStructs(p, res)
			r.mark(p.key, out, true, seenRes, false)
			r.mark(p.key, in, false, seenRes, false)
			r.mark(p.key, st, false, seenRes, false)
		}
		for _, m := range p.methods {
			r.mark(p.key, p.structs[m.result], false, seenRes, false)
			r.mark(p.key, r.plainStruct(p, m.argsType), false, seenRes, false)
		}
		for _, f := range p.functions {
			r.mark(p.key, p.structs[f.argsStruct], false, seenFn, true)
			if f.result != nil && f.result.kind == tNamed && !f.scalar {
				r.mark(p.key, p.structs[f.result.name], false, seenFn, true)
			}
		}
		for _, v := range p.config {
			k := typeKey{p.key, title(v.name)}
			if r.isObjectType(k.pkg, k.name) && !seenRes[k] {
				seenRes[k] = true
				r.fromRes[k] = true
				r.mark(k.pkg, p.structs[k.name], false, seenRes, false)
			}
		}
	}

	// 2. Tokens of the used types.
	byToken := map[string]typeKey{}
	var unused int
	for _, p := range r.sortedPkgs() {
		var names []string
		for n := range p.structs {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			k := typeKey{p.key, n}
			if !r.isObjectType(p.key, n) {
				continue
			}
			if !r.fromRes[k] && !r.fromFn[k] {
				unused++
				continue
			}
			tok := r.typeToken(k)
			if other, dup := byToken[tok]; dup {
				r.warn("types %s.%s and %s.%s both map to %s", other.pkg, other.name, k.pkg, k.name, tok)
				continue
			}
			byToken[tok] = k
			r.tokens[k] = tok
		}
	}
	if unused > 0 {
		r.warn("%d object types of the SDK are used by no resource, function or config variable (not written)", unused)
	}

	// 3. The schema.
	pkg.Resources = map[string]*ResourceSpec{}
	pkg.Functions = map[string]*FunctionSpec{}
	pkg.Types = map[string]*ObjectTypeSpec{}
	for tok, k := range byToken {
		pkg.Types[tok] = r.plainObject(r.pkgs[k.pkg].structs[k.name], tok)
	}
	providerTok := "pulumi:providers:" + r.pkgName
	resByGo := map[typeKey]*ResourceSpec{}
	for _, p := range r.sortedPkgs() {
		for _, res := range p.resources {
			spec := r.resource(p, res)
			resByGo[typeKey{p.key, res.goName}] = spec
			if res.token == providerTok {
				pkg.Provider = spec
				continue
			}
			if _, dup := pkg.Resources[res.token]; dup {
				r.warn("resource %s registered twice", res.token)
			}
			pkg.Resources[res.token] = spec
		}
		for _, f := range p.functions {
			if _, dup := pkg.Functions[f.token]; dup {
				r.warn("function %s invoked by two Go functions", f.token)
			}
			pkg.Functions[f.token] = r.function(p, f)
		}
	}
	for _, p := range r.sortedPkgs() {
		for _, m := range p.methods {
			owner := resByGo[typeKey{p.key, m.receiver}]
			if owner == nil {
				continue
			}
			selfRef := "#/resources/" + providerTok
			for _, res := range p.resources {
				if res.goName == m.receiver && res.token != providerTok {
					selfRef = "#/resources/" + res.token
				}
			}
			name := m.token[strings.LastIndex(m.token, "/")+1:]
			if owner.Methods == nil {
				owner.Methods = map[string]string{}
			}
			owner.Methods[name] = m.token
			fn := &FunctionSpec{}
			fn.Description, fn.DeprecationMessage = splitDeprecation(m.doc)
			fn.Inputs = r.plainObject(r.plainStruct(p, m.argsType), m.token)
			fn.Inputs.Description = ""
			fn.Inputs.Properties["__self__"] = &PropertySpec{TypeSpec: TypeSpec{Ref: selfRef}}
			fn.Inputs.Required = append([]string{"__self__"}, fn.Inputs.Required...)
			sort.Strings(fn.Inputs.Required)
			if s := p.structs[m.result]; s != nil {
				fn.Outputs = r.plainObject(s, m.token)
			}
			pkg.Functions[m.token] = fn
		}
	}

	// Config variables: typed like the provider's inputs of the same name where the getter only
	// says "string" (objects, arrays and maps are read as JSON strings in Go).
	if cfg := r.pkgs["config"]; cfg != nil && len(cfg.config) > 0 {
		pkg.Config = &ConfigSpec{Variables: map[string]*PropertySpec{}}
		for _, v := range cfg.config {
			desc, dep := splitDeprecation(v.doc)
			prop := &PropertySpec{Description: desc, DeprecationMessage: dep}
			var prov *PropertySpec
			if pkg.Provider != nil {
				prov = pkg.Provider.InputProperties[v.name]
			}
			switch {
			case r.tokens[typeKey{"config", title(v.name)}] != "":
				prop.Ref = "#/types/" + r.tokens[typeKey{"config", title(v.name)}]
			case prov != nil && prov.Ref == "" && (v.getter == "Get" || v.getter == "GetObject"):
				prop.TypeSpec = prov.TypeSpec
			default:
				switch v.getter {
				case "Get", "Require", "Try":
					prop.Type = "string"
				case "GetBool", "RequireBool", "TryBool":
					prop.Type = "boolean"
				case "GetInt", "RequireInt", "TryInt":
					prop.Type = "integer"
				case "GetFloat64", "RequireFloat64", "TryFloat64":
					prop.Type = "number"
				default:
					prop.Ref = "pulumi.json#/Any"
				}
			}
			if prov != nil && prov.Secret {
				prop.Secret = true
			}
			applyDefault(prop, v.deflt)
			if strings.HasPrefix(v.getter, "Require") {
				pkg.Config.Defaults = append(pkg.Config.Defaults, v.name)
			}
			pkg.Config.Variables[v.name] = prop
		}
	}
}
