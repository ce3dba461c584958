package gen

import (
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
// documentation. Names and documentation are all that may differ; twinKey writes the rest.

// twin is a shape's set of twins: its number, and the copy of its first shape named
// typePlaceholder that perShape builds on.
type twin struct {
	set   string
	shape *ir.Shape
}

// findTwins sets g.twins for every structure and union that has a twin. It runs after the
// shapes are selected and marked (markRedacted), before any emitter.
func (g *generator) findTwins() {
	sets := map[string][]*ir.Shape{}
	var keys []string
	for _, s := range g.types {
		k := g.twinKey(s)
		if sets[k] == nil {
			keys = append(keys, k)
		}
		sets[k] = append(sets[k], s)
	}
	g.twins = map[*ir.Shape]*twin{}
	n := 0
	for _, k := range keys {
		set := sets[k]
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

// twinKey writes everything about s that its twins share.
func (g *generator) twinKey(s *ir.Shape) string {
	var b strings.Builder
	w := func(parts ...string) {
		for _, p := range parts {
			b.WriteString(strconv.Quote(p))
			b.WriteByte(' ')
		}
	}
	w(strconv.Itoa(int(s.Kind)), s.Error, s.ErrorCode, strconv.Itoa(s.HTTPStatus),
		strconv.FormatBool(s.Input), strconv.FormatBool(s.Output), strconv.FormatBool(g.redactAll[s]))
	writeTraits(w, &s.Traits)
	if s.Member != nil || s.Key != nil || s.Value != nil || len(s.EnumValues) > 0 {
		w("not a structure") // never shared: structures and unions have none of these
		w(s.ID)
	}
	for _, m := range s.Members {
		b.WriteString("\n")
		w(m.Name, m.GoName, m.Target.ID)
		writeTraits(w, &m.Traits)
	}
	return b.String()
}

// writeTraits writes every trait in t but the documentation.
func writeTraits(w func(...string), t *ir.Traits) {
	opt := func(p *string) string {
		if p == nil {
			return "<nil>"
		}
		return "=" + *p
	}
	bounds := func(r *ir.Bounds) string {
		if r == nil {
			return "<nil>"
		}
		return opt(r.Min) + ".." + opt(r.Max)
	}
	w(strconv.FormatBool(t.Required), opt(t.Default), strconv.FormatBool(t.Sensitive),
		bounds(t.Length), bounds(t.Range), t.Pattern,
		strconv.FormatBool(t.Deprecated), t.DeprecatedMessage, strconv.FormatBool(t.IdempotencyToken),
		t.TimestampFormat, t.JSONName, strconv.FormatBool(t.Sparse), strconv.FormatBool(t.Streaming),
		strconv.FormatBool(t.ClientOptional), opt(t.EnumValue))
	ids := make([]string, 0, len(t.Other))
	for id := range t.Other {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		w(id, t.Other[id])
	}
}
