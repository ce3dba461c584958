package gen

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/dave/jennifer/jen"

	"github.com/awsgen/awsgen/internal/ir"
)

// genDefault emits Default on every structure and union: the zero value (the runtime's
// zeroed), then every member with a model default (Smithy @default) set to it.
func genDefault(g *generator, f *jen.File) {
	for _, s := range g.types {
		t := s.GoName
		if !hasDefaults(s) {
			f.Func().Params(jen.Id("v").Op("*").Id(t)).Id("Default").Params().Op("*").Id(t).Block(
				jen.Return(jen.Id("zeroed").Call(jen.Id("v"))),
			)
			continue
		}
		f.Func().Params(jen.Id("v").Op("*").Id(t)).Id("Default").Params().Op("*").Id(t).BlockFunc(func(b *jen.Group) {
			b.Id("v").Op("=").Id("zeroed").Call(jen.Id("v"))
			for _, m := range s.Members {
				if !m.HasDefault() || g.stream(m) {
					continue // a stream's default (empty) is no stream
				}
				e := g.defaultValue(m)
				if fieldPointer(s, m) {
					e = jen.Id("ptrTo").Call(jen.Add(g.typeOf(m.Target)).Parens(e))
				}
				b.Id("v." + m.GoName).Op("=").Add(e)
			}
			b.Return(jen.Id("v"))
		})
	}
}

// hasDefaults reports whether s is a structure with a member that has a model default.
func hasDefaults(s *ir.Shape) bool {
	if s.Kind != ir.Structure {
		return false
	}
	for _, m := range s.Members {
		if m.HasDefault() {
			return true
		}
	}
	return false
}

// defaultValue is the Go expression of a member's default. The loaders have checked that
// the JSON value fits the target's kind; a value that does not is reported by DefaultError.
func (g *generator) defaultValue(m *ir.Member) jen.Code {
	e, err := defaultExpr(g, m.Target, *m.Traits.Default)
	if err != nil {
		// Unreachable for models that passed the loader; keep the output compiling and honest.
		return jen.Id(m.Target.GoName).Values().Comment("invalid default: " + err.Error())
	}
	return e
}

func defaultExpr(g *generator, s *ir.Shape, raw string) (jen.Code, error) {
	var v any
	d := json.NewDecoder(strings.NewReader(raw))
	d.UseNumber()
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	switch s.Kind {
	case ir.String:
		if str, ok := v.(string); ok {
			return jen.Lit(str), nil
		}
	case ir.Enum:
		if str, ok := v.(string); ok {
			for _, ev := range s.EnumValues {
				if ev.Value == str {
					return jen.Id(ev.GoName), nil
				}
			}
			return jen.Id(s.GoName).Parens(jen.Lit(str)), nil
		}
	case ir.Boolean:
		if b, ok := v.(bool); ok {
			return jen.Lit(b), nil
		}
	case ir.Byte, ir.Short, ir.Integer, ir.Long, ir.IntEnum:
		if n, ok := v.(json.Number); ok {
			i, err := strconv.ParseInt(string(n), 10, 64)
			if err != nil {
				return nil, err
			}
			if s.Kind == ir.IntEnum {
				for _, ev := range s.EnumValues {
					if ev.IntValue == i {
						return jen.Id(ev.GoName), nil
					}
				}
				return jen.Id(s.GoName).Parens(jen.Lit(int(i))), nil
			}
			return jen.Lit(int(i)), nil
		}
	case ir.Float, ir.Double:
		switch x := v.(type) {
		case json.Number:
			f, err := strconv.ParseFloat(string(x), 64)
			if err != nil {
				return nil, err
			}
			return jen.Lit(f), nil
		case string:
			switch x {
			case "NaN":
				return jen.Qual("math", "NaN").Call(), nil
			case "Infinity":
				return jen.Qual("math", "Inf").Call(jen.Lit(1)), nil
			case "-Infinity":
				return jen.Qual("math", "Inf").Call(jen.Lit(-1)), nil
			}
		}
	case ir.BigInteger:
		if n, ok := v.(json.Number); ok {
			return jen.Id("mustBigInt").Call(jen.Lit(string(n))), nil
		}
	case ir.BigDecimal:
		if n, ok := v.(json.Number); ok {
			return jen.Id("mustBigFloat").Call(jen.Lit(string(n))), nil
		}
	case ir.Timestamp:
		switch x := v.(type) {
		case json.Number:
			f, err := strconv.ParseFloat(string(x), 64)
			if err != nil {
				return nil, err
			}
			sec, frac := math.Modf(f)
			return jen.Qual("time", "Unix").Call(jen.Lit(int(sec)), jen.Lit(int(math.Round(frac*1e3))*1e6)).Dot("UTC").Call(), nil
		case string:
			t, err := time.Parse(time.RFC3339Nano, x)
			if err != nil {
				return nil, err
			}
			t = t.UTC()
			return jen.Qual("time", "Date").Call(jen.Lit(t.Year()), jen.Qual("time", t.Month().String()), jen.Lit(t.Day()),
				jen.Lit(t.Hour()), jen.Lit(t.Minute()), jen.Lit(t.Second()), jen.Lit(t.Nanosecond()), jen.Qual("time", "UTC")), nil
		}
	case ir.Blob:
		if str, ok := v.(string); ok {
			b, err := base64.StdEncoding.DecodeString(str)
			if err != nil {
				b = []byte(str)
			}
			return jen.Index().Byte().Parens(jen.Lit(string(b))), nil
		}
	case ir.Document:
		return jen.Id("Document").Parens(jen.Lit(raw)), nil
	case ir.List:
		if l, ok := v.([]any); ok && len(l) == 0 {
			return g.typeOf(s).Values(), nil
		}
	case ir.Map:
		if mp, ok := v.(map[string]any); ok && len(mp) == 0 {
			return g.typeOf(s).Values(), nil
		}
	}
	return nil, fmt.Errorf("default %s does not fit a %s", raw, s.Kind)
}
