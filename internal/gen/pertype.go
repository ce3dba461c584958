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
// the emitter's rendering where the type's declarations belong (renderRaw). perShape does the
// same for the methods of twins (twins.go), and perMember for the statements of members
// alike but for their names (the same target and traits): a member's printing, validation,
// encoding and decoding. The result is byte for byte what building them in place gives:
// CheckChunked compares every emitter's spliced, chunked output with the plain whole-file
// rendering, in TestChunkedFormatting and internal/genbench -verify.

// typePlaceholder stands for the type name in a perType rendering: every occurrence is the
// name, in whatever identifier, literal or comment build put it. A model that contains it
// anywhere it could reach that code is generated without splicing (findTwins).
const typePlaceholder = "AwsgenPerTypePlaceholder"

// memberPlaceholder and wirePlaceholder stand for a member's Go name and its name on the
// wire in a member fragment (perMember), as typePlaceholder stands for the type's name.
// All three begin with placeholderPrefix.
const (
	memberPlaceholder = "AwsgenMemberPlaceholder"
	wirePlaceholder   = "AwsgenWirePlaceholder"
	placeholderPrefix = "Awsgen"
)

// typeOlds and memberOlds are the placeholders of per-type and per-shape renderings, and of
// member fragments, in the order their splices name what replaces them.
var (
	typeOlds   = []string{typePlaceholder}
	memberOlds = []string{typePlaceholder, memberPlaceholder, wirePlaceholder}
)

// spliceMarker is the item perType leaves in the emitter's file (a top-level item) and
// perMember in a block (a statement), rendered as "\n" + spliceMarker in both, where the
// shared rendering goes. A NUL cannot come out of jennifer's
// rendering of anything else the emitters write that formats as Go.
const spliceMarker = "\x00awsgen:splice\x00"

// perTypeText is the rendering of one kind of per-type declarations for typePlaceholder:
// its imports and its items, each "\n" + item, as jennifer renders a file's items.
type perTypeText struct {
	once    sync.Once
	imports []string
	body    []byte
	err     error
	// olds are the placeholders in body that a splice's names replace, in order; holes are
	// where they occur.
	olds  []string
	holes []hole
}

// hole is an occurrence of a placeholder in a rendering: its offset and which of the
// rendering's olds it is.
type hole struct{ off, old int }

// perTypeCache holds a generator's perType renderings by key.
type perTypeCache struct {
	mu sync.Mutex
	m  map[string]*perTypeText
	// calls numbers emitter calls whose renderings must not be shared with other calls.
	calls atomic.Int64
}

// splices lists, for one emitter's file, the per-type declarations and member fragments to
// splice in, in the order of their markers, each with the names that replace its
// placeholders (its olds).
type splices struct {
	texts []*perTypeText
	names [][]string
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
	g.spliceDecls(f, key, t, func(tf *jen.File, _ *splices) { build(tf, typePlaceholder) })
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
	g.spliceDecls(f, key+"#"+tw.set, s.GoName, func(tf *jen.File, local *splices) {
		// What build splices (per-type declarations, member fragments) goes into tf's
		// rendering, before it is shared.
		inner := *g
		inner.spl = local
		build(&inner, tf, tw.shape)
	})
}

// spliceDecls leaves a splice marker in f for the declarations that build writes into an
// empty file for typePlaceholder, rendered once per key, with the name t put in.
func (g *generator) spliceDecls(f *jen.File, key, t string, build func(tf *jen.File, local *splices)) {
	pt := g.renderOnce(key, typeOlds, build)
	g.spl.texts = append(g.spl.texts, pt)
	g.spl.names = append(g.spl.names, []string{t})
	f.Id(spliceMarker)
}

// perMember adds to b, a block, the statements build writes for member m of the type named
// t, given the type's name, the member's Go name and its wire name. build must write the
// same statements for every member whose key is the same but for those names: key names
// the code among all perMember calls of the generator and holds everything build reads but
// the names, m's target and m's traits, which perMember adds to it. The statements are built
// and rendered once per key, for placeholders, and each member gets that rendering with its
// names put in, spliced into the emitter's rendering where the statements belong. Without
// splicing, or for names that are not plain ASCII identifiers (the placeholders stand for
// the names in string literals too), build writes into b directly.
func (g *generator) perMember(b *jen.Group, key, t string, m *ir.Member, build func(b *jen.Group, t, field, wire string)) {
	if g.spl == nil || g.pt == nil || !isIdent(t) || !isIdent(m.GoName) || !isIdent(m.Name) {
		build(b, t, m.GoName, m.Name)
		return
	}
	mk, ok := g.memberKeys[m]
	if !ok {
		mk = memberKey(m)
	}
	pt := g.renderOnce(key+mk, memberOlds, func(tf *jen.File, _ *splices) {
		build(tf.Group, typePlaceholder, memberPlaceholder, wirePlaceholder)
	})
	if pt.err == nil && len(pt.body) == 0 {
		return // no statements: nothing to splice, as build would have added nothing
	}
	g.spl.texts = append(g.spl.texts, pt)
	g.spl.names = append(g.spl.names, []string{t, m.GoName, m.Name})
	b.Id(spliceMarker)
}

// renderOnce returns the rendering of what build writes into an empty file, made once per
// key: its imports and its items, each "\n" + item as jennifer renders a file's items and a
// block's statements alike, with olds the placeholders it may contain. What build splices
// into the file, through local, is spliced into the rendering.
func (g *generator) renderOnce(key string, olds []string, build func(tf *jen.File, local *splices)) *perTypeText {
	g.pt.mu.Lock()
	pt := g.pt.m[key]
	if pt == nil {
		pt = &perTypeText{olds: olds}
		g.pt.m[key] = pt
	}
	g.pt.mu.Unlock()
	pt.once.Do(func() {
		defer func() {
			if p := recover(); p != nil {
				// The file that called first fails with the panic (renderRaw); any other
				// that uses this rendering fails in splice.
				pt.err = fmt.Errorf("gen: shared rendering %q: %v", key, p)
				panic(p)
			}
		}()
		tf := g.newFile()
		local := &splices{}
		build(tf, local)
		raw, err := renderUnformatted(tf)
		if err != nil {
			pt.err = err
			return
		}
		_, imports, body, ok := splitRendering(raw)
		if !ok {
			pt.err = fmt.Errorf("gen: shared rendering %q: unexpected rendering", key)
			return
		}
		if len(local.texts) > 0 {
			for _, t := range local.texts {
				if t.err != nil {
					pt.err = t.err
					return
				}
				imports = append(imports, t.imports...)
			}
			if body, err = appendSpliced(nil, body, local); err != nil {
				pt.err = err
				return
			}
		}
		pt.imports, pt.body, pt.holes = imports, body, findHoles(body, olds)
	})
	return pt
}

// findHoles returns the occurrences in body of olds, placeholders that begin with
// placeholderPrefix, in order.
func findHoles(body []byte, olds []string) []hole {
	var holes []hole
	for off := 0; ; {
		i := bytes.Index(body[off:], []byte(placeholderPrefix))
		if i < 0 {
			return holes
		}
		off += i
		n := len(placeholderPrefix)
		for k, old := range olds {
			if bytes.HasPrefix(body[off:], []byte(old)) {
				holes = append(holes, hole{off, k})
				n = len(old)
				break
			}
		}
		off += n
	}
}

// size is the length of pt's rendering with names in place of its placeholders.
func (pt *perTypeText) size(names []string) int {
	n := len(pt.body)
	for _, h := range pt.holes {
		n += len(names[h.old]) - len(pt.olds[h.old])
	}
	return n
}

// appendNamed appends pt's rendering to dst with names in place of its placeholders.
func (pt *perTypeText) appendNamed(dst []byte, names []string) []byte {
	prev := 0
	for _, h := range pt.holes {
		dst = append(append(dst, pt.body[prev:h.off]...), names[h.old]...)
		prev = h.off + len(pt.olds[h.old])
	}
	return append(dst, pt.body[prev:]...)
}

// splice puts the per-type declarations of spl into raw, the unformatted rendering of the
// file they were made for, at their markers, and their imports into its import block.
func splice(raw []byte, spl *splices) ([]byte, error) {
	return assemble(nil, [][]byte{raw}, []*splices{spl})
}

// appendSpliced appends body, declarations rendered by jennifer, to out with the per-type
// declarations of spl in place of its markers.
func appendSpliced(out, body []byte, spl *splices) ([]byte, error) {
	for i, pt := range spl.texts {
		j := markerIndex(body)
		if j < 0 {
			return nil, fmt.Errorf("gen: splicing shared renderings: %d markers for %d splices", i, len(spl.texts))
		}
		out = append(out, body[:j]...)
		out = pt.appendNamed(out, spl.names[i])
		body = body[j+1+len(spliceMarker):]
	}
	if markerIndex(body) >= 0 {
		return nil, fmt.Errorf("gen: splicing shared renderings: more markers than splices")
	}
	return append(out, body...), nil
}

// markerIndex returns the index in body of the first "\n" + spliceMarker, or -1. It looks
// for the marker's NUL, which nothing else in a rendering has, not for its newline.
func markerIndex(body []byte) int {
	for off := 0; ; {
		i := bytes.Index(body[off:], []byte(spliceMarker))
		if i < 0 {
			return -1
		}
		if j := off + i; j > 0 && body[j-1] == '\n' {
			return j - 1
		}
		off += i + 1
	}
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

// keyFlags is a perMember key: the emitter's name for the code and the flags it depends on.
func keyFlags(name string, flags ...bool) string {
	return string(appendKeyBools(append([]byte(name), 0), flags...))
}

// memberKey is the part of a perMember key that comes from the member: its target and its
// traits.
func memberKey(m *ir.Member) string {
	return string(appendTraits(appendKeyStrs([]byte("\x00member"), m.Target.ID), &m.Traits))
}

// keyMembers sets g.memberKeys for the members of g.types, so that the emitters share them.
func (g *generator) keyMembers() {
	g.memberKeys = map[*ir.Member]string{}
	for _, s := range g.types {
		for _, m := range s.Members {
			g.memberKeys[m] = memberKey(m)
		}
	}
}
