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
