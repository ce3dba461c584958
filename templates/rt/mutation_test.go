package rt

// Tests of the value helpers (values.go) and the validator (validate.go) in place. Generated
// packages exercise both, but only through the generator's own output; these pin the
// runtime's contract with hand-written expectations, so that mutation testing of
// templates/rt (make mutate) can judge them. Each expectation is written out literally,
// never computed by the code under test.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestClonePtrAndBytes(t *testing.T) {
	if clonePtr[int](nil) != nil {
		t.Error("clonePtr(nil) is not nil")
	}
	x := 7
	c := clonePtr(&x)
	if c == &x || *c != 7 {
		t.Errorf("clonePtr(&7) = %p %d, want a new pointer to 7", c, *c)
	}

	if cloneBytes([]byte(nil)) != nil {
		t.Error("cloneBytes(nil) is not nil")
	}
	empty := cloneBytes([]byte{})
	if empty == nil || len(empty) != 0 {
		t.Errorf("cloneBytes(empty) = %#v, want a non-nil empty slice", empty)
	}
	src := []byte("abc")
	cb := cloneBytes(src)
	src[0] = 'X'
	if string(cb) != "abc" {
		t.Errorf("cloneBytes shares memory: %q after changing the source", cb)
	}
	doc := cloneBytes(Document(`{"a":1}`))
	if string(doc) != `{"a":1}` {
		t.Errorf("cloneBytes(Document) = %q", doc)
	}
}

func TestCloneBig(t *testing.T) {
	if cloneBigInt(nil) != nil || cloneBigFloat(nil) != nil {
		t.Error("cloning a nil big number is not nil")
	}
	i := big.NewInt(-42)
	ci := cloneBigInt(i)
	i.SetInt64(1)
	if ci.String() != "-42" {
		t.Errorf("cloneBigInt shares memory: %s", ci)
	}
	f := big.NewFloat(2.5)
	cf := cloneBigFloat(f)
	f.SetFloat64(1)
	if cf.Text('g', -1) != "2.5" {
		t.Errorf("cloneBigFloat shares memory: %s", cf.Text('g', -1))
	}
}

func TestEqualHelpers(t *testing.T) {
	one, one2, two := 1, 1, 2
	nan := math.NaN()
	nan2 := math.NaN()
	zero, negZero := 0.0, math.Copysign(0, -1)
	f32nan := float32(nan)
	t0 := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	t1 := t0.In(time.FixedZone("X", 3600)) // the same instant elsewhere
	t2 := t0.Add(time.Nanosecond)
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"equalPtr nil nil", equalPtr[int](nil, nil), true},
		{"equalPtr nil set", equalPtr(nil, &one), false},
		{"equalPtr set nil", equalPtr(&one, nil), false},
		{"equalPtr same value", equalPtr(&one, &one2), true},
		{"equalPtr other value", equalPtr(&one, &two), false},

		{"equalFloat NaN NaN", equalFloat(nan, nan2), true},
		{"equalFloat NaN 1", equalFloat(nan, 1), false},
		{"equalFloat 1 NaN", equalFloat(1, nan), false},
		{"equalFloat float32 NaN", equalFloat(f32nan, f32nan), true},
		{"equalFloat 0 -0", equalFloat(zero, negZero), false},
		{"equalFloat -0 0", equalFloat(negZero, zero), false},
		{"equalFloat -0 -0", equalFloat(negZero, negZero), true},
		{"equalFloat 1.5 1.5", equalFloat(1.5, 1.5), true},
		{"equalFloat 1.5 2.5", equalFloat(1.5, 2.5), false},
		{"equalFloat +Inf +Inf", equalFloat(math.Inf(1), math.Inf(1)), true},
		{"equalFloat +Inf -Inf", equalFloat(math.Inf(1), math.Inf(-1)), false},

		{"equalFloatPtr nil nil", equalFloatPtr[float64](nil, nil), true},
		{"equalFloatPtr nil set", equalFloatPtr(nil, &zero), false},
		{"equalFloatPtr set nil", equalFloatPtr(&zero, nil), false},
		{"equalFloatPtr NaN NaN", equalFloatPtr(&nan, &nan2), true},
		{"equalFloatPtr 0 -0", equalFloatPtr(&zero, &negZero), false},

		{"equalTimePtr nil nil", equalTimePtr(nil, nil), true},
		{"equalTimePtr nil set", equalTimePtr(nil, &t0), false},
		{"equalTimePtr set nil", equalTimePtr(&t0, nil), false},
		{"equalTimePtr same instant, other zone", equalTimePtr(&t0, &t1), true},
		{"equalTimePtr 1ns apart", equalTimePtr(&t0, &t2), false},

		{"equalBytes nil nil", equalBytes([]byte(nil), nil), true},
		{"equalBytes nil empty", equalBytes(nil, []byte{}), false},
		{"equalBytes empty nil", equalBytes([]byte{}, nil), false},
		{"equalBytes empty empty", equalBytes([]byte{}, []byte{}), true},
		{"equalBytes abc abc", equalBytes([]byte("abc"), []byte("abc")), true},
		{"equalBytes abc abd", equalBytes([]byte("abc"), []byte("abd")), false},

		{"equalBigInt nil nil", equalBigInt(nil, nil), true},
		{"equalBigInt nil set", equalBigInt(nil, big.NewInt(0)), false},
		{"equalBigInt set nil", equalBigInt(big.NewInt(0), nil), false},
		{"equalBigInt 5 5", equalBigInt(big.NewInt(5), big.NewInt(5)), true},
		{"equalBigInt 5 6", equalBigInt(big.NewInt(5), big.NewInt(6)), false},

		{"equalBigFloat nil nil", equalBigFloat(nil, nil), true},
		{"equalBigFloat nil set", equalBigFloat(nil, big.NewFloat(0)), false},
		{"equalBigFloat set nil", equalBigFloat(big.NewFloat(0), nil), false},
		{"equalBigFloat 1.5 1.5 (other precision)", equalBigFloat(big.NewFloat(1.5), new(big.Float).SetPrec(200).SetFloat64(1.5)), true},
		{"equalBigFloat 1.5 2", equalBigFloat(big.NewFloat(1.5), big.NewFloat(2)), false},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %t, want %t", tt.name, tt.got, tt.want)
		}
	}
}

func TestPrinter(t *testing.T) {
	tests := []struct {
		name string
		run  func(p *printer)
		want string
	}{
		{"empty structure", func(p *printer) { p.open("T"); p.close() }, "T{}"},
		{"members", func(p *printer) {
			p.open("T")
			p.field("A")
			p.str("x\"y")
			p.field("B")
			p.integer(-12)
			p.field("C")
			p.boolean(true)
			p.close()
		}, `T{A: "x\"y", B: -12, C: true}`},
		{"redacted and nil", func(p *printer) {
			p.open("T")
			p.field("Secret")
			p.redacted()
			p.field("Next")
			p.null()
			p.close()
		}, "T{Secret: [redacted], Next: nil}"},
		{"list", func(p *printer) {
			p.openList()
			for _, v := range []int64{1, 2, 3} {
				p.elem()
				p.integer(v)
			}
			p.closeList()
		}, "[1, 2, 3]"},
		{"empty list then a member", func(p *printer) {
			p.open("T")
			p.field("L")
			p.openList()
			p.closeList()
			p.field("M")
			p.integer(1)
			p.close()
		}, "T{L: [], M: 1}"},
		{"map", func(p *printer) {
			p.openMap()
			p.key("a b")
			p.integer(1)
			p.key(`q"`)
			p.float(0.5)
			p.close()
		}, `{"a b": 1, "q\"": 0.5}`},
		{"nested structure then a member", func(p *printer) {
			p.open("Outer")
			p.field("In")
			p.open("Inner")
			p.field("X")
			p.integer(1)
			p.close()
			p.field("Y")
			p.integer(2)
			p.close()
		}, "Outer{In: Inner{X: 1}, Y: 2}"},
		{"floats", func(p *printer) {
			p.openList()
			for _, f := range []float64{1.25, 1e21, -0.000001, math.NaN(), math.Inf(-1), math.Copysign(0, -1), math.Nextafter(0.3, 1)} {
				p.elem()
				p.float(f)
			}
			p.closeList()
		}, "[1.25, 1e+21, -1e-06, NaN, -Inf, -0, 0.30000000000000004]"},
		{"timestamp in UTC", func(p *printer) {
			p.timestamp(time.Date(2024, 1, 2, 3, 4, 5, 600, time.FixedZone("X", 3600)))
		}, "2024-01-02T02:04:05.0000006Z"},
		{"blob size only", func(p *printer) { p.blob([]byte("secret")) }, "<6 bytes>"},
		{"big numbers", func(p *printer) {
			p.openList()
			p.elem()
			p.bigInt(mustBigInt("-123456789012345678901234567890"))
			p.elem()
			p.bigInt(nil)
			p.elem()
			p.bigFloat(mustBigFloat("1.25"))
			p.elem()
			p.bigFloat(nil)
			p.closeList()
		}, "[-123456789012345678901234567890, nil, 1.25, nil]"},
		{"text", func(p *printer) { p.text("raw") }, "raw"},
	}
	for _, tt := range tests {
		p := printer{}
		tt.run(&p)
		if got := p.String(); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, got, tt.want)
		}
	}

	p := printer{goSyntax: true, pkg: "svc"}
	p.open("T")
	p.field("A")
	p.str("x")
	p.close()
	if got, want := p.String(), `svc.T{A: "x"}`; got != want {
		t.Errorf("GoString form: got %s, want %s", got, want)
	}
}

func TestMustBig(t *testing.T) {
	if f := mustBigFloat("0.1"); f.Prec() != 256 || f.Text('g', 10) != "0.1" {
		t.Errorf("mustBigFloat(0.1) = %s at %d bits, want 0.1 at 256", f.Text('g', 10), f.Prec())
	}
	if i := mustBigInt("-7"); i.Int64() != -7 {
		t.Errorf("mustBigInt(-7) = %s", i)
	}
	for _, bad := range []func(){func() { mustBigInt("1.5") }, func() { mustBigFloat("x") }} {
		func() {
			defer func() {
				if recover() == nil {
					t.Error("a bad literal does not panic")
				}
			}()
			bad()
		}()
	}
	if v := ptrTo(3); *v != 3 {
		t.Errorf("ptrTo(3) = %d", *v)
	}
}

func TestSortedKeys(t *testing.T) {
	type key string
	got := sortedKeys(map[key]int{"b": 1, "a": 2, "c": 3, "B": 4})
	if fmt.Sprint(got) != "[B a b c]" {
		t.Errorf("sortedKeys = %v, want [B a b c]", got)
	}
	if got := sortedKeys(map[string]int{}); got == nil || len(got) != 0 {
		t.Errorf("sortedKeys(empty) = %#v", got)
	}
}

// twoForms stands for a generated type: String and GoString differ.
type twoForms struct{}

func (v *twoForms) print(p *printer) { p.open("T"); p.close() }
func (v twoForms) Format(st fmt.State, verb rune) {
	printFormat(st, verb, &v)
}

func TestFormatRedacted(t *testing.T) {
	v := twoForms{}
	for _, c := range []struct{ format, want string }{
		{"%v", "T{}"}, {"%+v", "T{}"}, {"%#v", "rt.T{}"}, {"%s", "T{}"}, {"%q", "T{}"}, {"%x", "T{}"}, {"%d", "T{}"},
	} {
		if got := fmt.Sprintf(c.format, v); got != c.want {
			t.Errorf("Sprintf(%q) = %q, want %q", c.format, got, c.want)
		}
	}
}

func TestVpath(t *testing.T) {
	root := &vpath{name: "Limits"}
	item := &vpath{parent: root, name: "Items"}
	elem := &vpath{parent: item, index: 2}
	key := &vpath{parent: &vpath{parent: root, name: "ByKey"}, name: `k"1`, isKey: true}
	tests := []struct {
		p    *vpath
		want string
	}{
		{nil, ""},
		{root, "Limits"},
		{item, "Limits.Items"},
		{elem, "Limits.Items[2]"},
		{&vpath{parent: elem, name: "Name"}, "Limits.Items[2].Name"},
		{&vpath{index: 0}, "[0]"},
		{key, `Limits.ByKey["k\"1"]`},
		{&vpath{parent: key, name: "Child"}, `Limits.ByKey["k\"1"].Child`},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("path %q, want %q", got, tt.want)
		}
	}
}

func TestValidator(t *testing.T) {
	re := regexp.MustCompile(`^[a-z]+$`)
	p := &vpath{name: "Outer"}
	vs := validator{full: true}
	if vs.err() != nil {
		t.Fatal("a validator without violations returns an error")
	}
	vs.required(nil, "Id")
	vs.required(p, "Id")
	vs.length(p, "S", 2, 3, -1)  // below min
	vs.length(p, "S", 3, 3, 5)   // at min: fine
	vs.length(p, "S", 5, 3, 5)   // at max: fine
	vs.length(p, "S", 6, -1, 5)  // above max
	vs.length(p, "S", 0, -1, -1) // unbounded
	vs.length(p, "S", 0, 0, 0)   // exactly 0 allowed
	vs.length(p, "S", 1, -1, 0)  // above a maximum of 0
	vs.rangeFail(&vpath{parent: p, index: 1}, "", "[1, 5]")
	vs.pattern(p, "Code", re, "abc")
	vs.pattern(p, "Code", re, "ab1")
	vs.union(p, "U", 1)
	vs.union(p, "U", 0)
	vs.union(nil, "", 2)
	want := []ValidationError{
		{"Id", "required", "is required"},
		{"Outer.Id", "required", "is required"},
		{"Outer.S", "length", "length 2 is less than the minimum 3"},
		{"Outer.S", "length", "length 6 is more than the maximum 5"},
		{"Outer.S", "length", "length 1 is more than the maximum 0"},
		{"Outer[1]", "range", "must be within [1, 5]"},
		{"Outer.Code", "pattern", "does not match the pattern ^[a-z]+$"},
		{"Outer.U", "union", "a union needs exactly one member set, found 0"},
		{"", "union", "a union needs exactly one member set, found 2"},
	}
	err := vs.err()
	var got ValidationErrors
	if !errors.As(err, &got) {
		t.Fatalf("err() = %T, want ValidationErrors", err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d violations, want %d: %v", len(got), len(want), err)
	}
	for i, w := range want {
		if *got[i] != w {
			t.Errorf("violation %d = %+v, want %+v", i, *got[i], w)
		}
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "validation failed: Id: is required; Outer.Id: is required; Outer.S: length 2") {
		t.Errorf("Error() = %q", msg)
	}
	var one *ValidationError
	if !errors.As(err, &one) || one.Path != "Id" {
		t.Errorf("errors.As finds %+v, want the first violation", one)
	}
	if u := got.Unwrap(); len(u) != len(want) || u[1].Error() != "Outer.Id: is required" {
		t.Errorf("Unwrap = %v", u)
	}
}

func TestLazyRegexp(t *testing.T) {
	re := lazyRegexp(`^a+$`)
	if re() != re() {
		t.Error("lazyRegexp compiles more than once")
	}
	if !re().MatchString("aaa") || re().MatchString("ab") {
		t.Error("lazyRegexp matches wrongly")
	}
}

// --- decoding -------------------------------------------------------------------------

// mutWalk reads any JSON value the way generated decoders do: objects member by member
// (with nextMember and the expected keys when keys is set, else nextKey), arrays element by
// element, scalars with the typed readers.
func mutWalk(d *jsonDecoder, keys []string) {
	if d.isNull() {
		return
	}
	switch d.peek() {
	case '{':
		if !d.beginObject() {
			return
		}
		k := 0
		for {
			var ok bool
			if keys != nil {
				_, _, ok = d.nextMember(keys, &k)
			} else {
				_, ok = d.nextKey()
			}
			if !ok {
				return
			}
			mutWalk(d, keys)
			if d.failed() {
				return
			}
		}
	case '[':
		if !d.beginArray() {
			return
		}
		for d.nextElem() {
			mutWalk(d, keys)
			if d.failed() {
				return
			}
		}
	case '"':
		d.readString()
	case 't', 'f':
		d.readBool()
	default:
		d.readFloat(64)
	}
}

// mutReaders are the decoder's entry points, each run on a fresh decoder.
var mutReaders = []struct {
	name string
	read func(d *jsonDecoder)
}{
	{"skip", func(d *jsonDecoder) { d.skip() }},
	{"readRaw", func(d *jsonDecoder) { d.readRaw() }},
	{"walk nextKey", func(d *jsonDecoder) { mutWalk(d, nil) }},
	{"walk nextMember", func(d *jsonDecoder) { mutWalk(d, []string{`"a":`, `"b":`, `"c":`, `"k":`}) }},
	{"isNull", func(d *jsonDecoder) {
		if !d.isNull() {
			d.skip()
		}
	}},
	{"readString", func(d *jsonDecoder) { d.readString() }},
	{"readInt", func(d *jsonDecoder) { d.readInt(64) }},
	{"readFloat", func(d *jsonDecoder) { d.readFloat(64) }},
	{"readBool", func(d *jsonDecoder) { d.readBool() }},
	{"readBlob", func(d *jsonDecoder) { d.readBlob() }},
	{"readDateTime", func(d *jsonDecoder) { d.readDateTime() }},
	{"readHTTPDate", func(d *jsonDecoder) { d.readHTTPDate() }},
	{"readEpochSeconds", func(d *jsonDecoder) { d.readEpochSeconds() }},
	// Generated decoders open objects and arrays without peeking first.
	{"beginObject", func(d *jsonDecoder) {
		if d.isNull() || !d.beginObject() {
			return
		}
		for {
			if _, ok := d.nextKey(); !ok {
				return
			}
			d.skip()
		}
	}},
	{"beginArray", func(d *jsonDecoder) {
		if d.isNull() || !d.beginArray() {
			return
		}
		for d.nextElem() {
			d.skip()
		}
	}},
	{"countMembers", func(d *jsonDecoder) {
		d.countMembers()
		d.skip()
	}},
}

// mutDecode runs read on data and returns finish's error, or reports a panic.
func mutDecode(t *testing.T, name string, read func(d *jsonDecoder), data string) (err error, panicked bool) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s(%q) panics: %v", name, data, r)
			panicked = true
		}
	}()
	d := newJSONDecoder([]byte(data))
	read(&d)
	return d.finish(), false
}

// TestDecodeEveryPrefix cuts documents at every byte: no reader may panic, and one that is
// handed an incomplete document (encoding/json.Valid is the oracle) must fail.
func TestDecodeEveryPrefix(t *testing.T) {
	docs := []string{
		`{"a":[1,-2.5e+3,0,true,false,null,"x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"],"b":{"c":{}},"d":[],"k":"v"}`,
		` { "a" : "b" , "c" : [ null , true , false ] } `,
		`{"a":1,"b":2,"k":3}`,
		`"\u2028 \ud83d\ude00 \u00e9 plain text"`,
		`"2014-04-29T18:30:38.123Z"`, `"Tue, 29 Apr 2014 18:30:38 GMT"`, `"aGVsbG8gd29ybGQ="`,
		`-0.5e-7`, `1398796238.123`, `-12`, `true`, `false`, `null`, ` null `, `[ ]`, `{ }`,
		`"NaN"`, `"-Infinity"`,
	}
	for _, doc := range docs {
		for k := 0; k <= len(doc); k++ {
			prefix := doc[:k]
			valid := json.Valid([]byte(prefix))
			for _, r := range mutReaders {
				err, panicked := mutDecode(t, r.name, r.read, prefix)
				if !panicked && !valid && err == nil {
					t.Errorf("%s(%q): no error for an incomplete document", r.name, prefix)
				}
			}
		}
	}
}

// TestDecodeTimestampPrefixes cuts the text of timestamps, inside complete strings: every
// strict prefix is malformed, and none may panic.
func TestDecodeTimestampPrefixes(t *testing.T) {
	for _, c := range []struct {
		read func(d *jsonDecoder)
		text string
	}{
		{func(d *jsonDecoder) { d.readDateTime() }, "2014-04-29T18:30:38.123Z"},
		{func(d *jsonDecoder) { d.readDateTime() }, "2014-04-29T18:30:38+05:30"},
		{func(d *jsonDecoder) { d.readHTTPDate() }, "Tue, 29 Apr 2014 18:30:38 GMT"},
		{func(d *jsonDecoder) { d.readHTTPDate() }, "Tue, 9 Apr 2014 18:30:38.5 GMT"},
	} {
		for k := 0; k <= len(c.text); k++ {
			doc := `"` + c.text[:k] + `"`
			err, panicked := mutDecode(t, "timestamp", c.read, doc)
			if panicked {
				continue
			}
			if (k == len(c.text)) != (err == nil) {
				t.Errorf("%s: error %v", doc, err)
			}
		}
	}
}

func TestDecodeEdges(t *testing.T) {
	for _, in := range []string{"null", " null", "\tnull "} {
		d := newJSONDecoder([]byte(in))
		if !d.isNull() || d.finish() != nil {
			t.Errorf("%q is not null", in)
		}
	}
	for _, in := range []string{"nul", "1", `"null"`, "[null]"} {
		d := newJSONDecoder([]byte(in))
		if d.isNull() {
			t.Errorf("%q is null", in)
		}
	}
	d := newJSONDecoder(nil)
	for _, c := range []struct {
		in   string
		want bool
	}{{"true", true}, {"false", false}, {" true", true}} {
		d := newJSONDecoder([]byte(c.in))
		if got := d.readBool(); got != c.want || d.finish() != nil {
			t.Errorf("readBool(%q) = %t, %v", c.in, got, d.finish())
		}
	}
	for _, c := range []struct {
		in   string
		want int64
	}{{"-9", -9}, {"9", 9}, {"-0", 0}, {"90", 90}} {
		d := newJSONDecoder([]byte(c.in))
		if got := d.readInt(64); got != c.want || d.finish() != nil {
			t.Errorf("readInt(%q) = %d, %v", c.in, got, d.finish())
		}
	}
	d = newJSONDecoder([]byte("09"))
	d.readInt(64)
	if err := d.finish(); err == nil || !strings.Contains(err.Error(), "leading zero") {
		t.Errorf(`readInt("09") error = %v, want a leading zero`, err)
	}
	for _, in := range []string{"", "   ", `{"abc`, `{"a\`, `  {`} {
		d := newJSONDecoder([]byte(in))
		if n := d.countMembers(); n != 0 && in != "  {" {
			t.Errorf("countMembers(%q) = %d", in, n)
		}
	}
}

func TestJSONQuoteCharAndClip(t *testing.T) {
	for _, c := range []struct {
		in   byte
		want string
	}{{' ', "' '"}, {'~', "'~'"}, {'a', "'a'"}, {0x1f, "byte 0x1f"}, {0x7f, "byte 0x7f"}, {0x80, "byte 0x80"}, {'\'', `'\''`}, {'"', `'"'`}} {
		if got := jsonQuoteChar(c.in); got != c.want {
			t.Errorf("jsonQuoteChar(%#x) = %s, want %s", c.in, got, c.want)
		}
	}
	forty := strings.Repeat("a", 40)
	if got := jsonClip([]byte(forty)); got != forty {
		t.Errorf("jsonClip(40 bytes) = %q", got)
	}
	if got := jsonClip([]byte(forty + "b")); got != forty+"..." {
		t.Errorf("jsonClip(41 bytes) = %q", got)
	}
}

func TestJSONEpochMillisEdges(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"5e-4", 1, true},   // the first digit alone decides the rounding
		{"4e-4", 0, true},   //
		{"-5e-4", -1, true}, // ties away from zero
		{"1.2345", 1235, true},
		{"1.2344", 1234, true},
		{"-1.2345", -1235, true},
		{"922337203685477580e-2", 9223372036854775800, true}, // one shift at maxMs/10
		{"9223372036854775.8065", math.MaxInt64, true},       // rounds up to exactly the maximum
		{"9223372036854775.8075", 0, false},
		{"9223372036854775808e-3", 0, false},
	} {
		got, ok := jsonEpochMillis([]byte(c.in))
		if got != c.want || ok != c.ok {
			t.Errorf("jsonEpochMillis(%s) = %d, %t; want %d, %t", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestJSONDateTimeEdges(t *testing.T) {
	for _, c := range []struct {
		in, want string // want "" for rejected
	}{
		{"2014-04-29T18:30:38.123", ""}, // no zone after a fraction
		{"2014-04-29T18:30:38", ""},
		{"2014-04-29T18:30:38+23:59", "2014-04-28T18:31:38Z"},
		{"2014-04-29T18:30:38-00:59", "2014-04-29T19:29:38Z"},
		{"2014-04-29T18:30:38+24:00", ""},
		{"2014-04-29T18:30:38+00:60", ""},
		{"2014-04-29T23:59:59Z", "2014-04-29T23:59:59Z"},
	} {
		tm, ok := jsonParseDateTime([]byte(c.in))
		got := ""
		if ok {
			got = tm.UTC().Format(time.RFC3339Nano)
		}
		if got != c.want {
			t.Errorf("jsonParseDateTime(%s) = %q, want %q", c.in, got, c.want)
		}
	}
}

// --- encoding -------------------------------------------------------------------------

func TestJSONAppendEpochSecondsEdges(t *testing.T) {
	for _, c := range []struct {
		t    time.Time
		want string
	}{
		{time.Unix(0, 1_500_000), "0.001"},                     // truncated toward zero
		{time.Unix(0, -1_500_000), "-0.001"},                   // likewise below the epoch
		{time.Unix(-1, 998_500_000), "-0.001"},                 // the same instant
		{time.Unix(9223372036854775, 0), "9223372036854775"},   // past the millisecond limit: exact seconds
		{time.Unix(-9223372036854775, 0), "-9223372036854775"}, //
		{time.Unix(9223372036854774, 0), "9223372036854774"},   // at the limit
	} {
		if got := string(jsonAppendEpochSeconds(nil, c.t)); got != c.want {
			t.Errorf("jsonAppendEpochSeconds(%d s %d ns) = %s, want %s", c.t.Unix(), c.t.Nanosecond(), got, c.want)
		}
	}
}

// --- the client -----------------------------------------------------------------------

type mutDoer func(*http.Request) (*http.Response, error)

func (f mutDoer) Do(r *http.Request) (*http.Response, error) { return f(r) }

type mutInput struct{}

func (*mutInput) AppendJSON(b []byte) ([]byte, error) { return append(b, "{}"...), nil }
func (*mutInput) Validate() error                     { return nil }
func (*mutInput) validate(*vpath, *validator)         {}

type mutSigner struct{ err error }

func (s mutSigner) SignRequest(context.Context, *http.Request, string, string, string, time.Time) error {
	return s.err
}

func mutService() *serviceInfo {
	return &serviceInfo{endpointPrefix: "svc", signingName: "svc", targetPrefix: "Svc", jsonVersion: "1.1",
		userAgent: "ua", newError: func(string) modeledError { return nil }}
}

func mutOpErr(t *testing.T, err error) *OperationError {
	t.Helper()
	var oe *OperationError
	if !errors.As(err, &oe) {
		t.Fatalf("error %T %v is not an *OperationError", err, err)
	}
	return oe
}

func TestClientAttemptsCounted(t *testing.T) {
	unavailable := mutDoer(func(*http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: 503, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(`{}`))}, nil
	})
	never := mutDoer(func(*http.Request) (*http.Response, error) {
		t.Error("a request was sent")
		return nil, errors.New("sent")
	})

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c := newClient(Options{Endpoint: "http://localhost:1", HTTPClient: never}, mutService())
	err := c.invoke(ctx, &operationInfo{name: "Op"}, &mutInput{}, nil)
	if oe := mutOpErr(t, err); oe.Attempts != 0 || !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled before sending: attempts %d, error %v", oe.Attempts, err)
	}

	boom := errors.New("no credentials")
	c = newClient(Options{Endpoint: "http://localhost:1", Region: "us-east-1", HTTPClient: never, Signer: mutSigner{boom}}, mutService())
	err = c.invoke(context.Background(), &operationInfo{name: "Op", authRequired: true}, &mutInput{}, nil)
	if oe := mutOpErr(t, err); oe.Attempts != 0 || !errors.Is(err, boom) {
		t.Errorf("signing fails: attempts %d, error %v", oe.Attempts, err)
	}

	stop := errors.New("stop sleeping")
	c = newClient(Options{Endpoint: "http://localhost:1", HTTPClient: unavailable,
		Retry: RetryOptions{MaxAttempts: 3, Sleep: func(context.Context, time.Duration) error { return stop }}}, mutService())
	err = c.invoke(context.Background(), &operationInfo{name: "Op"}, &mutInput{}, nil)
	if oe := mutOpErr(t, err); oe.Attempts != 1 || !errors.Is(err, stop) || !strings.Contains(err.Error(), "retry aborted") {
		t.Errorf("Sleep fails: attempts %d, error %v", oe.Attempts, err)
	}
}

func TestClientBackoffBounds(t *testing.T) {
	c := newClient(Options{Endpoint: "http://localhost:1", Retry: RetryOptions{BaseDelay: 2, MaxDelay: 2}}, mutService())
	seen := map[time.Duration]bool{}
	for range 400 {
		d := c.backoff(1)
		if d < 0 || d > 2 {
			t.Fatalf("backoff(1) = %v outside [0, 2ns]", d)
		}
		seen[d] = true
	}
	if len(seen) != 3 {
		t.Errorf("backoff(1) drew %v, want each of 0, 1 and 2ns", seen)
	}
	c = newClient(Options{Endpoint: "http://localhost:1", Retry: RetryOptions{BaseDelay: 1, MaxDelay: 1000}}, mutService())
	var most time.Duration
	for range 400 {
		most = max(most, c.backoff(4))
	}
	if most > 8 || most <= 4 {
		t.Errorf("backoff(4) with a 1ns base reaches %v, want up to 8ns", most)
	}
}

func TestDefaultHTTPClientSettings(t *testing.T) {
	hc := defaultHTTPClient()
	tr := hc.Transport.(*http.Transport)
	d := defaultDialer() // the transport dials with defaultDialer().DialContext
	if tr.DialContext == nil {
		t.Error("the default transport has no DialContext: it dials without the connect timeout")
	}
	for _, c := range []struct {
		name      string
		got, want time.Duration
	}{
		{"Dialer.Timeout", d.Timeout, 10 * time.Second},
		{"Dialer.KeepAlive", d.KeepAlive, 30 * time.Second},
		{"Timeout", hc.Timeout, 2 * time.Minute},
		{"IdleConnTimeout", tr.IdleConnTimeout, 90 * time.Second},
		{"TLSHandshakeTimeout", tr.TLSHandshakeTimeout, 10 * time.Second},
		{"ExpectContinueTimeout", tr.ExpectContinueTimeout, time.Second},
		{"ResponseHeaderTimeout", tr.ResponseHeaderTimeout, time.Minute},
	} {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if tr.MaxIdleConns != 100 || tr.MaxIdleConnsPerHost != 16 || !tr.ForceAttemptHTTP2 {
		t.Errorf("connection pool settings %d %d %t", tr.MaxIdleConns, tr.MaxIdleConnsPerHost, tr.ForceAttemptHTTP2)
	}
}

func TestClientSmallRules(t *testing.T) {
	for _, c := range []struct {
		region string
		want   bool
	}{
		{strings.Repeat("a", 63), true}, {strings.Repeat("a", 64), false},
		{"az09", true}, {"us-west-2", true}, {"a{", false}, {"a/", false}, {"a:", false}, {"-a", false}, {"a-", false}, {"", false}, {"A", false},
	} {
		if got := validRegion(c.region); got != c.want {
			t.Errorf("validRegion(%q) = %t", c.region, got)
		}
	}
	for _, c := range []struct {
		status int
		want   bool
	}{{429, true}, {499, false}, {500, true}, {599, true}, {600, false}, {400, false}} {
		if got := retryableStatus(c.status); got != c.want {
			t.Errorf("retryableStatus(%d) = %t", c.status, got)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"\nabc", " abc"}, {"a\u2028b\u2029c\x7fd\x1fe", "a b c d e"}, {"plain text", "plain text"},
	} {
		if got := oneLine(c.in); got != c.want {
			t.Errorf("oneLine(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"#FooError", "FooError"}, {":x", ""}, {"ns#Foo:http://x", "Foo"}, {" Bar ", "Bar"},
	} {
		if got := sanitizeErrorCode(c.in); got != c.want {
			t.Errorf("sanitizeErrorCode(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	exact := strings.Repeat("é", maxTextMessage)
	if got := textMessage([]byte(exact)); got != exact {
		t.Errorf("textMessage of exactly %d runes is changed to %d runes", maxTextMessage, len([]rune(got)))
	}
	if got := textMessage([]byte(exact + "x")); got != exact+"..." {
		t.Errorf("textMessage of %d runes is not cut to %d plus ...", maxTextMessage+1, maxTextMessage)
	}
}

// TestScratchTables: the decoder's per-shape scratch tables grow to any shape number, in any
// order, and give the same state back for the same number and type.
func TestScratchTables(t *testing.T) {
	d := newJSONDecoder(nil)
	l2 := jsonScratch[int](&d, 2)
	l0 := jsonScratch[int](&d, 0)
	if jsonScratch[int](&d, 2) != l2 || jsonScratch[int](&d, 0) != l0 || l0 == l2 {
		t.Error("jsonScratch does not keep one state per shape number")
	}
	if jsonScratch[string](&d, 3) == nil || len(d.lists) != 4 {
		t.Errorf("jsonScratch grew the table to %d, want 4", len(d.lists))
	}
	type store struct{ a, b int }
	s1 := jsonStoreFrom[store](&d, 1)
	s0 := jsonStoreFrom[store](&d, 0)
	s1b := jsonStoreFrom[store](&d, 1)
	s2 := jsonStoreFrom[store](&d, 2)
	if s1 == s1b || s1 == s0 || s2 == nil || len(d.slabs) != 3 {
		t.Errorf("jsonStoreFrom hands out shared stores or a table of %d", len(d.slabs))
	}
}
