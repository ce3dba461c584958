package vectorkit

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/big"
	"net/http"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Hand-written stand-ins for generated types, shaped as the generator shapes them.

type tEnum string

type tDocument []byte

type tInner struct {
	Value *string
}

type tUnion struct {
	S *string
	L []string
}

type tOuter struct {
	Str     *string
	Int     *int32
	Long    *int64
	Dbl     *float64
	Flt     *float32
	Bool    *bool
	Blob    []byte
	Time    *time.Time
	Enum    *tEnum
	Doc     tDocument
	Inner   *tInner
	List    []tInner
	Sparse  []*string
	Map     map[string][]byte
	Union   *tUnion
	BigInt  *big.Int
	BigDec  *big.Float
	Default int32
}

var testSchema = vkParseSchema(`{
	"Outer": {"kind": "structure", "members": {
		"str": {"go": "Str", "target": "S"}, "int": {"go": "Int", "target": "I"},
		"long": {"go": "Long", "target": "L"}, "dbl": {"go": "Dbl", "target": "D"},
		"flt": {"go": "Flt", "target": "F"}, "bool": {"go": "Bool", "target": "B"},
		"blob": {"go": "Blob", "target": "Bl"}, "time": {"go": "Time", "target": "T"},
		"enum": {"go": "Enum", "target": "E"}, "doc": {"go": "Doc", "target": "Doc"},
		"inner": {"go": "Inner", "target": "Inner"}, "list": {"go": "List", "target": "InnerList"},
		"sparse": {"go": "Sparse", "target": "SparseList"}, "map": {"go": "Map", "target": "BlobMap"},
		"union": {"go": "Union", "target": "U"}, "bigInt": {"go": "BigInt", "target": "BI"},
		"bigDec": {"go": "BigDec", "target": "BD"}, "default": {"go": "Default", "target": "I"}}},
	"Inner": {"kind": "structure", "members": {"Value": {"go": "Value", "target": "S"}}},
	"U": {"kind": "union", "members": {"s": {"go": "S", "target": "S"}, "l": {"go": "L", "target": "SList"}}},
	"InnerList": {"kind": "list", "member": "Inner"},
	"SparseList": {"kind": "list", "member": "S"},
	"SList": {"kind": "list", "member": "S"},
	"BlobMap": {"kind": "map", "value": "Bl"},
	"S": {"kind": "string"}, "I": {"kind": "integer"}, "L": {"kind": "long"},
	"D": {"kind": "double"}, "F": {"kind": "float"}, "B": {"kind": "boolean"},
	"Bl": {"kind": "blob"}, "T": {"kind": "timestamp"}, "E": {"kind": "enum"},
	"Doc": {"kind": "document"}, "BI": {"kind": "bigInteger"}, "BD": {"kind": "bigDecimal"}
}`)

func ptr[T any](v T) *T { return &v }

func TestBuild(t *testing.T) {
	params := `{"str": "abc", "int": 7, "long": 999999999999, "dbl": "-Infinity", "flt": 1.5,
		"bool": false, "blob": "foo", "time": 946845296.123, "enum": "Foo",
		"doc": {"a": [1, null]}, "inner": {"Value": null}, "list": [{"Value": "x"}],
		"sparse": ["a", null], "map": {"k": "bar"}, "union": {"l": ["q"]},
		"bigInt": 123456789012345678901234567890, "bigDec": 1.25, "default": 3}`
	var got tOuter
	if err := vkBuild(testSchema, "Outer", []byte(params), reflect.ValueOf(&got).Elem(), "Outer"); err != nil {
		t.Fatal(err)
	}
	bi, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	want := tOuter{
		Str: ptr("abc"), Int: ptr[int32](7), Long: ptr[int64](999999999999), Dbl: ptr(math.Inf(-1)),
		Flt: ptr[float32](1.5), Bool: ptr(false), Blob: []byte("foo"),
		Time: ptr(time.Unix(946845296, 123000000).UTC()), Enum: ptr[tEnum]("Foo"),
		Doc: tDocument(`{"a": [1, null]}`), Inner: &tInner{}, List: []tInner{{Value: ptr("x")}},
		Sparse: []*string{ptr("a"), nil}, Map: map[string][]byte{"k": []byte("bar")},
		Union: &tUnion{L: []string{"q"}}, BigInt: bi, Default: 3,
	}
	if got.BigDec == nil || got.BigDec.String() != "1.25" {
		t.Errorf("BigDec = %v, want 1.25", got.BigDec)
	}
	got.BigDec = nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("built\n%#v\nwant\n%#v", got, want)
	}
}

func TestBuildErrors(t *testing.T) {
	for _, tc := range []struct{ params, want string }{
		{`{"nope": 1}`, `the model has no member "nope"`},
		{`{"int": 1.5}`, "Outer.int: integer"},
		{`{"int": 3000000000}`, "out of range"},
		{`{"list": [null]}`, "Outer.list[0]: null cannot be held by a structure"},
		{`{"dbl": "nan"}`, `unknown float string "nan"`},
		{`{"time": "yesterday"}`, "unknown date format"},
		{`{"time": 1.0000000001}`, "not whole nanoseconds"},
		{`{"str": 1}`, "Outer.str: string from 1"},
		{`[]`, "want an object"},
	} {
		var v tOuter
		err := vkBuild(testSchema, "Outer", []byte(tc.params), reflect.ValueOf(&v).Elem(), "Outer")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to contain %q", tc.params, err, tc.want)
		}
	}
}

func TestTime(t *testing.T) {
	for raw, want := range map[string]time.Time{
		`946845296`:                       time.Unix(946845296, 0),
		`946845296.5`:                     time.Unix(946845296, 500000000),
		`-1.5`:                            time.Unix(-1, -500000000),
		`9.46845296123E8`:                 time.Unix(946845296, 123000000),
		`"2000-01-02T20:34:56.123Z"`:      time.Unix(946845296, 123000000),
		`"2019-12-16T22:48:18-01:00"`:     time.Unix(1576540098, 0),
		`"Sun, 02 Jan 2000 20:34:56 GMT"`: time.Unix(946845296, 0),
	} {
		got, err := vkTime([]byte(raw))
		if err != nil || !got.Equal(want) {
			t.Errorf("vkTime(%s) = %v, %v; want %v", raw, got, err, want)
		}
	}
}

func TestJSONEqual(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{`{"a": 1, "b": [true, null]}`, `{"b":[true,null],"a":1.0}`, true},
		{`{"a": 1}`, `{"a": 1, "b": null}`, false},
		{`{"a": "NaN"}`, `{"a": "NaN"}`, true},
		{`{"a": 1e3}`, `{"a": 1000}`, true},
		{`[1, 2]`, `[2, 1]`, false},
		{`{"a": "1"}`, `{"a": 1}`, false},
		{`{}`, `{}`, true},
	} {
		got, err := vkJSONEqual([]byte(tc.a), []byte(tc.b))
		if err != nil || got != tc.want {
			t.Errorf("vkJSONEqual(%s, %s) = %v, %v; want %v", tc.a, tc.b, got, err, tc.want)
		}
	}
	if _, err := vkJSONEqual([]byte(`{}`), []byte(`{} {}`)); err == nil {
		t.Error("trailing data: no error")
	}
}

// tCodec is a stand-in generated structure for the case helpers: its codec is
// encoding/json's, and its Equal compares the JSON.
type tCodec struct {
	Name *string `json:"Name,omitempty"`
	Num  *int32  `json:"Num,omitempty"`
}

func (v *tCodec) AppendJSON(b []byte) ([]byte, error) {
	j, err := json.Marshal((*tCodecPlain)(v))
	return append(b, j...), err
}
func (v *tCodec) MarshalJSON() ([]byte, error)    { return v.AppendJSON(nil) }
func (v *tCodec) UnmarshalJSON(data []byte) error { return json.Unmarshal(data, (*tCodecPlain)(v)) }
func (v *tCodec) Equal(o *tCodec) bool {
	a, _ := v.MarshalJSON()
	b, _ := o.MarshalJSON()
	return bytes.Equal(a, b)
}
func (v tCodec) GoString() string { b, _ := v.MarshalJSON(); return "tCodec" + string(b) }

type tCodecPlain tCodec

var codecSchema = vkParseSchema(`{
	"C": {"kind": "structure", "members": {"Name": {"go": "Name", "target": "S"}, "Num": {"go": "Num", "target": "I"}}},
	"S": {"kind": "string"}, "I": {"kind": "integer"}}`)

func TestCases(t *testing.T) {
	vkInputCase(t, codecSchema, "C", `{"Name": "x", "Num": 2}`, `{"Num": 2.0, "Name": "x"}`, new(tCodec))
	vkInputCase(t, codecSchema, "C", `{}`, ``, new(tCodec))
	vkOutputCase[tCodec](t, codecSchema, "C", `{"Num": 2}`, `{"Num": 2, "Other": true}`)

	// The failing side: run the helpers on a recorder and check that they report.
	for name, run := range map[string]func(t vkT){
		"body":   func(t vkT) { vkInputCase(t, codecSchema, "C", `{"Name": "x"}`, `{"Name": "y"}`, new(tCodec)) },
		"result": func(t vkT) { vkOutputCase[tCodec](t, codecSchema, "C", `{"Num": 3}`, `{"Num": 2}`) },
		"params": func(t vkT) { vkInputCase(t, codecSchema, "C", `{"Nope": 1}`, `{}`, new(tCodec)) },
		"decode": func(t vkT) { vkOutputCase[tCodec](t, codecSchema, "C", `{}`, `success`) },
	} {
		if !fails(run) {
			t.Errorf("%s: mismatch not reported", name)
		}
	}
}

// fails runs a helper on a recorder and reports whether it failed.
func fails(run func(t vkT)) bool {
	rec := &recorder{}
	done := make(chan struct{})
	go func() { defer close(done); run(rec) }()
	<-done
	return rec.failed
}

// recorder is a vkT that notes failures; Fatalf ends its goroutine like testing.T's.
type recorder struct{ failed bool }

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true; runtime.Goexit() }

// send posts body to url through the server's client, as a generated client would.
func send(t *testing.T, s *vkServer, url, body string, header map[string]string) (*http.Response, error) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := s.Client.Do(req)
	if err == nil {
		resp.Body.Close()
	}
	return resp, err
}

func TestCheckRequest(t *testing.T) {
	s := vkServe(t, 200, map[string]string{"X-Test": "yes"}, `{}`)
	resp, err := send(t, s, "http://example.com/custom/", `{"Token": "0b6a1d2e-5f4c-4a3b-9c8d-7e6f5a4b3c2d", "N": 1}`,
		map[string]string{"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Svc.Op"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || resp.Header.Get("X-Test") != "yes" {
		t.Errorf("response %d %v", resp.StatusCode, resp.Header)
	}
	want := vkWantRequest{
		Method: "POST", Host: "example.com", URI: "/custom/",
		Headers: map[string]string{"content-type": "application/x-amz-json-1.1", "X-Amz-Target": "Svc.Op"},
		Require: []string{"Content-Length"}, Forbid: []string{"X-Amz-Query-Mode"},
		Body:   `{"N": 1.0, "Token": "00000000-0000-4000-8000-000000000000"}`,
		Tokens: []string{"Token"},
	}
	vkCheckRequest(t, s, nil, want)
	anyObject := want
	anyObject.Body, anyObject.Tokens = "", nil
	vkCheckRequest(t, s, nil, anyObject)

	for name, mod := range map[string]func(w *vkWantRequest){
		"host":    func(w *vkWantRequest) { w.Host = "foo.example.com" },
		"uri":     func(w *vkWantRequest) { w.URI = "/" },
		"method":  func(w *vkWantRequest) { w.Method = "PUT" },
		"header":  func(w *vkWantRequest) { w.Headers = map[string]string{"X-Amz-Target": "Svc.Other"} },
		"require": func(w *vkWantRequest) { w.Require = []string{"Content-Encoding"} },
		"forbid":  func(w *vkWantRequest) { w.Forbid = []string{"X-Amz-Target"} },
		"body":    func(w *vkWantRequest) { w.Body = `{"N": 2, "Token": "x"}` },
		"token":   func(w *vkWantRequest) { w.Tokens = []string{"N"} },
	} {
		w := want
		mod(&w)
		if !fails(func(t vkT) { vkCheckRequest(t, s, nil, w) }) {
			t.Errorf("%s: mismatch not reported", name)
		}
	}
	if !fails(func(t vkT) { vkCheckRequest(t, s, fmt.Errorf("boom"), want) }) {
		t.Error("a failed call is not reported")
	}
	if _, err := send(t, s, "http://example.com/", `{}`, nil); err != nil {
		t.Fatal(err)
	}
	if !fails(func(t vkT) { vkCheckRequest(t, s, nil, want) }) {
		t.Error("two requests are not reported")
	}
}

func TestCheckBody(t *testing.T) {
	for _, tc := range []struct {
		body, want string
		tokens     []string
		ok         bool
	}{
		{`{}`, ``, nil, true},
		{`[]`, ``, nil, false},
		{`{"a": 1}`, `{"a": 1}`, nil, true},
		{`{"T": "0b6a1d2e-5f4c-4a3b-9c8d-7e6f5a4b3c2d"}`, `{"T": "00000000-0000-4000-8000-000000000000"}`, []string{"T"}, true},
		{`{"T": "0b6a1d2e-5f4c-1a3b-9c8d-7e6f5a4b3c2d"}`, `{"T": "00000000-0000-4000-8000-000000000000"}`, []string{"T"}, false},
		{`{}`, `{"T": "00000000-0000-4000-8000-000000000000"}`, []string{"T"}, false},
	} {
		if err := vkCheckBody([]byte(tc.body), tc.want, tc.tokens); (err == nil) != tc.ok {
			t.Errorf("vkCheckBody(%s, %s, %v) = %v, want ok %v", tc.body, tc.want, tc.tokens, err, tc.ok)
		}
	}
}

// tError stands in for a generated error structure.
type tError struct {
	Name *string `json:"Name,omitempty"`
	code string
}

func (e *tError) Error() string     { return e.ErrorCode() }
func (e *tError) ErrorCode() string { return e.code }
func (e *tError) Equal(o *tError) bool {
	return (e.Name == nil) == (o.Name == nil) && (e.Name == nil || *e.Name == *o.Name)
}
func (e tError) GoString() string { return fmt.Sprintf("tError{%v}", e.Name) }

// tAPIError stands in for the runtime's APIError.
type tAPIError struct{ Code string }

func (e *tAPIError) Error() string     { return e.Code }
func (e *tAPIError) ErrorCode() string { return e.Code }

var errorSchema = vkParseSchema(`{
	"E": {"kind": "structure", "members": {"Name": {"go": "Name", "target": "S"}}},
	"S": {"kind": "string"}}`)

func TestCheckErrors(t *testing.T) {
	modeled := fmt.Errorf("operation error: %w", &tError{Name: ptr("n"), code: "E"})
	unmodeled := fmt.Errorf("operation error: %w", &tAPIError{Code: "U"})
	vkCheckError[tError](t, errorSchema, "E", "E", `{"Name": "n"}`, modeled)
	vkCheckError[tError](t, errorSchema, "E", "", `{"Name": "n"}`, modeled)
	vkCheckAPIError[tAPIError](t, "U", unmodeled)
	vkCheckOK(t, nil)

	for name, run := range map[string]func(t vkT){
		"code":      func(t vkT) { vkCheckError[tError](t, errorSchema, "E", "F", `{"Name": "n"}`, modeled) },
		"members":   func(t vkT) { vkCheckError[tError](t, errorSchema, "E", "E", `{}`, modeled) },
		"type":      func(t vkT) { vkCheckError[tError](t, errorSchema, "E", "E", `{}`, unmodeled) },
		"nil":       func(t vkT) { vkCheckError[tError](t, errorSchema, "E", "E", `{}`, nil) },
		"api code":  func(t vkT) { vkCheckAPIError[tAPIError](t, "V", unmodeled) },
		"api type":  func(t vkT) { vkCheckAPIError[tAPIError](t, "E", modeled) },
		"ok":        func(t vkT) { vkCheckOK(t, modeled) },
		"result":    func(t vkT) { vkCheckResult[tCodec](t, codecSchema, "C", `{"Num": 3}`, &tCodec{}, nil) },
		"resultErr": func(t vkT) { vkCheckResult[tCodec](t, codecSchema, "C", `{}`, &tCodec{}, modeled) },
	} {
		if !fails(run) {
			t.Errorf("%s: mismatch not reported", name)
		}
	}
	vkCheckResult[tCodec](t, codecSchema, "C", `{"Num": 3}`, &tCodec{Num: ptr[int32](3)}, nil)
}

// tRest stands in for a generated rest-json structure: a JSON-text member, a list of
// them, streams and a prefix-header map.
type tRest struct {
	JSONText *string
	Texts    []string
	In       io.Reader
	Out      io.ReadCloser
	Prefixed map[string]string
	Plain    map[string]string
}

func (v *tRest) Equal(o *tRest) bool {
	return reflect.DeepEqual(v, o)
}
func (v tRest) GoString() string { return fmt.Sprintf("%#v", (tRestPlain)(v)) }

type tRestPlain tRest

var restSchema = vkParseSchema(`{
	"R": {"kind": "structure", "members": {
		"text": {"go": "JSONText", "target": "S", "json": true},
		"texts": {"go": "Texts", "target": "TextList"},
		"in": {"go": "In", "target": "Stream", "loc": "payload"},
		"out": {"go": "Out", "target": "Stream", "loc": "payload"},
		"prefixed": {"go": "Prefixed", "target": "M", "loc": "prefixHeaders"},
		"plain": {"go": "Plain", "target": "M"}}},
	"TextList": {"kind": "list", "member": "S", "memberJSON": true},
	"M": {"kind": "map", "value": "S"},
	"S": {"kind": "string"}, "Stream": {"kind": "blob"}}`)

func TestBuildREST(t *testing.T) {
	var got tRest
	params := `{"text": {"Foo": [1, "x"]}, "texts": ["true", {"a": null}], "in": "abc", "out": "def"}`
	if err := vkBuild(restSchema, "R", []byte(params), reflect.ValueOf(&got).Elem(), "R"); err != nil {
		t.Fatal(err)
	}
	if got.JSONText == nil || *got.JSONText != `{"Foo":[1,"x"]}` {
		t.Errorf("JSON text %v", got.JSONText)
	}
	if !reflect.DeepEqual(got.Texts, []string{"true", `{"a":null}`}) {
		t.Errorf("JSON texts %q", got.Texts)
	}
	if _, ok := got.In.(*bytes.Reader); !ok {
		t.Errorf("input stream %T, want *bytes.Reader", got.In)
	}
	for name, r := range map[string]io.Reader{"in": got.In, "out": got.Out} {
		if b, err := io.ReadAll(r); err != nil || string(b) != map[string]string{"in": "abc", "out": "def"}[name] {
			t.Errorf("stream %s: %q, %v", name, b, err)
		}
	}
	// A plain string member still wants a string.
	if err := vkBuild(restSchema, "M", []byte(`{"k": {}}`), reflect.ValueOf(&got.Plain).Elem(), "M"); err == nil {
		t.Error("an object into a plain string: no error")
	}
}

// tCloser is a stream that notes that it was closed.
type tCloser struct {
	io.Reader
	closed bool
}

func (c *tCloser) Close() error { c.closed = true; return nil }

func TestSettle(t *testing.T) {
	closer := &tCloser{Reader: strings.NewReader("def")}
	want := tRest{Out: io.NopCloser(strings.NewReader("def")), In: strings.NewReader(""),
		Prefixed: map[string]string{"abc": "1", "x-foo": "2"}, Plain: map[string]string{"Abc": "1"}}
	got := tRest{Out: closer, Prefixed: map[string]string{"Abc": "1", "X-Foo": "2"}, Plain: map[string]string{"Abc": "1"}}
	if d := vkSettle(restSchema, "R", reflect.ValueOf(&want).Elem(), reflect.ValueOf(&got).Elem()); d != nil {
		t.Errorf("differences %q", d)
	}
	if !closer.closed {
		t.Error("the stream was not closed")
	}
	if !want.Equal(&got) {
		t.Errorf("settled values differ:\n%#v\n%#v", want, got)
	}
	want = tRest{Out: io.NopCloser(strings.NewReader("abc"))}
	got = tRest{Out: io.NopCloser(strings.NewReader("abd")), Plain: map[string]string{"Abc": "1"}}
	if d := vkSettle(restSchema, "R", reflect.ValueOf(&want).Elem(), reflect.ValueOf(&got).Elem()); len(d) != 1 {
		t.Errorf("differences %q, want one", d)
	}
	if got.Plain["Abc"] != "1" {
		t.Error("a map not bound to prefix headers was changed")
	}

	// Through vkCheckResult.
	vkCheckResult[tRest](t, restSchema, "R", `{"out": "x", "prefixed": {"x-foo": "1"}}`,
		&tRest{Out: io.NopCloser(strings.NewReader("x")), Prefixed: map[string]string{"X-Foo": "1"}}, nil)
	if !fails(func(t vkT) {
		vkCheckResult[tRest](t, restSchema, "R", `{"out": "x"}`, &tRest{Out: io.NopCloser(strings.NewReader("y"))}, nil)
	}) {
		t.Error("a stream mismatch is not reported")
	}

	c := &tCloser{Reader: strings.NewReader("")}
	vkCloseStreams(&tRest{Out: c})
	vkCloseStreams(nil)
	vkCloseStreams(tRest{})
	if !c.closed {
		t.Error("vkCloseStreams did not close")
	}
}

func TestCheckQuery(t *testing.T) {
	const token = "0b6a1d2e-5f4c-4a3b-9c8d-7e6f5a4b3c2d"
	for _, tc := range []struct {
		got, want string
		tokens    []string
		ok        bool
	}{
		{"", "", nil, true},
		{"a=1&b=2", "b=2&a=1", nil, true},
		{"a=1&a=2&a=1", "a=2&a=1&a=1", nil, true},
		{"a=1&a=2", "a=1&a=1", nil, false},
		{"a=1", "a=1&a=1", nil, false},
		{"s=%3A%2F", "s=:/", nil, true},
		{"s=a%20b", "s=a+b", nil, false}, // '+' is no space
		{"hello", "hello", nil, true},
		{"hello=", "hello", nil, false},
		{"Empty=", "Empty=", nil, true},
		{"a=1&&", "a=1", nil, true},
		{"s=%zz", "s=1", nil, false},
		{"token=" + token, "token=00000000-0000-4000-8000-000000000000", []string{"token"}, true},
		{"token=abc", "token=00000000-0000-4000-8000-000000000000", []string{"token"}, false},
		{"", "token=00000000-0000-4000-8000-000000000000", []string{"token"}, false},
	} {
		if err := vkCheckQuery(tc.got, tc.want, tc.tokens); (err == nil) != tc.ok {
			t.Errorf("vkCheckQuery(%q, %q, %v) = %v, want ok %v", tc.got, tc.want, tc.tokens, err, tc.ok)
		}
	}
}

func TestCheckRequestREST(t *testing.T) {
	s := vkServe(t, 200, nil, "")
	req, err := http.NewRequest(http.MethodPut, "http://example.com/a%2Fb/c?x=1&y=%20&x=2", strings.NewReader("raw bytes"))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "text/plain")
	resp, err := s.Client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	want := vkWantRequest{Method: "PUT", URI: "/a%2Fb/c?x=2&x=1&y=%20", Query: true,
		Headers: map[string]string{"Content-Type": "text/plain"}, BodyKind: "bytes", Body: "raw bytes"}
	vkCheckRequest(t, s, nil, want)
	anyBody := want
	anyBody.BodyKind, anyBody.Body = "any", ""
	vkCheckRequest(t, s, nil, anyBody)

	// Repeated header lines count as their values joined.
	s2 := vkServe(t, 200, nil, "")
	req2, _ := http.NewRequest(http.MethodGet, "http://example.com/", nil)
	req2.Header.Add("X-List", "a")
	req2.Header.Add("X-List", "b, c")
	req2.Header.Add("X-One", "x")
	req2.Header.Add("X-One", "x")
	if resp, err := s2.Client.Do(req2); err != nil {
		t.Fatal(err)
	} else {
		resp.Body.Close()
	}
	vkCheckRequest(t, s2, nil, vkWantRequest{Headers: map[string]string{"X-List": "a, b, c"}, BodyKind: "any"})
	if !fails(func(t vkT) {
		vkCheckRequest(t, s2, nil, vkWantRequest{Headers: map[string]string{"X-One": "x"}, BodyKind: "any"})
	}) {
		t.Error("a repeated single-valued header is not reported")
	}
	for name, mod := range map[string]func(w *vkWantRequest){
		"path":       func(w *vkWantRequest) { w.URI = "/a/b/c?x=2&x=1&y=%20" },
		"query":      func(w *vkWantRequest) { w.URI = "/a%2Fb/c?x=1&y=%20" },
		"exact uri":  func(w *vkWantRequest) { w.Query = false },
		"bytes":      func(w *vkWantRequest) { w.Body = "raw bytes " },
		"empty":      func(w *vkWantRequest) { w.Body = "" },
		"json":       func(w *vkWantRequest) { w.BodyKind = "json" },
		"kind":       func(w *vkWantRequest) { w.BodyKind = "xml" },
		"call error": nil,
	} {
		w := want
		var callErr error
		if mod == nil {
			callErr = fmt.Errorf("boom")
		} else {
			mod(&w)
		}
		if !fails(func(t vkT) { vkCheckRequest(t, s, callErr, w) }) {
			t.Errorf("%s: mismatch not reported", name)
		}
	}
}

func TestCheckJSONBody(t *testing.T) {
	for _, tc := range []struct {
		body, want string
		tokens     []string
		ok         bool
	}{
		{`"hello"`, `"hello"`, nil, true},
		{`{"a": [1, 2]}`, "{\n \"a\": [1.0, 2]\n}", nil, true},
		{``, `{}`, nil, false},
		{`{}`, `[]`, nil, false},
		{`{"T": "0b6a1d2e-5f4c-4a3b-9c8d-7e6f5a4b3c2d"}`, `{"T": "00000000-0000-4000-8000-000000000000"}`, []string{"T"}, true},
		{`"x"`, `"x"`, []string{"T"}, false},
	} {
		if err := vkCheckJSONBody([]byte(tc.body), tc.want, tc.tokens); (err == nil) != tc.ok {
			t.Errorf("vkCheckJSONBody(%s, %s, %v) = %v, want ok %v", tc.body, tc.want, tc.tokens, err, tc.ok)
		}
	}
}

func TestServeExact(t *testing.T) {
	get := func(s *vkServer) (*http.Response, string) {
		t.Helper()
		resp, err := s.Client.Get("http://example.com/")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp, string(b)
	}
	resp, body := get(vkServeExact(t, 201, map[string]string{"x-foo": "Foo", "hello": "Hello"}, "abc"))
	want := http.Header{"X-Foo": {"Foo"}, "Hello": {"Hello"}}
	if resp.StatusCode != 201 || !reflect.DeepEqual(resp.Header, want) || body != "abc" {
		t.Errorf("got %d %v %q, want 201 %v \"abc\"", resp.StatusCode, resp.Header, body, want)
	}
	resp, body = get(vkServeExact(t, 200, map[string]string{"Content-Length": "10", "Content-Type": "application/json"}, "{}"))
	if resp.Header.Get("Content-Length") != "10" || body != "{}        " || resp.Header.Get("Date") != "" {
		t.Errorf("padded: %v %q", resp.Header, body)
	}
	for name, run := range map[string]func(t vkT){
		"short": func(t vkT) { vkServeExact(&tb{t}, 200, map[string]string{"Content-Length": "1"}, "{}") },
		"text":  func(t vkT) { vkServeExact(&tb{t}, 200, map[string]string{"Content-Length": "9"}, "abc") },
	} {
		if !fails(run) {
			t.Errorf("%s: a bad Content-Length is not reported", name)
		}
	}
}

// tb adds a Cleanup that does nothing to a vkT.
type tb struct{ vkT }

func (tb) Cleanup(func()) {}

func TestCheckRequestGunzip(t *testing.T) {
	s := vkServe(t, 200, nil, "")
	var zb bytes.Buffer
	zw := gzip.NewWriter(&zb)
	zw.Write([]byte(`{"data": "x"}`))
	zw.Close()
	if _, err := send(t, s, "http://example.com/", zb.String(), map[string]string{"Content-Encoding": "custom, gzip"}); err != nil {
		t.Fatal(err)
	}
	want := vkWantRequest{Headers: map[string]string{"Content-Encoding": "custom, gzip"}, Gunzip: true}
	vkCheckRequest(t, s, nil, want) // any JSON object
	json := want
	json.BodyKind, json.Body = "json", `{"data": "x"}`
	vkCheckRequest(t, s, nil, json)
	for name, mod := range map[string]func(w *vkWantRequest){
		"plain":    func(w *vkWantRequest) { w.Gunzip = false },
		"contents": func(w *vkWantRequest) { w.BodyKind, w.Body = "json", `{"data": "y"}` },
	} {
		w := want
		mod(&w)
		if !fails(func(t vkT) { vkCheckRequest(t, s, nil, w) }) {
			t.Errorf("%s: mismatch not reported", name)
		}
	}

	plain := vkServe(t, 200, nil, "")
	if _, err := send(t, plain, "http://example.com/", `{}`, nil); err != nil {
		t.Fatal(err)
	}
	if !fails(func(t vkT) { vkCheckRequest(t, plain, nil, vkWantRequest{Gunzip: true, BodyKind: "any"}) }) {
		t.Error("an uncompressed body is not reported")
	}
}
