package gen

import (
	"encoding/json"
	"strings"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/awsgen/awsgen/internal/ir"
)

// genCodec emits the awsJson wire codec: AppendJSON, MarshalJSON, UnmarshalJSON and a
// decodeJSON method on every structure and union, and encode/decode helpers per list and
// map. Nothing is reflective: a structure's decoder switches on the index of the member
// nextMember read (the expected next key is matched in place), a union's on the key.
func genCodec(g *generator, f *jen.File) {
	for _, s := range g.types {
		g.genStore(f, s)
		g.genAppendJSON(f, s)
		g.genDecodeJSON(f, s)
	}
	for _, s := range g.collections {
		g.genCollectionCodec(f, s)
	}
	for _, s := range g.enums {
		if s.Kind == ir.Enum {
			g.genEnumDecode(f, s)
		}
	}
}

// codecIDs number the decoder's per-shape scratch: list shapes index its scratch slices
// (jsonScratch), structures its store slabs (jsonStoreFrom). The numbers are positions in
// the generator's sorted shape lists, so they are stable.
type codecIDs struct {
	list, typ map[*ir.Shape]int
}

// structSlab is the slab of the decoder that nested structures of s come from; stores use
// the first len(typ) slabs.
func (ids codecIDs) structSlab(s *ir.Shape) int { return len(ids.typ) + ids.typ[s] }

func newCodecIDs(g *generator) codecIDs {
	ids := codecIDs{list: map[*ir.Shape]int{}, typ: map[*ir.Shape]int{}}
	for i, s := range g.types {
		ids.typ[s] = i
	}
	for i, s := range g.collections {
		ids.list[s] = i
	}
	return ids
}

// genEnumDecode reads an enum without allocating for the values the model knows: they map
// to the constants; any other string is kept as it came.
func (g *generator) genEnumDecode(f *jen.File, s *ir.Shape) {
	f.Func().Id("decodeJSON" + s.GoName).Params(jen.Id("d").Op("*").Id("jsonDecoder")).Id(s.GoName).BlockFunc(func(b *jen.Group) {
		b.List(jen.Id("v"), jen.Id("ok")).Op(":=").Id("d.readStringBytes").Call()
		b.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Lit("")))
		if len(s.EnumValues) > 0 {
			b.Switch(jen.String().Parens(jen.Id("v"))).BlockFunc(func(sw *jen.Group) {
				seen := map[string]bool{}
				for _, ev := range s.EnumValues {
					if seen[ev.Value] {
						continue
					}
					seen[ev.Value] = true
					sw.Case(jen.Lit(ev.Value)).Block(jen.Return(jen.Id(ev.GoName)))
				}
			})
		}
		b.Return(jen.Id(s.GoName).Parens(jen.Id("v")))
	})
}

// jsonKeyLit is the member's key as it is written: quoted, escaped, with the colon.
func jsonKeyLit(name string) string {
	b, _ := json.Marshal(name) // a string always marshals
	return string(b) + ":"
}

// rawString is a string literal in backquotes when s allows it, for readable JSON keys.
func rawString(s string) jen.Code {
	if strings.ContainsAny(s, "`\r") || !utf8.ValidString(s) {
		return jen.Lit(s)
	}
	return jen.Op("`" + s + "`")
}

// storeMembers are the scalar members held through pointers: the decoder allocates their
// values together, once per structure, in a store type.
func storeMembers(s *ir.Shape) []*ir.Member {
	var out []*ir.Member
	for _, m := range s.Members {
		if fieldPointer(s, m) && m.Target.Kind != ir.Structure && m.Target.Kind != ir.Union {
			out = append(out, m)
		}
	}
	return out
}

// hasStore reports whether s has a store type: with a single scalar member a store would be
// no fewer allocations than the member itself.
func hasStore(s *ir.Shape) bool { return len(storeMembers(s)) >= 2 }

// storeName is the name of the store type of a structure.
func storeName(s *ir.Shape) string { return "store" + s.GoName }

// genStore declares the store type of a structure: one field per pointer scalar member.
func (g *generator) genStore(f *jen.File, s *ir.Shape) {
	if !hasStore(s) {
		return
	}
	ms := storeMembers(s)
	f.Comment("// " + storeName(s) + " holds the scalar members of one decoded " + s.GoName + ", so that decoding\n// allocates them together.")
	f.Type().Id(storeName(s)).StructFunc(func(st *jen.Group) {
		for _, m := range ms {
			st.Id(m.GoName).Add(g.typeOf(m.Target))
		}
	})
}

func (g *generator) genAppendJSON(f *jen.File, s *ir.Shape) {
	t := s.GoName
	// On the value, as time.Time's, so that json.Marshal of a value, of a pointer and of a
	// struct holding either all encode the document.
	f.Func().Params(jen.Id("v").Id(t)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("jsonMarshalled").Call(jen.Id("v.AppendJSON").Call(jen.Id("jsonBuffer").Call()))),
	)
	f.Add(lineComment("AppendJSON appends v's JSON document to b. Members are written in model order, map\n" +
		"keys sorted, and unset members left out; it allocates nothing when b has room."))
	g.genAppendMembers(f, s, t, g.documentMembers(s), g.documentKey(s))
}

// genAppendMembers emits AppendJSON on type t (s or a view of it) writing the members given.
func (g *generator) genAppendMembers(f *jen.File, s *ir.Shape, t string, members []*ir.Member, key func(*ir.Member) string) {
	f.Func().Params(jen.Id("v").Op("*").Id(t)).Id("AppendJSON").Params(jen.Id("b").Index().Byte()).Params(jen.Index().Byte(), jen.Error()).BlockFunc(func(b *jen.Group) {
		b.If(jen.Id("v").Op("==").Nil()).Block(jen.Return(jen.Append(jen.Id("b"), jen.Lit("null").Op("...")), jen.Nil()))
		if len(members) == 0 && s.Kind == ir.Structure {
			b.Return(jen.Append(jen.Id("b"), jen.Lit("{}").Op("...")), jen.Nil())
			return
		}
		needErr := false
		for _, m := range members {
			if g.encodeMayFail(m.Target) {
				needErr = true
			}
		}
		if s.Kind == ir.Union {
			g.unionCount(b, s)
			needErr = true
		}
		if needErr {
			b.Var().Id("err").Error()
		}
		b.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('{'))
		b.Id("start").Op(":=").Len(jen.Id("b"))
		for _, m := range members {
			ptr := fieldPointer(s, m)
			src := jen.Id("v." + m.GoName)
			body := []jen.Code{jen.Id("b").Op("=").Id("jsonKey").Call(jen.Id("b"), jen.Id("start"), rawString(jsonKeyLit(key(m))))}
			body = append(body, g.encodeSlot(m, ptr, src.Clone(), func(err jen.Code) jen.Code {
				return jen.Return(jen.Id("b"), jen.Id("jsonEncodeAt").Call(err, jen.Lit(m.Name)))
			})...)
			if cond := g.presentCond(m.Target, ptr, src.Clone()); cond != nil {
				b.If(cond).Block(body...)
			} else {
				for _, c := range body {
					b.Add(c)
				}
			}
		}
		if s.Kind == ir.Union {
			b.If(jen.Id("v.Unknown").Op("!=").Nil()).Block(
				jen.Id("b").Op("=").Id("jsonKey").Call(jen.Id("b"), jen.Id("start"), jen.Lit("")),
				jen.Id("b").Op("=").Id("jsonAppendString").Call(jen.Id("b"), jen.Id("v.Unknown.Name")),
				jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune(':')),
				jen.If(jen.List(jen.Id("b"), jen.Id("err")).Op("=").Id("v.Unknown.Value.appendJSON").Call(jen.Id("b")), jen.Id("err").Op("!=").Nil()).Block(
					jen.Return(jen.Id("b"), jen.Id("jsonEncodeAt").Call(jen.Id("err"), jen.Id("v.Unknown.Name"))),
				),
			)
		}
		b.Return(jen.Append(jen.Id("b"), jen.LitRune('}')), jen.Nil())
	})
}

// wireName is the member's key in a JSON document on the wire: its @jsonName in restJson1,
// else its name (awsJson ignores @jsonName).
func (g *generator) wireName(m *ir.Member) string {
	if g.rest && m.Traits.JSONName != "" {
		return m.Traits.JSONName
	}
	return m.Name
}

func memberName(m *ir.Member) string { return m.Name }

// documentMembers are the members of s in its JSON document: all but a stream.
func (g *generator) documentMembers(s *ir.Shape) []*ir.Member {
	var out []*ir.Member
	for _, m := range s.Members {
		if !g.stream(m) {
			out = append(out, m)
		}
	}
	return out
}

// documentKey is how MarshalJSON and UnmarshalJSON of s name its members: as on the wire,
// except in a restJson1 input, output or error with members bound outside the body. Its
// wire form is an HTTP message, not a document, and two of its members may share a key
// (API Gateway's PutIntegration sends httpMethod in the URI and in the body), so its
// document uses the member names; its body is written by a view with the wire names
// (rest.go).
func (g *generator) documentKey(s *ir.Shape) func(*ir.Member) string {
	if g.httpBound[s] {
		return memberName
	}
	return g.wireName
}

// countUnionSet declares set, the number of members of union v that are set, unknown
// included.
func countUnionSet(b *jen.Group, s *ir.Shape) {
	b.Id("set").Op(":=").Lit(0)
	for _, m := range s.Members {
		b.If(jen.Id("v." + m.GoName).Op("!=").Nil()).Block(jen.Id("set").Op("++"))
	}
	b.If(jen.Id("v.Unknown").Op("!=").Nil()).Block(jen.Id("set").Op("++"))
}

// unionCount makes AppendJSON of a union fail unless exactly one member is set.
func (g *generator) unionCount(b *jen.Group, s *ir.Shape) {
	countUnionSet(b, s)
	b.If(jen.Id("set").Op("!=").Lit(1)).Block(
		jen.Return(jen.Id("b"), jen.Id("jsonEncodeFailure").Call(
			jen.Lit(s.GoName+": a union needs exactly one member set, found ").Op("+").Qual("strconv", "Itoa").Call(jen.Id("set")))),
	)
}

// unionDecodedCount makes decoding a union fail when the object set more than one member,
// known or unknown: such a value could not be sent back.
func (g *generator) unionDecodedCount(b *jen.Group, s *ir.Shape) {
	countUnionSet(b, s)
	b.If(jen.Id("set").Op(">").Lit(1)).Block(
		jen.Id("d.fail").Call(jen.Lit("a union holds exactly one member, found ").Op("+").Qual("strconv", "Itoa").Call(jen.Id("set"))),
	)
}

// presentCond is the condition under which a member is written, or nil for always. Value
// members (those with a model default) are left out at their zero value, as aws-sdk-go-v2
// does.
func (g *generator) presentCond(s *ir.Shape, ptr bool, src *jen.Statement) jen.Code {
	if ptr || nilable(s.Kind) {
		return src.Op("!=").Nil()
	}
	switch s.Kind {
	case ir.Boolean:
		return src
	case ir.String, ir.Enum:
		return src.Op("!=").Lit("")
	case ir.Timestamp:
		return jen.Op("!").Add(src).Dot("IsZero").Call()
	}
	return src.Op("!=").Lit(0)
}

// encodeMayFail reports whether encoding a value of s can return an error.
func (g *generator) encodeMayFail(s *ir.Shape) bool {
	switch s.Kind {
	case ir.Structure, ir.Union, ir.List, ir.Map, ir.Document:
		return true
	}
	return false
}

// encodeValue appends the statements that write a present value slot; fail turns an error
// expression into the statement that returns it with the slot's path.
func (g *generator) encodeValue(s *ir.Shape, ptr bool, src *jen.Statement, fail func(jen.Code) jen.Code) []jen.Code {
	val := src.Clone()
	if ptr && s.Kind != ir.Structure && s.Kind != ir.Union {
		val = jen.Op("*").Add(src.Clone())
	}
	app := func(fn string, args ...jen.Code) []jen.Code {
		return []jen.Code{jen.Id("b").Op("=").Id(fn).Call(append([]jen.Code{jen.Id("b")}, args...)...)}
	}
	try := func(call jen.Code) []jen.Code {
		return []jen.Code{jen.If(jen.List(jen.Id("b"), jen.Id("err")).Op("=").Add(call), jen.Id("err").Op("!=").Nil()).Block(fail(jen.Id("err")))}
	}
	switch s.Kind {
	case ir.Structure, ir.Union:
		if ptr {
			return try(src.Dot("AppendJSON").Call(jen.Id("b")))
		}
		return try(jen.Parens(jen.Op("&").Add(src)).Dot("AppendJSON").Call(jen.Id("b")))
	case ir.List, ir.Map:
		return try(jen.Id("appendJSON"+s.GoName).Call(jen.Id("b"), src))
	case ir.Document:
		return try(src.Dot("appendJSON").Call(jen.Id("b")))
	case ir.String:
		return app("jsonAppendString", val)
	case ir.Enum:
		return app("jsonAppendString", jen.String().Parens(val))
	case ir.Boolean:
		return app("jsonAppendBool", val)
	case ir.Byte, ir.Short, ir.Integer, ir.Long, ir.IntEnum:
		return app("jsonAppendInt", jen.Int64().Parens(val))
	case ir.Float:
		return app("jsonAppendFloat", jen.Float64().Parens(val), jen.Lit(32))
	case ir.Double:
		return app("jsonAppendFloat", val, jen.Lit(64))
	case ir.BigInteger:
		return app("jsonAppendBigInt", val)
	case ir.BigDecimal:
		return app("jsonAppendBigFloat", val)
	case ir.Blob:
		return app("jsonAppendBlob", val)
	case ir.Timestamp:
		panic("gen: timestamps are encoded by encodeMember")
	}
	panic(&NotSupportedError{Feature: "encoding a " + s.Kind.String() + " value"})
}

// timestampFns returns the encoder and decoder functions of a timestamp format.
func timestampFns(format string) (enc, dec string) {
	switch format {
	case "date-time":
		return "jsonAppendDateTime", "readDateTime"
	case "http-date":
		return "jsonAppendHTTPDate", "readHTTPDate"
	}
	return "jsonAppendEpochSeconds", "readEpochSeconds"
}

func (g *generator) genDecodeJSON(f *jen.File, s *ir.Shape) {
	t := s.GoName
	f.Func().Params(jen.Id("v").Op("*").Id(t)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Return(jen.Id("jsonUnmarshal").Call(jen.Id("data"), jen.Id("v"))),
	)
	g.genDecodeMembers(f, s, t, g.documentMembers(s), g.documentKey(s))
}

// genDecodeMembers emits decodeJSON on type t (s or a view of it) reading the members given
// and skipping any other key.
func (g *generator) genDecodeMembers(f *jen.File, s *ir.Shape, t string, members []*ir.Member, key func(*ir.Member) string) {
	useStore := hasStore(s)
	inStore := map[*ir.Member]bool{}
	for _, m := range storeMembers(s) {
		inStore[m] = true
	}
	name, params := "decodeJSON", []jen.Code{jen.Id("d").Op("*").Id("jsonDecoder")}
	if useStore {
		// decodeJSONStore takes the store its scalars go to, so that a list decoder can
		// hand out stores from one allocation; with nil, one is allocated when needed.
		f.Func().Params(jen.Id("v").Op("*").Id(t)).Id("decodeJSON").Params(params...).Block(
			jen.Id("v.decodeJSONStore").Call(jen.Id("d"), jen.Nil()),
		)
		name = "decodeJSONStore"
		params = append(params, jen.Id("st").Op("*").Id(storeName(s)))
	}
	// A structure's keys as they appear on the wire, in model order, let the decoder match
	// the member it expects next without scanning the key, and switch on its index
	// (nextMember).
	keys := ""
	if s.Kind == ir.Structure && len(members) > 0 {
		keys = "jsonKeys" + t
		f.Var().Id(keys).Op("=").Index().String().ValuesFunc(func(v *jen.Group) {
			for _, m := range members {
				v.Lit(`"` + key(m) + `":`)
			}
		})
	}
	f.Func().Params(jen.Id("v").Op("*").Id(t)).Id(name).Params(params...).BlockFunc(func(b *jen.Group) {
		b.Op("*").Id("v").Op("=").Id(t).Values()
		b.If(jen.Id("d.isNull").Call().Op("||").Op("!").Id("d.beginObject").Call()).Block(jen.Return())
		// A structure checks for null (an unset member) and for an error (naming the member)
		// once, around the switch; a union per member, as it keeps an unknown member's null (a
		// structure without members has no keys and decodes as a union does, skipping all).
		perCase := keys == ""
		// A structure switches on the index of the member in its keys, a union on the key.
		next, on := jen.List(jen.Id("key"), jen.Id("ok")).Op(":=").Id("d.nextKey").Call(), jen.String().Parens(jen.Id("key"))
		if !perCase {
			b.Id("k").Op(":=").Lit(0)
			next = jen.List(jen.Id("i"), jen.Id("key"), jen.Id("ok")).Op(":=").Id("d.nextMember").Call(jen.Id(keys), jen.Op("&").Id("k"))
			on = jen.Id("i")
		}
		b.For().BlockFunc(func(l *jen.Group) {
			l.Add(next)
			l.If(jen.Op("!").Id("ok")).BlockFunc(func(end *jen.Group) {
				if s.Kind == ir.Union && len(s.Members) > 0 {
					g.unionDecodedCount(end, s)
				}
				end.Return()
			})
			if !perCase {
				l.If(jen.Id("d.isNull").Call()).Block(jen.Continue())
			}
			l.Switch(on).BlockFunc(func(sw *jen.Group) {
				for i, m := range members {
					ptr := fieldPointer(s, m)
					label := jen.Lit(i)
					if perCase {
						label = jen.Lit(key(m))
					}
					stored := useStore && inStore[m]
					sw.Case(label).BlockFunc(func(c *jen.Group) {
						field, wire := m.GoName, key(m)
						dst := jen.Id("v." + field)
						if perCase {
							c.If(jen.Id("d.isNull").Call()).Block(jen.Continue())
						}
						switch {
						case stored:
							c.If(jen.Id("st").Op("==").Nil()).Block(jen.Id("st").Op("=").New(jen.Id(storeName(s))))
							c.Id("st." + field).Op("=").Add(g.decodeExpr(m, m.Target))
							c.Add(dst.Clone()).Op("=").Op("&").Id("st." + field)
						case ptr && (m.Target.Kind == ir.Structure || m.Target.Kind == ir.Union):
							// From the decoder's slab of the type: nested structures cost one
							// allocation per chunk, not one each. (Their stores from a slab too
							// measured no faster on a page of 50 and slower on a small response.)
							c.Add(dst.Clone()).Op("=").Id("jsonStoreFrom").Types(jen.Id(m.Target.GoName)).Call(jen.Id("d"), jen.Lit(g.codec.structSlab(m.Target)))
							c.Add(dst.Clone()).Dot("decodeJSON").Call(jen.Id("d"))
						case ptr:
							c.Id("x").Op(":=").Add(g.decodeExpr(m, m.Target))
							c.Add(dst.Clone()).Op("=").Op("&").Id("x")
						default:
							c.Add(dst.Clone()).Op("=").Add(g.decodeExpr(m, m.Target))
						}
						if perCase {
							c.If(jen.Id("d.failed").Call()).Block(jen.Id("d.addField").Call(jen.Lit(wire)), jen.Return())
						}
					})
				}
				if s.Kind == ir.Union {
					// awsJson servers may tag a union with its shape ID; it is not a member.
					sw.Case(jen.Lit("__type")).Block(jen.Id("d.skip").Call())
				}
				sw.Default().BlockFunc(func(c *jen.Group) {
					if s.Kind == ir.Union {
						c.Id("v.Unknown").Op("=").Op("&").Id("UnknownMember").Values(jen.Dict{
							jen.Id("Name"):  jen.String().Parens(jen.Id("key")),
							jen.Id("Value"): jen.Id("d.readRaw").Call(),
						})
						c.If(jen.Id("d.failed").Call()).Block(jen.Id("d.addField").Call(jen.String().Parens(jen.Id("key"))), jen.Return())
					} else {
						c.Id("d.skip").Call()
					}
				})
			})
			if !perCase {
				l.If(jen.Id("d.failed").Call()).Block(jen.Id("d.addMember").Call(jen.Id(keys), jen.Id("i"), jen.Id("key")), jen.Return())
			}
		})
	})
}

// decodeExpr reads a (non-null) value of shape s. m gives the timestamp format.
func (g *generator) decodeExpr(m *ir.Member, s *ir.Shape) jen.Code {
	d := jen.Id("d")
	switch s.Kind {
	case ir.String:
		return d.Dot("readString").Call()
	case ir.Enum:
		return jen.Id("decodeJSON" + s.GoName).Call(d)
	case ir.Boolean:
		return d.Dot("readBool").Call()
	case ir.Byte:
		return jen.Int8().Parens(d.Dot("readInt").Call(jen.Lit(8)))
	case ir.Short:
		return jen.Int16().Parens(d.Dot("readInt").Call(jen.Lit(16)))
	case ir.Integer:
		return jen.Int32().Parens(d.Dot("readInt").Call(jen.Lit(32)))
	case ir.IntEnum:
		return jen.Id(s.GoName).Parens(d.Dot("readInt").Call(jen.Lit(32)))
	case ir.Long:
		return d.Dot("readInt").Call(jen.Lit(64))
	case ir.Float:
		return jen.Float32().Parens(d.Dot("readFloat").Call(jen.Lit(32)))
	case ir.Double:
		return d.Dot("readFloat").Call(jen.Lit(64))
	case ir.BigInteger:
		return d.Dot("readBigInt").Call()
	case ir.BigDecimal:
		return d.Dot("readBigFloat").Call()
	case ir.Blob:
		return d.Dot("readBlob").Call()
	case ir.Document:
		return jen.Id("Document").Parens(d.Dot("readRaw").Call())
	case ir.Timestamp:
		_, dec := timestampFns(m.TimestampFormat())
		return d.Dot(dec).Call()
	case ir.List, ir.Map:
		return jen.Id("decodeJSON" + s.GoName).Call(d)
	}
	panic(&NotSupportedError{Feature: "decoding a " + s.Kind.String() + " value"})
}

// genCollectionCodec emits appendJSON<List> and decodeJSON<List> for a list or map shape.
func (g *generator) genCollectionCodec(f *jen.File, s *ir.Shape) {
	typ := g.typeOf(s)
	m := s.Member
	if s.Kind == ir.Map {
		m = s.Value
	}
	ptr := elemPointer(m, s.Sparse())
	mayFail := g.encodeMayFail(m.Target)

	f.Func().Id("appendJSON"+s.GoName).Params(jen.Id("b").Index().Byte(), jen.Id("v").Add(typ.Clone())).Params(jen.Index().Byte(), jen.Error()).BlockFunc(func(b *jen.Group) {
		if mayFail {
			b.Var().Id("err").Error()
		}
		var seg jen.Code
		var elem *jen.Statement
		if s.Kind == ir.List {
			b.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('['))
			seg = jen.Id("jsonIndexSeg").Call(jen.Id("i"))
			elem = jen.Id("v").Index(jen.Id("i"))
		} else {
			b.Var().Id("buf").Index(jen.Lit(16)).Id("jsonEntry").Types(g.typeOf(s.Key.Target), g.slotType(m, ptr))
			b.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('{'))
			seg = jen.Id("jsonKeySeg").Call(jen.String().Parens(jen.Id("k")))
			elem = jen.Id("x")
		}
		body := func(l *jen.Group) {
			l.If(jen.Id("i").Op(">").Lit(0)).Block(jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune(',')))
			if s.Kind == ir.Map {
				l.List(jen.Id("k"), jen.Id("x")).Op(":=").List(jen.Id("e.k"), jen.Id("e.v"))
				l.Id("b").Op("=").Id("jsonAppendString").Call(jen.Id("b"), jen.String().Parens(jen.Id("k")))
				l.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune(':'))
			}
			write := g.encodeSlot(m, ptr, elem.Clone(), func(err jen.Code) jen.Code {
				return jen.Return(jen.Id("b"), jen.Id("jsonEncodeAt").Call(err, seg))
			})
			if ptr || nilable(m.Target.Kind) && m.Target.Kind != ir.List && m.Target.Kind != ir.Map {
				l.If(elem.Clone().Op("==").Nil()).Block(jen.Id("b").Op("=").Append(jen.Id("b"), jen.Lit("null").Op("..."))).Else().Block(write...)
			} else {
				for _, c := range write {
					l.Add(c)
				}
			}
		}
		if s.Kind == ir.List {
			b.For(jen.Id("i").Op(":=").Range().Id("v")).BlockFunc(body)
			b.Return(jen.Append(jen.Id("b"), jen.LitRune(']')), jen.Nil())
		} else {
			b.For(jen.List(jen.Id("i"), jen.Id("e")).Op(":=").Range().Id("jsonSortedEntries").Call(jen.Id("v"), jen.Id("buf").Index(jen.Empty(), jen.Empty()))).BlockFunc(body)
			b.Return(jen.Append(jen.Id("b"), jen.LitRune('}')), jen.Nil())
		}
	})

	f.Func().Id("decodeJSON" + s.GoName).Params(jen.Id("d").Op("*").Id("jsonDecoder")).Add(typ.Clone()).BlockFunc(func(b *jen.Group) {
		if s.Kind == ir.List {
			// Elements are collected in the decoder's scratch slice for this list shape and
			// copied out once, at their exact number, into a chunk shared with other lists of the
			// shape (jsonList.take); structure elements take their stores
			// from the decoder's slab for the store type.
			slot := g.slotType(m, ptr)
			b.If(jen.Op("!").Id("d.beginArray").Call()).Block(jen.Return(jen.Nil()))
			b.Id("sc").Op(":=").Id("jsonScratch").Types(slot).Call(jen.Id("d"), jen.Lit(g.codec.list[s]))
			b.Id("base").Op(":=").Len(jen.Id("sc.items"))
			var decodeStruct func(l *jen.Group)
			if !ptr && (m.Target.Kind == ir.Structure || m.Target.Kind == ir.Union) && hasStore(m.Target) {
				decodeStruct = func(l *jen.Group) {
					l.Id("e.decodeJSONStore").Call(jen.Id("d"), jen.Id("jsonStoreFrom").Types(jen.Id(storeName(m.Target))).Call(jen.Id("d"), jen.Lit(g.codec.typ[m.Target])))
				}
			}
			b.For(jen.Id("i").Op(":=").Lit(0), jen.Id("d.nextElem").Call(), jen.Id("i").Op("++")).BlockFunc(func(l *jen.Group) {
				g.decodeSlot(l, m, ptr, s.Sparse(), func(val jen.Code) jen.Code {
					return jen.Id("sc.items").Op("=").Append(jen.Id("sc.items"), val)
				}, decodeStruct, []jen.Code{jen.Id("d.addIndex").Call(jen.Id("i")), jen.Id("sc.drop").Call(jen.Id("base"))})
			})
			b.Return(jen.Id("sc.take").Call(jen.Id("d"), jen.Id("base")))
			return
		}
		b.Id("v").Op(":=").Make(typ.Clone(), jen.Id("d.countMembers").Call())
		b.If(jen.Op("!").Id("d.beginObject").Call()).Block(jen.Return(jen.Nil()))
		b.For().BlockFunc(func(l *jen.Group) {
			l.List(jen.Id("key"), jen.Id("ok")).Op(":=").Id("d.nextKey").Call()
			l.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Id("v")))
			l.Id("k").Op(":=").Add(g.typeOf(s.Key.Target)).Parens(jen.Id("d.internString").Call(jen.Id("key")))
			g.decodeSlot(l, m, ptr, s.Sparse(), func(val jen.Code) jen.Code {
				return jen.Id("v").Index(jen.Id("k")).Op("=").Add(val)
			}, nil, []jen.Code{jen.Id("d.addKey").Call(jen.String().Parens(jen.Id("k")))})
		})
	})
}

// decodeSlot reads one list element or map value. store receives the value expression;
// decodeStruct, when set, decodes a structure element into e instead of e.decodeJSON(d).
// onFail runs before returning nil after an error.
func (g *generator) decodeSlot(l *jen.Group, m *ir.Member, ptr, sparse bool, store func(jen.Code) jen.Code, decodeStruct func(*jen.Group), onFail []jen.Code) {
	if sparse {
		l.If(jen.Id("d.isNull").Call()).Block(store(jen.Nil()), jen.Continue())
	} else {
		l.If(jen.Id("d.isNull").Call()).Block(jen.Continue())
	}
	isStruct := m.Target.Kind == ir.Structure || m.Target.Kind == ir.Union
	switch {
	case isStruct && !ptr:
		l.Var().Id("e").Id(m.Target.GoName)
		if decodeStruct != nil {
			decodeStruct(l)
		} else {
			l.Id("e.decodeJSON").Call(jen.Id("d"))
		}
		l.Add(store(jen.Id("e")))
	case isStruct:
		l.Id("e").Op(":=").New(jen.Id(m.Target.GoName))
		l.Id("e.decodeJSON").Call(jen.Id("d"))
		l.Add(store(jen.Id("e")))
	case ptr:
		l.Id("e").Op(":=").Add(g.decodeExpr(m, m.Target))
		l.Add(store(jen.Op("&").Id("e")))
	default:
		l.Add(store(g.decodeExpr(m, m.Target)))
	}
	l.If(jen.Id("d.failed").Call()).Block(append(onFail, jen.Return(jen.Nil()))...)
}

// encodeSlot writes a list element or map value that is present.
func (g *generator) encodeSlot(m *ir.Member, ptr bool, src *jen.Statement, fail func(jen.Code) jen.Code) []jen.Code {
	if m.Target.Kind == ir.Timestamp {
		enc, _ := timestampFns(m.TimestampFormat())
		val := src
		if ptr {
			val = jen.Op("*").Add(src)
		}
		return []jen.Code{jen.Id("b").Op("=").Id(enc).Call(jen.Id("b"), val)}
	}
	return g.encodeValue(m.Target, ptr, src, fail)
}
