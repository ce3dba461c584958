package gen

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"

	"github.com/dave/jennifer/jen"

	"github.com/awsgen/awsgen/internal/gofmt"
	"github.com/awsgen/awsgen/internal/ir"
)

// file is one file of the generated package and how to make it.
type file struct {
	name string
	make func() ([]byte, error)
}

// Generate returns the files of the package for m, by name. The files are made
// concurrently, at most GOMAXPROCS at once; the output does not depend on their order.
func Generate(m *ir.Model, opt Options) (map[string][]byte, error) {
	g, err := newGenerator(m, opt)
	if err != nil {
		return nil, err
	}
	files := g.files()
	out := make([][]byte, len(files))
	errs := make([]error, len(files))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			out[i], errs[i] = f.make()
		})
	}
	wg.Wait()
	pkg := map[string][]byte{}
	for i, f := range files {
		if errs[i] != nil {
			return nil, fmt.Errorf("%s: %w", f.name, errs[i])
		}
		pkg[f.name] = out[i]
	}
	return pkg, nil
}

// files lists the files of the package: the emitters' with output, then the package doc,
// the runtime and the tests.
func (g *generator) files() []file {
	var files []file
	for _, e := range emitters {
		if e.when(g) {
			files = append(files, file{e.file, func() ([]byte, error) { return g.render(e) }})
		}
	}
	files = append(files, file{"doc.go", g.docFile})
	for _, rf := range runtimeFiles {
		if rf.when(g) {
			files = append(files, file{"runtime_" + rf.src, func() ([]byte, error) { return g.runtimeFile(rf.src) }})
		}
	}
	if !g.opt.NoTests {
		files = append(files, file{"generated_test.go", g.testFile})
	}
	return files
}

// render builds emitter e's file with jennifer and formats it.
func (g *generator) render(e emitter) (src []byte, err error) {
	// Emitters report a shape they cannot express by panicking with *NotSupportedError;
	// it becomes this file's error, so Generate fails instead of the process.
	defer func() {
		if p := recover(); p != nil {
			ns, ok := p.(*NotSupportedError)
			if !ok {
				panic(p)
			}
			if ns.Where == "" {
				ns.Where = g.m.Source
			}
			err = ns
		}
	}()
	f := jen.NewFile(g.opt.Package)
	f.HeaderComment(Header)
	e.emit(g, f)
	f.NoFormat = true
	var raw bytes.Buffer
	if err := f.Render(&raw); err != nil {
		return nil, err
	}
	out, err := gofmt.Format(raw.Bytes())
	if err != nil {
		return nil, err
	}
	return spaceDecls(out), nil
}

// spaceDecls puts a blank line between a top-level declaration that ends in a line "}" or
// ")" and a declaration (or its doc comment) on the next line: jennifer separates
// declarations by a newline, and gofmt keeps that between two of the same kind. It is the
// regular expression `(?m)^([})])\n(func|type|var|const|//)` replaced by "$1\n\n$2".
func spaceDecls(b []byte) []byte {
	out := make([]byte, 0, len(b)+len(b)/64)
	last := 0 // b[last:] is not copied yet
	// i is the start of a line.
	for i := 0; i+2 < len(b); {
		if (b[i] == '}' || b[i] == ')') && b[i+1] == '\n' && startsDecl(b[i+2:]) {
			out = append(out, b[last:i+2]...)
			out = append(out, '\n')
			last = i + 2
			i += 2
			continue
		}
		j := bytes.IndexByte(b[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return append(out, b[last:]...)
}

// startsDecl reports whether b starts with a declaration keyword or a comment.
func startsDecl(b []byte) bool {
	for _, p := range []string{"func", "type", "var", "const", "//"} {
		if bytes.HasPrefix(b, []byte(p)) {
			return true
		}
	}
	return false
}
