package gen

import (
	"bytes"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/dave/jennifer/jen"

	"github.com/awsgen/awsgen/internal/ir"
)

// Many declarations depend on nothing but the name of the type they are for: String,
// GoString, Format and LogValue; Validate and validateRequired; MarshalJSON; UnmarshalJSON;
// a Default with no model defaults to set. They are a fifth of Cognito's output. An emitter
// writes them with perType: jennifer builds and renders them once per generator, for a
// placeholder name, and each type gets that rendering with its name put in, spliced into
// the emitter's rendering where the type's declarations belong (renderRaw). The result is
// byte for byte what building them for every type gives: CheckChunked compares every
// emitter's spliced, chunked output with the plain whole-file rendering, in
// TestChunkedFormatting and internal/genbench -verify.

// typePlaceholder stands for the type name in a perType rendering: every occurrence is the
// name, in whatever identifier, literal or comment build put it. A model that contains it
// anywhere it could reach that code is generated without splicing (findTwins).
const typePlaceholder = "AwsgenPerTypePlaceholder"

// spliceMarker is the top-level item perType leaves in the emitter's file, rendered as
// "\n" + spliceMarker, where a type's declarations go. A NUL cannot come out of jennifer's
// rendering of anything else the emitters write that formats as Go.
const spliceMarker = "\x00awsgen:splice\x00"

// perTypeText is the rendering of one kind of per-type declarations for typePlaceholder:
// its imports and its items, each "\n" + item, as jennifer renders a file's items.
type perTypeText struct {
	once    sync.Once
	imports []string
	body    []byte
	err     error
}

// perTypeCache holds a generator's perType renderings by key.
type perTypeCache struct {
	mu sync.Mutex
	m  map[string]*perTypeText
	// calls numbers emitter calls whose renderings must not be shared with other calls.
	calls atomic.Int64
}

// splices lists, for one emitter's file, the per-type declarations to splice in, in the
// order of their markers.
type splices struct {
	texts []*perTypeText
	names []string
}

// perType adds to f the declarations build writes for the type named t. build must write
// the same code for every name but for the name itself, and key must name that code
// among all perType and perShape calls of the generator (code that depends on state of the
// emitter's call has a key of that call's own); build must not call perType.
// Without splicing (g.spl nil), or for a name that is not a plain ASCII identifier, build
// writes into f directly.
func (g *generator) perType(f *jen.File, key, t string, build func(f *jen.File, t string)) {
	if g.spl == nil || g.pt == nil || !isIdent(t) {
		build(f, t)
		return
	}
	g.spliceDecls(f, key, t, func(tf *jen.File) { build(tf, typePlaceholder) })
}

// perShape adds to f the declarations build writes for s, a structure or union. Twins
// (shapes alike but for their names and documentation, twins.go) get the same code but for
// their names: build runs once per set of twins and key, on a copy of the first of them
// named typePlaceholder, and each twin gets that rendering with its name put in, as
// perType does. For a shape without twins, or without splicing, build runs on s itself.
// build must take the name only from s.GoName, and call the generator it is given.
func (g *generator) perShape(f *jen.File, key string, s *ir.Shape, build func(g *generator, f *jen.File, s *ir.Shape)) {
	tw := g.twins[s]
	if g.spl == nil || tw == nil || !isIdent(s.GoName) {
		build(g, f, s)
		return
	}
	g.spliceDecls(f, key+"#"+tw.set, s.GoName, func(tf *jen.File) {
		plain := *g
		plain.spl = nil // what build calls writes into tf directly
		build(&plain, tf, tw.shape)
	})
}

// spliceDecls leaves a splice marker in f for the declarations that build writes into an
// empty file for typePlaceholder, rendered once per key, with the name t put in.
func (g *generator) spliceDecls(f *jen.File, key, t string, build func(tf *jen.File)) {
	g.pt.mu.Lock()
	pt := g.pt.m[key]
	if pt == nil {
		pt = &perTypeText{}
		g.pt.m[key] = pt
	}
	g.pt.mu.Unlock()
	pt.once.Do(func() {
		defer func() {
			if p := recover(); p != nil {
				// The file that called first fails with the panic (renderRaw); any other
				// that uses this rendering fails in splice.
				pt.err = fmt.Errorf("gen: per-type declarations %q: %v", key, p)
				panic(p)
			}
		}()
		tf := g.newFile()
		build(tf)
		raw, err := renderUnformatted(tf)
		if err != nil {
			pt.err = err
			return
		}
		_, imports, body, ok := splitRendering(raw)
		if !ok {
			pt.err = fmt.Errorf("gen: per-type declarations %q: unexpected rendering", key)
			return
		}
		pt.imports, pt.body = imports, body
	})
	g.spl.texts = append(g.spl.texts, pt)
	g.spl.names = append(g.spl.names, t)
	f.Id(spliceMarker)
}

// splice puts the per-type declarations of spl into raw, the unformatted rendering of the
// file they were made for, at their markers, and their imports into its import block.
func splice(raw []byte, spl *splices) ([]byte, error) {
	return assemble(nil, [][]byte{raw}, []*splices{spl})
}

// appendSpliced appends body, declarations rendered by jennifer, to out with the per-type
// declarations of spl in place of its markers.
func appendSpliced(out, body []byte, spl *splices) ([]byte, error) {
	marker := []byte("\n" + spliceMarker)
	for i, pt := range spl.texts {
		j := bytes.Index(body, marker)
		if j < 0 {
			return nil, fmt.Errorf("gen: splicing per-type declarations: %d markers for %d splices", i, len(spl.texts))
		}
		out = append(out, body[:j]...)
		out = appendReplaced(out, pt.body, typePlaceholder, spl.names[i])
		body = body[j+len(marker):]
	}
	if bytes.Contains(body, marker) {
		return nil, fmt.Errorf("gen: splicing per-type declarations: more markers than splices")
	}
	return append(out, body...), nil
}

// appendReplaced appends b to dst with every occurrence of old replaced by new.
func appendReplaced(dst, b []byte, old, new string) []byte {
	for {
		i := bytes.Index(b, []byte(old))
		if i < 0 {
			return append(dst, b...)
		}
		dst = append(append(dst, b[:i]...), new...)
		b = b[i+len(old):]
	}
}
