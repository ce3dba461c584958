package protocoltest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/awsgen/awsgen/internal/gen"
	"github.com/awsgen/awsgen/internal/ir"
	"github.com/awsgen/awsgen/internal/load"
)

// vectorFile is one file of protocol test vectors: a JSON array of suites.
type vectorFile struct {
	// Key names the file in reports and in case IDs: "botocore/input/json.json".
	Key string
	// Tag prefixes the Go package names of the file's suites.
	Tag   string
	Path  string
	Input bool
	// Protocol is the file's key in botocore's ignore list ("json", "json_1_0"), or "".
	Protocol string
}

// suite is one element of a vector file.
type suite struct {
	Description string                     `json:"description"`
	Metadata    json.RawMessage            `json:"metadata"`
	Shapes      map[string]json.RawMessage `json:"shapes"`
	Cases       []vectorCase               `json:"cases"`
}

// vectorCase is one test case. Input cases have Params and Serialized; output cases have
// Response and Result, or Error/ErrorCode.
type vectorCase struct {
	ID          string          `json:"id"`
	Description string          `json:"description"`
	Given       json.RawMessage `json:"given"`
	Params      json.RawMessage `json:"params"`
	Serialized  *struct {
		Body *string `json:"body"`
	} `json:"serialized"`
	Response *struct {
		StatusCode int     `json:"status_code"`
		Body       *string `json:"body"`
	} `json:"response"`
	Result    json.RawMessage `json:"result"`
	Error     json.RawMessage `json:"error"`
	ErrorCode string          `json:"errorCode"`
}

// given is the part of a case's operation the harness reads itself.
type given struct {
	Name   string `json:"name"`
	Input  *struct{ Shape string }
	Output *struct{ Shape string }
}

// Case kinds: what the harness does with a case.
const (
	kindBody   = "body"   // checked here
	kindClient = "client" // belongs to the client issue (headers, URIs, hosts, errors, ...)
)

// plannedCase is a case with its verdict on where it belongs and, for body cases, what the
// generated test does.
type plannedCase struct {
	ID   string // "botocore/output/json.json:parses_long_shapes"
	File string
	Kind string
	// Why explains a client case.
	Why string
	// IgnoredByBotocore marks a case on botocore's own ignore list.
	IgnoredByBotocore bool

	// Package and Test locate a body case's generated subtest: "protocoltest/x", "TestVectors/c03".
	Package, Test string
	// SetupErr is set when the suite could not be loaded or generated: the case fails
	// without running.
	SetupErr string
}

func readVectorFile(path string) ([]suite, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var suites []suite
	if err := json.Unmarshal(data, &suites); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return suites, nil
}

// ignoreList is botocore's protocol-tests-ignore-list.json: suites (by description) and
// cases (by id) that botocore does not run.
type ignoreList struct {
	General struct {
		Input struct{ Suites []string } `json:"input"`
	} `json:"general"`
	Protocols map[string]map[string]struct{ Cases []string } `json:"protocols"`
}

func readIgnoreList(path string) (*ignoreList, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var l ignoreList
	if err := json.Unmarshal(data, &l); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &l, nil
}

// ignores reports whether botocore's list names the case.
func (l *ignoreList) ignores(f vectorFile, s *suite, c *vectorCase) bool {
	if l == nil || !strings.HasPrefix(f.Key, "botocore/") {
		return false
	}
	if f.Input && slices.Contains(l.General.Input.Suites, s.Description) {
		return true
	}
	dir := "output"
	if f.Input {
		dir = "input"
	}
	return c.ID != "" && slices.Contains(l.Protocols[f.Protocol][dir].Cases, c.ID)
}

// c2jModel assembles a suite into an api-2.json: its metadata and shapes, and its cases'
// operations.
func c2jModel(s *suite) ([]byte, error) {
	ops := map[string]json.RawMessage{}
	for _, c := range s.Cases {
		var g given
		if err := json.Unmarshal(c.Given, &g); err != nil || g.Name == "" {
			return nil, fmt.Errorf("case %q: bad \"given\": %s", c.ID, c.Given)
		}
		if prev, ok := ops[g.Name]; ok && !bytes.Equal(prev, c.Given) {
			return nil, fmt.Errorf("operation %s is given twice, differently", g.Name)
		}
		ops[g.Name] = c.Given
	}
	shapes := s.Shapes
	if shapes == nil {
		shapes = map[string]json.RawMessage{}
	}
	return json.Marshal(map[string]any{"metadata": s.Metadata, "operations": ops, "shapes": shapes})
}

// schema is vectorkit's vkSchema, built from the IR: member wire names, Go field names
// and targets, by shape ID.
func schema(m *ir.Model) ([]byte, error) {
	type member struct {
		Go     string `json:"go"`
		Target string `json:"target"`
	}
	type shape struct {
		Kind    string            `json:"kind"`
		Members map[string]member `json:"members,omitempty"`
		Member  string            `json:"member,omitempty"`
		Value   string            `json:"value,omitempty"`
	}
	out := map[string]shape{}
	for _, s := range m.Shapes {
		sh := shape{Kind: s.Kind.String()}
		switch s.Kind {
		case ir.Structure, ir.Union:
			sh.Members = map[string]member{}
			for _, mem := range s.Members {
				sh.Members[mem.Name] = member{Go: mem.GoName, Target: mem.Target.ID}
			}
		case ir.List:
			sh.Member = s.Member.Target.ID
		case ir.Map:
			sh.Value = s.Value.Target.ID
		}
		out[s.ID] = sh
	}
	return json.Marshal(out)
}

// rawShape is the part of a c2j shape the classification reads.
type rawShape struct {
	Members map[string]struct {
		Shape            string `json:"shape"`
		IdempotencyToken bool   `json:"idempotencyToken"`
	} `json:"members"`
	EventStream bool `json:"eventstream"`
}

func (s *suite) shape(name string) rawShape {
	var r rawShape
	json.Unmarshal(s.Shapes[name], &r) // a bad shape is reported by the loader
	return r
}

// classify decides whether a case checks a body, here, or belongs to the client.
func classify(f vectorFile, s *suite, c *vectorCase) (kind, why string) {
	var g given
	json.Unmarshal(c.Given, &g) // checked by c2jModel
	if f.Input {
		switch {
		case c.Serialized == nil || c.Serialized.Body == nil:
			return kindClient, "request without an expected body: checks headers, URI or host only"
		case g.Input == nil:
			return kindClient, "operation without an input shape: the client sends {}"
		}
		var params, body map[string]json.RawMessage
		json.Unmarshal(c.Params, &params)
		json.Unmarshal([]byte(*c.Serialized.Body), &body)
		for name, m := range s.shape(g.Input.Shape).Members {
			if _, set := params[name]; m.IdempotencyToken && !set && body[name] != nil {
				return kindClient, "idempotency token auto-fill happens in the client"
			}
		}
		return kindBody, ""
	}
	switch {
	case len(c.Error) > 0 || c.ErrorCode != "":
		return kindClient, "error response: error codes and error decoding"
	case c.Response == nil:
		return kindClient, "no response"
	case c.Response.StatusCode >= 300:
		return kindClient, "error status"
	case g.Output == nil:
		return kindClient, "operation without an output shape: the client does not decode the body"
	case c.Response.Body == nil || strings.TrimSpace(*c.Response.Body) == "":
		return kindClient, "empty response body: the client decodes it as {}"
	}
	out := s.shape(g.Output.Shape)
	for _, m := range out.Members {
		if s.shape(m.Shape).EventStream {
			return kindClient, "event stream response"
		}
	}
	if len(out.Members) == 0 && !strings.HasPrefix(strings.TrimSpace(*c.Response.Body), "{") {
		return kindClient, "non-object body of an output without members: the client must not decode it"
	}
	return kindBody, ""
}

// casesFile is the generated cases_test.go of one suite's package.
type casesFile struct {
	pkg    string
	schema []byte
	body   bytes.Buffer
}

func (cf *casesFile) add(test string, f vectorFile, c *vectorCase, m *ir.Model) error {
	var g given
	json.Unmarshal(c.Given, &g)
	label := c.ID
	if label == "" {
		label = c.Description
	}
	fmt.Fprintf(&cf.body, "\tt.Run(%q, func(t *testing.T) {\n", strings.TrimPrefix(test, "TestVectors/"))
	fmt.Fprintf(&cf.body, "\t\t// %s: %s\n", f.Key, oneLine(label))
	if f.Input {
		s := m.Shape(g.Input.Shape)
		if s == nil {
			return fmt.Errorf("no input shape %q in the IR", g.Input.Shape)
		}
		params := compact(c.Params)
		fmt.Fprintf(&cf.body, "\t\tvkInputCase(t, schema, %s, %s, %s, new(%s))\n",
			strconv.Quote(s.ID), strconv.Quote(params), strconv.Quote(*c.Serialized.Body), s.GoName)
	} else {
		s := m.Shape(g.Output.Shape)
		if s == nil {
			return fmt.Errorf("no output shape %q in the IR", g.Output.Shape)
		}
		result := compact(c.Result)
		fmt.Fprintf(&cf.body, "\t\tvkOutputCase[%s](t, schema, %s, %s, %s)\n",
			s.GoName, strconv.Quote(s.ID), strconv.Quote(result), strconv.Quote(*c.Response.Body))
	}
	cf.body.WriteString("\t})\n")
	return nil
}

func (cf *casesFile) render() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by internal/protocoltest from protocol test vectors. DO NOT EDIT.\n\n")
	fmt.Fprintf(&b, "package %s\n\nimport \"testing\"\n\n", cf.pkg)
	fmt.Fprintf(&b, "// vkSchemaText describes the model's shapes for vectorkit.\nconst vkSchemaText = %s\n\n", strconv.Quote(string(cf.schema)))
	b.WriteString("func TestVectors(t *testing.T) {\n\tschema := vkParseSchema(vkSchemaText)\n")
	b.Write(cf.body.Bytes())
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}

// compact puts a JSON value on one line; a missing value is the empty object.
func compact(raw json.RawMessage) string {
	var b bytes.Buffer
	if len(raw) == 0 || json.Compact(&b, raw) != nil {
		return "{}"
	}
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// kitSource returns vectorkit's source, retargeted to package pkg. The package's doc
// comment stays behind: it describes vectorkit, not the copy.
func kitSource(kit []byte, pkg string) ([]byte, error) {
	const clause = "\npackage vectorkit\n"
	i := bytes.Index(kit, []byte(clause))
	if i < 0 {
		return nil, fmt.Errorf("vectorkit.go: no package clause")
	}
	var b bytes.Buffer
	b.WriteString("// Code generated by internal/protocoltest (a copy of vectorkit). DO NOT EDIT.\n\n")
	b.WriteString("package " + pkg + "\n")
	b.Write(kit[i+len(clause):])
	return format.Source(b.Bytes())
}

// writeSuite loads and generates one suite's package into dir/pkg and plans its cases.
// A suite that cannot be loaded or generated still plans its cases, failed with the error.
func writeSuite(dir, pkg string, f vectorFile, si int, s *suite, ign *ignoreList, kit []byte) ([]*plannedCase, error) {
	var planned []*plannedCase
	cf := &casesFile{pkg: pkg}
	var setupErr error
	api, err := c2jModel(s)
	var m *ir.Model
	if err == nil {
		m, err = load.Bytes(fmt.Sprintf("%s#%d", f.Key, si), api, nil)
	}
	var files map[string][]byte
	if err == nil {
		files, err = gen.Generate(m, gen.Options{Package: pkg, NoTests: true})
	}
	if err == nil {
		cf.schema, err = schema(m)
	}
	setupErr = err
	for ci := range s.Cases {
		c := &s.Cases[ci]
		pc := &plannedCase{ID: caseID(f, si, ci, c), File: f.Key, IgnoredByBotocore: ign.ignores(f, s, c)}
		pc.Kind, pc.Why = classify(f, s, c)
		planned = append(planned, pc)
		if pc.Kind != kindBody {
			continue
		}
		pc.Package, pc.Test = "protocoltest/"+pkg, fmt.Sprintf("TestVectors/c%02d", ci)
		if setupErr == nil {
			setupErr = cf.add(pc.Test, f, c, m)
		}
	}
	if setupErr != nil {
		for _, pc := range planned {
			if pc.Kind == kindBody {
				pc.SetupErr = setupErr.Error()
			}
		}
		return planned, nil
	}
	if cf.body.Len() == 0 {
		return planned, nil // nothing to check here: no package
	}
	cases, err := cf.render()
	if err != nil {
		return nil, fmt.Errorf("%s suite %d: cases_test.go: %w", f.Key, si, err)
	}
	kitCopy, err := kitSource(kit, pkg)
	if err != nil {
		return nil, err
	}
	files["cases_test.go"] = cases
	files["vectorkit_test.go"] = kitCopy
	pdir := filepath.Join(dir, pkg)
	if err := os.MkdirAll(pdir, 0o755); err != nil {
		return nil, err
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(pdir, name), b, 0o644); err != nil {
			return nil, err
		}
	}
	return planned, nil
}

// caseID names a case in reports and in knownFailures: the file's key and the case's id,
// or its position for the legacy cases that have none.
func caseID(f vectorFile, si, ci int, c *vectorCase) string {
	if c.ID != "" {
		return f.Key + ":" + c.ID
	}
	return fmt.Sprintf("%s:suite%02d.case%02d", f.Key, si, ci)
}
