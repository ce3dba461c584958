package docs

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// blockKind is the kind of an output block.
type blockKind uint8

const (
	blockPara blockKind = iota
	blockList
	blockCode
)

// block is one top-level block of the converted document.
type block struct {
	kind blockKind
	text string // blockPara: inline text (words separated by ' ', '\n' = forced break); blockCode: code lines

	title bool // blockPara: all text was bold or in <hN>: a heading in intent

	ordered bool // blockList
	start   int  // blockList: number of the first item
	items   []*item
}

// item is one list item: zero or more paragraphs of inline text.
type item struct {
	paras []string
}

// linkDef is a Go doc link definition: [text]: url.
type linkDef struct {
	text, url string
}

// builder converts a token stream into blocks.
type builder struct {
	toks  []token
	index []int // room for run's indexes of toks

	blocks []*block

	// Inline text of the paragraph being collected. Whitespace is
	// collapsed as it is written: pending records a space that is written
	// only if more text follows.
	buf     []byte
	pending bool
	// tagged records that an inline element ended after the pending space ("mode</a> </i>,"):
	// the space belongs inside the element, and punctuation that follows it attaches to the
	// text before.
	tagged bool

	prefix string // "Note:" or "Important:" waiting for the next paragraph
	bold   int    // depth of open <b>, <strong> and <hN> elements
	plain  bool   // the current paragraph has text outside bold elements
	glue   bool   // after </dt>: the definition continues the term's paragraph
	inP    bool   // inside an open <p>

	list     *block // the open (flattened) list, nil if none
	depth    int    // nesting depth of open lists
	implicit bool   // the open list was opened by a stray <li>
	item     *item  // the open list item, nil if none

	inLink   bool
	linkMark int // position in buf where the link text starts
	// brackets holds the positions of the '[' and ']' in buf[:scanned], so that asking
	// whether a bracket is open reads only what was appended since (openBracket).
	brackets []int
	scanned  int
	linkHref string

	plainLinks bool // render links as their text only (Summary)
	defs       []linkDef
	defURL     map[string]string

	// Preformatted mode: text is kept verbatim until the end tag preEnd.
	pre    bool
	preEnd string
	preBuf []byte
}

// parse converts an HTML fragment into blocks and link definitions.
func parse(src string, plainLinks bool) ([]*block, []linkDef) {
	sc := parseScratches.Get().(*parseScratch)
	b := &builder{toks: tokenizeAppend(sc.toks[:0], src), plainLinks: plainLinks, index: sc.index[:0]}
	b.run()
	// The blocks hold strings only: the scratch goes back, cleared of them.
	clear(b.toks)
	if cap(b.toks) <= maxScratch {
		sc.toks, sc.index = b.toks[:0], b.index[:0]
		parseScratches.Put(sc)
	}
	return b.blocks, b.defs
}

// parseScratch is parse's token list and indexes, kept for the next call.
type parseScratch struct {
	toks  []token
	index []int
}

var parseScratches = sync.Pool{New: func() any { return new(parseScratch) }}

// maxScratch is the most tokens a kept parseScratch holds room for.
const maxScratch = 1 << 14

func (b *builder) run() {
	toks := b.toks
	// For block-level <code> detection: nlBefore[i] counts text tokens
	// containing a newline among toks[:i]; nextSig[i] is the index of the
	// first token at or after i that is not whitespace-only text, and
	// codeEnd[i] the index of the first </code> at or after i.
	n := len(toks) + 1
	b.index = slices.Grow(b.index[:0], 3*n)[:3*n]
	nlBefore, nextSig, codeEnd := b.index[:n:n], b.index[n:2*n:2*n], b.index[2*n:]
	nlBefore[0] = 0
	for i, t := range toks {
		nlBefore[i+1] = nlBefore[i]
		if t.kind == tokText && strings.IndexByte(t.raw, '\n') >= 0 {
			nlBefore[i+1]++
		}
	}
	nextSig[len(toks)] = len(toks)
	codeEnd[len(toks)] = len(toks)
	for i := len(toks) - 1; i >= 0; i-- {
		t := toks[i]
		if t.kind == tokText && strings.TrimSpace(t.raw) == "" {
			nextSig[i] = nextSig[i+1]
		} else {
			nextSig[i] = i
		}
		if t.kind == tokEnd && t.name == "code" {
			codeEnd[i] = i
		} else {
			codeEnd[i] = codeEnd[i+1]
		}
	}
	isBlockCode := func(i int) bool {
		if b.list != nil || b.inP || b.inLink || b.glue || len(b.buf) > 0 {
			return false
		}
		end := codeEnd[i+1]
		if nlBefore[end]-nlBefore[i+1] == 0 {
			return false
		}
		if end >= len(toks) {
			return true
		}
		n := nextSig[end+1]
		return n >= len(toks) || toks[n].kind != tokText && knownTags[toks[n].name] == tagBlock
	}

	for i, t := range toks {
		if b.pre {
			b.preToken(t)
			continue
		}
		switch t.kind {
		case tokText:
			b.text(decodeEntities(t.raw))
		case tokStart:
			if t.name == "code" && !t.self && isBlockCode(i) {
				b.startPre("code")
				continue
			}
			b.start(t)
		case tokEnd:
			b.end(t)
		}
	}
	if b.pre {
		b.endPre()
	}
	b.flush()
}

func (b *builder) start(t token) {
	switch t.name {
	case "p":
		if b.glue {
			return
		}
		b.blockBoundary()
		b.inP = !t.self
	case "br":
		b.lineBreak()
	case "ul", "ol", "dl":
		b.inP = false
		b.flush()
		if t.self {
			return
		}
		b.prefixAlone()
		if b.list == nil {
			b.list = &block{kind: blockList, ordered: t.name == "ol", start: 1}
			if t.name == "ol" && t.start != "" {
				b.list.start = olStart(t.start)
			}
			b.blocks = append(b.blocks, b.list)
			b.implicit = false
		}
		b.depth++
		b.item = nil
	case "li", "dt":
		b.inP = false
		b.flush()
		if b.list == nil {
			b.openImplicitList()
		}
		b.newItem()
	case "dd":
		b.inP = false
		if b.glue {
			return
		}
		b.flush()
		if b.list == nil {
			b.openImplicitList()
		}
		if b.item == nil {
			b.newItem()
		}
	case "note", "important":
		b.blockBoundary()
		if t.name == "note" {
			b.prefix = "Note:"
		} else {
			b.prefix = "Important:"
		}
	case "pre":
		if !t.self {
			b.startPre("pre")
		}
	case "a":
		if b.inLink {
			b.closeLink()
		}
		if t.self {
			return
		}
		b.closeImplicitIfIdle()
		b.glue = false
		if b.pending && len(b.buf) > 0 && !endsSpace(b.buf) {
			b.buf = append(b.buf, ' ')
		}
		b.pending = false
		b.inLink = true
		b.linkMark = len(b.buf)
		b.linkHref = t.href
	case "td", "th":
		b.pending = true
	case "b", "strong":
		if !t.self {
			b.bold++
		}
	default:
		if knownTags[t.name] == tagBlock {
			b.blockBoundary()
		}
		if isHeadingTag(t.name) && !t.self {
			b.bold++
		}
	}
}

func isHeadingTag(name string) bool {
	return len(name) == 2 && name[0] == 'h' && '1' <= name[1] && name[1] <= '6'
}

func (b *builder) end(t token) {
	if b.pending && knownTags[t.name] != tagBlock {
		b.tagged = true
	}
	switch t.name {
	case "p":
		b.inP = false
		if b.glue {
			return
		}
		b.flush()
	case "ul", "ol", "dl":
		b.inP = false
		b.flush()
		b.endList()
	case "li", "dd":
		b.inP = false
		b.flush()
		b.item = nil
	case "dt":
		b.closeLink()
		if n := len(b.buf); n > 0 {
			r, _ := utf8.DecodeLastRune(b.buf)
			if !strings.ContainsRune(".:;,!?", r) {
				b.buf = append(b.buf, ':')
			}
			b.pending = true
			b.glue = true
		}
	case "note", "important":
		b.blockBoundary()
		b.prefix = ""
	case "a":
		b.closeLink()
	case "br":
		b.lineBreak()
	case "td", "th":
		b.pending = true
	case "b", "strong":
		if b.bold > 0 {
			b.bold--
		}
	default:
		if knownTags[t.name] == tagBlock {
			b.blockBoundary()
		}
		if isHeadingTag(t.name) && b.bold > 0 {
			b.bold--
		}
	}
}

// blockBoundary ends the current paragraph.
func (b *builder) blockBoundary() {
	b.inP = false
	b.glue = false
	b.flush()
	if b.implicit && b.item == nil {
		b.endList()
	}
}

func (b *builder) openImplicitList() {
	b.list = &block{kind: blockList, start: 1}
	b.blocks = append(b.blocks, b.list)
	b.depth = 1
	b.implicit = true
	b.item = nil
}

// closeImplicitIfIdle closes a list opened by a stray <li> when content
// arrives outside any item.
func (b *builder) closeImplicitIfIdle() {
	if b.implicit && b.item == nil && b.list != nil {
		b.endList()
	}
}

func (b *builder) endList() {
	b.item = nil
	if b.depth > 0 {
		b.depth--
	}
	if b.depth == 0 || b.implicit {
		b.list = nil
		b.depth = 0
		b.implicit = false
	}
}

func (b *builder) newItem() {
	b.item = &item{}
	b.list.items = append(b.list.items, b.item)
}

// lineBreak records a forced line break (<br>) in the current paragraph.
func (b *builder) lineBreak() {
	if len(b.buf) > 0 && b.buf[len(b.buf)-1] != '\n' {
		b.buf = append(b.buf, '\n')
	}
	b.pending = false
}

// text appends decoded character data, collapsing whitespace and dropping
// characters that must not appear in Go source.
func (b *builder) text(s string) {
	var one [utf8.UTFMax]byte
	for i := 0; i < len(s); {
		if c := s[i]; c > ' ' && c < utf8.RuneSelf && c != 0x7f {
			// A run of printable ASCII other than space, written whole.
			j := i + 1
			for j < len(s) && s[j] > ' ' && s[j] < utf8.RuneSelf && s[j] != 0x7f {
				j++
			}
			b.word(s[i:j])
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			r = utf8.RuneError // invalid UTF-8 becomes U+FFFD
		case unicode.IsSpace(r):
			b.pending = true
			continue
		case dropRune(r):
			continue
		}
		b.word(string(utf8.AppendRune(one[:0], r)))
	}
}

// word appends text without spaces, after the pending space if there is one.
func (b *builder) word(w string) {
	b.glue = false
	if len(b.buf) == 0 {
		b.closeImplicitIfIdle()
	}
	if b.pending && b.tagged && strings.IndexByte(",.;:!?)", w[0]) >= 0 {
		b.pending = false
	}
	b.tagged = false
	if b.pending && len(b.buf) > 0 && !endsSpace(b.buf) {
		b.buf = append(b.buf, ' ')
	}
	b.pending = false
	b.buf = append(b.buf, w...)
	if b.bold == 0 {
		b.plain = true
	}
}

// dropRune reports characters removed from output: controls, the byte
// order mark and bidirectional formatting characters.
func dropRune(r rune) bool {
	return unicode.IsControl(r) || r == '\uFEFF' ||
		('\u202A' <= r && r <= '\u202E') || ('\u2066' <= r && r <= '\u2069')
}

func endsSpace(buf []byte) bool {
	c := buf[len(buf)-1]
	return c == ' ' || c == '\n'
}

// flush ends the current paragraph and stores it.
func (b *builder) flush() {
	b.closeLink()
	text := normalizeQuotes(strings.Trim(string(b.buf), " \n"))
	title := !b.plain
	b.truncate(0)
	b.pending = false
	b.glue = false
	b.plain = false
	if text == "" {
		return
	}
	if b.prefix != "" {
		text = b.prefix + " " + text
		b.prefix = ""
	}
	b.addPara(text, title)
}

func (b *builder) addPara(text string, title bool) {
	if b.list == nil {
		b.blocks = append(b.blocks, &block{kind: blockPara, text: text, title: title})
		return
	}
	if b.item == nil {
		b.newItem()
	}
	b.item.paras = append(b.item.paras, text)
}

// prefixAlone emits a pending "Note:" as its own paragraph, before a block
// (list or code) that cannot carry it.
func (b *builder) prefixAlone() {
	if b.prefix != "" {
		p := b.prefix
		b.prefix = ""
		b.addPara(p, false)
	}
}

// closeLink ends an open <a> and rewrites its text in buf.
func (b *builder) closeLink() {
	if !b.inLink {
		return
	}
	b.inLink = false
	raw := string(b.buf[b.linkMark:])
	b.truncate(b.linkMark)
	text := strings.Join(strings.Fields(strings.ReplaceAll(raw, "\n", " ")), " ")
	if text != "" && (raw[0] == ' ' || raw[0] == '\n') && len(b.buf) > 0 && !endsSpace(b.buf) {
		b.buf = append(b.buf, ' ')
	}
	rep := b.linkText(normalizeQuotes(text), cleanURL(b.linkHref), b.openBracket())
	b.buf = append(b.buf, rep...)
	if n := len(raw); n > 0 && (raw[n-1] == ' ' || raw[n-1] == '\n') {
		b.pending = true
	}
}

// linkText decides how a link is written: "[text]" with a link
// definition, "text (url)", or the text (or URL) alone. After an unclosed
// "[" (open), go/doc/comment would read "[" through the link's "]" as one
// bracketed text and not see the link, so the link is written inline.
func (b *builder) linkText(text, url string, open bool) string {
	abs := validDefURL(url)
	switch {
	case text == "" && abs:
		return url
	case text == "" || url == "" || b.plainLinks || text == url:
		return text
	case !hasScheme(url):
		return text // relative link: the target is meaningless here
	case !abs || open || strings.ContainsAny(text, "[]"):
		return text + " (" + url + ")"
	}
	if old, ok := b.defURL[text]; ok {
		if old != url {
			return text + " (" + url + ")"
		}
		return "[" + text + "]"
	}
	if b.defURL == nil {
		b.defURL = map[string]string{}
	}
	b.defURL[text] = url
	b.defs = append(b.defs, linkDef{text, url})
	return "[" + text + "]"
}

// openBracket reports whether buf has a "[" after its last "]". Bytes are only appended
// to buf or cut off its end (truncate), so the bracket positions found so far stay valid
// and each byte is read once: a long paragraph of links takes linear time.
func (b *builder) openBracket() bool {
	for i := b.scanned; i < len(b.buf); i++ {
		if c := b.buf[i]; c == '[' || c == ']' {
			b.brackets = append(b.brackets, i)
		}
	}
	b.scanned = len(b.buf)
	n := len(b.brackets)
	return n > 0 && b.buf[b.brackets[n-1]] == '['
}

// truncate cuts buf to n bytes, forgetting the brackets cut off.
func (b *builder) truncate(n int) {
	b.buf = b.buf[:n]
	for len(b.brackets) > 0 && b.brackets[len(b.brackets)-1] >= n {
		b.brackets = b.brackets[:len(b.brackets)-1]
	}
	b.scanned = min(b.scanned, n)
}

// cleanURL removes whitespace and unsafe characters from an href, and
// percent-encodes quote characters that go/doc/comment would otherwise
// turn into typographic quotes.
func cleanURL(s string) string {
	var out []byte
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || dropRune(r) || r == utf8.RuneError:
			continue
		case r == '\'':
			out = append(out, "%27"...)
		case r == '`':
			out = append(out, "%60"...)
		default:
			out = utf8.AppendRune(out, r)
		}
	}
	return string(out)
}

// hasScheme reports whether url starts with a URI scheme ("mailto:").
func hasScheme(url string) bool {
	for i := 0; i < len(url); i++ {
		c := url[i]
		switch {
		case c == ':':
			return i > 0
		case isASCIILetter(c), i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return false
}

// validDefURL reports whether go/doc/comment accepts url in a link
// definition line.
func validDefURL(url string) bool {
	j := strings.Index(url, "://")
	return j >= 0 && isScheme(url[:j]) && j+3 < len(url)
}

// isScheme mirrors go/doc/comment's list of recognized URL schemes.
func isScheme(s string) bool {
	switch s {
	case "file", "ftp", "gopher", "http", "https", "mailto", "nntp":
		return true
	}
	return false
}

// startPre enters preformatted mode after ending the current paragraph.
func (b *builder) startPre(end string) {
	if b.list == nil {
		b.inP = false
		b.glue = false
		b.flush()
		b.prefixAlone()
	}
	b.pre = true
	b.preEnd = end
	b.preBuf = b.preBuf[:0]
}

func (b *builder) preToken(t token) {
	switch {
	case t.kind == tokText:
		b.preText(decodeEntities(t.raw))
	case t.kind == tokEnd && t.name == b.preEnd:
		b.endPre()
	case t.name == "br":
		b.preBuf = append(b.preBuf, '\n')
	}
}

// preText appends verbatim text, normalizing line endings and dropping
// characters that must not appear in Go source.
func (b *builder) preText(s string) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue
			}
			r = '\n'
		case r == '\n' || r == '\t' || r == ' ':
		case unicode.IsSpace(r):
			r = ' '
		case r == utf8.RuneError && size == 1:
		case dropRune(r):
			continue
		}
		b.preBuf = utf8.AppendRune(b.preBuf, r)
	}
}

func (b *builder) endPre() {
	b.pre = false
	code := string(b.preBuf)
	if b.list != nil {
		// Go doc lists cannot hold code blocks: degrade to inline text.
		b.pending = true
		b.text(code)
		b.pending = true
		return
	}
	if strings.TrimSpace(code) != "" {
		b.blocks = append(b.blocks, &block{kind: blockCode, text: code})
	}
}

// normalizeQuotes rewrites doubled backquotes and doubled single quotes
// to typographic quotes (“ and ”), as go/doc/comment, and so gofmt, does.
// Unlike go/doc/comment it also rewrites runs of three or more backquotes
// pairwise: its handling of those depends on their position in the text,
// and leaving no doubled quote at all makes the output stable under gofmt.
func normalizeQuotes(s string) string {
	if !strings.Contains(s, "``") && !strings.Contains(s, "''") {
		return s
	}
	var w strings.Builder
	w.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "``"):
			w.WriteString("“")
			i += 2
		case strings.HasPrefix(s[i:], "''"):
			w.WriteString("”")
			i += 2
		default:
			w.WriteByte(s[i])
			i++
		}
	}
	return w.String()
}
