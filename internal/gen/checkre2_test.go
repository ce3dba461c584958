package gen

import (
	"regexp"
	"strings"
	"testing"
)

// checkRE2 fails exactly where regexp.Compile does, with its error.
func TestCheckRE2(t *testing.T) {
	for _, p := range []string{
		``, `^[a-z]+$`, `(?=x)`, `(?!x)y`, `(a)\1`, `a{1001}`, `a{2,1}`, `[z-a]`, `(`, `\p{L}+`,
		`\p{Nope}`, `x{1000}{1000}`, `((((((((((a))))))))))`, `[\w-]`, `\Z`, `a**`, `(?i)abc`,
		`^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$`, `\x{10FFFF}`, `\x{110000}`, strings.Repeat(`(`, 1001) + strings.Repeat(`)`, 1001),
	} {
		_, want := regexp.Compile(p)
		got := checkRE2(p)
		if (got == nil) != (want == nil) || got != nil && got.Error() != want.Error() {
			t.Errorf("checkRE2(%q) = %v, regexp.Compile: %v", p, got, want)
		}
	}
}
