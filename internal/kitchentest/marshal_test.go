package kitchentest

import (
	"encoding/json"
	"testing"

	ks "github.com/awsgen/awsgen/generated/kitchensink"
)

// TestJSONMarshalAnyWay: encoding/json reaches the generated codec however the value is
// held (by value, by pointer, as a field of another struct by value or by pointer), so it
// always writes the awsJson document, never encoding/json's reflection of the Go struct
// (which would print nil members as null and the union's Unknown field). The documents are
// written by hand: a structure, a union, and a structure with sensitive members (encoded in
// clear: redaction is for printing, not for the wire).
func TestJSONMarshalAnyWay(t *testing.T) {
	vault := ks.Vault{Owner: ptr("ann"), Outer: &ks.VaultOuter{Inner: &ks.VaultInner{Pass: ptr("pw")}}}
	thing := ks.ReadThingInput{ThingId: ptr("t-1")}
	union := ks.AnyValue{S: ptr("x")}
	for _, c := range []struct {
		name string
		v    any
		want string
	}{
		{"structure value", thing, `{"ThingId":"t-1"}`},
		{"structure pointer", &thing, `{"ThingId":"t-1"}`},
		{"structure field", struct{ In ks.ReadThingInput }{thing}, `{"In":{"ThingId":"t-1"}}`},
		{"structure pointer field", struct{ In *ks.ReadThingInput }{&thing}, `{"In":{"ThingId":"t-1"}}`},
		{"structure nil pointer field", struct{ In *ks.ReadThingInput }{}, `{"In":null}`},
		{"union value", union, `{"s":"x"}`},
		{"union pointer", &union, `{"s":"x"}`},
		{"union field", struct{ U ks.AnyValue }{union}, `{"U":{"s":"x"}}`},
		{"sensitive value", vault, `{"Owner":"ann","Outer":{"Inner":{"Pass":"pw"}}}`},
		{"sensitive pointer", &vault, `{"Owner":"ann","Outer":{"Inner":{"Pass":"pw"}}}`},
		{"sensitive in a slice", []ks.Vault{vault}, `[{"Owner":"ann","Outer":{"Inner":{"Pass":"pw"}}}]`},
		{"sensitive in a map", map[string]ks.Vault{"k": vault}, `{"k":{"Owner":"ann","Outer":{"Inner":{"Pass":"pw"}}}}`},
	} {
		b, err := json.Marshal(c.v)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if string(b) != c.want {
			t.Errorf("%s: json.Marshal = %s, want %s", c.name, b, c.want)
		}
	}
}
