package protocoltest

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"go/format"
	"maps"
	"net/http"
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
	// Protocol is the file's key in botocore's ignore list ("json", "json_1_0",
	// "rest-json"), or "".
	Protocol string
	// Rest marks a rest-json (restJson1) file: its cases go through the client only
	// (addClient, restRequestWant), and its operations get the HTTP facts aws-sdk-go v1
	// leaves out (restGiven).
	Rest bool
}

// suite is one element of a vector file, or a part of one (splitSuites).
type suite struct {
	Description string                     `json:"description"`
	Metadata    json.RawMessage            `json:"metadata"`
	Shapes      map[string]json.RawMessage `json:"shapes"`
	Cases       []vectorCase               `json:"cases"`

	// index is the suite's position in its file; part numbers the parts of a suite
	// that splitSuites cut.
	index, part int
}

// name is the suite's in package names: "s03", or "s03p1" for the second part of one.
func (s *suite) name() string {
	if s.part > 0 {
		return fmt.Sprintf("s%02dp%d", s.index, s.part)
	}
	return fmt.Sprintf("s%02d", s.index)
}

// vectorCase is one test case. Input cases have Params and Serialized; output cases have
// Response and Result, or Error/ErrorCode.
type vectorCase struct {
	ID          string             `json:"id"`
	Description string             `json:"description"`
	Given       json.RawMessage    `json:"given"`
	Params      json.RawMessage    `json:"params"`
	Serialized  *serializedRequest `json:"serialized"`
	Response    *struct {
		StatusCode int               `json:"status_code"`
		Headers    map[string]string `json:"headers"`
		Body       *string           `json:"body"`
	} `json:"response"`
	Result    json.RawMessage `json:"result"`
	Error     json.RawMessage `json:"error"`
	ErrorCode string          `json:"errorCode"`

	// suite and index are the case's positions in its file, which name it.
	suite, index int
}

// serializedRequest is an input case's expected request.
type serializedRequest struct {
	Body           *string           `json:"body"`
	Method         string            `json:"method"`
	URI            string            `json:"uri"`
	Host           string            `json:"host"`
	Headers        map[string]string `json:"headers"`
	RequireHeaders []string          `json:"requireHeaders"`
	ForbidHeaders  []string          `json:"forbidHeaders"`
}

// given is the part of a case's operation the harness reads itself.
type given struct {
	Name     string `json:"name"`
	Input    *struct{ Shape string }
	Output   *struct{ Shape string }
	Endpoint *struct {
		HostPrefix string `json:"hostPrefix"`
	} `json:"endpoint"`
}

// metadata is the part of a suite's metadata the client checks read.
type metadata struct {
	Protocol           string          `json:"protocol"`
	TargetPrefix       string          `json:"targetPrefix"`
	JSONVersion        string          `json:"jsonVersion"`
	AWSQueryCompatible json.RawMessage `json:"awsQueryCompatible"`
}

// plannedCase is a case with its verdicts: whether its bodies are checked with the
// codec, and how it goes through the client.
type plannedCase struct {
	ID   string // "botocore/output/json.json:parses_long_shapes"
	File string
	// Body is set when the case's body is checked with the codec alone; NotBody says why
	// it is not.
	Body    bool
	NotBody string
	// ClientSkip, a clientGaps key, says why the case does not go through the client.
	ClientSkip string
	// Unchecked lists the clientGaps keys of expectations the client check leaves out;
	// Tokens the idempotency-token members whose fixed value stands for any UUID.
	Unchecked, Tokens []string
	// IgnoredByBotocore marks a case on botocore's own ignore list.
	IgnoredByBotocore bool

	// Package and Name locate the case's generated subtests: "protocoltest/x" and
	// "s03c01", run as TestVectors/s03c01 (codec) and TestClient/s03c01 (client).
	Package, Name string
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
	return splitSuites(suites), nil
}

// splitSuites cuts each suite whose cases give one operation in different ways (two of
// aws-sdk-go v1's rest-json suites change its requestUri or its input from case to case)
// into parts that each give every operation one way, in the order of their first cases.
// Every case keeps its positions in the file, which name it.
func splitSuites(suites []suite) []suite {
	var out []suite
	for si := range suites {
		s := suites[si]
		s.index = si
		var parts []*suite
		for ci, c := range s.Cases {
			c.suite, c.index = si, ci
			var g given
			json.Unmarshal(c.Given, &g) // checked by c2jModel
			var into *suite
			for _, p := range parts {
				agree := true
				for _, pc := range p.Cases {
					var pg given
					json.Unmarshal(pc.Given, &pg)
					if pg.Name == g.Name && compact(pc.Given) != compact(c.Given) {
						agree = false
						break
					}
				}
				if agree {
					into = p
					break
				}
			}
			if into == nil {
				into = &suite{Description: s.Description, Metadata: s.Metadata, Shapes: s.Shapes, index: si, part: len(parts)}
				parts = append(parts, into)
			}
			into.Cases = append(into.Cases, c)
		}
		if len(parts) == 0 {
			out = append(out, s)
		}
		for _, p := range parts {
			out = append(out, *p)
		}
	}
	return out
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

// groupSuites sorts a file's suites into packages: a suite joins the first group with the
// same metadata whose shapes and operations agree with its own wherever their names meet.
// Smithy's suites, cut one per operation from a single service, mostly fall into one
// group; the legacy suites, which reuse names such as InputShape, mostly stay apart.
func groupSuites(suites []suite) [][]int {
	type group struct {
		meta        string
		shapes, ops map[string]string
		suites      []int
	}
	var groups []*group
	for si := range suites {
		s := &suites[si]
		meta := compact(s.Metadata)
		shapes := map[string]string{}
		for name, raw := range s.Shapes {
			shapes[name] = compact(raw)
		}
		ops := map[string]string{}
		for _, c := range s.Cases {
			var g given
			json.Unmarshal(c.Given, &g) // checked by c2jModel
			ops[g.Name] = compact(c.Given)
		}
		agree := func(have, add map[string]string) bool {
			for k, v := range add {
				if h, ok := have[k]; ok && h != v {
					return false
				}
			}
			return true
		}
		var into *group
		for _, g := range groups {
			if g.meta == meta && agree(g.shapes, shapes) && agree(g.ops, ops) {
				into = g
				break
			}
		}
		if into == nil {
			into = &group{meta: meta, shapes: map[string]string{}, ops: map[string]string{}}
			groups = append(groups, into)
		}
		maps.Copy(into.shapes, shapes)
		maps.Copy(into.ops, ops)
		into.suites = append(into.suites, si)
	}
	out := make([][]int, len(groups))
	for i, g := range groups {
		out[i] = g.suites
	}
	return out
}

// c2jModel assembles suites that share their metadata into an api-2.json: the metadata,
// the shapes and the cases' operations (for rest-json with restGiven's defaults).
func c2jModel(suites []*suite) ([]byte, error) {
	var meta metadata
	json.Unmarshal(suites[0].Metadata, &meta)
	givens := map[string]json.RawMessage{} // as the cases give them
	ops := map[string]json.RawMessage{}
	shapes := map[string]json.RawMessage{}
	for _, s := range suites {
		for _, c := range s.Cases {
			var g given
			if err := json.Unmarshal(c.Given, &g); err != nil || g.Name == "" {
				return nil, fmt.Errorf("case %q: bad \"given\": %s", c.ID, c.Given)
			}
			if prev, ok := givens[g.Name]; ok && compact(prev) != compact(c.Given) {
				return nil, fmt.Errorf("operation %s is given twice, differently", g.Name)
			}
			givens[g.Name], ops[g.Name] = c.Given, c.Given
			if meta.Protocol == "rest-json" {
				op, err := restGiven(c.Given)
				if err != nil {
					return nil, fmt.Errorf("case %q: %w", c.ID, err)
				}
				ops[g.Name] = op
			}
		}
		maps.Copy(shapes, s.Shapes)
	}
	return json.Marshal(map[string]any{"metadata": suites[0].Metadata, "operations": ops, "shapes": shapes})
}

// restGiven fills in what a rest-json operation needs and aws-sdk-go v1's vectors leave
// out: its output suites give no "http" at all and two input suites no requestUri (their
// requests go to "/"). A missing method is POST and a missing requestUri "/", as v1's own
// test generator has them; the loader rejects an operation without either.
func restGiven(raw json.RawMessage) (json.RawMessage, error) {
	var op map[string]json.RawMessage
	if err := json.Unmarshal(raw, &op); err != nil {
		return nil, err
	}
	var facts map[string]any
	if h, ok := op["http"]; ok {
		if err := json.Unmarshal(h, &facts); err != nil {
			return nil, fmt.Errorf("bad \"http\": %s", h)
		}
	}
	if facts == nil {
		facts = map[string]any{}
	}
	changed := false
	for k, v := range map[string]string{"method": "POST", "requestUri": "/"} {
		if s, _ := facts[k].(string); s == "" {
			facts[k] = v
			changed = true
		}
	}
	if !changed {
		return raw, nil
	}
	h, err := json.Marshal(facts)
	if err != nil {
		return nil, err
	}
	op["http"] = h
	return json.Marshal(op)
}

// schema is vectorkit's vkSchema, built from the IR: member wire names, Go field names
// and targets, by shape ID. The c2j shapes add what the IR does not keep: "jsonvalue" on
// a list's member or a map's value.
func schema(m *ir.Model, c2j map[string]json.RawMessage) ([]byte, error) {
	type member struct {
		Go     string `json:"go"`
		Target string `json:"target"`
		Loc    string `json:"loc,omitempty"`
		JSON   bool   `json:"json,omitempty"`
	}
	type shape struct {
		Kind       string            `json:"kind"`
		Members    map[string]member `json:"members,omitempty"`
		Member     string            `json:"member,omitempty"`
		Value      string            `json:"value,omitempty"`
		MemberJSON bool              `json:"memberJSON,omitempty"`
		ValueJSON  bool              `json:"valueJSON,omitempty"`
	}
	out := map[string]shape{}
	for _, s := range m.Shapes {
		sh := shape{Kind: s.Kind.String()}
		switch s.Kind {
		case ir.Structure, ir.Union:
			sh.Members = map[string]member{}
			for _, mem := range s.Members {
				mm := member{Go: mem.GoName, Target: mem.Target.ID, JSON: jsonText(mem)}
				if l := mem.Traits.Location; l != ir.InBody {
					mm.Loc = l.String()
				}
				sh.Members[mem.Name] = mm
			}
		case ir.List:
			sh.Member, sh.MemberJSON = s.Member.Target.ID, jsonText(s.Member) || c2jJSONValue(c2j[s.ID], "member")
		case ir.Map:
			sh.Value, sh.ValueJSON = s.Value.Target.ID, jsonText(s.Value) || c2jJSONValue(c2j[s.ID], "value")
		}
		out[s.ID] = sh
	}
	return json.Marshal(out)
}

// c2jJSONValue reports whether a c2j list or map shape says "jsonvalue" on its member
// reference ref ("member", "value").
func c2jJSONValue(shape json.RawMessage, ref string) bool {
	type memberRef struct {
		JSONValue bool `json:"jsonvalue"`
	}
	var sh struct{ Member, Value memberRef }
	json.Unmarshal(shape, &sh) // a bad shape is reported by the loader
	if ref == "value" {
		return sh.Value.JSONValue
	}
	return sh.Member.JSONValue
}

// jsonText reports whether a string member holds a JSON text (c2j "jsonvalue", @mediaType
// application/json or a +json type), which the vectors give as the JSON value.
func jsonText(m *ir.Member) bool {
	mt, _, _ := strings.Cut(m.MediaType(), ";")
	mt = strings.TrimSpace(mt)
	return m.Target.Kind == ir.String && (mt == "application/json" || strings.HasSuffix(mt, "+json"))
}

// rawShape is the part of a c2j shape the classification reads.
type rawShape struct {
	Members map[string]struct {
		Shape            string `json:"shape"`
		IdempotencyToken bool   `json:"idempotencyToken"`
		Location         string `json:"location"`
		LocationName     string `json:"locationName"`
	} `json:"members"`
	EventStream bool `json:"eventstream"`
	Error       *struct {
		Code string `json:"code"`
	} `json:"error"`
}

func (s *suite) shape(name string) rawShape {
	var r rawShape
	json.Unmarshal(s.Shapes[name], &r) // a bad shape is reported by the loader
	return r
}

// classify decides whether a case's body is checked with the codec alone, or says why not.
// Every case also goes through the client unless clientSkip says otherwise.
func classify(f vectorFile, s *suite, c *vectorCase) (body bool, why string) {
	var g given
	json.Unmarshal(c.Given, &g) // checked by c2jModel
	if f.Rest {
		return false, "rest-json: the body is one part of the HTTP message; the client builds and reads it"
	}
	if f.Input {
		switch {
		case c.Serialized == nil || c.Serialized.Body == nil:
			return false, "request without an expected body: checks headers, URI or host only"
		case g.Input == nil:
			return false, "operation without an input shape: the client sends {}"
		}
		if len(autoTokens(s, c)) > 0 {
			return false, "idempotency token auto-fill happens in the client"
		}
		return true, ""
	}
	switch {
	case len(c.Error) > 0 || c.ErrorCode != "":
		return false, "error response: error codes and error decoding"
	case c.Response == nil:
		return false, "no response"
	case c.Response.StatusCode >= 300:
		return false, "error status"
	case g.Output == nil:
		return false, "operation without an output shape: the client does not decode the body"
	case c.Response.Body == nil || strings.TrimSpace(*c.Response.Body) == "":
		return false, "empty response body: the client decodes it as {}"
	case eventStream(s, &g):
		return false, "event stream response"
	}
	if len(s.shape(g.Output.Shape).Members) == 0 && !strings.HasPrefix(strings.TrimSpace(*c.Response.Body), "{") {
		return false, "non-object body of an output without members: the client must not decode it"
	}
	return true, ""
}

// restTokens lists the idempotency-token members of a rest-json input case that the
// params leave unset and the expected request holds: body members (by their key in the
// JSON object body) and query parameters (by name).
func restTokens(s *suite, c *vectorCase) (body, query []string) {
	var g given
	json.Unmarshal(c.Given, &g)
	if g.Input == nil || c.Serialized == nil {
		return nil, nil
	}
	var params map[string]json.RawMessage
	json.Unmarshal(c.Params, &params)
	var bodyObj map[string]json.RawMessage
	if c.Serialized.Body != nil {
		json.Unmarshal([]byte(*c.Serialized.Body), &bodyObj)
	}
	_, rawQuery, _ := strings.Cut(c.Serialized.URI, "?")
	inQuery := map[string]bool{}
	for _, p := range strings.Split(rawQuery, "&") {
		k, _, _ := strings.Cut(p, "=")
		inQuery[k] = true
	}
	for name, m := range s.shape(g.Input.Shape).Members {
		if _, set := params[name]; !m.IdempotencyToken || set {
			continue
		}
		wire := m.LocationName
		if wire == "" {
			wire = name
		}
		switch m.Location {
		case "":
			if bodyObj[wire] != nil {
				body = append(body, wire)
			}
		case "querystring":
			if inQuery[wire] {
				query = append(query, wire)
			}
		}
	}
	slices.Sort(body)
	slices.Sort(query)
	return body, query
}

// autoTokens lists the idempotency-token members of an input case that the params leave
// unset and the expected body holds: the client fills them in.
func autoTokens(s *suite, c *vectorCase) []string {
	var g given
	json.Unmarshal(c.Given, &g)
	if g.Input == nil || c.Serialized == nil || c.Serialized.Body == nil {
		return nil
	}
	var params, body map[string]json.RawMessage
	json.Unmarshal(c.Params, &params)
	json.Unmarshal([]byte(*c.Serialized.Body), &body)
	var names []string
	for name, m := range s.shape(g.Input.Shape).Members {
		if _, set := params[name]; m.IdempotencyToken && !set && body[name] != nil {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

func eventStream(s *suite, g *given) bool {
	if g.Output == nil {
		return false
	}
	for _, m := range s.shape(g.Output.Shape).Members {
		if s.shape(m.Shape).EventStream {
			return true
		}
	}
	return false
}

// clientGaps lists the expectations of the vectors that the client checks leave out, each
// for a feature the client deliberately lacks, with the reason. Every entry must be used
// by some case.
var clientGaps = map[string]string{
	"header X-Amzn-Query-Mode": "awsQueryCompatible is not implemented: the client sends no x-amzn-query-mode header",
	"query error code": "awsQueryCompatible is not implemented: ErrorCode() is the __type code, not the " +
		"x-amzn-query-error header's; the error type and its members are checked",
	"event stream": "event stream responses are not implemented",
}

// clientSkip names the clientGaps entry that keeps a case away from the client, or "".
func clientSkip(s *suite, c *vectorCase) string {
	var g given
	json.Unmarshal(c.Given, &g)
	if eventStream(s, &g) {
		return "event stream"
	}
	return ""
}

// casesFile is the generated cases_test.go of one package.
type casesFile struct {
	pkg    string
	schema []byte
	body   bytes.Buffer // TestVectors' subtests
	client bytes.Buffer // TestClient's subtests
	gaps   bytes.Buffer // TestClientGaps' subtests
	// clientSchema and gapsSchema are set when a TestClient or TestClientGaps subtest
	// uses the schema.
	clientSchema, gapsSchema bool
}

// label is a case's comment line: its file and its id, else its description, else its
// suite's.
func label(f vectorFile, s *suite, c *vectorCase) string {
	l := c.ID
	if l == "" {
		l = c.Description
	}
	if l == "" {
		l = "(a case of) " + s.Description
	}
	return f.Key + ": " + oneLine(l)
}

func (cf *casesFile) addBody(name string, f vectorFile, s *suite, c *vectorCase, m *ir.Model) error {
	var g given
	json.Unmarshal(c.Given, &g)
	w := &cf.body
	fmt.Fprintf(w, "\tt.Run(%q, func(t *testing.T) {\n\t\t// %s\n", name, label(f, s, c))
	if f.Input {
		in := m.Shape(g.Input.Shape)
		if in == nil {
			return fmt.Errorf("no input shape %q in the IR", g.Input.Shape)
		}
		fmt.Fprintf(w, "\t\tvkInputCase(t, schema, %q, %q, %q, new(%s))\n",
			in.ID, compact(c.Params), *c.Serialized.Body, in.GoName)
	} else {
		out := m.Shape(g.Output.Shape)
		if out == nil {
			return fmt.Errorf("no output shape %q in the IR", g.Output.Shape)
		}
		fmt.Fprintf(w, "\t\tvkOutputCase[%s](t, schema, %q, %q, %q)\n",
			out.GoName, out.ID, compact(c.Result), *c.Response.Body)
	}
	w.WriteString("\t})\n")
	return nil
}

// clientCase is what addClient learns about a case besides the code it writes.
type clientCase struct {
	unchecked, tokens []string
	// probes holds, for each unchecked key, the check of just what it leaves out.
	probes []string
}

// gap leaves an expectation out of the case's client check; probe checks just that
// expectation, in a TestClientGaps subtest that must fail.
func (cc *clientCase) gap(key, probe string) {
	cc.unchecked = append(cc.unchecked, key)
	cc.probes = append(cc.probes, probe)
}

// addClient writes the case's TestClient subtest: a test server answers the generated
// client's call, and the request it got (input cases) or the call's result (output cases)
// is checked against the vector. Each expectation it leaves out (clientGaps) gets a
// TestClientGaps subtest of its own, which checks just that and must fail: when one
// passes, the gap has closed and its entry must go.
func (cf *casesFile) addClient(name string, f vectorFile, s *suite, c *vectorCase, m *ir.Model) (*clientCase, error) {
	var g given
	json.Unmarshal(c.Given, &g)
	var meta metadata
	json.Unmarshal(s.Metadata, &meta)
	var op *ir.Operation
	for _, o := range m.Operations {
		if o.Name == g.Name {
			op = o
		}
	}
	if op == nil {
		return nil, fmt.Errorf("no operation %q in the IR", g.Name)
	}
	cc := &clientCase{}
	var b bytes.Buffer // the subtest's setup and call

	status, respHeader, respBody := 200, map[string]string{"Content-Type": contentType(meta)}, "{}"
	serve, options := "vkServe", ""
	if f.Rest {
		// Input cases get an empty success; output cases exactly the vector's response.
		status, respHeader, respBody = cmp.Or(op.HTTPCode, 200), nil, ""
		if !f.Input {
			serve = "vkServeExact"
		}
		options = `, Region: "us-east-1"`
	}
	endpoint := "http://example.com"
	var want *wantRequest
	if f.Input {
		var err error
		if f.Rest {
			want, endpoint, err = restRequestWant(s, c, &g, op, cc)
		} else {
			want, endpoint, err = requestWant(s, c, &g, meta, op, cc)
		}
		if err != nil {
			return nil, err
		}
	} else {
		r := c.Response
		if r == nil {
			return nil, fmt.Errorf("output case without a response")
		}
		status, respHeader, respBody = r.StatusCode, r.Headers, ""
		if r.Body != nil {
			respBody = *r.Body
		}
	}
	fmt.Fprintf(&b, "\t\tsrv := %s(t, %d, %s, %q)\n", serve, status, goStringMap(respHeader), respBody)
	fmt.Fprintf(&b, "\t\tc := NewClient(Options{Endpoint: %q%s, HTTPClient: srv.Client, Retry: RetryOptions{MaxAttempts: 1}})\n", endpoint, options)
	args := "context.Background()"
	params := compact(c.Params)
	if params == "null" {
		params = "{}" // aws-sdk-go v1's "params": null
	}
	if op.Input != nil {
		fmt.Fprintf(&b, "\t\tin := new(%s)\n", op.Input.GoName)
		if f.Input {
			fmt.Fprintf(&b, "\t\tvkMustBuild(t, schema, %q, %q, in)\n", op.Input.ID, params)
		}
		args += ", in"
	} else if params != "{}" {
		return nil, fmt.Errorf("operation %s has no input, but the case has params %s", op.Name, params)
	}
	call := fmt.Sprintf("c.%s(%s)", op.GoName, args)
	results := "err"
	if op.Output != nil {
		results = "_, err"
	}
	var check string
	isError := len(c.Error) > 0 || c.ErrorCode != ""
	switch {
	case f.Input && f.Rest && op.Output != nil:
		// The output may hold a stream, which the check leaves unread.
		fmt.Fprintf(&b, "\t\tout, err := %s\n\t\tvkCloseStreams(out)\n", call)
		check = fmt.Sprintf("vkCheckRequest(t, srv, err, %s)", want.goString())
	case f.Input:
		fmt.Fprintf(&b, "\t\t%s := %s\n", results, call)
		check = fmt.Sprintf("vkCheckRequest(t, srv, err, %s)", want.goString())
	case isError:
		fmt.Fprintf(&b, "\t\t%s := %s\n", results, call)
		es, byQueryError := errorShape(m, s, meta, c.ErrorCode)
		switch {
		case es == nil:
			check = fmt.Sprintf("vkCheckAPIError[APIError](t, %q, err)", c.ErrorCode)
		default:
			code := c.ErrorCode
			if byQueryError {
				code = ""
				cc.gap("query error code", fmt.Sprintf("vkCheckError[%s](t, schema, %q, %q, %q, err)", es.GoName, es.ID, c.ErrorCode, compact(c.Error)))
			}
			check = fmt.Sprintf("vkCheckError[%s](t, schema, %q, %q, %q, err)", es.GoName, es.ID, code, compact(c.Error))
		}
	case c.Response.StatusCode >= 300:
		return nil, fmt.Errorf("error status %d without an error code", c.Response.StatusCode)
	case op.Output == nil:
		fmt.Fprintf(&b, "\t\terr := %s\n", call)
		check = "vkCheckOK(t, err)"
	default:
		fmt.Fprintf(&b, "\t\tout, err := %s\n", call)
		check = fmt.Sprintf("vkCheckResult[%s](t, schema, %q, %q, out, err)", op.Output.GoName, op.Output.ID, compact(c.Result))
	}
	subtest := func(w *bytes.Buffer, name, comment, check string) {
		fmt.Fprintf(w, "\tt.Run(%q, func(t *testing.T) {\n\t\t// %s\n", name, comment)
		w.Write(b.Bytes())
		fmt.Fprintf(w, "\t\t%s\n\t})\n", check)
		if strings.Contains(b.String()+check, "schema,") {
			cf.clientSchema = cf.clientSchema || w == &cf.client
			cf.gapsSchema = cf.gapsSchema || w == &cf.gaps
		}
	}
	subtest(&cf.client, name, label(f, s, c), check)
	for i, key := range cc.unchecked {
		subtest(&cf.gaps, name+"_"+strings.ReplaceAll(key, " ", "_"), label(f, s, c)+" ("+key+")", cc.probes[i])
	}
	return cc, nil
}

// contentType is the awsJson Content-Type of a suite's service: botocore reads a missing
// jsonVersion as 1.0.
func contentType(meta metadata) string {
	v := meta.JSONVersion
	if v == "" {
		v = "1.0"
	}
	return "application/x-amz-json-" + v
}

// errorShape finds the modeled error for a case's errorCode: the IR's error whose wire code
// it is or, for an awsQueryCompatible service, the one whose awsQueryError code it is (the
// code the x-amzn-query-error header carries). nil means the code is not modeled.
func errorShape(m *ir.Model, s *suite, meta metadata, code string) (shape *ir.Shape, byQueryError bool) {
	for _, sh := range m.Shapes {
		if sh.IsError() && sh.ErrorCode == code {
			return sh, false
		}
	}
	if len(meta.AWSQueryCompatible) == 0 {
		return nil, false
	}
	for _, name := range slices.Sorted(maps.Keys(s.Shapes)) {
		if e := s.shape(name).Error; e != nil && e.Code == code {
			if sh := m.Shape(name); sh != nil && sh.IsError() {
				return sh, true
			}
		}
	}
	return nil, false
}

// wantRequest is vectorkit's vkWantRequest, written into the cases file.
type wantRequest struct {
	method, host, uri string
	query             bool
	headers           map[string]string
	require, forbid   []string
	bodyKind, body    string
	gunzip            bool
	tokens            []string
	queryTokens       []string
}

func (w *wantRequest) goString() string {
	var rest string // fields most awsJson cases leave zero
	if w.query {
		rest += ", Query: true"
	}
	if w.bodyKind != "" {
		rest += fmt.Sprintf(", BodyKind: %q", w.bodyKind)
	}
	if w.gunzip {
		rest += ", Gunzip: true"
	}
	if len(w.queryTokens) > 0 {
		rest += ", QueryTokens: " + goStrings(w.queryTokens)
	}
	return fmt.Sprintf("vkWantRequest{Method: %q, Host: %q, URI: %q, Headers: %s, Require: %s, Forbid: %s, Body: %q, Tokens: %s%s}",
		w.method, w.host, w.uri, goStringMap(w.headers), goStrings(w.require), goStrings(w.forbid), w.body, goStrings(w.tokens), rest)
}

// requestWant reads what an input case expects of the request, leaving out what clientGaps
// names, and the endpoint the client is given.
func requestWant(s *suite, c *vectorCase, g *given, meta metadata, op *ir.Operation, cc *clientCase) (*wantRequest, string, error) {
	ser := c.Serialized
	if ser == nil {
		return nil, "", fmt.Errorf("input case without \"serialized\"")
	}
	w := &wantRequest{method: ser.Method, uri: ser.URI, headers: map[string]string{}, forbid: ser.ForbidHeaders}
	if w.method == "" {
		w.method = "POST" // awsJson requests are always POSTs
	}
	if w.uri == "" {
		w.uri = "/"
	}
	host, err := vectorHost(c, g, w)
	if err != nil {
		return nil, "", err
	}
	for _, k := range slices.Sorted(maps.Keys(ser.Headers)) {
		if key := "header " + http.CanonicalHeaderKey(k); clientGaps[key] != "" {
			cc.gap(key, probeRequest(&wantRequest{headers: map[string]string{k: ser.Headers[k]}}))
			continue
		}
		w.headers[k] = ser.Headers[k]
	}
	for _, k := range ser.RequireHeaders {
		if key := "header " + http.CanonicalHeaderKey(k); clientGaps[key] != "" {
			cc.gap(key, probeRequest(&wantRequest{require: []string{k}}))
			continue
		}
		w.require = append(w.require, k)
	}
	// Every awsJson request has these two, whether or not the vector lists them.
	has := func(name string) bool {
		for k := range ser.Headers {
			if strings.EqualFold(k, name) {
				return true
			}
		}
		return false
	}
	if !has("Content-Type") {
		w.headers["Content-Type"] = contentType(meta)
	}
	if !has("X-Amz-Target") && meta.TargetPrefix != "" {
		w.headers["X-Amz-Target"] = meta.TargetPrefix + "." + op.Name
	}
	w.gunzip = gzipped(ser.Headers)
	switch {
	case ser.Body != nil:
		w.body = *ser.Body
		if strings.TrimSpace(w.body) == "" {
			w.body = "{}"
		}
	case op.Input == nil:
		w.body = "{}"
	}
	w.tokens = autoTokens(s, c)
	cc.tokens = w.tokens
	return w, "http://" + host, nil
}

// restRequestWant reads what a rest-json input case expects of the request, and the
// endpoint the client is given. Everything the vector gives is checked: the method (the
// operation's when the vector has none); the URI's path exactly and its query as a
// multiset of parameters; the host, with any host prefix; every header it lists, exactly,
// and requireHeaders and forbidHeaders; the body (restBody), decompressed first when the
// vector's Content-Encoding says gzip. Only what clientGaps names would be left out.
func restRequestWant(s *suite, c *vectorCase, g *given, op *ir.Operation, cc *clientCase) (*wantRequest, string, error) {
	ser := c.Serialized
	if ser == nil {
		return nil, "", fmt.Errorf("input case without \"serialized\"")
	}
	w := &wantRequest{method: cmp.Or(ser.Method, op.HTTPMethod), uri: cmp.Or(ser.URI, "/"), query: true,
		headers: map[string]string{}, forbid: ser.ForbidHeaders}
	endpoint, err := vectorHost(c, g, w)
	if err != nil {
		return nil, "", err
	}
	probe := func(p *wantRequest) string {
		p.bodyKind = "any"
		return probeRequest(p)
	}
	for _, k := range slices.Sorted(maps.Keys(ser.Headers)) {
		if key := "header " + http.CanonicalHeaderKey(k); clientGaps[key] != "" {
			cc.gap(key, probe(&wantRequest{headers: map[string]string{k: ser.Headers[k]}}))
			continue
		}
		w.headers[k] = ser.Headers[k]
	}
	for _, k := range ser.RequireHeaders {
		if key := "header " + http.CanonicalHeaderKey(k); clientGaps[key] != "" {
			cc.gap(key, probe(&wantRequest{require: []string{k}}))
			continue
		}
		w.require = append(w.require, k)
	}
	w.gunzip = gzipped(ser.Headers)
	w.bodyKind, w.body = restBody(ser.Body, ser.Headers)
	body, query := restTokens(s, c)
	if w.bodyKind == "json" {
		w.tokens = body
	}
	w.queryTokens = query
	cc.tokens = append(slices.Clone(w.tokens), w.queryTokens...)
	return w, "http://" + endpoint, nil
}

// gzipped reports whether a request's headers say that its body is gzip-compressed: the
// last of its Content-Encoding's codings is gzip. (The vectors that say so give no body.)
func gzipped(headers map[string]string) bool {
	for k, v := range headers {
		if strings.EqualFold(k, "Content-Encoding") {
			codings := strings.Split(v, ",")
			return strings.EqualFold(strings.TrimSpace(codings[len(codings)-1]), "gzip")
		}
	}
	return false
}

// restBody says how a rest-json request body compares with the vector's (vkWantRequest's
// BodyKind and Body): not at all when the vector gives no body; as JSON values when the
// vector's Content-Type is JSON or, without one, when its body is a JSON object or array;
// else byte for byte, so that an empty body means that no body bytes are sent.
func restBody(body *string, headers map[string]string) (kind, want string) {
	if body == nil {
		return "any", ""
	}
	if *body == "" {
		return "bytes", ""
	}
	ct, hasType := "", false
	for k, v := range headers {
		if strings.EqualFold(k, "Content-Type") {
			ct, hasType = v, true
		}
	}
	mt, _, _ := strings.Cut(ct, ";")
	mt = strings.TrimSpace(strings.ToLower(mt))
	switch t := strings.TrimSpace(*body); {
	case mt == "application/json" || strings.HasSuffix(mt, "+json"):
		return "json", *body
	case !hasType && (strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[")) && json.Valid([]byte(t)):
		return "json", *body
	}
	return "bytes", *body
}

// probeRequest checks a request for just what w holds.
func probeRequest(w *wantRequest) string {
	return fmt.Sprintf("vkCheckRequest(t, srv, err, %s)", w.goString())
}

// vectorHost returns the endpoint (host and any path) the client is given for case c, and
// sets the host w wants. The vectors' host is the endpoint's plus the operation's host
// prefix, with any endpoint path: "foo.example.com", "example.com/custom"; the client is
// given the endpoint without the prefix and must add it.
func vectorHost(c *vectorCase, g *given, w *wantRequest) (string, error) {
	ser := c.Serialized
	endpoint := cmp.Or(ser.Host, "example.com")
	if ser.Host == "" {
		return endpoint, nil
	}
	w.host, _, _ = strings.Cut(ser.Host, "/")
	if g.Endpoint != nil && g.Endpoint.HostPrefix != "" {
		prefix, err := expandHostPrefix(g.Endpoint.HostPrefix, c.Params)
		if err != nil {
			return "", err
		}
		if !strings.HasPrefix(endpoint, prefix) {
			return "", fmt.Errorf("host %q does not start with the host prefix %q", ser.Host, prefix)
		}
		endpoint = strings.TrimPrefix(endpoint, prefix)
	}
	return endpoint, nil
}

// expandHostPrefix fills an endpoint trait's host prefix, "foo.{label}.", from params.
func expandHostPrefix(prefix string, params json.RawMessage) (string, error) {
	var p map[string]any
	json.Unmarshal(params, &p)
	var b strings.Builder
	for {
		i := strings.IndexByte(prefix, '{')
		if i < 0 {
			b.WriteString(prefix)
			return b.String(), nil
		}
		j := strings.IndexByte(prefix[i:], '}')
		if j < 0 {
			return "", fmt.Errorf("bad host prefix %q", prefix)
		}
		v, ok := p[prefix[i+1:i+j]].(string)
		if !ok {
			return "", fmt.Errorf("host prefix %q: no string param %q", prefix, prefix[i+1:i+j])
		}
		b.WriteString(prefix[:i] + v)
		prefix = prefix[i+j+1:]
	}
}

func goStrings(l []string) string {
	if len(l) == 0 {
		return "nil"
	}
	q := make([]string, len(l))
	for i, s := range l {
		q[i] = strconv.Quote(s)
	}
	return "[]string{" + strings.Join(q, ", ") + "}"
}

func goStringMap(m map[string]string) string {
	if len(m) == 0 {
		return "nil"
	}
	var q []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		q = append(q, strconv.Quote(k)+": "+strconv.Quote(m[k]))
	}
	return "map[string]string{" + strings.Join(q, ", ") + "}"
}

func (cf *casesFile) render() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by internal/protocoltest from protocol test vectors. DO NOT EDIT.\n\n")
	fmt.Fprintf(&b, "package %s\n\n", cf.pkg)
	if cf.client.Len() > 0 {
		b.WriteString("import (\n\t\"context\"\n\t\"testing\"\n)\n\n")
	} else {
		b.WriteString("import \"testing\"\n\n")
	}
	fmt.Fprintf(&b, "// vkSchemaText describes the model's shapes for vectorkit.\nconst vkSchemaText = %s\n\n", strconv.Quote(string(cf.schema)))
	if cf.body.Len() > 0 {
		b.WriteString("// TestVectors checks the vectors' bodies with the codec alone.\n")
		b.WriteString("func TestVectors(t *testing.T) {\n\tschema := vkParseSchema(vkSchemaText)\n")
		b.Write(cf.body.Bytes())
		b.WriteString("}\n\n")
	}
	if cf.client.Len() > 0 {
		b.WriteString("// TestClient sends the vectors' requests and receives their responses through the client.\n")
		b.WriteString("func TestClient(t *testing.T) {\n")
		if cf.clientSchema {
			b.WriteString("\tschema := vkParseSchema(vkSchemaText)\n")
		}
		b.Write(cf.client.Bytes())
		b.WriteString("}\n")
	}
	if cf.gaps.Len() > 0 {
		b.WriteString("\n// TestClientGaps checks, one each, the expectations TestClient leaves out for features\n")
		b.WriteString("// the client lacks. Every subtest must fail.\n")
		b.WriteString("func TestClientGaps(t *testing.T) {\n")
		if cf.gapsSchema {
			b.WriteString("\tschema := vkParseSchema(vkSchemaText)\n")
		}
		b.Write(cf.gaps.Bytes())
		b.WriteString("}\n")
	}
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

// writeGroup loads and generates one group of a file's suites (see groupSuites) into
// dir/pkg and plans their cases. A group that cannot be loaded or generated still plans
// its cases, failed with the error.
func writeGroup(dir, pkg string, f vectorFile, group []int, suites []suite, ign *ignoreList, kit []byte) ([]*plannedCase, error) {
	var planned []*plannedCase
	cf := &casesFile{pkg: pkg}
	members := make([]*suite, len(group))
	for i, si := range group {
		members[i] = &suites[si]
	}
	api, err := c2jModel(members)
	var m *ir.Model
	if err == nil {
		m, err = load.Bytes(fmt.Sprintf("%s#%v", f.Key, group), api, nil)
	}
	var files map[string][]byte
	if err == nil {
		files, err = gen.Generate(m, gen.Options{Package: pkg, NoTests: true})
	}
	if err == nil && files["client.go"] == nil {
		// The generator writes no client for a protocol it does not support yet, and
		// says why in a note.
		notes, _ := gen.Notes(m, gen.Options{Package: pkg, NoTests: true})
		err = fmt.Errorf("the generator wrote no client.go (%s)", strings.Join(notes, "; "))
	}
	if err == nil {
		c2j := map[string]json.RawMessage{}
		for _, s := range members {
			maps.Copy(c2j, s.Shapes)
		}
		cf.schema, err = schema(m, c2j)
	}
	setupErr := err
	for _, si := range group {
		s := &suites[si]
		for ci := range s.Cases {
			c := &s.Cases[ci]
			pc := &plannedCase{ID: caseID(f, c), File: f.Key, IgnoredByBotocore: ign.ignores(f, s, c),
				Package: "protocoltest/" + pkg, Name: fmt.Sprintf("s%02dc%02d", c.suite, c.index)}
			pc.Body, pc.NotBody = classify(f, s, c)
			pc.ClientSkip = clientSkip(s, c)
			planned = append(planned, pc)
			if setupErr == nil && pc.Body {
				if err := cf.addBody(pc.Name, f, s, c, m); err != nil {
					setupErr = fmt.Errorf("%s: %w", pc.ID, err)
				}
			}
			if setupErr == nil && pc.ClientSkip == "" {
				cc, err := cf.addClient(pc.Name, f, s, c, m)
				if err != nil {
					setupErr = fmt.Errorf("%s: %w", pc.ID, err)
				} else {
					pc.Unchecked, pc.Tokens = cc.unchecked, cc.tokens
				}
			}
		}
	}
	if setupErr != nil {
		for _, pc := range planned {
			pc.SetupErr = setupErr.Error()
		}
		return planned, nil
	}
	if cf.body.Len() == 0 && cf.client.Len() == 0 {
		return planned, nil // nothing to check here: no package
	}
	cases, err := cf.render()
	if err != nil {
		return nil, fmt.Errorf("%s suites %v: cases_test.go: %w", f.Key, group, err)
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
// or its position in the file for the legacy cases that have none.
func caseID(f vectorFile, c *vectorCase) string {
	if c.ID != "" {
		return f.Key + ":" + c.ID
	}
	return fmt.Sprintf("%s:suite%02d.case%02d", f.Key, c.suite, c.index)
}
