package gen

import (
	"github.com/dave/jennifer/jen"

	"github.com/awsgen/awsgen/internal/ir"
)

// genString emits String, GoString, Format and LogValue on every structure and union (on
// the value, so that printing a value and printing a pointer both redact), each a call of
// the runtime's printer on the type's print method, and a print helper per list and map.
// A member prints as the redaction marker when it or its target is sensitive, and every
// member of a sensitive structure or union does; what a value holds is printed by the
// value's own rule, so a shape used inside a sensitive one prints its members when printed
// on its own.
func genString(g *generator, f *jen.File) {
	for _, s := range g.types {
		t := s.GoName
		f.Func().Params(jen.Id("v").Id(t)).Id("String").Params().String().Block(
			jen.Return(jen.Id("printString").Call(jen.Op("&").Id("v"))),
		)
		f.Func().Params(jen.Id("v").Id(t)).Id("GoString").Params().String().Block(
			jen.Return(jen.Id("printGoString").Call(jen.Op("&").Id("v"))),
		)
		f.Func().Params(jen.Id("v").Id(t)).Id("Format").Params(jen.Id("st").Qual("fmt", "State"), jen.Id("verb").Rune()).Block(
			jen.Id("printFormat").Call(jen.Id("st"), jen.Id("verb"), jen.Op("&").Id("v")),
		)
		f.Func().Params(jen.Id("v").Id(t)).Id("LogValue").Params().Qual("log/slog", "Value").Block(
			jen.Return(jen.Id("printLogValue").Call(jen.Op("&").Id("v"))),
		)
		f.Func().Params(jen.Id("v").Op("*").Id(t)).Id("print").Params(jen.Id("p").Op("*").Id("printer")).BlockFunc(func(b *jen.Group) {
			b.If(jen.Id("v").Op("==").Nil()).Block(jen.Id("p.null").Call(), jen.Return())
			b.Id("p.open").Call(jen.Lit(t))
			for _, m := range s.Members {
				ptr := fieldPointer(s, m)
				src := jen.Id("v." + m.GoName)
				body := []jen.Code{jen.Id("p.field").Call(jen.Lit(m.GoName))}
				switch {
				case s.Traits.Sensitive || m.Sensitive():
					body = append(body, jen.Id("p.redacted").Call())
				case g.stream(m):
					body = append(body, jen.Id("p.stream").Call())
				default:
					body = append(body, g.printStmt(m.Target, ptr, src.Clone()))
				}
				if ptr || nilable(m.Target.Kind) {
					b.If(src.Clone().Op("!=").Nil()).Block(body...)
				} else {
					for _, c := range body {
						b.Add(c)
					}
				}
			}
			if s.Kind == ir.Union {
				b.If(jen.Id("v.Unknown").Op("!=").Nil()).Block(
					jen.Id("p.field").Call(jen.Lit("Unknown")),
					jen.Id("p.str").Call(jen.Id("v.Unknown.Name")),
				)
			}
			b.Id("p.close").Call()
		})
	}
	for _, s := range g.collections {
		f.Func().Id("print"+s.GoName).Params(jen.Id("p").Op("*").Id("printer"), jen.Id("v").Add(g.typeOf(s))).BlockFunc(func(b *jen.Group) {
			if s.Kind == ir.List {
				m := s.Member
				b.Id("p.openList").Call()
				// Redacted elements are not read: the loop has no index to leave unused.
				loop := jen.For(jen.Id("i").Op(":=").Range().Id("v"))
				if m.Sensitive() {
					loop = jen.For(jen.Range().Id("v"))
				}
				b.Add(loop.BlockFunc(func(l *jen.Group) {
					l.Id("p.elem").Call()
					g.printSlot(l, m, elemPointer(m, s.Sparse()), jen.Id("v").Index(jen.Id("i")))
				}))
				b.Id("p.closeList").Call()
				return
			}
			m := s.Value
			b.Id("p.openMap").Call()
			loop := jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Id("sortedKeys").Call(jen.Id("v")))
			if s.Key.Sensitive() && m.Sensitive() {
				loop = jen.For(jen.Range().Id("v")) // nothing is read: every key and value is redacted
			}
			b.Add(loop.BlockFunc(func(l *jen.Group) {
				if s.Key.Sensitive() {
					l.Id("p.field").Call(jen.Id("redactedMarker"))
				} else {
					l.Id("p.key").Call(jen.String().Parens(jen.Id("k")))
				}
				if m.Sensitive() {
					l.Id("p.redacted").Call()
					return
				}
				l.Id("x").Op(":=").Id("v").Index(jen.Id("k"))
				g.printSlot(l, m, elemPointer(m, s.Sparse()), jen.Id("x"))
			}))
			b.Id("p.closeMap").Call()
		})
	}
}

// printSlot prints one list element or map value, redacted when its member is sensitive.
func (g *generator) printSlot(b *jen.Group, m *ir.Member, ptr bool, src *jen.Statement) {
	if m.Sensitive() {
		b.Id("p.redacted").Call()
		return
	}
	if ptr || nilable(m.Target.Kind) && m.Target.Kind != ir.List && m.Target.Kind != ir.Map {
		// jen's Clone shares src, so printStmt gets its own copy to extend.
		b.If(src.Clone().Op("==").Nil()).Block(jen.Id("p.null").Call()).Else().Block(g.printStmt(m.Target, ptr, src.Clone()))
		return
	}
	b.Add(g.printStmt(m.Target, ptr, src))
}

// printStmt prints a set value slot of shape s.
func (g *generator) printStmt(s *ir.Shape, ptr bool, src *jen.Statement) jen.Code {
	val := src.Clone()
	if ptr && s.Kind != ir.Structure && s.Kind != ir.Union {
		val = jen.Op("*").Add(src.Clone())
	}
	p := func(method string, arg jen.Code) jen.Code { return jen.Id("p").Dot(method).Call(arg) }
	switch s.Kind {
	case ir.Structure, ir.Union:
		// A value slot is addressable (a slice element or a local copy of a map value).
		return src.Dot("print").Call(jen.Id("p"))
	case ir.List, ir.Map:
		return jen.Id("print"+s.GoName).Call(jen.Id("p"), src)
	case ir.String:
		return p("str", val)
	case ir.Enum:
		return p("str", jen.String().Parens(val))
	case ir.Boolean:
		return p("boolean", val)
	case ir.Byte, ir.Short, ir.Integer, ir.Long, ir.IntEnum:
		return p("integer", jen.Int64().Parens(val))
	case ir.Float, ir.Double:
		return p("float", jen.Float64().Parens(val))
	case ir.Timestamp:
		return p("timestamp", val)
	case ir.Blob:
		return p("blob", val)
	case ir.Document:
		return p("document", val)
	case ir.BigInteger:
		return p("bigInt", val)
	case ir.BigDecimal:
		return p("bigFloat", val)
	}
	panic(&NotSupportedError{Feature: "printing a " + s.Kind.String() + " value"})
}
