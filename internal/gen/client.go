package gen

import (
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/awsgen/awsgen/internal/ir"
)

// genOperations emits the operation table: one exported description per operation, with
// its wire target, input, output, errors and whether it needs authentication.
func genOperations(g *generator, f *jen.File) {
	f.Comment("Operation describes one operation of the service.")
	f.Type().Id("Operation").Struct(
		jen.Comment("Name is the operation's name in the model."),
		jen.Id("Name").String(),
		jen.Comment("Target is the X-Amz-Target header value of awsJson services."),
		jen.Id("Target").String(),
		jen.Comment("Input and Output are the Go type names of the request and response; \"\" for none."),
		jen.List(jen.Id("Input"), jen.Id("Output")).String(),
		jen.Comment("Errors are the Go type names of the modeled errors the operation may return."),
		jen.Id("Errors").Index().String(),
		jen.Comment("AuthRequired is false for operations that are sent unsigned (@auth([]), @optionalAuth)."),
		jen.Id("AuthRequired").Bool(),
	)
	f.Comment("Operations lists the operations of the service in name order.")
	f.Func().Id("Operations").Params().Index().Id("Operation").Block(
		jen.Return(jen.Index().Id("Operation").CustomFunc(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}, func(l *jen.Group) {
			for _, op := range g.ops {
				var errs []jen.Code
				for _, e := range op.Errors {
					errs = append(errs, jen.Lit(e.GoName))
				}
				l.Values(jen.Dict{
					jen.Id("Name"):         jen.Lit(op.Name),
					jen.Id("Target"):       jen.Lit(g.target(op)),
					jen.Id("Input"):        jen.Lit(typeName(op.Input)),
					jen.Id("Output"):       jen.Lit(typeName(op.Output)),
					jen.Id("Errors"):       jen.Index().String().Values(errs...),
					jen.Id("AuthRequired"): jen.Lit(op.AuthRequired),
				})
			}
		})),
	)
}

func typeName(s *ir.Shape) string {
	if s == nil {
		return ""
	}
	return s.GoName
}

func (g *generator) target(op *ir.Operation) string {
	if !g.json || g.rest || g.m.Service == nil {
		return ""
	}
	return g.m.Service.TargetPrefix + "." + op.Name
}

// genClient emits the client (awsJson, restJson1): service metadata, error lookup and one method per
// operation over the hand-written runtime in templates/rt/client.go.
func genClient(g *generator, f *jen.File) {
	svc := g.m.Service
	signing := svc.SigningName
	if signing == "" {
		signing = svc.EndpointPrefix
	}
	meta := jen.Dict{
		jen.Id("endpointPrefix"): jen.Lit(svc.EndpointPrefix),
		jen.Id("signingName"):    jen.Lit(signing),
		jen.Id("targetPrefix"):   jen.Lit(svc.TargetPrefix),
		jen.Id("jsonVersion"):    jen.Lit(svc.JSONVersion()),
		jen.Id("userAgent"):      jen.Lit("awsgen-" + g.opt.Package),
		jen.Id("serviceID"):      jen.Lit(svc.SDKID),
		jen.Id("newError"):       jen.Id("newModeledError"),
	}
	if g.rest {
		meta[jen.Id("rest")] = jen.True()
		meta[jen.Id("readError")] = jen.Id("readRESTError")
	}
	f.Var().Id("serviceMeta").Op("=").Id("serviceInfo").Values(meta)
	f.Comment("NewClient returns a client of the service. See Options for the endpoint, region,\nsigning and retry settings.")
	f.Func().Id("NewClient").Params(jen.Id("o").Id("Options")).Op("*").Id("Client").Block(
		jen.Return(jen.Id("newClient").Call(jen.Id("o"), jen.Op("&").Id("serviceMeta"))),
	)
	f.Comment("newModeledError returns an empty modeled error for a wire error code, or nil.")
	f.Func().Id("newModeledError").Params(jen.Id("code").String()).Id("modeledError").BlockFunc(func(b *jen.Group) {
		var errs []*ir.Shape
		for _, s := range g.types {
			if s.IsError() {
				errs = append(errs, s)
			}
		}
		if len(errs) == 0 {
			b.Return(jen.Nil())
			return
		}
		b.Switch(jen.Id("code")).BlockFunc(func(sw *jen.Group) {
			for _, s := range errs {
				sw.Case(jen.Lit(s.ErrorCode)).Block(jen.Return(jen.New(jen.Id(s.GoName))))
			}
		})
		b.Return(jen.Nil())
	})
	for _, op := range g.ops {
		opVar := "op" + op.GoName
		info := jen.Dict{
			jen.Id("name"):         jen.Lit(op.Name),
			jen.Id("authRequired"): jen.Lit(op.AuthRequired),
		}
		if slices.Contains(op.RequestCompression, "gzip") {
			info[jen.Id("gzip")] = jen.True()
		}
		if op.ChecksumRequired {
			info[jen.Id("md5")] = jen.True()
		}
		if op.HostPrefix != "" {
			info[jen.Id("hostPrefix")] = jen.Lit(op.HostPrefix)
		}
		if g.rest {
			info[jen.Id("method")] = jen.Lit(op.HTTPMethod)
			info[jen.Id("path")] = jen.Lit(op.HTTPPath)
			if op.HTTPQuery != "" {
				info[jen.Id("query")] = jen.Lit(op.HTTPQuery)
			}
			if out := op.Output; out != nil {
				for _, m := range out.Members {
					if g.stream(m) {
						info[jen.Id("streamOutput")] = jen.True()
					}
				}
			}
		}
		f.Var().Id(opVar).Op("=").Id("operationInfo").Values(info)
		var notes []string
		stream := op.EventStream()
		if stream != nil {
			notes = append(notes, "This client does not support event streams: the method sends nothing and returns an\n*OperationError wrapping ErrEventStream.")
		}
		if op.Deprecated {
			notes = append(notes, "Deprecated: this operation is deprecated in the service model.")
		}
		var params []jen.Code
		params = append(params, jen.Id("ctx").Qual("context", "Context"))
		if op.Input != nil {
			params = append(params, jen.Id("in").Op("*").Id(op.Input.GoName))
		}
		var results []jen.Code
		if op.Output != nil {
			results = append(results, jen.Op("*").Id(op.Output.GoName))
		}
		results = append(results, jen.Error())
		f.Add(g.doc(op.Doc, notes...)).Func().Params(jen.Id("c").Op("*").Id("Client")).Id(op.GoName).Params(params...).Params(results...).BlockFunc(func(b *jen.Group) {
			if stream != nil {
				err := jen.Id("c.notSupported").Call(jen.Op("&").Id(opVar), jen.Id("ErrEventStream"))
				if op.Output != nil {
					b.Return(jen.Nil(), err)
				} else {
					b.Return(err)
				}
				return
			}
			in := jen.Id("noInput").Values()
			if op.Input != nil {
				in = jen.Id("in")
				for _, m := range op.Input.Members {
					if m.Traits.IdempotencyToken && m.Target.Kind == ir.String && fieldPointer(op.Input, m) {
						// The token is made once, so every retry sends the same one; the
						// caller's value is left untouched.
						b.If(jen.Id("in").Op("!=").Nil().Op("&&").Id("in."+m.GoName).Op("==").Nil()).Block(
							jen.Id("cp").Op(":=").Op("*").Id("in"),
							jen.Id("cp."+m.GoName).Op("=").Id("ptrTo").Call(jen.Id("newIdempotencyToken").Call()),
							jen.Id("in").Op("=").Op("&").Id("cp"),
						)
					}
				}
			}
			invoke := "c.invoke"
			if g.rest {
				invoke = "c.invokeREST"
			}
			if op.Output == nil {
				b.Return(jen.Id(invoke).Call(jen.Id("ctx"), jen.Op("&").Id(opVar), in, jen.Id("noOutput").Values()))
				return
			}
			b.Id("out").Op(":=").New(jen.Id(op.Output.GoName))
			into := jen.Id("out")
			if len(op.Output.Members) == 0 {
				// Nothing to decode: the body is ignored, JSON or not, as aws-sdk-go's
				// "unmodeled non-json response payload" vectors expect.
				into = jen.Id("noOutput").Values()
			}
			b.If(jen.Id("err").Op(":=").Id(invoke).Call(jen.Id("ctx"), jen.Op("&").Id(opVar), in, into), jen.Id("err").Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), jen.Id("err")),
			)
			b.Return(jen.Id("out"), jen.Nil())
		})
	}
	if !g.rest {
		genHostLabels(g, f)
	}
}

// genHostLabels emits hostLabel on the awsJson inputs with @hostLabel members: the client
// fills its operation's host prefix with them (restJson1 inputs give them in writeREST).
func genHostLabels(g *generator, f *jen.File) {
	done := map[*ir.Shape]bool{}
	for _, op := range g.ops {
		in := op.Input
		if in == nil || done[in] {
			continue
		}
		done[in] = true
		var labels []*ir.Member
		for _, m := range in.Members {
			if m.Traits.HostLabel {
				labels = append(labels, m)
			}
		}
		if len(labels) == 0 {
			continue
		}
		f.Func().Params(jen.Id("v").Op("*").Id(in.GoName)).Id("hostLabel").Params(jen.Id("name").String()).String().BlockFunc(func(b *jen.Group) {
			b.Switch(jen.Id("name")).BlockFunc(func(sw *jen.Group) {
				for _, m := range labels {
					val, cond := g.present(in, m, jen.Id("v."+m.GoName))
					sw.Case(jen.Lit(m.Name)).Block(jen.If(cond).Block(jen.Return(jen.String().Parens(val))))
				}
			})
			b.Return(jen.Lit(""))
		})
	}
}
