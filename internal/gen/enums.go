package gen

import (
	"github.com/dave/jennifer/jen"

	"github.com/awsgen/awsgen/internal/ir"
)

// genEnums emits a named type per enum and intEnum, a constant per value and Values().
// The types are open: any string (or integer) converts to them, so values that a newer
// service sends stay representable.
func genEnums(g *generator, f *jen.File) {
	for _, s := range g.enums {
		base := jen.String()
		if s.Kind == ir.IntEnum {
			base = jen.Int32()
		}
		f.Add(g.doc(s.Traits.Doc, typeDeprecation(s))).Type().Id(s.GoName).Add(base)

		if len(s.EnumValues) > 0 {
			f.Comment("The known values of " + s.GoName + ".")
			f.Const().DefsFunc(func(d *jen.Group) {
				for _, v := range s.EnumValues {
					d.Add(g.doc(v.Doc)).Id(v.GoName).Id(s.GoName).Op("=").Add(enumLit(s, v))
				}
			})
		}

		f.Add(lineComment("Values returns the values of " + s.GoName + " known to this version of the package,\n" +
			"in model order. The service may send others."))
		f.Func().Params(jen.Id(s.GoName)).Id("Values").Params().Index().Id(s.GoName).Block(
			jen.Return(jen.Index().Id(s.GoName).ValuesFunc(func(vs *jen.Group) {
				for _, v := range s.EnumValues {
					vs.Id(v.GoName)
				}
			})),
		)
	}
}

func enumLit(s *ir.Shape, v *ir.EnumValue) jen.Code {
	if s.Kind == ir.IntEnum {
		return jen.Lit(int(v.IntValue))
	}
	return jen.Lit(v.Value)
}
