package gen

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/awsgen/awsgen/internal/ir"
)

// genErrors makes every error structure implement error and describe itself.
func genErrors(g *generator, f *jen.File) {
	for _, s := range g.types {
		if !s.IsError() {
			continue
		}
		msg := messageMember(s)
		recv := jen.Id("v").Op("*").Id(s.GoName)

		f.Comment("Error returns the error's code and message.")
		f.Func().Params(recv.Clone()).Id("Error").Params().String().Block(
			jen.If(jen.Id("m").Op(":=").Id("v.ErrorMessage").Call(), jen.Id("m").Op("!=").Lit("")).Block(
				jen.Return(jen.Lit(s.ErrorCode+": ").Op("+").Id("m")),
			),
			jen.Return(jen.Lit(s.ErrorCode)),
		)

		f.Comment("ErrorCode returns the code that identifies the error on the wire.")
		f.Func().Params(recv.Clone()).Id("ErrorCode").Params().String().Block(jen.Return(jen.Lit(s.ErrorCode)))

		f.Comment("ErrorMessage returns the message the service sent, if any.")
		f.Func().Params(recv.Clone()).Id("ErrorMessage").Params().String().BlockFunc(func(b *jen.Group) {
			switch {
			case msg == nil:
				b.Return(jen.Lit(""))
			case msg.Sensitive() || s.Traits.Sensitive:
				b.If(jen.Id("v").Op("==").Nil().Op("||").Id("v." + msg.GoName).Op("==").Nil()).Block(jen.Return(jen.Lit("")))
				b.Return(jen.Id("redactedMarker"))
			default:
				b.If(jen.Id("v").Op("==").Nil().Op("||").Id("v." + msg.GoName).Op("==").Nil()).Block(jen.Return(jen.Lit("")))
				b.Return(jen.Op("*").Id("v." + msg.GoName))
			}
		})

		fault := "FaultClient"
		if s.Error == "server" {
			fault = "FaultServer"
		}
		f.Comment("ErrorFault reports whether the client or the service is at fault.")
		f.Func().Params(recv.Clone()).Id("ErrorFault").Params().Id("ErrorFault").Block(jen.Return(jen.Id(fault)))
	}
}

// messageMember is the error's optional string member named "message" in any case.
func messageMember(s *ir.Shape) *ir.Member {
	for _, m := range s.Members {
		if strings.EqualFold(m.Name, "message") && m.Target.Kind == ir.String && fieldPointer(s, m) {
			return m
		}
	}
	return nil
}
