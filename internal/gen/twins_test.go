package gen

import (
	"reflect"
	"slices"
	"testing"

	"github.com/awsgen/awsgen/internal/ir"
	"github.com/awsgen/awsgen/internal/load"
)

func twinShape(name string, members ...*ir.Member) *ir.Shape {
	return &ir.Shape{ID: "ns#" + name, Name: name, GoName: name, Kind: ir.Structure, Members: members,
		Traits: ir.Traits{Doc: "<p>" + name + "</p>"}}
}

// Shapes are twins exactly when they differ in names and documentation only.
func TestTwinKey(t *testing.T) {
	str := &ir.Shape{ID: "ns#S", Name: "S", Kind: ir.String}
	other := &ir.Shape{ID: "ns#O", Name: "O", Kind: ir.String}
	mem := func(name string, target *ir.Shape, tr ir.Traits) *ir.Member {
		return &ir.Member{Name: name, GoName: name, Target: target, Traits: tr}
	}
	five := "5"
	base := func(name string) *ir.Shape {
		return twinShape(name, mem("A", str, ir.Traits{Doc: "a " + name, Required: true}), mem("B", str, ir.Traits{}))
	}
	a, b := base("Alpha"), base("Beta")
	variants := map[string]*ir.Shape{
		"member order":     twinShape("V1", mem("B", str, ir.Traits{}), mem("A", str, ir.Traits{Required: true})),
		"member target":    twinShape("V2", mem("A", str, ir.Traits{Required: true}), mem("B", other, ir.Traits{})),
		"member trait":     twinShape("V3", mem("A", str, ir.Traits{}), mem("B", str, ir.Traits{})),
		"member Go name":   twinShape("V4", mem("A", str, ir.Traits{Required: true}), &ir.Member{Name: "B", GoName: "B_", Target: str}),
		"member length":    twinShape("V5", mem("A", str, ir.Traits{Required: true}), mem("B", str, ir.Traits{Length: &ir.Bounds{Max: &five}})),
		"member default":   twinShape("V6", mem("A", str, ir.Traits{Required: true}), mem("B", str, ir.Traits{Default: &five})),
		"other trait":      twinShape("V7", mem("A", str, ir.Traits{Required: true}), mem("B", str, ir.Traits{Other: map[string]string{"x#y": "{}"}})),
		"fewer members":    twinShape("V8", mem("A", str, ir.Traits{Required: true})),
		"redacted":         base("V9"),
		"a union":          base("V10"),
		"an error":         base("V11"),
		"an input":         base("V12"),
		"shape sensitive":  base("V13"),
		"shape deprecated": base("V14"),
	}
	variants["a union"].Kind = ir.Union
	variants["an error"].Error = "client"
	variants["an input"].Input = true
	variants["shape sensitive"].Traits.Sensitive = true
	variants["shape deprecated"].Traits.Deprecated = true
	g := &generator{redactAll: map[*ir.Shape]bool{variants["redacted"]: true}}
	g.types = []*ir.Shape{a, b}
	for _, v := range variants {
		g.types = append(g.types, v)
	}
	g.m = &ir.Model{Shapes: append([]*ir.Shape{str, other}, g.types...)}
	g.findTwins()
	if g.twins[a] == nil || g.twins[a] != g.twins[b] {
		t.Fatalf("Alpha and Beta, alike but for names and docs, are not twins: %v %v", g.twins[a], g.twins[b])
	}
	if c := g.twins[a].shape; c.GoName != typePlaceholder || !slices.Equal(c.Members, a.Members) {
		t.Errorf("the set's shape is %+v, want Alpha named %s", c, typePlaceholder)
	}
	for what, v := range variants {
		if g.twins[v] != nil {
			t.Errorf("a shape differing in %s is a twin", what)
		}
	}
}

// appendTwinKey must read every field of the shapes, members and traits but those listed here
// as free to differ between twins; a field added to the IR must be added to appendTwinKey or here.
func TestTwinKeyCoversIR(t *testing.T) {
	read := map[reflect.Type][]string{
		reflect.TypeFor[ir.Shape](): {"ID", "Name", "Kind", "GoName", "Members", "Member", "Key", "Value",
			"EnumValues", "Traits", "Error", "ErrorCode", "HTTPStatus", "Input", "Output"},
		reflect.TypeFor[ir.Member](): {"Name", "GoName", "Target", "Traits"},
		reflect.TypeFor[ir.Traits](): {"Doc", "Required", "Default", "Sensitive", "Length", "Range", "Pattern",
			"Deprecated", "DeprecatedMessage", "IdempotencyToken", "TimestampFormat", "JSONName", "Sparse",
			"Streaming", "ClientOptional", "EnumValue", "Other"},
		reflect.TypeFor[ir.Bounds](): {"Min", "Max"},
	}
	for typ, names := range read {
		var fields []string
		for f := range typ.Fields() {
			fields = append(fields, f.Name)
		}
		if !slices.Equal(fields, names) {
			t.Errorf("%s has fields %v; appendTwinKey was written for %v", typ, fields, names)
		}
	}
}

// A model that spells a placeholder gets no splicing, and the same code as built plainly.
func TestPlaceholderInModel(t *testing.T) {
	for _, ph := range []string{typePlaceholder, memberPlaceholder, wirePlaceholder} {
		m, err := load.File("../../testdata/models/kitchensink.smithy.json")
		if err != nil {
			t.Fatal(err)
		}
		g, _, err := prepare(m, Options{Package: "p"})
		if err != nil {
			t.Fatal(err)
		}
		if g.pt == nil || len(g.twins) == 0 {
			t.Fatalf("the kitchen sink should be spliced: %v, %d twins", g.pt != nil, len(g.twins))
		}
		// Put the placeholder in an enum value, which string constants and the codec spell.
		found := false
		for _, s := range m.Shapes {
			if len(s.EnumValues) > 0 {
				s.EnumValues[0].Value = "x" + ph
				found = true
				break
			}
		}
		if !found {
			t.Fatal("no enum in the kitchen sink")
		}
		g, _, err = prepare(m, Options{Package: "p"})
		if err != nil {
			t.Fatal(err)
		}
		if g.pt != nil || g.twins != nil {
			t.Errorf("a model that spells %s is still spliced", ph)
		}
		st, err := NewStages(m, Options{Package: "p"})
		if err != nil {
			t.Fatal(err)
		}
		if err := st.CheckChunked(chunkSize); err != nil {
			t.Errorf("%s: %v", ph, err)
		}
		if err := st.CheckGenerate(); err != nil {
			t.Errorf("%s: %v", ph, err)
		}
	}
}
