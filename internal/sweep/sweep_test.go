package sweep

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/awsgen/awsgen/internal/gen"
	"github.com/awsgen/awsgen/internal/ir"
	"github.com/awsgen/awsgen/internal/load"
	"github.com/awsgen/awsgen/internal/modelsrc"
)

func TestPackageName(t *testing.T) {
	for in, want := range map[string]string{
		"cognito-identity-provider": "cognitoidentityprovider",
		"runtime.lex.v2":            "runtimelexv2",
		"AWSMigrationHub":           "awsmigrationhub",
		"2fa":                       "x2fa",
		"select":                    "selectpkg",
		"---":                       "model",
	} {
		if got := PackageName(in); got != want {
			t.Errorf("PackageName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNamed(t *testing.T) {
	ms := named([]Model{
		{Name: "s3-2006-03-01"},
		{Name: "s3-2020-01-01"},
		{Name: "s-3-2006-03-01"},
		{Name: "cognito-idp/2016-04-18"},
	})
	var got []string
	for _, m := range ms {
		got = append(got, m.Name+"="+m.Pkg)
	}
	want := []string{"cognito-idp/2016-04-18=cognitoidp", "s-3-2006-03-01=s3", "s3-2006-03-01=s320060301", "s3-2020-01-01=s320200101"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("named:\n got %q\nwant %q", got, want)
	}
}

func TestAttribute(t *testing.T) {
	a := &Result{Model: Model{Format: Smithy, Pkg: "a"}}
	b := &Result{Model: Model{Format: C2J, Pkg: "b"}}
	byPath := map[string]*Result{a.ImportPath(): a, b.ImportPath(): b}
	out := "# awsgensweep/smithy/a\nsmithy/a/x.go:1:2: declared and not used: i\n" +
		"# [awsgensweep/c2j/b.test]\nvet: c2j/b/y_test.go:3:4: undefined: z\n" +
		"go: something else\n"
	lost := attribute([]byte(out), byPath, func(r *Result) *[]string { return &r.Vet })
	if !reflect.DeepEqual(a.Vet, []string{"smithy/a/x.go:1:2: declared and not used: i"}) {
		t.Errorf("a: %q", a.Vet)
	}
	if !reflect.DeepEqual(b.Vet, []string{"vet: c2j/b/y_test.go:3:4: undefined: z", "go: something else"}) {
		t.Errorf("b: %q", b.Vet)
	}
	if len(lost) != 0 {
		t.Errorf("lost %q", lost)
	}
	lost = attribute([]byte("go: cannot find main module\n"), byPath, func(r *Result) *[]string { return &r.Build })
	if len(lost) != 1 {
		t.Errorf("a line before any header should be lost, got %q", lost)
	}
}

func TestCompileTimes(t *testing.T) {
	trace := filepath.Join(t.TempDir(), "trace.json")
	data := `[
{"name":"Executing action (build check cache awsgensweep/c2j/b)","ph":"B","ts":100,"pid":0,"tid":1}
,{"name":"Executing action (build awsgensweep/c2j/b)","ph":"B","ts":1000,"pid":0,"tid":2}
,{"name":"Executing action (build awsgensweep/smithy/a)","ph":"B","ts":1500,"pid":0,"tid":3}
,{"name":"Executing action (build awsgensweep/c2j/b)","ph":"E","ts":3000,"pid":0,"tid":2}
,{"name":"Executing action (build awsgensweep/smithy/a)","ph":"E","ts":2500,"pid":0,"tid":3}
`
	if err := os.WriteFile(trace, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	got := compileTimes(trace)
	want := map[string]time.Duration{"awsgensweep/c2j/b": 2 * time.Millisecond, "awsgensweep/smithy/a": time.Millisecond}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("compileTimes = %v, want %v", got, want)
	}
}

func TestPatternReason(t *testing.T) {
	for p, want := range map[string]string{
		`^(?!aws:).*$`:                   "negative lookahead (?!...)",
		`^(?=.{2,3}$)[a-z]+$`:            "lookahead (?=...)",
		`^[a-z]*(?<!-)$`:                 "lookbehind (?<!...) (?<=...)",
		`^.{0,2048}$`:                    "repeat count over 1000: {m,n}",
		`^[^\p{C}]*+$`:                   "possessive quantifier: *+ ++ {n}+",
		`^\p{Alnum}+$`:                   `Java character class: \p{Alnum} \p{Print} ...`,
		`^[\uD800\uDC00-\uDBFF\uDFFF]*$`: "",
	} {
		_, err := gen.TranslatePattern(p)
		got := ""
		if err != nil {
			got = patternReason(err)
		}
		if got != want {
			t.Errorf("%s: reason %q, want %q", p, got, want)
		}
	}
}

func TestCause(t *testing.T) {
	ns := fmt.Errorf("gen: types.go: %w", &gen.NotSupportedError{Feature: "event stream", Where: "x.json: shape S"})
	load := &LoadError{Err: &ir.Error{File: "x.json", Shape: "S", Msg: "unknown target \"T\""}}
	for _, c := range []struct {
		err  error
		want string
	}{
		{ns, "not supported: event stream"},
		{&PanicError{Value: "boom\nmore"}, "panic: boom"},
		{load, `load: unknown target "T"`},
		{&LoadError{Err: errors.New("open x.json: no such file")}, "load: open x.json: no such file"},
		{errors.New("gen: something"), "generate: gen: something"},
	} {
		if got := Cause(c.err); got != c.want {
			t.Errorf("Cause(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}

// TestCompareKitchenSink compares our own kitchen-sink model in its two formats: the
// comparison must find the types in both and explain every difference.
func TestCompareKitchenSink(t *testing.T) {
	p := Pair{
		Smithy: Model{Format: Smithy, Path: "../../testdata/models/kitchensink.smithy.json", Name: "kitchensink"},
		C2J:    Model{Format: C2J, Path: "../../testdata/models/kitchensink/api-2.json", Name: "kitchensink"},
	}
	c := Compare(p)
	if c.Err != nil {
		t.Fatal(c.Err)
	}
	if c.Both == 0 || c.Equal == 0 {
		t.Fatalf("compared %d types, %d equal: want some of each", c.Both, c.Equal)
	}
	for class, n := range c.Diff {
		if class == DiffOther {
			t.Errorf("%d types differ for no known reason: %v", n, c.Examples[class])
		}
	}
	var b strings.Builder
	(&CrossReport{Comparisons: []*Comparison{c}}).Print(&b)
	t.Logf("\n%s", b.String())
}

// The event-stream operations of the kitchen sink (awsJson, both formats) and of Lambda
// (restJson1) are listed as unsupported by the client, and the report counts them per format.
func TestUnsupportedOperations(t *testing.T) {
	rep := &Report{}
	for _, c := range []struct {
		path   string
		format Format
		want   string
	}{
		{"../../testdata/models/kitchensink.smithy.json", Smithy, "WatchThings (event stream)"},
		{"../../testdata/models/kitchensink/api-2.json", C2J, "WatchThings (event stream)"},
		// restJson1 (Lambda, from the pinned aws-sdk-go module).
		{"gomod:github.com/aws/aws-sdk-go@v1.55.8/models/apis/lambda/2015-03-31/api-2.json", C2J, "InvokeWithResponseStream (event stream)"},
	} {
		path, err := modelsrc.Resolve(c.path)
		if err != nil {
			t.Fatal(err)
		}
		m, err := load.File(path)
		if err != nil {
			t.Fatal(err)
		}
		got := unsupportedOperations(m)
		if strings.Join(got, ",") != c.want {
			t.Errorf("%s: unsupported %q, want %q", c.path, got, c.want)
		}
		rep.Results = append(rep.Results, &Result{Model: Model{Format: c.format, Name: "kitchensink"}, Unsupported: got})
	}
	var b strings.Builder
	rep.printUnsupported(&b)
	if !strings.Contains(b.String(), "1 smithy, 2 c2j") || !strings.Contains(b.String(), "kitchensink: WatchThings (event stream)") {
		t.Errorf("report:\n%s", b.String())
	}
}
