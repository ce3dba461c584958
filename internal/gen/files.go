package gen

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"text/template"

	"github.com/awsgen/awsgen/internal/docs"
	"github.com/awsgen/awsgen/internal/gofmt"
	"github.com/awsgen/awsgen/internal/ir"
	"github.com/awsgen/awsgen/templates"
)

// runtimeFile says when a hand-written runtime source from templates/rt is emitted.
type runtimeFile struct {
	src  string
	when func(g *generator) bool
}

var runtimeFiles = []runtimeFile{
	{"values.go", always},
	{"validate.go", always},
	{"document.go", always},
	// Documents are validated with the codec's grammar, so every package has the JSON reader.
	{"json_decode.go", always},
	{"json_encode.go", always},
	{"json_codec.go", func(g *generator) bool { return g.json }},
	{"errors.go", func(g *generator) bool { return g.hasErrors() || g.client() }},
	{"client.go", (*generator).client},
	{"client_bodies.go", (*generator).client},
	{"rest.go", func(g *generator) bool { return g.rest }},
}

// runtimeFile returns the runtime source templates/rt/<name> with the package clause set
// and a header.
func (g *generator) runtimeFile(name string) ([]byte, error) {
	src, err := fs.ReadFile(templates.FS, path.Join("rt", name))
	if err != nil {
		return nil, fmt.Errorf("runtime %s: %w", name, err)
	}
	b, err := g.retarget(src)
	if err != nil {
		return nil, fmt.Errorf("runtime %s: %w", name, err)
	}
	return b, nil
}

// retarget rewrites a runtime source's package clause and adds the generated-code header.
func (g *generator) retarget(src []byte) ([]byte, error) {
	i := bytes.Index(src, []byte("package rt\n"))
	if i < 0 {
		return nil, fmt.Errorf("no package clause")
	}
	var b bytes.Buffer
	b.WriteString("// " + Header + "\n\n")
	b.Write(src[:i])
	b.WriteString("package " + g.opt.Package + "\n")
	b.Write(src[i+len("package rt\n"):])
	// The runtime sources are gofmt-clean (make vet checks them) and a header line and a
	// package name change nothing gofmt would: no format.Source here. TestRuntimeGofmt
	// checks it.
	return b.Bytes(), nil
}

// execTemplate executes the template file name with data and formats the result.
func execTemplate(name string, data any) ([]byte, error) {
	b, err := runTemplate(name, data)
	if err != nil {
		return nil, err
	}
	out, err := gofmt.Format(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// runTemplate executes the template file name with data.
func runTemplate(name string, data any) ([]byte, error) {
	t, err := template.New(name).ParseFS(templates.FS, name)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, name, data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// docFile renders doc.go: the package documentation.
func (g *generator) docFile() ([]byte, error) {
	var d strings.Builder
	title := g.opt.Package
	if svc := g.m.Service; svc != nil {
		if svc.FullName != "" {
			title = svc.FullName
		} else if svc.SDKID != "" {
			title = svc.SDKID
		}
	}
	if g.client() {
		d.WriteString("// Package " + g.opt.Package + " is a client and data types for " + title + ".\n")
	} else {
		d.WriteString("// Package " + g.opt.Package + " is the data types of " + title + ".\n")
	}
	d.WriteString("//\n// It was generated from the service model and imports only the standard library, so it\n" +
		"// can be vendored by copying its folder.\n")
	if n := g.protocolNote(); n != "" {
		d.WriteString("//\n" + strings.TrimRight(docs.Comment("Not generated: "+n+".", docWidth), "\n") + "\n")
	}
	d.WriteString(`//
// Every structure and union has these methods:
//
//   - Clone returns a deep copy that shares no memory with the original.
//   - Equal reports whether two values hold the same data, as they would be serialized.
//   - Default resets the value: members that have a model default take it, all others
//     are unset.
//   - String, GoString and Format print the value on one line for every fmt verb, and
//     LogValue gives log/slog a group of its members; a sensitive member, and every member
//     of a sensitive structure, prints as [redacted].
//   - Validate checks the value against the model's constraints and returns every
//     violation as ValidationErrors, each naming the member path and never its value.
`)
	if g.json {
		d.WriteString(`//   - MarshalJSON, AppendJSON and UnmarshalJSON encode and decode the value's awsJson
//     document, without reflection.
`)
	}
	// The service text comes last: its link definitions end the comment, where gofmt keeps
	// them (text after them would be split off and lost as the package doc).
	if svc := g.m.Service; svc != nil && svc.Doc != "" && !g.opt.NoDocs {
		d.WriteString("//\n// What follows is the service's own documentation.\n")
		d.WriteString("//\n" + strings.TrimRight(docs.Comment(svc.Doc, docWidth), "\n") + "\n")
	}
	var prov []string
	if p := g.opt.Provenance; p != nil {
		prov = []string{
			"versions:",
			"\tawsgen " + p.Version,
			"source: " + p.Model,
			"source sha256: " + p.SHA256,
			"flags: " + strings.Join(p.Flags, " "),
		}
	}
	return execTemplate("doc.go.tmpl", map[string]any{
		"Header":     Header,
		"Provenance": prov,
		"Doc":        d.String(),
		"Package":    g.opt.Package,
	})
}

// testFile renders generated_test.go: behaviour tests of every generated type.
func (g *generator) testFile() ([]byte, error) {
	type def struct{ Field, Expr string }
	type typ struct {
		Name      string
		Sensitive []string
		Defaults  []def
		Seconds   []string
	}
	var types []typ
	for _, s := range g.types {
		t := typ{Name: s.GoName}
		for _, m := range s.Members {
			if s.Traits.Sensitive || g.printedSensitive(m) {
				t.Sensitive = append(t.Sensitive, m.GoName)
			}
			if m.Target.Kind == ir.Timestamp && m.TimestampFormat() == "http-date" && fieldPointer(s, m) {
				t.Seconds = append(t.Seconds, m.GoName)
			}
			if s.Kind == ir.Structure && m.HasDefault() && !g.stream(m) {
				t.Defaults = append(t.Defaults, def{m.GoName, fmt.Sprintf("%#v", g.defaultValue(m))})
			}
		}
		types = append(types, t)
	}
	var anySensitive, anySeconds bool
	for _, t := range types {
		anySensitive = anySensitive || len(t.Sensitive) > 0
		anySeconds = anySeconds || len(t.Seconds) > 0
	}
	data := map[string]any{
		"Header":       Header,
		"Package":      g.opt.Package,
		"Types":        types,
		"JSON":         g.json,
		"AnySensitive": anySensitive,
		"AnySeconds":   anySeconds,
	}
	// The part that depends on the model is formatted; the helpers after it are the same
	// in every package, laid out as gofmt would (TestTestHelpersGofmt), and appended as
	// they are, one blank line after it.
	b, err := execTemplate("generated_test.go.tmpl", data)
	if err != nil {
		return nil, err
	}
	helpers, err := runTemplate("generated_test_helpers.go.tmpl", data)
	if err != nil {
		return nil, err
	}
	return append(append(b, '\n'), helpers...), nil
}

// printedSensitive reports whether nothing under the member may be printed: the member,
// its target, or the elements of a collection it holds (at any depth) are sensitive.
func (g *generator) printedSensitive(m *ir.Member) bool {
	if m.Sensitive() {
		return true
	}
	switch m.Target.Kind {
	case ir.List:
		return g.printedSensitive(m.Target.Member)
	case ir.Map:
		return m.Target.Key.Sensitive() || g.printedSensitive(m.Target.Value)
	}
	return false
}
