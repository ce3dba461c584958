package smithy

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/awsgen/awsgen/internal/ir"
	"github.com/awsgen/awsgen/internal/load/internal/loadtest"
)

const httpBindings = "../../../testdata/models/httpbindings.smithy.json"

// TestHTTPBindings loads a restJson1 model with every HTTP binding once and checks the
// operations' HTTP facts and every member's binding, written out by hand.
func TestHTTPBindings(t *testing.T) {
	data, err := os.ReadFile(httpBindings)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load(httpBindings, data)
	if err != nil {
		t.Fatal(err)
	}
	const b = "example.bindings#"
	type httpFacts struct {
		method, path, query string
		code                int
		host, compress      string
	}
	ops := map[string]httpFacts{
		"GetObject":   {"GET", "/buckets/{Bucket}/objects/{Key+}", "x-id=GetObject", 200, "", ""},
		"ListThings":  {"GET", "/things", "", 200, "", ""},
		"PutThing":    {"PUT", "/things/{ThingId}", "", 201, "{Account}.data-", "gzip"},
		"UploadThing": {"POST", "/things/{ThingId}/data", "upload", 202, "", ""},
	}
	if len(m.Operations) != len(ops) {
		t.Errorf("%d operations, want %d", len(m.Operations), len(ops))
	}
	for _, op := range m.Operations {
		got := httpFacts{op.HTTPMethod, op.HTTPPath, op.HTTPQuery, op.HTTPCode, op.HostPrefix, strings.Join(op.RequestCompression, ",")}
		if got != ops[op.Name] {
			t.Errorf("%s: got %+v\nwant %+v", op.Name, got, ops[op.Name])
		}
	}
	members := []struct{ shape, member, want string }{
		{"GetObjectInput", "Bucket", "-> smithy.api#String required label=Bucket"},
		{"GetObjectInput", "Key", "-> smithy.api#String required label=Key"},
		{"GetObjectInput", "VersionId", "-> smithy.api#String query=versionId"},
		{"GetObjectInput", "Tags", "-> example.bindings#StringList query=tag"},
		{"GetObjectInput", "Filters", "-> example.bindings#StringMap queryParams"},
		{"GetObjectInput", "IfMatch", "-> smithy.api#String header=If-Match"},
		{"GetObjectInput", "Since", "-> smithy.api#Timestamp ts=date-time header=X-Since"},
		{"GetObjectInput", "Before", "-> smithy.api#Timestamp ts=epoch-seconds query=before"},
		{"GetObjectInput", "Metadata", "-> example.bindings#StringMap prefixHeaders=x-meta-"},
		{"GetObjectInput", "Context", "-> example.bindings#JsonString header=X-Context mediaType=application/json"},
		{"GetObjectOutput", "Body", "-> example.bindings#StreamingBlob streaming payload"},
		{"GetObjectOutput", "ContentType", "-> smithy.api#String header=Content-Type"},
		{"GetObjectOutput", "Status", "-> smithy.api#Integer responseCode"},
		{"GetObjectOutput", "Headers", "-> example.bindings#StringMap prefixHeaders="},
		{"PutThingInput", "ThingId", "-> smithy.api#String required label=ThingId"},
		{"PutThingInput", "Account", "-> smithy.api#String required hostLabel"},
		{"PutThingInput", "Name", "-> smithy.api#String json=name"},
		{"PutThingInput", "Doc", "-> example.bindings#JsonString mediaType=application/json"},
		{"PutThingInput", "When", "-> smithy.api#Timestamp ts=epoch-seconds"},
		{"PutThingOutput", "Thing", "-> example.bindings#Thing payload"},
		{"PutThingOutput", "RequestId", "-> smithy.api#String header=x-amzn-RequestId"},
		{"ListThingsInput", "MaxResults", "-> smithy.api#Integer query=maxResults"},
		{"ListThingsInput", "Position", "-> smithy.api#String query=position"},
		{"ListThingsOutput", "Items", "-> example.bindings#ThingList"},
		{"ListThingsOutput", "position", "-> smithy.api#String query=position"},
		{"UploadThingInput", "ThingId", "-> smithy.api#String required label=ThingId"},
		{"UploadThingInput", "Data", "-> example.bindings#UploadBlob streaming requiresLength payload"},
		{"Thing", "Name", "-> smithy.api#String json=name"},
	}
	byName, listed := map[string]*ir.Member{}, map[string]int{}
	for _, tt := range members {
		listed[b+tt.shape]++
		var mem *ir.Member
		for _, x := range shape(t, m, b+tt.shape).Members {
			if x.Name == tt.member {
				mem = x
			}
		}
		if mem == nil {
			t.Errorf("%s has no member %s", tt.shape, tt.member)
			continue
		}
		byName[tt.shape+"$"+tt.member] = mem
		if got := loadtest.Member(mem); got != tt.want {
			t.Errorf("%s$%s:\n got %s\nwant %s", tt.shape, tt.member, got, tt.want)
		}
	}
	for _, s := range m.Shapes {
		if s.Kind == ir.Structure && len(s.Members) != listed[s.ID] {
			t.Errorf("%s has %d members, the table lists %d", s.ID, len(s.Members), listed[s.ID])
		}
	}
	// The locations as each message sees them: a response code is no request binding, and a
	// query parameter in an output (API Gateway's models have them) is a body member.
	for key, want := range map[string][2]ir.Location{
		"GetObjectOutput$Status":    {ir.InBody, ir.InResponseCode},
		"ListThingsOutput$position": {ir.InQuery, ir.InBody},
		"GetObjectInput$Bucket":     {ir.InLabel, ir.InBody},
		"GetObjectInput$Filters":    {ir.InQueryParams, ir.InBody},
		"GetObjectInput$IfMatch":    {ir.InHeader, ir.InHeader},
		"PutThingOutput$Thing":      {ir.InPayload, ir.InPayload},
		"PutThingInput$Account":     {ir.InBody, ir.InBody},
	} {
		mem := byName[key]
		if got := [2]ir.Location{mem.RequestLocation(), mem.ResponseLocation()}; got != want {
			t.Errorf("%s: request and response locations %v, want %v", key, got, want)
		}
	}
	for key, want := range map[string]string{
		"GetObjectInput$Since": "date-time", "GetObjectInput$Before": "", "PutThingInput$When": "",
	} {
		if got := byName[key].ExplicitTimestampFormat(); got != want {
			t.Errorf("%s: explicit timestamp format %q, want %q", key, got, want)
		}
	}
	if s := shape(t, m, b+"JsonString"); s.Traits.MediaType != "application/json" || len(s.Traits.Other) != 0 {
		t.Errorf("JsonString traits %+v", s.Traits)
	}
	if s := shape(t, m, b+"UploadBlob"); !s.Traits.RequiresLength || !s.Traits.Streaming || len(s.Traits.Other) != 0 {
		t.Errorf("UploadBlob traits %+v", s.Traits)
	}
}

// TestHTTPErrors covers malformed HTTP traits and operations whose bindings disagree with
// their URI, in a restJson1 service (the checks of a URI against its members apply to the
// protocols with HTTP bindings only: see TestHTTPChecksByProtocol).
func TestHTTPErrors(t *testing.T) {
	// op is a restJson1 service with operation a#Op, its traits, and input a#In with members.
	op := func(opTraits, members string) []byte {
		return []byte(`{"smithy": "2.0", "shapes": {
			"a#Svc": {"type": "service", "operations": [{"target": "a#Op"}], "traits": {"aws.protocols#restJson1": {}}},
			"a#Op": {"type": "operation", "input": {"target": "a#In"}, "traits": {` + opTraits + `}},
			"a#In": {"type": "structure", "members": {` + members + `}},
			"a#Map": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "smithy.api#String"}},
			"a#IntMap": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "smithy.api#Integer"}}
		}}`)
	}
	get := func(uri string) string { return `"smithy.api#http": {"method": "GET", "uri": "` + uri + `"}` }
	member := func(name, target, traits string) string {
		return `"` + name + `": {"target": "` + target + `", "traits": {` + traits + `}}`
	}
	label := member("Id", "smithy.api#String", `"smithy.api#httpLabel": {}, "smithy.api#required": {}`)
	tests := []struct {
		name          string
		model         []byte
		shape, member string
		msg           string
	}{
		{"http without uri", op(`"smithy.api#http": {"method": "GET"}`, ""), "a#Op", "", "method and uri strings"},
		{"http empty method", op(`"smithy.api#http": {"method": "", "uri": "/"}`, ""), "a#Op", "", "method and uri strings"},
		{"http not object", op(`"smithy.api#http": "GET /"`, ""), "a#Op", "", "method and uri strings"},
		{"uri relative", op(get("things"), ""), "a#Op", "", `uri "things": must start with '/'`},
		{"uri partial label", op(get("/things/id-{Id}"), label), "a#Op", "", "a label must be a whole segment"},
		{"uri unclosed label", op(get("/things/{Id"), label), "a#Op", "", "a label must be a whole segment"},
		{"uri empty label", op(get("/things/{}"), ""), "a#Op", "", "bad label name"},
		{"uri label twice", op(get("/{Id}/{Id}"), label), "a#Op", "", `label "Id" appears twice`},
		{"uri two greedy", op(get("/{A+}/{B+}"), ""), "a#Op", "", "more than one greedy label"},
		{"uri label in query", op(get("/things?id={Id}"), label), "a#Op", "", "the query part cannot hold labels"},
		{"uri query twice", op(get("/things?a=1&a=2"), ""), "a#Op", "", `parameter "a" appears twice`},
		{"uri query no key", op(get("/things?=1"), ""), "a#Op", "", "has no key"},
		{"code type", op(`"smithy.api#http": {"method": "GET", "uri": "/", "code": "200"}`, ""), "a#Op", "", "code must be an integer HTTP status code"},
		{"code range", op(`"smithy.api#http": {"method": "GET", "uri": "/", "code": 42}`, ""), "a#Op", "", "code must be an integer HTTP status code"},
		{"label not in uri", op(get("/things"), label), "a#In", "Id", `label "Id" is not in the URI "/things" of operation a#Op`},
		{"uri label without member", op(get("/things/{Id}"), ""), "a#Op", "", `no input member is bound to label "Id"`},
		{"no http in restJson1", op("", ""), "a#Op", "", "needs an HTTP method and URI"},
		{"query not string", op(get("/"), member("Q", "smithy.api#String", `"smithy.api#httpQuery": 1`)), "a#In", "Q", "trait smithy.api#httpQuery: must be a non-empty string, got 1"},
		{"query empty", op(get("/"), member("Q", "smithy.api#String", `"smithy.api#httpQuery": ""`)), "a#In", "Q", "trait smithy.api#httpQuery: must be a non-empty string"},
		{"header not string", op(get("/"), member("H", "smithy.api#String", `"smithy.api#httpHeader": {}`)), "a#In", "H", "trait smithy.api#httpHeader: must be a non-empty string, got {}"},
		{"prefix not string", op(get("/"), member("P", "a#Map", `"smithy.api#httpPrefixHeaders": null`)), "a#In", "P", "trait smithy.api#httpPrefixHeaders: must be a string, got null"},
		{"label not object", op(get("/"), member("L", "smithy.api#String", `"smithy.api#httpLabel": "yes"`)), "a#In", "L", "trait smithy.api#httpLabel: must be an object"},
		{"payload not object", op(get("/"), member("B", "smithy.api#Blob", `"smithy.api#httpPayload": 1`)), "a#In", "B", "trait smithy.api#httpPayload: must be an object"},
		{"two bindings", op(get("/"), member("H", "smithy.api#String", `"smithy.api#httpHeader": "X-H", "smithy.api#httpQuery": "h"`)), "a#In", "H", "the member is already bound by smithy.api#httpHeader"},
		{"binding on a shape", []byte(`{"smithy": "2.0", "shapes": {"a#S": {"type": "string", "traits": {"smithy.api#httpHeader": "X"}}}}`), "a#S", "", "trait smithy.api#httpHeader: is only valid on structure members"},
		{"label on map", op(get("/{L}"), member("L", "a#Map", `"smithy.api#httpLabel": {}`)), "a#In", "L", "a label must target a boolean, number, string or timestamp, not map a#Map"},
		{"header on map", op(get("/"), member("H", "a#Map", `"smithy.api#httpHeader": "X-H"`)), "a#In", "H", "a header must target a boolean, number, string or timestamp, or a list of them, not map a#Map"},
		{"query params of ints", op(get("/"), member("Q", "a#IntMap", `"smithy.api#httpQueryParams": {}`)), "a#In", "Q", "queryParams must target a map of strings, not map a#IntMap"},
		{"prefix headers on string", op(get("/"), member("P", "smithy.api#String", `"smithy.api#httpPrefixHeaders": "x-"`)), "a#In", "P", "prefixHeaders must target a map of strings"},
		{"payload integer", op(get("/"), member("B", "smithy.api#Integer", `"smithy.api#httpPayload": {}`)), "a#In", "B", "a payload must target a string, blob, structure"},
		{"response code string", op(get("/"), member("C", "smithy.api#String", `"smithy.api#httpResponseCode": {}`)), "a#In", "C", "a response code must target an integer"},
		{"two payloads", op(get("/"), member("A", "smithy.api#Blob", `"smithy.api#httpPayload": {}`)+", "+member("B", "smithy.api#String", `"smithy.api#httpPayload": {}`)), "a#In", "B", "a second payload member (also A)"},
		{"payload and body", op(get("/"), member("A", "smithy.api#Blob", `"smithy.api#httpPayload": {}`)+", "+member("B", "smithy.api#String", "")), "a#In", "B", "a body member beside the payload member A"},
		{"mediaType type", op(get("/"), member("M", "smithy.api#String", `"smithy.api#mediaType": 1`)), "a#In", "M", "trait smithy.api#mediaType: must be a non-empty string"},
		{"hostLabel type", op(get("/"), member("H", "smithy.api#String", `"smithy.api#hostLabel": 1`)), "a#In", "H", "trait smithy.api#hostLabel: must be an object"},
		{"host label on integer", op(get("/")+`, "smithy.api#endpoint": {"hostPrefix": "{H}."}`, member("H", "smithy.api#Integer", `"smithy.api#hostLabel": {}`)), "a#In", "H", "a host label must target a string"},
		{"endpoint type", op(get("/")+`, "smithy.api#endpoint": {"hostPrefix": 1}`, ""), "a#Op", "", "trait smithy.api#endpoint must be an object with a non-empty hostPrefix"},
		{"host prefix label without member", op(get("/")+`, "smithy.api#endpoint": {"hostPrefix": "{H}."}`, ""), "a#Op", "", `no input member is the host label "H"`},
		{"host label not in prefix", op(get("/")+`, "smithy.api#endpoint": {"hostPrefix": "data."}`, member("H", "smithy.api#String", `"smithy.api#hostLabel": {}`)), "a#In", "H", `host label is not in the host prefix "data."`},
		{"host prefix brace", op(get("/")+`, "smithy.api#endpoint": {"hostPrefix": "{H."}`, ""), "a#Op", "", "labels must be {Name}"},
		{"compression type", op(get("/")+`, "smithy.api#requestCompression": {"encodings": "gzip"}`, ""), "a#Op", "", "must be an object with an encodings array"},
		{"compression entry", op(get("/")+`, "smithy.api#requestCompression": {"encodings": [1]}`, ""), "a#Op", "", "encodings must be non-empty strings, got 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Load("inline.json", tt.model)
			var e *ir.Error
			if !errors.As(err, &e) {
				t.Fatalf("got model %v, error %v; want an *ir.Error", m, err)
			}
			if e.File != "inline.json" || e.Shape != tt.shape || e.Member != tt.member || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("got %#v\nwant shape %q member %q message containing %q", e, tt.shape, tt.member, tt.msg)
			}
		})
	}
}

// TestHTTPChecksByProtocol: a URI and its members must agree only where the protocol binds
// HTTP; an awsJson service (whose @http, if any, is ignored on the wire) loads with a
// label its input does not bind, as the kitchen sink's GetThing does. Malformed traits are
// errors whatever the protocol.
func TestHTTPChecksByProtocol(t *testing.T) {
	model := func(protocol, http string) []byte {
		return []byte(`{"smithy": "2.0", "shapes": {
			"a#Svc": {"type": "service", "operations": [{"target": "a#Op"}], "traits": {"aws.protocols#` + protocol + `": {}}},
			"a#Op": {"type": "operation", "traits": {"smithy.api#http": ` + http + `}}
		}}`)
	}
	unbound := `{"method": "POST", "uri": "/things/{Id}"}`
	for protocol, want := range map[string]string{
		"awsJson1_1": "", "awsJson1_0": "", "restJson1": `no input member is bound to label "Id"`, "restXml": `no input member is bound to label "Id"`,
	} {
		_, err := Load("p.json", model(protocol, unbound))
		if want == "" && err != nil || want != "" && (err == nil || !strings.Contains(err.Error(), want)) {
			t.Errorf("%s: error %v, want %q", protocol, err, want)
		}
	}
	if _, err := Load("p.json", model("awsJson1_1", `{"method": "POST", "uri": "things"}`)); err == nil || !strings.Contains(err.Error(), "must start with '/'") {
		t.Errorf("awsJson1_1 with a malformed uri: %v", err)
	}
}
