package kitchentest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	ks "github.com/awsgen/awsgen/generated/kitchensink"
)

func marshal(t *testing.T, v interface{ MarshalJSON() ([]byte, error) }) string {
	t.Helper()
	b, err := v.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// stdJSON encodes v with encoding/json, HTML escaping off: the second oracle for strings
// and finite numbers.
func stdJSON(t *testing.T, v any) string {
	t.Helper()
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(v); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// TestEncodeExact holds whole documents to bytes written by hand: members in model order,
// unset members left out, integers in decimal, blobs as padded standard base64, nested
// structures inline, no whitespace.
func TestEncodeExact(t *testing.T) {
	tests := []struct {
		name string
		v    *ks.ListThingsInput
		want string
	}{
		{"empty", &ks.ListThingsInput{}, `{}`},
		{"every member", &ks.ListThingsInput{
			NextToken: ptr("t"), MaxResults: ptr(int32(5)),
			Tiny: ptr(int8(-128)), Small: ptr(int16(32767)), Medium: ptr(int32(math.MinInt32)), Large: ptr(int64(math.MaxInt64)),
			Single: ptr(float32(0.1)), Double: ptr(0.1), Label: ptr("l"), Labels: map[string]string{"b": "2", "a": "1"},
			Limits: &ks.Limits{Id: ptr("x"), Bytes: []byte{1, 2, 3}},
		}, `{"NextToken":"t","MaxResults":5,"Tiny":-128,"Small":32767,"Medium":-2147483648,"Large":9223372036854775807,` +
			`"Single":0.1,"Double":0.1,"Label":"l","Labels":{"a":"1","b":"2"},"Limits":{"Id":"x","Bytes":"AQID"}}`},
		{"int extremes", &ks.ListThingsInput{Tiny: ptr(int8(127)), Small: ptr(int16(-32768)), Medium: ptr(int32(2147483647)), Large: ptr(int64(math.MinInt64))},
			`{"Tiny":127,"Small":-32768,"Medium":2147483647,"Large":-9223372036854775808}`},
		{"empty collections are sent", &ks.ListThingsInput{Labels: map[string]string{}, Limits: &ks.Limits{List: []string{}, Dict: map[string]string{}, Bytes: []byte{}}},
			`{"Labels":{},"Limits":{"List":[],"Dict":{},"Bytes":""}}`},
		{"base64 alphabet and padding", &ks.ListThingsInput{Limits: &ks.Limits{Bytes: []byte{0xfb, 0xff}}},
			`{"Limits":{"Bytes":"+/8="}}`},
		{"nested structures", &ks.ListThingsInput{Limits: &ks.Limits{
			Items: []ks.LimitItem{{Name: ptr("a"), Child: &ks.LimitLeaf{Depth: ptr(int8(-1))}}, {}},
			ByKey: map[string]ks.LimitItem{"z": {}, "y": {Name: ptr("b")}},
			Sub:   &ks.LimitItem{Child: &ks.LimitLeaf{}},
		}}, `{"Limits":{"Items":[{"Name":"a","Child":{"Depth":-1}},{}],"ByKey":{"y":{"Name":"b"},"z":{}},"Sub":{"Child":{}}}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := marshal(t, tt.v); got != tt.want {
				t.Errorf("\n got %s\nwant %s", got, tt.want)
			}
			// AppendJSON appends the same bytes after what the buffer holds.
			b, err := tt.v.AppendJSON([]byte("prefix:"))
			if err != nil || string(b) != "prefix:"+tt.want {
				t.Errorf("AppendJSON: %s, %v", b, err)
			}
		})
	}
}

// TestEncodeMapOrder: map keys are written sorted by their bytes (Go string order, which is
// code point order), as encoding/json does, whatever the size of the map. That is not the
// UTF-16 order of JavaScript: U+FF5E sorts before U+1F600 here.
func TestEncodeMapOrder(t *testing.T) {
	labels := map[string]string{"b": "2", "a": "1", "c": "3", "B": "4", "é": "5", "": "6", "aa": "7", "\U0001F600": "8", "\uFF5E": "9"}
	want := `{"Labels":{"":"6","B":"4","a":"1","aa":"7","b":"2","c":"3","é":"5","～":"9","😀":"8"}}`
	for range 20 { // Go's map order is random: a few runs would catch an unsorted write
		if got := marshal(t, &ks.ListThingsInput{Labels: labels}); got != want {
			t.Fatalf("\n got %s\nwant %s", got, want)
		}
	}
	if got := `{"Labels":` + stdJSON(t, labels) + `}`; got != want {
		t.Errorf("encoding/json disagrees with the hand-written order: %s", got)
	}
	// Sizes around the runtime's thresholds: 16 entries fit its stack buffer, and above 32
	// it sorts differently. Keys are inserted in random order; the expected text lists them
	// in order by construction (zero-padded, so byte order is numeric order).
	for _, n := range []int{2, 16, 17, 32, 33, 40, 100} {
		m := map[string]string{}
		var parts []string
		for i := range n {
			parts = append(parts, fmt.Sprintf(`"k%03d":"v%d"`, i, i))
		}
		for _, i := range rand.Perm(n) {
			m[fmt.Sprintf("k%03d", i)] = fmt.Sprintf("v%d", i)
		}
		want := `{"Labels":{` + strings.Join(parts, ",") + `}}`
		if got := marshal(t, &ks.ListThingsInput{Labels: m}); got != want {
			t.Errorf("%d keys:\n got %s\nwant %s", n, got, want)
		}
	}
}

// TestEncodeStringEscapes states the string rule (templates/rt/json_encode.go): '"' and '\'
// take a backslash; control characters U+0000-U+001F take the short escapes \b \f \n \r \t
// where JSON has one and \u00XX otherwise (lower-case hex); U+2028 and U+2029 are escaped
// (JavaScript line terminators); each byte that is not part of valid UTF-8 becomes \ufffd;
// '<', '>', '&', '/', DEL and all other valid UTF-8 are written as they are. That is
// encoding/json with SetEscapeHTML(false).
func TestEncodeStringEscapes(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "abc", `"abc"`},
		{"empty", "", `""`},
		{"quote and backslash", `say "hi" \ bye`, `"say \"hi\" \\ bye"`},
		{"short escapes", "\b\f\n\r\t", `"\b\f\n\r\t"`},
		{"other controls", "\x00\x01\x07\x0b\x0e\x1b\x1f", `"\u0000\u0001\u0007\u000b\u000e\u001b\u001f"`},
		{"space and DEL are raw", " \x7f", "\" \x7f\""},
		{"HTML and slash are raw", "</script>&amp;", `"</script>&amp;"`},
		{"line separators", "a\u2028b\u2029c", `"a\u2028b\u2029c"`},
		{"multi-byte UTF-8 is raw", "é€😀\U0010FFFF\uFEFF", "\"é€😀\U0010FFFF\uFEFF\""},
		{"invalid byte", "a\xffb", `"a\ufffdb"`},
		{"truncated sequence, byte by byte", "\xe2\x80!", `"\ufffd\ufffd!"`},
		{"UTF-8 encoded surrogate", "\xed\xa0\x80", `"\ufffd\ufffd\ufffd"`},
		{"overlong encoding", "\xc0\xaf", `"\ufffd\ufffd"`},
		{"escape after 8 plain bytes", "12345678\"9", `"12345678\"9"`},
		{"escape at byte 7", "1234567\n", `"1234567\n"`},
		{"all together", "\x00\"\\\u2028<\xff😀\x1f", `"\u0000\"\\\u2028<\ufffd😀\u001f"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := marshal(t, &ks.ListThingsInput{Label: ptr(tt.in)})
			if want := `{"Label":` + tt.want + `}`; got != want {
				t.Errorf("\n got %s\nwant %s", got, want)
			}
			if std := stdJSON(t, tt.in); std != tt.want {
				t.Errorf("encoding/json disagrees with the hand-written text: %s", std)
			}
			// Map keys are strings like any other.
			got = marshal(t, &ks.ListThingsInput{Labels: map[string]string{tt.in: ""}})
			if want := `{"Labels":{` + tt.want + `:""}}`; got != want {
				t.Errorf("as a map key:\n got %s\nwant %s", got, want)
			}
		})
	}
}

// TestEncodeFloats states the number rule (templates/rt/json_encode.go): finite values in
// the shortest form that reads back as the same float of the member's width (float32 for
// float, float64 for double), laid out as encoding/json and ECMAScript's Number toString do:
// plain decimal for magnitudes in [1e-6, 1e21), exponent form outside it, with "e+" and no
// leading zero in the exponent. Negative zero is written "-0", as encoding/json and
// aws-sdk-go-v2 write it (ECMAScript would write 0). NaN and the infinities, which JSON
// numbers cannot carry, are the strings "NaN", "Infinity" and "-Infinity" of the AWS JSON
// protocols.
func TestEncodeFloats(t *testing.T) {
	tenth, fifth := 0.1, 0.2 // added at run time: as constants they would sum to exactly 0.3
	doubles := []struct {
		v    float64
		want string
	}{
		{0, `0`},
		{math.Copysign(0, -1), `-0`},
		{1, `1`},
		{-1.5, `-1.5`},
		{0.1, `0.1`},
		{tenth + fifth, `0.30000000000000004`},
		{123456789, `123456789`},
		{1e20, `100000000000000000000`},
		{123456789012345678901, `123456789012345680000`},
		{1e21, `1e+21`},
		{-1e21, `-1e+21`},
		{1.5e300, `1.5e+300`},
		{math.MaxFloat64, `1.7976931348623157e+308`},
		{0.000001, `0.000001`},
		{0.0000012345, `0.0000012345`},
		{math.Nextafter(0.000001, 0), `9.999999999999997e-7`}, // the double below 1e-6: exponent form
		{1e-7, `1e-7`},
		{-2.5e-8, `-2.5e-8`},
		{1e-10, `1e-10`},
		{1e-100, `1e-100`},
		{5e-324, `5e-324`},
		{math.NaN(), `"NaN"`},
		{math.Inf(1), `"Infinity"`},
		{math.Inf(-1), `"-Infinity"`},
	}
	for _, tt := range doubles {
		t.Run(fmt.Sprintf("double %v", tt.v), func(t *testing.T) {
			if got := marshal(t, &ks.ListThingsInput{Double: ptr(tt.v)}); got != `{"Double":`+tt.want+`}` {
				t.Errorf("got %s, want %s", got, tt.want)
			}
			if !math.IsNaN(tt.v) && !math.IsInf(tt.v, 0) {
				if std := stdJSON(t, tt.v); std != tt.want {
					t.Errorf("encoding/json writes %s", std)
				}
			}
		})
	}
	singles := []struct {
		v    float32
		want string
	}{
		{0.1, `0.1`}, // as a float64 it would be 0.10000000149011612
		{1.1, `1.1`},
		{3.14159, `3.14159`},
		{float32(math.Copysign(0, -1)), `-0`},
		{16777216, `16777216`},
		{16777217, `16777216`}, // not a float32: the constant rounds
		{1e20, `100000000000000000000`},
		{1e21, `1e+21`},
		{math.MaxFloat32, `3.4028235e+38`},
		{0.000001, `0.000001`},
		{1e-7, `1e-7`},
		{math.SmallestNonzeroFloat32, `1e-45`},
		{float32(math.NaN()), `"NaN"`},
		{float32(math.Inf(1)), `"Infinity"`},
		{float32(math.Inf(-1)), `"-Infinity"`},
	}
	for _, tt := range singles {
		t.Run(fmt.Sprintf("float %v", tt.v), func(t *testing.T) {
			if got := marshal(t, &ks.ListThingsInput{Single: ptr(tt.v)}); got != `{"Single":`+tt.want+`}` {
				t.Errorf("got %s, want %s", got, tt.want)
			}
			if !math.IsNaN(float64(tt.v)) && !math.IsInf(float64(tt.v), 0) {
				if std := stdJSON(t, tt.v); std != tt.want {
					t.Errorf("encoding/json writes %s", std)
				}
			}
		})
	}
	// Every form reads back as the same value.
	for _, tt := range doubles {
		var v ks.ListThingsInput
		if err := v.UnmarshalJSON([]byte(`{"Double":` + tt.want + `}`)); err != nil || v.Double == nil ||
			!(*v.Double == tt.v && math.Signbit(*v.Double) == math.Signbit(tt.v) || math.IsNaN(tt.v) && math.IsNaN(*v.Double)) {
			t.Errorf("%s reads back as %v, %v", tt.want, v.Double, err)
		}
	}
	for _, tt := range singles {
		var v ks.ListThingsInput
		if err := v.UnmarshalJSON([]byte(`{"Single":` + tt.want + `}`)); err != nil || v.Single == nil ||
			!(*v.Single == tt.v && math.Signbit(float64(*v.Single)) == math.Signbit(float64(tt.v)) || tt.v != tt.v && *v.Single != *v.Single) {
			t.Errorf("%s reads back as %v, %v", tt.want, v.Single, err)
		}
	}
}
