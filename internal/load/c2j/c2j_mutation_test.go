package c2j

import (
	"strings"
	"testing"
)

// Tests that mutation testing (make mutate) found missing: each pins a rule of the c2j
// loader at an edge its other tests do not reach.

// c2jModel is a c2j model of protocol with the given shapes.
func c2jModel(protocol, shapes string) []byte {
	return []byte(`{"metadata": {"protocol": "` + protocol + `", "targetPrefix": "T"}, "shapes": {"S": {"type": "string"}` + shapes + `}}`)
}

func TestTopLevelAlternation(t *testing.T) {
	for _, c := range []struct {
		p    string
		want bool
	}{
		{"a|b", true},
		{"(a)|b", true},
		{"(a)(b)|c", true},
		{"(a|b)", false},
		{"((a)|b)", false},
		{"[a|]", false},
		{"[|]x", false},
		{"[a]|b", true},
		{`a\|b`, false},
		{"", false},
	} {
		if got := topLevelAlternation(c.p); got != c.want {
			t.Errorf("topLevelAlternation(%q) = %t, want %t", c.p, got, c.want)
		}
	}
}

func TestEventStreamFlag(t *testing.T) {
	if _, err := Load("api-2.json", c2jModel("json", `, "E": {"type": "structure", "members": {}, "eventstream": "yes"}`), nil); err == nil ||
		!strings.Contains(err.Error(), `"eventstream" must be a boolean`) {
		t.Errorf("eventstream \"yes\": error %v", err)
	}
	m, err := Load("api-2.json", c2jModel("json", `, "E": {"type": "structure", "members": {}, "eventstream": false}`), nil)
	if err != nil || m.Shape("E").Traits.Streaming {
		t.Errorf("eventstream false: %v", err)
	}
	// An event stream's "required" names its initial event: it does not make the member of
	// the stream (a union) required.
	m, err = Load("api-2.json", c2jModel("json", `,
		"U": {"type": "structure", "eventstream": true, "required": ["m"], "members": {"m": {"shape": "S"}}}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	if m.Shape("U").Members[0].Required() {
		t.Error("a stream union's member became required")
	}
}

func TestEnumNamesNumbered(t *testing.T) {
	m, err := Load("api-2.json", c2jModel("json", `, "E": {"type": "string", "enum": ["a-b", "a_b", "a.b"]}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	vs := m.Shape("E").EnumValues
	if len(vs) != 3 || vs[1].Name != vs[0].Name+"_2" || vs[2].Name != vs[0].Name+"_3" {
		t.Errorf("enum names %q %q %q, want X, X_2, X_3", vs[0].Name, vs[1].Name, vs[2].Name)
	}
	if _, err := Load("api-2.json", c2jModel("json", `, "E": {"type": "string", "enum": []}`), nil); err == nil ||
		!strings.Contains(err.Error(), `"enum" has no values`) {
		t.Errorf("empty enum: error %v", err)
	}
}

func TestErrorStatusAndCode(t *testing.T) {
	for _, c := range []struct {
		status string
		ok     bool
		fault  string
	}{
		{"99", false, ""}, {"100", true, "client"}, {"499", true, "client"},
		{"500", true, "server"}, {"599", true, "server"}, {"600", false, ""},
	} {
		m, err := Load("api-2.json", c2jModel("json", `, "X": {"type": "structure", "members": {}, "exception": true, "error": {"httpStatusCode": `+c.status+`}}`), nil)
		if (err == nil) != c.ok {
			t.Errorf("status %s: error %v", c.status, err)
			continue
		}
		if err == nil && m.Shape("X").Error != c.fault {
			t.Errorf("status %s: fault %q, want %q", c.status, m.Shape("X").Error, c.fault)
		}
	}
	// awsQuery services name errors by their "code".
	m, err := Load("api-2.json", c2jModel("query", `,
		"X": {"type": "structure", "members": {}, "exception": true, "error": {"code": "Custom", "httpStatusCode": 400}},
		"Y": {"type": "structure", "members": {}, "exception": true, "error": {"code": "", "httpStatusCode": 400}}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Shape("X").ErrorCode; got != "Custom" {
		t.Errorf("awsQuery error code %q, want Custom", got)
	}
	if got := m.Shape("Y").ErrorCode; got != "Y" {
		t.Errorf("awsQuery error with an empty code: %q, want the shape name Y", got)
	}
}
