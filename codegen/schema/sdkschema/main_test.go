package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// go test -update rewrites testdata/expected.json from the fixture SDK.
var update = flag.Bool("update", false, "rewrite testdata/expected.json")

const fixture = "testdata/sdk/go/gcp"

func fixtureSchema(t *testing.T) (*PackageSpec, []string) {
	t.Helper()
	pkg, warnings, err := run(fixture, "github.com/pulumi/pulumi-gcp/sdk/v9@v9.37.0")
	if err != nil {
		t.Fatal(err)
	}
	return pkg, warnings
}

// TestGolden compares the whole schema of the fixture SDK with testdata/expected.json.
func TestGolden(t *testing.T) {
	pkg, _ := fixtureSchema(t)
	got, err := encode(pkg)
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "expected.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("schema differs from %s at line %d:\n got: %s\nwant: %s\n(go test -update rewrites it)", golden, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("schema differs from %s in length: %d lines, want %d (go test -update rewrites it)", golden, len(gl), len(wl))
	}
	// The output is deterministic.
	again, _ := fixtureSchema(t)
	if b, _ := encode(again); !bytes.Equal(b, got) {
		t.Fatal("two runs wrote different schemas")
	}
}

func TestWarnings(t *testing.T) {
	_, warnings := fixtureSchema(t)
	want := []string{"1 object types of the SDK are used by no resource, function or config variable (not written)"}
	if !reflect.DeepEqual(warnings, want) {
		t.Errorf("warnings = %q, want %q", warnings, want)
	}
}

// roundTrip returns the schema as generic JSON, as a consumer would read it.
func roundTrip(t *testing.T, pkg *PackageSpec) map[string]any {
	t.Helper()
	b, err := encode(pkg)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func get(t *testing.T, v any, path ...string) any {
	t.Helper()
	for _, p := range path {
		m, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("%s: not an object", strings.Join(path, "/"))
		}
		v, ok = m[p]
		if !ok {
			t.Fatalf("%s: no %q", strings.Join(path, "/"), p)
		}
	}
	return v
}

func TestFixtureDetails(t *testing.T) {
	pkg, _ := fixtureSchema(t)
	m := roundTrip(t, pkg)
	const di = "gcp:sql/databaseInstance:DatabaseInstance"
	checks := []struct {
		path []string
		want any
	}{
		{[]string{"name"}, "gcp"},
		{[]string{"version"}, "9.37.0"},
		{[]string{"meta", "moduleFormat"}, "(.*)(?:/[^/]*)"},
		// required inputs: nil checks (also of a map), not only value fields
		{[]string{"resources", di, "requiredInputs"}, []any{"databaseVersion", "labels"}},
		// required outputs: no Ptr/Array/Map suffix
		{[]string{"resources", di, "required"}, []any{"databaseVersion", "firstIpAddress", "nodeCount", "settings"}},
		{[]string{"resources", di, "inputProperties", "settings", "$ref"}, "#/types/gcp:sql/DatabaseInstanceSettings:DatabaseInstanceSettings"},
		{[]string{"resources", di, "inputProperties", "rootPassword", "secret"}, true},
		{[]string{"resources", di, "properties", "serverCaCerts", "secret"}, true},
		{[]string{"resources", di, "stateInputs", "properties", "rootPassword", "secret"}, true},
		{[]string{"resources", di, "properties", "firstIpAddress", "deprecationMessage"}, "firstIpAddress is deprecated and will be removed in a future major release."},
		{[]string{"resources", di, "properties", "firstIpAddress", "description"}, "The first IPv4 address of any type assigned."},
		{[]string{"resources", di, "properties", "weight", "type"}, "number"},
		{[]string{"resources", di, "properties", "nodeCount", "type"}, "integer"},
		{[]string{"resources", "gcp:sql/user:User", "aliases"}, []any{map[string]any{"type": "gcp:sql/sqlUser:SqlUser"}}},
		{[]string{"resources", "gcp:sql/user:User", "deprecationMessage"}, "gcp.sql.User has been deprecated in favor of gcp.sql.DatabaseUser"},
		{[]string{"resources", "gcp:sql/user:User", "properties", "password", "secret"}, true},
		// a type renamed DatabaseInstanceType by the Go generator keeps its schema name
		{[]string{"resources", "gcp:sql/database:Database", "properties", "instances", "items", "$ref"}, "#/types/gcp:sql/DatabaseInstance:DatabaseInstance"},
		// a reference to another module's type, assets, Any, map of arrays, a literal default
		{[]string{"resources", "gcp:compute/instance:Instance", "inputProperties", "settings", "$ref"}, "#/types/gcp:sql/DatabaseInstanceSettings:DatabaseInstanceSettings"},
		{[]string{"resources", "gcp:compute/instance:Instance", "inputProperties", "source", "$ref"}, "pulumi.json#/Asset"},
		{[]string{"resources", "gcp:compute/instance:Instance", "properties", "code", "$ref"}, "pulumi.json#/Archive"},
		{[]string{"resources", "gcp:compute/instance:Instance", "properties", "metadata", "$ref"}, "pulumi.json#/Any"},
		{[]string{"resources", "gcp:compute/instance:Instance", "properties", "tags", "additionalProperties", "items", "type"}, "string"},
		{[]string{"resources", "gcp:compute/instance:Instance", "inputProperties", "zone", "default"}, "us-central1-a"},
		{[]string{"resources", "gcp:compute/instance:Instance", "requiredInputs"}, []any{"source"}},
		// types: value fields are required, pointers, slices and maps are not
		{[]string{"types", "gcp:sql/DatabaseInstanceSettings:DatabaseInstanceSettings", "required"}, []any{"tier"}},
		{[]string{"types", "gcp:sql/DatabaseInstanceSettings:DatabaseInstanceSettings", "properties", "edition", "deprecationMessage"}, "edition is deprecated."},
		{[]string{"types", "gcp:sql/getDatabaseInstanceSetting:getDatabaseInstanceSetting", "properties", "databaseFlags", "items", "$ref"}, "#/types/gcp:sql/getDatabaseInstanceSettingDatabaseFlag:getDatabaseInstanceSettingDatabaseFlag"},
		{[]string{"types", "gcp:config/batching:batching", "type"}, "object"},
		// functions
		{[]string{"functions", "gcp:sql/getDatabaseInstance:getDatabaseInstance", "inputs", "required"}, []any{"name"}},
		{[]string{"functions", "gcp:sql/getDatabaseInstance:getDatabaseInstance", "outputs", "required"}, []any{"databaseVersion", "id", "name"}},
		{[]string{"functions", "gcp:sql/getTiers:getTiers", "deprecationMessage"}, "getTiers is deprecated."},
		{[]string{"functions", "gcp:index/locationFromId:locationFromId", "multiArgumentInputs"}, []any{"id"}},
		{[]string{"functions", "gcp:index/locationFromId:locationFromId", "outputs"}, map[string]any{"type": "string"}},
		{[]string{"functions", "pulumi:providers:gcp/terraformConfig", "inputs", "properties", "__self__", "$ref"}, "#/resources/pulumi:providers:gcp"},
		// provider and config
		{[]string{"provider", "methods", "terraformConfig"}, "pulumi:providers:gcp/terraformConfig"},
		{[]string{"provider", "inputProperties", "accessToken", "secret"}, true},
		{[]string{"provider", "inputProperties", "project", "defaultInfo", "environment"}, []any{"GOOGLE_PROJECT", "GCLOUD_PROJECT"}},
		{[]string{"config", "variables", "project", "type"}, "string"},
		{[]string{"config", "variables", "accessToken", "secret"}, true},
		{[]string{"config", "variables", "batching", "$ref"}, "#/types/gcp:config/batching:batching"},
		{[]string{"config", "variables", "scopes", "items", "type"}, "string"},
		{[]string{"config", "variables", "pollInterval", "type"}, "integer"},
		{[]string{"config", "variables", "disableGlobalProjectWarning", "default"}, false},
		{[]string{"config", "variables", "scopes", "deprecationMessage"}, "use scopes on the provider instead"},
	}
	for _, c := range checks {
		if got := get(t, m, c.path...); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s = %#v, want %#v", strings.Join(c.path, " / "), got, c.want)
		}
	}
	for _, absent := range []string{"gcp:sql/UnusedThing:UnusedThing", "gcp:sql/DatabaseInstanceType:DatabaseInstanceType"} {
		if _, ok := pkg.Types[absent]; ok {
			t.Errorf("type %s should not be written", absent)
		}
	}
	if _, ok := pkg.Resources["pulumi:providers:gcp"]; ok {
		t.Error("the provider is written as a resource")
	}
	if !strings.Contains(pkg.Description, "reconstructed from the Go SDK github.com/pulumi/pulumi-gcp/sdk/v9@v9.37.0 by codegen/schema/sdkschema") {
		t.Errorf("description = %q", pkg.Description)
	}
}

// checkRefs fails on any $ref that does not resolve.
func checkRefs(t *testing.T, pkg *PackageSpec) int {
	t.Helper()
	m := roundTrip(t, pkg)
	types := m["types"].(map[string]any)
	resources := m["resources"].(map[string]any)
	n := 0
	var walk func(v any, at string)
	walk = func(v any, at string) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if k != "$ref" {
					walk(x, at+"/"+k)
					continue
				}
				n++
				ref := x.(string)
				switch {
				case strings.HasPrefix(ref, "#/types/"):
					if _, ok := types[strings.TrimPrefix(ref, "#/types/")]; !ok {
						t.Errorf("%s: dangling %s", at, ref)
					}
				case strings.HasPrefix(ref, "#/resources/"):
					tok := strings.TrimPrefix(ref, "#/resources/")
					if _, ok := resources[tok]; !ok && !(tok == "pulumi:providers:"+pkg.Name && pkg.Provider != nil) {
						t.Errorf("%s: dangling %s", at, ref)
					}
				case ref == "pulumi.json#/Any" || ref == "pulumi.json#/Asset" || ref == "pulumi.json#/Archive":
				default:
					t.Errorf("%s: unexpected %s", at, ref)
				}
			}
		case []any:
			for _, x := range v {
				walk(x, at)
			}
		}
	}
	walk(m, "")
	return n
}

func TestRefsResolve(t *testing.T) {
	pkg, _ := fixtureSchema(t)
	if n := checkRefs(t, pkg); n == 0 {
		t.Error("no $ref checked")
	}
}

// SDKSCHEMA_SDK=<module>/go/gcp go test -run TestRealSDK checks a real SDK: no warnings, and every
// $ref resolves.
func TestRealSDK(t *testing.T) {
	dir := os.Getenv("SDKSCHEMA_SDK")
	if dir == "" {
		t.Skip("SDKSCHEMA_SDK is not set")
	}
	pkg, warnings, err := run(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range warnings {
		t.Errorf("warning: %s", w)
	}
	t.Logf("%s; %d $refs", summary(pkg), checkRefs(t, pkg))
}

func TestSplitDeprecation(t *testing.T) {
	for _, c := range []struct{ in, desc, dep string }{
		{"Text.", "Text.", ""},
		{"Text.\n\nDeprecated: gone", "Text.", "gone"},
		{"Deprecated: gone\nreally", "", "gone\nreally"},
		{"Text.\nDeprecated: not a paragraph", "Text.\nDeprecated: not a paragraph", ""},
	} {
		desc, dep := splitDeprecation(c.in)
		if desc != c.desc || dep != c.dep {
			t.Errorf("splitDeprecation(%q) = %q, %q; want %q, %q", c.in, desc, dep, c.desc, c.dep)
		}
	}
}

func TestOutputTexpr(t *testing.T) {
	r := &resolver{pkgs: map[string]*pkgInfo{
		"sql": {key: "sql", declared: map[string]bool{"Settings": true, "SettingsOutput": true, "FlagArray": true, "FlagArrayOutput": true},
			structs: map[string]*structInfo{"Settings": {typesFile: true}, "FlagArray": {typesFile: true}}},
	}}
	for _, c := range []struct {
		pkg, name, want string
	}{
		{pulumiPkg, "StringOutput", "string"},
		{pulumiPkg, "StringPtrOutput", "*string"},
		{pulumiPkg, "StringArrayMapOutput", "map[string][]string"},
		{pulumiPkg, "IntMapArrayOutput", "[]map[string]int"},
		{pulumiPkg, "MapOutput", "map[string]interface{}"},
		{pulumiPkg, "ArrayOutput", "[]interface{}"},
		{pulumiPkg, "AnyOutput", "interface{}"},
		{pulumiPkg, "AssetOrArchiveOutput", pulumiPkg + ".AssetOrArchive"},
		{"sql", "SettingsPtrOutput", "*sql.Settings"},
		{"sql", "SettingsArrayArrayOutput", "[][]sql.Settings"},
		{"sql", "FlagArrayOutput", "sql.FlagArray"}, // a type whose name ends in Array
		{"sql", "FlagArrayArrayOutput", "[]sql.FlagArray"},
	} {
		got, ok := r.outputTexpr(&texpr{kind: tNamed, pkg: c.pkg, name: c.name})
		if !ok || got.String() != c.want {
			t.Errorf("outputTexpr(%s.%s) = %v, %v; want %s", c.pkg, c.name, got, ok, c.want)
		}
	}
	if _, ok := r.outputTexpr(&texpr{kind: tNamed, pkg: "sql", name: "NopeOutput"}); ok {
		t.Error("outputTexpr accepted an unknown type")
	}
}
