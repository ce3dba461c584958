package gen

import (
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

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
	got, err := splice(raw, g.spl)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("spliced:\n%s\nwant:\n%s", got, want)
	}
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
	long := &splices{texts: append(g.spl.texts, g.spl.texts[0]), names: append(g.spl.names, "C")}
	if _, err := splice(raw, long); err == nil || !strings.Contains(err.Error(), "2 markers for 3") {
		t.Errorf("fewer markers than splices: %v", err)
	}
	if got, err := splice(raw, nil); err != nil || string(got) != string(raw) {
		t.Errorf("no splices changed the rendering: %v", err)
	}
}

// The generator splices what it should: on Cognito, every structure's String quartet,
// Validate pair, MarshalJSON and UnmarshalJSON come from one rendering each, and the
// methods of twins from one rendering per set.
func TestPerTypeUsed(t *testing.T) {
	models := genTestModels(t, true)
	m, err := load.File(models[len(models)-1])
	if err != nil {
		t.Fatal(err)
	}
	g, todo, err := prepare(m, Options{Package: "p"})
	if err != nil {
		t.Fatal(err)
	}
	twins := 0
	for _, s := range g.types {
		if g.twins[s] != nil {
			twins++
		}
	}
	if twins < len(g.types)/4 {
		t.Errorf("%d of %d structures have twins; Cognito has many more", twins, len(g.types))
	}
	for _, e := range todo {
		v := *g
		v.spl = &splices{}
		e.emit(&v, v.newFile())
		// perType once per structure and union, perShape once more for each twin; a twin's
		// codec is one perShape, MarshalJSON and UnmarshalJSON inside it.
		want := 0
		switch e.file {
		case "string.go", "validate.go":
			want = len(g.types) + twins
		case "codec.go":
			want = 2*len(g.types) - twins
		case "clone.go", "equal.go":
			want = twins
		}
		if want > 0 && len(v.spl.texts) != want {
			t.Errorf("%s: %d splices, want %d", e.file, len(v.spl.texts), want)
		}
	}
	for _, key := range []string{"string", "validate", "marshal", "unmarshal", "default", "clone#0", "equal#0", "print#0", "codec#0"} {
		if g.pt.m[key] == nil {
			t.Errorf("no per-type rendering %q", key)
		}
	}
}
