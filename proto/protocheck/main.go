// Command protocheck compares the .proto files of pulumi-cpp against the
// descriptors that Pulumi's Go SDK registers, so that our own protocol
// definitions stay wire-compatible with the pinned Pulumi release.
//
// Usage: protocheck <descriptor-set.pb>
//
// The descriptor set must be produced by
// `protoc --include_imports --descriptor_set_out=...` from our protos.
// Only elements we define under pulumi/ are checked; upstream elements that
// we do not define are not errors.
package main

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protodesc"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"
	"google.golang.org/protobuf/types/descriptorpb"

	// Register Pulumi's descriptors in protoregistry.GlobalFiles.
	_ "github.com/pulumi/pulumi/sdk/v3/proto/go"
	_ "github.com/pulumi/pulumi/sdk/v3/proto/go/codegen"
	_ "github.com/pulumi/pulumi/sdk/v3/proto/go/testing"
)

type checker struct {
	upstream   *protoregistry.Files
	mismatches int
	messages   int
	// info counters: upstream elements (inside things we define) that we omit
	omittedFields, omittedValues, omittedMethods int
}

func (c *checker) fail(format string, args ...any) {
	c.mismatches++
	fmt.Printf("MISMATCH "+format+"\n", args...)
}

// findUpstream looks up a full name upstream and checks its kind.
func findUpstream[T protoreflect.Descriptor](c *checker, what string, ours protoreflect.Descriptor) (T, bool) {
	var zero T
	d, err := c.upstream.FindDescriptorByName(ours.FullName())
	if err != nil {
		c.fail("%s %s: not defined upstream", what, ours.FullName())
		return zero, false
	}
	t, ok := d.(T)
	if !ok {
		c.fail("%s %s: upstream it is a different kind of element (%T)", what, ours.FullName(), d)
		return zero, false
	}
	if ours.ParentFile().Path() != d.ParentFile().Path() {
		c.fail("%s %s: defined in %s, upstream in %s", what, ours.FullName(),
			ours.ParentFile().Path(), d.ParentFile().Path())
	}
	return t, true
}

func label(f protoreflect.FieldDescriptor) string {
	switch {
	case f.IsMap():
		return "map"
	case f.IsList():
		return "repeated"
	case f.HasOptionalKeyword():
		return "optional"
	case f.Cardinality() == protoreflect.Required:
		return "required"
	}
	return "singular"
}

// typeString describes a field's type; maps are described by key and value.
func typeString(f protoreflect.FieldDescriptor) string {
	if f.IsMap() {
		return fmt.Sprintf("map<%s, %s>", typeString(f.MapKey()), typeString(f.MapValue()))
	}
	switch f.Kind() {
	case protoreflect.MessageKind, protoreflect.GroupKind:
		return fmt.Sprintf("%s %s", f.Kind(), f.Message().FullName())
	case protoreflect.EnumKind:
		return fmt.Sprintf("enum %s", f.Enum().FullName())
	}
	return f.Kind().String()
}

func oneofName(f protoreflect.FieldDescriptor) string {
	if o := f.ContainingOneof(); o != nil && !o.IsSynthetic() {
		return string(o.Name())
	}
	return ""
}

func (c *checker) checkField(ours, theirs protoreflect.FieldDescriptor) {
	name := ours.FullName()
	if ours.Number() != theirs.Number() {
		c.fail("field %s: number ours=%d theirs=%d", name, ours.Number(), theirs.Number())
	}
	if a, b := typeString(ours), typeString(theirs); a != b {
		c.fail("field %s: type ours=%s theirs=%s", name, a, b)
	}
	if a, b := label(ours), label(theirs); a != b {
		c.fail("field %s: label ours=%s theirs=%s", name, a, b)
	}
	if a, b := oneofName(ours), oneofName(theirs); a != b {
		c.fail("field %s: oneof ours=%q theirs=%q", name, a, b)
	}
}

func (c *checker) checkMessage(ours protoreflect.MessageDescriptor) {
	if ours.IsMapEntry() {
		return // synthesized; checked through the map field's key/value types
	}
	c.messages++
	theirs, ok := findUpstream[protoreflect.MessageDescriptor](c, "message", ours)
	if ok {
		seen := map[protoreflect.Name]bool{}
		for i := 0; i < ours.Fields().Len(); i++ {
			f := ours.Fields().Get(i)
			seen[f.Name()] = true
			tf := theirs.Fields().ByName(f.Name())
			if tf == nil {
				if other := theirs.Fields().ByNumber(f.Number()); other != nil {
					c.fail("field %s: not defined upstream (upstream number %d is %q)",
						f.FullName(), f.Number(), other.Name())
				} else {
					c.fail("field %s: not defined upstream", f.FullName())
				}
				continue
			}
			c.checkField(f, tf)
		}
		for i := 0; i < theirs.Fields().Len(); i++ {
			if !seen[theirs.Fields().Get(i).Name()] {
				c.omittedFields++
			}
		}
	}
	for i := 0; i < ours.Enums().Len(); i++ {
		c.checkEnum(ours.Enums().Get(i))
	}
	for i := 0; i < ours.Messages().Len(); i++ {
		c.checkMessage(ours.Messages().Get(i))
	}
}

func (c *checker) checkEnum(ours protoreflect.EnumDescriptor) {
	theirs, ok := findUpstream[protoreflect.EnumDescriptor](c, "enum", ours)
	if !ok {
		return
	}
	for i := 0; i < ours.Values().Len(); i++ {
		v := ours.Values().Get(i)
		tv := theirs.Values().ByName(v.Name())
		if tv == nil {
			c.fail("enum value %s.%s: not defined upstream", ours.FullName(), v.Name())
			continue
		}
		if v.Number() != tv.Number() {
			c.fail("enum value %s.%s: number ours=%d theirs=%d", ours.FullName(), v.Name(), v.Number(), tv.Number())
		}
	}
	c.omittedValues += max(0, theirs.Values().Len()-ours.Values().Len())
}

func (c *checker) checkService(ours protoreflect.ServiceDescriptor) {
	theirs, ok := findUpstream[protoreflect.ServiceDescriptor](c, "service", ours)
	if !ok {
		return
	}
	for i := 0; i < ours.Methods().Len(); i++ {
		m := ours.Methods().Get(i)
		tm := theirs.Methods().ByName(m.Name())
		if tm == nil {
			c.fail("rpc %s: not defined upstream", m.FullName())
			continue
		}
		if a, b := m.Input().FullName(), tm.Input().FullName(); a != b {
			c.fail("rpc %s: input ours=%s theirs=%s", m.FullName(), a, b)
		}
		if a, b := m.Output().FullName(), tm.Output().FullName(); a != b {
			c.fail("rpc %s: output ours=%s theirs=%s", m.FullName(), a, b)
		}
		if a, b := m.IsStreamingClient(), tm.IsStreamingClient(); a != b {
			c.fail("rpc %s: client streaming ours=%v theirs=%v", m.FullName(), a, b)
		}
		if a, b := m.IsStreamingServer(), tm.IsStreamingServer(); a != b {
			c.fail("rpc %s: server streaming ours=%v theirs=%v", m.FullName(), a, b)
		}
	}
	c.omittedMethods += max(0, theirs.Methods().Len()-ours.Methods().Len())
}

func run(path string) (int, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return 2, err
	}
	var set descriptorpb.FileDescriptorSet
	if err := proto.Unmarshal(raw, &set); err != nil {
		return 2, fmt.Errorf("parse %s: %w", path, err)
	}
	ours, err := protodesc.NewFiles(&set)
	if err != nil {
		return 2, fmt.Errorf("resolve %s: %w", path, err)
	}

	var files []protoreflect.FileDescriptor
	ours.RangeFiles(func(fd protoreflect.FileDescriptor) bool {
		if strings.HasPrefix(fd.Path(), "pulumi/") {
			files = append(files, fd)
		}
		return true
	})
	sort.Slice(files, func(i, j int) bool { return files[i].Path() < files[j].Path() })
	if len(files) == 0 {
		return 2, fmt.Errorf("%s: no pulumi/*.proto files in the descriptor set", path)
	}

	c := &checker{upstream: protoregistry.GlobalFiles}
	for _, fd := range files {
		if theirs, err := c.upstream.FindFileByPath(fd.Path()); err != nil {
			c.fail("file %s: no such file upstream", fd.Path())
		} else if fd.Package() != theirs.Package() {
			c.fail("file %s: package ours=%s theirs=%s", fd.Path(), fd.Package(), theirs.Package())
		}
		for i := 0; i < fd.Messages().Len(); i++ {
			c.checkMessage(fd.Messages().Get(i))
		}
		for i := 0; i < fd.Enums().Len(); i++ {
			c.checkEnum(fd.Enums().Get(i))
		}
		for i := 0; i < fd.Services().Len(); i++ {
			c.checkService(fd.Services().Get(i))
		}
	}

	fmt.Printf("info: %d files; upstream elements we omit: %d fields, %d enum values, %d rpcs\n",
		len(files), c.omittedFields, c.omittedValues, c.omittedMethods)
	fmt.Printf("protos: %d messages checked, %d mismatches\n", c.messages, c.mismatches)
	if c.mismatches > 0 {
		return 1, nil
	}
	return 0, nil
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: protocheck <descriptor-set.pb>")
		os.Exit(2)
	}
	code, err := run(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "protocheck:", err)
	}
	os.Exit(code)
}
