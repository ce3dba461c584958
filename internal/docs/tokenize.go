package docs

import (
	"html"
	"slices"
	"strconv"
	"strings"
)

// tokKind is the kind of a markup token.
type tokKind uint8

const (
	tokText  tokKind = iota // character data (entities not yet decoded)
	tokStart                // start tag, possibly self-closing
	tokEnd                  // end tag
)

// token is one piece of tokenized markup.
type token struct {
	kind  tokKind
	name  string // lower-case tag name for tags
	raw   string // source text: the characters for tokText, the whole tag otherwise
	href  string // decoded href attribute (tokStart only)
	start string // start attribute, for <ol start="N">
	self  bool   // self-closing start tag (<br/>)
}

// tagInfo describes how a known tag is treated.
type tagInfo uint8

const (
	tagInline tagInfo = iota + 1 // text only
	tagBlock                     // paragraph boundary
)

// knownTags are the tags that are always treated as markup. Any other
// well-formed tag name is markup only when the fragment also contains a
// matching start/end tag; otherwise it is kept as literal text, which
// preserves placeholders such as arn:aws:iam::<account>:role/<name>.
var knownTags = map[string]tagInfo{
	"a": tagInline, "abbr": tagInline, "b": tagInline, "big": tagInline,
	"cite": tagInline, "code": tagInline, "del": tagInline, "em": tagInline,
	"font": tagInline, "fullname": tagInline, "i": tagInline, "img": tagInline,
	"ins": tagInline, "kbd": tagInline, "mark": tagInline, "q": tagInline,
	"s": tagInline, "samp": tagInline, "small": tagInline, "span": tagInline,
	"strong": tagInline, "sub": tagInline, "sup": tagInline, "td": tagInline,
	"th": tagInline, "tt": tagInline, "u": tagInline, "var": tagInline,
	"replaceable": tagInline, "link": tagInline,

	"article": tagBlock, "blockquote": tagBlock, "br": tagBlock, "caption": tagBlock,
	"center": tagBlock, "dd": tagBlock, "div": tagBlock, "dl": tagBlock,
	"dt": tagBlock, "footer": tagBlock, "h1": tagBlock, "h2": tagBlock,
	"h3": tagBlock, "h4": tagBlock, "h5": tagBlock, "h6": tagBlock,
	"header": tagBlock, "hr": tagBlock, "important": tagBlock, "li": tagBlock,
	"note": tagBlock, "ol": tagBlock, "p": tagBlock, "pre": tagBlock,
	"section": tagBlock, "table": tagBlock, "tbody": tagBlock, "tfoot": tagBlock,
	"thead": tagBlock, "title": tagBlock, "tr": tagBlock, "ul": tagBlock,
}

// tokenize splits s into tokens. It is tolerant: anything that does not
// look like a tag is text. It runs in time linear in len(s): every byte is
// examined a bounded number of times.
func tokenize(s string) []token { return tokenizeAppend(nil, s) }

// tokenizeAppend is tokenize appending the tokens to dst.
func tokenizeAppend(dst []token, s string) []token {
	// Each '<' yields at most a tag and a following text token.
	toks := slices.Grow(dst, 2*strings.Count(s, "<")+1)
	// Text is accumulated as a source range so that runs of literal
	// characters split at '<' become one token without copying.
	ts, te := 0, 0
	flushText := func() {
		if te > ts {
			toks = append(toks, token{kind: tokText, raw: s[ts:te]})
		}
		ts, te = 0, 0
	}
	textRange := func(a, b int) {
		if a == b {
			return
		}
		if te > ts && te == a {
			te = b
			return
		}
		flushText()
		ts, te = a, b
	}
	gt := -1 // position of the next '>' at or after i; len(s) if none
	for i := 0; i < len(s); {
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			textRange(i, i+j)
			i += j
			continue
		}
		if strings.HasPrefix(s[i:], "<!--") {
			k := strings.Index(s[i+4:], "-->")
			if k < 0 {
				break // unterminated comment swallows the rest
			}
			i += 4 + k + 3
			continue
		}
		if gt < i {
			k := strings.IndexByte(s[i:], '>')
			if k < 0 {
				gt = len(s)
			} else {
				gt = i + k
			}
		}
		if gt >= len(s) {
			textRange(i, len(s)) // no '>' anywhere after: the rest is text
			break
		}
		inner := s[i+1 : gt]
		if k := strings.IndexByte(inner, '<'); k >= 0 {
			// A new '<' starts before this one is closed: this one is text.
			textRange(i, i+1+k)
			i += 1 + k
			continue
		}
		tok, ok := parseTag(inner)
		if !ok {
			textRange(i, gt+1)
		} else if tok.name != "" {
			flushText()
			tok.raw = s[i : gt+1]
			toks = append(toks, tok)
		}
		i = gt + 1
	}
	flushText()
	return resolveUnknown(toks)
}

// parseTag parses the inside of <...>. ok is false when it is not a tag
// (it is then literal text). A declaration (<!DOCTYPE>, <?xml?>) yields an
// empty token that is dropped.
func parseTag(inner string) (token, bool) {
	if inner == "" {
		return token{}, false
	}
	if inner[0] == '!' || inner[0] == '?' {
		return token{}, true // dropped
	}
	tok := token{kind: tokStart}
	p := 0
	if inner[0] == '/' {
		tok.kind = tokEnd
		p = 1
	}
	if p >= len(inner) || !isASCIILetter(inner[p]) {
		return token{}, false
	}
	q := p + 1
	for q < len(inner) && isNameByte(inner[q]) {
		q++
	}
	if q < len(inner) && !isSpaceByte(inner[q]) && inner[q] != '/' {
		return token{}, false // e.g. <user@example.com>
	}
	tok.name = strings.ToLower(inner[p:q])
	rest := inner[q:]
	if tok.kind == tokStart {
		trimmed := strings.TrimRight(rest, " \t\n\r\f")
		if strings.HasSuffix(trimmed, "/") {
			tok.self = true
			rest = trimmed[:len(trimmed)-1]
		}
		if tok.name == "a" || tok.name == "ol" {
			parseAttrs(rest, &tok)
		}
	}
	return tok, true
}

// parseAttrs extracts the attributes the converter cares about.
func parseAttrs(s string, tok *token) {
	i := 0
	for i < len(s) {
		for i < len(s) && (isSpaceByte(s[i]) || s[i] == '/') {
			i++
		}
		j := i
		for j < len(s) && !isSpaceByte(s[j]) && s[j] != '=' && s[j] != '/' {
			j++
		}
		if j == i {
			i++
			continue
		}
		name := strings.ToLower(s[i:j])
		i = j
		for i < len(s) && isSpaceByte(s[i]) {
			i++
		}
		var val string
		if i < len(s) && s[i] == '=' {
			i++
			for i < len(s) && isSpaceByte(s[i]) {
				i++
			}
			if i < len(s) && (s[i] == '"' || s[i] == '\'') {
				quote := s[i]
				i++
				k := strings.IndexByte(s[i:], quote)
				if k < 0 {
					k = len(s) - i
				}
				val = s[i : i+k]
				i += k + 1
			} else {
				k := i
				for k < len(s) && !isSpaceByte(s[k]) {
					k++
				}
				val = s[i:k]
				i = k
			}
		}
		switch name {
		case "href":
			tok.href = decodeEntities(val)
		case "start":
			tok.start = val
		}
	}
}

// resolveUnknown turns unknown tags into text or drops them. An unknown
// start tag whose name never appears as an end tag is kept verbatim as text
// (a placeholder like <region>); other unknown tags are dropped, keeping
// their content.
func resolveUnknown(toks []token) []token {
	var ends, starts map[string]bool
	for _, t := range toks {
		if t.kind == tokText || knownTags[t.name] != 0 {
			continue
		}
		if t.kind == tokEnd {
			if ends == nil {
				ends = map[string]bool{}
			}
			ends[t.name] = true
		} else {
			if starts == nil {
				starts = map[string]bool{}
			}
			starts[t.name] = true
		}
	}
	out := toks[:0]
	for _, t := range toks {
		if t.kind != tokText && knownTags[t.name] == 0 {
			switch {
			case t.kind == tokStart && !t.self && !ends[t.name]:
				t = token{kind: tokText, raw: t.raw}
			default:
				continue // unknown markup: content only
			}
		}
		out = append(out, t)
	}
	return out
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isNameByte(c byte) bool {
	return isASCIILetter(c) || '0' <= c && c <= '9' || c == '-' || c == '_' || c == ':' || c == '.'
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// decodeEntities decodes HTML character references. Only references
// terminated by ';' are decoded (so "&region=x" in a URL stays intact);
// unknown ones are kept literally.
func decodeEntities(s string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i:]
		j := 1
		for j < len(s) && j < 40 && isEntityByte(s[j]) {
			j++
		}
		if j > 1 && j < len(s) && s[j] == ';' {
			ent := s[:j+1]
			dec := html.UnescapeString(ent)
			// A partial legacy match ("&ampx;" -> "&x;") leaves the ';'.
			if dec != ent && (!strings.HasSuffix(dec, ";") || ent == "&semi;") {
				b.WriteString(dec)
				s = s[j+1:]
				continue
			}
		}
		b.WriteByte('&')
		s = s[1:]
	}
}

func isEntityByte(c byte) bool {
	return isASCIILetter(c) || '0' <= c && c <= '9' || c == '#'
}

// olStart parses the start attribute of an ordered list.
func olStart(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 || n > 1e9 {
		return 1
	}
	return n
}
