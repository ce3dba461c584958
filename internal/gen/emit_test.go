package gen

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/awsgen/awsgen/internal/ir"
)

func str(s string) *string { return &s }

func TestFieldPointer(t *testing.T) {
	s := func(k ir.Kind) *ir.Shape { return &ir.Shape{Kind: k, GoName: "T"} }
	st := s(ir.Structure)
	un := s(ir.Union)
	for _, tc := range []struct {
		owner *ir.Shape
		m     *ir.Member
		want  bool
	}{
		{st, &ir.Member{Target: s(ir.String)}, true},
		{st, &ir.Member{Target: s(ir.String), Traits: ir.Traits{Required: true}}, true},
		{st, &ir.Member{Target: s(ir.Integer), Traits: ir.Traits{Default: str("7")}}, false},
		{st, &ir.Member{Target: s(ir.Integer), Traits: ir.Traits{Default: str("null")}}, true},
		{st, &ir.Member{Target: s(ir.Structure)}, true},
		{st, &ir.Member{Target: s(ir.List)}, false},
		{st, &ir.Member{Target: s(ir.Map)}, false},
		{st, &ir.Member{Target: s(ir.Blob)}, false},
		{st, &ir.Member{Target: s(ir.Document)}, false},
		{st, &ir.Member{Target: s(ir.BigInteger)}, false},
		{un, &ir.Member{Target: s(ir.Boolean), Traits: ir.Traits{Default: str("true")}}, true},
	} {
		if got := fieldPointer(tc.owner, tc.m); got != tc.want {
			t.Errorf("fieldPointer(%v in %v, default %v) = %v, want %v", tc.m.Target.Kind, tc.owner.Kind, tc.m.Traits.Default, got, tc.want)
		}
	}
}

func render1(c jen.Code) string { return fmt.Sprintf("%#v", c) }

func TestDefaultExpr(t *testing.T) {
	g := &generator{}
	enum := &ir.Shape{Kind: ir.Enum, GoName: "Color", EnumValues: []*ir.EnumValue{{Value: "red", GoName: "ColorRed"}}}
	list := &ir.Shape{Kind: ir.List, Member: &ir.Member{Target: &ir.Shape{Kind: ir.String}}}
	for _, tc := range []struct {
		s         *ir.Shape
		raw, want string
	}{
		{&ir.Shape{Kind: ir.String}, `"x"`, `"x"`},
		{&ir.Shape{Kind: ir.Integer}, `7`, `7`},
		{&ir.Shape{Kind: ir.Boolean}, `true`, `true`},
		{&ir.Shape{Kind: ir.Double}, `1.5`, `1.5`},
		{&ir.Shape{Kind: ir.Double}, `"NaN"`, `math.NaN()`},
		{enum, `"red"`, `ColorRed`},
		{enum, `"blue"`, `Color("blue")`},
		{list, `[]`, `[]string{}`},
		{&ir.Shape{Kind: ir.Timestamp}, `1.5`, `time.Unix(1, 500000000).UTC()`},
		{&ir.Shape{Kind: ir.Blob}, `"aGk="`, `[]byte("hi")`},
	} {
		e, err := defaultExpr(g, tc.s, tc.raw)
		if err != nil {
			t.Errorf("%s: %v", tc.raw, err)
			continue
		}
		if got := render1(e); got != tc.want {
			t.Errorf("default %s for %v = %s, want %s", tc.raw, tc.s.Kind, got, tc.want)
		}
	}
	if _, err := defaultExpr(g, &ir.Shape{Kind: ir.Integer}, `"x"`); err == nil {
		t.Error("a string default for an integer was accepted")
	}
}

func TestRangeCond(t *testing.T) {
	v := func() *jen.Statement { return jen.Id("x") }
	for _, tc := range []struct {
		k        ir.Kind
		min, max *string
		want     string
	}{
		{ir.Integer, str("1"), str("100"), "x < 1 || x > 100"},
		{ir.Integer, nil, str("5"), "x > 5"},
		{ir.Byte, str("-1000"), str("1000"), ""}, // beyond int8 on both sides
		{ir.Integer, str("0.5"), nil, "x < 1"},   // a fractional minimum rounds up
		// Floats are outside unless inside, so that NaN fails every range.
		{ir.Double, str("0.5"), str("1e3"), "!(x >= 0.5 && x <= 1000.0)"},
		{ir.Float, nil, str("2"), "!(x <= 2.0)"},
	} {
		c := rangeCond(tc.k, v(), &ir.Bounds{Min: tc.min, Max: tc.max})
		got := ""
		if c != nil {
			got = render1(c)
		}
		if got != tc.want {
			t.Errorf("rangeCond(%v, %v, %v) = %q, want %q", tc.k, tc.min, tc.max, got, tc.want)
		}
	}
}

func TestTranslatePattern(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{`^[\w+]+$`, `^[\w+]+$`, true},
		{`^[\u0020-\uFFFF]+$`, `^[\x{0020}-\x{FFFF}]+$`, true},
		{`^arn:aws:\/x$`, `^arn:aws:/x$`, true},
		{`^(?!aws:).*$`, "", false}, // lookahead: RE2 cannot express it
		{`^(a)\1$`, "", false},      // backreference
	} {
		got, ok := translatePattern(tc.in)
		if ok != tc.ok || got != tc.want {
			t.Errorf("translatePattern(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestJSONKeyLiteral(t *testing.T) {
	if got := jsonKeyLit(`a"b`); got != `"a\"b":` {
		t.Errorf("jsonKeyLit = %s", got)
	}
	if got := render1(rawString(`"Name":`)); got != "`\"Name\":`" {
		t.Errorf("rawString = %s", got)
	}
	if got := render1(rawString("a`b")); !strings.HasPrefix(got, `"`) {
		t.Errorf("rawString with a backquote = %s", got)
	}
}

func TestLengthCheck(t *testing.T) {
	str := func(s string) *string { return &s }
	for _, tt := range []struct {
		min, max *string
		want     string
	}{
		{nil, nil, "none"},
		{str("0"), nil, "none"},
		{str("0"), str("5"), "max 5"},
		{str("1"), nil, "min 1"},
		{str("2"), str("9"), "min 2 max 9"},
	} {
		m := &ir.Member{Name: "m", Target: &ir.Shape{Kind: ir.String}}
		m.Traits.Length = &ir.Bounds{Min: tt.min, Max: tt.max}
		got := "none"
		if b := lengthCheck(m); b != nil {
			got = strings.TrimSpace(fmt.Sprintf("%s %s", opt("min", b.Min), opt("max", b.Max)))
		}
		if got != tt.want {
			t.Errorf("length %v..%v: check %q, want %q", tt.min, tt.max, got, tt.want)
		}
	}
}

func opt(name string, v *string) string {
	if v == nil {
		return ""
	}
	return name + " " + *v
}

// TestIsLinkDef: isLinkDef matches the lines of the regular expression it replaced.
func TestIsLinkDef(t *testing.T) {
	re := regexp.MustCompile(`^// \[[^\]]+\]: \S+$`)
	for _, l := range []string{
		"// [Text]: https://x", "// [Text]: https://x y", "// [Text]:https://x", "// []: u", "// [a]b]: u",
		"// [a]: ", "// [a]: u\t", "//[a]: u", "// [a]: ü", "// [a [b]: u", "// [a]: u]", "x // [a]: u", "",
	} {
		if got, want := isLinkDef(l), re.MatchString(l); got != want {
			t.Errorf("isLinkDef(%q) = %v, want %v", l, got, want)
		}
	}
}
