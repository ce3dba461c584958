package gen

import (
	"github.com/dave/jennifer/jen"

	"github.com/awsgen/awsgen/internal/ir"
)

// genEqual emits Equal on every structure and union and an equal helper per list and map.
// Equal is true exactly when both values would serialize to the same JSON document: unset
// and empty differ, map order does not matter, NaN equals NaN, timestamps are instants.
func genEqual(g *generator, f *jen.File) {
	for _, s := range g.types {
		f.Add(lineComment("Equal reports whether v and o hold the same data, as they would be serialized.\n" +
			"Two nil values are equal."))
		f.Func().Params(jen.Id("v").Op("*").Id(s.GoName)).Id("Equal").Params(jen.Id("o").Op("*").Id(s.GoName)).Bool().BlockFunc(func(b *jen.Group) {
			b.If(jen.Id("v").Op("==").Nil().Op("||").Id("o").Op("==").Nil()).Block(jen.Return(jen.Id("v").Op("==").Id("o")))
			for _, m := range s.Members {
				if g.stream(m) {
					b.If(jen.Parens(jen.Id("v." + m.GoName).Op("==").Nil()).Op("!=").Parens(jen.Id("o." + m.GoName).Op("==").Nil())).Block(jen.Return(jen.False()))
					continue
				}
				ptr := fieldPointer(s, m)
				e := g.equalExpr(m.Target, ptr, jen.Id("v."+m.GoName), jen.Id("o."+m.GoName))
				b.If(jen.Op("!").Parens(e)).Block(jen.Return(jen.False()))
			}
			if s.Kind == ir.Union {
				b.If(jen.Parens(jen.Id("v.Unknown").Op("==").Nil()).Op("!=").Parens(jen.Id("o.Unknown").Op("==").Nil())).Block(jen.Return(jen.False()))
				b.If(jen.Id("v.Unknown").Op("!=").Nil()).Block(
					jen.Return(jen.Id("v.Unknown.Name").Op("==").Id("o.Unknown.Name").Op("&&").
						Id("v.Unknown.Value.equal").Call(jen.Id("o.Unknown.Value"))),
				)
			}
			b.Return(jen.True())
		})
	}
	for _, s := range g.collections {
		typ := g.typeOf(s)
		f.Func().Id("equal" + s.GoName).Params(jen.List(jen.Id("a"), jen.Id("b")).Add(typ)).Bool().BlockFunc(func(b *jen.Group) {
			b.If(jen.Parens(jen.Id("a").Op("==").Nil()).Op("!=").Parens(jen.Id("b").Op("==").Nil()).Op("||").Len(jen.Id("a")).Op("!=").Len(jen.Id("b"))).Block(jen.Return(jen.False()))
			if s.Kind == ir.List {
				e := g.equalExpr(s.Member.Target, elemPointer(s.Member, s.Sparse()), jen.Id("a").Index(jen.Id("i")), jen.Id("b").Index(jen.Id("i")))
				b.For(jen.Id("i").Op(":=").Range().Id("a")).Block(
					jen.If(jen.Op("!").Parens(e)).Block(jen.Return(jen.False())),
				)
			} else {
				e := g.equalExpr(s.Value.Target, elemPointer(s.Value, s.Sparse()), jen.Id("x"), jen.Id("y"))
				b.For(jen.List(jen.Id("k"), jen.Id("x")).Op(":=").Range().Id("a")).Block(
					jen.List(jen.Id("y"), jen.Id("ok")).Op(":=").Id("b").Index(jen.Id("k")),
					jen.If(jen.Op("!").Id("ok").Op("||").Op("!").Parens(e)).Block(jen.Return(jen.False())),
				)
			}
			b.Return(jen.True())
		})
	}
}

// equalExpr is a boolean expression comparing two value slots of shape s. Non-pointer
// structure slots (list elements, map values) must be addressable.
func (g *generator) equalExpr(s *ir.Shape, ptr bool, a, b *jen.Statement) *jen.Statement {
	switch s.Kind {
	case ir.Structure, ir.Union:
		if ptr {
			return a.Dot("Equal").Call(b)
		}
		return a.Dot("Equal").Call(jen.Op("&").Add(b))
	case ir.List, ir.Map:
		return jen.Id("equal"+s.GoName).Call(a, b)
	case ir.Blob:
		return jen.Id("equalBytes").Call(a, b)
	case ir.Document:
		return a.Dot("equal").Call(b)
	case ir.BigInteger:
		return jen.Id("equalBigInt").Call(a, b)
	case ir.BigDecimal:
		return jen.Id("equalBigFloat").Call(a, b)
	case ir.Float, ir.Double:
		if ptr {
			return jen.Id("equalFloatPtr").Call(a, b)
		}
		return jen.Id("equalFloat").Call(a, b)
	case ir.Timestamp:
		if ptr {
			return jen.Id("equalTimePtr").Call(a, b)
		}
		return a.Dot("Equal").Call(b)
	}
	if ptr {
		return jen.Id("equalPtr").Call(a, b)
	}
	return a.Op("==").Add(b)
}
