package rt

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// jsonTestStdString encodes s with encoding/json without HTML escaping.
func jsonTestStdString(t testing.TB, s string) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

func TestJSONAppendString(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", `""`},
		{"abc", `"abc"`},
		{`a"b\c`, `"a\"b\\c"`},
		{"a/b", `"a/b"`},
		{"<>&", `"<>&"`},
		{"\n\r\t\b\f", `"\n\r\t\b\f"`},
		{"\x00\x01\x1f\x7f", `"\u0000\u0001\u001f` + "\x7f" + `"`},
		{"\u2028x\u2029", `"\u2028x\u2029"`},
		{"héllo 世界 😀", `"héllo 世界 😀"`},
		{"\xff", `"\ufffd"`},
		{"a\xc3", `"a\ufffd"`},
		{"\xed\xa0\x80", `"\ufffd\ufffd\ufffd"`}, // encoded surrogate is invalid UTF-8
		{"\xe2\x80\xa8", `"\u2028"`},
		{"\uFFFD", "\"\uFFFD\""},
		{"tail\\", `"tail\\"`},
	}
	for _, tt := range tests {
		got := string(jsonAppendString(nil, tt.in))
		if got != tt.want {
			t.Errorf("jsonAppendString(%q) = %s, want %s", tt.in, got, tt.want)
		}
		if std := jsonTestStdString(t, tt.in); std != tt.want {
			t.Errorf("test table disagrees with encoding/json for %q: %s", tt.in, std)
		}
	}
	// Appends to the existing buffer.
	if got := string(jsonAppendString([]byte("x:"), "y")); got != `x:"y"` {
		t.Errorf("append to prefix = %s", got)
	}
}

// jsonTestRandomString returns strings mixing ASCII, special characters,
// multi-byte runes and invalid bytes.
func jsonTestRandomString(r *rand.Rand) string {
	pieces := []string{"a", "Z", " ", "\"", "\\", "/", "<", "&", "\n", "\x00", "\x1f", "\x7f",
		"é", "世", "😀", "\u2028", "\u2029", "\xff", "\xc3", "\xe2\x80", "\xf0\x9f\x98", "\xed\xa0\x80", "\uFFFD"}
	n := r.IntN(20)
	var sb strings.Builder
	for range n {
		if r.IntN(3) == 0 {
			sb.WriteByte(byte(r.UintN(256)))
		} else {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
	}
	return sb.String()
}

func TestJSONAppendStringMatchesEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		s := jsonTestRandomString(r)
		want := jsonTestStdString(t, s)
		if got := string(jsonAppendString(nil, s)); got != want {
			t.Fatalf("jsonAppendString(%q) = %s, encoding/json = %s", s, got, want)
		}
	}
}

func TestJSONAppendBoolInt(t *testing.T) {
	if got := string(jsonAppendBool(nil, true)); got != "true" {
		t.Errorf("true: %s", got)
	}
	if got := string(jsonAppendBool(nil, false)); got != "false" {
		t.Errorf("false: %s", got)
	}
	for _, v := range []int64{0, 1, -1, math.MaxInt64, math.MinInt64} {
		want, _ := json.Marshal(v)
		if got := jsonAppendInt(nil, v); !bytes.Equal(got, want) {
			t.Errorf("jsonAppendInt(%d) = %s, want %s", v, got, want)
		}
	}
}

func TestJSONAppendFloat(t *testing.T) {
	tests := []struct {
		f    float64
		bits int
		want string
	}{
		{0, 64, "0"},
		{math.Copysign(0, -1), 64, "-0"},
		{1, 64, "1"},
		{-1.5, 64, "-1.5"},
		{0.1, 64, "0.1"},
		{0.1, 32, "0.1"},
		{float64(float32(0.1)), 64, "0.10000000149011612"},
		{1e-6, 64, "0.000001"},
		{1e-7, 64, "1e-7"},
		{1.5e-7, 64, "1.5e-7"},
		{1e20, 64, "100000000000000000000"},
		{1e21, 64, "1e+21"},
		{123456789e30, 64, "1.23456789e+38"},
		{5e-324, 64, "5e-324"},
		{math.MaxFloat64, 64, "1.7976931348623157e+308"},
		{math.MaxFloat32, 32, "3.4028235e+38"},
		{1e-45, 32, "1e-45"},
		{3.14159, 32, "3.14159"},
		{math.NaN(), 64, `"NaN"`},
		{math.Inf(1), 64, `"Infinity"`},
		{math.Inf(-1), 32, `"-Infinity"`},
	}
	for _, tt := range tests {
		if got := string(jsonAppendFloat(nil, tt.f, tt.bits)); got != tt.want {
			t.Errorf("jsonAppendFloat(%v, %d) = %s, want %s", tt.f, tt.bits, got, tt.want)
		}
	}
}

func TestJSONAppendFloatMatchesEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	check64 := func(f float64) {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return
		}
		want, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := jsonAppendFloat(nil, f, 64); !bytes.Equal(got, want) {
			t.Fatalf("float64 %v (bits %x): got %s, encoding/json %s", f, math.Float64bits(f), got, want)
		}
	}
	check32 := func(f float32) {
		if math.IsNaN(float64(f)) || math.IsInf(float64(f), 0) {
			return
		}
		want, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := jsonAppendFloat(nil, float64(f), 32); !bytes.Equal(got, want) {
			t.Fatalf("float32 %v (bits %x): got %s, encoding/json %s", f, math.Float32bits(f), got, want)
		}
	}
	// Values around the notation cut-offs.
	for _, base := range []float64{1e-6, 1e21, 1e-7, 1e20} {
		for _, f := range []float64{base, math.Nextafter(base, 0), math.Nextafter(base, math.Inf(1))} {
			check64(f)
			check64(-f)
			check32(float32(f))
			check32(math.Nextafter32(float32(f), 0))
			check32(math.Nextafter32(float32(f), float32(math.Inf(1))))
		}
	}
	for range 50000 {
		check64(math.Float64frombits(r.Uint64()))
		check32(math.Float32frombits(r.Uint32()))
		// "Ordinary" magnitudes as seen in real payloads.
		f := (r.Float64() - 0.5) * math.Pow(10, float64(r.IntN(50)-25))
		check64(f)
		check32(float32(f))
	}
}

func TestJSONAppendBlob(t *testing.T) {
	for _, v := range [][]byte{nil, {}, {0}, {0xff, 0xfe}, []byte("hello world"), bytes.Repeat([]byte{0xab}, 100)} {
		want, _ := json.Marshal(v)
		if v == nil {
			want = []byte(`""`)
		}
		if got := jsonAppendBlob(nil, v); !bytes.Equal(got, want) {
			t.Errorf("jsonAppendBlob(%x) = %s, want %s", v, got, want)
		}
	}
	if got := string(jsonAppendBlob(nil, []byte("ab"))); got != `"YWI="` {
		t.Errorf("padding: got %s", got)
	}
}

// jsonTestSDKEpochSeconds mirrors aws-sdk-go-v2 (smithy-go): milliseconds via
// UnixNano truncation, divided by 1e3 and written with ES6 formatting.
func jsonTestSDKEpochSeconds(t time.Time) string {
	ms := t.UnixNano() / int64(time.Millisecond)
	b, err := json.Marshal(float64(ms) / 1e3)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func TestJSONAppendEpochSeconds(t *testing.T) {
	tests := []struct {
		t    time.Time
		want string
	}{
		{time.Unix(1398796238, 0), "1398796238"},
		{time.Unix(1398796238, 123_000_000), "1398796238.123"},
		{time.Unix(1398796238, 123_999_999), "1398796238.123"},
		{time.Unix(1398796238, 100_000_000), "1398796238.1"},
		{time.Unix(1398796238, 999_999), "1398796238"},
		{time.Unix(0, 0), "0"},
		{time.Unix(0, 1_000_000), "0.001"},
		{time.Unix(-1, 0), "-1"},
		{time.Unix(-2, 500_000_000), "-1.5"},
		{time.Unix(-1, 999_500_000), "0"}, // -0.0005 s truncates toward zero
		{time.Unix(-1, 999_000_000), "-0.001"},
		{time.Date(2262, 1, 1, 0, 0, 0, 0, time.UTC), "9214646400"},
		{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), "-62135596800"},
	}
	for _, tt := range tests {
		if got := string(jsonAppendEpochSeconds(nil, tt.t)); got != tt.want {
			t.Errorf("jsonAppendEpochSeconds(%v) = %s, want %s", tt.t, got, tt.want)
		}
	}
	// Far outside the UnixNano range: still a sensible number.
	far := time.Unix(1<<60, 0)
	if got := string(jsonAppendEpochSeconds(nil, far)); got != "1152921504606846976" {
		t.Errorf("far future: %s", got)
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 50000 {
		// Within the range where UnixNano is defined (years 1678-2262).
		ns := r.Int64N(1<<63-1) - r.Int64N(1<<63-1)
		if r.IntN(4) == 0 {
			ns = ns / 1e6 * 1e6 // whole milliseconds
		}
		if r.IntN(8) == 0 {
			ns = ns / 1e9 * 1e9 // whole seconds
		}
		tm := time.Unix(0, ns)
		if got, want := string(jsonAppendEpochSeconds(nil, tm)), jsonTestSDKEpochSeconds(tm); got != want {
			t.Fatalf("jsonAppendEpochSeconds(%d ns) = %s, sdk %s", ns, got, want)
		}
	}
}

func TestJSONAppendDateTimeHTTPDate(t *testing.T) {
	loc := time.FixedZone("X", -7*3600)
	tests := []struct {
		t              time.Time
		dateTime, http string
	}{
		{time.Date(2014, 4, 29, 18, 30, 38, 0, time.UTC), `"2014-04-29T18:30:38Z"`, `"Tue, 29 Apr 2014 18:30:38 GMT"`},
		{time.Date(2014, 4, 29, 18, 30, 38, 123456789, time.UTC), `"2014-04-29T18:30:38.123Z"`, `"Tue, 29 Apr 2014 18:30:38 GMT"`},
		{time.Date(2014, 4, 29, 18, 30, 38, 100000000, time.UTC), `"2014-04-29T18:30:38.1Z"`, `"Tue, 29 Apr 2014 18:30:38 GMT"`},
		{time.Date(2014, 4, 29, 11, 30, 38, 0, loc), `"2014-04-29T18:30:38Z"`, `"Tue, 29 Apr 2014 18:30:38 GMT"`},
		{time.Date(2000, 1, 2, 3, 4, 5, 999999, time.UTC), `"2000-01-02T03:04:05Z"`, `"Sun, 02 Jan 2000 03:04:05 GMT"`},
	}
	for _, tt := range tests {
		if got := string(jsonAppendDateTime(nil, tt.t)); got != tt.dateTime {
			t.Errorf("jsonAppendDateTime(%v) = %s, want %s", tt.t, got, tt.dateTime)
		}
		if got := string(jsonAppendHTTPDate(nil, tt.t)); got != tt.http {
			t.Errorf("jsonAppendHTTPDate(%v) = %s, want %s", tt.t, got, tt.http)
		}
		// Round trip through the decoder (millisecond precision).
		d := newJSONDecoder([]byte(tt.dateTime))
		if got := d.readDateTime(); !got.Equal(tt.t.Truncate(time.Millisecond)) || d.finish() != nil {
			t.Errorf("readDateTime(%s) = %v, %v", tt.dateTime, got, d.finish())
		}
		d = newJSONDecoder([]byte(tt.http))
		if got := d.readHTTPDate(); !got.Equal(tt.t.Truncate(time.Second)) || d.finish() != nil {
			t.Errorf("readHTTPDate(%s) = %v, %v", tt.http, got, d.finish())
		}
	}
}

func TestJSONAppendZeroAllocs(t *testing.T) {
	buf := make([]byte, 0, 4096)
	tm := time.Date(2014, 4, 29, 18, 30, 38, 123000000, time.UTC)
	blob := []byte("some binary data")
	allocs := testing.AllocsPerRun(100, func() {
		b := buf[:0]
		b = jsonAppendString(b, "hello \"world\"\n\u2028\xff é")
		b = jsonAppendFloat(b, 3.14159, 64)
		b = jsonAppendFloat(b, 1e-9, 32)
		b = jsonAppendFloat(b, math.NaN(), 64)
		b = jsonAppendInt(b, -42)
		b = jsonAppendBool(b, true)
		b = jsonAppendBlob(b, blob)
		b = jsonAppendEpochSeconds(b, tm)
		b = jsonAppendDateTime(b, tm)
		b = jsonAppendHTTPDate(b, tm)
		buf = b
	})
	if allocs != 0 {
		t.Errorf("append helpers allocated %v times per run, want 0", allocs)
	}
	if !utf8.Valid(buf) {
		t.Errorf("output is not valid UTF-8: %q", buf)
	}
}

func TestJSONValid(t *testing.T) {
	valid := []string{
		`0`, `-0`, `1.5e+10`, `"x"`, `true`, `false`, `null`, ` {"a" : [1, 2, {}], "b":null} `,
		`[]`, `{}`, "\t[\n]\r", `"\ud800"`, "\"\xff\"", `[-0.0e-0]`, `"\/"`,
	}
	for _, s := range valid {
		if err := jsonValid([]byte(s)); err != nil {
			t.Errorf("jsonValid(%q) = %v, want nil", s, err)
		}
		if !json.Valid([]byte(s)) {
			t.Errorf("test bug: encoding/json rejects %q", s)
		}
	}
	invalid := []struct{ in, msg string }{
		{``, "unexpected end of input"},
		{` `, "unexpected end of input"},
		{`01`, "leading zero"},
		{`+1`, "invalid character '+'"},
		{`.5`, "invalid character '.'"},
		{`1.`, "expected digit after decimal point"},
		{`1e`, "expected digit in exponent"},
		{`-`, "expected digit"},
		{`NaN`, "invalid character 'N'"},
		{`'a'`, `invalid character '\''`},
		{`[1,]`, "invalid character ']'"},
		{`{"a":1,}`, "expected string for object key"},
		{`{"a" 1}`, "expected ':'"},
		{`{1:1}`, "expected string for object key"},
		{`[1 2]`, "expected ',' or ']'"},
		{`{"a":1 "b":2}`, "expected ',' or '}'"},
		{`"abc`, "unexpected end of input in string"},
		{`"a\x"`, "invalid escape character 'x'"},
		{`"\u12G4"`, `invalid \u escape`},
		{"\"a\nb\"", "invalid control character"},
		{`// c` + "\n1", "invalid character '/'"},
		{`1 2`, "invalid character '2' after top-level value"},
		{`tru`, "invalid literal"},
		{`nulll`, "after top-level value"},
		{`[`, "unexpected end of input"},
		{`{"a":`, "unexpected end of input"},
		{strings.Repeat("[", 129) + strings.Repeat("]", 129), "maximum nesting depth of 128"},
	}
	for _, tt := range invalid {
		err := jsonValid([]byte(tt.in))
		if err == nil {
			t.Errorf("jsonValid(%q) = nil, want error", tt.in)
			continue
		}
		if !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("jsonValid(%q) = %v, want message containing %q", tt.in, err, tt.msg)
		}
		if _, ok := err.(*DecodeError); !ok {
			t.Errorf("jsonValid(%q) returned %T, want *DecodeError", tt.in, err)
		}
		if json.Valid([]byte(tt.in)) && !strings.Contains(tt.msg, "depth") {
			t.Errorf("test bug: encoding/json accepts %q", tt.in)
		}
	}
	if err := jsonValid([]byte(strings.Repeat("[", 128) + strings.Repeat("]", 128))); err != nil {
		t.Errorf("depth 128 rejected: %v", err)
	}
}

func BenchmarkJSONAppendString(b *testing.B) {
	cases := []struct{ name, s string }{
		{"ascii", "arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/Alice"},
		{"escapes", "line one\nline \"two\"\tand a \\ backslash\n"},
		{"unicode", "Grüße aus Zürich — 東京 😀 ünïcödé text here"},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			buf := make([]byte, 0, 256)
			b.SetBytes(int64(len(c.s)))
			b.ReportAllocs()
			for b.Loop() {
				buf = jsonAppendString(buf[:0], c.s)
			}
		})
	}
}

func BenchmarkJSONAppendFloat(b *testing.B) {
	vals := []float64{3.14159, 1398796238.123, 1e-9, 42, 0.1, 123456.789e20}
	buf := make([]byte, 0, 64)
	b.ReportAllocs()
	for b.Loop() {
		for _, v := range vals {
			buf = jsonAppendFloat(buf[:0], v, 64)
		}
	}
}

func BenchmarkJSONAppendBase64(b *testing.B) {
	data := bytes.Repeat([]byte("binary\x00\xff"), 128)
	buf := make([]byte, 0, base64.StdEncoding.EncodedLen(len(data))+2)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		buf = jsonAppendBlob(buf[:0], data)
	}
}

// jsonTestAppender writes a fixed document or fails, as a generated AppendJSON.
type jsonTestAppender struct {
	doc string
	err error
}

func (a jsonTestAppender) AppendJSON(b []byte) ([]byte, error) {
	b = append(b, a.doc...)
	return b, a.err
}

// jsonMarshal is a generated MarshalJSON's body.
func jsonMarshal(a jsonTestAppender) ([]byte, error) {
	return jsonMarshalled(a.AppendJSON(jsonBuffer()))
}

func TestJSONMarshal(t *testing.T) {
	first, err := jsonMarshal(jsonTestAppender{doc: `{"a":"first"}`})
	if err != nil || string(first) != `{"a":"first"}` {
		t.Fatalf("jsonMarshal = %s, %v", first, err)
	}
	if len(first) != len(`{"a":"first"}`) {
		t.Errorf("len = %d", len(first))
	}
	// The result must not share the pooled scratch buffer: a later document leaves it as is.
	second, _ := jsonMarshal(jsonTestAppender{doc: `{"b":"XXXXXXXX"}`})
	if string(first) != `{"a":"first"}` || string(second) != `{"b":"XXXXXXXX"}` {
		t.Errorf("results share memory: %s %s", first, second)
	}
	// An error gives no document.
	boom := &EncodeError{Msg: "boom"}
	out, err := jsonMarshal(jsonTestAppender{doc: `{"partial`, err: boom})
	if out != nil || err != boom {
		t.Errorf("on error: %q, %v", out, err)
	}
	// A document larger than jsonPooledMax is returned whole and its buffer not kept.
	big := strings.Repeat("x", jsonPooledMax+10)
	out, err = jsonMarshal(jsonTestAppender{doc: big})
	if err != nil || string(out) != big {
		t.Errorf("large document: %d bytes, %v", len(out), err)
	}
	if allocs := testing.AllocsPerRun(100, func() { jsonMarshal(jsonTestAppender{doc: `{"a":1}`}) }); allocs > 1 {
		t.Errorf("jsonMarshal allocated %v times, want 1", allocs)
	}
}
