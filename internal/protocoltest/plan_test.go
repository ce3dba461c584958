package protocoltest

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestGroupSuites(t *testing.T) {
	mk := func(meta, shapes, given string) suite {
		s := suite{Metadata: json.RawMessage(meta), Cases: []vectorCase{{Given: json.RawMessage(given)}}}
		if err := json.Unmarshal([]byte(shapes), &s.Shapes); err != nil {
			t.Fatal(err)
		}
		return s
	}
	suites := []suite{
		mk(`{"protocol": "json"}`, `{"A": {"type": "string"}}`, `{"name": "Op1"}`),
		mk(`{"protocol":"json"}`, `{"A": {"type":"string"}, "B": {"type": "integer"}}`, `{"name": "Op2"}`), // joins 0
		mk(`{"protocol": "json"}`, `{"A": {"type": "integer"}}`, `{"name": "Op3"}`),                        // A differs
		mk(`{"protocol": "json", "jsonVersion": "1.1"}`, `{}`, `{"name": "Op4"}`),                          // metadata differs
		mk(`{"protocol": "json"}`, `{}`, `{"name": "Op1", "input": {"shape": "A"}}`),                       // Op1 differs
		mk(`{"protocol": "json"}`, `{"B": {"type": "integer"}}`, `{"name": "Op1"}`),                        // joins 0
	}
	want := [][]int{{0, 1, 5}, {2, 4}, {3}}
	if got := groupSuites(suites); !reflect.DeepEqual(got, want) {
		t.Errorf("groupSuites = %v, want %v", got, want)
	}
}

func TestExpandHostPrefix(t *testing.T) {
	for _, tc := range []struct{ prefix, params, want string }{
		{"foo.", `{}`, "foo."},
		{"foo.{label}.", `{"label": "bar"}`, "foo.bar."},
		{"{a}-{b}.", `{"a": "x", "b": "y"}`, "x-y."},
	} {
		got, err := expandHostPrefix(tc.prefix, json.RawMessage(tc.params))
		if err != nil || got != tc.want {
			t.Errorf("expandHostPrefix(%q, %s) = %q, %v; want %q", tc.prefix, tc.params, got, err, tc.want)
		}
	}
	for _, bad := range []string{"foo.{label.", "{missing}."} {
		if _, err := expandHostPrefix(bad, json.RawMessage(`{"label": 1}`)); err == nil {
			t.Errorf("expandHostPrefix(%q): no error", bad)
		}
	}
}

func TestRestGiven(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`{"name": "Op"}`, `{"http":{"method":"POST","requestUri":"/"},"name":"Op"}`},
		{`{"name": "Op", "http": {"method": "GET"}}`, `{"http":{"method":"GET","requestUri":"/"},"name":"Op"}`},
		{`{"name": "Op", "http": {"method": "PUT", "requestUri": "/x/{Y}", "responseCode": 201}}`,
			`{"name": "Op", "http": {"method": "PUT", "requestUri": "/x/{Y}", "responseCode": 201}}`},
	} {
		got, err := restGiven(json.RawMessage(tc.in))
		if err != nil || string(got) != tc.want {
			t.Errorf("restGiven(%s) = %s, %v; want %s", tc.in, got, err, tc.want)
		}
	}
	if _, err := restGiven(json.RawMessage(`{"name": "Op", "http": 1}`)); err == nil {
		t.Error("bad http: no error")
	}
}

func TestRestBody(t *testing.T) {
	str := func(s string) *string { return &s }
	for _, tc := range []struct {
		body              *string
		headers           map[string]string
		wantKind, wantStr string
	}{
		{nil, nil, "any", ""},
		{str(""), map[string]string{"Content-Type": "application/json"}, "bytes", ""},
		{str(`"hello"`), map[string]string{"content-type": "application/json; charset=utf-8"}, "json", `"hello"`},
		{str(`{"a": 1}`), nil, "json", `{"a": 1}`},
		{str(` [1]`), nil, "json", ` [1]`},
		{str(`{"a": 1}`), map[string]string{"Content-Type": "text/plain"}, "bytes", `{"a": 1}`},
		{str(`1234`), map[string]string{"Content-Type": "image/jpg"}, "bytes", `1234`},
		{str(`1234`), nil, "bytes", `1234`},
		{str(`{not json`), nil, "bytes", `{not json`},
	} {
		kind, want := restBody(tc.body, tc.headers)
		if kind != tc.wantKind || want != tc.wantStr {
			t.Errorf("restBody(%v, %v) = %q, %q; want %q, %q", tc.body, tc.headers, kind, want, tc.wantKind, tc.wantStr)
		}
	}
}

func TestRestTokens(t *testing.T) {
	s := &suite{Shapes: map[string]json.RawMessage{
		"In": json.RawMessage(`{"type": "structure", "members": {
			"Token": {"shape": "S", "idempotencyToken": true},
			"Q": {"shape": "S", "idempotencyToken": true, "location": "querystring", "locationName": "token"},
			"Set": {"shape": "S", "idempotencyToken": true, "location": "querystring", "locationName": "set"},
			"Plain": {"shape": "S", "location": "querystring", "locationName": "plain"}}}`),
	}}
	body := `{"Token": "00000000-0000-4000-8000-000000000000"}`
	c := &vectorCase{
		Given:  json.RawMessage(`{"name": "Op", "input": {"shape": "In"}}`),
		Params: json.RawMessage(`{"Set": "x"}`),
	}
	c.Serialized = &serializedRequest{Body: &body, URI: "/p?token=00000000-0000-4000-8000-000000000000&set=x&plain=1"}
	b, q := restTokens(s, c)
	if !reflect.DeepEqual(b, []string{"Token"}) || !reflect.DeepEqual(q, []string{"token"}) {
		t.Errorf("restTokens = %q, %q; want [Token], [token]", b, q)
	}
}

func TestSplitSuites(t *testing.T) {
	c := func(given string) vectorCase { return vectorCase{Given: json.RawMessage(given)} }
	in := []suite{
		{Cases: []vectorCase{c(`{"name": "A"}`), c(`{"name": "B"}`)}},
		{Cases: []vectorCase{c(`{"name": "A", "http": {"requestUri": "/x"}}`), c(`{"name": "A", "http": {"requestUri": "/y"}}`),
			c(`{"name": "B"}`), c(`{"name":"A","http":{"requestUri":"/y"}}`)}},
		{},
	}
	out := splitSuites(in)
	type pos struct{ suite, index int }
	var got [][]pos
	var names []string
	for _, s := range out {
		names = append(names, s.name())
		var cs []pos
		for _, c := range s.Cases {
			cs = append(cs, pos{c.suite, c.index})
		}
		got = append(got, cs)
	}
	want := [][]pos{{{0, 0}, {0, 1}}, {{1, 0}, {1, 2}}, {{1, 1}, {1, 3}}, nil}
	if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(names, []string{"s00", "s01", "s01p1", "s02"}) {
		t.Errorf("splitSuites: cases %v, names %v; want %v, [s00 s01 s01p1 s02]", got, names, want)
	}
}
