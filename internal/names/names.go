// Package names gives every shape, member, enum value and operation of a model its Go name.
// It is the one place where names are made and clashes are resolved; emitters only read the
// results.
//
// The rule, applied the same way every run:
//
//  1. A model name is split into words at every character that is not an ASCII letter or
//     digit ('_', '.', '-', ' ', ...). Each word gets an upper-case first letter and the
//     words are joined: "Foo_Bar" and "foo.bar" become "FooBar"; the casing inside a word is
//     kept ("ClientId" stays "ClientId"). In enum value names a word written all in upper
//     case is lower-cased after its first letter ("USER_SRP_AUTH" becomes "UserSrpAuth").
//  2. A name that would start with a digit gets the prefix "X" ("3DES" becomes "X3DES").
//  3. A name with any other character, or with no letter or digit at all, is a model error;
//     except an enum value, which is then named by its position ("Value3").
//  4. When a name is taken, by an earlier shape (in order of shape ID), by a method that
//     the generator emits on the type, or by a package-level name of the generated runtime,
//     an underscore is appended until it is free: a member "String" becomes field
//     "String_", a shape "Client" becomes type "Client_".
package names

import (
	"strconv"
	"strings"

	"github.com/awsgen/awsgen/internal/ir"
)

// Methods are the methods generated on structure and union types; fields may not use them.
var Methods = []string{
	"AppendJSON", "Clone", "Default", "Equal", "Error", "ErrorCode", "ErrorFault", "ErrorMessage",
	"Format", "GoString", "LogValue", "MarshalJSON", "String", "UnmarshalJSON", "Unwrap", "Validate",
}

// PackageNames are exported package-level names of the generated runtime and fixed files;
// shape types and enum constants may not use them.
var PackageNames = []string{
	"APIError", "Client", "DecodeError", "Document", "EncodeError", "ErrorFault", "FaultClient", "FaultServer",
	"FaultUnknown", "HTTPDoer", "NewClient", "Operation", "OperationError", "Operations", "Options", "Redacted",
	"RetryOptions", "Signer", "UnknownMember", "ValidationError", "ValidationErrors",
}

// UnionUnknownField is the field of every union that holds a member this version does not know.
const UnionUnknownField = "Unknown"

// Assign sets GoName on every shape that needs one, every structure and union member, every
// enum value and every operation of m. It returns an *ir.Error for a name that cannot
// become a Go identifier.
func Assign(m *ir.Model) error {
	pkg := newScope(PackageNames...)
	// Types first, in ID order, so a shape keeps its name whatever constants exist.
	for _, s := range m.Shapes {
		if !s.HasType() {
			continue
		}
		n, err := ident(s.Name, false)
		if err != nil {
			return &ir.Error{File: m.Source, Shape: s.ID, Msg: err.Error()}
		}
		s.GoName = pkg.take(n)
	}
	// Helpers of lists and maps are unexported functions named after the shape; they only
	// need to be unique among themselves.
	helpers := newScope()
	for _, s := range m.Shapes {
		if s.Kind != ir.List && s.Kind != ir.Map {
			continue
		}
		n, err := ident(s.Name, false)
		if err != nil {
			return &ir.Error{File: m.Source, Shape: s.ID, Msg: err.Error()}
		}
		s.GoName = helpers.take(n)
	}
	for _, s := range m.Shapes {
		switch s.Kind {
		case ir.Structure, ir.Union:
			fields := scope{base: methodNames, own: map[string]bool{}}
			if s.Kind == ir.Union {
				fields.reserve(UnionUnknownField)
			}
			for _, mem := range s.Members {
				n, err := ident(mem.Name, false)
				if err != nil {
					return &ir.Error{File: m.Source, Shape: s.ID, Member: mem.Name, Msg: err.Error()}
				}
				mem.GoName = fields.take(n)
			}
		case ir.Enum, ir.IntEnum:
			for i, v := range s.EnumValues {
				n, err := ident(v.Name, true)
				if err != nil {
					// Enum values are data, not declarations: a value that spells no
					// identifier is named by its position instead of failing the model.
					n = "Value" + strconv.Itoa(i)
				}
				v.GoName = pkg.take(s.GoName + n)
			}
		}
	}
	ops := newScope("Options")
	for _, op := range m.Operations {
		n, err := ident(op.Name, false)
		if err != nil {
			return &ir.Error{File: m.Source, Shape: op.ID, Msg: err.Error()}
		}
		op.GoName = ops.take(n)
	}
	return nil
}

// Ident converts a model name to an exported Go identifier by rules 1-3 above.
func Ident(name string) (string, error) { return ident(name, false) }

// EnumIdent is Ident for enum value names, which are lower-cased after each word's first letter.
func EnumIdent(name string) (string, error) { return ident(name, true) }

type nameError string

func (e nameError) Error() string { return string(e) }

func ident(name string, enum bool) (string, error) {
	var words []string
	start := -1
	for i := 0; i <= len(name); i++ {
		if i < len(name) && isAlnum(name[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if i < len(name) && !isSeparator(name[i]) {
			return "", nameError("name " + quote(name) + " cannot become a Go identifier: unexpected character " + quote(name[i:i+1]))
		}
		if start >= 0 {
			words = append(words, name[start:i])
			start = -1
		}
	}
	if len(words) == 0 {
		return "", nameError("name " + quote(name) + " cannot become a Go identifier: it has no letter or digit")
	}
	var b strings.Builder
	for _, w := range words {
		if enum && strings.ToUpper(w) == w {
			w = strings.ToLower(w)
		}
		b.WriteString(strings.ToUpper(w[:1]))
		b.WriteString(w[1:])
	}
	s := b.String()
	if s[0] >= '0' && s[0] <= '9' {
		s = "X" + s
	}
	return s, nil
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// separators is the punctuation seen in real model names and enum values.
const separators = "_.- /:+$@(),*='#&%!?;[]{}<>|~^`\\\""

func isSeparator(c byte) bool {
	return strings.IndexByte(separators, c) >= 0
}

func quote(s string) string { return "\"" + s + "\"" }

// scope hands out names that are unique within it: not in base (names reserved for many
// scopes, never changed) nor in own.
type scope struct {
	base map[string]bool
	own  map[string]bool
}

func newScope(reserved ...string) scope {
	s := scope{own: map[string]bool{}}
	for _, r := range reserved {
		s.own[r] = true
	}
	return s
}

// methodNames are the names every structure's fields avoid (Methods), for scope.base.
var methodNames = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range Methods {
		m[n] = true
	}
	return m
}()

func (s scope) reserve(n string) { s.own[n] = true }

func (s scope) take(n string) string {
	for s.base[n] || s.own[n] {
		n += "_"
	}
	s.own[n] = true
	return n
}
