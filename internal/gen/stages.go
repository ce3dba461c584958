package gen

import (
	"bytes"
	"fmt"
	"go/format"
	"regexp"
	"sync"

	"github.com/dave/jennifer/jen"

	"github.com/awsgen/awsgen/internal/ir"
)

// Stages runs Generate one phase at a time on one goroutine, so that internal/genbench can
// time each phase alone. Generate itself overlaps the phases on every core (parallel.go);
// the files are the same bytes.
type Stages struct {
	g    *generator
	todo []emitter
}

// NewStages checks the options and selects the shapes, as Generate does first.
func NewStages(m *ir.Model, opt Options) (*Stages, error) {
	g, todo, err := prepare(m, opt)
	if err != nil {
		return nil, err
	}
	return &Stages{g, todo}, nil
}

// Emitted is one emitter's file, built: its jennifer statements and the per-type
// declarations its rendering gets (pertype.go).
type Emitted struct {
	f   *jen.File
	spl *splices
}

// Emit runs the emitters: jennifer statement building, one file per emitter.
func (s *Stages) Emit() []Emitted {
	files := make([]Emitted, len(s.todo))
	for i, e := range s.todo {
		v := *s.g
		v.spl = &splices{}
		f := v.newFile()
		e.emit(&v, f)
		files[i] = Emitted{f, v.spl}
	}
	return files
}

// Render renders Emit's files without formatting, per-type declarations spliced in.
func (s *Stages) Render(files []Emitted) ([][]byte, error) {
	raw := make([][]byte, len(files))
	for i, ef := range files {
		b, err := renderUnformatted(ef.f)
		if err == nil {
			b, err = splice(b, ef.spl)
		}
		if err != nil {
			return nil, fmt.Errorf("gen: %s: %w", s.todo[i].file, err)
		}
		raw[i] = b
	}
	return raw, nil
}

// Format formats Render's output (go/format, in chunks as Generate does) into files.
func (s *Stages) Format(raw [][]byte) (map[string][]byte, error) {
	files := make(map[string][]byte, len(raw))
	memo := newFormatMemo()
	for i, r := range raw {
		chunks := splitChunks(r, chunkSize)
		for k := range chunks {
			b, err := memo.formatChunk(s.g.opt.Package, chunks[k], k == 0)
			if err != nil {
				return nil, fmt.Errorf("gen: %s: %w", s.todo[i].file, err)
			}
			chunks[k] = b
		}
		files[s.todo[i].file] = joinChunks(chunks)
	}
	return files, nil
}

// Templates renders the files that come from templates: the package doc, the runtime and
// the generated tests.
func (s *Stages) Templates() (map[string][]byte, error) {
	files := map[string][]byte{}
	for _, t := range s.g.templateFiles() {
		b, err := t.make()
		if err != nil {
			return nil, err
		}
		files[t.name] = b
	}
	return files, nil
}

// declStartRE is the rule spaceDecls implements, as the regular expression it replaced
// (compiled on first use: only the checks use it).
var declStartRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)^([})])\n(func|type|var|const|//)`)
})

// renderWhole is the reference rendering of one emitter's file: jennifer's Render (gofmt on
// the whole file) and the declaration spacing by regular expression.
func renderWhole(f *jen.File) ([]byte, error) {
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, err
	}
	return declStartRE().ReplaceAll(buf.Bytes(), []byte("$1\n\n$2")), nil
}

// CheckChunked renders every emitter's file whole, each declaration built by jennifer where
// it stands (the reference), and as Generate does: per-type declarations spliced in
// (pertype.go), cut into chunks of about each of sizes bytes (1 cuts at every boundary)
// formatted one by one. It reports the first difference. TestChunkedFormatting and
// internal/genbench -verify run it.
func (s *Stages) CheckChunked(sizes ...int) error {
	for _, e := range s.todo {
		name := e.file
		f := s.g.newFile()
		e.emit(s.g, f) // s.g.spl is nil: nothing is spliced
		want, err := renderWhole(f)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		raw, err := s.g.renderRaw(e)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		for _, size := range sizes {
			memo := newFormatMemo()
			chunks := splitChunks(raw, size)
			for k := range chunks {
				b, err := memo.formatChunk(s.g.opt.Package, chunks[k], k == 0)
				if err != nil {
					return fmt.Errorf("%s: chunk %d of %d (size %d): %w", name, k, len(chunks), size, err)
				}
				chunks[k] = b
			}
			if got := joinChunks(chunks); !bytes.Equal(got, want) {
				return fmt.Errorf("%s: %d chunks of ~%d bytes differ from formatting the whole file at byte %d",
					name, len(chunks), size, firstDiff(got, want))
			}
		}
	}
	return nil
}

func firstDiff(a, b []byte) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}

// CheckGenerate runs Generate and compares each emitter's file with this rendering of it,
// unsharded and formatted in chunks as Format does (which CheckChunked compares with
// whole-file gofmt): Generate's sharding and scheduling must not change a byte. It checks
// that the files made from templates are gofmt's formatting too.
func (s *Stages) CheckGenerate() error {
	files, err := Generate(s.g.m, s.g.opt)
	if err != nil {
		return err
	}
	raw, err := s.Render(s.Emit())
	if err != nil {
		return err
	}
	want, err := s.Format(raw)
	if err != nil {
		return err
	}
	for _, e := range s.todo {
		if got := files[e.file]; !bytes.Equal(got, want[e.file]) {
			return fmt.Errorf("%s: Generate differs from the unsharded rendering at byte %d", e.file, firstDiff(got, want[e.file]))
		}
	}
	// The files made from templates are formatted declaration by declaration too (the
	// generated tests, the package doc) or copied (the runtime): each must be gofmt's.
	for _, t := range s.g.templateFiles() {
		got := files[t.name]
		b, err := format.Source(got)
		if err != nil {
			return fmt.Errorf("%s: %w", t.name, err)
		}
		if !bytes.Equal(got, b) {
			return fmt.Errorf("%s: not gofmt's formatting at byte %d", t.name, firstDiff(got, b))
		}
	}
	return nil
}
