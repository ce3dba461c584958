package gen_test

import (
	"regexp"
	"testing"

	"github.com/awsgen/awsgen/internal/gen"
)

// TestTranslatePattern checks the ECMAScript-to-RE2 translation of @pattern, including
// UTF-16 surrogate pairs, which RE2 cannot take as they are written.
func TestTranslatePattern(t *testing.T) {
	for _, c := range []struct {
		pattern, re2    string
		match, mismatch string
	}{
		{`^[a-z]\/\u0041$`, `^[a-z]/\x{0041}$`, "b/A", "b/a"},
		{`^[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF]*$`, `^[\x{0020}-\x{D7FF}\x{E000}-\x{FFFD}\x{10000}-\x{10FFFF}]*$`, "a😀", "\x01"},
		{`^\uD83D\uDE00$`, `^\x{1F600}$`, "😀", "a"},
		{`^(?!aws:).*$`, "", "", ""},      // lookahead: not enforced
		{`^.{0,2048}$`, "", "", ""},       // repeat count over 1000
		{`^\p{Alnum}+$`, "", "", ""},      // Java class
		{`^[^\p{C}]*+$`, "", "", ""},      // possessive quantifier
		{`^[\uDC00-\uDBFF]$`, "", "", ""}, // a reversed range stays an error
	} {
		got, err := gen.TranslatePattern(c.pattern)
		if c.re2 == "" {
			if err == nil {
				t.Errorf("%s: translated to %s, want an error", c.pattern, got)
			}
			continue
		}
		if err != nil || got != c.re2 {
			t.Errorf("%s: got %q, %v; want %q", c.pattern, got, err, c.re2)
			continue
		}
		re := regexp.MustCompile(got)
		if !re.MatchString(c.match) || re.MatchString(c.mismatch) {
			t.Errorf("%s: match(%q)=%v match(%q)=%v", got, c.match, re.MatchString(c.match), c.mismatch, re.MatchString(c.mismatch))
		}
	}
}
