package gen

import (
	"encoding/binary"
	"sort"
	"strconv"
	"strings"

	"github.com/awsgen/awsgen/internal/ir"
)

// Many structures are alike but for their names: Cognito has dozens of requests of a user
// pool ID and a user name. Their Clone, Equal, print, validate and codec methods are the
// same code with another type name, so perShape builds and renders that code once per set
// of such twins (pertype.go).
//
// Two shapes are twins when everything those emitters read from them is equal: kind, error
// and input/output marks, their own traits but documentation, whether they print redacted,
// and the members in order: name, Go name, target (the same shape) and traits but
// documentation. Names and documentation are all that may differ; appendTwinKey writes the
// rest.

// twin is a shape's set of twins: its number, and the copy of its first shape named
// typePlaceholder that perShape builds on.
type twin struct {
	set   string
	shape *ir.Shape
}

// findTwins sets g.twins for every structure and union that has a twin. It runs after the
// shapes are selected and marked (markRedacted), before any emitter.
func (g *generator) findTwins() {
	if mentions(g.m, typePlaceholder) || mentions(g.m, memberPlaceholder) || mentions(g.m, wirePlaceholder) {
		// A placeholder must stand for its name alone: a model that spells one anywhere
		// gets no splicing at all.
		g.pt, g.twins = nil, nil
		return
	}
	index := map[string]int{} // twin keys to their sets
	var sets [][]*ir.Shape
	var buf []byte
	for _, s := range g.types {
		buf = g.appendTwinKey(buf[:0], s)
		if i, ok := index[string(buf)]; ok {
			sets[i] = append(sets[i], s)
		} else {
			index[string(buf)] = len(sets)
			sets = append(sets, []*ir.Shape{s})
		}
	}
	g.twins = map[*ir.Shape]*twin{}
	n := 0
	for _, set := range sets {
		if len(set) < 2 {
			continue
		}
		c := *set[0]
		c.GoName = typePlaceholder
		g.redactAll[&c] = g.redactAll[set[0]]
		tw := &twin{set: strconv.Itoa(n), shape: &c}
		n++
		for _, s := range set {
			g.twins[s] = tw
		}
	}
}

// appendTwinKey appends the key of s's twins to b: everything about s that they share,
// each string with its length before it, each flag as a byte.
func (g *generator) appendTwinKey(b []byte, s *ir.Shape) []byte {
	b = appendKeyInts(b, int(s.Kind), s.HTTPStatus)
	b = appendKeyStrs(b, s.Error, s.ErrorCode)
	b = appendKeyBools(b, s.Input, s.Output, g.redactAll[s])
	b = appendTraits(b, &s.Traits)
	if s.Member != nil || s.Key != nil || s.Value != nil || len(s.EnumValues) > 0 {
		// Never shared: structures and unions have none of these.
		b = appendKeyStrs(b, "not a structure", s.ID)
	}
	b = appendKeyInts(b, len(s.Members))
	for _, m := range s.Members {
		b = appendKeyStrs(b, m.Name, m.GoName, m.Target.ID)
		b = appendTraits(b, &m.Traits)
	}
	return b
}

// appendTraits appends every trait in t but the documentation.
func appendTraits(b []byte, t *ir.Traits) []byte {
	b = appendKeyBools(b, t.Required, t.Sensitive, t.Deprecated, t.IdempotencyToken, t.Sparse, t.Streaming, t.ClientOptional)
	b = appendKeyOpt(b, t.Default)
	b = appendKeyOpt(b, t.EnumValue)
	for _, r := range []*ir.Bounds{t.Length, t.Range} {
		if r == nil {
			b = append(b, 0)
			continue
		}
		b = append(b, 1)
		b = appendKeyOpt(appendKeyOpt(b, r.Min), r.Max)
	}
	b = appendKeyStrs(b, t.Pattern, t.DeprecatedMessage, t.TimestampFormat, t.JSONName)
	b = appendKeyInts(b, len(t.Other))
	if len(t.Other) > 0 {
		ids := make([]string, 0, len(t.Other))
		for id := range t.Other {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			b = appendKeyStrs(b, id, t.Other[id])
		}
	}
	return b
}

func appendKeyStrs(b []byte, ss ...string) []byte {
	for _, s := range ss {
		b = append(binary.AppendUvarint(b, uint64(len(s))), s...)
	}
	return b
}

func appendKeyInts(b []byte, ns ...int) []byte {
	for _, n := range ns {
		b = binary.AppendVarint(b, int64(n))
	}
	return b
}

func appendKeyBools(b []byte, vs ...bool) []byte {
	for _, v := range vs {
		if v {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
	}
	return b
}

func appendKeyOpt(b []byte, p *string) []byte {
	if p == nil {
		return append(b, 0)
	}
	return appendKeyStrs(append(b, 1), *p)
}

// mentions reports whether any name, ID, trait or enum value of m, documentation aside,
// contains text: the strings that per-type and per-shape code can be made of.
func mentions(m *ir.Model, text string) bool {
	has := func(ss ...string) bool {
		for _, s := range ss {
			if strings.Contains(s, text) {
				return true
			}
		}
		return false
	}
	inTraits := func(t *ir.Traits) bool {
		for _, p := range []*string{t.Default, t.EnumValue} {
			if p != nil && has(*p) {
				return true
			}
		}
		for _, r := range []*ir.Bounds{t.Length, t.Range} {
			if r != nil && (r.Min != nil && has(*r.Min) || r.Max != nil && has(*r.Max)) {
				return true
			}
		}
		for id, v := range t.Other {
			if has(id, v) {
				return true
			}
		}
		return has(t.Pattern, t.DeprecatedMessage, t.TimestampFormat, t.JSONName)
	}
	for _, s := range m.Shapes {
		if has(s.ID, s.Name, s.GoName, s.Error, s.ErrorCode) || inTraits(&s.Traits) {
			return true
		}
		for _, mem := range append(s.Members[:len(s.Members):len(s.Members)], s.Member, s.Key, s.Value) {
			if mem != nil && (has(mem.Name, mem.GoName) || inTraits(&mem.Traits)) {
				return true
			}
		}
		for _, v := range s.EnumValues {
			if has(v.Name, v.GoName, v.Value) {
				return true
			}
		}
	}
	for _, op := range m.Operations {
		if has(op.ID, op.Name, op.GoName) {
			return true
		}
	}
	return false
}
