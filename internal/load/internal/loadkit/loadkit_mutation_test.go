package loadkit

import "testing"

// TestCheckJSONLeadingSpace: the top level is found after any JSON white space (mutation
// testing found every test model starting with its brace).
func TestCheckJSONLeadingSpace(t *testing.T) {
	for in, want := range map[string]string{
		" \t\r\n{}": "",
		"{}":        "",
		" \n[1]":    "invalid model: the top level is not a JSON object",
		"  1":       "invalid model: the top level is not a JSON object",
	} {
		if got := CheckJSONText(in); got != want {
			t.Errorf("CheckJSONText(%q) = %q, want %q", in, got, want)
		}
		if got := CheckJSON([]byte(in)); got != want {
			t.Errorf("CheckJSON(%q) = %q, want %q", in, got, want)
		}
	}
}
