package gen

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/awsgen/awsgen/internal/docs"
	"github.com/awsgen/awsgen/internal/ir"
	"github.com/awsgen/awsgen/internal/names"
)

const docWidth = 100

// lineComment renders text as "//" comment lines (jennifer would use /* */ for several lines).
func lineComment(text string) *jen.Statement {
	return jen.Comment("// " + strings.ReplaceAll(text, "\n", "\n// "))
}

func docComment(html string) string {
	return strings.TrimRight(docs.Comment(html, docWidth), "\n")
}

// typeOf is the Go type of a value of shape s (never an optional pointer).
func (g *generator) typeOf(s *ir.Shape) *jen.Statement {
	switch s.Kind {
	case ir.Structure, ir.Union, ir.Enum, ir.IntEnum:
		return jen.Id(s.GoName)
	case ir.String:
		return jen.String()
	case ir.Boolean:
		return jen.Bool()
	case ir.Byte:
		return jen.Int8()
	case ir.Short:
		return jen.Int16()
	case ir.Integer:
		return jen.Int32()
	case ir.Long:
		return jen.Int64()
	case ir.Float:
		return jen.Float32()
	case ir.Double:
		return jen.Float64()
	case ir.BigInteger:
		return jen.Op("*").Qual("math/big", "Int")
	case ir.BigDecimal:
		return jen.Op("*").Qual("math/big", "Float")
	case ir.Timestamp:
		return jen.Qual("time", "Time")
	case ir.Blob:
		return jen.Index().Byte()
	case ir.Document:
		return jen.Id("Document")
	case ir.List:
		return jen.Index().Add(g.slotType(s.Member, elemPointer(s.Member, s.Sparse())))
	case ir.Map:
		return jen.Map(g.typeOf(s.Key.Target)).Add(g.slotType(s.Value, elemPointer(s.Value, s.Sparse())))
	}
	panic(&NotSupportedError{Feature: "a Go type for " + s.Kind.String() + " shapes"}) // the loaders admit no other kinds
}

// nilable kinds have a Go zero value that already means "unset".
func nilable(k ir.Kind) bool {
	switch k {
	case ir.List, ir.Map, ir.Blob, ir.Document, ir.BigInteger, ir.BigDecimal:
		return true
	}
	return false
}

// fieldPointer reports whether a structure or union member is held through a pointer.
// Union members are all optional (exactly one is set), so they are pointers like optional
// structure members.
func fieldPointer(owner *ir.Shape, m *ir.Member) bool {
	if nilable(m.Target.Kind) {
		return false
	}
	if owner.Kind == ir.Union {
		return true
	}
	return m.Pointer()
}

// elemPointer reports whether a list element or map value is held through a pointer: only
// in sparse collections, where null entries must be representable.
func elemPointer(m *ir.Member, sparse bool) bool {
	return sparse && !nilable(m.Target.Kind)
}

// slotType is the Go type of a value slot: a field, list element or map value.
func (g *generator) slotType(m *ir.Member, ptr bool) *jen.Statement {
	if ptr {
		return jen.Op("*").Add(g.typeOf(m.Target))
	}
	return g.typeOf(m.Target)
}

func genTypes(g *generator, f *jen.File) {
	for _, s := range g.types {
		g.genStruct(f, s)
	}
}

func (g *generator) genStruct(f *jen.File, s *ir.Shape) {
	var fields []jen.Code
	for i, m := range s.Members {
		field := jen.Null()
		if i > 0 {
			field.Line()
		}
		if d := m.Doc(); d != "" && !g.opt.NoDocs {
			field.Add(jen.Comment(g.docComment(d)).Line())
		}
		if note := memberNote(s, m); note != "" {
			if d := m.Doc(); d != "" && !g.opt.NoDocs {
				field.Comment("//").Line()
			}
			field.Comment(note).Line()
		}
		switch {
		case g.stream(m) && g.restOutputs[s]:
			field.Id(m.GoName).Qual("io", "ReadCloser")
		case g.stream(m):
			field.Id(m.GoName).Qual("io", "Reader")
		default:
			field.Id(m.GoName).Add(g.slotType(m, fieldPointer(s, m)))
		}
		fields = append(fields, field)
	}
	if s.Kind == ir.Union {
		if len(fields) > 0 {
			fields = append(fields, jen.Line())
		}
		fields = append(fields, jen.Comment("Unknown holds a member that this version of the package does not know.").Line().
			Id(names.UnionUnknownField).Op("*").Id("UnknownMember"))
	}
	union := ""
	if s.Kind == ir.Union {
		union = s.GoName + " is a union: at most one member may be set, and exactly one when it is sent."
	}
	sensitive := ""
	if s.Traits.Sensitive {
		sensitive = s.GoName + " is sensitive in the service model: every member prints as [redacted]."
	}
	f.Add(g.doc(s.Traits.Doc, union, sensitive, typeDeprecation(s))).Type().Id(s.GoName).Struct(fields...)
}

// memberNote is the fixed part of a member's comment: requirement, default, deprecation.
func memberNote(owner *ir.Shape, m *ir.Member) string {
	var note string
	if m.Required() {
		note = "// This member is required."
	}
	if m.HasDefault() && owner.Kind == ir.Structure {
		if note != "" {
			note += "\n"
		}
		note += "// Default: " + *m.Traits.Default
	}
	if r := redactionNote(m); r != "" && !owner.Traits.Sensitive {
		if note != "" {
			note += "\n"
		}
		note += "// " + r
	}
	if m.Traits.Deprecated || m.Target.Traits.Deprecated {
		if note != "" {
			note += "\n//\n"
		}
		t := m.Traits
		if !t.Deprecated {
			t = m.Target.Traits
		}
		note += "// Deprecated: " + deprecation(t)
	}
	return note
}

// redactionNote says when and why a member prints redacted (String, GoString, Format,
// LogValue), or is "".
func redactionNote(m *ir.Member) string {
	switch {
	case m.Traits.Sensitive:
		return "Printed as [redacted]: the member is sensitive."
	case m.Target.Traits.Sensitive:
		return "Printed as [redacted]: its shape " + m.Target.Name + " is sensitive."
	}
	switch t := m.Target; t.Kind {
	case ir.List:
		if t.Member.Sensitive() {
			return "Its elements print as [redacted]: they are sensitive."
		}
	case ir.Map:
		switch {
		case t.Key.Sensitive() && t.Value.Sensitive():
			return "Its keys and values print as [redacted]: they are sensitive."
		case t.Key.Sensitive():
			return "Its keys print as [redacted]: they are sensitive."
		case t.Value.Sensitive():
			return "Its values print as [redacted]: they are sensitive."
		}
	}
	return ""
}

func typeDeprecation(s *ir.Shape) string {
	if !s.Traits.Deprecated {
		return ""
	}
	return "Deprecated: " + deprecation(s.Traits)
}

func deprecation(t ir.Traits) string {
	if t.DeprecatedMessage != "" {
		return oneLine(t.DeprecatedMessage)
	}
	return "this is deprecated in the service model."
}

func oneLine(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == '\n' || c == '\r' {
			b[i] = ' '
		}
	}
	return string(b)
}
