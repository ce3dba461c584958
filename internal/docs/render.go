package docs

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// render lays out blocks as Go doc comment lines in the canonical form
// printed by go/doc/comment's Printer.Comment (and thus by gofmt).
func render(blocks []*block, defs []linkDef, width int) []string {
	blocks = arrange(blocks, len(defs) > 0)

	out := make([][]string, len(blocks))
	for i, blk := range blocks {
		switch blk.kind {
		case blockPara:
			out[i] = renderPara(splitWords(blk.text), width)
		case blockList:
			out[i] = renderList(blk, width)
		case blockCode:
			out[i] = renderCode(blk.text)
		}
	}

	// A one-line paragraph between two unindented blocks may be taken for
	// an old-style (implicit) heading. If it is a heading in intent (all
	// bold, as AWS writes section titles) or a single word, make it an
	// explicit heading, which is what gofmt would turn it into; otherwise
	// split it over two lines so that it stays a paragraph.
	for i, blk := range blocks {
		if blk.kind != blockPara || len(out[i]) != 1 || i == 0 {
			continue
		}
		nextUnindented := i+1 == len(blocks) && len(defs) > 0 ||
			i+1 < len(blocks) && blocks[i+1].kind == blockPara
		if !nextUnindented || !isOldHeading(out[i][0]) {
			continue
		}
		words := splitWords(blk.text)
		if n := realWords(words); n > 1 && !blk.title {
			out[i] = wrap(insertBreak(words, n-2), width, width)
		} else {
			out[i] = []string{"# " + out[i][0]}
		}
	}

	var lines []string
	for i, l := range out {
		if i > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, l...)
	}
	if len(defs) > 0 {
		lines = append(lines, "")
		for _, d := range defs {
			lines = append(lines, "["+d.text+"]: "+d.url)
		}
	}
	return lines
}

// arrange normalizes the block sequence so that every block survives a
// go/doc/comment round trip: empty blocks are dropped, adjacent lists are
// merged (the parser would merge them), code next to a list or starting
// with a list-like line becomes a paragraph (the parser would read it as
// part of a list), and a document without any unindented line keeps its
// lists and code as paragraphs (the parser would remove their common
// indentation).
func arrange(blocks []*block, haveDefs bool) []*block {
	var bs []*block
	for _, blk := range blocks {
		if blk.kind == blockList {
			items := blk.items[:0]
			for _, it := range blk.items {
				if len(it.paras) > 0 {
					items = append(items, it)
				}
			}
			blk.items = items
			if len(items) == 0 {
				continue
			}
			if n := len(bs); n > 0 && bs[n-1].kind == blockList {
				bs[n-1].items = append(bs[n-1].items, items...)
				continue
			}
		}
		bs = append(bs, blk)
	}

	// A code block whose first line looks like a list item would be
	// parsed as a list.
	for i, blk := range bs {
		if blk.kind == blockCode {
			if l := renderCode(blk.text); len(l) > 0 && isListLine(l[0]) {
				bs[i] = codeAsPara(blk)
			}
		}
	}

	hasPara := func() bool {
		if haveDefs {
			return true
		}
		for _, blk := range bs {
			if blk.kind == blockPara {
				return true
			}
		}
		return false
	}
	if !hasPara() {
		var nbs []*block
		for _, blk := range bs {
			if blk.kind != blockList {
				nbs = append(nbs, blk)
				continue
			}
			for i, it := range blk.items {
				marker := "-"
				if blk.ordered {
					marker = strconv.Itoa(blk.start+i) + "."
				}
				for j, p := range it.paras {
					if j == 0 {
						p = marker + " " + p
					}
					nbs = append(nbs, &block{kind: blockPara, text: p})
				}
			}
		}
		bs = nbs
	}
	for i, blk := range bs {
		if blk.kind == blockCode && (i > 0 && bs[i-1].kind == blockList || i+1 < len(bs) && bs[i+1].kind == blockList) {
			bs[i] = codeAsPara(blk)
		}
	}
	if !hasPara() {
		for i, blk := range bs {
			bs[i] = codeAsPara(blk)
		}
	}
	return bs
}

func codeAsPara(blk *block) *block {
	if blk.kind != blockCode {
		return blk
	}
	return &block{kind: blockPara, text: normalizeQuotes(strings.Join(strings.Fields(blk.text), " "))}
}

// renderPara wraps a top-level paragraph.
func renderPara(words []string, width int) []string {
	lines := wrapSafe(words, width, width)
	if len(lines) == 1 && isHeading(lines[0]) {
		// "# text" alone would be a heading: continue on a second line,
		// at the first word that can start a line. (If there is none, the
		// rest is list markers only and the heading round-trips as is.)
		m := 0
		for m+1 < len(words) && isMarker(words[m+1]) {
			m++
		}
		if alt := wrap(insertBreak(words, m), width, width); len(alt) > 1 {
			lines = alt
		}
	}
	return lines
}

// renderList renders a list in go/doc/comment form: "  - " or " N. "
// markers, continuation lines indented four spaces, blank lines between
// items only when some item has several paragraphs.
func renderList(blk *block, width int) []string {
	loose := false
	for _, it := range blk.items {
		// A later paragraph starting with a list marker would begin a
		// new item: join it to the previous paragraph instead.
		paras := it.paras[:1]
		for _, p := range it.paras[1:] {
			if w := splitWords(p); len(w) > 1 && isMarker(w[0]) {
				paras[len(paras)-1] += " " + p
				continue
			}
			paras = append(paras, p)
		}
		it.paras = paras
		if len(paras) > 1 {
			loose = true
		}
	}
	const indent = "    "
	var lines []string
	for i, it := range blk.items {
		if i > 0 && loose {
			lines = append(lines, "")
		}
		marker := "  - "
		if blk.ordered {
			marker = " " + strconv.Itoa(blk.start+i) + ". "
		}
		for j, p := range it.paras {
			first := marker
			if j > 0 {
				lines = append(lines, "")
				first = indent
			}
			body := wrapSafe(splitWords(p), budget(width, first), budget(width, indent))
			for k, l := range body {
				if k == 0 {
					lines = append(lines, first+l)
				} else {
					lines = append(lines, indent+l)
				}
			}
		}
	}
	return lines
}

// budget is the room left on a line of the given width after prefix.
func budget(width int, prefix string) int {
	if width <= 0 {
		return 0
	}
	return max(width-len(prefix), 1)
}

// renderCode renders a code block: lines indented by one tab, trailing
// blanks removed, common indentation removed.
func renderCode(code string) []string {
	lines := strings.Split(code, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	prefix := ""
	for i, l := range lines {
		if l == "" {
			continue
		}
		lead := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if i == 0 {
			prefix = lead
			continue
		}
		n := 0
		for n < len(prefix) && n < len(lead) && prefix[n] == lead[n] {
			n++
		}
		prefix = prefix[:n]
	}
	for i, l := range lines {
		if l != "" {
			lines[i] = "\t" + strings.TrimPrefix(l, prefix)
		}
	}
	return lines
}

// splitWords splits paragraph text into words; "\n" elements are forced
// line breaks.
func splitWords(text string) []string {
	words := make([]string, 0, strings.Count(text, " ")+strings.Count(text, "\n")+1)
	for len(text) > 0 {
		i := strings.IndexAny(text, " \n")
		if i < 0 {
			words = append(words, text)
			break
		}
		if i > 0 {
			words = append(words, text[:i])
		}
		if text[i] == '\n' && len(words) > 0 && words[len(words)-1] != "\n" {
			words = append(words, "\n")
		}
		text = text[i+1:]
	}
	if n := len(words); n > 0 && words[n-1] == "\n" {
		words = words[:n-1]
	}
	return words
}

// realWords counts the words that are not forced breaks.
func realWords(words []string) int {
	n := 0
	for _, w := range words {
		if w != "\n" {
			n++
		}
	}
	return n
}

// insertBreak returns words with a forced break after the real word with
// index m.
func insertBreak(words []string, m int) []string {
	out := make([]string, 0, len(words)+1)
	n := 0
	for i, w := range words {
		out = append(out, w)
		if w == "\n" {
			continue
		}
		if n == m {
			if i+1 < len(words) && words[i+1] != "\n" {
				out = append(out, "\n")
			}
			out = append(out, words[i+1:]...)
			return out
		}
		n++
	}
	return out
}

// wrapSafe wraps words and then makes sure the lines are not all taken
// for link definitions ("[text]: https://...") by go/doc/comment.
func wrapSafe(words []string, first, rest int) []string {
	lines := wrap(words, first, rest)
	for _, l := range lines {
		if !isLinkDef(l) {
			return lines
		}
	}
	// End the first line right after its "]:".
	i := strings.Index(lines[0], "]:")
	m := strings.Count(lines[0][:i+2], " ")
	return wrap(insertBreak(words, m), first, rest)
}

// wrap breaks words into lines of at most first (for the first line) and
// rest (for the others) columns; 0 means no limit. Long words are never
// broken. A line never starts with a word that go/doc/comment would read
// as a list marker; forced breaks before such words are dropped.
func wrap(words []string, first, rest int) []string {
	// The lines are laid out in one buffer, as offsets, and cut from one string.
	size := 0
	for _, w := range words {
		size += len(w) + 1
	}
	buf := make([]byte, 0, size)
	var ends []int // where each line ends in buf
	limit := first
	n := 0 // columns used on the current line
	for i, w := range words {
		if w == "\n" {
			if n > 0 && i+1 < len(words) && !isMarker(words[i+1]) {
				ends = append(ends, len(buf))
				n = 0
				limit = rest
			}
			continue
		}
		wl := utf8.RuneCountInString(w)
		if n > 0 && limit > 0 && n+1+wl > limit && !isMarker(w) {
			ends = append(ends, len(buf))
			n = 0
			limit = rest
		}
		if n > 0 {
			buf = append(buf, ' ')
			n++
		}
		buf = append(buf, w...)
		n += wl
	}
	if n > 0 || len(ends) == 0 {
		ends = append(ends, len(buf))
	}
	text := string(buf)
	lines := make([]string, len(ends))
	prev := 0
	for i, e := range ends {
		lines[i] = text[prev:e]
		prev = e
	}
	return lines
}

// isMarker reports whether a line starting with word w (followed by more
// text) is a list item to go/doc/comment: "-", "*", "+", "•", "1." or "1)".
func isMarker(w string) bool {
	switch w {
	case "-", "*", "+", "•":
		return true
	}
	i := 0
	for i < len(w) && '0' <= w[i] && w[i] <= '9' {
		i++
	}
	return i > 0 && i == len(w)-1 && (w[i] == '.' || w[i] == ')')
}

// isListLine mirrors go/doc/comment's test for a list item line: a
// marker ("-", "*", "+", "•", "1.", "1)") followed by blank space and text.
func isListLine(line string) bool {
	line = strings.TrimSpace(line)
	var rest string
	if r, n := utf8.DecodeRuneInString(line); r == '-' || r == '*' || r == '+' || r == '•' {
		rest = line[n:]
	} else {
		i := 0
		for i < len(line) && '0' <= line[i] && line[i] <= '9' {
			i++
		}
		if i == 0 || i >= len(line) || line[i] != '.' && line[i] != ')' {
			return false
		}
		rest = line[i+1:]
	}
	return rest != "" && (rest[0] == ' ' || rest[0] == '\t') && strings.TrimSpace(rest) != ""
}

// isHeading mirrors go/doc/comment: a line "# text" is a heading.
func isHeading(line string) bool {
	return len(line) >= 2 && line[0] == '#' && (line[1] == ' ' || line[1] == '\t') &&
		strings.TrimSpace(line) != "#"
}

// isLinkDef mirrors go/doc/comment's recognition of "[text]: url" lines.
func isLinkDef(line string) bool {
	if line == "" || line[0] != '[' {
		return false
	}
	i := strings.Index(line, "]:")
	if i < 0 || i+3 >= len(line) || (line[i+2] != ' ' && line[i+2] != '\t') {
		return false
	}
	url := strings.TrimSpace(line[i+3:])
	j := strings.Index(url, "://")
	return j >= 0 && isScheme(url[:j])
}

// isOldHeading mirrors go/doc/comment's test for an implicit heading: a
// line starting with an upper-case letter and ending in a letter or digit,
// without most punctuation. (The context — blank lines around it and an
// unindented line after — is checked by the caller.)
func isOldHeading(line string) bool {
	line = strings.TrimSpace(line)
	r, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsLetter(r) || !unicode.IsUpper(r) {
		return false
	}
	r, _ = utf8.DecodeLastRuneInString(line)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false
	}
	if strings.ContainsAny(line, ";:!?+*/=[]{}_^°&§~%#@<\">\\") {
		return false
	}
	for b := line; ; {
		var ok bool
		if _, b, ok = strings.Cut(b, "'"); !ok {
			break
		}
		if b != "s" && !strings.HasPrefix(b, "s ") {
			return false
		}
	}
	for b := line; ; {
		var ok bool
		if _, b, ok = strings.Cut(b, "."); !ok {
			break
		}
		if b == "" || strings.HasPrefix(b, " ") {
			return false
		}
	}
	return true
}
