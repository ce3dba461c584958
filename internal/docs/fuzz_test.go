package docs

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzText checks that conversion never panics and always yields valid,
// canonical doc comment text: no carriage returns or other control
// characters, valid UTF-8, stable under a go/doc/comment round trip and
// under gofmt, and consistent between Text, Comment and Summary.
// Seeds are the table cases plus testdata/fuzz/FuzzText.
func FuzzText(f *testing.F) {
	for _, c := range textCases {
		f.Add(c.html, 60)
	}
	f.Fuzz(func(t *testing.T, html string, width int) {
		width %= 200 // negative widths disable wrapping
		text := Text(html, width)
		if !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 in %q", text)
		}
		for _, r := range text {
			if r == '\r' || r == '\uFEFF' || r != '\n' && r != '\t' && unicode.IsControl(r) {
				t.Fatalf("forbidden character %U in %q", r, text)
			}
		}
		for _, l := range strings.Split(text, "\n") {
			if strings.TrimRight(l, " \t") != l {
				t.Fatalf("trailing space in line %q", l)
			}
		}
		if err := checkCanonical(text); err != nil {
			t.Fatalf("input %q width %d: %v", html, width, err)
		}
		if again := Text(html, width); again != text {
			t.Fatalf("not deterministic: %q vs %q", text, again)
		}
		c := Comment(html, width)
		if err := commentMatchesText(c, text); err != nil {
			t.Fatal(err)
		}
		if err := checkGofmt(c); err != nil {
			t.Fatalf("input %q width %d: %v", html, width, err)
		}
		s := Summary(html)
		if strings.ContainsAny(s, "\n\r") || !utf8.ValidString(s) {
			t.Fatalf("bad summary %q", s)
		}
	})
}
