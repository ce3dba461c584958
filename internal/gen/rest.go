package gen

import (
	"github.com/dave/jennifer/jen"

	"github.com/awsgen/awsgen/internal/ir"
)

// genREST emits the HTTP bindings of restJson1 operations. Every operation input gets
// writeREST, which puts its members in URI labels, query parameters, headers and the body;
// every output and error gets readREST, which reads them back from the status, headers and
// body. Where a structure has members outside the body, the body is written or read through
// a view of the structure (restRequestBody<T>, restResponseBody<T>) whose JSON codec has
// the body members only.
func genREST(g *generator, f *jen.File) {
	for _, s := range g.types {
		if g.restInputs[s] {
			g.genWriteREST(f, s)
		}
		if g.restOutputs[s] {
			g.genReadREST(f, s)
		}
	}
}

// stream reports whether m is a streaming payload: a @streaming blob bound to the body of a
// restJson1 input or output. Its field is an io.Reader in an input, an io.ReadCloser in an
// output; it is never read whole into memory, and the methods that would have to read it
// (Clone, Equal, String, MarshalJSON) leave it alone.
func (g *generator) stream(m *ir.Member) bool {
	return g.rest && m.Target.Kind == ir.Blob && m.Target.Traits.Streaming && m.Traits.Location == ir.InPayload
}

// restShapes returns the inputs and the outputs and errors of the operations the client
// sends.
func (g *generator) restShapes() (inputs, outputs map[*ir.Shape]bool) {
	inputs, outputs = map[*ir.Shape]bool{}, map[*ir.Shape]bool{}
	for _, op := range g.ops {
		if op.EventStream() != nil {
			continue
		}
		if op.Input != nil {
			inputs[op.Input] = true
		}
		if op.Output != nil {
			outputs[op.Output] = true
		}
		for _, e := range op.Errors {
			outputs[e] = true
		}
	}
	return inputs, outputs
}

// httpBoundShapes returns the inputs, outputs and errors with members outside the body.
func (g *generator) httpBoundShapes() map[*ir.Shape]bool {
	bound := map[*ir.Shape]bool{}
	for s := range g.restInputs {
		if _, b := restMembers(s, true); len(b) > 0 {
			bound[s] = true
		}
	}
	for s := range g.restOutputs {
		if _, b := restMembers(s, false); len(b) > 0 {
			bound[s] = true
		}
	}
	return bound
}

// restMembers splits a structure's members into those in the body and the others, as a
// request (or a response) places them.
func restMembers(s *ir.Shape, request bool) (body, bound []*ir.Member) {
	for _, m := range s.Members {
		loc := m.ResponseLocation()
		if request {
			loc = m.RequestLocation()
		}
		if loc == ir.InBody {
			body = append(body, m)
		} else {
			bound = append(bound, m)
		}
	}
	return body, bound
}

func (g *generator) genWriteREST(f *jen.File, s *ir.Shape) {
	body, bound := restMembers(s, true)
	view := s.GoName
	if len(bound) > 0 && len(body) > 0 {
		view = "restRequestBody" + s.GoName
		f.Comment("// " + view + " is " + s.GoName + " with the JSON codec of its members in the\n// request body.")
		f.Type().Id(view).Id(s.GoName)
		g.genAppendMembers(f, s, view, body, g.wireName)
	}
	f.Func().Params(jen.Id("v").Op("*").Id(s.GoName)).Id("writeREST").Params(jen.Id("r").Op("*").Id("restRequest")).Error().BlockFunc(func(b *jen.Group) {
		// Query parameters from a map come last: a named one takes precedence.
		for _, pass := range []bool{false, true} {
			for _, m := range bound {
				if (m.RequestLocation() == ir.InQueryParams) == pass {
					g.writeBinding(b, s, m)
				}
			}
		}
		for _, m := range s.Members {
			if m.Traits.HostLabel {
				src := jen.Id("v." + m.GoName)
				val, cond := g.present(s, m, src)
				b.If(cond).Block(jen.Id("r.hostLabel").Call(jen.Lit(m.Name), g.restText(m, m.Target, val, ir.InLabel)))
			}
		}
		if len(body) > 0 {
			recv := jen.Id("v")
			if view != s.GoName {
				recv = jen.Parens(jen.Op("*").Id(view)).Parens(jen.Id("v"))
			}
			b.Return(jen.Id("r.setJSONBody").Call(jen.Add(recv).Dot("AppendJSON").Call(jen.Id("jsonBuffer").Call())))
			return
		}
		b.Return(jen.Nil())
	})
}

// present returns a member's value (dereferenced) and the condition under which it is set.
func (g *generator) present(s *ir.Shape, m *ir.Member, src *jen.Statement) (val, cond jen.Code) {
	ptr := fieldPointer(s, m)
	cond = g.presentCond(m.Target, ptr, src.Clone())
	if cond == nil {
		cond = jen.True()
	}
	if ptr && m.Target.Kind != ir.Structure && m.Target.Kind != ir.Union {
		return jen.Op("*").Add(src.Clone()), cond
	}
	return src.Clone(), cond
}

// writeBinding writes one member bound outside the body.
func (g *generator) writeBinding(b *jen.Group, s *ir.Shape, m *ir.Member) {
	src := jen.Id("v." + m.GoName)
	val, cond := g.present(s, m, src)
	name := m.Traits.LocationName
	t := m.Target
	switch loc := m.RequestLocation(); loc {
	case ir.InLabel:
		b.If(cond).Block(jen.Id("r.label").Call(jen.Lit(name), g.restText(m, t, val, loc)))
	case ir.InQuery, ir.InHeader:
		add := "r.addQuery"
		if loc == ir.InHeader {
			add = "r.setHeader"
		}
		if t.Kind != ir.List {
			b.If(cond).Block(jen.Id(add).Call(jen.Lit(name), g.restText(m, t, val, loc)))
			return
		}
		e := t.Member
		elem, elemCond := jen.Id("e"), jen.Code(nil)
		if elemPointer(e, t.Sparse()) {
			elem, elemCond = jen.Op("*").Id("e"), jen.Id("e").Op("!=").Nil()
		}
		text := g.restText(m, e.Target, elem, loc)
		if loc == ir.InQuery {
			stmt := jen.Id(add).Call(jen.Lit(name), text)
			if elemCond != nil {
				stmt = jen.If(elemCond).Block(stmt)
			}
			b.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Add(src.Clone())).Block(stmt)
			return
		}
		httpDate := e.Target.Kind == ir.Timestamp && timestampFormat(m, e, loc) == "http-date"
		if e.Target.Kind == ir.String && elemCond == nil && m.MediaType() == "" {
			b.If(src.Clone().Op("!=").Nil()).Block(jen.Id(add).Call(jen.Lit(name), jen.Id("restHeaderList").Call(src.Clone(), jen.True())))
			return
		}
		b.If(src.Clone().Op("!=").Nil()).BlockFunc(func(l *jen.Group) {
			l.Id("elems").Op(":=").Make(jen.Index().String(), jen.Lit(0), jen.Len(src.Clone()))
			stmt := jen.Id("elems").Op("=").Append(jen.Id("elems"), text)
			if elemCond != nil {
				stmt = jen.If(elemCond).Block(stmt)
			}
			l.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Add(src.Clone())).Block(stmt)
			l.Id(add).Call(jen.Lit(name), jen.Id("restHeaderList").Call(jen.Id("elems"), jen.Lit(!httpDate)))
		})
	case ir.InQueryParams, ir.InPrefixHeaders:
		v := t.Value
		b.For(jen.Id("_").Op(",").Id("k").Op(":=").Range().Id("sortedKeys").Call(src.Clone())).BlockFunc(func(l *jen.Group) {
			x := src.Clone().Index(jen.Id("k"))
			if loc == ir.InPrefixHeaders {
				l.Id("r.setHeader").Call(jen.Lit(name).Op("+").String().Parens(jen.Id("k")), jen.String().Parens(x))
				return
			}
			if v.Target.Kind == ir.List {
				l.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Add(x)).Block(
					jen.Id("r.addQueryParam").Call(jen.String().Parens(jen.Id("k")), jen.String().Parens(jen.Id("e"))))
				return
			}
			l.Id("r.addQueryParam").Call(jen.String().Parens(jen.Id("k")), jen.String().Parens(x))
		})
	case ir.InPayload:
		ct := m.MediaType()
		switch {
		case g.stream(m):
			if ct == "" {
				ct = "application/octet-stream"
			}
			b.If(cond).Block(jen.Id("r.setStream").Call(src.Clone(), jen.Lit(ct)))
		case t.Kind == ir.Blob:
			if ct == "" {
				ct = "application/octet-stream"
			}
			b.If(cond).Block(jen.Id("r.setBody").Call(src.Clone(), jen.Lit(ct)))
		case t.Kind == ir.String || t.Kind == ir.Enum:
			if ct == "" {
				ct = "text/plain"
			}
			b.If(cond).Block(jen.Id("r.setBody").Call(jen.Index().Byte().Parens(val), jen.Lit(ct)))
		case t.Kind == ir.Document:
			b.If(cond).Block(jen.Id("r.setBody").Call(jen.Index().Byte().Parens(src.Clone()), jen.Lit("application/json")))
		case t.Kind == ir.Structure || t.Kind == ir.Union:
			write := []jen.Code{
				jen.If(jen.Id("err").Op(":=").Id("r.setJSONBody").Call(jen.Add(src.Clone()).Dot("AppendJSON").Call(jen.Id("jsonBuffer").Call())), jen.Id("err").Op("!=").Nil()).Block(jen.Return(jen.Id("err"))),
			}
			if t.Kind == ir.Union {
				// An unset union sends no body.
				b.If(cond).Block(write...)
				return
			}
			// An unset structure is sent as an empty object, as Smithy's protocol tests ask.
			b.If(cond).Block(write...).Else().Block(jen.Id("r.setBody").Call(jen.Index().Byte().Parens(jen.Lit("{}")), jen.Lit("application/json")))
		default:
			panic(&NotSupportedError{Feature: "a " + t.Kind.String() + " payload"})
		}
	}
}

// timestampFormat is the format of a timestamp member (or list element e) in a location:
// the model's, else http-date in headers and date-time in labels and query parameters.
func timestampFormat(m, e *ir.Member, loc ir.Location) string {
	if f := m.ExplicitTimestampFormat(); f != "" {
		return f
	}
	if e != nil {
		if f := e.ExplicitTimestampFormat(); f != "" {
			return f
		}
	}
	if loc == ir.InHeader {
		return "http-date"
	}
	return "date-time"
}

// restText is the text of a scalar value of shape t in a label, query parameter or header.
func (g *generator) restText(m *ir.Member, t *ir.Shape, val jen.Code, loc ir.Location) jen.Code {
	switch t.Kind {
	case ir.String:
		if loc == ir.InHeader && m.MediaType() != "" {
			return jen.Id("restBase64").Call(val)
		}
		return val
	case ir.Blob:
		return jen.Qual("encoding/base64", "StdEncoding").Dot("EncodeToString").Call(val)
	case ir.Enum:
		return jen.String().Parens(val)
	case ir.Boolean:
		return jen.Id("restBool").Call(val)
	case ir.Byte, ir.Short, ir.Integer, ir.Long, ir.IntEnum:
		return jen.Id("restInt").Call(jen.Int64().Parens(val))
	case ir.Float:
		return jen.Id("restFloat").Call(jen.Float64().Parens(val), jen.Lit(32))
	case ir.Double:
		return jen.Id("restFloat").Call(val, jen.Lit(64))
	case ir.BigInteger:
		return jen.Add(val).Dot("String").Call()
	case ir.BigDecimal:
		return jen.Add(val).Dot("Text").Call(jen.LitRune('g'), jen.Lit(-1))
	case ir.Timestamp:
		var e *ir.Member
		if m.Target.Kind == ir.List {
			e = m.Target.Member
		}
		return jen.Id("restTime").Call(val, jen.Lit(timestampFormat(m, e, loc)))
	}
	panic(&NotSupportedError{Feature: "a " + t.Kind.String() + " value in a " + loc.String()})
}

func (g *generator) genReadREST(f *jen.File, s *ir.Shape) {
	body, bound := restMembers(s, false)
	view := s.GoName
	if len(bound) > 0 && len(body) > 0 {
		view = "restResponseBody" + s.GoName
		f.Comment("// " + view + " is " + s.GoName + " with the JSON codec of its members in the\n// response body.")
		f.Type().Id(view).Id(s.GoName)
		g.genDecodeMembers(f, s, view, body, g.wireName)
	}
	f.Func().Params(jen.Id("v").Op("*").Id(s.GoName)).Id("readREST").Params(jen.Id("r").Op("*").Id("restResponse")).Error().BlockFunc(func(b *jen.Group) {
		// The body first: decoding it resets the structure.
		if len(body) > 0 {
			recv := jen.Id("v")
			if view != s.GoName {
				recv = jen.Parens(jen.Op("*").Id(view)).Parens(jen.Id("v"))
			}
			b.If(jen.Id("err").Op(":=").Id("r.decodeBody").Call(recv), jen.Id("err").Op("!=").Nil()).Block(jen.Return(jen.Id("err")))
		}
		for _, m := range bound {
			g.readBinding(b, s, m)
		}
		b.Return(jen.Nil())
	})
}

// readBinding reads one member bound outside the body.
func (g *generator) readBinding(b *jen.Group, s *ir.Shape, m *ir.Member) {
	dst := jen.Id("v." + m.GoName)
	ptr := fieldPointer(s, m)
	set := func(x jen.Code, variable bool) jen.Code {
		switch {
		case !ptr || m.Target.Kind == ir.Structure || m.Target.Kind == ir.Union:
			return dst.Clone().Op("=").Add(x)
		case variable:
			return dst.Clone().Op("=").Op("&").Add(x)
		}
		return dst.Clone().Op("=").Id("ptrTo").Call(x)
	}
	name := m.Traits.LocationName
	t := m.Target
	switch m.ResponseLocation() {
	case ir.InResponseCode:
		b.Add(set(jen.Id("r.statusCode").Call(), false))
	case ir.InPrefixHeaders:
		b.Add(dst.Clone().Op("=").Id("r.prefixHeaders").Call(jen.Lit(name)))
	case ir.InHeader:
		b.If(jen.List(jen.Id("h"), jen.Id("ok")).Op(":=").Id("r.headerValue").Call(jen.Lit(name)), jen.Id("ok")).BlockFunc(func(l *jen.Group) {
			if t.Kind != ir.List {
				l.Add(set(g.parseHeader(l, m, t, nil, name, jen.Id("h"))))
				return
			}
			e := t.Member
			httpDate := e.Target.Kind == ir.Timestamp && timestampFormat(m, e, ir.InHeader) == "http-date"
			l.List(jen.Id("parts"), jen.Id("err")).Op(":=").Id("splitHeaderList").Call(jen.Lit(name), jen.Id("h"), jen.Lit(httpDate))
			l.If(jen.Id("err").Op("!=").Nil()).Block(jen.Return(jen.Id("err")))
			sparse := elemPointer(e, t.Sparse())
			if e.Target.Kind == ir.String && m.MediaType() == "" && !sparse {
				l.Add(dst.Clone().Op("=").Id("parts"))
				return
			}
			l.Id("list").Op(":=").Make(g.typeOf(t), jen.Lit(0), jen.Len(jen.Id("parts")))
			l.For(jen.List(jen.Id("_"), jen.Id("p")).Op(":=").Range().Id("parts")).BlockFunc(func(el *jen.Group) {
				x, variable := g.parseHeader(el, m, e.Target, e, name, jen.Id("p"))
				switch {
				case sparse && variable:
					x = jen.Op("&").Add(x)
				case sparse:
					x = jen.Id("ptrTo").Call(x)
				}
				el.Id("list").Op("=").Append(jen.Id("list"), x)
			})
			l.Add(dst.Clone().Op("=").Id("list"))
		})
	case ir.InPayload:
		if g.stream(m) {
			b.Add(dst.Clone().Op("=").Id("r.stream"))
			return
		}
		switch t.Kind {
		case ir.Blob:
			b.Add(dst.Clone().Op("=").Id("r.payloadBytes").Call())
		case ir.String, ir.Enum:
			b.If(jen.Len(jen.Id("r.body")).Op(">").Lit(0)).Block(
				set(g.typeOf(t).Parens(jen.Id("r.body")), false),
			)
		case ir.Document:
			b.If(jen.Len(jen.Id("r.body")).Op(">").Lit(0)).Block(
				jen.If(jen.Id("err").Op(":=").Id("jsonValid").Call(jen.Id("r.body")), jen.Id("err").Op("!=").Nil()).Block(jen.Return(jen.Id("err"))),
				dst.Clone().Op("=").Id("Document").Parens(jen.Id("r.payloadBytes").Call()),
			)
		case ir.Structure, ir.Union:
			b.If(jen.Len(jen.Id("r.body")).Op(">").Lit(0)).Block(
				dst.Clone().Op("=").New(jen.Id(t.GoName)),
				jen.If(jen.Id("err").Op(":=").Id("r.decodeBody").Call(dst.Clone()), jen.Id("err").Op("!=").Nil()).Block(jen.Return(jen.Id("err"))),
			)
		default:
			panic(&NotSupportedError{Feature: "a " + t.Kind.String() + " payload"})
		}
	}
}

// parseHeader reads header text h as a value of shape t (a member's target or, with e, a
// list element's), returning from readREST with the error when it does not parse. It
// returns the value and whether it is a variable (which can have its address taken).
func (g *generator) parseHeader(l *jen.Group, m *ir.Member, t *ir.Shape, e *ir.Member, name string, h *jen.Statement) (jen.Code, bool) {
	try := func(v, fn string, args ...jen.Code) {
		l.List(jen.Id(v), jen.Id("err")).Op(":=").Id(fn).Call(append([]jen.Code{jen.Lit(name), h.Clone()}, args...)...)
		l.If(jen.Id("err").Op("!=").Nil()).Block(jen.Return(jen.Id("err")))
	}
	switch t.Kind {
	case ir.String:
		if m.MediaType() == "" {
			return h.Clone(), true
		}
		try("x", "parseHeaderBase64")
	case ir.Enum:
		return jen.Id(t.GoName).Parens(h.Clone()), false
	case ir.Boolean:
		try("x", "parseHeaderBool")
	case ir.Long:
		try("x", "parseHeaderInt", jen.Lit(64))
	case ir.Byte, ir.Short, ir.Integer, ir.IntEnum:
		bits := map[ir.Kind]int{ir.Byte: 8, ir.Short: 16, ir.Integer: 32, ir.IntEnum: 32}[t.Kind]
		try("n", "parseHeaderInt", jen.Lit(bits))
		return g.typeOf(t).Parens(jen.Id("n")), false
	case ir.Double:
		try("x", "parseHeaderFloat", jen.Lit(64))
	case ir.Float:
		try("n", "parseHeaderFloat", jen.Lit(32))
		return jen.Float32().Parens(jen.Id("n")), false
	case ir.Timestamp:
		try("x", "parseHeaderTime", jen.Lit(timestampFormat(m, e, ir.InHeader)))
	case ir.Blob:
		try("n", "parseHeaderBase64")
		return jen.Index().Byte().Parens(jen.Id("n")), false
	default:
		panic(&NotSupportedError{Feature: "a " + t.Kind.String() + " value in a header"})
	}
	return jen.Id("x"), true
}
