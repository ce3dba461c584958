// Package vectorkit holds the helpers that the protocol-vector harness copies, as
// vectorkit_test.go, into every generated package it tests (with the package clause
// rewritten). It is compiled and tested here, in place, so the copies need no checking of
// their own; it imports only the standard library and reaches the generated types by
// reflection and by the methods every generated structure and error has. The generated
// client is driven by the harness's cases file; the helpers here serve it a canned
// response over HTTP and check what it sent and returned.
//
// Every name starts with "vk" so that a copy cannot collide with generated identifiers.
package vectorkit

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// vkSchema describes a suite's shapes by their model names: what the harness took from the
// IR, so that values are built from the model's member names, never from guessed Go names.
type vkSchema map[string]*vkShape

// vkShape is one shape of the model.
type vkShape struct {
	// Kind is the IR kind's name: "structure", "union", "list", "map", "string", "enum",
	// "blob", "timestamp", "document", "integer", ...
	Kind string `json:"kind"`
	// Members maps a structure or union member's wire name to its Go field and target.
	Members map[string]vkMember `json:"members,omitempty"`
	// Member is a list's element shape; Value a map's value shape.
	Member string `json:"member,omitempty"`
	Value  string `json:"value,omitempty"`
	// MemberJSON and ValueJSON mark list elements and map values that are JSON texts
	// (c2j "jsonvalue", a string with @mediaType application/json).
	MemberJSON bool `json:"memberJSON,omitempty"`
	ValueJSON  bool `json:"valueJSON,omitempty"`
}

// vkMember is a structure or union member.
type vkMember struct {
	Go     string `json:"go"`
	Target string `json:"target"`
	// Loc is the member's HTTP binding in a protocol with HTTP bindings, the IR
	// location's name ("header", "prefixHeaders", "payload", ...); "" for the body. The
	// helpers read it on the top-level members of an output or error only.
	Loc string `json:"loc,omitempty"`
	// JSON marks a string member that holds a JSON text (c2j "jsonvalue"): the vectors
	// give its value as the JSON value itself, or as the text when it is a string.
	JSON bool `json:"json,omitempty"`
}

// vkParseSchema reads the schema the harness embeds in a generated cases file.
func vkParseSchema(text string) vkSchema {
	var s vkSchema
	if err := json.Unmarshal([]byte(text), &s); err != nil {
		panic("vectorkit: bad schema: " + err.Error())
	}
	return s
}

// vkT is the part of *testing.T the case helpers use.
type vkT interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// vkEncoder is what the input side needs of a generated structure.
type vkEncoder interface {
	AppendJSON([]byte) ([]byte, error)
	MarshalJSON() ([]byte, error)
}

// vkInputCase builds the value of shape from params (botocore's Python-style values) into
// v, a pointer to a zero value of the shape's Go type, serializes it and compares the
// result with the expected body as JSON values.
func vkInputCase(t vkT, s vkSchema, shape, params, wantBody string, v vkEncoder) {
	t.Helper()
	if err := vkBuild(s, shape, []byte(params), reflect.ValueOf(v).Elem(), shape); err != nil {
		t.Fatalf("building the input from params: %v\nparams: %s", err, params)
	}
	const prefix = "prefix:"
	appended, err := v.AppendJSON([]byte(prefix))
	if err != nil {
		t.Fatalf("AppendJSON: %v", err)
	}
	if !bytes.HasPrefix(appended, []byte(prefix)) {
		t.Fatalf("AppendJSON did not keep the bytes it was given: %q", appended)
	}
	got := appended[len(prefix):]
	marshaled, err := v.MarshalJSON()
	if err != nil {
		t.Fatalf("MarshalJSON: %v", err)
	}
	if !bytes.Equal(marshaled, got) {
		t.Errorf("MarshalJSON and AppendJSON differ:\nMarshalJSON: %s\nAppendJSON:  %s", marshaled, got)
	}
	// An awsJson request always has a JSON object body, "{}" when no member is set.
	if strings.TrimSpace(wantBody) == "" {
		wantBody = "{}"
	}
	same, err := vkJSONEqual([]byte(wantBody), got)
	if err != nil {
		t.Fatalf("%v\nwant body: %s\ngot body:  %s", err, wantBody, got)
	}
	if !same {
		t.Errorf("body mismatch\nwant: %s\ngot:  %s\nvalue: %#v", vkCompact(wantBody), got, v)
	}
}

// vkDecoder is what the output side needs of a generated structure's pointer.
type vkDecoder[T any] interface {
	*T
	UnmarshalJSON([]byte) error
	Equal(*T) bool
	GoString() string
}

// vkOutputCase decodes body into a T and compares it with the T built from result.
func vkOutputCase[T any, P vkDecoder[T]](t vkT, s vkSchema, shape, result, body string) {
	t.Helper()
	want := P(new(T))
	if err := vkBuild(s, shape, []byte(result), reflect.ValueOf(want).Elem(), shape); err != nil {
		t.Fatalf("building the expected value from result: %v\nresult: %s", err, result)
	}
	got := P(new(T))
	if err := got.UnmarshalJSON([]byte(body)); err != nil {
		t.Fatalf("UnmarshalJSON: %v\nbody: %s", err, body)
	}
	if !want.Equal((*T)(got)) {
		t.Errorf("decoded value differs from result\nwant: %s\ngot:  %s\nbody: %s", want.GoString(), got.GoString(), vkCompact(body))
	}
}

// vkCompact puts a JSON text on one line for messages.
func vkCompact(s string) string {
	var b bytes.Buffer
	if json.Compact(&b, []byte(s)) != nil {
		return s
	}
	return b.String()
}

// vkBuild sets dst, a settable value of shape's Go type (or a pointer to it), from raw, a
// JSON value in botocore's params/result conventions. path names the place in messages.
func vkBuild(s vkSchema, shape string, raw []byte, dst reflect.Value, path string) error {
	return vkBuildValue(s, shape, raw, dst, path, false)
}

// vkBuildValue is vkBuild for a value that is a JSON text (jsonText) or not.
func vkBuildValue(s vkSchema, shape string, raw []byte, dst reflect.Value, path string, jsonText bool) error {
	if dst.Kind() == reflect.Pointer && dst.Type() != vkBigIntType && dst.Type() != vkBigFloatType {
		if vkIsNull(raw) {
			dst.SetZero()
			return nil
		}
		p := reflect.New(dst.Type().Elem())
		if err := vkBuildValue(s, shape, raw, p.Elem(), path, jsonText); err != nil {
			return err
		}
		dst.Set(p)
		return nil
	}
	sh := s[shape]
	if sh == nil {
		return fmt.Errorf("%s: no shape %q in the schema", path, shape)
	}
	if vkIsNull(raw) && sh.Kind != "document" {
		return fmt.Errorf("%s: null cannot be held by a %s (Go type %s)", path, sh.Kind, dst.Type())
	}
	switch sh.Kind {
	case "structure", "union":
		return vkBuildStruct(s, sh, raw, dst, path)
	case "list":
		var elems []json.RawMessage
		if err := json.Unmarshal(raw, &elems); err != nil {
			return fmt.Errorf("%s: want a list: %v", path, err)
		}
		if dst.Kind() != reflect.Slice {
			return fmt.Errorf("%s: list into Go type %s", path, dst.Type())
		}
		out := reflect.MakeSlice(dst.Type(), len(elems), len(elems))
		for i, e := range elems {
			if err := vkBuildValue(s, sh.Member, e, out.Index(i), fmt.Sprintf("%s[%d]", path, i), sh.MemberJSON); err != nil {
				return err
			}
		}
		dst.Set(out)
		return nil
	case "map":
		var entries map[string]json.RawMessage
		if err := json.Unmarshal(raw, &entries); err != nil {
			return fmt.Errorf("%s: want a map: %v", path, err)
		}
		if dst.Kind() != reflect.Map {
			return fmt.Errorf("%s: map into Go type %s", path, dst.Type())
		}
		out := reflect.MakeMapWithSize(dst.Type(), len(entries))
		keys := make([]string, 0, len(entries))
		for k := range entries {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			v := reflect.New(dst.Type().Elem()).Elem()
			if err := vkBuildValue(s, sh.Value, entries[k], v, fmt.Sprintf("%s[%q]", path, k), sh.ValueJSON); err != nil {
				return err
			}
			out.SetMapIndex(reflect.ValueOf(k).Convert(dst.Type().Key()), v)
		}
		dst.Set(out)
		return nil
	case "string":
		if jsonText {
			// A JSON text: a string value is the text itself, any other value its
			// compact JSON.
			var str string
			if json.Unmarshal(raw, &str) != nil {
				var b bytes.Buffer
				if err := json.Compact(&b, raw); err != nil {
					return fmt.Errorf("%s: bad JSON value: %v", path, err)
				}
				str = b.String()
			}
			if dst.Kind() != reflect.String {
				return fmt.Errorf("%s: JSON text into Go type %s, not a string type", path, dst.Type())
			}
			dst.SetString(str)
			return nil
		}
	}
	return vkBuildScalar(sh.Kind, raw, dst, path)
}

func vkBuildStruct(s vkSchema, sh *vkShape, raw []byte, dst reflect.Value, path string) error {
	var members map[string]json.RawMessage
	if err := json.Unmarshal(raw, &members); err != nil {
		return fmt.Errorf("%s: want an object: %v", path, err)
	}
	if dst.Kind() != reflect.Struct {
		return fmt.Errorf("%s: structure into Go type %s", path, dst.Type())
	}
	names := make([]string, 0, len(members))
	for k := range members {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, name := range names {
		m, ok := sh.Members[name]
		if !ok {
			return fmt.Errorf("%s: the model has no member %q", path, name)
		}
		v := members[name]
		if vkIsNull(v) {
			continue // an unset member
		}
		f := dst.FieldByName(m.Go)
		if !f.IsValid() {
			return fmt.Errorf("%s: Go type %s has no field %s for member %q", path, dst.Type(), m.Go, name)
		}
		if err := vkBuildValue(s, m.Target, v, f, path+"."+name, m.JSON); err != nil {
			return err
		}
	}
	return nil
}

var (
	vkBigIntType   = reflect.TypeFor[*big.Int]()
	vkBigFloatType = reflect.TypeFor[*big.Float]()
	vkTimeType     = reflect.TypeFor[time.Time]()
)

// vkBuildScalar sets one scalar. botocore's conventions: blobs are raw strings, timestamps
// epoch seconds (or date strings), NaN and infinities the strings "NaN", "Infinity" and
// "-Infinity", documents any JSON.
func vkBuildScalar(kind string, raw []byte, dst reflect.Value, path string) error {
	bad := func(err error) error {
		return fmt.Errorf("%s: %s from %s into Go type %s: %v", path, kind, raw, dst.Type(), err)
	}
	switch kind {
	case "document":
		if dst.Kind() != reflect.Slice || dst.Type().Elem().Kind() != reflect.Uint8 {
			return bad(fmt.Errorf("documents are raw JSON bytes"))
		}
		dst.Set(reflect.ValueOf(bytes.Clone(raw)).Convert(dst.Type()))
		return nil
	case "blob":
		var str string
		if err := json.Unmarshal(raw, &str); err != nil {
			return bad(err)
		}
		if dst.Kind() == reflect.Interface {
			// A streaming blob: an io.Reader (input) or io.ReadCloser (output).
			for _, r := range []any{bytes.NewReader([]byte(str)), io.NopCloser(bytes.NewReader([]byte(str)))} {
				if v := reflect.ValueOf(r); v.Type().Implements(dst.Type()) {
					dst.Set(v)
					return nil
				}
			}
			return bad(fmt.Errorf("streaming blobs are io.Reader or io.ReadCloser"))
		}
		if dst.Kind() != reflect.Slice || dst.Type().Elem().Kind() != reflect.Uint8 {
			return bad(fmt.Errorf("blobs are byte slices"))
		}
		dst.Set(reflect.ValueOf([]byte(str)).Convert(dst.Type()))
		return nil
	case "string", "enum":
		var str string
		if err := json.Unmarshal(raw, &str); err != nil {
			return bad(err)
		}
		if dst.Kind() != reflect.String {
			return bad(fmt.Errorf("not a string type"))
		}
		dst.SetString(str)
		return nil
	case "boolean":
		var b bool
		if err := json.Unmarshal(raw, &b); err != nil {
			return bad(err)
		}
		if dst.Kind() != reflect.Bool {
			return bad(fmt.Errorf("not a bool type"))
		}
		dst.SetBool(b)
		return nil
	case "byte", "short", "integer", "long", "intEnum":
		n, err := strconv.ParseInt(strings.TrimSpace(string(raw)), 10, 64)
		if err != nil {
			return bad(err)
		}
		switch dst.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		default:
			return bad(fmt.Errorf("not an integer type"))
		}
		if dst.OverflowInt(n) {
			return bad(fmt.Errorf("out of range"))
		}
		dst.SetInt(n)
		return nil
	case "float", "double":
		f, err := vkFloat(raw)
		if err != nil {
			return bad(err)
		}
		if dst.Kind() != reflect.Float32 && dst.Kind() != reflect.Float64 {
			return bad(fmt.Errorf("not a float type"))
		}
		dst.SetFloat(f)
		return nil
	case "bigInteger":
		n, ok := new(big.Int).SetString(strings.TrimSpace(string(raw)), 10)
		if !ok || dst.Type() != vkBigIntType {
			return bad(fmt.Errorf("want an integer into *big.Int"))
		}
		dst.Set(reflect.ValueOf(n))
		return nil
	case "bigDecimal":
		f, _, err := big.ParseFloat(strings.TrimSpace(string(raw)), 10, 256, big.ToNearestEven)
		if err != nil || dst.Type() != vkBigFloatType {
			return bad(fmt.Errorf("want a number into *big.Float"))
		}
		dst.Set(reflect.ValueOf(f))
		return nil
	case "timestamp":
		ts, err := vkTime(raw)
		if err != nil {
			return bad(err)
		}
		if dst.Type() != vkTimeType {
			return bad(fmt.Errorf("not time.Time"))
		}
		dst.Set(reflect.ValueOf(ts))
		return nil
	}
	return bad(fmt.Errorf("unknown kind"))
}

// vkFloat reads a number or one of the strings "NaN", "Infinity", "-Infinity".
func vkFloat(raw []byte) (float64, error) {
	var str string
	if json.Unmarshal(raw, &str) == nil {
		switch str {
		case "NaN":
			return math.NaN(), nil
		case "Infinity":
			return math.Inf(1), nil
		case "-Infinity":
			return math.Inf(-1), nil
		}
		return 0, fmt.Errorf("unknown float string %q", str)
	}
	return strconv.ParseFloat(strings.TrimSpace(string(raw)), 64)
}

// vkTime reads epoch seconds, exactly (decimal digits of the fraction become nanoseconds,
// and exponents such as 9.46845296123E8 are allowed), or an RFC 3339 or HTTP date string.
func vkTime(raw []byte) (time.Time, error) {
	var str string
	if json.Unmarshal(raw, &str) == nil {
		for _, layout := range []string{time.RFC3339Nano, time.RFC1123} {
			if ts, err := time.Parse(layout, str); err == nil {
				return ts, nil
			}
		}
		return time.Time{}, fmt.Errorf("unknown date format %q", str)
	}
	text := strings.TrimSpace(string(raw))
	r, ok := new(big.Rat).SetString(text)
	if !ok {
		return time.Time{}, fmt.Errorf("epoch seconds %s are not a number", text)
	}
	// Nanoseconds since the epoch; more precision than that is a vector we cannot hold.
	ns := new(big.Rat).Mul(r, big.NewRat(1e9, 1))
	if !ns.IsInt() || !ns.Num().IsInt64() {
		return time.Time{}, fmt.Errorf("epoch seconds %s are not whole nanoseconds within range", text)
	}
	return time.Unix(0, ns.Num().Int64()).UTC(), nil
}

func vkIsNull(raw []byte) bool { return string(bytes.TrimSpace(raw)) == "null" }

// vkJSONEqual compares two JSON texts as values: objects by key, numbers by their float64
// values. It fails when either text is not JSON.
func vkJSONEqual(want, got []byte) (bool, error) {
	a, err := vkDecode(want)
	if err != nil {
		return false, fmt.Errorf("expected body is not JSON: %v", err)
	}
	b, err := vkDecode(got)
	if err != nil {
		return false, fmt.Errorf("serialized body is not JSON: %v", err)
	}
	return vkSameValue(a, b), nil
}

func vkDecode(text []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(text))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if d.More() {
		return nil, fmt.Errorf("data after the JSON value")
	}
	return v, nil
}

func vkSameValue(a, b any) bool {
	switch a := a.(type) {
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k, av := range a {
			bv, ok := b[k]
			if !ok || !vkSameValue(av, bv) {
				return false
			}
		}
		return true
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !vkSameValue(a[i], b[i]) {
				return false
			}
		}
		return true
	case json.Number:
		b, ok := b.(json.Number)
		if !ok {
			return false
		}
		af, aerr := a.Float64()
		bf, berr := b.Float64()
		if aerr != nil || berr != nil {
			return a == b
		}
		return af == bf
	}
	return a == b
}

// vkTB is the part of *testing.T the client helpers use.
type vkTB interface {
	vkT
	Cleanup(func())
}

// vkServer is an HTTP test server that answers every request with one canned response and
// records the requests it gets.
type vkServer struct {
	// Client reaches the server whatever host a URL names, so that an endpoint such as
	// http://example.com/custom arrives with its Host header and path intact.
	Client *http.Client

	mu   sync.Mutex
	reqs []vkRequest
}

// vkRequest is a request as the server received it.
type vkRequest struct {
	Method, Host string
	// URI is the request target as sent: "/custom/".
	URI           string
	Header        http.Header
	ContentLength int64
	Body          []byte
}

// vkServe starts a server that answers with status, header and body, closed when the test
// ends. net/http adds what it adds to every response: Date, Content-Length and, for a
// body without one, a sniffed Content-Type.
func vkServe(t vkTB, status int, header map[string]string, body string) *vkServer {
	t.Helper()
	return vkStart(t, func(w http.ResponseWriter) {
		for k, v := range header {
			w.Header().Set(k, v)
		}
		w.WriteHeader(status)
		io.WriteString(w, body)
	})
}

// vkServeExact starts a server that answers with status, exactly the headers in header
// and body, closed when the test ends: net/http adds no Date and no Content-Type, and no
// Content-Length unless header has one (the body is then sent chunked, and the client sees
// neither Content-Length nor Transfer-Encoding). A Content-Length larger than the body
// pads a JSON body with trailing spaces, which leave its value alone, to that length; any
// other disagreement fails the test.
func vkServeExact(t vkTB, status int, header map[string]string, body string) *vkServer {
	t.Helper()
	h := http.Header{}
	for k, v := range header {
		h.Set(k, v)
	}
	if cl := h.Get("Content-Length"); cl != "" {
		n, err := strconv.Atoi(cl)
		switch {
		case err != nil || n < len(body):
			t.Fatalf("the response's Content-Length %s does not fit its %d-byte body", cl, len(body))
		case n > len(body):
			if _, err := vkDecode([]byte(body)); err != nil {
				t.Fatalf("the response's Content-Length %s exceeds its %d-byte body, which is not JSON", cl, len(body))
			}
			body += strings.Repeat(" ", n-len(body))
		}
	}
	for _, k := range []string{"Date", "Content-Type", "Content-Length"} {
		if _, ok := h[k]; !ok {
			h[k] = nil // suppresses the automatic header
		}
	}
	return vkStart(t, func(w http.ResponseWriter) {
		maps.Copy(w.Header(), h)
		w.WriteHeader(status)
		io.WriteString(w, body)
	})
}

// vkStart starts a server whose handler records each request and answers with respond.
func vkStart(t vkTB, respond func(http.ResponseWriter)) *vkServer {
	t.Helper()
	s := &vkServer{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		s.mu.Lock()
		s.reqs = append(s.reqs, vkRequest{Method: r.Method, Host: r.Host, URI: r.RequestURI,
			Header: r.Header.Clone(), ContentLength: r.ContentLength, Body: b})
		s.mu.Unlock()
		respond(w)
	}))
	addr := srv.Listener.Addr().String()
	tr := &http.Transport{DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, network, addr)
	}}
	s.Client = &http.Client{Transport: tr}
	t.Cleanup(func() {
		tr.CloseIdleConnections()
		srv.Close()
	})
	return s
}

func (s *vkServer) requests() []vkRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.reqs)
}

// vkWantRequest is what a case expects of the request the client sends. An empty Method,
// Host or URI is left unchecked.
type vkWantRequest struct {
	Method string
	// Host is the expected Host header.
	Host string
	URI  string
	// Query makes URI's path compare exactly, as sent, and its query as a multiset of
	// parameters (vkQueryParams); without it URI compares exactly, whole.
	Query bool
	// Headers must each have exactly this value (repeated lines count as their values
	// joined with ", "); Require must be present and Forbid absent. Names are matched
	// case-insensitively.
	Headers         map[string]string
	Require, Forbid []string
	// BodyKind says how the body compares with Body. "" (awsJson): as a JSON object
	// equal to Body, any JSON object when Body is "". "json": as a JSON value equal to
	// Body. "bytes": byte for byte, so an empty Body means no body bytes at all. "any":
	// the body is not checked.
	BodyKind string
	Body     string
	// Gunzip says that the body is gzip-compressed (the request's Content-Encoding ends
	// in gzip): it must decompress, and what it decompresses to is compared.
	Gunzip bool
	// Tokens are top-level members of a JSON object body, and QueryTokens query
	// parameters, that the client fills with an idempotency token when the caller leaves
	// them empty: any version 4 UUID stands for the vector's value.
	Tokens, QueryTokens []string
}

// vkCheckRequest checks that the call succeeded after sending exactly one request, and
// that request against want. A failed call fails the test, but the request it sent is
// still checked.
func vkCheckRequest(t vkT, s *vkServer, callErr error, want vkWantRequest) {
	t.Helper()
	if callErr != nil {
		t.Errorf("the call failed: %v", callErr)
	}
	reqs := s.requests()
	if len(reqs) != 1 {
		t.Fatalf("the server got %d requests, want 1", len(reqs))
	}
	r := reqs[0]
	if want.Method != "" && r.Method != want.Method {
		t.Errorf("method %s, want %s", r.Method, want.Method)
	}
	if want.Host != "" && r.Host != want.Host {
		t.Errorf("host %q, want %q", r.Host, want.Host)
	}
	switch {
	case want.URI == "":
	case want.Query:
		wantPath, wantQuery, _ := strings.Cut(want.URI, "?")
		path, query, _ := strings.Cut(r.URI, "?")
		if path != wantPath {
			t.Errorf("path %q, want %q (URI %q)", path, wantPath, r.URI)
		}
		if err := vkCheckQuery(query, wantQuery, want.QueryTokens); err != nil {
			t.Errorf("query: %v", err)
		}
	case r.URI != want.URI:
		t.Errorf("URI %q, want %q", r.URI, want.URI)
	}
	names := make([]string, 0, len(want.Headers))
	for k := range want.Headers {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		// Repeated field lines stand for their values joined with commas (RFC 9110, 5.3).
		if got := r.Header.Values(k); len(got) == 0 || strings.Join(got, ", ") != want.Headers[k] {
			t.Errorf("header %s: %q, want %q", k, got, want.Headers[k])
		}
	}
	for _, k := range want.Require {
		// net/http keeps Content-Length in the header map, but check the parsed length too.
		if len(r.Header.Values(k)) == 0 || http.CanonicalHeaderKey(k) == "Content-Length" && r.ContentLength != int64(len(r.Body)) {
			t.Errorf("header %s missing or wrong (content length %d, body %d bytes)", k, r.ContentLength, len(r.Body))
		}
	}
	for _, k := range want.Forbid {
		if got := r.Header.Values(k); len(got) != 0 {
			t.Errorf("header %s: %q, want none", k, got)
		}
	}
	var err error
	if want.Gunzip {
		zr, zerr := gzip.NewReader(bytes.NewReader(r.Body))
		if zerr == nil {
			r.Body, zerr = io.ReadAll(zr)
		}
		if zerr != nil {
			t.Errorf("the body is not gzip-compressed: %v\nbody: %q", zerr, r.Body)
			return
		}
	}
	switch want.BodyKind {
	case "":
		err = vkCheckBody(r.Body, want.Body, want.Tokens)
	case "json":
		err = vkCheckJSONBody(r.Body, want.Body, want.Tokens)
	case "bytes":
		if !bytes.Equal(r.Body, []byte(want.Body)) {
			err = fmt.Errorf("body mismatch (%d bytes, want %d)", len(r.Body), len(want.Body))
		}
	case "any":
	default:
		err = fmt.Errorf("unknown BodyKind %q", want.BodyKind)
	}
	switch {
	case err == nil:
	case want.BodyKind == "bytes":
		t.Errorf("%v\nwant body: %q\ngot body:  %q", err, want.Body, r.Body)
	default:
		t.Errorf("%v\nwant body: %s\ngot body:  %s", err, vkCompact(want.Body), r.Body)
	}
}

// vkQueryParams splits a raw query into its parameters, each "key=value", or "key" when it
// has no '=', with key and value percent-decoded (url.PathUnescape: "%XX" only, so '+'
// stays '+'; AWS reads a query as RFC 3986 does, where '+' is no space). Empty parts
// ("a=1&&b=2", a trailing '&') are dropped.
func vkQueryParams(raw string) ([]string, error) {
	var out []string
	for _, part := range strings.Split(raw, "&") {
		if part == "" {
			continue
		}
		k, v, hasValue := strings.Cut(part, "=")
		dk, err := url.PathUnescape(k)
		if err != nil {
			return nil, fmt.Errorf("parameter %q: %v", part, err)
		}
		if !hasValue {
			out = append(out, dk)
			continue
		}
		dv, err := url.PathUnescape(v)
		if err != nil {
			return nil, fmt.Errorf("parameter %q: %v", part, err)
		}
		out = append(out, dk+"="+dv)
	}
	return out, nil
}

// vkCheckQuery compares a query with the expected one as multisets of parameters
// (vkQueryParams): order does not matter, repetitions do. Each parameter named in tokens
// must carry a version 4 UUID, which stands for the expected value.
func vkCheckQuery(got, want string, tokens []string) error {
	g, err := vkQueryParams(got)
	if err != nil {
		return err
	}
	w, err := vkQueryParams(want)
	if err != nil {
		return fmt.Errorf("expected query: %v", err)
	}
	for _, name := range tokens {
		var wantValue string
		for _, p := range w {
			if k, v, _ := strings.Cut(p, "="); k == name {
				wantValue = v
			}
		}
		n := 0
		for i, p := range g {
			k, v, _ := strings.Cut(p, "=")
			if k != name {
				continue
			}
			n++
			if !vkUUIDv4.MatchString(v) {
				return fmt.Errorf("idempotency token %s = %q, want a version 4 UUID", name, v)
			}
			g[i] = name + "=" + wantValue
		}
		if n != 1 {
			return fmt.Errorf("idempotency token %s: %d parameters, want 1", name, n)
		}
	}
	slices.Sort(g)
	slices.Sort(w)
	if slices.Equal(g, w) {
		return nil
	}
	var missing, extra []string
	i, j := 0, 0
	for i < len(w) || j < len(g) {
		switch {
		case j == len(g) || i < len(w) && w[i] < g[j]:
			missing = append(missing, w[i])
			i++
		case i == len(w) || g[j] < w[i]:
			extra = append(extra, g[j])
			j++
		default:
			i++
			j++
		}
	}
	return fmt.Errorf("parameters missing %q, unexpected %q (decoded)", missing, extra)
}

// vkUUIDv4 matches a version 4 (random) UUID.
var vkUUIDv4 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

// vkCheckBody checks that a request body is a JSON object and, when one is expected,
// compares the two as vkCheckJSONBody does.
func vkCheckBody(body []byte, want string, tokens []string) error {
	got, err := vkDecode(body)
	if err != nil {
		return fmt.Errorf("body is not JSON: %v", err)
	}
	if _, ok := got.(map[string]any); !ok {
		return fmt.Errorf("body is not a JSON object")
	}
	if strings.TrimSpace(want) == "" {
		return nil
	}
	return vkCheckJSONBody(body, want, tokens)
}

// vkCheckJSONBody compares a request body with the expected one as JSON values, of any
// kind; tokens, as for vkCheckBody, need an object.
func vkCheckJSONBody(body []byte, want string, tokens []string) error {
	got, err := vkDecode(body)
	if err != nil {
		return fmt.Errorf("body is not JSON: %v", err)
	}
	w, err := vkDecode([]byte(want))
	if err != nil {
		return fmt.Errorf("expected body is not JSON: %v", err)
	}
	if len(tokens) > 0 {
		obj, ok := got.(map[string]any)
		if !ok {
			return fmt.Errorf("body is not a JSON object")
		}
		wobj, _ := w.(map[string]any)
		for _, name := range tokens {
			tok, _ := obj[name].(string)
			if !vkUUIDv4.MatchString(tok) {
				return fmt.Errorf("idempotency token %s = %v, want a version 4 UUID", name, obj[name])
			}
			if wv, ok := wobj[name]; ok {
				obj[name] = wv
			}
		}
	}
	if !vkSameValue(w, got) {
		return fmt.Errorf("body mismatch")
	}
	return nil
}

// vkMustBuild sets *v, a zero value of shape's Go type, from botocore-style params.
func vkMustBuild(t vkT, s vkSchema, shape, params string, v any) {
	t.Helper()
	if err := vkBuild(s, shape, []byte(params), reflect.ValueOf(v).Elem(), shape); err != nil {
		t.Fatalf("building the input from params: %v\nparams: %s", err, params)
	}
}

// vkValue is what comparing needs of a generated structure's pointer.
type vkValue[T any] interface {
	*T
	Equal(*T) bool
	GoString() string
}

// vkCheckResult checks that a call succeeded and returned the T built from result. The
// top-level members are settled first (vkSettle): streams compare as bytes, prefix-header
// maps with their keys lowercased.
func vkCheckResult[T any, P vkValue[T]](t vkT, s vkSchema, shape, result string, got P, callErr error) {
	t.Helper()
	if callErr != nil {
		t.Fatalf("the call failed: %v", callErr)
	}
	want := P(new(T))
	if err := vkBuild(s, shape, []byte(result), reflect.ValueOf(want).Elem(), shape); err != nil {
		t.Fatalf("building the expected value from result: %v\nresult: %s", err, result)
	}
	if got == nil {
		t.Fatalf("the call returned a nil output and no error")
	}
	for _, d := range vkSettle(s, shape, reflect.ValueOf(want).Elem(), reflect.ValueOf(got).Elem()) {
		t.Errorf("%s", d)
	}
	if !want.Equal((*T)(got)) {
		t.Errorf("output differs from result\nwant: %s\ngot:  %s", want.GoString(), got.GoString())
	}
}

// vkSettle readies want and got, values of the Go structure of shape, for Equal. A
// streaming member (an interface field: io.Reader, io.ReadCloser) is read to its end and
// closed on both sides, compared as bytes (nil reads as empty) and set to nil; each
// difference is returned as a message. A member bound to prefix headers gets its map keys
// lowercased on both sides: header names are case-insensitive, net/http canonicalizes
// them ("X-Foo-Abc"), and the vectors disagree on the case they expect (Smithy's are
// lowercase, aws-sdk-go v1's canonical).
func vkSettle(s vkSchema, shape string, want, got reflect.Value) []string {
	sh := s[shape]
	if sh == nil || want.Kind() != reflect.Struct {
		return nil
	}
	var diffs []string
	names := make([]string, 0, len(sh.Members))
	for name := range sh.Members {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		m := sh.Members[name]
		fw, fg := want.FieldByName(m.Go), got.FieldByName(m.Go)
		if !fw.IsValid() || !fg.IsValid() {
			continue
		}
		switch {
		case fw.Kind() == reflect.Interface:
			wb, werr := vkDrain(fw)
			gb, gerr := vkDrain(fg)
			switch {
			case werr != nil || gerr != nil:
				diffs = append(diffs, fmt.Sprintf("member %s: reading the stream: %v", name, errors.Join(werr, gerr)))
			case !bytes.Equal(wb, gb):
				diffs = append(diffs, fmt.Sprintf("member %s: stream %q, want %q", name, gb, wb))
			}
			fw.SetZero()
			fg.SetZero()
		case m.Loc == "prefixHeaders" && fw.Kind() == reflect.Map && fw.Type().Key().Kind() == reflect.String:
			vkLowerKeys(fw)
			vkLowerKeys(fg)
		}
	}
	return diffs
}

// vkDrain reads a stream held in an interface value to its end and closes it.
func vkDrain(v reflect.Value) ([]byte, error) {
	if v.IsNil() {
		return nil, nil
	}
	r, ok := v.Interface().(io.Reader)
	if !ok {
		return nil, fmt.Errorf("%s is not an io.Reader", v.Elem().Type())
	}
	b, err := io.ReadAll(r)
	if c, ok := r.(io.Closer); ok {
		err = errors.Join(err, c.Close())
	}
	return b, err
}

// vkLowerKeys replaces a map with string keys by one with the keys lowercased.
func vkLowerKeys(m reflect.Value) {
	if m.IsNil() {
		return
	}
	out := reflect.MakeMapWithSize(m.Type(), m.Len())
	for it := m.MapRange(); it.Next(); {
		out.SetMapIndex(reflect.ValueOf(strings.ToLower(it.Key().String())).Convert(m.Type().Key()), it.Value())
	}
	m.Set(out)
}

// vkCloseStreams closes the streaming members (io.Closer interface fields) of out, a
// pointer to an output structure, which a check of the request leaves unread.
func vkCloseStreams(out any) {
	v := reflect.ValueOf(out)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return
	}
	v = v.Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		if f.Kind() != reflect.Interface || f.IsNil() || !f.CanInterface() {
			continue
		}
		if c, ok := f.Interface().(io.Closer); ok {
			c.Close()
		}
	}
}

// vkModeledError is what the error side needs of a generated error structure's pointer.
type vkModeledError[T any] interface {
	*T
	error
	ErrorCode() string
	Equal(*T) bool
	GoString() string
}

// vkCheckError checks that err holds a modeled error of type T whose code is code (unless
// code is "") and whose members are those of fields, an "error" object of the vectors.
func vkCheckError[T any, P vkModeledError[T]](t vkT, s vkSchema, shape, code, fields string, err error) {
	t.Helper()
	if err == nil {
		t.Fatalf("the call succeeded, want error %s", shape)
	}
	var got P
	if !errors.As(err, &got) {
		t.Fatalf("error %v (%T) holds no %T", err, err, got)
	}
	if code != "" && got.ErrorCode() != code {
		t.Errorf("ErrorCode() = %q, want %q", got.ErrorCode(), code)
	}
	want := P(new(T))
	if err := vkBuild(s, shape, []byte(fields), reflect.ValueOf(want).Elem(), shape); err != nil {
		t.Fatalf("building the expected error from the case's error: %v\nerror: %s", err, fields)
	}
	for _, d := range vkSettle(s, shape, reflect.ValueOf(want).Elem(), reflect.ValueOf(got).Elem()) {
		t.Errorf("%s", d)
	}
	if !want.Equal((*T)(got)) {
		t.Errorf("error members differ\nwant: %s\ngot:  %s", want.GoString(), got.GoString())
	}
}

// vkCheckAPIError checks that err holds an unmodeled service error, the generated
// package's *APIError (T), with the given code.
func vkCheckAPIError[T any, P interface {
	*T
	error
	ErrorCode() string
}](t vkT, code string, err error) {
	t.Helper()
	if err == nil {
		t.Fatalf("the call succeeded, want an error with code %s", code)
	}
	var got P
	if !errors.As(err, &got) {
		t.Fatalf("error %v (%T) holds no %T", err, err, got)
	}
	if got.ErrorCode() != code {
		t.Errorf("ErrorCode() = %q, want %q", got.ErrorCode(), code)
	}
}

// vkCheckOK checks that a call without output succeeded.
func vkCheckOK(t vkT, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("the call failed: %v", err)
	}
}
