package c2j

import "testing"

func TestAnchorPattern(t *testing.T) {
	for in, want := range map[string]string{
		"":              "",
		`[\w+]+`:        `^[\w+]+$`,
		`^[\w+]+$`:      `^[\w+]+$`,
		`a|b`:           `^(?:a|b)$`,
		`(a|b)c`:        `^(a|b)c$`,
		`[|]x`:          `^[|]x$`,
		`\|x`:           `^\|x$`,
		`price\$`:       `^price\$$`,
		`^arn:aws:.*`:   `^arn:aws:.*$`,
		`[\p{L}\p{M}]*`: `^[\p{L}\p{M}]*$`,
	} {
		if got := anchorPattern(in); got != want {
			t.Errorf("anchorPattern(%q) = %q, want %q", in, got, want)
		}
	}
}
