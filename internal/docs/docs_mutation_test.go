package docs

import "testing"

// Tests that mutation testing (make mutate) found missing: the small predicates of the
// converter at the ends of their character ranges, and edge cases of Comment and Summary.
// Expectations are written out from the rules each function documents (go/doc/comment's,
// for the line tests).

func TestCharacterClasses(t *testing.T) {
	for _, c := range []struct {
		c            byte
		letter, name bool
	}{
		{'a', true, true}, {'z', true, true}, {'A', true, true}, {'Z', true, true},
		{'0', false, true}, {'9', false, true}, {'-', false, true}, {'_', false, true}, {':', false, true}, {'.', false, true},
		{'@', false, false}, {'[', false, false}, {'`', false, false}, {'{', false, false}, {'/', false, false}, {' ', false, false},
	} {
		if got := isASCIILetter(c.c); got != c.letter {
			t.Errorf("isASCIILetter(%q) = %t", c.c, got)
		}
		if got := isNameByte(c.c); got != c.name {
			t.Errorf("isNameByte(%q) = %t", c.c, got)
		}
	}
	for _, c := range []struct {
		r    rune
		want bool
	}{
		{'\u202A', true}, {'\u202E', true}, {'\u2066', true}, {'\u2069', true}, {'\uFEFF', true}, {'\x07', true},
		{'\u2029', false}, {'\u202F', false}, {'\u2065', false}, {'\u206A', false}, {'a', false},
	} {
		if got := dropRune(c.r); got != c.want {
			t.Errorf("dropRune(%U) = %t", c.r, got)
		}
	}
	for name, want := range map[string]bool{"h1": true, "h6": true, "h0": false, "h7": false, "hr": false, "h": false, "h10": false, "b1": false} {
		if got := isHeadingTag(name); got != want {
			t.Errorf("isHeadingTag(%q) = %t", name, got)
		}
	}
	for in, want := range map[string]int{"0": 0, "7": 7, " 1000000000 ": 1000000000, "1000000001": 1, "-1": 1, "x": 1} {
		if got := olStart(in); got != want {
			t.Errorf("olStart(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestLinePredicates(t *testing.T) {
	for w, want := range map[string]bool{
		"-": true, "*": true, "+": true, "•": true, "0.": true, "9)": true, "10.": true,
		".": false, "1": false, "a.": false, "1..": false, "1.)": false, "": false,
	} {
		if got := isMarker(w); got != want {
			t.Errorf("isMarker(%q) = %t", w, got)
		}
	}
	for line, want := range map[string]bool{
		"- x": true, "-\tx": true, "0. x": true, "9) x": true, " 12. x ": true,
		"1.x": false, "1.": false, "12": false, "1. ": false, "x": false, "- ": false, "-x": false, "": false,
	} {
		if got := isListLine(line); got != want {
			t.Errorf("isListLine(%q) = %t", line, got)
		}
	}
	for line, want := range map[string]bool{"# A": true, "#\tA": true, "#": false, "# ": false, "#A": false, "": false} {
		if got := isHeading(line); got != want {
			t.Errorf("isHeading(%q) = %t", line, got)
		}
	}
	for line, want := range map[string]bool{
		"[a]: https://x": true, "[a]:\thttps://x": true, "[a]: ": false, "[a]:x": false, "[a]: x": false, "a]: https://x": false, "": false,
	} {
		if got := isLinkDef(line); got != want {
			t.Errorf("isLinkDef(%q) = %t", line, got)
		}
	}
	for url, want := range map[string]bool{"mailto:x": true, "a:": true, ":x": false, "1a:": false, "a1+-.:": true, "": false, "a": false} {
		if got := hasScheme(url); got != want {
			t.Errorf("hasScheme(%q) = %t", url, got)
		}
	}
	for url, want := range map[string]bool{"http://x": true, "http://": false, "://x": false} {
		if got := validDefURL(url); got != want {
			t.Errorf("validDefURL(%q) = %t", url, got)
		}
	}
}

func TestCommentAndSummaryEdges(t *testing.T) {
	for _, in := range []string{"", "<p></p>", "  "} {
		if got := Comment(in, 80); got != "" {
			t.Errorf("Comment(%q) = %q, want empty", in, got)
		}
	}
	for in, want := range map[string]string{
		"<ul><li></li><li>Second item. More.</li></ul>": "Second item.",
		"<p>Named after Z. Smith. Then more.</p>":       "Named after Z. Smith.",
		"<p>Named after A. Smith. Then more.</p>":       "Named after A. Smith.",
		"<p>Ends in a. Then more.</p>":                  "Ends in a.",
	} {
		if got := Summary(in); got != want {
			t.Errorf("Summary(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWrapEdges(t *testing.T) {
	for _, c := range []struct {
		html  string
		width int
		want  string
	}{
		{"<p>a b c d e f</p>", 0, "a b c d e f"},                             // width 0: no wrapping
		{"<p>aaaa bbbb cc</p>", 9, "aaaa bbbb\ncc"},                          // a line exactly as wide as allowed
		{"<p>aaaa bbbb</p>", 8, "aaaa\nbbbb"},                                // one column short
		{"<p>X:</p><pre>  a\n    b\n  c</pre>", 80, "X:\n\n\ta\n\t  b\n\tc"}, // common indentation removed
		{"<p>X:</p><pre>  a\n b\n</pre>", 80, "X:\n\n\t a\n\tb"},             // the least indentation is the common one
		{"<p>X:</p><pre>\n\n</pre>", 80, "X:"},                               // a blank code block
		{"<p>X:</p><pre>\n  x  \n\n</pre>", 80, "X:\n\n\tx"},                 // blank lines and trailing blanks trimmed
	} {
		if got := Text(c.html, c.width); got != c.want {
			t.Errorf("Text(%q, %d) = %q, want %q", c.html, c.width, got, c.want)
		}
	}
}

func TestParseAttrs(t *testing.T) {
	for _, c := range []struct{ attrs, href, start string }{
		{` href="https://x"`, "https://x", ""},
		{` href = 'https://x' `, "https://x", ""},
		{` href=https://x title=y`, "https://x", ""},
		{` HREF="x"`, "x", ""},
		{` href="unterminated`, "unterminated", ""},
		{` title="a b" href="x"`, "x", ""},
		{` / href="x"`, "x", ""},
		{` data-x href="x"`, "x", ""},
		{` href=`, "", ""},
		{` href="a&amp;b"`, "a&b", ""},
		{` start="3"`, "", "3"},
		{`start=7 href=y`, "y", "7"},
		{` =x href="y"`, "y", ""},
	} {
		var tok token
		parseAttrs(c.attrs, &tok)
		if tok.href != c.href || tok.start != c.start {
			t.Errorf("parseAttrs(%q): href %q start %q, want %q %q", c.attrs, tok.href, tok.start, c.href, c.start)
		}
	}
}

func TestTokenizeEdges(t *testing.T) {
	kinds := func(s string) string {
		var b []byte
		for _, tk := range tokenize(s) {
			switch tk.kind {
			case tokText:
				b = append(b, "T("+tk.raw+")"...)
			case tokStart:
				b = append(b, "<"+tk.name+">"...)
			case tokEnd:
				b = append(b, "</"+tk.name+">"...)
			}
		}
		return string(b)
	}
	for in, want := range map[string]string{
		"a<b>c</b>d":         "T(a)<b>T(c)</b>T(d)",
		"<b>":                "<b>",
		"x<":                 "T(x<)",
		"x<b":                "T(x<b)",
		"a<<b>c":             "T(a<)<b>T(c)",
		"1 < 2 > 0":          "T(1 < 2 > 0)",
		"<user@example.com>": "T(<user@example.com>)",
		"<!-- c -->x":        "T(x)",
		"x<!-- c":            "T(x)",
		"<a/>":               "<a>",
		"</>":                "T(</>)",
		"<9>":                "T(<9>)",
	} {
		if got := kinds(in); got != want {
			t.Errorf("tokenize(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestBlockCode(t *testing.T) {
	for _, c := range []struct{ html, want string }{
		// <code> spanning lines on its own, between blocks, is a code block.
		{"<p>Policy:</p>\n<code>{\n  \"a\": 1\n}</code>\n<p>After.</p>", "Policy:\n\n\t{\n\t  \"a\": 1\n\t}\n\nAfter."},
		// On one line, or inside a paragraph, it is inline text.
		{"<p>Policy:</p>\n<code>{ \"a\": 1 }</code>\n<p>After.</p>", "Policy:\n\n{ \"a\": 1 }\n\nAfter."},
		{"<p>Use <code>a\nb</code> here.</p>", "Use a b here."},
	} {
		if got := Text(c.html, 80); got != c.want {
			t.Errorf("Text(%q) =\n%q\nwant\n%q", c.html, got, c.want)
		}
	}
}

func TestParseTagNames(t *testing.T) {
	for in, want := range map[string]string{"z": "z", "Z1": "z1", "/a": "/a", "a-b:c.d_e": "a-b:c.d_e", "9": "", "/": "", "a@b": "", "/9": ""} {
		tok, ok := parseTag(in)
		got := ""
		if ok {
			got = tok.name
			if tok.kind == tokEnd {
				got = "/" + got
			}
		}
		if got != want {
			t.Errorf("parseTag(%q) = %q (ok %t), want %q", in, got, ok, want)
		}
	}
}
