package docs

import (
	"slices"
	"strings"
	"testing"
)

// Tests for the gaps that mutation testing (make mutate) left in the converter (issue 12):
// block code at the ends of a document, bold and heading nesting, implicit lists, <br> first
// in a block, runs of text ending at DEL or non-ASCII bytes, spacing around links, lists at
// width 0 and 1, preformatted text, and the small helpers of render.go. Every expectation is
// written out by hand from the rules in docs.go and go/doc/comment's, not copied from the
// converter; each case names the rule it pins.

// gapCases are converted at width 60 unless they say otherwise (a width of -1 means 0).
var gapCases = []struct {
	name  string
	html  string
	width int
	want  string
}{
	// --- <code> and <pre> at block level -----------------------------------------------
	{
		// The first token of the document: a block-level <code> is a code block there too.
		name: "block code first in the document",
		html: "<code>x := 1\ny := 2</code><p>After.</p>",
		want: "\tx := 1\n\ty := 2\n\nAfter.",
	},
	{
		// </code> is the last token: nothing after it, so it stands alone.
		name: "block code last in the document",
		html: "<p>Policy:</p>\n<code>{\n  \"a\": 1\n}</code>",
		want: "Policy:\n\n\t{\n\t  \"a\": 1\n\t}",
	},
	{
		// The document ends inside the <code>: the code runs to the end.
		name: "unterminated block code",
		html: "<p>Policy:</p>\n<code>{\n  \"a\": 1\n}",
		want: "Policy:\n\n\t{\n\t  \"a\": 1\n\t}",
	},
	{
		// The content's newline is its first character.
		name: "block code starting with a newline",
		html: "<p>Run:</p><code>\naws s3 ls s3://bucket</code><p>After.</p>",
		want: "Run:\n\n\taws s3 ls s3://bucket\n\nAfter.",
	},
	{
		// <pre> first in a document that has a paragraph is a code block, as it is after
		// one (a document of code only cannot be: see "pre alone" below).
		name: "pre first in the document",
		html: "<pre>x := 1\ny := 2</pre><p>After.</p>",
		want: "\tx := 1\n\ty := 2\n\nAfter.",
	},
	{
		// go/doc/comment removes the common indentation of a comment without unindented
		// lines, so a code-only document cannot keep a code block (arrange).
		name: "pre alone",
		html: "<pre>x := 1\ny := 2</pre>",
		want: "x := 1 y := 2",
	},
	{
		// Code right before a list would be read as part of the list: it becomes text.
		name: "code before a list",
		html: "<p>Steps:</p><pre>a := 1\nb := 2</pre><ul><li>one</li></ul>",
		want: "Steps:\n\na := 1 b := 2\n\n  - one",
	},
	{
		// The paragraph's text before a <pre> inside it comes first, then the code.
		name: "pre inside a paragraph",
		html: "<p>Example:<pre>x := 1\ny := 2</pre>Done.</p>",
		want: "Example:\n\n\tx := 1\n\ty := 2\n\nDone.",
	},
	{
		// Lists have no code blocks: the code is inlined in the item's one paragraph.
		name: "pre inside a list item",
		html: "<p>Steps:</p><ul><li>Run <pre>make\ntest</pre> now</li></ul>",
		want: "Steps:\n\n  - Run make test now",
	},
	{
		// <br> is a newline in code; other tags inside it are dropped.
		name: "br and tags in pre",
		html: "<p>X:</p><pre>a<br>b<b>c</b></pre>",
		want: "X:\n\n\ta\n\tbc",
	},
	{
		// CRLF and a lone CR are line ends, a trailing CR included.
		name: "line endings in pre",
		html: "<p>X:</p><pre>a\r\nb\rc\r</pre>",
		want: "X:\n\n\ta\n\tb\n\tc",
	},
	{
		// Tabs stay, other white space becomes a space, controls are dropped.
		name: "white space and controls in pre",
		html: "<p>X:</p><pre>a\tb&nbsp;c\x07d\x00e</pre>",
		want: "X:\n\n\ta\tb cde",
	},

	// --- bold and headings: a paragraph all in bold is a heading in intent ---------------
	{
		name: "bold word then plain text",
		html: "<p>Intro.</p><p><b>Note</b> the limits</p><p>More.</p>",
		want: "Intro.\n\nNote the\nlimits\n\nMore.",
	},
	{
		name: "nested bold",
		html: "<p>Intro.</p><p><b><b>Overview</b> and scope</b></p><p>More.</p>",
		want: "Intro.\n\n# Overview and scope\n\nMore.",
	},
	{
		name: "nested bold then plain text",
		html: "<p>Intro.</p><p><b><b>Read</b> this</b> first</p><p>More.</p>",
		want: "Intro.\n\nRead this\nfirst\n\nMore.",
	},
	{
		name: "strong inside b then plain text",
		html: "<p>Intro.</p><p><b><strong>Overview</strong></b> and scope</p><p>More.</p>",
		want: "Intro.\n\nOverview and\nscope\n\nMore.",
	},
	{
		// A stray end tag does not make the text after it bold.
		name: "stray end of bold",
		html: "<p>Intro.</p><p></b>Valid values</p><p>More.</p>",
		want: "Intro.\n\nValid\nvalues\n\nMore.",
	},
	{
		name: "heading then plain paragraph",
		html: "<p>Intro.</p><h2>Overview</h2><p>Valid values</p><p>More.</p>",
		want: "Intro.\n\n# Overview\n\nValid\nvalues\n\nMore.",
	},
	{
		name: "heading containing bold",
		html: "<p>Intro.</p><h2><b>Getting started</b></h2><p>Valid values</p><p>More.</p>",
		want: "Intro.\n\n# Getting started\n\nValid\nvalues\n\nMore.",
	},
	{
		name: "stray end of heading",
		html: "<p>Intro.</p><p></h2>Valid values</p><p>More.</p>",
		want: "Intro.\n\nValid\nvalues\n\nMore.",
	},

	// --- implicit lists (a stray <li> without <ul>) and definition lists -----------------
	{
		name: "word after a stray item",
		html: "<li>one</li>then<li>two</li>",
		want: "  - one\n\nthen\n\n  - two",
	},
	{
		name: "words after a stray item",
		html: "<li>one</li> and more <li>two</li>",
		want: "  - one\n\nand more\n\n  - two",
	},
	{
		// A block inside an open implicit item continues the item; after </li> it ends the list.
		name: "stray item with paragraphs",
		html: "<li>one<p>two</p></li><p>after</p>",
		want: "  - one\n\n    two\n\nafter",
	},
	{
		name: "stray item closed by a block",
		html: "<li>one</li><h3>Next</h3><p>More text.</p>",
		want: "  - one\n\n# Next\n\nMore text.",
	},
	{
		name: "stray dd",
		html: "<p>Terms:</p><dd>definition</dd><p>After.</p>",
		want: "Terms:\n\n  - definition\n\nAfter.",
	},
	{
		// Text between </dt> and <dd> ends the term's paragraph; the definition stays in
		// the term's item.
		name: "text between dt and dd",
		html: "<p>Fields:</p><dl><dt>Mode</dt> (optional)<dd>The mode.</dd></dl>",
		want: "Fields:\n\n  - Mode: (optional)\n\n    The mode.",
	},
	{
		name: "empty dt",
		html: "<p>Fields:</p><dl><dt></dt><dd>Definition.</dd></dl>",
		want: "Fields:\n\n  - Definition.",
	},
	{
		// A stray </ul> does not unbalance the lists after it.
		name: "stray end of list",
		html: "<p>A.</p></ul><ul><li>one</li></ul><p>After.</p>",
		want: "A.\n\n  - one\n\nAfter.",
	},
	{
		name: "empty item",
		html: "<p>X:</p><ul><li></li><li>a</li></ul>",
		want: "X:\n\n  - a",
	},
	{
		// Without a paragraph, list items are written as paragraphs, numbered from start.
		name: "ordered list only",
		html: "<ol start=\"3\"><li>a</li><li>b</li></ol>",
		want: "3. a\n\n4. b",
	},
	{
		// A later paragraph of an item that starts with a marker joins the one before.
		name: "item paragraph starting with a marker",
		html: "<p>X:</p><ul><li><p>One</p><p>- two</p></li></ul>",
		want: "X:\n\n  - One - two",
	},
	{
		// A marker alone is no list item to go/doc/comment: it stays a paragraph.
		name: "item paragraph that is a marker only",
		html: "<p>X:</p><ul><li><p>One</p><p>-</p></li></ul>",
		want: "X:\n\n  - One\n\n    -",
	},

	// --- <br> ------------------------------------------------------------------------------
	{
		name: "br first in a paragraph",
		html: "<p><br>First line<br>second</p>",
		want: "First line\nsecond",
	},
	{
		name: "br first in the document",
		html: "<br/>Text",
		want: "Text",
	},
	{
		name: "br between single words",
		html: "<p>a<br>b<br>c<br>d</p>",
		want: "a\nb\nc\nd",
	},

	// --- runs of text: DEL and bytes >= 0x80 end a run of printable ASCII ------------------
	{
		name: "URLs next to DEL",
		html: "<p>See https://example.com/a\x7f, or \x7fhttps://example.com/b.</p>",
		want: "See https://example.com/a, or https://example.com/b.",
	},
	{
		name: "URLs next to invalid bytes",
		html: "<p>Visit https://example.com/\x80x and \x80y</p>",
		want: "Visit https://example.com/\uFFFDx and \uFFFDy",
	},
	{
		name: "URLs next to non-ASCII and punctuation",
		html: "<p>See https://example.com/café, https://example.com/x. (https://example.com/y)</p>",
		want: "See https://example.com/café, https://example.com/x.\n(https://example.com/y)",
	},

	// --- spacing around links ----------------------------------------------------------------
	{
		// A space inside the link, before its text, stays before it; a link right after
		// punctuation stays attached to it.
		name: "space inside link and link after parenthesis",
		html: "<p>See<a href=\"https://example.com/guide\"> the guide</a> (<a href=\"https://example.com/api\">API</a>).</p>",
		want: "See [the guide] ([API]).\n\n[the guide]: https://example.com/guide\n[API]: https://example.com/api",
	},
	{
		name: "links at paragraph start and end",
		html: "<p> <a href=\"https://example.com/a\">Start</a> middle <a href=\"https://example.com/b\">end</a> </p><p>Next one.</p>",
		want: "[Start] middle [end]\n\nNext one.\n\n[Start]: https://example.com/a\n[end]: https://example.com/b",
	},
	{
		name: "link followed by a link",
		html: "<p>See <a href=\"https://example.com/a\">A</a>, <a href=\"https://example.com/b\">B</a>; <a href=\"https://example.com/c\">C</a>.</p>",
		want: "See [A], [B]; [C].\n\n[A]: https://example.com/a\n[B]: https://example.com/b\n[C]: https://example.com/c",
	},
	{
		// Inside an open "[", links are written inline: go/doc/comment would read the
		// bracket through the link's "]" as one text. It stays open after the first link.
		name: "links inside brackets",
		html: "<p>Values: [<a href=\"https://example.com/x\">X</a> | <a href=\"https://example.com/y\">Y</a>]</p>",
		want: "Values: [X (https://example.com/x) | Y\n(https://example.com/y)]",
	},
	{
		// The brackets of one paragraph are forgotten in the next, which starts with a link.
		name: "bracket paragraph then link paragraph",
		html: "<p>[Optional] See <a href=\"https://example.com/a\">A</a>.</p><p><a href=\"https://example.com/b\">B</a> describes it.</p>",
		want: "[Optional] See [A].\n\n[B] describes it.\n\n[A]: https://example.com/a\n[B]: https://example.com/b",
	},
	{
		// A one-line paragraph before link definitions is followed by an unindented line.
		name: "old heading before link definitions",
		html: "<p>See <a href=\"https://example.com/docs\">docs</a>.</p><p>Valid values</p>",
		want: "See [docs].\n\nValid\nvalues\n\n[docs]: https://example.com/docs",
	},
	{
		// ... while the last paragraph of a document without definitions is no heading.
		name: "old heading lookalike last",
		html: "<p>Intro.</p><p>Valid values</p>",
		want: "Intro.\n\nValid values",
	},

	// --- headings and link definitions that go/doc/comment would misread -------------------
	{
		// Only list markers after "#": the heading round-trips as is.
		name: "hash and marker",
		html: "<p>Intro.</p><p># -</p>",
		want: "Intro.\n\n# -",
	},
	{
		// An apostrophe not followed by "s" rules out an old-style heading.
		name: "apostrophe in a heading lookalike",
		html: "<p>Intro.</p><p>Don't stop</p><p>More.</p>",
		want: "Intro.\n\nDon't stop\n\nMore.",
	},
	{
		// A period followed by a non-space does not.
		name: "version number in a heading lookalike",
		html: "<p>Intro.</p><p>Version 1.2 notes</p><p>More.</p>",
		want: "Intro.\n\nVersion 1.2\nnotes\n\nMore.",
	},
	{
		name: "link definition lookalike with a space",
		html: "<p>[a b]: https://example.com/</p>",
		want: "[a b]:\nhttps://example.com/",
	},
	{
		name: "short doubled quotes",
		html: "<p>''x''</p>",
		want: "”x”",
	},
	{
		name: "empty comment",
		html: "a<!---->b",
		want: "ab",
	},

	// --- lists at width 0 (no wrapping) and 1 (a word a line) -----------------------------
	{
		name:  "list at width 0",
		html:  "<p>Steps:</p><ul><li>one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen</li><li>x</li></ul>",
		width: -1,
		want:  "Steps:\n\n  - one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen\n  - x",
	},
	{
		name:  "list at width 1",
		html:  "<p>Steps:</p><ul><li>one two</li><li>three</li></ul><ol start=\"9\"><li>four five</li></ol>",
		width: 1,
		want:  "Steps:\n\n  - one\n    two\n  - three\n  - four\n    five",
	},
	{
		name:  "ordered list at width 1",
		html:  "<p>Steps:</p><ol start=\"9\"><li>four five</li><li>six</li></ol>",
		width: 1,
		want:  "Steps:\n\n 9. four\n    five\n 10. six",
	},
}

func TestGaps(t *testing.T) {
	for _, c := range gapCases {
		t.Run(c.name, func(t *testing.T) {
			width := c.width
			switch width {
			case 0:
				width = 60
			case -1:
				width = 0
			}
			got := Text(c.html, width)
			if got != c.want {
				t.Errorf("Text(%q, %d):\n--- got ---\n%s\n--- want ---\n%s", c.html, width, got, c.want)
			}
			if err := checkCanonical(got); err != nil {
				t.Errorf("width %d: %v", width, err)
			}
			cm := Comment(c.html, width)
			if err := commentMatchesText(cm, got); err != nil {
				t.Error(err)
			}
			if err := checkGofmt(cm); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestGapsComment: Comment at width 1 writes the list of "list at width 1" as comment lines.
func TestGapsComment(t *testing.T) {
	want := "// Steps:\n" +
		"//\n" +
		"//   - one\n" +
		"//     two\n" +
		"//   - three\n"
	if got := Comment("<p>Steps:</p><ul><li>one two</li><li>three</li></ul>", 1); got != want {
		t.Errorf("Comment at width 1:\n--- got ---\n%s--- want ---\n%s", got, want)
	}
}

// TestGapsSummary: the first sentence ends after an ideographic full stop, which is part
// of it.
func TestGapsSummary(t *testing.T) {
	for in, want := range map[string]string{
		"<p>これは最初の文です。これは二番目の文です。</p>": "これは最初の文です。",
		"<p>Fertig！Weiter.</p>": "Fertig！",
	} {
		if got := Summary(in); got != want {
			t.Errorf("Summary(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestGapsWordHelpers pins splitWords, insertBreak and wrap on their contracts, including
// inputs the converter itself does not produce (doubled, leading and trailing separators).
func TestGapsWordHelpers(t *testing.T) {
	for in, want := range map[string][]string{
		"":        {},
		"a":       {"a"},
		"a b":     {"a", "b"},
		"a\nb":    {"a", "\n", "b"},
		"a  b":    {"a", "b"},
		" a":      {"a"},
		"a ":      {"a"},
		"\na":     {"a"},
		"a\n":     {"a"},
		"a\n\nb":  {"a", "\n", "b"},
		"a \n b":  {"a", "\n", "b"},
		"a\nb\nc": {"a", "\n", "b", "\n", "c"},
	} {
		if got := splitWords(in); !slices.Equal(got, want) {
			t.Errorf("splitWords(%q) = %q, want %q", in, got, want)
		}
	}

	abc := []string{"a", "b", "c"}
	for _, c := range []struct {
		words []string
		m     int
		want  []string
	}{
		{abc, 0, []string{"a", "\n", "b", "c"}},
		{abc, 1, []string{"a", "b", "\n", "c"}},
		{abc, 2, []string{"a", "b", "c"}},                                       // after the last word: no break
		{[]string{"a", "\n", "b"}, 0, []string{"a", "\n", "b"}},                 // already a break there
		{[]string{"a", "\n", "b", "c"}, 1, []string{"a", "\n", "b", "\n", "c"}}, // breaks are not counted
		{nil, 0, []string{}},
	} {
		if got := insertBreak(slices.Clone(c.words), c.m); !slices.Equal(got, c.want) {
			t.Errorf("insertBreak(%q, %d) = %q, want %q", c.words, c.m, got, c.want)
		}
	}

	for _, c := range []struct {
		words       []string
		first, rest int
		want        []string
	}{
		{nil, 0, 0, []string{""}},
		{[]string{"a", "\n", "b"}, 0, 0, []string{"a", "b"}},
		{[]string{"\n", "a"}, 0, 0, []string{"a"}},                 // no empty line for a leading break
		{[]string{"a", "\n"}, 0, 0, []string{"a"}},                 // nor for a trailing one
		{[]string{"a", "\n", "\n", "b"}, 0, 0, []string{"a", "b"}}, // nor for a doubled one
		{[]string{"a", "\n", "\n"}, 0, 0, []string{"a"}},           // nor for a doubled trailing one
		{[]string{"a", "\n", "-", "b"}, 0, 0, []string{"a - b"}},   // never a line starting with a marker
		{[]string{"aa", "bb", "cc"}, 5, 2, []string{"aa bb", "cc"}},
		{[]string{"aa", "bb", "cc"}, 4, 5, []string{"aa", "bb cc"}},
	} {
		if got := wrap(c.words, c.first, c.rest); !slices.Equal(got, c.want) {
			t.Errorf("wrap(%q, %d, %d) = %q, want %q", c.words, c.first, c.rest, got, c.want)
		}
	}
}

// TestGapsSchemes: digits (0 through 9) are scheme characters after the first one.
func TestGapsSchemes(t *testing.T) {
	for url, want := range map[string]bool{"s0:x": true, "s9:x": true, "s/:x": false, "s;:x": false, "0s:x": false} {
		if got := hasScheme(url); got != want {
			t.Errorf("hasScheme(%q) = %t", url, got)
		}
	}
	// "s0:" is a scheme that go/doc/comment does not accept in a link definition, so the
	// link is written "text (url)"; "s/:thing" has none: a relative link, its text alone.
	if got, want := Text(`<p><a href="s0:thing">T</a> and <a href="s/:thing">U</a></p>`, 60), "T (s0:thing) and U"; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
}

// TestGapsAttrs: attribute syntax around href and start — any white space as separator,
// quoted (either quote) and unquoted values, a missing or empty value, no space after a
// closing quote — and the links it gives.
func TestGapsAttrs(t *testing.T) {
	for _, c := range []struct{ attrs, href, start string }{
		{"\thref\t=\t'x'\n", "x", ""},
		{"\nhref=x\tstart=2\r\n", "x", "2"},
		{"\fhref=\"a b\"\fstart='4'", "a b", "4"},
		{` href`, "", ""},
		{` start`, "", ""},
		{` href="" start="5"`, "", "5"},
		{` href='' start=6`, "", "6"},
		{` title="a"href="x"`, "x", ""},
		{` title='a'start='7'`, "", "7"},
	} {
		var tok token
		parseAttrs(c.attrs, &tok)
		if tok.href != c.href || tok.start != c.start {
			t.Errorf("parseAttrs(%q): href %q start %q, want %q %q", c.attrs, tok.href, tok.start, c.href, c.start)
		}
	}
	html := "<p><a\thref=\"https://example.com/t\"\ntitle=x>tab</a>, <a href>none</a>, <a href=\"\">empty</a>, <a\nhref='https://example.com/q'>quoted</a>.</p>" +
		"<ol\tstart=\"4\"><li>four</li></ol>"
	want := "[tab], none, empty, [quoted].\n\n 4. four\n\n[tab]: https://example.com/t\n[quoted]: https://example.com/q"
	if got := Text(html, 60); got != want {
		t.Errorf("Text(%q) =\n%s\nwant\n%s", html, got, want)
	}
}

// TestGapsTokenize: a '<' that another '<' follows before any '>' is text up to that '<';
// an empty comment is a comment.
func TestGapsTokenize(t *testing.T) {
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
		"x<a <b>c":     "T(x<a )<b>T(c)",
		"x<a<b>c":      "T(x<a)<b>T(c)",
		"x <y or <b>z": "T(x <y or )<b>T(z)",
		"a<!---->b":    "T(a)T(b)",
		"a<!-- - -->b": "T(a)T(b)",
	} {
		if got := kinds(in); got != want {
			t.Errorf("tokenize(%q) = %s, want %s", in, got, want)
		}
	}
	if got, want := Text("<p>Use x <y or <b>z</b>.</p>", 60), "Use x <y or z."; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
}

// TestGapsEntityLength: a character reference is decoded only when its ';' is at most 40
// bytes after the '&' (the longest named reference is 33 bytes; the bound keeps decoding
// linear). Numeric references may pad with zeros up to that length.
func TestGapsEntityLength(t *testing.T) {
	zeros := func(n int) string { return strings.Repeat("0", n) }
	for in, want := range map[string]string{
		"&#" + zeros(36) + "65;":            "A",                      // ';' at 40
		"&#" + zeros(37) + "65;":            "&#" + zeros(37) + "65;", // ';' at 41
		"&CounterClockwiseContourIntegral;": "\u2233",
		"x&#" + zeros(37) + "65;&amp;y":     "x&#" + zeros(37) + "65;&y",
	} {
		if got := decodeEntities(in); got != want {
			t.Errorf("decodeEntities(%q) = %q, want %q", in, got, want)
		}
	}
}
