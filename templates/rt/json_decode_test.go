package rt

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// jsonTestDecodeErr asserts that err is a *DecodeError and returns it.
func jsonTestDecodeErr(t *testing.T, err error) *DecodeError {
	t.Helper()
	var de *DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("error %v (%T) is not a *DecodeError", err, err)
	}
	return de
}

func TestJSONDecodeErrorFormat(t *testing.T) {
	e := &DecodeError{Path: "Users[3].Attributes[0].Value", Offset: 123, Msg: "expected string, found number"}
	if got, want := e.Error(), "json: Users[3].Attributes[0].Value: expected string, found number (offset 123)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	e = &DecodeError{Offset: 0, Msg: "unexpected end of input"}
	if got, want := e.Error(), "json: unexpected end of input (offset 0)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestJSONReadString(t *testing.T) {
	tests := []struct{ in, want string }{
		{`""`, ""},
		{`"abc"`, "abc"},
		{`  "abc"`, "abc"},
		{`"a\"b\\c\/d"`, `a"b\c/d`},
		{`"\b\f\n\r\t"`, "\b\f\n\r\t"},
		{`"\u0041\u00e9\u4e16"`, "Aé世"},
		{`"\uD83D\uDE00"`, "😀"},
		{`"\ud83d\ude00x"`, "😀x"},
		{`"\ud800"`, "\uFFFD"},
		{`"\udc00"`, "\uFFFD"},
		{`"\ud800\u0041"`, "\uFFFDA"},
		{`"\ud800\ud800\udc00"`, "\uFFFD\U00010000"},
		{`"\ud800x"`, "\uFFFDx"},
		{`"\ud800\n"`, "\uFFFD\n"},
		{"\"héllo 世界\"", "héllo 世界"},
		{"\"\xff\"", "\uFFFD"},
		{"\"a\xc3\"", "a\uFFFD"},
		{"\"\xed\xa0\x80\"", "\uFFFD\uFFFD\uFFFD"},
		{"\"\xe2\x82\"", "\uFFFD\uFFFD"},
		{"\"x\xffy\\n\"", "x\uFFFDy\n"},
		{"\"\x7f\"", "\x7f"},
		{`"\u0000"`, "\x00"},
		{`"<&>"`, "<&>"},
	}
	for _, tt := range tests {
		d := newJSONDecoder([]byte(tt.in))
		got := d.readString()
		if err := d.finish(); err != nil {
			t.Errorf("readString(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("readString(%q) = %q, want %q", tt.in, got, tt.want)
		}
		var std string
		if err := json.Unmarshal([]byte(tt.in), &std); err != nil || std != got {
			t.Errorf("readString(%q) = %q, encoding/json = %q (%v)", tt.in, got, std, err)
		}
	}
}

func TestJSONReadStringErrors(t *testing.T) {
	tests := []struct {
		in     string
		msg    string
		offset int
	}{
		{`123`, "expected string, found number", 0},
		{`  {}`, "expected string, found object", 2},
		{`[]`, "expected string, found array", 0},
		{`true`, "expected string, found boolean", 0},
		{`null`, "expected string, found null", 0},
		{``, "expected string, found end of input", 0},
		{`x`, "expected string, found invalid character 'x'", 0},
		{`"abc`, "unexpected end of input in string", 4},
		{`"ab\`, "unexpected end of input in string", 4},
		{`"a\qb"`, "invalid escape character 'q' in string", 2},
		{`"a\u12"`, `invalid \u escape in string`, 2},
		{`"a\u12x4"`, `invalid \u escape in string`, 2},
		{"\"a\tb\"", "invalid control character byte 0x09 in string", 2},
		{"\"a\x00b\"", "invalid control character byte 0x00 in string", 2},
		{"\"\\n\x01\"", "invalid control character byte 0x01 in string", 3},
		{`"a" "b"`, "invalid character '\"' after top-level value", 4},
	}
	for _, tt := range tests {
		d := newJSONDecoder([]byte(tt.in))
		got := d.readString()
		if d.failed() && got != "" {
			t.Errorf("readString(%q) returned %q alongside an error", tt.in, got)
		}
		err := d.finish()
		if err == nil {
			t.Errorf("readString(%q) = %q, want error", tt.in, got)
			continue
		}
		de := jsonTestDecodeErr(t, err)
		if de.Msg != tt.msg || de.Offset != tt.offset || de.Path != "" {
			t.Errorf("readString(%q) error = %+v, want msg %q offset %d", tt.in, *de, tt.msg, tt.offset)
		}
	}
}

func TestJSONSWAR(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	special := []byte{'"', '\\', 0, 0x1f, 0x20, 0x21, 0x7f, 0x80, 0xff, '!', '#', '[', ']', 0x5b, 0x5d, 0xa2, 0xdc}
	// Exhaustive over one or two arbitrary bytes in a plain word, then random.
	var cases [][8]byte
	for b1 := range 256 {
		for p1 := range 8 {
			w := [8]byte{'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'}
			w[p1] = byte(b1)
			cases = append(cases, w)
			for _, b2 := range special {
				for p2 := p1 + 1; p2 < 8; p2++ {
					w2 := w
					w2[p2] = b2
					cases = append(cases, w2)
				}
			}
		}
	}
	for range 200000 {
		var w [8]byte
		for i := range w {
			if r.IntN(2) == 0 {
				w[i] = special[r.IntN(len(special))]
			} else {
				w[i] = byte(r.UintN(256))
			}
		}
		cases = append(cases, w)
	}
	for _, w := range cases {
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		// Index of the first byte needing attention, 8 if none.
		firstSkip, firstPlain := 8, 8
		for i := 7; i >= 0; i-- {
			if !jsonStrSkip[w[i]] {
				firstSkip = i
			}
			if !jsonStrPlain[w[i]] {
				firstPlain = i
			}
		}
		first := func(m uint64) int { return bits.TrailingZeros64(m) / 8 }
		if got := first(jsonSWARSkipMask(x)); got != firstSkip {
			t.Fatalf("jsonSWARSkipMask(% x) flags byte %d first, want %d", w, got, firstSkip)
		}
		if got := first(jsonSWARPlainMask(x)); got != firstPlain {
			t.Fatalf("jsonSWARPlainMask(% x) flags byte %d first, want %d", w, got, firstPlain)
		}
	}
}

func TestJSONReadStringMatchesEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	escapes := []string{`\n`, `\"`, `\\`, `\/`, `\u00e9`, `\ud83d\ude00`, `\ud800`, `\udfff`, `\u0000`, `\u2028`, `\t`}
	for range 20000 {
		var sb strings.Builder
		sb.WriteByte('"')
		for range r.IntN(12) {
			switch r.IntN(3) {
			case 0:
				sb.WriteString(escapes[r.IntN(len(escapes))])
			case 1:
				// Raw bytes, minus those that would end or break the string.
				c := byte(r.UintN(256))
				if c == '"' || c == '\\' || c < 0x20 {
					c = 'q'
				}
				sb.WriteByte(c)
			default:
				s := jsonTestRandomString(r)
				s = strings.Map(func(r rune) rune {
					if r == '"' || r == '\\' || r < 0x20 {
						return '_'
					}
					return r
				}, s)
				sb.WriteString(s)
			}
		}
		sb.WriteByte('"')
		in := sb.String()
		var want string
		if err := json.Unmarshal([]byte(in), &want); err != nil {
			t.Fatalf("encoding/json rejects %q: %v", in, err)
		}
		d := newJSONDecoder([]byte(in))
		got := d.readString()
		if err := d.finish(); err != nil || got != want {
			t.Fatalf("readString(%q) = %q, %v; encoding/json = %q", in, got, err, want)
		}
		if !utf8.ValidString(got) {
			t.Fatalf("readString(%q) returned invalid UTF-8 %q", in, got)
		}
		// Encoding the decoded string and decoding it again is lossless.
		enc := jsonAppendString(nil, got)
		d = newJSONDecoder(enc)
		if again := d.readString(); again != got || d.finish() != nil {
			t.Fatalf("round trip of %q via %s gave %q", got, enc, again)
		}
	}
}

func TestJSONReadInt(t *testing.T) {
	tests := []struct {
		in   string
		bits int
		want int64
		msg  string
	}{
		{`0`, 64, 0, ""},
		{`-0`, 64, 0, ""},
		{` 42 `, 32, 42, ""},
		{`-42`, 8, -42, ""},
		{`127`, 8, 127, ""},
		{`-128`, 8, -128, ""},
		{`128`, 8, 0, "value 128 out of range for 8-bit integer"},
		{`300`, 8, 0, "value 300 out of range for 8-bit integer"},
		{`-129`, 8, 0, "value -129 out of range for 8-bit integer"},
		{`32767`, 16, 32767, ""},
		{`32768`, 16, 0, "value 32768 out of range for 16-bit integer"},
		{`2147483647`, 32, math.MaxInt32, ""},
		{`-2147483648`, 32, math.MinInt32, ""},
		{`2147483648`, 32, 0, "value 2147483648 out of range for 32-bit integer"},
		{`9223372036854775807`, 64, math.MaxInt64, ""},
		{`-9223372036854775808`, 64, math.MinInt64, ""},
		{`9223372036854775808`, 64, 0, "value 9223372036854775808 out of range for 64-bit integer"},
		{`-9223372036854775809`, 64, 0, "value -9223372036854775809 out of range for 64-bit integer"},
		{`18446744073709551616`, 64, 0, "value 18446744073709551616 out of range for 64-bit integer"},
		{`99999999999999999999`, 64, 0, "value 99999999999999999999 out of range for 64-bit integer"},
		{`123456789012345678901234567890123456789012345`, 64, 0, "value 1234567890123456789012345678901234567890... out of range for 64-bit integer"},
		{`1.5`, 64, 0, "value 1.5 is not an integer"},
		{`1.0`, 64, 0, "value 1.0 is not an integer"},
		{`1e3`, 64, 0, "value 1e3 is not an integer"},
		{`01`, 64, 0, "invalid number: leading zero"},
		{`-`, 64, 0, "invalid number: expected digit, found end of input"},
		{`-a`, 64, 0, "invalid number: expected digit, found invalid character 'a'"},
		{`+1`, 64, 0, "expected integer, found invalid character '+'"},
		{`"1"`, 64, 0, "expected integer, found string"},
		{`null`, 64, 0, "expected integer, found null"},
		{`1 1`, 64, 1, "invalid character '1' after top-level value"},
	}
	for _, tt := range tests {
		d := newJSONDecoder([]byte(tt.in))
		got := d.readInt(tt.bits)
		err := d.finish()
		if tt.msg == "" {
			if err != nil || got != tt.want {
				t.Errorf("readInt(%q, %d) = %d, %v; want %d", tt.in, tt.bits, got, err, tt.want)
			}
			continue
		}
		if err == nil {
			t.Errorf("readInt(%q, %d) = %d, want error %q", tt.in, tt.bits, got, tt.msg)
			continue
		}
		if de := jsonTestDecodeErr(t, err); de.Msg != tt.msg {
			t.Errorf("readInt(%q, %d) error %q, want %q", tt.in, tt.bits, de.Msg, tt.msg)
		}
		if got != tt.want {
			t.Errorf("readInt(%q, %d) = %d alongside error, want %d", tt.in, tt.bits, got, tt.want)
		}
	}
	// Random values agree with strconv.
	r := rand.New(rand.NewPCG(9, 10))
	for range 10000 {
		v := int64(r.Uint64()) >> r.IntN(64)
		for _, bits := range []int{8, 16, 32, 64} {
			s := strconv.FormatInt(v, 10)
			_, perr := strconv.ParseInt(s, 10, bits)
			d := newJSONDecoder([]byte(s))
			got := d.readInt(bits)
			err := d.finish()
			if (perr == nil) != (err == nil) || (err == nil && got != v) {
				t.Fatalf("readInt(%s, %d) = %d, %v; strconv err %v", s, bits, got, err, perr)
			}
		}
	}
}

func TestJSONReadFloat(t *testing.T) {
	tests := []struct {
		in   string
		bits int
		want float64
		msg  string
	}{
		{`0`, 64, 0, ""},
		{`-0`, 64, math.Copysign(0, -1), ""},
		{`1.5`, 64, 1.5, ""},
		{`-1.5e3`, 64, -1500, ""},
		{`1E-2`, 64, 0.01, ""},
		{`1e+2`, 64, 100, ""},
		{`0.1`, 32, float64(float32(0.1)), ""},
		{`16777217`, 32, 16777216, ""},
		{`123456789012345`, 64, 123456789012345, ""},
		{`12345678901234567890`, 64, 12345678901234567890, ""},
		{`1e-400`, 64, 0, ""},
		{`1.7976931348623157e308`, 64, math.MaxFloat64, ""},
		{`3.4028235e38`, 32, math.MaxFloat32, ""},
		{`"NaN"`, 64, math.NaN(), ""},
		{`"Infinity"`, 64, math.Inf(1), ""},
		{`"-Infinity"`, 32, math.Inf(-1), ""},
		{`1e400`, 64, 0, "value 1e400 out of range for 64-bit float"},
		{`1e39`, 32, 0, "value 1e39 out of range for 32-bit float"},
		{`"nan"`, 64, 0, `invalid floating-point value "nan"`},
		{`"1.5"`, 64, 0, `invalid floating-point value "1.5"`},
		{`NaN`, 64, 0, "expected number, found invalid character 'N'"},
		{`.5`, 64, 0, "expected number, found invalid character '.'"},
		{`1.`, 64, 0, "invalid number: expected digit after decimal point"},
		{`1.e5`, 64, 0, "invalid number: expected digit after decimal point"},
		{`1e`, 64, 0, "invalid number: expected digit in exponent"},
		{`1e+`, 64, 0, "invalid number: expected digit in exponent"},
		{`00.5`, 64, 0, "invalid number: leading zero"},
		{`true`, 64, 0, "expected number, found boolean"},
	}
	for _, tt := range tests {
		d := newJSONDecoder([]byte(tt.in))
		got := d.readFloat(tt.bits)
		err := d.finish()
		if tt.msg == "" {
			same := got == tt.want && math.Signbit(got) == math.Signbit(tt.want) || math.IsNaN(got) && math.IsNaN(tt.want)
			if err != nil || !same {
				t.Errorf("readFloat(%q, %d) = %v, %v; want %v", tt.in, tt.bits, got, err, tt.want)
			}
			continue
		}
		if err == nil {
			t.Errorf("readFloat(%q, %d) = %v, want error %q", tt.in, tt.bits, got, tt.msg)
			continue
		}
		if de := jsonTestDecodeErr(t, err); de.Msg != tt.msg {
			t.Errorf("readFloat(%q, %d) error %q, want %q", tt.in, tt.bits, de.Msg, tt.msg)
		}
	}
	// Round trip with the encoder, including non-finite values.
	r := rand.New(rand.NewPCG(11, 12))
	for range 20000 {
		f := math.Float64frombits(r.Uint64())
		enc := jsonAppendFloat(nil, f, 64)
		d := newJSONDecoder(enc)
		got := d.readFloat(64)
		if err := d.finish(); err != nil || (got != f && !(math.IsNaN(f) && math.IsNaN(got))) {
			t.Fatalf("float64 round trip %v via %s = %v, %v", f, enc, got, err)
		}
		f32 := math.Float32frombits(r.Uint32())
		enc = jsonAppendFloat(nil, float64(f32), 32)
		d = newJSONDecoder(enc)
		got = d.readFloat(32)
		if err := d.finish(); err != nil || (float32(got) != f32 && !(math.IsNaN(float64(f32)) && math.IsNaN(got))) {
			t.Fatalf("float32 round trip %v via %s = %v, %v", f32, enc, got, err)
		}
	}
}

func TestJSONReadBoolNull(t *testing.T) {
	d := newJSONDecoder([]byte(` [true, false, null, nul]`))
	if !d.beginArray() {
		t.Fatal(d.finish())
	}
	d.nextElem()
	if !d.readBool() {
		t.Error("want true")
	}
	d.nextElem()
	if d.isNull() {
		t.Error("isNull consumed false")
	}
	if d.readBool() {
		t.Error("want false")
	}
	d.nextElem()
	if !d.isNull() {
		t.Error("want null")
	}
	d.nextElem()
	if d.isNull() {
		t.Error("nul is not null")
	}
	_ = d.readBool()
	de := jsonTestDecodeErr(t, d.finish())
	if de.Msg != "expected boolean, found invalid character 'n'" || de.Offset != 21 {
		t.Errorf("error = %+v", *de)
	}
	for _, in := range []string{`tru`, `True`, `"true"`, `1`} {
		d := newJSONDecoder([]byte(in))
		d.readBool()
		if d.finish() == nil {
			t.Errorf("readBool(%q) succeeded", in)
		}
	}
}

func TestJSONObjectIteration(t *testing.T) {
	in := ` { "a" : 1 , "b\u0063" : [ ] , "" : {"x":{}} ,"d":[1, [2,3] ]} `
	d := newJSONDecoder([]byte(in))
	var keys []string
	if !d.beginObject() {
		t.Fatal(d.finish())
	}
	for {
		k, ok := d.nextKey()
		if !ok {
			break
		}
		keys = append(keys, string(k))
		switch string(k) {
		case "a":
			if v := d.readInt(64); v != 1 {
				t.Errorf("a = %d", v)
			}
		case "bc":
			if d.beginArray() && d.nextElem() {
				t.Error("empty array has an element")
			}
		case "d":
			var n int
			if d.beginArray() {
				for d.nextElem() {
					n++
					d.skip()
				}
			}
			if n != 2 {
				t.Errorf("d has %d elements", n)
			}
		default:
			d.skip()
		}
	}
	if err := d.finish(); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(keys, ","); got != "a,bc,,d" {
		t.Errorf("keys = %q", got)
	}
	if d.depth != 0 {
		t.Errorf("depth after decoding = %d", d.depth)
	}
}

// jsonTestMemberKeys are the keys of a structure with members Name, Value and Other.
var jsonTestMemberKeys = []string{`"Name":`, `"Value":`, `"Other":`}

// jsonTestWalkMembers walks the object in data as a generated decoder does, with nextMember
// (members) or nextKey, and describes each member read, its raw value and the error.
func jsonTestWalkMembers(data []byte, members bool) string {
	d := newJSONDecoder(data)
	var out strings.Builder
	if d.beginObject() {
		for k := 0; ; {
			var key []byte
			var ok bool
			i := -1
			if members {
				i, key, ok = d.nextMember(jsonTestMemberKeys, &k)
			} else {
				key, ok = d.nextKey()
				for j, e := range jsonTestMemberKeys {
					if e == `"`+string(key)+`":` {
						i = j
					}
				}
			}
			if !ok {
				break
			}
			fmt.Fprintf(&out, "%d %q = %s\n", i, key, d.readRaw())
		}
	}
	err := d.finish()
	fmt.Fprintf(&out, "err %v", err)
	return out.String()
}

func TestJSONNextMember(t *testing.T) {
	for _, in := range []string{
		`{"Name":"x","Value":"y","Other":[1,2]}`,
		`{"Value":"y","Name":"x"}`,                      // out of order
		`{"Name":"x","Name":"z"}`,                       // duplicate: both read, in order
		`{"Name":"x","Unknown":{"Name":1},"Value":"y"}`, // unknown member between
		`{ "Name" : "x" ,` + "\n\t" + `"Value":"y" }`,   // spacing everywhere
		`{"N\u0061me":"x","Value":"y"}`,                 // escaped key
		`{"Name":"x" "Value":"y"}`,                      // missing comma
		`{"Name":"x",,"Value":"y"}`,
		`{"Name":"x","Value"`, `{"Name"`, `{"Nam`, `{`, `{}`, `{"Name":"x",}`,
		`{"Other":1,"Name":2,"Value":3}`,
	} {
		a, b := jsonTestWalkMembers([]byte(in), false), jsonTestWalkMembers([]byte(in), true)
		if a != b {
			t.Errorf("%s:\nnextMember:\n%s\nnextKey:\n%s", in, b, a)
		}
	}
	// In order, every key is matched without being scanned: the index advances.
	d := newJSONDecoder([]byte(`{"Name":"x","Value":"y","Other":1}`))
	d.beginObject()
	k := 0
	for want := range 3 {
		i, _, ok := d.nextMember(jsonTestMemberKeys, &k)
		if !ok || i != want || k != want+1 {
			t.Fatalf("member %d: got %d (k %d, ok %v)", want, i, k, ok)
		}
		d.skip()
	}
}

func TestJSONHasAt(t *testing.T) {
	data := []byte(`xx"UserLastModifiedDate":1,"Name":"`)
	for _, c := range []struct {
		p    int
		e    string
		want bool
	}{
		{2, `"UserLastModifiedDate":`, true},
		{2, `"UserLastModifiedDatf":`, false},
		{2, `"UserLastModifiedDate";`, false},
		{2, `#UserLastModifiedDate":`, false},
		{27, `"Name":`, true},
		{27, `"Nbme":`, false},
		{27, `"Name":"`, true},
		{27, `"Name":""`, false}, // past the end
		{34, `"`, true},
		{35, `"`, false},
		{-1, `x`, false},
		{0, `xx"`, true},
		{0, `xy"`, false},
	} {
		if got := jsonHasAt(data, c.p, c.e); got != c.want {
			t.Errorf("jsonHasAt(%d, %q) = %v, want %v", c.p, c.e, got, c.want)
		}
	}
}

// jsonTestWalkObject iterates an object, skipping all values.
func jsonTestWalkObject(in string) error {
	d := newJSONDecoder([]byte(in))
	if d.beginObject() {
		for {
			if _, ok := d.nextKey(); !ok {
				break
			}
			d.skip()
		}
	}
	return d.finish()
}

// jsonTestWalkArray iterates an array of integers.
func jsonTestWalkArray(in string) error {
	d := newJSONDecoder([]byte(in))
	if d.beginArray() {
		for d.nextElem() {
			d.readInt(64)
		}
	}
	return d.finish()
}

func TestJSONStructureErrors(t *testing.T) {
	tests := []struct {
		walk   func(string) error
		in     string
		msg    string
		offset int
	}{
		{jsonTestWalkObject, `{"a":1,}`, "expected string for object key, found '}'", 7},
		{jsonTestWalkObject, `{,"a":1}`, "expected string for object key, found ','", 1},
		{jsonTestWalkObject, `{"a" 1}`, "expected ':' after object key, found number", 5},
		{jsonTestWalkObject, `{"a":1 "b":2}`, "expected ',' or '}' after object member, found string", 7},
		{jsonTestWalkObject, `{a:1}`, "expected string for object key, found invalid character 'a'", 1},
		{jsonTestWalkObject, `{1:1}`, "expected string for object key, found number", 1},
		{jsonTestWalkObject, `{"a":1`, "unexpected end of input in object", 6},
		{jsonTestWalkObject, `{"a":`, "unexpected end of input, expected value", 5},
		{jsonTestWalkObject, `{"a":1,`, "unexpected end of input in object", 7},
		{jsonTestWalkObject, `{"a"`, "expected ':' after object key, found end of input", 4},
		{jsonTestWalkObject, `{"a":1}}`, "invalid character '}' after top-level value", 7},
		{jsonTestWalkObject, `[]`, "expected object, found array", 0},
		{jsonTestWalkObject, `{"a":1}/*c*/`, "invalid character '/' after top-level value", 7},
		{jsonTestWalkArray, `[1,]`, "expected integer, found ']'", 3},
		{jsonTestWalkArray, `[,1]`, "expected integer, found ','", 1},
		{jsonTestWalkArray, `[1 2]`, "expected ',' or ']' after array element, found number", 3},
		{jsonTestWalkArray, `[1,2`, "unexpected end of input in array", 4},
		{jsonTestWalkArray, `[`, "unexpected end of input in array", 1},
		{jsonTestWalkArray, `{}`, "expected array, found object", 0},
		{jsonTestWalkArray, `[1]]`, "invalid character ']' after top-level value", 3},
		{jsonTestWalkArray, `[1]x`, "invalid character 'x' after top-level value", 3},
	}
	for _, tt := range tests {
		err := tt.walk(tt.in)
		if err == nil {
			t.Errorf("%q: no error, want %q", tt.in, tt.msg)
			continue
		}
		de := jsonTestDecodeErr(t, err)
		if de.Msg != tt.msg || de.Offset != tt.offset {
			t.Errorf("%q: error %q at %d, want %q at %d", tt.in, de.Msg, de.Offset, tt.msg, tt.offset)
		}
	}
	for _, in := range []string{`{}`, ` { } `, `{"a":{"b":[1,{}]},"c":null}`} {
		if err := jsonTestWalkObject(in); err != nil {
			t.Errorf("%q: %v", in, err)
		}
	}
	for _, in := range []string{`[]`, ` [ ] `, `[1, 2 ,3]`} {
		if err := jsonTestWalkArray(in); err != nil {
			t.Errorf("%q: %v", in, err)
		}
	}
}

func TestJSONDepthLimit(t *testing.T) {
	nest := func(n int) []byte {
		return []byte(strings.Repeat(`{"a":[`, n) + strings.Repeat(`]}`, n))
	}
	// Each repetition adds two levels.
	var descend func(d *jsonDecoder) int
	descend = func(d *jsonDecoder) int {
		if !d.beginObject() {
			return 0
		}
		levels := 1
		for {
			if _, ok := d.nextKey(); !ok {
				break
			}
			if d.beginArray() {
				levels++
				for d.nextElem() {
					levels += descend(d)
				}
			}
		}
		return levels
	}
	d := newJSONDecoder(nest(64))
	if got := descend(&d); got != 128 || d.finish() != nil {
		t.Errorf("depth 128: levels %d, err %v", got, d.finish())
	}
	d = newJSONDecoder(nest(65))
	descend(&d)
	de := jsonTestDecodeErr(t, d.finish())
	if de.Msg != "exceeded maximum nesting depth of 128" || de.Offset != 64*6 {
		t.Errorf("depth 129: %+v", *de)
	}
	// skip and readRaw count the decoder's current depth.
	d = newJSONDecoder(nest(64))
	d.skip()
	if err := d.finish(); err != nil {
		t.Errorf("skip depth 128: %v", err)
	}
	d = newJSONDecoder(nest(64))
	if d.beginObject() {
		d.nextKey()
		d.skip()
		d.nextKey()
	}
	if err := d.finish(); err != nil {
		t.Errorf("skip inside object to depth 128: %v", err)
	}
	deeper := append(append([]byte("["), nest(64)...), ']')
	d = newJSONDecoder(deeper)
	d.skip()
	if err := d.finish(); err == nil || !strings.Contains(err.Error(), "maximum nesting depth") {
		t.Errorf("skip to depth 129: %v", err)
	}
	for _, read := range []func(*jsonDecoder){(*jsonDecoder).skip, func(d *jsonDecoder) { d.readRaw() }} {
		d = newJSONDecoder(deeper)
		if d.beginArray() && d.nextElem() {
			read(&d)
		}
		de := jsonTestDecodeErr(t, d.finish())
		if de.Msg != "exceeded maximum nesting depth of 128" || de.Offset != 1+63*6+5 {
			t.Errorf("skip/readRaw inside array to depth 129: %+v", *de)
		}
	}
	// Very deep input fails fast without exhausting the stack.
	deep := bytes.Repeat([]byte("["), 1<<20)
	if err := jsonValid(deep); err == nil || !strings.Contains(err.Error(), "maximum nesting depth") {
		t.Errorf("deep input: %v", err)
	}
}

func TestJSONReadBlob(t *testing.T) {
	tests := []struct {
		in   string
		want []byte
		msg  string
	}{
		{`""`, []byte{}, ""},
		{`"aGVsbG8="`, []byte("hello"), ""},
		{`"aGVsbG8"`, []byte("hello"), ""},
		{`"aGVsbA=="`, []byte("hell"), ""},
		{`"aGVsbA"`, []byte("hell"), ""},
		{`"/+8="`, []byte{0xff, 0xef}, ""},
		{`"\/+8="`, []byte{0xff, 0xef}, ""},
		{`"aGVsbG8*"`, nil, "invalid base64 data in string: illegal base64 data at input byte 7"},
		{`"a"`, nil, "invalid base64 data in string: illegal base64 data at input byte 0"},
		{`"aGVsbA="`, nil, "invalid base64 data in string: illegal base64 data at input byte 6"},
		{`123`, nil, "expected string, found number"},
	}
	for _, tt := range tests {
		d := newJSONDecoder([]byte(tt.in))
		got := d.readBlob()
		err := d.finish()
		if tt.msg == "" {
			if err != nil || !bytes.Equal(got, tt.want) || got == nil {
				t.Errorf("readBlob(%s) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
			continue
		}
		if err == nil {
			t.Errorf("readBlob(%s) = %q, want error", tt.in, got)
			continue
		}
		if de := jsonTestDecodeErr(t, err); de.Msg != tt.msg || de.Offset != 0 {
			t.Errorf("readBlob(%s) error %+v, want %q", tt.in, *de, tt.msg)
		}
	}
	r := rand.New(rand.NewPCG(13, 14))
	for range 2000 {
		v := make([]byte, r.IntN(40))
		for i := range v {
			v[i] = byte(r.UintN(256))
		}
		enc := jsonAppendBlob(nil, v)
		d := newJSONDecoder(enc)
		got := d.readBlob()
		if err := d.finish(); err != nil || !bytes.Equal(got, v) {
			t.Fatalf("blob round trip %x via %s = %x, %v", v, enc, got, err)
		}
		if cap(got) != len(v) && len(v) > 0 {
			t.Fatalf("blob result has cap %d for %d bytes", cap(got), len(v))
		}
	}
}

func TestJSONReadEpochSeconds(t *testing.T) {
	ms := func(v int64) time.Time { return time.UnixMilli(v).UTC() }
	tests := []struct {
		in   string
		want time.Time
		msg  string
	}{
		{`1398796238`, ms(1398796238000), ""},
		{`1398796238.123`, ms(1398796238123), ""},
		{`1398796238.1`, ms(1398796238100), ""},
		{`1.398796238123e9`, ms(1398796238123), ""},
		{`1.398796238123E+9`, ms(1398796238123), ""},
		{`13987962381.23e-1`, ms(1398796238123), ""},
		{`1398796238123e-3`, ms(1398796238123), ""},
		{`1398796238123456e-6`, ms(1398796238123), ""},
		{`0`, ms(0), ""},
		{`-0`, ms(0), ""},
		{`0.0004`, ms(0), ""},
		{`0.0005`, ms(1), ""},
		{`1.2345`, ms(1235), ""},
		{`1.2344999`, ms(1234), ""},
		{`-1.2345`, ms(-1235), ""},
		{`-1.5`, ms(-1500), ""},
		{`0.9995`, ms(1000), ""},
		{`0.00000000000000000001`, ms(0), ""},
		{`1e-400000000000`, ms(0), ""},
		{`0e400000000000`, ms(0), ""},
		{`-1e3`, ms(-1000000), ""},
		{`9223372036854775.807`, ms(math.MaxInt64), ""},
		{`-9223372036854775.807`, ms(-math.MaxInt64), ""},
		{`9223372036854775.808`, time.Time{}, "timestamp 9223372036854775.808 out of range"},
		{`9223372036854775.8075`, time.Time{}, "timestamp 9223372036854775.8075 out of range"},
		{`1e16`, time.Time{}, "timestamp 1e16 out of range"},
		{`1e400000000000`, time.Time{}, "timestamp 1e400000000000 out of range"},
		{`"1398796238"`, time.Time{}, "expected number of epoch seconds, found string"},
		{`1.`, time.Time{}, "invalid number: expected digit after decimal point"},
	}
	for _, tt := range tests {
		d := newJSONDecoder([]byte(tt.in))
		got := d.readEpochSeconds()
		err := d.finish()
		if tt.msg == "" {
			if err != nil || !got.Equal(tt.want) || got.Location() != time.UTC {
				t.Errorf("readEpochSeconds(%s) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
			continue
		}
		if err == nil {
			t.Errorf("readEpochSeconds(%s) = %v, want error", tt.in, got)
			continue
		}
		if de := jsonTestDecodeErr(t, err); de.Msg != tt.msg {
			t.Errorf("readEpochSeconds(%s) error %q, want %q", tt.in, de.Msg, tt.msg)
		}
	}
	// Round trip with the encoder.
	r := rand.New(rand.NewPCG(15, 16))
	for range 20000 {
		tm := time.UnixMilli(r.Int64N(1<<46) - 1<<45)
		enc := jsonAppendEpochSeconds(nil, tm)
		d := newJSONDecoder(enc)
		if got := d.readEpochSeconds(); !got.Equal(tm) || d.finish() != nil {
			t.Fatalf("epoch round trip %v via %s = %v, %v", tm, enc, got, d.finish())
		}
	}
}

func TestJSONReadDateTime(t *testing.T) {
	utc := func(y int, mo time.Month, d, h, mi, s, ns int) time.Time {
		return time.Date(y, mo, d, h, mi, s, ns, time.UTC)
	}
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{`"2014-04-29T18:30:38Z"`, utc(2014, 4, 29, 18, 30, 38, 0), true},
		{`"2014-04-29T18:30:38.123Z"`, utc(2014, 4, 29, 18, 30, 38, 123e6), true},
		{`"2014-04-29T18:30:38.1Z"`, utc(2014, 4, 29, 18, 30, 38, 1e8), true},
		{`"2014-04-29T18:30:38.123456789Z"`, utc(2014, 4, 29, 18, 30, 38, 123456789), true},
		{`"2014-04-29T18:30:38.1234567891234Z"`, utc(2014, 4, 29, 18, 30, 38, 123456789), true},
		{`"2014-04-29t18:30:38z"`, utc(2014, 4, 29, 18, 30, 38, 0), true},
		{`"2014-04-29T18:30:38+02:00"`, utc(2014, 4, 29, 16, 30, 38, 0), true},
		{`"2014-04-29T18:30:38.5-07:30"`, utc(2014, 4, 30, 2, 0, 38, 5e8), true},
		{`"2014-04-29T18:30:38-00:00"`, utc(2014, 4, 29, 18, 30, 38, 0), true},
		{`"2016-02-29T00:00:00Z"`, utc(2016, 2, 29, 0, 0, 0, 0), true},
		{`"2000-02-29T00:00:00Z"`, utc(2000, 2, 29, 0, 0, 0, 0), true},
		{`"1900-02-29T00:00:00Z"`, time.Time{}, false},
		{`"2015-02-29T00:00:00Z"`, time.Time{}, false},
		{`"2014-04-31T00:00:00Z"`, time.Time{}, false},
		{`"2014-13-01T00:00:00Z"`, time.Time{}, false},
		{`"2014-00-01T00:00:00Z"`, time.Time{}, false},
		{`"2014-04-29T24:00:00Z"`, time.Time{}, false},
		{`"2014-04-29T18:60:00Z"`, time.Time{}, false},
		{`"2014-04-29T18:30:60Z"`, time.Time{}, false},
		{`"2014-04-29T18:30:38"`, time.Time{}, false},
		{`"2014-04-29T18:30:38."`, time.Time{}, false},
		{`"2014-04-29T18:30:38.Z"`, time.Time{}, false},
		{`"2014-04-29 18:30:38Z"`, time.Time{}, false},
		{`"2014-04-29T18:30:38+0200"`, time.Time{}, false},
		{`"2014-04-29T18:30:38+24:00"`, time.Time{}, false},
		{`"2014-04-29T18:30:38Zjunk"`, time.Time{}, false},
		{`"2014-4-29T18:30:38Z"`, time.Time{}, false},
		{`"20140429T183038Z"`, time.Time{}, false},
		{`""`, time.Time{}, false},
	}
	for _, tt := range tests {
		d := newJSONDecoder([]byte(tt.in))
		got := d.readDateTime()
		err := d.finish()
		if tt.ok {
			if err != nil || !got.Equal(tt.want) || got.Location() != time.UTC {
				t.Errorf("readDateTime(%s) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
			continue
		}
		if err == nil {
			t.Errorf("readDateTime(%s) = %v, want error", tt.in, got)
			continue
		}
		want := "invalid RFC 3339 date-time " + strings.Trim(tt.in, " ")
		if de := jsonTestDecodeErr(t, err); de.Msg != want || de.Offset != 0 {
			t.Errorf("readDateTime(%s) error %+v, want %q", tt.in, *de, want)
		}
	}
	// Agreement with time.Parse on random valid inputs.
	r := rand.New(rand.NewPCG(17, 18))
	for range 5000 {
		tm := time.Unix(r.Int64N(1<<36)-1<<34, int64(r.IntN(1e9)))
		zone := time.FixedZone("", (r.IntN(48)-24)*1800)
		s := tm.In(zone).Format(time.RFC3339Nano)
		d := newJSONDecoder(jsonAppendString(nil, s))
		got := d.readDateTime()
		want, perr := time.Parse(time.RFC3339Nano, s)
		if perr != nil || d.finish() != nil || !got.Equal(want) {
			t.Fatalf("readDateTime(%s) = %v, %v; time.Parse = %v, %v", s, got, d.finish(), want, perr)
		}
	}
}

func TestJSONReadHTTPDate(t *testing.T) {
	want := time.Date(2014, 4, 29, 18, 30, 38, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{`"Tue, 29 Apr 2014 18:30:38 GMT"`, want, true},
		{`"Mon, 29 Apr 2014 18:30:38 GMT"`, want, true}, // day name is not cross-checked
		{`"Tue, 29 Apr 2014 18:30:38.25 GMT"`, want.Add(250 * time.Millisecond), true},
		{`"Sun, 02 Jan 2000 03:04:05 GMT"`, time.Date(2000, 1, 2, 3, 4, 5, 0, time.UTC), true},
		{`"Sun, 2 Jan 2000 03:04:05 GMT"`, time.Date(2000, 1, 2, 3, 4, 5, 0, time.UTC), true},
		{`"Tue, 29 Apr 2014 18:30:38 UTC"`, time.Time{}, false},
		{`"Tue, 29 Apr 2014 18:30:38"`, time.Time{}, false},
		{`"Tue, 31 Apr 2014 18:30:38 GMT"`, time.Time{}, false},
		{`"Xyz, 29 Apr 2014 18:30:38 GMT"`, time.Time{}, false},
		{`"Tue, 29 Foo 2014 18:30:38 GMT"`, time.Time{}, false},
		{`"Tue 29 Apr 2014 18:30:38 GMT"`, time.Time{}, false},
		{`"Tue, 29 Apr 14 18:30:38 GMT"`, time.Time{}, false},
		{`"Tue, 29 Apr 2014 25:30:38 GMT"`, time.Time{}, false},
		{`"Tue, 29 Apr 2014 18:30:38 GMTX"`, time.Time{}, false},
		{`"2014-04-29T18:30:38Z"`, time.Time{}, false},
		{`""`, time.Time{}, false},
	}
	for _, tt := range tests {
		d := newJSONDecoder([]byte(tt.in))
		got := d.readHTTPDate()
		err := d.finish()
		if tt.ok {
			if err != nil || !got.Equal(tt.want) || got.Location() != time.UTC {
				t.Errorf("readHTTPDate(%s) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
			continue
		}
		if err == nil {
			t.Errorf("readHTTPDate(%s) = %v, want error", tt.in, got)
			continue
		}
		if de := jsonTestDecodeErr(t, err); de.Msg != "invalid HTTP date "+tt.in {
			t.Errorf("readHTTPDate(%s) error %+v", tt.in, *de)
		}
	}
	r := rand.New(rand.NewPCG(19, 20))
	for range 5000 {
		tm := time.Unix(r.Int64N(1<<36)-1<<34, 0).UTC()
		enc := jsonAppendHTTPDate(nil, tm)
		d := newJSONDecoder(enc)
		if got := d.readHTTPDate(); !got.Equal(tm) || d.finish() != nil {
			t.Fatalf("readHTTPDate(%s) = %v, %v; want %v", enc, got, d.finish(), tm)
		}
	}
}

func TestJSONReadRawAndSkip(t *testing.T) {
	in := `{"doc": {"a": [1, "x", null, true, {"b": -1.5e3}]}, "next": "ok"}`
	d := newJSONDecoder([]byte(in))
	var raw []byte
	var next string
	if d.beginObject() {
		for {
			k, ok := d.nextKey()
			if !ok {
				break
			}
			switch string(k) {
			case "doc":
				raw = d.readRaw()
			case "next":
				next = d.readString()
			}
		}
	}
	if err := d.finish(); err != nil {
		t.Fatal(err)
	}
	if want := `{"a": [1, "x", null, true, {"b": -1.5e3}]}`; string(raw) != want {
		t.Errorf("readRaw = %s, want %s", raw, want)
	}
	if next != "ok" {
		t.Errorf("next = %q", next)
	}
	// readRaw copies.
	data := []byte(` [1] `)
	d = newJSONDecoder(data)
	raw = d.readRaw()
	data[2] = '2'
	if string(raw) != "[1]" || d.finish() != nil {
		t.Errorf("readRaw = %s (%v)", raw, d.finish())
	}
	// Invalid values are rejected by both.
	for _, in := range []string{`[1,]`, `{"a":01}`, `"\x"`, `tru`, ``, `[1`, `{"a" 1}`, "\"\x01\""} {
		d := newJSONDecoder([]byte(in))
		if raw := d.readRaw(); raw != nil || d.finish() == nil {
			t.Errorf("readRaw(%q) = %q, %v", in, raw, d.finish())
		}
		d = newJSONDecoder([]byte(in))
		d.skip()
		if d.finish() == nil {
			t.Errorf("skip(%q) succeeded", in)
		}
	}
}

func TestJSONStickyError(t *testing.T) {
	d := newJSONDecoder([]byte(`{"a": "x", "b": [1, 2]}`))
	d.readInt(64) // wrong type: records the first error
	first := *d.err
	if !d.failed() {
		t.Fatal("not failed")
	}
	if d.beginObject() || d.beginArray() || d.nextElem() || d.isNull() || d.readBool() {
		t.Error("bool-returning method succeeded after error")
	}
	if k, ok := d.nextKey(); ok || k != nil {
		t.Error("nextKey succeeded after error")
	}
	if d.readString() != "" || d.readInt(8) != 0 || d.readFloat(64) != 0 || d.readBlob() != nil || d.readRaw() != nil ||
		!d.readEpochSeconds().IsZero() || !d.readDateTime().IsZero() || !d.readHTTPDate().IsZero() || d.peek() != 0 {
		t.Error("reader returned non-zero value after error")
	}
	d.skip()
	d.fail("second")
	if *d.err != first {
		t.Errorf("first error was overwritten: %+v", *d.err)
	}
	if err := d.finish(); err == nil || err.Error() != "json: expected integer, found object (offset 0)" {
		t.Errorf("finish = %v", err)
	}
	// finish returns an untyped nil on success.
	d = newJSONDecoder([]byte(` 1 `))
	d.readInt(64)
	if err := d.finish(); err != nil {
		t.Errorf("finish = %#v", err)
	}
	// fail records the current offset.
	d = newJSONDecoder([]byte(`{}`))
	d.pos = 1
	d.fail("bad thing")
	if de := jsonTestDecodeErr(t, d.finish()); de.Msg != "bad thing" || de.Offset != 1 {
		t.Errorf("fail: %+v", *de)
	}
}

func TestJSONPeek(t *testing.T) {
	for in, want := range map[string]byte{` "a"`: '"', `{`: '{', "\n[": '[', `true`: 't', `null`: 'n', `-1`: '-', `7`: '7', ``: 0, ` `: 0} {
		d := newJSONDecoder([]byte(in))
		if got := d.peek(); got != want {
			t.Errorf("peek(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestJSONPathRendering(t *testing.T) {
	d := newJSONDecoder([]byte(`1`))
	d.addField("Ignored") // no error yet: must not be recorded
	d.readString()
	d.addField("Value")
	d.addIndex(0)
	d.addField("Attributes")
	d.addKey("k\"1")
	d.addField("Users")
	d.addIndex(12)
	de := jsonTestDecodeErr(t, d.finish())
	if want := `[12].Users["k\"1"].Attributes[0].Value`; de.Path != want {
		t.Errorf("Path = %s, want %s", de.Path, want)
	}
	if want := `json: [12].Users["k\"1"].Attributes[0].Value: expected string, found number (offset 0)`; de.Error() != want {
		t.Errorf("Error() = %s, want %s", de.Error(), want)
	}
}

// --- generated-style decoding ---------------------------------------------

type jsonTestAttribute struct {
	Name  *string
	Value *string
}

type jsonTestUser struct {
	Username       *string
	Enabled        *bool
	Attributes     []jsonTestAttribute
	Tags           map[string]string
	UserCreateDate *time.Time
	Score          *float64
	Logins         *int32
}

type jsonTestListUsersOutput struct {
	Users           []jsonTestUser
	PaginationToken *string
}

// The functions below mimic what the generator (internal/gen/codec.go) emits
// for awsJson shapes: optional scalars point into one "store" allocated per
// structure, list elements are decoded in place, nulls leave members unset,
// and failures record the member path while returning.

type jsonTestStoreAttribute struct {
	Name, Value string
}

func (v *jsonTestAttribute) decodeJSON(d *jsonDecoder) {
	*v = jsonTestAttribute{}
	if d.isNull() || !d.beginObject() {
		return
	}
	var st *jsonTestStoreAttribute
	for {
		key, ok := d.nextKey()
		if !ok {
			return
		}
		switch string(key) {
		case "Name":
			if d.isNull() {
				continue
			}
			if st == nil {
				st = new(jsonTestStoreAttribute)
			}
			st.Name = d.readString()
			v.Name = &st.Name
			if d.failed() {
				d.addField("Name")
				return
			}
		case "Value":
			if d.isNull() {
				continue
			}
			if st == nil {
				st = new(jsonTestStoreAttribute)
			}
			st.Value = d.readString()
			v.Value = &st.Value
			if d.failed() {
				d.addField("Value")
				return
			}
		default:
			d.skip()
			if d.failed() {
				d.addField(string(key))
				return
			}
		}
	}
}

func jsonTestDecodeAttributeList(d *jsonDecoder) []jsonTestAttribute {
	if !d.beginArray() {
		return nil
	}
	v := []jsonTestAttribute{}
	for i := 0; d.nextElem(); i++ {
		if d.isNull() {
			continue
		}
		v = append(v, jsonTestAttribute{})
		e := &v[len(v)-1]
		e.decodeJSON(d)
		if d.failed() {
			d.addIndex(i)
			return nil
		}
	}
	return v
}

func jsonTestDecodeTagMap(d *jsonDecoder) map[string]string {
	if !d.beginObject() {
		return nil
	}
	v := map[string]string{}
	for {
		key, ok := d.nextKey()
		if !ok {
			return v
		}
		k := string(key)
		if d.isNull() {
			continue
		}
		v[k] = d.readString()
		if d.failed() {
			d.addKey(k)
			return nil
		}
	}
}

type jsonTestStoreUser struct {
	Username       string
	Enabled        bool
	UserCreateDate time.Time
	Score          float64
	Logins         int32
}

func (v *jsonTestUser) decodeJSON(d *jsonDecoder) {
	*v = jsonTestUser{}
	if d.isNull() || !d.beginObject() {
		return
	}
	var st *jsonTestStoreUser
	for {
		key, ok := d.nextKey()
		if !ok {
			return
		}
		switch string(key) {
		case "Username":
			if d.isNull() {
				continue
			}
			if st == nil {
				st = new(jsonTestStoreUser)
			}
			st.Username = d.readString()
			v.Username = &st.Username
			if d.failed() {
				d.addField("Username")
				return
			}
		case "Enabled":
			if d.isNull() {
				continue
			}
			if st == nil {
				st = new(jsonTestStoreUser)
			}
			st.Enabled = d.readBool()
			v.Enabled = &st.Enabled
			if d.failed() {
				d.addField("Enabled")
				return
			}
		case "Attributes":
			if d.isNull() {
				continue
			}
			v.Attributes = jsonTestDecodeAttributeList(d)
			if d.failed() {
				d.addField("Attributes")
				return
			}
		case "Tags":
			if d.isNull() {
				continue
			}
			v.Tags = jsonTestDecodeTagMap(d)
			if d.failed() {
				d.addField("Tags")
				return
			}
		case "UserCreateDate":
			if d.isNull() {
				continue
			}
			if st == nil {
				st = new(jsonTestStoreUser)
			}
			st.UserCreateDate = d.readEpochSeconds()
			v.UserCreateDate = &st.UserCreateDate
			if d.failed() {
				d.addField("UserCreateDate")
				return
			}
		case "Score":
			if d.isNull() {
				continue
			}
			if st == nil {
				st = new(jsonTestStoreUser)
			}
			st.Score = d.readFloat(64)
			v.Score = &st.Score
			if d.failed() {
				d.addField("Score")
				return
			}
		case "Logins":
			if d.isNull() {
				continue
			}
			if st == nil {
				st = new(jsonTestStoreUser)
			}
			st.Logins = int32(d.readInt(32))
			v.Logins = &st.Logins
			if d.failed() {
				d.addField("Logins")
				return
			}
		default:
			d.skip()
			if d.failed() {
				d.addField(string(key))
				return
			}
		}
	}
}

func jsonTestDecodeUserList(d *jsonDecoder) []jsonTestUser {
	if !d.beginArray() {
		return nil
	}
	v := []jsonTestUser{}
	for i := 0; d.nextElem(); i++ {
		if d.isNull() {
			continue
		}
		v = append(v, jsonTestUser{})
		e := &v[len(v)-1]
		e.decodeJSON(d)
		if d.failed() {
			d.addIndex(i)
			return nil
		}
	}
	return v
}

func (v *jsonTestListUsersOutput) decodeJSON(d *jsonDecoder) {
	*v = jsonTestListUsersOutput{}
	if d.isNull() || !d.beginObject() {
		return
	}
	for {
		key, ok := d.nextKey()
		if !ok {
			return
		}
		switch string(key) {
		case "Users":
			if d.isNull() {
				continue
			}
			v.Users = jsonTestDecodeUserList(d)
			if d.failed() {
				d.addField("Users")
				return
			}
		case "PaginationToken":
			if d.isNull() {
				continue
			}
			x := d.readString()
			v.PaginationToken = &x
			if d.failed() {
				d.addField("PaginationToken")
				return
			}
		default:
			d.skip()
			if d.failed() {
				d.addField(string(key))
				return
			}
		}
	}
}

func jsonTestUnmarshalListUsers(data []byte) (jsonTestListUsersOutput, error) {
	var out jsonTestListUsersOutput
	d := newJSONDecoder(data)
	out.decodeJSON(&d)
	return out, d.finish()
}

func TestJSONGeneratedStyleDecode(t *testing.T) {
	in := `{"Users":[{"Username":"alice","Enabled":true,"Attributes":[{"Name":"email","Value":"a@example.com"},{"Name":"x","Value":null}],
		"Tags":{"env":"prod","team":"a\u00e9"},"UserCreateDate":1398796238.123,"Score":1.5,"Logins":7,"Unknown":{"deep":[1,{"x":null}]}},
		null, {"Username":"bob"}], "PaginationToken":null, "Extra": 5}`
	out, err := jsonTestUnmarshalListUsers([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	// The null element of the (non-sparse) list is dropped, as generated code does.
	if len(out.Users) != 2 || out.PaginationToken != nil {
		t.Fatalf("users = %d, token = %v", len(out.Users), out.PaginationToken)
	}
	u := out.Users[0]
	if *u.Username != "alice" || !*u.Enabled || *u.Score != 1.5 || *u.Logins != 7 ||
		!u.UserCreateDate.Equal(time.UnixMilli(1398796238123)) ||
		!reflect.DeepEqual(u.Tags, map[string]string{"env": "prod", "team": "aé"}) ||
		len(u.Attributes) != 2 || *u.Attributes[0].Value != "a@example.com" || u.Attributes[1].Value != nil {
		t.Errorf("user 0 decoded wrongly: %+v", u)
	}
	if *out.Users[1].Username != "bob" || out.Users[1].Enabled != nil {
		t.Errorf("user 1 decoded wrongly: %+v", out.Users[1])
	}

	errTests := []struct {
		in, path, msg string
	}{
		{`{"Users":[{"Username":"a","Attributes":[{"Name":"x","Value":1}]}]}`,
			"Users[0].Attributes[0].Value", "expected string, found number"},
		{`{"Users":[{},{},{},{"Attributes":[{"Name":"x"},{"Name":"y","Value":"v"},{"Value":[]}]}]}`,
			"Users[3].Attributes[2].Value", "expected string, found array"},
		{`{"Users":[{"Tags":{"k1":"v","k\"2":3}}]}`,
			`Users[0].Tags["k\"2"]`, "expected string, found number"},
		{`{"Users":[{"Logins":3000000000}]}`,
			"Users[0].Logins", "value 3000000000 out of range for 32-bit integer"},
		{`{"Users":[{"Enabled":"yes"}]}`,
			"Users[0].Enabled", "expected boolean, found string"},
		{`{"Users":{}}`, "Users", "expected array, found object"},
		{`{"Users":[{"Attributes":[{"Name":"x",}]}]}`,
			"Users[0].Attributes[0]", "expected string for object key, found '}'"},
		{`{"Users":[{"Unknown":[1,]}]}`, "Users[0].Unknown", "invalid character ']' looking for beginning of value"},
		{`{"Users":[]}x`, "", "invalid character 'x' after top-level value"},
		{`[]`, "", "expected object, found array"},
	}
	for _, tt := range errTests {
		_, err := jsonTestUnmarshalListUsers([]byte(tt.in))
		if err == nil {
			t.Errorf("%s: no error", tt.in)
			continue
		}
		de := jsonTestDecodeErr(t, err)
		if de.Path != tt.path || de.Msg != tt.msg {
			t.Errorf("%s:\n got path %q msg %q\nwant path %q msg %q", tt.in, de.Path, de.Msg, tt.path, tt.msg)
		}
		if de.Offset < 0 || de.Offset > len(tt.in) {
			t.Errorf("%s: offset %d out of bounds", tt.in, de.Offset)
		}
	}
	// Exact message for the canonical example.
	_, err = jsonTestUnmarshalListUsers([]byte(`{"Users":[{"Username":"a","Attributes":[{"Name":"x","Value":1}]}]}`))
	if want := "json: Users[0].Attributes[0].Value: expected string, found number (offset 60)"; err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}

// jsonTestUsersDocument builds a ListUsers-style response with n users.
func jsonTestUsersDocument(n int) []byte {
	var b []byte
	b = append(b, `{"Users":[`...)
	for i := range n {
		if i > 0 {
			b = append(b, ',')
		}
		b = fmt.Appendf(b, `{"Username":"user-%04d-%s","Enabled":%t,"UserStatus":"CONFIRMED",`+
			`"UserCreateDate":1.700000%03d123E9,"Score":%d.25,"Logins":%d,`+
			`"Attributes":[{"Name":"sub","Value":"5f1c3a2e-1b2c-4d5e-8f90-%012d"},`+
			`{"Name":"email","Value":"user%d@example.com"},`+
			`{"Name":"custom:display_name","Value":"User \"%d\" \u00e9t\u00e9\n\u65e5\u672c"}],`+
			`"Tags":{"team":"platform"}}`,
			i, strings.Repeat("x", i%7), i%2 == 0, i%1000, i*3, i, i, i, i)
	}
	b = append(b, `],"PaginationToken":"eyJwYWdpbmF0aW9uVG9rZW4iOiJhYmNkZWYxMjM0NTY3ODkwIn0="}`...)
	return b
}

func TestJSONUsersDocument(t *testing.T) {
	doc := jsonTestUsersDocument(60)
	if !json.Valid(doc) {
		t.Fatal("benchmark document is invalid JSON")
	}
	out, err := jsonTestUnmarshalListUsers(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Users) != 60 || *out.Users[59].Logins != 59 || *out.Users[3].Attributes[2].Value != "User \"3\" été\n日本" {
		t.Fatalf("decoded %d users: %+v", len(out.Users), out.Users[3])
	}
	if got, want := *out.Users[1].UserCreateDate, time.UnixMilli(1700000001123); !got.Equal(want) {
		t.Errorf("UserCreateDate = %v, want %v", got, want)
	}
	if err := jsonValid(doc); err != nil {
		t.Fatal(err)
	}
	t.Logf("document size %d bytes", len(doc))
}

func TestJSONDecodeAllocations(t *testing.T) {
	// Scalars, keys, skipping and structure: no allocations at all once the
	// decoder's unescape buffers have grown (escaped key "b\u0062").
	var d jsonDecoder
	data := []byte(`{"a":1,"b\u0062":true,"c":[1.5,"NaN",null],"d":{"x":"y\n"},"e":"2014-04-29T18:30:38Z","f":1398796238.5,"g":"Tue, 29 Apr 2014 18:30:38 GMT"}`)
	allocs := testing.AllocsPerRun(100, func() {
		d.reset(data)
		d.beginObject()
		for {
			k, ok := d.nextKey()
			if !ok {
				break
			}
			switch string(k) {
			case "a":
				d.readInt(64)
			case "bb":
				d.readBool()
			case "c":
				d.beginArray()
				for d.nextElem() {
					if !d.isNull() {
						d.readFloat(64)
					}
				}
			case "e":
				d.readDateTime()
			case "f":
				d.readEpochSeconds()
			case "g":
				d.readHTTPDate()
			default:
				d.skip()
			}
		}
		if d.finish() != nil {
			panic(d.finish())
		}
	})
	if allocs != 0 {
		t.Errorf("scalar decoding allocated %v times per run, want 0", allocs)
	}
	// Strings: one allocation for the chunk they all share, also with escapes
	// once the scratch buffer has grown.
	data = []byte("[\"plain\", \"esc\\\"aped\\u00e9\", \"bad\xffutf8\"]")
	allocs = testing.AllocsPerRun(100, func() {
		d.reset(data)
		d.beginArray()
		for d.nextElem() {
			jsonTestSink = d.readString()
		}
		if d.finish() != nil {
			panic(d.finish())
		}
	})
	if allocs != 1 {
		t.Errorf("reading 3 strings allocated %v times per run, want 1", allocs)
	}
	// Blobs and raw values: one allocation each.
	data = []byte(`["aGVsbG8gd29ybGQ=", {"a":[1,2]}]`)
	allocs = testing.AllocsPerRun(100, func() {
		d := newJSONDecoder(data)
		d.beginArray()
		d.nextElem()
		d.readBlob()
		d.nextElem()
		d.readRaw()
		d.nextElem()
		if d.finish() != nil {
			panic(d.finish())
		}
	})
	if allocs != 2 {
		t.Errorf("blob+raw allocated %v times per run, want 2", allocs)
	}
	// Long float text (beyond the small-string conversion buffer).
	data = []byte(`1.2345678901234567890123456789012345678901234567890e-5`)
	allocs = testing.AllocsPerRun(100, func() {
		d := newJSONDecoder(data)
		d.readFloat(64)
	})
	t.Logf("readFloat on a %d-byte number: %v allocs", len(data), allocs)
}

// jsonTestSink keeps results alive so the compiler cannot elide them.
var jsonTestSink string

// --- benchmarks ---------------------------------------------------------------

func BenchmarkJSONReadString(b *testing.B) {
	cases := []struct{ name, in string }{
		{"ascii", `"arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/Alice"`},
		{"escapes", `"line one\nline \"two\"\tand a \\ backslash\n"`},
		{"unicode", `"Grüße aus Zürich — 東京 😀 ünïcödé text here"`},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			data := []byte(c.in)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			d := newJSONDecoder(data)
			for b.Loop() {
				d.pos = 0
				jsonTestSink = d.readString()
			}
			if d.finish() != nil {
				b.Fatal(d.finish())
			}
		})
	}
}

func BenchmarkJSONSkip(b *testing.B) {
	data := jsonTestUsersDocument(60)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d := newJSONDecoder(data)
		d.skip()
		if d.finish() != nil {
			b.Fatal(d.finish())
		}
	}
}

func BenchmarkJSONDecodeUsers(b *testing.B) {
	data := jsonTestUsersDocument(60)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := jsonTestUnmarshalListUsers(data); err != nil {
			b.Fatal(err)
		}
	}
}

// jsonTestWalk visits every value through the typed API without producing
// anything, measuring the decoder itself (keys, strings incl. unescaping,
// numbers, structure) apart from the cost of allocating results.
func jsonTestWalk(d *jsonDecoder) {
	switch d.peek() {
	case '{':
		if d.beginObject() {
			for {
				if _, ok := d.nextKey(); !ok {
					break
				}
				jsonTestWalk(d)
			}
		}
	case '[':
		if d.beginArray() {
			for d.nextElem() {
				jsonTestWalk(d)
			}
		}
	case '"':
		d.readStringBytes()
	case 't', 'f':
		d.readBool()
	case 'n':
		d.isNull()
	default:
		d.readFloat(64)
	}
}

func BenchmarkJSONDecodeUsersWalk(b *testing.B) {
	data := jsonTestUsersDocument(60)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var d jsonDecoder
	for b.Loop() {
		d.reset(data)
		jsonTestWalk(&d)
		if d.finish() != nil {
			b.Fatal(d.finish())
		}
	}
}

// BenchmarkJSONDecodeUsersStdlib is a reference point: the same document via
// encoding/json into equivalent structs.
func BenchmarkJSONDecodeUsersStdlib(b *testing.B) {
	data := jsonTestUsersDocument(60)
	type attr struct{ Name, Value *string }
	type user struct {
		Username       *string
		Enabled        *bool
		Attributes     []attr
		Tags           map[string]string
		UserCreateDate *float64
		Score          *float64
		Logins         *int32
	}
	var out struct {
		Users           []user
		PaginationToken *string
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		out.Users = nil
		if err := json.Unmarshal(data, &out); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkJSONReadFloat(b *testing.B) {
	data := []byte(`[3.14159, 1398796238.123, 1e-9, 42, 0.1, 1.23456789e25]`)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d := newJSONDecoder(data)
		d.beginArray()
		for d.nextElem() {
			d.readFloat(64)
		}
		if d.finish() != nil {
			b.Fatal(d.finish())
		}
	}
}

// TestJSONLargeInputs feeds large pathological inputs through every reader;
// each must finish promptly (linear time) without panicking.
func TestJSONLargeInputs(t *testing.T) {
	const n = 1 << 18
	inputs := map[string][]byte{
		"open brackets":   bytes.Repeat([]byte("["), n),
		"open braces":     bytes.Repeat([]byte(`{"a":`), n/5),
		"escapes":         append(append([]byte(`"`), bytes.Repeat([]byte(`\u00e9\n`), n/8)...), '"'),
		"bad utf8":        append(append([]byte(`"`), bytes.Repeat([]byte{0xff}, n)...), '"'),
		"unterminated":    append([]byte(`"`), bytes.Repeat([]byte("a"), n)...),
		"long number":     bytes.Repeat([]byte("9"), n),
		"long fraction":   append([]byte("0."), bytes.Repeat([]byte("0"), n)...),
		"long exponent":   append([]byte("1e"), bytes.Repeat([]byte("9"), n)...),
		"many members":    append(append([]byte("{"), bytes.Repeat([]byte(`"k":1,`), n/6)...), []byte(`"z":2}`)...),
		"many elements":   append(append([]byte("["), bytes.Repeat([]byte(`1,`), n/2)...), '1', ']'),
		"many commas":     append([]byte("["), bytes.Repeat([]byte(","), n)...),
		"long whitespace": append(bytes.Repeat([]byte(" "), n), '1'),
	}
	readers := map[string]func(*jsonDecoder){
		"skip":      (*jsonDecoder).skip,
		"any":       func(d *jsonDecoder) { jsonTestDecodeAny(d) },
		"string":    func(d *jsonDecoder) { d.readString() },
		"int":       func(d *jsonDecoder) { d.readInt(64) },
		"float":     func(d *jsonDecoder) { d.readFloat(64) },
		"epoch":     func(d *jsonDecoder) { d.readEpochSeconds() },
		"blob":      func(d *jsonDecoder) { d.readBlob() },
		"raw":       func(d *jsonDecoder) { d.readRaw() },
		"users":     func(d *jsonDecoder) { var u jsonTestListUsersOutput; u.decodeJSON(d) },
		"date-time": func(d *jsonDecoder) { d.readDateTime() },
	}
	for name, in := range inputs {
		for rname, read := range readers {
			start := time.Now()
			d := newJSONDecoder(in)
			read(&d)
			err := d.finish()
			if el := time.Since(start); el > 5*time.Second {
				t.Errorf("%s/%s took %v", name, rname, el)
			}
			if err != nil {
				if de := jsonTestDecodeErr(t, err); de.Offset < 0 || de.Offset > len(in) || len(de.Error()) > 1000 {
					t.Errorf("%s/%s: bad error %.200s", name, rname, de.Error())
				}
			}
		}
	}
}
