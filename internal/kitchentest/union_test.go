package kitchentest

import (
	"errors"
	"strings"
	"testing"

	ks "github.com/awsgen/awsgen/generated/kitchensink"
)

// TestDecodeUnionOneMember: a union object that sets more than one member, known or
// unknown, cannot be sent back, so decoding it is an error naming the union's path. One
// member, unknown or known, and a null beside it, decode.
func TestDecodeUnionOneMember(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		err        string // "" for no error; else a substring of the error
	}{
		{"one known", `{"Value":{"s":"a"}}`, ""},
		{"one unknown", `{"Value":{"future":1}}`, ""},
		{"known and null", `{"Value":{"s":"a","n":null}}`, ""},
		{"two known", `{"Value":{"s":"a","n":1}}`, "Value: a union holds exactly one member, found 2"},
		{"known and unknown", `{"Value":{"future":1,"s":"a"}}`, "Value: a union holds exactly one member, found 2"},
		{"nested", `{"Children":[{},{"Value":{"n":1,"s":"b"}}]}`, "Children[1].Value: a union holds exactly one member"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var v ks.Thing
			err := v.UnmarshalJSON([]byte(tc.body))
			if tc.err == "" {
				if err != nil {
					t.Fatalf("%s: %v", tc.body, err)
				}
				if _, err := v.MarshalJSON(); err != nil {
					t.Fatalf("decoded %s, but it cannot be sent: %v", tc.body, err)
				}
				return
			}
			var de *ks.DecodeError
			if err == nil || !errors.As(err, &de) || !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("%s: error %v, want a DecodeError with %q", tc.body, err, tc.err)
			}
		})
	}
	var u ks.AnyValue
	if err := u.UnmarshalJSON([]byte(`{"s":"a","doc":{}}`)); err == nil || !strings.Contains(err.Error(), "exactly one member, found 2") {
		t.Fatalf("top-level union with two members: %v", err)
	}
}
