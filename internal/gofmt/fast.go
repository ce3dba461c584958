package gofmt

import (
	"bytes"
	"slices"
	"unicode/utf8"
)

// appendFast appends src, a Go source file as jennifer renders it without formatting, to dst
// (which must not overlap src), formatted into the bytes go/format.Source gives for it, or
// declines (ok false) and returns dst unchanged. It is not a Go formatter: it knows the
// restricted code the emitters write (one statement per line, multi-line constructs only
// where a line ends in an opening bracket) and declines everything else, which Format hands
// to go/format. Every rule it applies was observed on go/format's output, not taken from its
// implementation; each is stated where it is applied, as "gofmt prints X as Y". fast_test.go
// checks the result against go/format on the generated packages, FuzzFormat on arbitrary
// input.
//
// It works in two passes: the first tokenizes src (scan), the second walks the tokens line
// by line of the source, keeps the line breaks, indents lines by the nesting of the
// brackets that end lines, spaces the tokens of a line by their kinds and roles, and records
// where a line has a column to align; the last step pads those columns and writes the lines.
func appendFast(dst, src []byte) (out []byte, ok bool) {
	var f *fmtState
	select {
	case f = <-fmtStates:
	default:
		f = new(fmtState)
	}
	defer f.release()
	f.src = src
	if !f.scan() || !f.valid() || !f.layout() {
		return dst, false
	}
	return f.write(dst), true
}

// fmtStates keeps the scratch slices of appendFast calls for reuse: a few, as many as calls
// run at once, kept across garbage collections (a sync.Pool drops its items at each, and
// the slices would grow again from nothing).
var fmtStates = make(chan *fmtState, 8)

// release resets f, keeping its slices' memory, and returns it to fmtStates; slices that
// grew past 1 MiB are dropped instead.
func (f *fmtState) release() {
	*f = fmtState{
		toks:   keep(f.toks[:0], 1<<20/16),
		seq:    keep(f.seq[:0], 1<<20/4),
		out:    keep(f.out[:0], 1<<20),
		lines:  keep(f.lines[:0], 1<<20/40),
		brs:    f.brs[:0],
		groups: f.groups[:0],
	}
	select {
	case fmtStates <- f:
	default:
	}
}

// keep returns s, or nil if its capacity is over max elements.
func keep[T any](s []T, max int) []T {
	if cap(s) > max {
		return nil
	}
	return s
}

// grow returns s with room for n elements.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, 0, n)
	}
	return s
}

// Token kinds of fmtTok.
const (
	tkIdent   = iota // identifier, keyword excluded
	tkKeyword        // Go keyword
	tkInt            // decimal integer literal
	tkString         // interpreted, raw or rune literal
	tkComment        // line comment, trailing blanks excluded
	tkOp             // operator or punctuation
)

// fmtTok is a token of the source: its bytes src[s:e], its kind, the number of line breaks
// before it (0, 1, or 2 for two or more), and for a keyword its code (kwBreak...), for an
// operator its opCode.
type fmtTok struct {
	s, e int32
	kind uint8
	nl   uint8
	kw   uint8
	op   uint16
}

// opCode is the code of an operator of up to three bytes (its first two: "..." is the only
// one of three, and ".." none). Called with a constant, it is a constant after inlining.
func opCode(s string) uint16 {
	v := uint16(s[0])
	if len(s) > 1 {
		v |= uint16(s[1]) << 8
	}
	return v
}

// fmtLine is an output line: its indentation in tabs, its text out[s:e] (no indentation),
// whether a blank line comes before it, and its alignment cells: the cell ends at offsets
// cut[:ncut] from s, followed in the output by padding to the column's width plus one.
type fmtLine struct {
	s, e   int32
	indent int32
	blank  bool
	class  uint8 // alignment class (alNone...), same-class consecutive lines align
	group  int32 // the group (bracketed block) the line is in; sections never cross groups
	ncut   uint8
	cut    [2]int32
}

// Alignment classes of a line.
const (
	alNone  = iota
	alKV    // "key: value," in a multi-line composite literal
	alField // "Name Type" in a struct type
	alSpec  // "name = value" in a var or const group
	alSpec2 // "name Type = value" in a var or const group
)

// Bracket roles.
const (
	brParams    = iota // parameters, receiver or results of a signature
	brParen            // call arguments, conversion, parenthesized expression
	brDeclGroup        // var, const, import or type group
	brIndex            // index or slice expression
	brType             // [] or map[...] of a type
	brBlock            // statement block
	brSwitch           // block of a switch statement
	brStruct           // struct type body
	brLit              // composite literal
)

// fmtBr is an open bracket: its role and, for brDeclGroup, the declaration keyword (kwVar,
// kwConst, kwImport), for brParams, the signature part (sfRecv...).
type fmtBr struct {
	role uint8
	kw   uint8
}

// fmtGroup is a level of indentation: the bracket stack depth of the brackets that the line
// opening it left open (lo..len-1), and an id for alignment sections.
type fmtGroup struct {
	lo int
	id int32
}

// fmtState is the state of one appendFast call.
type fmtState struct {
	src    []byte
	toks   []fmtTok
	out    []byte // line texts, fmtLine.s/e index it
	lines  []fmtLine
	brs    []fmtBr
	groups []fmtGroup
	seq    []int32 // fmtParser's token sequence
	nextID int32

	// Top-level declaration spacing: the keyword of the last top-level declaration and the
	// index of the line after which it ended.
	lastKind    uint8
	lastDeclEnd int
	imports     []byte // the previous import path in an import group, for the order check
	opened      bool   // the previous line opened a group
}

// Keyword codes, 0 for an identifier that is not a keyword.
const (
	kwNone = iota
	kwBreak
	kwCase
	kwChan
	kwConst
	kwContinue
	kwDefault
	kwDefer
	kwElse
	kwFallthrough
	kwFor
	kwFunc
	kwGo
	kwGoto
	kwIf
	kwImport
	kwInterface
	kwMap
	kwPackage
	kwRange
	kwReturn
	kwSelect
	kwStruct
	kwSwitch
	kwType
	kwVar
)

// keyword returns the keyword code of b.
func keyword(b []byte) uint8 {
	switch string(b) {
	case "break":
		return kwBreak
	case "case":
		return kwCase
	case "chan":
		return kwChan
	case "const":
		return kwConst
	case "continue":
		return kwContinue
	case "default":
		return kwDefault
	case "defer":
		return kwDefer
	case "else":
		return kwElse
	case "fallthrough":
		return kwFallthrough
	case "for":
		return kwFor
	case "func":
		return kwFunc
	case "go":
		return kwGo
	case "goto":
		return kwGoto
	case "if":
		return kwIf
	case "import":
		return kwImport
	case "interface":
		return kwInterface
	case "map":
		return kwMap
	case "package":
		return kwPackage
	case "range":
		return kwRange
	case "return":
		return kwReturn
	case "select":
		return kwSelect
	case "struct":
		return kwStruct
	case "switch":
		return kwSwitch
	case "type":
		return kwType
	case "var":
		return kwVar
	}
	return kwNone
}

// scan tokenizes src into f.toks. It declines what appendFast does not handle at the level
// of bytes: block comments, non-ASCII or control characters outside comments and string
// literals, tabs or control characters inside literals (gofmt's alignment treats them
// specially), multi-line raw strings, and number literals other than plain decimal
// integers (gofmt rewrites some number prefixes and exponents).
func (f *fmtState) scan() bool {
	src := f.src
	n := len(src)
	toks := grow(f.toks, n/5+16)
	defer func() { f.toks = toks }()
	nl := 0
	for i := 0; i < n; {
		c := src[i]
		switch {
		case c == ' ' || c == '\t':
			i++
			continue
		case c == '\n':
			nl++
			i++
			continue
		}
		t := fmtTok{s: int32(i), nl: uint8(min(nl, 2))}
		nl = 0
		switch {
		case isLetter(c):
			j := i + 1
			for j < n && (isLetter(src[j]) || src[j] >= '0' && src[j] <= '9') {
				j++
			}
			if j < n && src[j] >= 0x80 {
				return false
			}
			t.kind = tkIdent
			if t.kw = keyword(src[i:j]); t.kw != kwNone {
				t.kind = tkKeyword
			}
			i = j
		case c >= '0' && c <= '9':
			j := i + 1
			for j < n && src[j] >= '0' && src[j] <= '9' {
				j++
			}
			if c == '0' && j > i+1 || j < n && (isLetter(src[j]) || src[j] == '.' || src[j] >= 0x80) {
				return false
			}
			t.kind, i = tkInt, j
		case c == '"' || c == '\'':
			j := i + 1
			chars := 0
			for ; j < n && src[j] != c; j++ {
				chars++
				if src[j] == '\\' {
					l := escapeLen(src[j:], c)
					if l == 0 {
						return false
					}
					j += l - 1
				} else if src[j] < ' ' || src[j] == 0x7f {
					return false
				} else if src[j] >= 0x80 {
					_, l := utf8.DecodeRune(src[j:])
					j += l - 1
				}
			}
			if j >= n || !validText(src[i:j]) || c == '\'' && chars != 1 {
				return false
			}
			t.kind, i = tkString, j+1
		case c == '`':
			j := i + 1
			for ; j < n && src[j] != '`'; j++ {
				if src[j] < ' ' || src[j] == 0x7f {
					return false
				}
			}
			if j >= n || !validText(src[i:j]) {
				return false
			}
			t.kind, i = tkString, j+1
		case c == '/' && i+1 < n && src[i+1] == '/':
			j := bytes.IndexByte(src[i:], '\n')
			if j < 0 {
				j = n
			} else {
				j += i
			}
			e := j
			for e > i && (src[e-1] == ' ' || src[e-1] == '\t') {
				e--
			}
			for k := i; k < e; k++ {
				if src[k] < ' ' && src[k] != '\t' || src[k] == 0x7f {
					return false
				}
			}
			if !validText(src[i:e]) {
				return false
			}
			t.kind, i = tkComment, j
			t.e = int32(e)
			toks = append(toks, t)
			continue
		default:
			l := opLen(src[i:])
			if l == 0 {
				return false
			}
			t.op = uint16(c)
			if l > 1 {
				t.op |= uint16(src[i+1]) << 8
			}
			t.kind, i = tkOp, i+l
		}
		t.e = int32(i)
		toks = append(toks, t)
	}
	return len(toks) > 0
}

// escapeLen returns the length of the escape sequence at the start of b in a literal
// quoted by q, or 0 for one appendFast does not handle (octal and Unicode escapes, whose
// values Go checks) or that is invalid.
func escapeLen(b []byte, q byte) int {
	if len(b) < 2 {
		return 0
	}
	switch b[1] {
	case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\':
		return 2
	case '"', '\'':
		if b[1] != q {
			return 0
		}
		return 2
	case 'x':
		if len(b) >= 4 && isHex(b[2]) && isHex(b[3]) {
			return 4
		}
	}
	return 0
}

// isHex reports whether c is a hexadecimal digit.
func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// validText reports whether the bytes of a comment or literal are UTF-8 without a byte
// order mark, which Go rejects there.
func validText(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return utf8.Valid(b) && !bytes.Contains(b, []byte("\uFEFF"))
		}
	}
	return true
}

// isLetter reports whether c is an ASCII letter or underscore.
func isLetter(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// opLen returns the length of the operator or punctuation at the start of b, or 0 for one
// appendFast does not handle (block comments, '<-', '~', and others).
func opLen(b []byte) int {
	two := func(s string) bool { return len(b) >= 2 && string(b[:2]) == s }
	switch b[0] {
	case '(', ')', '[', ']', '{', '}', ',', ';':
		return 1
	case '.':
		if len(b) >= 3 && b[1] == '.' && b[2] == '.' {
			return 3
		}
		if len(b) >= 2 && b[1] >= '0' && b[1] <= '9' {
			return 0
		}
		return 1
	case ':':
		if two(":=") {
			return 2
		}
		return 1
	case '=':
		if two("==") {
			return 2
		}
		return 1
	case '!':
		if two("!=") {
			return 2
		}
		return 1
	case '<':
		if two("<=") {
			return 2
		}
		if len(b) >= 2 && (b[1] == '-' || b[1] == '<') {
			return 0
		}
		return 1
	case '>':
		if two(">=") {
			return 2
		}
		if len(b) >= 2 && b[1] == '>' {
			return 0
		}
		return 1
	case '&':
		if two("&&") {
			return 2
		}
		if len(b) >= 2 && (b[1] == '^' || b[1] == '=') {
			return 0
		}
		return 1
	case '|':
		if two("||") {
			return 2
		}
		if len(b) >= 2 && b[1] == '=' {
			return 0
		}
		return 1
	case '+', '-':
		if len(b) >= 2 && (b[1] == b[0] || b[1] == '=') {
			return 2
		}
		return 1
	case '*', '/', '%', '^':
		if len(b) >= 2 && (b[1] == '=' || b[0] == '/' && b[1] == '*') {
			return 0
		}
		return 1
	}
	return 0
}

// Token classes for spacing: what the previous token on a line was.
const (
	pcStart    = iota // nothing before on the line
	pcOpen            // '(', '[' or '{' that the next token follows without a space
	pcOperand         // identifier, literal, ')', index ']', '}' of a literal
	pcTypeNext        // a declared name, or the ')' ending parameters: a type follows, spaced
	pcTight           // '.', a unary operator, a type's '[]' or '[K]', ':' of a slice: no space after
	pcSpace           // binary operator, ',', ';', ':' of a key, keyword: a space follows
)

// Signature states of fmtSig.
const (
	sigRecv    = iota // top-level "func (": the receiver comes first
	sigParams         // the parameter list comes next
	sigResults        // parameters closed: results or the body follow
	sigBody           // result list closed: the body follows
)

// fmtSig follows a func keyword's signature: the bracket depth of the keyword and its state.
type fmtSig struct {
	depth int
	state uint8
}

// Bracket flags of fmtBr.sig: the role of a signature's parenthesis.
const (
	sfNone = iota
	sfRecv
	sfParams
	sfResults
	sfResultsElided // a result list of one unnamed type, printed without its parentheses
)

// layout walks the tokens line by line and fills f.lines.
func (f *fmtState) layout() bool {
	f.out = grow(f.out, len(f.src))
	f.lines = grow(f.lines, len(f.src)/24+4)
	f.lastDeclEnd = -1
	toks := f.toks
	for i := 0; i < len(toks); {
		j := i + 1
		for j < len(toks) && toks[j].nl == 0 {
			j++
		}
		if !f.line(i, j) {
			return false
		}
		i = j
	}
	return len(f.brs) == 0 && len(f.groups) == 0
}

// text returns token t's bytes.
func (f *fmtState) text(t fmtTok) []byte { return f.src[t.s:t.e] }

// is reports whether token i is the operator s.
func (f *fmtState) is(i int, s string) bool {
	return i < len(f.toks) && f.toks[i].op == opCode(s)
}

// kw returns token i's keyword code, kwNone for another token.
func (f *fmtState) kw(i int) uint8 {
	if i >= len(f.toks) || f.toks[i].kind != tkKeyword {
		return kwNone
	}
	return f.toks[i].kw
}

// topRole returns the role of the innermost open bracket, or 255 at the top level.
func (f *fmtState) topRole() uint8 {
	if len(f.brs) == 0 {
		return 255
	}
	return f.brs[len(f.brs)-1].role
}

// closeOf returns the index of the bracket closing the one at token k, before token j,
// or -1.
func (f *fmtState) closeOf(k, j int) int {
	d := 0
	for m := k; m < j; m++ {
		if t := f.toks[m]; t.kind == tkOp {
			switch f.src[t.s] {
			case '(', '[', '{':
				d++
			case ')', ']', '}':
				if d--; d == 0 {
					return m
				}
			}
		}
	}
	return -1
}

// oneUnnamed reports whether the parenthesis at token k, before token j, holds one
// unnamed type: no comma inside, and not starting with a name followed by its type.
func (f *fmtState) oneUnnamed(k, j int) bool {
	d := 0
	for m := k; m < j; m++ {
		t := f.toks[m]
		if t.kind != tkOp {
			continue
		}
		switch f.src[t.s] {
		case '(', '[', '{':
			d++
		case ')', ']', '}':
			d--
			if d == 0 {
				if m == k+1 {
					return false
				}
				first := f.toks[k+1]
				return !(first.kind == tkIdent && m > k+2 && !f.is(k+2, "."))
			}
		case ',':
			if d == 1 {
				return false
			}
		}
	}
	return false
}

// opens reports whether a bracket of role r is opened by c.
func (f *fmtState) opens(r uint8, c byte) bool {
	switch r {
	case brIndex, brType:
		return c == '['
	case brBlock, brSwitch, brStruct, brLit:
		return c == '{'
	}
	return c == '('
}

// endLine finishes a code line ending at token j: the brackets it leaves open become a
// group, one more tab of indentation for the lines up to the one that closes them. minDepth
// is the lowest bracket depth the line reached; poppedLo, when not -1, the depth of the group
// whose closing bracket started the line, which it must close entirely.
func (f *fmtState) endLine(j, minDepth, poppedLo int) bool {
	if poppedLo >= 0 && minDepth > poppedLo {
		return false
	}
	if len(f.brs) > minDepth {
		// The line must end in the innermost bracket it opened, of a role whose lines
		// gofmt indents as described.
		switch f.brs[len(f.brs)-1].role {
		case brParen, brBlock, brSwitch, brStruct, brLit, brDeclGroup:
		default:
			return false
		}
		last := f.toks[j-1]
		if last.kind != tkOp || !(f.is(j-1, "{") || f.is(j-1, "(")) {
			return false
		}
		f.nextID++
		f.groups = append(f.groups, fmtGroup{lo: minDepth, id: f.nextID})
		f.opened = true
	}
	if len(f.brs) == 0 {
		f.lastDeclEnd = len(f.lines) - 1
	}
	return true
}

// commentLine lays out a line that is a comment, token i. gofmt indents it as the code
// around it and drops its trailing blanks.
func (f *fmtState) commentLine(i int, ln fmtLine) bool {
	if f.topRole() == brSwitch {
		return false // comments between case clauses: not handled
	}
	// (gofmt ends an alignment section at a comment line, as write does.)
	toks := f.toks
	// gofmt can put a space after the "//" of a comment ("//x" as "// x"): only comments
	// "// text" and bare "//" are handled.
	if c := f.text(toks[i]); len(c) > 2 && c[2] != ' ' {
		return false
	}
	// gofmt removes the blanks after "//" that all lines of a comment group share: a
	// group is handled when one of its lines is "// " and text.
	if i == 0 || toks[i-1].kind != tkComment || toks[i].nl >= 2 {
		flush := false
		for k := i; k < len(toks) && toks[k].kind == tkComment && (k == i || toks[k].nl == 1); k++ {
			if c := f.text(toks[k]); len(c) > 3 && c[3] != ' ' {
				flush = true
				break
			}
		}
		if !flush {
			return false
		}
	}
	// gofmt drops a comment group with no text: a bare "//" that begins or ends a group is
	// declined.
	if c := f.text(toks[i]); len(c) == 2 {
		groupStart := i == 0 || toks[i-1].kind != tkComment || toks[i].nl >= 2
		groupEnd := i+1 >= len(toks) || toks[i+1].kind != tkComment || toks[i+1].nl >= 2
		if groupStart || groupEnd {
			return false
		}
	}
	// gofmt puts a blank line between a top-level declaration and a comment on the next line.
	if len(f.brs) == 0 && f.lastDeclEnd >= 0 && f.lastDeclEnd == len(f.lines)-1 {
		ln.blank = true
	}
	// gofmt reformats the doc comments of declarations, struct fields included, but only
	// those whose first line starts in the first column of the source (observed: the same
	// comment, indented by a blank, is left as it is, at the top level as in a struct).
	startsLine := toks[i].s == 0 || f.src[toks[i].s-1] == '\n'
	if startsLine && (len(f.brs) == 0 || f.topRole() == brDeclGroup || f.topRole() == brStruct) && (i == 0 || toks[i-1].kind != tkComment || toks[i].nl >= 2) {
		j := i + 1
		for j < len(toks) && toks[j].kind == tkComment && toks[j].nl == 1 {
			j++
		}
		if !f.plainDoc(i, j) {
			return false
		}
	}
	f.out = append(f.out, f.text(toks[i])...)
	ln.e = int32(len(f.out))
	f.lines = append(f.lines, ln)
	return true
}

// plainDoc reports whether the comment lines toks[i:j], a doc comment or one that could
// be, are in the form gofmt leaves as it is. gofmt reformats the doc comments of top-level
// declarations; observed on its output, these blocks, separated by single "//" lines, stay:
//   - paragraphs: lines "// text", the text not starting with a blank, a list marker
//     ("- ", "* ", "+ ", "1. ", "1) ") or "#", nor with "[" on a line with "]:";
//   - lists: items "//   - text", each maybe continued by lines "//     text", and
//     paragraphs of an item, "//     text" lines after a blank "//" that follows the list;
//   - link definitions "// [text]: https://..." in the last block.
//
// A one-line paragraph that is not the first block and does not end in punctuation becomes
// a heading "# text" unless a list follows it; such comments are declined, as are code
// blocks, numbered lists, blank "//" lines that are first, last or doubled, tabs, and the
// doubled backquotes and single quotes (gofmt prints them as typographic quotes).
func (f *fmtState) plainDoc(i, j int) bool {
	const (
		bkNone = iota
		bkPara
		bkList
		bkLinks
	)
	kind, lines := bkNone, 0 // the current block
	prevKind, prevLines := bkNone, 0
	prevStop := true  // the previous block's last line ends in punctuation
	lastStop := false // the current block's last line does
	blocks := 0
	// end checks the block before the one of kind next, which has just ended.
	endBlock := func(next int) bool {
		if prevKind == bkPara && prevLines == 1 && !prevStop && blocks > 1 && next != bkList {
			return false // would become a heading
		}
		return true
	}
	for k := i; k < j; k++ {
		c := f.text(f.toks[k])
		if bytes.IndexByte(c, '\t') >= 0 || bytes.Contains(c, []byte("``")) || bytes.Contains(c, []byte("''")) {
			return false
		}
		if len(c) == 2 {
			if lines == 0 || k == j-1 {
				return false
			}
			if kind == bkLinks {
				return false // link definitions that are not last move to the end
			}
			prevKind, prevLines, prevStop = kind, lines, lastStop
			kind, lines = bkNone, 0
			continue
		}
		if len(c) < 4 || c[2] != ' ' {
			return false
		}
		var lk int
		switch {
		case len(c) > 7 && (string(c[2:7]) == "   - " || string(c[2:7]) == "     ") && c[7] == '[' && bytes.Contains(c, []byte("]:")):
			return false // gofmt takes a link definition out of a list
		case len(c) > 7 && string(c[2:7]) == "   - " && c[7] != ' ':
			lk = bkList
		case len(c) > 7 && string(c[2:7]) == "     " && c[7] != ' ':
			// an item's continuation line, or a paragraph of the item after a blank line
			if kind != bkList && !(lines == 0 && prevKind == bkList) {
				return false
			}
			lk = bkList
		case c[3] == '[' && bytes.Contains(c, []byte("]:")):
			if !isDocLinkDef(c[3:]) {
				return false
			}
			lk = bkLinks
		case c[3] == ' ', c[3] == '#', c[3] >= 0x80, isListMarker(c[3:]):
			return false
		default:
			lk = bkPara
		}
		if lines == 0 {
			if !endBlock(lk) {
				return false
			}
			if lk == bkList && string(c[2:7]) == "   - " && prevKind == bkList {
				return false // gofmt joins two lists a blank line apart into one loose list
			}
			kind = lk
			blocks++
			if lk == bkList && string(c[2:7]) != "   - " && prevKind != bkList || lk == bkLinks && blocks == 1 {
				return false
			}
		} else if lk != kind {
			return false
		}
		lines++
		lastStop = isStop(c[len(c)-1])
	}
	prevKind, prevLines, prevStop = kind, lines, lastStop
	return endBlock(bkNone)
}

// isDocLinkDef reports whether b is a doc link definition "[text]: https://..." or
// "http://...", the URL without blanks.
func isDocLinkDef(b []byte) bool {
	e := bytes.Index(b, []byte("]: "))
	if e < 2 || bytes.IndexByte(b[1:e], ']') >= 0 || bytes.IndexByte(b[1:e], '[') >= 0 {
		return false
	}
	u := b[e+3:]
	return (bytes.HasPrefix(u, []byte("https://")) || bytes.HasPrefix(u, []byte("http://"))) &&
		bytes.IndexByte(u, ' ') < 0
}

// isListMarker reports whether the text of a comment line starts with a list marker:
// "-", "*" or "+", or digits and "." or ")", followed by a space. (gofmt leaves "*x" or
// "1.5 x" as they are.)
func isListMarker(b []byte) bool {
	i := 0
	switch b[0] {
	case '-', '*', '+':
		i = 1
	default:
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		if i == 0 || i == len(b) || b[i] != '.' && b[i] != ')' {
			return false
		}
		i++
	}
	return i == len(b) || b[i] == ' '
}

// isStop reports whether c ends a sentence or clause.
func isStop(c byte) bool {
	switch c {
	case '.', ':', '!', '?', ',', ';':
		return true
	}
	return false
}

// write pads the alignment cells of the lines and writes them, indented with tabs.
// gofmt aligns a column over a section of consecutive lines of the same kind in the same
// bracketed block without a blank or comment line between them; a cell is padded with spaces to the
// widest of its column plus one.
func (f *fmtState) write(out []byte) []byte {
	n := 0
	for _, l := range f.lines {
		n += int(l.e-l.s) + int(l.indent) + 2 + 8*int(l.ncut)
	}
	out = slices.Grow(out, n)
	var w [2]int32
	end := 0 // end of the current section in f.lines
	for k, l := range f.lines {
		if k >= end && l.ncut > 0 {
			// Find the section starting at k and its column widths.
			w = [2]int32{}
			end = k
			for end < len(f.lines) {
				m := f.lines[end]
				if end > k && (m.blank || m.class == alNone || m.class != l.class || m.group != l.group) {
					break
				}
				w[0] = max(w[0], m.cut[0])
				if m.ncut > 1 {
					w[1] = max(w[1], m.cut[1]-m.cut[0])
				}
				end++
				if l.class == alNone {
					break
				}
			}
		}
		if l.blank {
			out = append(out, '\n')
		}
		for range l.indent {
			out = append(out, '\t')
		}
		text := f.out[l.s:l.e]
		if l.ncut == 0 {
			out = append(out, text...)
		} else {
			out = append(out, text[:l.cut[0]]...)
			out = appendSpaces(out, int(w[0]-l.cut[0])+1)
			if l.ncut == 1 {
				out = append(out, text[l.cut[0]:]...)
			} else {
				out = append(out, text[l.cut[0]:l.cut[1]]...)
				out = appendSpaces(out, int(w[1]-(l.cut[1]-l.cut[0]))+1)
				out = append(out, text[l.cut[1]:]...)
			}
		}
		out = append(out, '\n')
	}
	return out
}

// appendSpaces appends n spaces to b.
func appendSpaces(b []byte, n int) []byte {
	for range n {
		b = append(b, ' ')
	}
	return b
}
