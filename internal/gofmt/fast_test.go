package gofmt

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// unformatted returns the Go files of a generated package with every line's indentation
// and every blank line removed, as jennifer renders source before formatting.
func unformatted(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	files := map[string][]byte{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(b), "\n")
		var kept []string
		for _, l := range lines {
			if l = strings.TrimLeft(l, "\t"); l != "" {
				kept = append(kept, l)
			}
		}
		files[filepath.Base(p)] = []byte(strings.Join(kept, "\n") + "\n")
	}
	return files
}

// TestFormatGenerated formats the committed generated packages, unformatted, and compares
// every file with go/format. On Cognito, the generator's main output, the fast path must
// take nearly all of what the generator formats: a formatter that declines everything is
// correct and worthless.
func TestFormatGenerated(t *testing.T) {
	for _, pkg := range []string{"kitchensink", "cognitoidp"} {
		var decls, declined, size, declinedSize int
		for name, src := range unformatted(t, filepath.Join("../../generated", pkg)) {
			want, err := format.Source(src)
			if err != nil {
				t.Fatalf("%s/%s: %v", pkg, name, err)
			}
			got, err := Format(src)
			if err != nil {
				t.Fatalf("%s/%s: %v", pkg, name, err)
			}
			if !bytes.Equal(got, want) {
				i := firstDiff(got, want)
				t.Errorf("%s/%s differs from go/format at byte %d:\ngot:  %q\nwant: %q", pkg, name, i, around(got, i), around(want, i))
			}
			if strings.HasPrefix(name, "runtime_") {
				continue // copied as written, never formatted by the generator
			}
			start := 0
			for k, c := range append(cutPoints(src), cut{at: len(src)}) {
				d := src[start:c.at]
				start = c.at
				if k > 0 {
					d = append([]byte("package p\n\n"), d...)
				}
				decls++
				size += len(d)
				if _, ok := appendFast(nil, d); !ok {
					declined++
					declinedSize += len(d)
				}
			}
		}
		t.Logf("%s: fast path declined %d of %d declarations, %d of %d bytes", pkg, declined, decls, declinedSize, size)
		if pkg == "cognitoidp" && declinedSize*20 > size {
			t.Errorf("%s: the fast path declined %d of %d bytes, more than 5%%", pkg, declinedSize, size)
		}
	}
}

func TestCutPoints(t *testing.T) {
	src := "package p\n\nfunc a() {\n}\nfunc b() {\ns := \"}\\nfunc\"\n_ = s\n}\n// C is.\nvar c = `\n}\nfunc`\ntype (\nd int\n)\nconst e = 1\nfunc f() {\n}\nfunc g() {\n}\n"
	var got []string
	for _, c := range cutPoints([]byte(src)) {
		got = append(got, fmt.Sprint(strings.SplitN(src[c.at:], "\n", 2)[0], " ", c.newSection))
	}
	want := []string{"func b() { false", "// C is. true", "const e = 1 true", "func g() { false"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("split before %q, want %q", got, want)
	}
}

func firstDiff(a, b []byte) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
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

// FuzzFormat checks that Format never panics, fails exactly where go/format fails, and
// otherwise gives go/format's bytes. The seeds are the declarations of the kitchen-sink
// package, unindented, and a few shapes near the edges of the fast path's rules.
func FuzzFormat(f *testing.F) {
	for _, src := range unformatted(f, "../../generated/kitchensink") {
		start := 0
		for k, c := range append(cutPoints(src), cut{at: len(src)}) {
			d := src[start:c.at]
			start = c.at
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
		"package p\nfunc a() {\n}\nfunc b() {\n}\n// C is.\nvar c = 1\n",
		// Two lists a blank line apart are one loose list: gofmt puts a blank line between
		// every two items.
		"package p\n// Doc:\n//\n//   - a\n//   - b\n//\n//   - c\n//   - d\n//\n// End.\nfunc f() {\n}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		got, err := Format(src)
		want, werr := format.Source(src)
		if (err != nil) != (werr != nil) {
			t.Fatalf("Format error %v, go/format error %v:\n%q", err, werr, src)
		}
		if err == nil && !bytes.Equal(got, want) {
			i := firstDiff(got, want)
			t.Fatalf("Format differs from go/format at byte %d:\nsrc:  %q\ngot:  %q\nwant: %q", i, src, around(got, i), around(want, i))
		}
	})
}
