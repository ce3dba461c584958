package gofmt

import "bytes"

// lineFmt is the state of laying out one source line (fmtState.line): the line being built,
// what its first token and the enclosing brackets make of it, and what the tokens laid out
// so far leave for the next one. Each method returns false to decline the line.
type lineFmt struct {
	f    *fmtState
	i, j int // the line's tokens are f.toks[i:j]
	ln   fmtLine

	first    fmtTok
	kw0      uint8 // the first token's keyword
	top      uint8 // the role of the innermost bracket open before the line
	opened   bool  // the previous line ended in an opening bracket
	closing  bool  // the line starts with a closing bracket
	poppedLo int   // the depth of the group the line's first bracket closes, or -1
	floor    int   // brackets below floor belong to enclosing lines

	// Alignment candidates by position.
	inStruct, inSpecs, inImports, inLit bool

	header    bool // the line is an if, for or switch header
	headDepth int
	isSwitch  bool

	prev      int   // the class (pc...) of the previous token
	prevKw    uint8 // the previous token's keyword, if it was one
	noSpace   bool  // the next token follows an alignment cut
	lineStart int   // the bracket depth at the start of the line
	minDepth  int   // the lowest bracket depth the line reaches

	sigs [4]fmtSig // signatures open on this line
	nsig int

	declFunc   bool
	kvKeyOK    bool
	specAssign bool
	fieldNames bool // in the names of a struct field with several
	plus, cmp  bool // a binary "+", comparisons at line depth
	commas     int  // commas at line depth

	// ended is set when a token ended the line's output itself (an empty else block).
	ended bool
}

// line lays out the source line of tokens i..j-1.
func (f *fmtState) line(i, j int) bool {
	if f.toks[i].kind == tkComment {
		return f.commentOnlyLine(i)
	}
	l := &lineFmt{f: f, i: i, j: j}
	if !l.head() {
		return false
	}
	for k := i; k < j; k++ {
		t := f.toks[k]
		var ok bool
		switch t.kind {
		case tkComment:
			return false // trailing comments are aligned by gofmt; not handled
		case tkIdent, tkInt, tkString:
			ok = l.operand(k, t)
		case tkKeyword:
			ok = l.keyword(k, t)
		case tkOp:
			ok = l.op(k, t)
		}
		if !ok {
			return false
		}
		if l.ended {
			return f.endLine(j, l.minDepth, l.poppedLo)
		}
		if t.kind != tkKeyword {
			l.prevKw = kwNone
		}
	}
	if !l.tail() {
		return false
	}
	l.ln.e = int32(len(f.out))
	f.lines = append(f.lines, l.ln)
	return f.endLine(j, l.minDepth, l.poppedLo)
}

// commentOnlyLine lays out a line of comments starting at token i.
func (f *fmtState) commentOnlyLine(i int) bool {
	toks := f.toks
	ln := fmtLine{s: int32(len(f.out)), blank: toks[i].nl >= 2 && len(f.lines) > 0, indent: int32(len(f.groups))}
	if len(f.groups) > 0 {
		ln.group = f.groups[len(f.groups)-1].id
	}
	opened := f.opened
	f.opened = false
	// gofmt drops or keeps a blank line after an opening bracket: not handled.
	if ln.blank && opened {
		return false
	}
	// gofmt can drop the comments of a block that has nothing else, and moves those that
	// end a declaration group: comments before a closing bracket are handled in statement
	// blocks only.
	k := i + 1
	for k < len(toks) && toks[k].kind == tkComment {
		k++
	}
	if k < len(toks) && (f.is(k, "}") || f.is(k, ")") || f.is(k, "]")) && (opened || f.topRole() != brBlock) {
		return false
	}
	return f.commentLine(i, ln)
}

// head sets the line up from its first token and the brackets open before it:
// indentation, a closing bracket that starts it, case clauses, blank lines between
// top-level declarations, alignment candidates and import order.
func (l *lineFmt) head() bool {
	f, i, j := l.f, l.i, l.j
	l.first = f.toks[i]
	first := l.first
	l.ln = fmtLine{s: int32(len(f.out)), blank: first.nl >= 2 && len(f.lines) > 0, indent: int32(len(f.groups))}
	if len(f.groups) > 0 {
		l.ln.group = f.groups[len(f.groups)-1].id
	}
	l.opened = f.opened
	f.opened = false
	closer := first.kind == tkOp && (f.is(i, "}") || f.is(i, ")") || f.is(i, "]"))
	// gofmt drops or keeps a blank line after an opening bracket or before a closing one
	// depending on the construct: not handled.
	if l.ln.blank && (l.opened || closer) {
		return false
	}

	// gofmt indents a line by one tab per enclosing line that ended in an opening bracket;
	// the line that closes such a bracket goes back to that line's indentation.
	if len(f.groups) > 0 {
		l.floor = f.groups[len(f.groups)-1].lo
	}
	l.poppedLo = -1
	if closer {
		if len(f.groups) == 0 {
			return false
		}
		l.poppedLo = f.groups[len(f.groups)-1].lo
		f.groups = f.groups[:len(f.groups)-1]
		l.ln.indent--
		l.closing = true
		if len(f.groups) > 0 {
			l.ln.group = f.groups[len(f.groups)-1].id
		}
	}
	l.top = f.topRole()
	l.kw0 = f.kw(i)
	top, kw0 := l.top, l.kw0
	// gofmt keeps an empty block or struct on two lines but joins an empty literal, call or
	// declaration group onto one: not handled.
	if l.closing && l.opened && top != brBlock && top != brStruct {
		return false
	}
	// gofmt prints "case" and "default" clauses at the indentation of their switch.
	if top == brSwitch && !l.closing && (kw0 == kwCase || kw0 == kwDefault) {
		l.ln.indent--
		if !f.is(j-1, ":") {
			return false
		}
	}

	// Top-level declarations: gofmt separates two of different keywords (func, type, var,
	// const, import, package) by a blank line, put before the comments that precede the
	// second, and keeps those of the same keyword as they are.
	if len(f.brs) == 0 {
		switch kw0 {
		case kwFunc, kwType, kwVar, kwConst, kwImport, kwPackage:
			if f.lastKind != kwNone && f.lastKind != kw0 {
				k := f.lastDeclEnd + 1
				if k == len(f.lines) {
					l.ln.blank = true
				} else {
					f.lines[k].blank = true
				}
			}
			f.lastKind = kw0
		default:
			return false
		}
	}

	inner := !l.closing && len(f.brs) > 0
	groupKw := uint8(kwNone)
	if inner {
		groupKw = f.brs[len(f.brs)-1].kw
	}
	l.inStruct = top == brStruct && !l.closing
	l.inSpecs = top == brDeclGroup && inner && (groupKw == kwVar || groupKw == kwConst)
	l.inImports = top == brDeclGroup && inner && groupKw == kwImport
	l.inLit = top == brLit && !l.closing
	if top == brDeclGroup && !l.closing && !l.inSpecs && !l.inImports {
		return false
	}
	if l.inImports {
		// gofmt sorts the imports of a group; sorted ones stay.
		if j != i+1 || first.kind != tkString || f.src[first.s] != '"' {
			return false
		}
		p := f.text(first)
		if f.imports != nil && bytes.Compare(f.imports, p) >= 0 || first.nl >= 2 {
			return false
		}
		f.imports = p
	}

	l.prev = pcStart
	l.lineStart = len(f.brs)
	l.minDepth = len(f.brs)
	l.declFunc = kw0 == kwFunc && len(f.brs) == 0
	return true
}

// emit appends token t to the line, after a space when space is set.
func (l *lineFmt) emit(t fmtTok, space bool) {
	f := l.f
	if space && !l.noSpace && len(f.out) > int(l.ln.s) {
		f.out = append(f.out, ' ')
	}
	l.noSpace = false
	f.out = append(f.out, f.src[t.s:t.e]...)
}

// cut ends an alignment cell at the output's end.
func (l *lineFmt) cut() bool {
	if l.ln.ncut == 2 {
		return false
	}
	l.ln.cut[l.ln.ncut] = int32(len(l.f.out)) - l.ln.s
	l.ln.ncut++
	l.noSpace = true
	return true
}

// endSigs ends the signatures at depth d or deeper that have no body (func types).
func (l *lineFmt) endSigs(d int) {
	for l.nsig > 0 && l.sigs[l.nsig-1].depth >= d {
		l.nsig--
	}
}

func (l *lineFmt) push(role uint8, sig uint8) {
	l.f.brs = append(l.f.brs, fmtBr{role: role, kw: sig})
}

// atSig reports whether the innermost open signature is at the current bracket depth.
func (l *lineFmt) atSig() bool {
	return l.nsig > 0 && l.sigs[l.nsig-1].depth == len(l.f.brs)
}

// operand lays out an identifier or a literal at token k.
func (l *lineFmt) operand(k int, t fmtTok) bool {
	f, i, j := l.f, l.i, l.j
	toks := f.toks
	depth := len(f.brs)
	switch l.prev {
	case pcStart, pcOpen, pcTight:
		l.emit(t, false)
	case pcSpace, pcTypeNext:
		l.emit(t, true)
	case pcOperand:
		// Two operands in a row occur in declarations: a name and its type.
		if t.kind != tkIdent || toks[k-1].kind != tkIdent && !f.is(k-1, ")") {
			return false
		}
		l.emit(t, true)
	}
	l.prev = pcOperand
	if t.kind != tkIdent {
		return true
	}
	// Is this a declared name, followed by its type?
	name := false
	switch {
	case k == i && l.inStruct && f.is(k+1, ","):
		l.fieldNames = true // "A, B Type"
	case l.fieldNames && depth == l.lineStart && f.is(k-1, ",") && f.is(k+1, ","):
	case k == i && l.inStruct, l.fieldNames && depth == l.lineStart && f.is(k-1, ","):
		// gofmt aligns the types of consecutive fields "Name Type" or "A, B Type", the
		// names taken as one cell.
		if k+1 >= j || f.is(k+1, ".") || toks[k+1].kind == tkString {
			return false
		}
		l.fieldNames = false
		name = true
		if !l.cut() {
			return false
		}
		l.ln.class = alField
	case k == i && l.inSpecs:
		if k+1 >= j || f.is(k+1, ",") {
			return false
		}
		name = true
		if !l.cut() {
			return false
		}
		l.ln.class = alSpec
	case l.prevKw == kwVar || l.prevKw == kwConst || l.prevKw == kwType:
		name = k+1 < j && !f.is(k+1, "=") && !f.is(k+1, ",")
	case depth > 0 && f.brs[depth-1].role == brParams && (f.is(k-1, "(") || f.is(k-1, ",")):
		name = k+1 < j && !f.is(k+1, ",") && !f.is(k+1, ")") && !f.is(k+1, ".")
	}
	if name {
		if f.is(k+1, "[") && !f.is(k+2, "]") {
			return false
		}
		l.prev = pcTypeNext
	}
	return true
}

// keyword lays out the keyword at token k.
func (l *lineFmt) keyword(k int, t fmtTok) bool {
	f, i := l.f, l.i
	depth := len(f.brs)
	atSig := l.atSig()
	kw := t.kw
	switch l.prev {
	case pcStart, pcOpen, pcTight:
		l.emit(t, false)
	default:
		l.emit(t, true)
	}
	l.prev = pcSpace
	switch kw {
	case kwChan, kwGoto, kwSelect, kwPackage:
		if kw != kwPackage || k != i {
			return false
		}
	case kwImport:
		if k != i || len(f.brs) != 0 {
			return false
		}
	case kwIf, kwFor, kwSwitch:
		if l.header {
			return false
		}
		l.header, l.headDepth, l.isSwitch = true, depth, kw == kwSwitch
	case kwFunc:
		if atSig && l.sigs[l.nsig-1].state >= sigResults {
			return false // a func type as a result
		}
		if l.nsig == len(l.sigs) {
			return false
		}
		st := uint8(sigParams)
		if l.declFunc && k == i && f.is(k+1, "(") {
			st = sigRecv
		}
		l.sigs[l.nsig] = fmtSig{depth: depth, state: st}
		l.nsig++
		l.prev = pcTight
		if l.declFunc && k == i {
			l.prev = pcSpace
		}
	case kwMap, kwStruct, kwInterface:
		l.prev = pcTight
	case kwType:
		if l.prevKw == 0 && k > i && f.is(k-1, "(") {
			l.prev = pcOperand // x.(type)
		}
	case kwBreak, kwContinue, kwFallthrough, kwReturn:
	}
	l.prevKw = kw
	return true
}

// op lays out the operator or punctuation at token k.
func (l *lineFmt) op(k int, t fmtTok) bool {
	op := l.f.text(t)
	switch op[0] {
	case '(':
		return l.openParen(k, t)
	case '[':
		return l.openBracket(k, t)
	case '{':
		return l.openBrace(k, t)
	case ')', ']', '}':
		return l.closeBracket(k, t, op[0])
	case ',':
		return l.comma(k, t)
	case ';':
		if !l.header || len(l.f.brs) != l.headDepth || l.prev == pcStart {
			return false
		}
		l.endSigs(len(l.f.brs))
		l.emit(t, false)
		l.prev = pcSpace
		return true
	case ':':
		return l.colon(k, t, len(op) == 2)
	case '.':
		return l.dot(k, t, len(op) == 3)
	case '=':
		if len(op) == 1 {
			return l.assign(k, t)
		}
	}
	return l.operator(k, t, string(op))
}

func (l *lineFmt) openParen(k int, t fmtTok) bool {
	f, i, j := l.f, l.i, l.j
	depth := len(f.brs)
	role, sf := uint8(brParen), uint8(sfNone)
	space := l.prev == pcSpace || l.prev == pcTypeNext
	if l.atSig() {
		switch l.sigs[l.nsig-1].state {
		case sigRecv:
			role, sf = brParams, sfRecv
		case sigParams:
			role, sf = brParams, sfParams
		case sigResults:
			role, sf, space = brParams, sfResults, true
			if f.is(k+1, ")") {
				return false // gofmt drops an empty result list
			}
			// gofmt prints a result list of one unnamed type without its parentheses:
			// "(error)" as "error".
			if f.oneUnnamed(k, j) {
				sf = sfResultsElided
			}
		default:
			return false
		}
	} else if l.prevKw == kwVar || l.prevKw == kwConst || l.prevKw == kwImport || l.prevKw == kwType {
		if k != i+1 || k+1 != j {
			return false
		}
		role, sf = brDeclGroup, l.prevKw
		f.imports = nil
	}
	if l.prev == pcTypeNext && role != brParams {
		return false
	}
	// gofmt drops the parentheses around a whole if, for or switch condition: not handled.
	if l.header && depth == l.headDepth && (l.prevKw == kwIf || l.prevKw == kwFor || l.prevKw == kwSwitch || f.is(k-1, ";")) {
		if m := f.closeOf(k, j); m < 0 || f.is(m+1, "{") || f.is(m+1, ";") {
			return false
		}
	}
	l.push(role, sf)
	if role == brParams && sf == sfResultsElided {
		l.prev = pcTypeNext
		return true
	}
	l.emit(t, space)
	l.prev = pcOpen
	return true
}

func (l *lineFmt) openBracket(k int, t fmtTok) bool {
	f := l.f
	role := uint8(brIndex)
	space := false
	switch l.prev {
	case pcOperand:
		if l.prevKw == kwMap {
			role = brType
		}
	case pcTight:
		role = brType
		if l.prevKw != kwMap && !f.is(k+1, "]") {
			return false
		}
	default:
		if !f.is(k+1, "]") {
			return false
		}
		role = brType
		space = l.prev == pcSpace || l.prev == pcTypeNext
	}
	l.emit(t, space)
	l.push(role, 0)
	l.prev = pcOpen
	return true
}

func (l *lineFmt) openBrace(k int, t fmtTok) bool {
	f, j := l.f, l.j
	depth := len(f.brs)
	role := uint8(brLit)
	space := false
	last := k+1 == j
	emptyNext := k+1 < j && f.is(k+1, "}")
	switch {
	case l.prevKw == kwStruct || l.prevKw == kwInterface:
		// gofmt prints an empty struct{} tight, and "struct {" when the fields start on
		// the next line.
		role = brStruct
		if emptyNext {
			break
		}
		if !last || l.prevKw == kwInterface {
			return false
		}
		space = true
	case l.atSig() && l.sigs[l.nsig-1].state >= sigResults:
		role, space = brBlock, true
		l.nsig--
	case l.prevKw == kwElse || l.prevKw == kwFor || l.prevKw == kwSwitch,
		l.header && depth == l.headDepth && (l.prev == pcOperand || l.prev == pcTypeNext),
		l.prev == pcOperand && f.is(k-1, ")"):
		if !l.header && l.prevKw != kwElse {
			return false
		}
		role, space = brBlock, true
		if l.isSwitch {
			role = brSwitch
		}
	case l.prev == pcOperand:
	case l.prev == pcOpen && f.topRole() == brLit, l.prev == pcSpace && (f.is(k-1, ",") || f.is(k-1, ":")),
		l.prev == pcStart && l.top == brLit:
		// an element literal with its type elided
		space = l.prev == pcSpace
	default:
		return false
	}
	if role == brBlock || role == brSwitch {
		if !last {
			// gofmt prints an empty else block as "{" and "}" on two lines. (It keeps an
			// empty function body "{}" on the line of its signature, and aligns the bodies
			// of consecutive one-line functions: not handled.)
			if !emptyNext || k+2 != j || l.prevKw != kwElse {
				return false
			}
			l.emitEmptyElse(t)
			return true
		}
		l.header = false
	}
	if role == brLit && last && emptyNext {
		return false
	}
	l.emit(t, space)
	l.push(role, 0)
	l.prev = pcOpen
	return true
}

// emitEmptyElse writes the "{" ending the line and a line "}" after it, and ends the line.
func (l *lineFmt) emitEmptyElse(t fmtTok) {
	f := l.f
	l.emit(t, true)
	l.ln.e = int32(len(f.out))
	f.lines = append(f.lines, l.ln)
	l.ln = fmtLine{s: int32(len(f.out)), indent: l.ln.indent, group: l.ln.group}
	f.out = append(f.out, '}')
	l.ln.e = int32(len(f.out))
	f.lines = append(f.lines, l.ln)
	l.ended = true
}

func (l *lineFmt) closeBracket(k int, t fmtTok, c byte) bool {
	f, i := l.f, l.i
	if len(f.brs) == 0 {
		return false
	}
	depth := len(f.brs)
	b := f.brs[len(f.brs)-1]
	want := byte('(')
	if c == ']' {
		want = '['
	} else if c == '}' {
		want = '{'
	}
	if !f.opens(b.role, want) {
		return false
	}
	if len(f.brs)-1 < l.floor && !(l.closing && k == i) {
		return false
	}
	l.endSigs(depth)
	f.brs = f.brs[:len(f.brs)-1]
	l.minDepth = min(l.minDepth, len(f.brs))
	if b.kw != sfResultsElided || b.role != brParams {
		l.emit(t, false)
	}
	l.prev = pcOperand
	if b.role == brType {
		l.prev = pcTight
	}
	if b.role == brParams && l.nsig > 0 && l.sigs[l.nsig-1].depth == len(f.brs) {
		s := &l.sigs[l.nsig-1]
		switch b.kw {
		case sfRecv:
			s.state = sigParams
		case sfParams:
			s.state = sigResults
			l.prev = pcTypeNext
		case sfResults, sfResultsElided:
			s.state = sigBody
		}
	}
	return true
}

func (l *lineFmt) comma(k int, t fmtTok) bool {
	f, j := l.f, l.j
	// gofmt drops a comma before a closing bracket on the same line.
	if l.prev == pcStart || l.prev == pcOpen || f.topRole() == brIndex ||
		k+1 < j && (f.is(k+1, ")") || f.is(k+1, "]") || f.is(k+1, "}")) {
		return false
	}
	depth := len(f.brs)
	l.endSigs(depth)
	l.emit(t, false)
	l.prev = pcSpace
	if depth == l.lineStart {
		l.commas++
	}
	return true
}

// colon lays out ":" (or ":=" when define is set).
func (l *lineFmt) colon(k int, t fmtTok, define bool) bool {
	f, i, j := l.f, l.i, l.j
	depth := len(f.brs)
	if define {
		if l.prev != pcOperand {
			return false
		}
		l.endSigs(depth)
		l.emit(t, true)
		l.prev = pcSpace
		return true
	}
	switch r := f.topRole(); {
	case (l.kw0 == kwCase || l.kw0 == kwDefault) && r == brSwitch && depth == l.lineStart:
		if k+1 != j {
			return false
		}
		l.emit(t, false)
	case r == brLit:
		if l.prev != pcOperand {
			return false
		}
		l.emit(t, false)
		// gofmt aligns the values of consecutive one-line "key: value" elements, the keys
		// padded to the widest; observed for keys of up to 40 bytes.
		if depth < l.lineStart || depth == l.lineStart && !l.inLit {
			return false // an element after a closing bracket: not handled
		}
		if depth == l.lineStart {
			if k != i+1 {
				return false // a key of several tokens: not handled
			}
			if l.first.e-l.first.s > 40 {
				return false
			}
			if !l.cut() {
				return false
			}
			l.kvKeyOK = true
		}
		l.prev = pcSpace
	case r == brIndex:
		// gofmt prints a slice expression of simple operands without spaces.
		l.emit(t, false)
		l.prev = pcOpen
	default:
		return false
	}
	return true
}

// dot lays out "." (or "..." when ellipsis is set).
func (l *lineFmt) dot(k int, t fmtTok, ellipsis bool) bool {
	f := l.f
	if ellipsis {
		// "x..." in arguments is tight, "name ...T" in parameters spaced.
		if l.prev == pcOperand && f.topRole() == brParen && f.is(k+1, ")") {
			l.emit(t, false)
			return true
		}
		if l.prev == pcTypeNext && f.topRole() == brParams {
			l.emit(t, true)
			l.prev = pcTight
			return true
		}
		return false
	}
	// (gofmt keeps "0 .x" apart, lest it read as a number.)
	if l.prev != pcOperand || f.toks[k-1].kind == tkInt {
		return false
	}
	l.emit(t, false)
	l.prev = pcTight
	return true
}

// assign lays out "=".
func (l *lineFmt) assign(k int, t fmtTok) bool {
	depth := len(l.f.brs)
	if l.prev != pcOperand && l.prev != pcTypeNext {
		return false
	}
	if l.inSpecs && depth == l.lineStart {
		l.specAssign = true
		if l.ln.class == alSpec && k > l.i+1 {
			l.ln.class = alSpec2
			if !l.cut() {
				return false
			}
		}
	}
	l.endSigs(depth)
	l.emit(t, true)
	l.prev = pcSpace
	return true
}

// operator lays out a unary or binary operator.
func (l *lineFmt) operator(k int, t fmtTok, op string) bool {
	f, j := l.f, l.j
	depth := len(f.brs)
	binary := l.prev == pcOperand
	switch op {
	case "==", "!=", "<", "<=", ">", ">=", "&&", "||":
		// Comparisons and logical operators: gofmt spaces them, when the expression has no
		// arithmetic operator.
		if !binary || f.topRole() == brIndex {
			return false
		}
		l.cmp = true
		l.emit(t, true)
		l.prev = pcSpace
	case "+":
		// gofmt spaces a lone "+" at the top of a statement ("return a + b", "x = a + b")
		// but compresses it to "a+b" when the expression has other binary operators,
		// several operands lists or nesting: only a line with one binary operator, "+",
		// outside brackets, is handled.
		if !binary || depth != l.lineStart || l.plus {
			return false
		}
		l.plus = true
		l.emit(t, true)
		l.prev = pcSpace
	case "+=", "-=":
		if !binary {
			return false
		}
		l.emit(t, true)
		l.prev = pcSpace
	case "++", "--":
		if !binary || k+1 != j && !(l.header && f.is(k+1, "{")) {
			return false
		}
		l.emit(t, false)
		l.prev = pcOperand
	case "*", "&", "!", "-":
		// Unary operators and the pointer star are tight to their operand.
		if binary || k+1 >= j {
			return false
		}
		if n := f.toks[k+1]; n.kind == tkOp && !f.is(k+1, "(") && !f.is(k+1, "[") && !(op[0] == '*' && f.is(k+1, "*")) {
			return false
		}
		l.emit(t, l.prev == pcSpace || l.prev == pcTypeNext)
		l.prev = pcTight
	default:
		return false
	}
	return true
}

// tail checks how the line ends, and its alignment class, once every token is laid out.
func (l *lineFmt) tail() bool {
	f, j := l.f, l.j
	// A line ending in an operator continues on the next; gofmt indents the continuation:
	// only a comma ending an element of a multi-line literal or call is handled.
	switch last := f.toks[j-1]; last.kind {
	case tkKeyword:
		switch f.kw(j - 1) {
		case kwReturn, kwBreak, kwContinue, kwFallthrough:
		default:
			return false
		}
	case tkOp:
		switch string(f.text(last)) {
		case ")", "]", "}", "++", "--", "{", "(":
		case ",":
			if r := f.topRole(); len(f.brs) != l.minDepth || len(f.groups) == 0 || (r != brLit && r != brParen) {
				return false
			}
		case ":":
			if l.kw0 != kwCase && l.kw0 != kwDefault || l.top != brSwitch {
				return false
			}
		default:
			return false
		}
	}
	if l.plus && (l.cmp || l.commas > 0 || l.header || l.minDepth != l.lineStart || len(f.brs) != l.lineStart || l.closing) {
		return false
	}
	if l.kvKeyOK {
		// gofmt aligns one-line elements only; one whose value continues on the next lines
		// has its value one space after the key.
		if l.commas > 1 {
			return false // several elements on the line: gofmt aligns the first, not handled
		}
		l.ln.class = alNone
		if f.is(j-1, ",") && len(f.brs) == l.lineStart {
			l.ln.class = alKV
		}
	}
	if l.ln.class != alNone && len(f.brs) != l.lineStart {
		return false // an aligned line that continues on the next: not handled
	}
	if l.ln.class == alSpec && !l.specAssign {
		return false // "name Type" without a value: not handled
	}
	if n := len(f.lines); (l.ln.class == alSpec || l.ln.class == alSpec2) && n > 0 && !l.ln.blank {
		// gofmt aligns typed and untyped specs together: not handled.
		if p := f.lines[n-1]; p.group == l.ln.group && (p.class == alSpec || p.class == alSpec2) && p.class != l.ln.class {
			return false
		}
	}
	if l.header {
		return false // a header that does not end in its block
	}
	return true
}
