package smithy

import (
	"strings"
	"testing"
)

// Tests that mutation testing (make mutate) found missing: each pins a rule of the Smithy
// loader at an edge its other tests do not reach.

func smithyModel(shapes string) []byte {
	return []byte(`{"smithy": "2.0", "shapes": {` + shapes + `}}`)
}

func TestShapeIDSyntax(t *testing.T) {
	for _, id := range []string{"#Foo", "ns#", "ns##Foo", "a#b#c", "a#b c"} {
		if _, err := Load("m.json", smithyModel(`"`+id+`": {"type": "string"}`)); err == nil || !strings.Contains(err.Error(), "invalid shape ID") {
			t.Errorf("shape ID %q: error %v", id, err)
		}
	}
	for _, id := range []string{"a#B", "a.b#C_1"} {
		if _, err := Load("m.json", smithyModel(`"`+id+`": {"type": "string"}`)); err != nil {
			t.Errorf("shape ID %q: %v", id, err)
		}
	}
}

func TestReferenceListEntries(t *testing.T) {
	_, err := Load("m.json", smithyModel(`"a#Op": {"type": "operation", "errors": [{}]}`))
	if err == nil || !strings.Contains(err.Error(), `"errors" must be an object with a "target" shape ID`) {
		t.Errorf("an errors entry without target: %v", err)
	}
}

func TestOperationMixins(t *testing.T) {
	m, err := Load("m.json", smithyModel(`
		"a#In": {"type": "structure", "members": {}},
		"a#Out": {"type": "structure", "members": {}},
		"a#Own": {"type": "structure", "members": {}},
		"a#E1": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "client"}},
		"a#E2": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "client"}},
		"a#E3": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "server"}},
		"a#Base": {"type": "operation", "input": {"target": "a#In"}, "output": {"target": "a#Out"},
			"errors": [{"target": "a#E1"}, {"target": "a#E2"}], "traits": {"smithy.api#mixin": {}}},
		"a#Inherits": {"type": "operation", "mixins": [{"target": "a#Base"}], "errors": [{"target": "a#E3"}, {"target": "a#E1"}]},
		"a#Overrides": {"type": "operation", "mixins": [{"target": "a#Base"}], "input": {"target": "a#Own"}, "output": {"target": "a#Own"}}`))
	if err != nil {
		t.Fatal(err)
	}
	ops := map[string]string{}
	for _, op := range m.Operations {
		var errs []string
		for _, e := range op.Errors {
			errs = append(errs, e.ID)
		}
		ops[op.ID] = op.Input.ID + " " + op.Output.ID + " " + strings.Join(errs, ",")
	}
	for id, want := range map[string]string{
		"a#Inherits":  "a#In a#Out a#E1,a#E2,a#E3",
		"a#Overrides": "a#Own a#Own a#E1,a#E2",
	} {
		if ops[id] != want {
			t.Errorf("%s: %q, want %q", id, ops[id], want)
		}
	}
}

func TestResourcesVisited(t *testing.T) {
	m, err := Load("m.json", smithyModel(`
		"a#Svc": {"type": "service", "version": "1", "resources": [{"target": "a#R1"}, {"target": "a#R2"}]},
		"a#R1": {"type": "resource", "operations": [{"target": "a#Op1"}]},
		"a#R2": {"type": "resource", "resources": [{"target": "a#R3"}]},
		"a#R3": {"type": "resource", "operations": [{"target": "a#Op3"}]},
		"a#Op1": {"type": "operation"},
		"a#Op3": {"type": "operation"}`))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, op := range m.Operations {
		ids = append(ids, op.ID)
	}
	if strings.Join(ids, ",") != "a#Op1,a#Op3" {
		t.Errorf("operations %v, want a#Op1 and a#Op3 (from a nested resource)", ids)
	}
	_, err = Load("m.json", smithyModel(`
		"a#Svc": {"type": "service", "version": "1", "resources": [{"target": "a#R1"}, {"target": "a#R2"}]},
		"a#R1": {"type": "resource"},
		"a#R2": {"type": "resource", "resources": [{"target": "a#Nope"}]}`))
	if err == nil || !strings.Contains(err.Error(), `unknown resource "a#Nope"`) {
		t.Errorf("an unknown nested resource: %v", err)
	}
}

func TestTraitEdges(t *testing.T) {
	member := func(target, traits string) []byte {
		return smithyModel(`"a#S": {"type": "structure", "members": {"m": {"target": "` + target + `", "traits": {` + traits + `}}}}`)
	}
	for _, c := range []struct {
		name  string
		model []byte
		err   string // "" when it loads
	}{
		{"length min = max", member("smithy.api#String", `"smithy.api#length": {"min": 3, "max": 3}`), ""},
		{"range min = max", member("smithy.api#Integer", `"smithy.api#range": {"min": 3, "max": 3}`), ""},
		{"timestamp default string", member("smithy.api#Timestamp", `"smithy.api#default": "1985-04-12T23:20:50.52Z"`), ""},
		{"timestamp default number", member("smithy.api#Timestamp", `"smithy.api#default": 0`), ""},
		{"timestamp default bool", member("smithy.api#Timestamp", `"smithy.api#default": true`), "a number or a date-time string"},
		{"httpError 100", smithyModel(`"a#E": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "client", "smithy.api#httpError": 100}}`), ""},
		{"httpError 599", smithyModel(`"a#E": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "server", "smithy.api#httpError": 599}}`), ""},
		{"httpError 99", smithyModel(`"a#E": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "client", "smithy.api#httpError": 99}}`), "HTTP status code"},
		{"httpError 600", smithyModel(`"a#E": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "server", "smithy.api#httpError": 600}}`), "HTTP status code"},
	} {
		_, err := Load("m.json", c.model)
		if c.err == "" && err != nil || c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.err)
		}
	}
}
