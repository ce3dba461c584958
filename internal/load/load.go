// Package load is the front door to the model loaders: it tells a Smithy JSON AST from a
// c2j (botocore) model by content, runs the matching loader and gives every name its Go
// name, so that callers get a complete *ir.Model from one call.
package load

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unsafe"

	"github.com/awsgen/awsgen/internal/ir"
	"github.com/awsgen/awsgen/internal/load/c2j"
	"github.com/awsgen/awsgen/internal/load/internal/loadkit"
	"github.com/awsgen/awsgen/internal/load/smithy"
	"github.com/awsgen/awsgen/internal/names"
	"github.com/tidwall/gjson"
)

// File loads the model at path. For a c2j api-2.json (or <x>.api-2.json) it also reads the
// docs-2.json (or <x>.docs-2.json) beside it when there is one.
func File(path string) (*ir.Model, error) { return fileWith(path, os.ReadFile) }

// FileMapped is File for a process that keeps the model until it exits, as cmd/gen does.
// A model file that nobody may write to (the Go module cache's files are read-only) is
// mapped into memory rather than read: no copy, and none of the page faults of the fresh
// heap a copy goes to. The mapping is never unmapped, as the model's strings point into
// it. Any other file, or one that cannot be mapped, is read as File reads it: a file that
// another process could shorten while it is mapped would fault when read past its new end.
func FileMapped(path string) (*ir.Model, error) {
	return fileWith(path, func(p string) ([]byte, error) {
		if b, ok := mapReadOnly(p); ok {
			return b, nil
		}
		return os.ReadFile(p)
	})
}

func fileWith(path string, read func(string) ([]byte, error)) (*ir.Model, error) {
	data, err := read(path)
	if err != nil {
		return nil, err
	}
	var docs []byte
	f := format(data)
	if f == "c2j" {
		if dp := DocsPath(path); dp != "" {
			docs, err = read(dp)
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, err
			}
		}
	}
	// The files' bytes are read here and never written to: the model may keep substrings
	// of them without a copy.
	return loadFormat(path, f, owned(data), ownedOrNil(docs))
}

// owned is the string of b, whose bytes are never written to again, without a copy.
func owned(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// ownedOrNil is owned(b), or nil for a nil b (no docs).
func ownedOrNil(b []byte) *string {
	if b == nil {
		return nil
	}
	s := owned(b)
	return &s
}

// DocsPath returns the docs-2.json that belongs beside the c2j model at path, or "" when
// path is not named like one (api-2.json or <x>.api-2.json).
func DocsPath(path string) string {
	dir, base := filepath.Split(path)
	if base == "api-2.json" {
		return filepath.Join(dir, "docs-2.json")
	}
	if x, ok := strings.CutSuffix(base, ".api-2.json"); ok && x != "" {
		return filepath.Join(dir, x+".docs-2.json")
	}
	return ""
}

// Bytes loads a model from memory; file names it in errors. docs is a c2j docs-2.json, or
// nil; it is ignored for Smithy models, which carry their documentation inline. The model
// does not share memory with data or docs.
func Bytes(file string, data, docs []byte) (*ir.Model, error) {
	var d *string
	if docs != nil {
		text := string(docs)
		d = &text
	}
	return loadFormat(file, format(data), string(data), d)
}

// loadFormat loads data, of format f, with docs (nil for none).
func loadFormat(file, f string, data string, docs *string) (*ir.Model, error) {
	var m *ir.Model
	var err error
	switch f {
	case "smithy":
		m, err = smithy.LoadText(file, data)
	case "c2j":
		// Go names do not depend on the documentation: they are given while the
		// docs-2.json is read.
		return c2j.LoadText(file, data, docs, names.Assign)
	case "c2j-docs":
		return nil, &ir.Error{File: file, Msg: "this is a c2j docs-2.json; load the api-2.json beside it"}
	default:
		msg := loadkit.CheckJSONText(data)
		if msg == "" {
			msg = "unknown model format: want a Smithy JSON AST (with a \"smithy\" version) or a c2j api-2.json (with \"metadata\" and \"shapes\")"
		}
		return nil, &ir.Error{File: file, Msg: msg}
	}
	if err != nil {
		return nil, err
	}
	if err := names.Assign(m); err != nil {
		return nil, err
	}
	return m, nil
}

// format tells the model format from the top-level keys: "smithy", "c2j", "c2j-docs" or "".
// It does not validate data: the loader the format names does, before it reads anything,
// and so does loadFormat for an unknown format, to say why (gjson reads malformed JSON
// without failing, and what it finds then only picks the loader that reports it).
func format(data []byte) string {
	// A view of data, not a copy: nothing read from it outlives this call.
	root := gjson.Parse(unsafe.String(unsafe.SliceData(data), len(data)))
	if !root.IsObject() {
		return ""
	}
	var hasSmithy, hasMeta, hasService bool
	var shapes gjson.Result
	root.ForEach(func(k, v gjson.Result) bool {
		switch k.String() {
		case "smithy":
			hasSmithy = true
		case "metadata":
			hasMeta = v.IsObject()
		case "shapes":
			shapes = v
		case "service":
			hasService = true
		}
		return true
	})
	switch {
	case hasSmithy:
		return "smithy"
	case hasMeta && shapes.IsObject() && c2jShapes(shapes):
		return "c2j"
	case hasService && shapes.IsObject() && !hasMeta:
		return "c2j-docs"
	}
	return ""
}

// c2jShapes reports whether shapes looks like c2j's: names without the '#' of Smithy IDs.
func c2jShapes(shapes gjson.Result) bool {
	ok := true
	shapes.ForEach(func(k, _ gjson.Result) bool {
		ok = !strings.Contains(k.String(), "#")
		return ok
	})
	return ok
}
