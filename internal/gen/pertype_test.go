package gen

import (
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/awsgen/awsgen/internal/ir"
	"github.com/awsgen/awsgen/internal/load"
)

// perTypeFile builds a file the way renderRaw does: top-level code, then the per-type
// declarations of each name in names (a String method using fmt), then more code.
func perTypeFile(g *generator, names ...string) *jen.File {
	f := g.newFile()
	f.Func().Id("before").Params().Block(jen.Qual("strings", "ToUpper").Call(jen.Lit("x")))
	for _, t := range names {
		g.perType(f, "test", t, func(f *jen.File, t string) {
			f.Comment("String prints " + t + ".")
			f.Func().Params(jen.Id("v").Op("*").Id(t)).Id("String").Params().String().Block(
				jen.Return(jen.Qual("fmt", "Sprint").Call(jen.Lit(t), jen.Id("print"+t).Call(jen.Id("v")))),
			)
		})
	}
	f.Func().Id("after").Params().Block()
	return f
}

// checkSpliced splices spl into raw, fails unless that gives want, and returns it.
func checkSpliced(t *testing.T, raw []byte, spl *splices, want []byte) []byte {
	t.Helper()
	got, err := splice(raw, spl)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("spliced:\n%s\nwant:\n%s", got, want)
	}
	return got
}

func newTestGenerator() *generator {
	return &generator{opt: Options{Package: "p"}, pt: &perTypeCache{m: map[string]*perTypeText{}}}
}

// Splicing gives the bytes of building every type's declarations in place, imports
// included, and builds them once.
func TestPerTypeSplice(t *testing.T) {
	names := []string{"Alpha", "B", "LongerName_2"}
	plain := newTestGenerator()
	want, err := renderUnformatted(perTypeFile(plain, names...))
	if err != nil {
		t.Fatal(err)
	}
	g := newTestGenerator()
	g.spl = &splices{}
	f := perTypeFile(g, names...)
	if len(g.spl.texts) != len(names) || len(g.pt.m) != 1 {
		t.Fatalf("%d splices, %d renderings; want %d and 1", len(g.spl.texts), len(g.pt.m), len(names))
	}
	raw, err := renderUnformatted(f)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), `"fmt"`) {
		t.Fatalf("fmt imported before splicing:\n%s", raw)
	}
	got := checkSpliced(t, raw, g.spl, want)
	for _, n := range names {
		if !strings.Contains(string(got), "print"+n) || !strings.Contains(string(got), `"`+n+`"`) {
			t.Errorf("%s not put into every place of the placeholder", n)
		}
	}
	if strings.Contains(string(got), typePlaceholder) {
		t.Error("placeholder left in the output")
	}
}

// A name that is not a plain identifier is built in place, not spliced.
func TestPerTypeOddName(t *testing.T) {
	g := newTestGenerator()
	g.spl = &splices{}
	perTypeFile(g, "Ünïcode")
	if len(g.spl.texts) != 0 {
		t.Errorf("%d splices for a non-ASCII name", len(g.spl.texts))
	}
}

// A rendering whose markers do not match its splices is an error, not wrong output.
func TestSpliceMarkers(t *testing.T) {
	g := newTestGenerator()
	g.spl = &splices{}
	raw, err := renderUnformatted(perTypeFile(g, "A", "B"))
	if err != nil {
		t.Fatal(err)
	}
	short := &splices{texts: g.spl.texts[:1], names: g.spl.names[:1]}
	if _, err := splice(raw, short); err == nil || !strings.Contains(err.Error(), "more markers") {
		t.Errorf("more markers than splices: %v", err)
	}
	long := &splices{texts: append(g.spl.texts, g.spl.texts[0]), names: append(g.spl.names, []string{"C"})}
	if _, err := splice(raw, long); err == nil || !strings.Contains(err.Error(), "2 markers for 3") {
		t.Errorf("fewer markers than splices: %v", err)
	}
	if got, err := splice(raw, nil); err != nil || string(got) != string(raw) {
		t.Errorf("no splices changed the rendering: %v", err)
	}
}

// The generator splices what it should: on Cognito, every structure's String quartet,
// Validate pair, MarshalJSON and UnmarshalJSON come from one rendering each, the methods of
// twins from one rendering per set, and the members' printing, validation, encoding,
// decoding, comparison and copying in the other structures from member fragments, shared
// by alike members.
func TestPerTypeUsed(t *testing.T) {
	models := genTestModels(t)
	m, err := load.File(models[len(models)-1])
	if err != nil {
		t.Fatal(err)
	}
	g, todo, err := prepare(m, Options{Package: "p"})
	if err != nil {
		t.Fatal(err)
	}
	twins, members := 0, 0 // members of the structures and unions without twins
	for _, s := range g.types {
		if g.twins[s] != nil {
			twins++
		} else {
			members += len(s.Members)
		}
	}
	if twins < len(g.types)/4 {
		t.Errorf("%d of %d structures have twins; Cognito has many more", twins, len(g.types))
	}
	for _, e := range todo {
		v := *g
		v.spl = &splices{}
		e.emit(&v, v.newFile())
		typeSplices, memberSplices := 0, 0
		fragments := map[*perTypeText]bool{}
		for _, pt := range v.spl.texts {
			if len(pt.olds) == len(memberOlds) {
				memberSplices++
				fragments[pt] = true
			} else {
				typeSplices++
			}
		}
		// perType once per structure and union, perShape once more for each twin; a twin's
		// codec is one perShape, MarshalJSON and UnmarshalJSON inside it.
		want, wantMembers := 0, 0
		switch e.file {
		case "string.go":
			want, wantMembers = len(g.types)+twins, members
		case "validate.go":
			// Members with nothing to check have an empty fragment, left out.
			want, wantMembers = len(g.types)+twins, -1
		case "codec.go":
			want, wantMembers = 2*len(g.types)-twins, 2*members // encoding and decoding
		case "equal.go":
			want, wantMembers = twins, members
		case "clone.go":
			// Members copied with the structure (scalars) have an empty fragment.
			want, wantMembers = twins, -1
		}
		if want > 0 && typeSplices != want {
			t.Errorf("%s: %d per-type splices, want %d", e.file, typeSplices, want)
		}
		switch {
		case wantMembers > 0 && memberSplices != wantMembers:
			t.Errorf("%s: %d member splices, want %d", e.file, memberSplices, wantMembers)
		case wantMembers < 0 && (memberSplices == 0 || memberSplices > members):
			t.Errorf("%s: %d member splices, want 1 to %d", e.file, memberSplices, members)
		case wantMembers != 0 && 2*len(fragments) > memberSplices:
			t.Errorf("%s: %d member fragments for %d members: alike members should share them", e.file, len(fragments), memberSplices)
		}
	}
	for _, key := range []string{"string", "validate", "marshal", "unmarshal", "default", "clone#0", "equal#0", "print#0", "codec#0"} {
		if g.pt.m[key] == nil {
			t.Errorf("no per-type rendering %q", key)
		}
	}
}

// memberFile builds a function of type t whose body has, per member, the statements a
// member fragment writes (one using math, in an if block), and nothing for members of a
// target named Empty.
func memberFile(g *generator, t string, members ...*ir.Member) *jen.File {
	f := g.newFile()
	f.Func().Params(jen.Id("v").Op("*").Id(t)).Id("m").Params().BlockFunc(func(b *jen.Group) {
		b.Id("start").Op(":=").Lit(0)
		for _, m := range members {
			g.perMember(b, "test", t, m, func(b *jen.Group, t, field, wire string) {
				if m.Target.GoName == "Empty" {
					return
				}
				b.If(jen.Id("v." + field).Op("!=").Nil()).Block(
					jen.Id("use").Call(jen.Lit(wire), jen.Lit(field), jen.Id("store"+t), jen.Qual("math", "Abs").Call(jen.Lit(1.5))),
				)
				b.Id("x").Op("=").Lit(wire + ":")
			})
		}
		b.Return()
	})
	return f
}

// Member fragments give the bytes of building each member's statements in place, imports
// included: alike members share one rendering, each with its names put in (in identifiers
// and string literals), a member with an empty fragment leaves nothing, and one whose names
// are not plain identifiers is built in place.
func TestPerMember(t *testing.T) {
	target, empty := &ir.Shape{ID: "t#S", Kind: ir.String, GoName: "S"}, &ir.Shape{ID: "t#E", Kind: ir.String, GoName: "Empty"}
	mem := func(goName, wire string, target *ir.Shape) *ir.Member {
		return &ir.Member{Name: wire, GoName: goName, Target: target}
	}
	members := []*ir.Member{mem("Alpha", "alpha", target), mem("B", "b_2", target), mem("Skip", "skipped", empty), mem("Odd", "odd-name", target), mem("LongerName", "LongerName", target)}
	want, err := renderUnformatted(memberFile(newTestGenerator(), "Typ", members...))
	if err != nil {
		t.Fatal(err)
	}
	g := newTestGenerator()
	g.spl = &splices{}
	f := memberFile(g, "Typ", members...)
	// Alpha, B and LongerName share a rendering; Skip's is empty; Odd is built in place.
	if len(g.spl.texts) != 3 || len(g.pt.m) != 2 {
		t.Fatalf("%d splices, %d renderings; want 3 and 2", len(g.spl.texts), len(g.pt.m))
	}
	raw, err := renderUnformatted(f)
	if err != nil {
		t.Fatal(err)
	}
	got := checkSpliced(t, raw, g.spl, want)
	for _, ph := range memberOlds {
		if strings.Contains(string(got), ph) {
			t.Errorf("placeholder %s left in the output", ph)
		}
	}
}

// A rendering's placeholders are found once, other text that begins like one is left as it
// is, and each splice puts its names in their places.
func TestHoles(t *testing.T) {
	body := "a" + typePlaceholder + "." + memberPlaceholder + ` "` + wirePlaceholder + `" ` + placeholderPrefix + "Other " + memberPlaceholder + placeholderPrefix
	pt := &perTypeText{body: []byte(body), olds: memberOlds, holes: findHoles([]byte(body), memberOlds)}
	if len(pt.holes) != 4 {
		t.Fatalf("%d holes, want 4", len(pt.holes))
	}
	names := []string{"T", "Field", ""}
	got := string(pt.appendNamed([]byte("<"), names))
	if want := `<aT.Field "" ` + placeholderPrefix + "Other Field" + placeholderPrefix; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if n := pt.size(names); n != len(got)-1 {
		t.Errorf("size %d, want %d", n, len(got)-1)
	}
}
