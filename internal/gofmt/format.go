// Package gofmt formats generated Go source. Its one call, Format, gives exactly the bytes
// go/format.Source gives, faster for the code the generator's emitters write: each top-level
// declaration is formatted on its own by a formatter for that restricted code (fast.go),
// and go/format formats whatever that formatter declines.
package gofmt

import (
	"bytes"
	"fmt"
	"go/format"
)

// Format formats src, a Go source file, as go/format.Source does.
func Format(src []byte) ([]byte, error) {
	out := make([]byte, 0, len(src)+len(src)/8)
	var in []byte
	start := 0
	cuts := append(cutPoints(src), cut{at: len(src)})
	for k, c := range cuts {
		decl := src[start:c.at]
		start = c.at
		// Every declaration after the first is formatted behind a package clause of its own,
		// which is then cut off. gofmt formats top-level declarations independently and
		// separates them as newSection says.
		prefix := 0
		if k > 0 {
			in = append(append(in[:0], "package p\n\n"...), decl...)
			prefix = len("package p\n\n")
			decl = in
			if cuts[k-1].newSection {
				out = append(out, '\n')
			}
		}
		n := len(out)
		ok := false
		if fastPath {
			out, ok = appendFast(out, decl)
		}
		if !ok {
			b, err := format.Source(decl)
			if err != nil {
				return nil, err
			}
			out = append(out, b...)
		}
		if !bytes.HasPrefix(out[n:], decl[:prefix]) {
			return nil, fmt.Errorf("gofmt: formatting a declaration changed its package clause")
		}
		out = append(out[:n], out[n+prefix:]...)
	}
	return out, nil
}

// cut is a point between two top-level declarations.
type cut struct {
	at int
	// newSection is set where gofmt puts a blank line between the two: the second has a
	// doc comment, or starts with another keyword than the first.
	newSection bool
}

// cutPoints returns the offsets in src at which a top-level line starting a declaration
// (func, type, var, const or its doc comment) directly follows a top-level line that is only
// "}" or ")": the end of one declaration and the start of the next. It tracks bracket depth
// outside comments and string, rune and raw string literals; whatever it cannot follow only
// removes cut points.
func cutPoints(src []byte) []cut {
	var cuts []cut
	depth := 0
	lineStart := 0
	kw := "" // the keyword of the last declaration started at the top level
	n := len(src)
	for i := 0; i < n; i++ {
		if i == lineStart && depth == 0 {
			if k := declKeyword(src[i:]); k != "" {
				kw = k
			}
		}
		switch c := src[i]; c {
		case '/':
			if i+1 < n && src[i+1] == '/' {
				j := bytes.IndexByte(src[i:], '\n')
				if j < 0 {
					return cuts
				}
				i += j - 1 // the newline is handled next
			} else if i+1 < n && src[i+1] == '*' {
				j := bytes.Index(src[i+2:], []byte("*/"))
				if j < 0 {
					return cuts
				}
				i += 2 + j + 1
				lineStart = -1 // a comment spanned lines: no cut on this line
			}
		case '"', '\'':
			for i++; i < n && src[i] != c && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case '`':
			j := bytes.IndexByte(src[i+1:], '`')
			if j < 0 {
				return cuts
			}
			i += 1 + j
			lineStart = -1
		case '{', '(', '[':
			depth++
		case '}', ')', ']':
			depth--
		case '\n':
			next := src[i+1:]
			if depth == 0 && lineStart >= 0 && i-lineStart == 1 && (src[lineStart] == '}' || src[lineStart] == ')') {
				if k := declKeyword(next); k != "" || bytes.HasPrefix(next, []byte("//")) {
					cuts = append(cuts, cut{at: i + 1, newSection: k != kw})
				}
			}
			lineStart = i + 1
		}
	}
	return cuts
}

// declKeyword returns the keyword b starts with when it starts a declaration, or "".
func declKeyword(b []byte) string {
	for _, k := range []string{"func", "type", "var", "const", "import"} {
		if bytes.HasPrefix(b, []byte(k)) && len(b) > len(k) && (b[len(k)] == ' ' || b[len(k)] == '(' || b[len(k)] == '\t') {
			return k
		}
	}
	return ""
}
