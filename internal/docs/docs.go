// Package docs converts the HTML documentation fragments found in AWS
// service models into Go doc comments.
//
// The input is the loose HTML used by AWS models: <p>, <ul>/<ol>/<li>,
// <dl>/<dt>/<dd>, <a href>, <code>, <pre>, <note>, <important>, <b>, <i>,
// <br/>, <fullname>, entities, pretty-printing whitespace, and a fair amount
// of broken markup. The output follows https://go.dev/doc/comment and is
// already in the canonical form that gofmt (go/doc/comment's Printer)
// produces, so generated code is stable under gofmt.
//
// Conversion rules:
//
//   - Block elements (<p>, <div>, <li>, headings, ...) become paragraphs
//     separated by a blank line. Runs of white space, including the
//     newlines and indentation of pretty-printed models, collapse to one
//     space. <br> forces a line break inside a paragraph.
//   - <ul> items become "  - item", <ol> items " 1. item" (honoring the
//     start attribute), with continuation lines indented four spaces.
//     Nested lists are flattened into the outermost list. A <dl> becomes a
//     bulleted list of "Term: definition" items. An item with several
//     paragraphs makes the list loose (blank lines between items).
//   - <a href="https://...">text</a> becomes [text] plus a link definition
//     "[text]: URL" at the end of the comment. When the same text links to
//     different URLs, when the text contains brackets, or when the URL has
//     a scheme that go/doc does not accept in link definitions, the link is
//     written as "text (URL)". Links without href or with a relative href
//     keep only their text; a link without text is written as its URL.
//   - Inline <code> and other inline or unknown tags keep only their text.
//     A well-formed unknown tag that is never closed (such as the
//     placeholder in "arn:aws:iam::<account>:root") is kept as literal text.
//   - <pre>, and <code> with multi-line content standing alone at block
//     level, become code blocks indented by a tab, without wrapping.
//     Inside list items (where go/doc has no code blocks) the code is
//     inlined as text.
//   - <note> and <important> become paragraphs starting with "Note: " and
//     "Important: ".
//   - Entities (named and numeric, terminated by ';') are decoded. Control
//     characters, byte order marks and bidirectional overrides are removed,
//     invalid UTF-8 becomes U+FFFD, and doubled backquotes and doubled
//     single quotes are rewritten to typographic quotes as gofmt does
//     (pairwise, also within longer runs, so gofmt has nothing left to
//     rewrite).
//   - Paragraphs are wrapped at the requested width on spaces; words and
//     URLs are never split.
//   - Text that go/doc/comment would misread is adjusted: a continuation
//     line never starts with a list marker, a one-line paragraph that
//     looks like a heading ("# x", or an implicit old-style heading) is
//     split over two lines (a single word becomes an explicit "# Word"
//     heading, which is how gofmt would render it anyway), and paragraphs
//     that look like link definitions are split after the "]:".
//
// Conversion never fails and runs in time linear in the input size.
package docs

import (
	"strings"
	"unicode/utf8"
)

// Text converts an HTML documentation fragment into Go doc comment text:
// paragraphs separated by blank lines, lists, links and code blocks in
// go/doc/comment syntax, wrapped at width columns (list indentation
// included; width <= 0 disables wrapping). The result has no trailing
// newline. It never fails; malformed markup degrades to plain text.
func Text(html string, width int) string {
	return strings.Join(lines(html, width), "\n")
}

// lines is Text's lines.
func lines(html string, width int) []string {
	blocks, defs := parse(html, false)
	return render(blocks, defs, width)
}

// Comment returns the same text as "// "-prefixed lines ("//" for blank
// lines, "//\t" for code lines, as gofmt writes them), each ending in a
// newline, ready to precede a Go declaration; empty input gives "".
// The width applies to the text after the "// " prefix, as in Text.
func Comment(html string, width int) string {
	ls := lines(html, width)
	size := 0
	for _, l := range ls {
		size += len(l) + 4
	}
	if size <= 4 && (len(ls) == 0 || ls[0] == "") {
		return "" // Text is ""
	}
	var b strings.Builder
	b.Grow(size)
	for _, l := range ls {
		for line := range strings.SplitSeq(l, "\n") {
			commentLine(&b, line)
		}
	}
	return b.String()
}

// commentLine writes one line of Text as a comment line.
func commentLine(b *strings.Builder, line string) {
	switch {
	case line == "":
		b.WriteString("//\n")
	case line[0] == '\t':
		b.WriteString("//")
		b.WriteString(line)
		b.WriteByte('\n')
	default:
		b.WriteString("// ")
		b.WriteString(line)
		b.WriteByte('\n')
	}
}

// Summary returns the first sentence of the converted text (for short
// descriptions), on one line. Links are reduced to their text. It is
// taken from the first paragraph or, if the text starts with a list, from
// the first list item; a document of code only gives its first line(s).
func Summary(html string) string {
	blocks, _ := parse(html, true)
	for _, blk := range blocks {
		switch blk.kind {
		case blockPara:
			return firstSentence(strings.Join(strings.Fields(blk.text), " "))
		case blockList:
			for _, it := range blk.items {
				if len(it.paras) > 0 {
					return firstSentence(strings.Join(strings.Fields(it.paras[0]), " "))
				}
			}
		}
	}
	for _, blk := range blocks {
		if blk.kind == blockCode { // a document of code only
			return firstSentence(strings.Join(strings.Fields(blk.text), " "))
		}
	}
	return ""
}

// firstSentence returns s up to and including the first sentence-ending
// punctuation that is followed by a space (or closing punctuation and a
// space), skipping common abbreviations such as "e.g." and initials.
func firstSentence(s string) string {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '。', '！', '？':
			return s[:i+size]
		case '.', '!', '?':
			end := i + 1
			for end < len(s) && strings.IndexByte(")]\"'", s[end]) >= 0 {
				end++
			}
			if end == len(s) {
				return s
			}
			if s[end] == ' ' && (r != '.' || !isAbbrev(s[:i+1])) {
				return s[:end]
			}
		}
		i += size
	}
	return s
}

// isAbbrev reports whether the word ending s (which ends in '.') is an
// abbreviation rather than the end of a sentence.
func isAbbrev(s string) bool {
	word := s[strings.LastIndexByte(s, ' ')+1:]
	word = strings.TrimLeft(word, "([\"'")
	body := word[:len(word)-1]
	if body == "" {
		return false
	}
	if strings.Contains(body, ".") { // e.g. i.e. U.S.
		return true
	}
	if r, n := utf8.DecodeRuneInString(body); n == len(body) && r >= 'A' && r <= 'Z' {
		return true // an initial
	}
	switch strings.ToLower(body) {
	case "vs", "approx", "incl", "mr", "mrs", "ms", "dr", "st", "inc", "ltd", "corp":
		return true
	}
	return false
}
