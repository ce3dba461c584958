package gen

import (
	"github.com/dave/jennifer/jen"

	"github.com/awsgen/awsgen/internal/ir"
)

// genClone emits Clone on every structure and union and a clone helper per list and map.
func genClone(g *generator, f *jen.File) {
	for _, s := range g.types {
		f.Comment("Clone returns a deep copy of v that shares no memory with it. Clone of nil is nil.")
		f.Func().Params(jen.Id("v").Op("*").Id(s.GoName)).Id("Clone").Params().Op("*").Id(s.GoName).BlockFunc(func(b *jen.Group) {
			b.If(jen.Id("v").Op("==").Nil()).Block(jen.Return(jen.Nil()))
			b.Id("c").Op(":=").Op("*").Id("v")
			for _, m := range s.Members {
				if g.stream(m) {
					continue // shared: a stream cannot be copied without reading it
				}
				ptr := fieldPointer(s, m)
				if e := g.cloneExpr(m.Target, ptr, jen.Id("v."+m.GoName)); e != nil {
					b.Id("c." + m.GoName).Op("=").Add(e)
				}
			}
			if s.Kind == ir.Union {
				b.If(jen.Id("v.Unknown").Op("!=").Nil()).Block(
					jen.Id("c.Unknown").Op("=").Op("&").Id("UnknownMember").Values(jen.Dict{
						jen.Id("Name"):  jen.Id("v.Unknown.Name"),
						jen.Id("Value"): jen.Id("v.Unknown.Value.clone").Call(),
					}),
				)
			}
			b.Return(jen.Op("&").Id("c"))
		})
	}
	for _, s := range g.collections {
		typ := g.typeOf(s)
		name := "clone" + s.GoName
		f.Func().Id(name).Params(jen.Id("v").Add(typ.Clone())).Add(typ.Clone()).BlockFunc(func(b *jen.Group) {
			b.If(jen.Id("v").Op("==").Nil()).Block(jen.Return(jen.Nil()))
			if s.Kind == ir.List {
				b.Id("c").Op(":=").Make(typ.Clone(), jen.Len(jen.Id("v")))
				e := g.cloneExpr(s.Member.Target, elemPointer(s.Member, s.Sparse()), jen.Id("e"))
				if e == nil {
					b.Copy(jen.Id("c"), jen.Id("v"))
				} else {
					b.For(jen.List(jen.Id("i"), jen.Id("e")).Op(":=").Range().Id("v")).Block(
						jen.Id("c").Index(jen.Id("i")).Op("=").Add(e),
					)
				}
			} else {
				b.Id("c").Op(":=").Make(typ.Clone(), jen.Len(jen.Id("v")))
				e := g.cloneExpr(s.Value.Target, elemPointer(s.Value, s.Sparse()), jen.Id("e"))
				if e == nil {
					e = jen.Id("e")
				}
				b.For(jen.List(jen.Id("k"), jen.Id("e")).Op(":=").Range().Id("v")).Block(
					jen.Id("c").Index(jen.Id("k")).Op("=").Add(e),
				)
			}
			b.Return(jen.Id("c"))
		})
	}
}

// cloneExpr is an expression that deep-copies src, a value slot of shape s (through a
// pointer when ptr), or nil when plain assignment already copies it.
func (g *generator) cloneExpr(s *ir.Shape, ptr bool, src *jen.Statement) jen.Code {
	switch s.Kind {
	case ir.Structure, ir.Union:
		if ptr {
			return src.Dot("Clone").Call()
		}
		return jen.Op("*").Add(src).Dot("Clone").Call()
	case ir.List, ir.Map:
		return jen.Id("clone" + s.GoName).Call(src)
	case ir.Blob:
		return jen.Id("cloneBytes").Call(src)
	case ir.Document:
		return src.Dot("clone").Call()
	case ir.BigInteger:
		return jen.Id("cloneBigInt").Call(src)
	case ir.BigDecimal:
		return jen.Id("cloneBigFloat").Call(src)
	}
	if ptr {
		return jen.Id("clonePtr").Call(src)
	}
	return nil
}
