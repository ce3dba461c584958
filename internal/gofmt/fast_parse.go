package gofmt

// The fast formatter must decline input that is not Go: go/format fails on it. fmtParser is
// a recognizer of the subset of Go the formatter handles, by recursive descent over the
// tokens with the semicolons Go's lexer inserts at line ends; whatever it does not know it
// rejects, so that what it accepts parses. It builds nothing: the layout pass formats.

// fmtSemi marks, in fmtParser.seq, a semicolon the lexer inserts at a line end.
const fmtSemi = -1

// fmtParser holds the code tokens of a fmtState (comments dropped) with inserted
// semicolons, and the position in them.
type fmtParser struct {
	f     *fmtState
	seq   []int32 // indexes into f.toks, or fmtSemi
	k     int
	guard bool // a type switch guard x.(type) was read
	// typeOK allows the next operand to be a bare type (make([]T, n)): set for call
	// arguments, cleared by the operand.
	typeOK bool
}

// valid reports whether f's tokens are a Go file fmtParser recognizes.
func (f *fmtState) valid() bool {
	p := fmtParser{f: f, seq: grow(f.seq, len(f.toks)+len(f.toks)/4)}
	defer func() { f.seq = p.seq }()
	last := -1
	for i, t := range f.toks {
		if t.kind == tkComment {
			continue
		}
		if last >= 0 && t.nl > 0 && f.semiAfter(last) {
			p.seq = append(p.seq, fmtSemi)
		}
		p.seq = append(p.seq, int32(i))
		last = i
	}
	if last >= 0 && f.semiAfter(last) {
		p.seq = append(p.seq, fmtSemi)
	}
	return p.file()
}

// semiAfter reports whether the lexer inserts a semicolon after token i at a line end.
func (f *fmtState) semiAfter(i int) bool {
	t := f.toks[i]
	switch t.kind {
	case tkIdent, tkInt, tkString:
		return true
	case tkKeyword:
		switch t.kw {
		case kwBreak, kwContinue, kwFallthrough, kwReturn:
			return true
		}
		return false
	}
	switch t.op {
	case opCode(")"), opCode("]"), opCode("}"), opCode("++"), opCode("--"):
		return true
	}
	return false
}

// cur returns the current token index, or fmtSemi, or -2 at the end.
func (p *fmtParser) cur() int {
	if p.k >= len(p.seq) {
		return -2
	}
	return int(p.seq[p.k])
}

// curOp returns the current token's opCode, 0 if it is not an operator.
func (p *fmtParser) curOp() uint16 {
	if p.k >= len(p.seq) || p.seq[p.k] < 0 {
		return 0
	}
	return p.f.toks[p.seq[p.k]].op
}

// op reports whether the current token is the operator s.
func (p *fmtParser) op(s string) bool {
	return p.curOp() == opCode(s)
}

// got consumes the operator s if it is current.
func (p *fmtParser) got(s string) bool {
	if p.op(s) {
		p.k++
		return true
	}
	return false
}

// kw returns the current token's keyword code.
func (p *fmtParser) kw() uint8 {
	c := p.cur()
	if c < 0 {
		return kwNone
	}
	return p.f.kw(c)
}

// kind returns the current token's kind, or 255 for a semicolon or the end.
func (p *fmtParser) kind() uint8 {
	c := p.cur()
	if c < 0 {
		return 255
	}
	return p.f.toks[c].kind
}

// ident consumes an identifier.
func (p *fmtParser) ident() bool {
	if p.kind() == tkIdent {
		p.k++
		return true
	}
	return false
}

// semi consumes the end of a statement or declaration: a semicolon, or nothing before a
// closing ")" or "}" or at the end.
func (p *fmtParser) semi() bool {
	if p.cur() == fmtSemi || p.op(";") {
		p.k++
		return true
	}
	return p.cur() == -2 || p.op(")") || p.op("}")
}

// file: package clause, imports, declarations.
func (p *fmtParser) file() bool {
	if p.kw() != kwPackage {
		return false
	}
	p.k++
	if !p.ident() || !p.semi() {
		return false
	}
	for p.kw() == kwImport {
		p.k++
		if p.got("(") {
			for !p.op(")") {
				if p.kind() != tkString || p.f.src[p.f.toks[p.cur()].s] != '"' {
					return false
				}
				p.k++
				if !p.semi() {
					return false
				}
			}
			p.k++
		} else if p.kind() == tkString && p.f.src[p.f.toks[p.cur()].s] == '"' {
			p.k++
		} else {
			return false
		}
		if !p.semi() {
			return false
		}
	}
	for p.cur() != -2 {
		switch p.kw() {
		case kwFunc:
			if !p.funcDecl() {
				return false
			}
		case kwType:
			p.k++
			if !p.ident() {
				return false
			}
			p.got("=")
			if !p.typ() {
				return false
			}
		case kwVar, kwConst:
			if !p.varDecl() {
				return false
			}
		default:
			return false
		}
		if p.op(")") || p.op("}") || !p.semi() {
			return false
		}
	}
	return true
}

// funcDecl: func [receiver] name signature body.
func (p *fmtParser) funcDecl() bool {
	p.k++
	if p.op("(") {
		if !p.params() {
			return false
		}
	}
	return p.ident() && p.signature() && p.op("{") && p.block()
}

// varDecl: var or const, one spec or a group of them; a spec is one name with a type, a
// value or both (a const always has a value).
func (p *fmtParser) varDecl() bool {
	isConst := p.kw() == kwConst
	p.k++
	spec := func() bool {
		if !p.ident() {
			return false
		}
		typed := !p.op("=")
		if typed && !p.typ() {
			return false
		}
		if p.got("=") {
			return p.expr(false)
		}
		return typed && !isConst
	}
	if !p.got("(") {
		return spec()
	}
	for !p.op(")") {
		if !spec() || !p.semi() {
			return false
		}
	}
	p.k++
	return true
}

// signature: parameters and results.
func (p *fmtParser) signature() bool {
	if !p.params() {
		return false
	}
	if p.op("(") {
		return p.params()
	}
	if p.startsType() {
		return p.typ()
	}
	return true
}

// startsType reports whether the current token can start a type.
func (p *fmtParser) startsType() bool {
	switch p.kw() {
	case kwMap, kwStruct, kwInterface, kwFunc:
		return true
	}
	return p.kind() == tkIdent || p.op("*") || p.op("[")
}

// params: "(" items ")", either all types or "name Type" items, where names may share the
// type that follows ("a, b T"); a final "...T" is variadic.
func (p *fmtParser) params() bool {
	if !p.got("(") {
		return false
	}
	named, bare, types := 0, 0, 0 // "name Type" items, lone names or types, other types
	lastNamed := false
	for !p.op(")") {
		variadic := false
		switch {
		case p.kind() == tkIdent && p.k+1 < len(p.seq) && p.nextOp(",", ")"):
			p.k++
			bare++
			lastNamed = false
		case p.kind() == tkIdent && p.k+1 < len(p.seq) && !p.nextOp("."):
			p.k++
			named++
			lastNamed = true
			variadic = p.got("...")
			if !p.typ() {
				return false
			}
		default:
			types++
			lastNamed = false
			variadic = p.got("...")
			if !p.typ() {
				return false
			}
		}
		if p.op(")") {
			break
		}
		if variadic || !p.got(",") {
			return false
		}
	}
	p.k++
	return named == 0 || types == 0 && lastNamed
}

// nextOp reports whether the token after the current one is one of the operators ops.
func (p *fmtParser) nextOp(ops ...string) bool {
	c := p.seq[p.k+1]
	if c < 0 || p.f.toks[c].kind != tkOp {
		return false
	}
	for _, o := range ops {
		if string(p.f.text(p.f.toks[c])) == o {
			return true
		}
	}
	return false
}

// typ: a type fmtParser recognizes.
func (p *fmtParser) typ() bool {
	switch p.kw() {
	case kwMap:
		p.k++
		return p.got("[") && p.typ() && p.got("]") && p.typ()
	case kwStruct:
		p.k++
		if !p.got("{") {
			return false
		}
		for !p.op("}") {
			if !p.ident() {
				return false
			}
			for p.got(",") {
				if !p.ident() {
					return false
				}
			}
			if !p.typ() || !p.semi() {
				return false
			}
		}
		p.k++
		return true
	case kwInterface:
		p.k++
		return p.got("{") && p.got("}")
	case kwFunc:
		p.k++
		return p.signature()
	}
	switch {
	case p.got("*"):
		return p.typ()
	case p.got("["):
		return p.got("]") && p.typ()
	case p.ident():
		if p.got(".") {
			return p.ident()
		}
		return true
	}
	return false
}

// block: "{" statements "}".
func (p *fmtParser) block() bool {
	if !p.got("{") {
		return false
	}
	for !p.op("}") {
		if !p.stmt() || !p.semi() {
			return false
		}
	}
	p.k++
	return true
}

// stmt: a statement of the subset.
func (p *fmtParser) stmt() bool {
	switch p.kw() {
	case kwReturn:
		p.k++
		if p.cur() == fmtSemi || p.op("}") {
			return true
		}
		return p.exprList(false)
	case kwBreak, kwContinue, kwFallthrough:
		p.k++
		return true
	case kwVar:
		return p.varDecl()
	case kwGo, kwDefer:
		p.k++
		call := false
		if !p.unary(false, &call) {
			return false
		}
		return call
	case kwIf:
		return p.ifStmt()
	case kwFor:
		p.k++
		if p.op("{") {
			return p.block()
		}
		switch p.simpleStmt(true, true) {
		case ssBad:
			return false
		case ssAssign:
			// for init; cond; post
			if !p.got(";") || !p.expr(true) || !p.got(";") || p.simpleStmt(true, false) != ssAssign {
				return false
			}
		}
		return p.op("{") && p.block()
	case kwSwitch:
		return p.switchStmt()
	case kwNone:
		if p.kind() == 255 || p.op("{") {
			return false
		}
		return p.simpleStmt(false, false) != ssBad
	}
	return false
}

// ifStmt: if [init;] cond block [else (if | block)].
func (p *fmtParser) ifStmt() bool {
	p.k++
	switch p.simpleStmt(true, false) {
	case ssBad:
		return false
	case ssAssign:
		if !p.got(";") || !p.expr(true) {
			return false
		}
	case ssExpr:
		if p.got(";") && !p.expr(true) {
			return false
		}
	}
	if !p.op("{") || !p.block() {
		return false
	}
	if p.kw() == kwElse {
		p.k++
		if p.kw() == kwIf {
			return p.ifStmt()
		}
		return p.op("{") && p.block()
	}
	return true
}

// switchStmt: switch [init;] [tag | x := y.(type) | y.(type)] { clauses }.
func (p *fmtParser) switchStmt() bool {
	p.k++
	if !p.op("{") {
		save := p.k
		if !p.typeSwitchGuard() {
			p.k = save
			switch p.simpleStmt(true, false) {
			case ssBad:
				return false
			case ssAssign:
				if !p.got(";") {
					return false
				}
				if !p.op("{") {
					save = p.k
					if !p.typeSwitchGuard() {
						p.k = save
						if p.simpleStmt(true, false) != ssExpr {
							return false
						}
					}
				}
			case ssExpr:
				if p.op(";") {
					return false
				}
			}
		}
	}
	if !p.got("{") {
		return false
	}
	def := false
	for !p.op("}") {
		switch p.kw() {
		case kwCase:
			p.k++
			if !p.exprList(false) {
				return false
			}
		case kwDefault:
			if def {
				return false
			}
			def = true
			p.k++
		default:
			return false
		}
		if !p.got(":") {
			return false
		}
		for p.kw() != kwCase && p.kw() != kwDefault && !p.op("}") {
			if !p.stmt() || !p.semi() {
				return false
			}
		}
	}
	p.k++
	return true
}

// typeSwitchGuard: [name :=] x.(type), followed by "{".
func (p *fmtParser) typeSwitchGuard() bool {
	if p.kind() == tkIdent && p.k+1 < len(p.seq) {
		save := p.k
		p.k++
		if !p.got(":=") {
			p.k = save
		}
	}
	p.guard = false
	return p.primary(true, nil, true) && p.guard && p.op("{")
}

// Kinds of simple statements.
const (
	ssBad    = iota
	ssExpr   // an expression
	ssAssign // an assignment or x++/x--
	ssRange  // a for clause's "k, v := range x"
)

// simpleStmt: an expression, an assignment (=, :=, +=, -=) or x++/x--; in a header (noLit)
// composite literals need parentheses. forRange allows "k, v := range x". It returns the
// kind of statement, ssBad if there is none.
func (p *fmtParser) simpleStmt(noLit, forRange bool) int {
	if forRange && p.kw() == kwRange {
		p.k++
		return okKind(p.expr(true), ssRange)
	}
	n := 0
	allNames := true
	for {
		k0 := p.k
		if !p.expr(noLit) {
			return ssBad
		}
		if p.k != k0+1 || p.f.toks[p.seq[k0]].kind != tkIdent {
			allNames = false
		}
		n++
		if !p.got(",") {
			break
		}
	}
	switch {
	case p.op("=") || p.op(":=") || p.op("+=") || p.op("-="):
		define := p.op(":=")
		plain := define || p.op("=")
		if define && !allNames || (p.op("+=") || p.op("-=")) && n != 1 {
			return ssBad
		}
		p.k++
		if forRange && p.kw() == kwRange && n <= 2 && plain {
			p.k++
			return okKind(p.expr(true), ssRange)
		}
		return okKind(p.exprList(noLit), ssAssign)
	case p.op("++") || p.op("--"):
		p.k++
		return okKind(n == 1, ssAssign)
	}
	return okKind(n == 1, ssExpr)
}

// okKind returns kind if ok, else ssBad.
func okKind(ok bool, kind int) int {
	if ok {
		return kind
	}
	return ssBad
}

// exprList: expressions separated by commas.
func (p *fmtParser) exprList(noLit bool) bool {
	for {
		if !p.expr(noLit) {
			return false
		}
		if !p.got(",") {
			return true
		}
	}
}

// binaryOp reports whether the current token is a binary operator.
func (p *fmtParser) binaryOp() bool {
	switch p.curOp() {
	case opCode("||"), opCode("&&"), opCode("=="), opCode("!="), opCode("<"), opCode("<="), opCode(">"),
		opCode(">="), opCode("+"), opCode("-"), opCode("*"), opCode("/"), opCode("%"), opCode("|"),
		opCode("^"), opCode("&"):
		return true
	}
	return false
}

// expr: unary expressions joined by binary operators.
func (p *fmtParser) expr(noLit bool) bool {
	if !p.unary(noLit, nil) {
		return false
	}
	for p.binaryOp() {
		p.k++
		if !p.unary(noLit, nil) {
			return false
		}
	}
	return true
}

// unary: unary operators and a primary expression; *call reports whether it ended in a call.
func (p *fmtParser) unary(noLit bool, call *bool) bool {
	for {
		switch p.curOp() {
		case opCode("-"), opCode("+"), opCode("!"), opCode("^"), opCode("*"), opCode("&"):
			p.k++
			call = nil
			continue
		}
		break
	}
	return p.primary(noLit, call, false)
}

// primary: an operand and its selectors, calls, indexes, slices and composite literals.
// guard allows x.(type) as the last suffix (a type switch).
func (p *fmtParser) primary(noLit bool, call *bool, guard bool) bool {
	typeOK := p.typeOK
	p.typeOK = false
	litType := false // the operand can be a composite literal's type
	switch {
	case p.kind() == tkInt || p.kind() == tkString:
		p.k++
	case p.kind() == tkIdent:
		p.k++
		litType = true
		if p.op(".") && p.k+1 < len(p.seq) && p.f.toks[p.seq[p.k+1]].kind == tkIdent {
			p.k += 2
		}
	case p.op("("):
		p.k++
		if !p.expr(false) || !p.got(")") {
			return false
		}
	case p.kw() == kwFunc:
		p.k++
		if !p.signature() {
			return false
		}
		if p.op("{") {
			if !p.block() {
				return false
			}
		} else if !p.op(")") {
			return false // a func type is only handled as a conversion's type
		}
	case p.op("[") || p.kw() == kwMap || p.kw() == kwStruct || p.kw() == kwInterface:
		if !p.typ() {
			return false
		}
		litType = true
		// A type literal is an operand only as a literal's or conversion's type, or as
		// a call argument.
		if !(p.op("{") && !noLit || p.op("(") || typeOK) {
			return false
		}
	default:
		return false
	}
	if call != nil {
		*call = false
	}
	for {
		switch {
		case p.op("{") && litType && !noLit:
			if !p.literal() {
				return false
			}
			if call != nil {
				*call = false
			}
		case p.got("."):
			if p.got("(") {
				if p.kw() == kwType {
					p.k++
					p.guard = true
					return guard && p.got(")") && p.op("{")
				}
				if !p.typ() || !p.got(")") {
					return false
				}
			} else if !p.ident() {
				return false
			}
			if call != nil {
				*call = false
			}
		case p.got("("):
			for !p.op(")") {
				p.typeOK = true
				if !p.expr(false) {
					return false
				}
				if p.got("...") {
					if !p.op(")") {
						return false
					}
					break
				}
				if !p.got(",") {
					break
				}
			}
			if !p.got(")") {
				return false
			}
			if call != nil {
				*call = true
			}
		case p.got("["):
			if !p.op(":") && !p.expr(false) {
				return false
			}
			if p.got(":") {
				if !p.op("]") && !p.expr(false) {
					return false
				}
			}
			if !p.got("]") {
				return false
			}
			if call != nil {
				*call = false
			}
		default:
			return true
		}
		litType = false
	}
}

// literal: a composite literal's "{" elements "}"; an element is [key:] value, and a value
// may be a literal with its type elided.
func (p *fmtParser) literal() bool {
	p.k++
	elem := func() bool {
		if p.op("{") {
			return p.literal()
		}
		return p.expr(false)
	}
	for !p.op("}") {
		if !elem() {
			return false
		}
		if p.got(":") && !elem() {
			return false
		}
		if !p.got(",") {
			break
		}
	}
	return p.got("}")
}
