package gen

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/awsgen/awsgen/internal/load"
	"github.com/awsgen/awsgen/internal/modelsrc"
)

// fastFormatStats counts, for one file, the declarations and their bytes, and those
// fastFormat declined.
type fastFormatStats struct {
	decls, declined, bytes, declinedBytes int
}

// checkFastFormat formats every declaration of the unformatted file raw, as formatChunk
// does (behind a package clause; the first with the file's header), with fastFormat and
// go/format, reports every difference where fastFormat accepted and returns the counts.
func checkFastFormat(t *testing.T, name string, raw []byte, declined func(src []byte)) fastFormatStats {
	t.Helper()
	var st fastFormatStats
	for k, d := range splitChunks(raw, 1) {
		src := d
		if k > 0 {
			src = append([]byte("package p\n\n"), d...)
		}
		want, err := format.Source(src)
		if err != nil {
			t.Fatalf("%s: declaration %d: %v", name, k, err)
		}
		got, ok := fastFormat(src)
		st.decls++
		st.bytes += len(d)
		if !ok {
			st.declined++
			st.declinedBytes += len(d)
			if declined != nil {
				declined(src)
			}
			continue
		}
		if !bytes.Equal(got, want) {
			i := firstDiff(got, want)
			t.Errorf("%s: declaration %d differs from go/format at byte %d:\ngot:  %q\nwant: %q", name, k, i, around(got, i), around(want, i))
		}
	}
	return st
}

// genTestModels are the models the formatting and sharding tests run on: the committed
// test models and Cognito from its module. Without Cognito (its module not fetched) the test
// is skipped, or fails under CI.
func genTestModels(t *testing.T) []string {
	t.Helper()
	p, err := modelsrc.Resolve("gomod:github.com/aws/aws-sdk-go@v1.55.8/models/apis/cognito-idp/2016-04-18/api-2.json")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("Cognito model: %v", err)
		}
		t.Skip("cannot fetch the Cognito model (set CI=true to make this fail):", err)
	}
	return []string{
		"../../testdata/models/kitchensink.smithy.json",
		"../../testdata/models/kitchensink/api-2.json",
		p,
	}
}

// stagesFor loads the model at path and prepares its generation for package p.
func stagesFor(tb testing.TB, path string) *Stages {
	tb.Helper()
	m, err := load.File(path)
	if err != nil {
		tb.Fatal(err)
	}
	st, err := NewStages(m, Options{Package: "p"})
	if err != nil {
		tb.Fatal(err)
	}
	return st
}

func TestFastFormat(t *testing.T) {
	for _, p := range genTestModels(t) {
		st := stagesFor(t, p)
		raw, err := st.Render(st.Emit())
		if err != nil {
			t.Fatal(err)
		}
		var total fastFormatStats
		var names []string
		stats := map[string]fastFormatStats{}
		for i, r := range raw {
			name := st.todo[i].file
			s := checkFastFormat(t, name, r, nil)
			stats[name] = s
			names = append(names, name)
			total.decls += s.decls
			total.declined += s.declined
			total.bytes += s.bytes
			total.declinedBytes += s.declinedBytes
		}
		sort.Strings(names)
		var high fastFormatStats
		for _, name := range names {
			s := stats[name]
			t.Logf("%s: %s: %s", p, name, s)
			if emitterWeight[name] < 100 { // not a high-volume file
				continue
			}
			high.decls += s.decls
			high.declined += s.declined
			high.bytes += s.bytes
			high.declinedBytes += s.declinedBytes
			// Cognito's large files: measured 10.1% for types.go (member docs whose link
			// definitions precede a paragraph, which gofmt moves or not depending on the
			// columns of the comment lines), at most 0.4% for the others.
			bound := 5
			if name == "types.go" {
				bound = 12
			}
			if strings.Contains(p, "cognito") && s.declinedBytes*100 > s.bytes*bound {
				t.Errorf("%s: %s: the fast formatter declined %s, more than %d%% of the bytes", p, name, s, bound)
			}
		}
		t.Logf("%s: all: %s", p, total)
		// The high-volume files together: measured 0.2% for Cognito, 4.7% for the
		// kitchen-sink models, which exercise rare shapes.
		if high.declinedBytes*100 > high.bytes*8 {
			t.Errorf("%s: the fast formatter declined %s of the high-volume files, more than 8%% of the bytes", p, high)
		}
	}
}

func (s fastFormatStats) String() string {
	return fmt.Sprintf("%d/%d declarations declined (%.1f%%), %d/%d bytes (%.1f%%)", s.declined, s.decls,
		100*float64(s.declined)/float64(max(s.decls, 1)), s.declinedBytes, s.bytes, 100*float64(s.declinedBytes)/float64(max(s.bytes, 1)))
}

// around returns the lines of b around offset i.
func around(b []byte, i int) []byte {
	s := max(0, i-80)
	if j := bytes.LastIndexByte(b[:s], '\n'); j >= 0 {
		s = j + 1
	}
	e := min(len(b), i+80)
	return b[s:e]
}

// FuzzFastFormat checks that fastFormat never panics, declines what go/format rejects, and
// otherwise gives go/format's bytes. The seeds are the declarations of the kitchen-sink
// model as the pipeline formats them, and a few shapes near the edges of the rules.
func FuzzFastFormat(f *testing.F) {
	st := stagesFor(f, "../../testdata/models/kitchensink.smithy.json")
	raw, err := st.Render(st.Emit())
	if err != nil {
		f.Fatal(err)
	}
	for _, r := range raw {
		for k, d := range splitChunks(r, 1) {
			if k > 0 {
				d = append([]byte("package p\n\n"), d...)
			}
			f.Add(d)
		}
	}
	for _, s := range []string{
		"package p\nfunc f() {\nx = a + b\nif a+b > c {\n}\nx = f(a + b) == d\n}\n",
		"package p\nfunc f() {\nx = a + f(b + c)\nx = -a + b\nreturn \"a\" + m\nx, y = a + b, c + d\nx = T{a: b + c}\n}\n",
		"package p\n// A [x].\n//\n// Learn more\n//\n//   - [x]\n//     y\n//\n// [x]: https://x\nfunc f(a, b []T, c ...int) (x int, err error) {\nfor i := 0; i < n; i++ {\n}\n}\n",
		"package p\ntype T struct{\nA int\nBbb string\n\nC * T\n}\nvar v = T {\na:1,\nbbbb:f(\n1,\n),\nc:2,\n}\n",
		"package p\nvar (\nab = 1\nc = 22\n)\nconst (\nA T = 1\nBb T = 2\n)\n",
		"package p\ntype T struct{\n// c\nName string\nInput,Output string\nErrors []string\n// c5\nAuthRequired bool\n}\nvar v = []T{\n{\na: 1,\n// c\nbbbb: 2,\n},\n}\n",
		"package p\n// Heading\n//\n// Para.\n//\n// Heading Two\n//\n// para.\nfunc g() (error) {\nswitch x {\ncase 1:\nreturn nil\ndefault:\n}\nif x {\n} else {}\nreturn nil\n}\n",
		// A doc comment is reformatted when its first line starts the source line, and left
		// as it is when indented: at the top level, for a struct field, in a group.
		"package p\ntype T struct{\n// Doc [x].\n//\n// [x]: https://x\n//\n// Tail.\nA int\n // Doc [x].\n//\n// [x]: https://x\n//\n// Tail.\nB int\n}\n",
		"package p\n\n // Doc\n //   code\nfunc f() {}\ntype T struct{\n// Doc\n  //   code\nA int\n  // Doc\n//   code\nB int\n}\n",
		"package p\nconst (\n// Doc\n//   code\nA = 1\n // Doc\n //   code\nB = 2\n)\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		got, ok := fastFormat(src)
		want, err := format.Source(src)
		if !ok {
			return
		}
		if err != nil {
			t.Fatalf("fastFormat accepted what go/format rejects (%v):\n%q", err, src)
		}
		if !bytes.Equal(got, want) {
			i := firstDiff(got, want)
			t.Fatalf("fastFormat differs from go/format at byte %d:\nsrc:  %q\ngot:  %q\nwant: %q", i, src, around(got, i), around(want, i))
		}
	})
}
