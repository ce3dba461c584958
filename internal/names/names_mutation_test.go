package names

import "testing"

// TestIdentCharacterBounds pins rules 1 and 2 at the edges of the character ranges: the
// first and last letter and digit are word characters, and a name starting with either
// end digit gets the "X" prefix. (Mutation testing found these edges untested.)
func TestIdentCharacterBounds(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a_z", "AZ"},
		{"A_Z", "AZ"},
		{"ZIP_Zone", "ZIPZone"},
		{"v0.v9", "V0V9"},
		{"0day", "X0day"},
		{"9lives", "X9lives"},
		{"_0_", "X0"},
		{"z9", "Z9"},
	} {
		if got, err := Ident(tc.in); err != nil || got != tc.want {
			t.Errorf("Ident(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}
