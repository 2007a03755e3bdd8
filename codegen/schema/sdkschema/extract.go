package main

// Extraction: one pass over the syntax tree of each Go package of the SDK, keeping only what the
// schema needs (struct fields with their `pulumi:"..."` tags and comments, and the few call patterns
// that pulumi's Go code generator emits in NewX / GetX / invoke functions). Nothing is type-checked;
// every type is kept as a small syntactic expression (texpr) and resolved later, once all packages
// are known (resolve.go).

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// pulumiImport is the import path of the Pulumi Go SDK's core package.
const pulumiImport = "github.com/pulumi/pulumi/sdk/v3/go/pulumi"

// texpr is a syntactic Go type: a builtin identifier, *T, []T, map[string]T, interface{}, or a
// named type in a package.
type texpr struct {
	kind texprKind
	name string // tBuiltin: the identifier; tNamed: the type's name
	pkg  string // tNamed: package key of the SDK ("" = root package), pulumiPkg, or "?<import path>"
	elem *texpr // tPtr, tSlice, tMap
}

type texprKind int

const (
	tBuiltin texprKind = iota
	tNamed
	tPtr
	tSlice
	tMap
	tIface
)

// pulumiPkg is the package key of the Pulumi Go SDK's core package.
const pulumiPkg = "#pulumi"

func (t *texpr) String() string {
	switch t.kind {
	case tBuiltin:
		return t.name
	case tNamed:
		if t.pkg == "" {
			return t.name
		}
		return t.pkg + "." + t.name
	case tPtr:
		return "*" + t.elem.String()
	case tSlice:
		return "[]" + t.elem.String()
	case tMap:
		return "map[string]" + t.elem.String()
	case tIface:
		return "interface{}"
	}
	return "?"
}

// field is a struct field with a `pulumi:"wire"` tag.
type field struct {
	goName string
	wire   string
	typ    *texpr
	doc    string
}

type structInfo struct {
	name      string
	fields    []field
	doc       string
	typesFile bool // declared in pulumiTypes*.go
	embedded  []*texpr
}

// defaultValue is what a NewX / config getter fills in when a value is missing.
type defaultValue struct {
	value any      // a literal default, or nil
	envs  []string // environment variables consulted
}

type resourceInfo struct {
	goName           string
	token            string
	newFunc          string
	argsType         string          // exported XArgs (pulumi.Input fields)
	stateType        string          // exported XState, from GetX
	requiredGo       map[string]bool // Go field names checked for nil with "invalid value for required argument"
	secretInputsGo   map[string]bool // Go field names wrapped with pulumi.ToSecret
	secretOutputs    []string        // wire names in pulumi.AdditionalSecretOutputs
	replaceOnChanges []string        // paths in pulumi.ReplaceOnChanges
	aliases          []string        // alias types
	defaultsGo       map[string]defaultValue
}

type functionInfo struct {
	goName     string
	token      string
	doc        string
	argsStruct string   // plain args struct ("" = no inputs)
	result     *texpr   // tNamed result struct, a scalar type (map[string]T in rv), or nil
	scalar     bool     // the result is not an object (rv is map[string]T)
	multiArgs  []string // Go parameter names, in order, when the function takes positional arguments
	multiField []string // the args struct fields these parameters fill
}

type methodInfo struct {
	receiver string // Go resource type
	goName   string
	token    string
	doc      string
	result   string // result struct
	argsType string // exported args type ("" = none)
}

type configVar struct {
	name   string // wire name (without the "pkg:" prefix)
	getter string // config.Get, GetBool, GetInt, GetFloat64, ...
	goType *texpr // the getter's result type
	doc    string
	deflt  *defaultValue
}

// pkgInfo is everything kept from one Go package of the SDK.
type pkgInfo struct {
	key       string          // "" for the root package, else the directory relative to the root
	goName    string          // the Go package name
	declared  map[string]bool // type names
	funcNames map[string]bool // top-level function names
	structs   map[string]*structInfo
	elemType  map[string]string // receiver type -> the struct its ElementType() reflects
	resources []*resourceInfo
	functions []*functionInfo
	methods   []*methodInfo
	config    []*configVar
	docFile   string // the package doc comment
	version   string // from internal/pulumiUtilities.go's semver.MustParse
	pluginURL string // pulumi.PluginDownloadURL("...")
	warnings  []string
}

// fileCtx resolves package names used in one file.
type fileCtx struct {
	pkg      *pkgInfo
	imports  map[string]string // local name -> import path
	rootPath string            // import path of the SDK's root package ("" = unknown yet)
}

func (c *fileCtx) warn(format string, args ...any) {
	c.pkg.warnings = append(c.pkg.warnings, fmt.Sprintf(format, args...))
}

// pkgKeyOf maps an import path to a package key.
func (c *fileCtx) pkgKeyOf(importPath string) string {
	switch {
	case importPath == pulumiImport:
		return pulumiPkg
	case c.rootPath != "" && importPath == c.rootPath:
		return ""
	case c.rootPath != "" && strings.HasPrefix(importPath, c.rootPath+"/"):
		return strings.TrimPrefix(importPath, c.rootPath+"/")
	}
	return "?" + importPath
}

func (c *fileCtx) typeExpr(e ast.Expr) *texpr {
	switch e := e.(type) {
	case *ast.Ident:
		switch e.Name {
		case "string", "int", "float64", "bool", "int64", "float32", "int32", "any", "byte":
			if e.Name == "any" {
				return &texpr{kind: tIface}
			}
			return &texpr{kind: tBuiltin, name: e.Name}
		}
		return &texpr{kind: tNamed, name: e.Name, pkg: c.pkg.key}
	case *ast.StarExpr:
		return &texpr{kind: tPtr, elem: c.typeExpr(e.X)}
	case *ast.ArrayType:
		return &texpr{kind: tSlice, elem: c.typeExpr(e.Elt)}
	case *ast.MapType:
		return &texpr{kind: tMap, elem: c.typeExpr(e.Value)}
	case *ast.InterfaceType:
		return &texpr{kind: tIface}
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok {
			p, ok := c.imports[x.Name]
			if !ok {
				return &texpr{kind: tNamed, name: e.Sel.Name, pkg: "?" + x.Name}
			}
			return &texpr{kind: tNamed, name: e.Sel.Name, pkg: c.pkgKeyOf(p)}
		}
	case *ast.ParenExpr:
		return c.typeExpr(e.X)
	}
	return &texpr{kind: tBuiltin, name: fmt.Sprintf("<unsupported %T>", e)}
}

// commentText turns a comment group into the text pulumi's generator printed it from: the comment
// markers and the single space after them are removed; blank lines at either end are dropped.
func commentText(groups ...*ast.CommentGroup) string {
	for _, g := range groups {
		if g == nil || len(g.List) == 0 {
			continue
		}
		var lines []string
		for _, c := range g.List {
			t := c.Text
			if strings.HasPrefix(t, "//") {
				t = strings.TrimPrefix(t, "//")
				t = strings.TrimPrefix(t, " ")
				lines = append(lines, strings.TrimRight(t, " \t\r"))
				continue
			}
			t = strings.TrimSuffix(strings.TrimPrefix(t, "/*"), "*/")
			for _, l := range strings.Split(t, "\n") {
				lines = append(lines, strings.TrimRight(l, " \t\r"))
			}
		}
		for len(lines) > 0 && lines[0] == "" {
			lines = lines[1:]
		}
		for len(lines) > 0 && lines[len(lines)-1] == "" {
			lines = lines[:len(lines)-1]
		}
		if len(lines) > 0 {
			return strings.Join(lines, "\n")
		}
	}
	return ""
}

// splitDeprecation separates a trailing "Deprecated: ..." paragraph (as printed by pulumi's Go
// generator after the description) from the description.
func splitDeprecation(text string) (desc, deprecation string) {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "Deprecated: ") && (i == 0 || lines[i-1] == "") {
			deprecation = strings.TrimPrefix(strings.Join(lines[i:], "\n"), "Deprecated: ")
			rest := lines[:i]
			for len(rest) > 0 && rest[len(rest)-1] == "" {
				rest = rest[:len(rest)-1]
			}
			return strings.Join(rest, "\n"), deprecation
		}
	}
	return text, ""
}

func stringLit(e ast.Expr) (string, bool) {
	if b, ok := e.(*ast.BasicLit); ok && b.Kind == token.STRING {
		s, err := strconv.Unquote(b.Value)
		return s, err == nil
	}
	return "", false
}

// literal evaluates a literal default value: "s", 1, 1.5, true/false, or pulumi.String("s") etc.
func literal(e ast.Expr) (any, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		switch e.Kind {
		case token.STRING:
			s, err := strconv.Unquote(e.Value)
			return s, err == nil
		case token.INT:
			i, err := strconv.ParseInt(e.Value, 0, 64)
			return i, err == nil
		case token.FLOAT:
			f, err := strconv.ParseFloat(e.Value, 64)
			return f, err == nil
		}
	case *ast.Ident:
		switch e.Name {
		case "true":
			return true, true
		case "false":
			return false, true
		}
	case *ast.UnaryExpr:
		if e.Op == token.SUB {
			if v, ok := literal(e.X); ok {
				switch v := v.(type) {
				case int64:
					return -v, true
				case float64:
					return -v, true
				}
			}
		}
	case *ast.CallExpr:
		// pulumi.String("x"), pulumi.StringPtr("x"), pulumi.Float64(1), ...
		if sel, ok := e.Fun.(*ast.SelectorExpr); ok && len(e.Args) == 1 {
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == "pulumi" {
				return literal(e.Args[0])
			}
		}
	}
	return nil, false
}

// isSel reports whether e is X.Sel with the given names (X == "" matches any identifier).
func isSel(e ast.Expr, x, sel string) bool {
	s, ok := e.(*ast.SelectorExpr)
	if !ok || s.Sel.Name != sel {
		return false
	}
	id, ok := s.X.(*ast.Ident)
	return ok && (x == "" || id.Name == x)
}

// argsField returns X for the expression args.X.
func argsField(e ast.Expr) (string, bool) {
	s, ok := e.(*ast.SelectorExpr)
	if !ok {
		return "", false
	}
	if id, ok := s.X.(*ast.Ident); ok && id.Name == "args" {
		return s.Sel.Name, true
	}
	return "", false
}

func stringSlice(e ast.Expr) []string {
	cl, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	var out []string
	for _, el := range cl.Elts {
		if s, ok := stringLit(el); ok {
			out = append(out, s)
		}
	}
	return out
}

// envDefault reads internal.GetEnvOrDefault(def, parser, "ENV", ...) anywhere under n.
func envDefault(n ast.Node) *defaultValue {
	var d *defaultValue
	ast.Inspect(n, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || d != nil || !isSel(call.Fun, "", "GetEnvOrDefault") || len(call.Args) < 2 {
			return d == nil
		}
		d = &defaultValue{}
		if v, ok := literal(call.Args[0]); ok {
			d.value = v
		}
		for _, a := range call.Args[2:] {
			if s, ok := stringLit(a); ok {
				d.envs = append(d.envs, s)
			}
		}
		return false
	})
	return d
}

// parsePackage parses the .go files of one directory.
func parsePackage(dir, key, rootPath string) (*pkgInfo, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	p := &pkgInfo{
		key:       key,
		declared:  map[string]bool{},
		funcNames: map[string]bool{},
		structs:   map[string]*structInfo{},
		elemType:  map[string]string{},
	}
	fset := token.NewFileSet()
	var names []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		f, err := parser.ParseFile(fset, filepath.Join(dir, n), nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("parsing %s: %w", filepath.Join(dir, n), err)
		}
		p.goName = f.Name.Name
		c := &fileCtx{pkg: p, imports: map[string]string{}, rootPath: rootPath}
		for _, imp := range f.Imports {
			ip, _ := strconv.Unquote(imp.Path.Value)
			local := path.Base(ip)
			if imp.Name != nil {
				local = imp.Name.Name
			}
			c.imports[local] = ip
		}
		if f.Doc != nil && p.docFile == "" {
			p.docFile = commentText(f.Doc)
		}
		c.file(f, strings.HasPrefix(n, "pulumiTypes"))
	}
	return p, nil
}

func (c *fileCtx) file(f *ast.File, typesFile bool) {
	p := c.pkg
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.GenDecl:
			if d.Tok != token.TYPE {
				continue
			}
			for _, spec := range d.Specs {
				ts := spec.(*ast.TypeSpec)
				p.declared[ts.Name.Name] = true
				st, ok := ts.Type.(*ast.StructType)
				if !ok {
					continue
				}
				doc := ts.Doc
				if doc == nil && len(d.Specs) == 1 {
					doc = d.Doc
				}
				s := &structInfo{name: ts.Name.Name, doc: commentText(doc), typesFile: typesFile}
				for _, fl := range st.Fields.List {
					if len(fl.Names) == 0 {
						s.embedded = append(s.embedded, c.typeExpr(fl.Type))
						continue
					}
					wire := ""
					if fl.Tag != nil {
						tag, _ := strconv.Unquote(fl.Tag.Value)
						wire, _ = reflect.StructTag(tag).Lookup("pulumi")
						wire, _, _ = strings.Cut(wire, ",")
					}
					for _, nm := range fl.Names {
						s.fields = append(s.fields, field{goName: nm.Name, wire: wire, typ: c.typeExpr(fl.Type), doc: commentText(fl.Doc)})
					}
				}
				p.structs[s.name] = s
			}
		case *ast.FuncDecl:
			c.funcDecl(d)
		}
	}
}

func recvName(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return ""
	}
	t := d.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

func (c *fileCtx) funcDecl(d *ast.FuncDecl) {
	p := c.pkg
	if d.Body == nil {
		return
	}
	recv := recvName(d)
	if recv == "" {
		p.funcNames[d.Name.Name] = true
	}
	if recv != "" {
		if d.Name.Name == "ElementType" {
			// return reflect.TypeOf((*T)(nil)).Elem() or reflect.TypeOf((**T)(nil)).Elem()
			ast.Inspect(d.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || !isSel(call.Fun, "reflect", "TypeOf") || len(call.Args) != 1 {
					return true
				}
				if conv, ok := call.Args[0].(*ast.CallExpr); ok {
					t := conv.Fun
					for {
						if par, ok := t.(*ast.ParenExpr); ok {
							t = par.X
						} else if st, ok := t.(*ast.StarExpr); ok {
							t = st.X
						} else {
							break
						}
					}
					if id, ok := t.(*ast.Ident); ok {
						p.elemType[recv] = id.Name
					}
				}
				return false
			})
			return
		}
		c.method(d, recv)
		return
	}
	// Top level functions: NewX (resources), invokes (functions), config getters.
	var registerTok, invokeTok string
	var invokeArgs ast.Expr
	var configCall *ast.CallExpr
	ast.Inspect(d.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		switch {
		case isSel(call.Fun, "ctx", "RegisterResource") && len(call.Args) >= 1:
			registerTok, _ = stringLit(call.Args[0])
		case isSel(call.Fun, "ctx", "Invoke") && len(call.Args) >= 2:
			invokeTok, _ = stringLit(call.Args[0])
			invokeArgs = call.Args[1]
		case isConfigGetter(call) && len(call.Args) >= 2 && configCall == nil:
			if _, ok := stringLit(call.Args[1]); ok {
				configCall = call
			}
		}
		return true
	})
	switch {
	case registerTok != "" && strings.HasPrefix(d.Name.Name, "New"):
		c.resource(d, registerTok)
	case invokeTok != "":
		c.function(d, invokeTok, invokeArgs)
	case configCall != nil:
		c.configVar(d, configCall)
	case d.Name.Name == "PkgResourceDefaultOpts":
		ast.Inspect(d.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if isSel(call.Fun, "semver", "MustParse") && len(call.Args) == 1 {
				p.version, _ = stringLit(call.Args[0])
			}
			if isSel(call.Fun, "pulumi", "PluginDownloadURL") && len(call.Args) == 1 {
				p.pluginURL, _ = stringLit(call.Args[0])
			}
			return true
		})
	}
}

func isConfigGetter(call *ast.CallExpr) bool {
	s, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := s.X.(*ast.Ident)
	if !ok || id.Name != "config" {
		return false
	}
	return strings.HasPrefix(s.Sel.Name, "Get") || strings.HasPrefix(s.Sel.Name, "Try")
}

func (c *fileCtx) resource(d *ast.FuncDecl, tok string) {
	r := &resourceInfo{
		token:          tok,
		newFunc:        d.Name.Name,
		requiredGo:     map[string]bool{},
		secretInputsGo: map[string]bool{},
		defaultsGo:     map[string]defaultValue{},
	}
	// func NewX(ctx *pulumi.Context, name string, args *XArgs, opts ...pulumi.ResourceOption) (*X, error)
	if res := d.Type.Results; res != nil && len(res.List) > 0 {
		if st, ok := res.List[0].Type.(*ast.StarExpr); ok {
			if id, ok := st.X.(*ast.Ident); ok {
				r.goName = id.Name
			}
		}
	}
	for _, prm := range d.Type.Params.List {
		for _, nm := range prm.Names {
			if nm.Name != "args" {
				continue
			}
			if st, ok := prm.Type.(*ast.StarExpr); ok {
				if id, ok := st.X.(*ast.Ident); ok {
					r.argsType = id.Name
				}
			}
		}
	}
	if r.goName == "" {
		c.warn("%s: cannot tell the resource type that %s returns", tok, d.Name.Name)
		return
	}
	ast.Inspect(d.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IfStmt:
			// if args.X == nil { return nil, errors.New("invalid value for required argument 'X'") }
			// if args.X == nil { if d := internal.GetEnvOrDefault(...); d != nil { args.X = ... } }
			// if args.X == nil { args.X = pulumi.StringPtr("default") }
			be, ok := n.Cond.(*ast.BinaryExpr)
			if !ok || be.Op != token.EQL {
				return true
			}
			name, ok := argsField(be.X)
			if !ok {
				return true
			}
			if id, ok := be.Y.(*ast.Ident); !ok || id.Name != "nil" {
				return true
			}
			required := false
			ast.Inspect(n.Body, func(m ast.Node) bool {
				if call, ok := m.(*ast.CallExpr); ok && isSel(call.Fun, "errors", "New") && len(call.Args) == 1 {
					if s, ok := stringLit(call.Args[0]); ok && strings.HasPrefix(s, "invalid value for required argument") {
						required = true
					}
				}
				return true
			})
			if required {
				r.requiredGo[name] = true
				return false
			}
			if dv := envDefault(n.Body); dv != nil {
				r.defaultsGo[name] = *dv
				return false
			}
			for _, st := range n.Body.List {
				if as, ok := st.(*ast.AssignStmt); ok && len(as.Lhs) == 1 && len(as.Rhs) == 1 {
					if lhs, ok := argsField(as.Lhs[0]); ok && lhs == name {
						if v, ok := literal(as.Rhs[0]); ok {
							r.defaultsGo[name] = defaultValue{value: v}
						}
					}
				}
			}
			return false
		case *ast.AssignStmt:
			// args.X = pulumi.ToSecret(args.X).(T)
			if len(n.Lhs) == 1 && len(n.Rhs) == 1 {
				if name, ok := argsField(n.Lhs[0]); ok {
					rhs := n.Rhs[0]
					if ta, ok := rhs.(*ast.TypeAssertExpr); ok {
						rhs = ta.X
					}
					if call, ok := rhs.(*ast.CallExpr); ok && isSel(call.Fun, "pulumi", "ToSecret") {
						r.secretInputsGo[name] = true
					}
				}
			}
		case *ast.CallExpr:
			switch {
			case isSel(n.Fun, "pulumi", "AdditionalSecretOutputs") && len(n.Args) == 1:
				r.secretOutputs = append(r.secretOutputs, stringSlice(n.Args[0])...)
			case isSel(n.Fun, "pulumi", "ReplaceOnChanges") && len(n.Args) == 1:
				r.replaceOnChanges = append(r.replaceOnChanges, stringSlice(n.Args[0])...)
			case isSel(n.Fun, "pulumi", "Aliases") && len(n.Args) == 1:
				// pulumi.Aliases([]pulumi.Alias{{Type: pulumi.String("tok")}, ...})
				if cl, ok := n.Args[0].(*ast.CompositeLit); ok {
					for _, el := range cl.Elts {
						alias, ok := el.(*ast.CompositeLit)
						if !ok {
							continue
						}
						for _, kv := range alias.Elts {
							kv, ok := kv.(*ast.KeyValueExpr)
							if !ok {
								continue
							}
							if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Type" {
								if v, ok := literal(kv.Value); ok {
									if s, ok := v.(string); ok {
										r.aliases = append(r.aliases, s)
									}
								}
							}
						}
					}
				}
			}
		}
		return true
	})
	c.pkg.resources = append(c.pkg.resources, r)
}

func (c *fileCtx) function(d *ast.FuncDecl, tok string, argsExpr ast.Expr) {
	f := &functionInfo{goName: d.Name.Name, token: tok, doc: commentText(d.Doc)}
	params := map[string]ast.Expr{}
	var order []string
	for _, prm := range d.Type.Params.List {
		for _, nm := range prm.Names {
			params[nm.Name] = prm.Type
			if nm.Name != "ctx" && nm.Name != "opts" && nm.Name != "args" {
				order = append(order, nm.Name)
			}
		}
	}
	// args, args.Defaults() or nil
	if call, ok := argsExpr.(*ast.CallExpr); ok && isSel(call.Fun, "args", "Defaults") {
		argsExpr = call.Fun.(*ast.SelectorExpr).X
	}
	if id, ok := argsExpr.(*ast.Ident); ok && id.Name == "args" {
		if t, ok := params["args"]; ok {
			if st, ok := t.(*ast.StarExpr); ok {
				t = st.X
			}
			if id, ok := t.(*ast.Ident); ok {
				f.argsStruct = id.Name
			}
		} else {
			// args := fooArgs{Id: id, ...}: the function takes positional arguments.
			ast.Inspect(d.Body, func(n ast.Node) bool {
				as, ok := n.(*ast.AssignStmt)
				if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
					return true
				}
				if lhs, ok := as.Lhs[0].(*ast.Ident); !ok || lhs.Name != "args" {
					return true
				}
				rhs := as.Rhs[0]
				if u, ok := rhs.(*ast.UnaryExpr); ok && u.Op == token.AND {
					rhs = u.X
				}
				cl, ok := rhs.(*ast.CompositeLit)
				if !ok {
					return true
				}
				if id, ok := cl.Type.(*ast.Ident); ok {
					f.argsStruct = id.Name
				}
				byParam := map[string]string{}
				for _, el := range cl.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						k, _ := kv.Key.(*ast.Ident)
						v, _ := kv.Value.(*ast.Ident)
						if k != nil && v != nil {
							byParam[v.Name] = k.Name
						}
					}
				}
				for _, prm := range order {
					if fld, ok := byParam[prm]; ok {
						f.multiArgs = append(f.multiArgs, prm)
						f.multiField = append(f.multiField, fld)
					}
				}
				return false
			})
		}
	}
	// var rv T
	ast.Inspect(d.Body, func(n ast.Node) bool {
		ds, ok := n.(*ast.DeclStmt)
		if !ok {
			return true
		}
		gd, ok := ds.Decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			return true
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			if len(vs.Names) == 1 && vs.Names[0].Name == "rv" && vs.Type != nil {
				switch t := vs.Type.(type) {
				case *ast.MapType:
					f.result = c.typeExpr(t.Value)
					f.scalar = true
				case *ast.StructType: // struct{}: no result
				default:
					f.result = c.typeExpr(t)
				}
			}
		}
		return true
	})
	c.pkg.functions = append(c.pkg.functions, f)
}

// method records a resource method (ctx.Call("tok", args, XOutput{}, r)).
func (c *fileCtx) method(d *ast.FuncDecl, recv string) {
	var m *methodInfo
	ast.Inspect(d.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || m != nil || !isSel(call.Fun, "ctx", "Call") || len(call.Args) < 3 {
			return m == nil
		}
		tok, ok := stringLit(call.Args[0])
		if !ok {
			return true
		}
		m = &methodInfo{receiver: recv, goName: d.Name.Name, token: tok, doc: commentText(d.Doc)}
		if cl, ok := call.Args[2].(*ast.CompositeLit); ok {
			if id, ok := cl.Type.(*ast.Ident); ok {
				m.result = strings.TrimSuffix(id.Name, "Output")
			}
		}
		if id, ok := call.Args[1].(*ast.Ident); ok && id.Name == "args" {
			for _, prm := range d.Type.Params.List {
				for _, nm := range prm.Names {
					if nm.Name == "args" {
						t := prm.Type
						if st, ok := t.(*ast.StarExpr); ok {
							t = st.X
						}
						if id, ok := t.(*ast.Ident); ok {
							m.argsType = id.Name
						}
					}
				}
			}
		}
		return false
	})
	if m != nil {
		c.pkg.methods = append(c.pkg.methods, m)
	}
}

func (c *fileCtx) configVar(d *ast.FuncDecl, call *ast.CallExpr) {
	key, _ := stringLit(call.Args[1])
	_, name, ok := strings.Cut(key, ":")
	if !ok {
		return
	}
	v := &configVar{name: name, getter: call.Fun.(*ast.SelectorExpr).Sel.Name, doc: commentText(d.Doc)}
	if res := d.Type.Results; res != nil && len(res.List) == 1 {
		v.goType = c.typeExpr(res.List[0].Type)
	}
	v.deflt = envDefault(d.Body)
	c.pkg.config = append(c.pkg.config, v)
}
