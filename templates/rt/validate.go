package rt

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// ValidationError is one violated constraint, at a member path such as
// "UserAttributes[2].Name". Its message never contains the member's value.
type ValidationError struct {
	Path string
	// Constraint is "required", "length", "range", "pattern" or "union".
	Constraint string
	Msg        string
}

func (e *ValidationError) Error() string { return e.Path + ": " + e.Msg }

// ValidationErrors is every violated constraint of a value, in member order.
type ValidationErrors []*ValidationError

func (e ValidationErrors) Error() string {
	var b strings.Builder
	b.WriteString("validation failed: ")
	for i, v := range e {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(v.Error())
	}
	return b.String()
}

// Unwrap lets errors.As find the individual errors.
func (e ValidationErrors) Unwrap() []error {
	out := make([]error, len(e))
	for i, v := range e {
		out[i] = v
	}
	return out
}

// vpath is a member path kept on the stack while validating; it is rendered only when a
// constraint fails.
type vpath struct {
	parent *vpath
	name   string // member name, or map key when isKey
	index  int    // list index when name == "" and !isKey
	isKey  bool
}

func (p *vpath) String() string {
	if p == nil {
		return ""
	}
	prefix := p.parent.String()
	switch {
	case p.isKey:
		return prefix + "[" + strconv.Quote(p.name) + "]"
	case p.name == "":
		return prefix + "[" + strconv.Itoa(p.index) + "]"
	case prefix == "":
		return p.name
	default:
		return prefix + "." + p.name
	}
}

// validator collects violations. full selects every constraint; otherwise only required
// members are checked (what the client does before sending).
type validator struct {
	full bool
	errs ValidationErrors
}

func (vs *validator) fail(p *vpath, member, constraint, msg string) {
	path := p.String()
	switch {
	case path == "":
		path = member
	case member != "":
		path += "." + member
	}
	vs.errs = append(vs.errs, &ValidationError{Path: path, Constraint: constraint, Msg: msg})
}

func (vs *validator) err() error {
	if len(vs.errs) == 0 {
		return nil
	}
	return vs.errs
}

func (vs *validator) required(p *vpath, member string) {
	vs.fail(p, member, "required", "is required")
}

// length checks a length (code points for strings, bytes for blobs, entries for lists
// and maps); min or max < 0 means unbounded.
func (vs *validator) length(p *vpath, member string, n, min, max int64) {
	if min >= 0 && n < min {
		vs.fail(p, member, "length", "length "+strconv.FormatInt(n, 10)+" is less than the minimum "+strconv.FormatInt(min, 10))
	}
	if max >= 0 && n > max {
		vs.fail(p, member, "length", "length "+strconv.FormatInt(n, 10)+" is more than the maximum "+strconv.FormatInt(max, 10))
	}
}

// rangeFail reports a number outside its range; the value itself is never printed.
func (vs *validator) rangeFail(p *vpath, member, bounds string) {
	vs.fail(p, member, "range", "must be within "+bounds)
}

func (vs *validator) pattern(p *vpath, member string, re *regexp.Regexp, s string) {
	if !re.MatchString(s) {
		vs.fail(p, member, "pattern", "does not match the pattern "+re.String())
	}
}

func (vs *validator) union(p *vpath, member string, set int) {
	if set != 1 {
		vs.fail(p, member, "union", "a union needs exactly one member set, found "+strconv.Itoa(set))
	}
}

// validatable is a generated structure or union: validate records its violations of the
// model's constraints, at paths below p, in vs.
type validatable interface {
	validate(p *vpath, vs *validator)
}

// validateAll is Validate for every generated type: every violated constraint as
// ValidationErrors, or nil.
func validateAll(v validatable) error {
	vs := validator{full: true}
	v.validate(nil, &vs)
	return vs.err()
}

// validateRequired checks only that the required members of v are set, at any depth: what
// the client checks before sending.
func validateRequired(v validatable) error {
	vs := validator{}
	v.validate(nil, &vs)
	return vs.err()
}

// lazyRegexp compiles a pattern on first use, once.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
