package gen

import (
	"fmt"
	"math/big"
	"regexp"
	"regexp/syntax"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/dave/jennifer/jen"

	"github.com/awsgen/awsgen/internal/ir"
)

// genValidate emits Validate on every structure and union, from the model's constraint
// traits: required, length, range, pattern, nested members and collection elements. Enums
// stay open. Every violation is reported, each with its member path.
func genValidate(g *generator, f *jen.File) {
	pats := g.patterns()
	for _, s := range g.types {
		t := s.GoName
		f.Func().Params(jen.Id("v").Op("*").Id(t)).Id("Validate").Params().Error().Block(
			jen.Return(jen.Id("validateAll").Call(jen.Id("v"))),
		)
		f.Func().Params(jen.Id("v").Op("*").Id(t)).Id("validate").Params(jen.Id("p").Op("*").Id("vpath"), jen.Id("vs").Op("*").Id("validator")).BlockFunc(func(b *jen.Group) {
			if len(s.Members) == 0 && s.Kind != ir.Union {
				b.Return()
				return
			}
			b.If(jen.Id("v").Op("==").Nil()).Block(jen.Return())
			if s.Kind == ir.Union {
				b.Id("set").Op(":=").Lit(0)
				for _, m := range s.Members {
					b.If(jen.Id("v." + m.GoName).Op("!=").Nil()).Block(jen.Id("set").Op("++"))
				}
				b.If(jen.Id("v.Unknown").Op("!=").Nil()).Block(jen.Id("set").Op("++"))
				b.Id("vs.union").Call(jen.Id("p"), jen.Lit(""), jen.Id("set"))
			}
			for _, m := range s.Members {
				ptr := fieldPointer(s, m)
				src := jen.Id("v." + m.GoName)
				var checks []jen.Code
				if !g.stream(m) {
					checks = g.valueChecks(m, ptr, src.Clone(), jen.Id("p"), m.Name, pats)
				}
				optional := ptr || nilable(m.Target.Kind)
				switch {
				case m.Required() && optional && len(checks) > 0:
					b.If(src.Clone().Op("==").Nil()).Block(
						jen.Id("vs.required").Call(jen.Id("p"), jen.Lit(m.Name)),
					).Else().Block(checks...)
				case m.Required() && optional:
					b.If(src.Clone().Op("==").Nil()).Block(
						jen.Id("vs.required").Call(jen.Id("p"), jen.Lit(m.Name)),
					)
				case optional && len(checks) > 0:
					b.If(src.Clone().Op("!=").Nil()).Block(checks...)
				default:
					for _, c := range checks {
						b.Add(c)
					}
				}
			}
		})
	}
	for _, s := range g.collections {
		if !g.collectionNeedsValidate(s, map[*ir.Shape]bool{}) {
			continue
		}
		f.Func().Id("validate"+s.GoName).Params(jen.Id("p").Op("*").Id("vpath"), jen.Id("v").Add(g.typeOf(s)), jen.Id("vs").Op("*").Id("validator")).BlockFunc(func(b *jen.Group) {
			if s.Kind == ir.List {
				m := s.Member
				ptr := elemPointer(m, s.Sparse())
				b.For(jen.Id("i").Op(":=").Range().Id("v")).BlockFunc(func(l *jen.Group) {
					l.Id("ep").Op(":=").Id("vpath").Values(jen.Id("parent").Op(":").Id("p"), jen.Id("index").Op(":").Id("i"))
					g.slotChecks(l, m, ptr, jen.Id("v").Index(jen.Id("i")), pats)
				})
				return
			}
			m := s.Value
			ptr := elemPointer(m, s.Sparse())
			// Keys in order, so that violations are reported the same way every time.
			b.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Id("sortedKeys").Call(jen.Id("v"))).BlockFunc(func(l *jen.Group) {
				// x is declared only when the value has something to check.
				if len(g.valueChecks(m, ptr, jen.Id("x"), jen.Op("&").Id("ep"), "", map[string]string{})) > 0 {
					l.Id("x").Op(":=").Id("v").Index(jen.Id("k"))
				}
				l.Id("ep").Op(":=").Id("vpath").Values(jen.Id("parent").Op(":").Id("p"), jen.Id("name").Op(":").String().Parens(jen.Id("k")), jen.Id("isKey").Op(":").True())
				for _, c := range g.valueChecks(s.Key, false, jen.Id("k"), jen.Op("&").Id("ep"), "", pats) {
					l.Add(c)
				}
				g.slotChecks(l, m, ptr, jen.Id("x"), pats)
			})
		})
	}
	var exprs []string
	for e := range pats {
		exprs = append(exprs, e)
	}
	sort.Strings(exprs)
	if len(exprs) > 0 {
		f.Comment("Patterns of the model, translated to RE2 and compiled on first use.")
		f.Var().DefsFunc(func(d *jen.Group) {
			for _, e := range exprs {
				d.Id(pats[e]).Op("=").Id("lazyRegexp").Call(rawString(e))
			}
		})
	}
}

// slotChecks validates one list element or map value at path &ep.
func (g *generator) slotChecks(l *jen.Group, m *ir.Member, ptr bool, src *jen.Statement, pats map[string]string) {
	checks := g.valueChecks(m, ptr, src.Clone(), jen.Op("&").Id("ep"), "", pats)
	if len(checks) == 0 {
		l.Id("_").Op("=").Id("ep")
		return
	}
	if ptr || nilable(m.Target.Kind) && m.Target.Kind != ir.List && m.Target.Kind != ir.Map {
		l.If(src.Clone().Op("!=").Nil()).Block(checks...)
		return
	}
	for _, c := range checks {
		l.Add(c)
	}
}

// valueChecks returns the statements checking a present value slot: its own constraints
// (under vs.full) and the validation of what it contains.
//
// name is the member's wire name, or "" for a list element or map entry, whose path is
// already complete.
func (g *generator) valueChecks(m *ir.Member, ptr bool, src *jen.Statement, path jen.Code, member string, pats map[string]string) []jen.Code {
	s := m.Target
	name := jen.Lit(member)
	val := src.Clone()
	if ptr && s.Kind != ir.Structure && s.Kind != ir.Union {
		val = jen.Op("*").Add(src.Clone())
	}
	var own []jen.Code
	if l := lengthCheck(m); l != nil {
		var n jen.Code
		switch s.Kind {
		case ir.String:
			n = jen.Qual("unicode/utf8", "RuneCountInString").Call(val.Clone())
		case ir.Blob, ir.List, ir.Map:
			n = jen.Len(val.Clone())
		}
		if n != nil {
			own = append(own, jen.Id("vs.length").Call(path, name, jen.Int64().Parens(n), boundInt(l.Min), boundInt(l.Max)))
		}
	}
	if r := m.Range(); r != nil && s.Kind.IsNumber() && s.Kind != ir.BigInteger && s.Kind != ir.BigDecimal {
		if cond := rangeCond(s.Kind, val.Clone(), r); cond != nil {
			own = append(own, jen.If(cond).Block(jen.Id("vs.rangeFail").Call(path, name, jen.Lit(boundsText(r)))))
		}
	}
	if pat := m.Pattern(); pat != "" && s.Kind == ir.String {
		if expr, ok := translatePattern(pat); ok {
			id, seen := pats[expr]
			if !seen {
				id = fmt.Sprintf("pattern%d", len(pats))
				pats[expr] = id
			}
			own = append(own, jen.Id("vs.pattern").Call(path, name, jen.Id(id).Call(), val.Clone()))
		} else {
			_, err := translatePatternErr(pat)
			own = append(own, jen.Comment(oneLine("Not enforced: RE2 cannot express the pattern "+strconv.Quote(pat)+" ("+err.Error()+").")))
		}
	}
	var out []jen.Code
	if len(own) > 0 {
		out = append(out, jen.If(jen.Id("vs.full")).Block(own...))
	}
	sub := func() jen.Code {
		if member == "" {
			return path
		}
		return jen.Op("&").Id("vpath").Values(jen.Id("parent").Op(":").Add(path), jen.Id("name").Op(":").Lit(member))
	}
	switch s.Kind {
	case ir.Structure, ir.Union:
		// Value slots are addressable: slice elements, or a local copy of a map value.
		out = append(out, src.Clone().Dot("validate").Call(sub(), jen.Id("vs")))
	case ir.List, ir.Map:
		if g.collectionNeedsValidate(s, map[*ir.Shape]bool{}) {
			out = append(out, jen.Id("validate"+s.GoName).Call(sub(), src.Clone(), jen.Id("vs")))
		}
	}
	return out
}

// collectionNeedsValidate reports whether a list or map has anything to check inside.
func (g *generator) collectionNeedsValidate(s *ir.Shape, seen map[*ir.Shape]bool) bool {
	if seen[s] {
		return false
	}
	seen[s] = true
	ms := []*ir.Member{s.Member}
	if s.Kind == ir.Map {
		ms = []*ir.Member{s.Key, s.Value}
	}
	for _, m := range ms {
		if ownChecks(m) {
			return true
		}
		switch m.Target.Kind {
		case ir.Structure, ir.Union:
			return true
		case ir.List, ir.Map:
			if g.collectionNeedsValidate(m.Target, seen) {
				return true
			}
		}
	}
	return false
}

// ownChecks reports whether valueChecks checks the slot's own constraints. It must agree
// with valueChecks: a length on an enum, a range beyond the type or a pattern RE2 cannot
// compile emit nothing, and a helper emitted for them would not compile.
func ownChecks(m *ir.Member) bool {
	k := m.Target.Kind
	if lengthCheck(m) != nil && (k == ir.String || k == ir.Blob || k == ir.List || k == ir.Map) {
		return true
	}
	if r := m.Range(); r != nil && k.IsNumber() && k != ir.BigInteger && k != ir.BigDecimal && rangeCond(k, jen.Id("x"), r) != nil {
		return true
	}
	if p := m.Pattern(); p != "" && k == ir.String {
		if _, ok := translatePattern(p); ok {
			return true
		}
	}
	return false
}

// lengthCheck is the member's effective @length with what it cannot reject left out: a
// minimum of 0 (no length is negative). It is nil when nothing is left, so that a model that
// writes min 0 and one that does not generate the same code.
func lengthCheck(m *ir.Member) *ir.Bounds {
	l := m.Length()
	if l == nil {
		return nil
	}
	b := *l
	if b.Min != nil {
		if f, ok := new(big.Float).SetString(*b.Min); ok && f.Sign() <= 0 {
			b.Min = nil
		}
	}
	if b.Min == nil && b.Max == nil {
		return nil
	}
	return &b
}

func boundInt(b *string) jen.Code {
	if b == nil {
		return jen.Lit(-1)
	}
	f, ok := new(big.Float).SetString(*b)
	if !ok {
		return jen.Lit(-1)
	}
	i, _ := f.Int64()
	return jen.Lit(int(i))
}

func boundsText(r *ir.Bounds) string {
	lo, hi := "-inf", "+inf"
	if r.Min != nil {
		lo = *r.Min
	}
	if r.Max != nil {
		hi = *r.Max
	}
	return "[" + lo + ", " + hi + "]"
}

// rangeCond is the condition that a number is outside its range. Integer kinds compare
// with integer literals (bounds beyond the type's range are dropped). Floats compare with
// floats and are outside unless inside each bound, so that NaN is outside every range.
func rangeCond(k ir.Kind, val *jen.Statement, r *ir.Bounds) jen.Code {
	if k == ir.Float || k == ir.Double {
		var inside []jen.Code
		for _, b := range []struct {
			bound *string
			op    string
		}{{r.Min, ">="}, {r.Max, "<="}} {
			if b.bound == nil {
				continue
			}
			if f, err := strconv.ParseFloat(*b.bound, 64); err == nil {
				inside = append(inside, val.Clone().Op(b.op).Lit(f))
			}
		}
		switch len(inside) {
		case 0:
			return nil
		case 1:
			return jen.Op("!").Parens(inside[0])
		}
		return jen.Op("!").Parens(jen.Add(inside[0]).Op("&&").Add(inside[1]))
	}
	var conds []jen.Code
	add := func(bound *string, op string) {
		if bound == nil {
			return
		}
		switch k {
		default:
			bf, ok := new(big.Float).SetString(*bound)
			if !ok {
				return
			}
			lo, hi := intLimits(k)
			if op == "<" {
				bf.SetMode(big.ToPositiveInf)
			}
			bi, _ := bf.Int(nil)
			if op == "<" && bi.Cmp(big.NewInt(lo)) <= 0 || op == ">" && bi.Cmp(big.NewInt(hi)) >= 0 {
				return // the type cannot go beyond this bound
			}
			if op == "<" && new(big.Float).SetInt(bi).Cmp(bf) < 0 {
				bi.Add(bi, big.NewInt(1)) // a fractional minimum rounds up
			}
			conds = append(conds, val.Clone().Op(op).Lit(int(bi.Int64())))
		}
	}
	add(r.Min, "<")
	add(r.Max, ">")
	if len(conds) == 0 {
		return nil
	}
	if len(conds) == 1 {
		return conds[0]
	}
	return jen.Add(conds[0]).Op("||").Add(conds[1])
}

func intLimits(k ir.Kind) (int64, int64) {
	switch k {
	case ir.Byte:
		return -1 << 7, 1<<7 - 1
	case ir.Short:
		return -1 << 15, 1<<15 - 1
	case ir.Integer, ir.IntEnum:
		return -1 << 31, 1<<31 - 1
	}
	return -1 << 63, 1<<63 - 1
}

var uEscape = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\\u([0-9a-fA-F]{4})`) })

// translatePattern turns an ECMAScript pattern (Smithy semantics: a search, anchored by the
// pattern itself) into RE2. It reports false for patterns RE2 cannot express (lookaround,
// backreferences, repeat counts over 1000, Java-only classes); those are not enforced, and
// the generated validate method says so where the check would be (README lists the kinds).
func translatePattern(p string) (string, bool) {
	q, err := translatePatternErr(p)
	return q, err == nil
}

// surrogatePair is a UTF-16 surrogate pair spelled as two \u escapes, as ECMAScript patterns
// write characters beyond the Basic Multilingual Plane ("\uD800\uDC00-\uDBFF\uDFFF").
var surrogatePair = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})`)
})

// translatedPattern is a memoized result of translatePatternErr.
type translatedPattern struct {
	q   string
	err error
}

// translatedPatterns memoizes translatePatternErr (string -> translatedPattern): a model
// repeats a few patterns on many members, and compiling them is most of the cost.
var translatedPatterns sync.Map

// translatePatternErr is translatePattern with RE2's reason for refusing a pattern.
func translatePatternErr(p string) (string, error) {
	if r, ok := translatedPatterns.Load(p); ok {
		t := r.(translatedPattern)
		return t.q, t.err
	}
	q, err := translatePatternUncached(p)
	translatedPatterns.Store(p, translatedPattern{q, err})
	return q, err
}

func translatePatternUncached(p string) (string, error) {
	q := p
	if strings.Contains(q, `\u`) {
		q = surrogatePair().ReplaceAllStringFunc(q, func(pair string) string {
			hi, _ := strconv.ParseUint(pair[2:6], 16, 32)
			lo, _ := strconv.ParseUint(pair[8:12], 16, 32)
			return fmt.Sprintf(`\x{%X}`, 0x10000+(hi-0xD800)<<10+(lo-0xDC00))
		})
		q = uEscape().ReplaceAllString(q, `\x{$1}`)
	}
	q = strings.ReplaceAll(q, `\/`, `/`)
	if err := checkRE2(q); err != nil {
		return "", err
	}
	return q, nil
}

// checkRE2 returns the error regexp.Compile returns for expr, without building the
// matcher: parsing as syntax.Perl is the step of regexp.Compile that can fail (the compiler
// of a parsed expression returns no error; TestCheckRE2 holds this to regexp.Compile).
func checkRE2(expr string) error {
	_, err := syntax.Parse(expr, syntax.Perl)
	return err
}

// patterns returns the shared map from RE2 expression to variable name, filled by
// valueChecks in emission order, so the numbering is deterministic.
func (g *generator) patterns() map[string]string { return map[string]string{} }
