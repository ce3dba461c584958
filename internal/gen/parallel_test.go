package gen

import (
	"bytes"
	"errors"
	"go/format"
	"io/fs"
	"path"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/awsgen/awsgen/internal/load"
	"github.com/awsgen/awsgen/templates"
)

func TestChunkedFormatting(t *testing.T) {
	for _, p := range genTestModels(t) {
		st := stagesFor(t, p)
		// Size 1 cuts at every safe boundary.
		if err := st.CheckChunked(1, 4096, chunkSize); err != nil {
			t.Errorf("%s: %v", p, err)
		}
		if err := st.CheckGenerate(); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
}

func TestSpaceDecls(t *testing.T) {
	for _, s := range []string{
		"", "}", "}\n", "}\nfunc", "}\nfun", ")\n// x\n}\ntype T int\n)\nvar x\n)\nconst",
		"x}\nfunc\n\t}\nfunc\n}\n\nfunc\n})\nfunc\n}\nfunc}\nfunc\n", "}\n}\nfunc",
		"\n)\n//\n}\nvariable\n}\ntypes\n",
	} {
		want := declStartRE().ReplaceAllString(s, "$1\n\n$2")
		if got := string(spaceDecls([]byte(s))); got != want {
			t.Errorf("spaceDecls(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestSplitPoints(t *testing.T) {
	src := "package p\n\nimport \"x\"\n\nfunc a() {\ns := `\n}\nfunc`\n/* {\n}\nfunc */\nc := '}'\nd := \"}\\\"{\"\n}\n// doc\nfunc b() {\nif x {\n}\nfunc() {}()\n}\nvar (\nx = 1\n)\ntype T struct{\n}\nconst c = 1\n"
	var got []string
	for _, p := range splitPoints([]byte(src)) {
		line, _, _ := strings.Cut(src[p:], "\n")
		got = append(got, line)
	}
	want := []string{"// doc", "var (", "type T struct{", "const c = 1"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("split before %q, want %q", got, want)
	}
}

// TestRuntimeGofmt checks what retarget relies on: the runtime sources, retargeted, are
// gofmt-clean without formatting.
func TestRuntimeGofmt(t *testing.T) {
	g := &generator{opt: Options{Package: "somepackage"}}
	for _, rf := range runtimeFiles {
		src, err := fs.ReadFile(templates.FS, path.Join("rt", rf.src))
		if err != nil {
			t.Fatal(err)
		}
		b, err := g.retarget(src)
		if err != nil {
			t.Fatal(err)
		}
		f, err := format.Source(b)
		if err != nil {
			t.Fatalf("%s: %v", rf.src, err)
		}
		if !bytes.Equal(f, b) {
			t.Errorf("runtime %s is not gofmt-clean once retargeted (run gofmt on templates/rt)", rf.src)
		}
	}
}

func TestReceiverType(t *testing.T) {
	for src, want := range map[string]string{
		"func (v * Foo) String () string {\n":          "Foo",
		"// doc\n// more\nfunc (v Foo2) Format () {\n": "Foo2",
		"func (v * foo) x () {\n":                      "",
		"func f () {\n":                                "",
		"type T struct{\n":                             "",
		"func (Foo) x () {\n":                          "",
		"// doc\n":                                     "",
		"func (v * Fé) x () {\n":                       "",
	} {
		if got := receiverType([]byte(src)); got != want {
			t.Errorf("receiverType(%q) = %q, want %q", src, got, want)
		}
	}
}

func TestReplaceWord(t *testing.T) {
	got := string(replaceWord([]byte(`Foo FooBar xFoo Foo_ "Foo" Foo.x éFoo Foo`), "Foo", "Qqq"))
	want := `Qqq FooBar xFoo Foo_ "Qqq" Qqq.x éFoo Qqq`
	if got != want {
		t.Errorf("replaceWord = %q, want %q", got, want)
	}
}

func TestFormatChunkError(t *testing.T) {
	for _, src := range []string{"func (v * T) x ( {\n}\n", "func f ( {\n}\n"} {
		if _, err := newFormatMemo().formatChunk("p", []byte(src), false); err == nil {
			t.Errorf("formatting %q: no error", src)
		}
	}
	b, err := newFormatMemo().formatChunk("p", []byte("func (v * Tt) X () {\nreturn \n}\nfunc (v * Uu) X () {\nreturn \n}\n"), false)
	if want := "func (v *Tt) X() {\n\treturn\n}\n\nfunc (v *Uu) X() {\n\treturn\n}\n"; err != nil || string(b) != want {
		t.Errorf("memo: %q, %v; want %q", b, err, want)
	}
}

// forEachEmitter calls f for every emitter with output for each test model.
func forEachEmitter(t *testing.T, f func(model string, g *generator, e emitter)) {
	for _, p := range genTestModels(t) {
		m, err := load.File(p)
		if err != nil {
			t.Fatal(err)
		}
		g, todo, err := prepare(m, Options{Package: "p"})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range todo {
			f(path.Base(p), g, e)
		}
	}
}

// TestShards: an emitter rendered in shards and assembled with their per-type declarations,
// as Generate does, is byte for byte the rendering of the whole file, with more shards than
// Generate uses, down to a few types each.
func TestShards(t *testing.T) {
	forEachEmitter(t, func(model string, g *generator, e emitter) {
		if !sharded[e.file] {
			return
		}
		want, err := g.renderRaw(e)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range []int{2, 3, 7} {
			n = min(n, len(g.types))
			raws, spls := make([][]byte, n), make([]*splices, n)
			for k := range n {
				if raws[k], spls[k], err = g.shard(k, n).renderParts(e); err != nil {
					t.Fatal(err)
				}
			}
			got, err := assemble(nil, raws, spls)
			if err != nil {
				t.Fatalf("%s: %s: %v", model, e.file, err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: %s in %d shards differs from the whole file at byte %d", model, e.file, n, firstDiff(got, want))
			}
		}
	})
}

// chunkDecls cuts as splitChunks does, the chunks and each chunk's declarations, from one
// scan.
func TestChunkDecls(t *testing.T) {
	srcs := [][]byte{nil, []byte("x"), []byte("}\nfunc a() {\n}\nfunc b() {\n}\n")}
	forEachEmitter(t, func(_ string, g *generator, e emitter) {
		raw, err := g.renderRaw(e)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, raw)
	})
	for _, src := range srcs {
		for _, size := range []int{1, 100, 4096, chunkSize} {
			chunks, decls := chunkDecls(src, size)
			want := splitChunks(src, size)
			if len(chunks) != len(want) || len(decls) != len(chunks) {
				t.Fatalf("size %d: %d chunks, %d declaration lists; splitChunks gives %d", size, len(chunks), len(decls), len(want))
			}
			for k := range want {
				if !bytes.Equal(chunks[k], want[k]) {
					t.Fatalf("size %d: chunk %d differs", size, k)
				}
				wd := splitChunks(want[k], 1)
				if len(decls[k]) != len(wd) {
					t.Fatalf("size %d: chunk %d has %d declarations, want %d", size, k, len(decls[k]), len(wd))
				}
				for i := range wd {
					if !bytes.Equal(decls[k][i], wd[i]) {
						t.Fatalf("size %d: chunk %d declaration %d differs", size, k, i)
					}
				}
			}
		}
	}
}

// GenerateFunc hands over every file once, as Generate returns them, and returns the first
// error of emit, after which it calls emit no more.
func TestGenerateFunc(t *testing.T) {
	m, err := load.File("../../testdata/models/kitchensink.smithy.json")
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{Package: "p"}
	want, err := Generate(m, opt)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	got := map[string][]byte{}
	err = GenerateFunc(m, opt, func(name string, data [][]byte) error {
		mu.Lock()
		defer mu.Unlock()
		if _, dup := got[name]; dup {
			t.Errorf("%s emitted twice", name)
		}
		got[name] = bytes.Join(data, nil)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Errorf("%d files emitted, Generate gives %d", len(got), len(want))
	}
	for name, data := range want {
		if !bytes.Equal(got[name], data) {
			t.Errorf("%s differs from Generate's", name)
		}
	}
	boom := errors.New("disk full")
	var calls, after atomic.Int32
	var returned atomic.Bool
	err = GenerateFunc(m, opt, func(name string, data [][]byte) error {
		if returned.Load() {
			after.Add(1)
		}
		if calls.Add(1) == 3 {
			return boom
		}
		return nil
	})
	returned.Store(true)
	if !errors.Is(err, boom) {
		t.Errorf("GenerateFunc with a failing emit: %v", err)
	}
	if after.Load() != 0 {
		t.Errorf("emit called %d times after GenerateFunc returned", after.Load())
	}
}

// bufFree hands out the smallest buffer kept that is large enough, each once, and a new
// one when none is.
func TestBufFree(t *testing.T) {
	var p bufFree
	small, large := make([]byte, 10, 8<<10), make([]byte, 20, 64<<10)
	p.put(large)
	p.put(small)
	p.put(make([]byte, 0, 100)) // too small to keep
	if b := p.get(5 << 10); len(b) != 0 || cap(b) != 8<<10 || &b[:1][0] != &small[:1][0] {
		t.Errorf("get(5 KiB): len %d cap %d, want the 8 KiB buffer emptied", len(b), cap(b))
	}
	if b := p.get(5 << 10); cap(b) != 64<<10 || &b[:1][0] != &large[:1][0] {
		t.Errorf("second get(5 KiB): cap %d, want the 64 KiB buffer", cap(b))
	}
	if b := p.get(5 << 10); cap(b) < 5<<10 || &b[:1][0] == &small[:1][0] || &b[:1][0] == &large[:1][0] {
		t.Errorf("third get(5 KiB): cap %d, want a new buffer", cap(b))
	}
}
