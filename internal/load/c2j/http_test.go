package c2j

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/awsgen/awsgen/internal/ir"
	"github.com/awsgen/awsgen/internal/load/internal/loadtest"
)

const httpBindings = "../../../testdata/models/httpbindings/api-2.json"

// TestHTTPBindings loads a rest-json model with every HTTP binding once (the c2j form of
// testdata/models/httpbindings.smithy.json) and checks the operations' HTTP facts and every
// member's binding, written out by hand.
func TestHTTPBindings(t *testing.T) {
	data, err := os.ReadFile(httpBindings)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load(httpBindings, data, nil)
	if err != nil {
		t.Fatal(err)
	}
	type httpFacts struct {
		method, path, query string
		code                int
		host, compress      string
	}
	ops := map[string]httpFacts{
		// c2j names the label after the member's locationName, "bucket".
		"GetObject":   {"GET", "/buckets/{bucket}/objects/{Key+}", "x-id=GetObject", 200, "", ""},
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
		{"GetObjectInput", "Bucket", "-> String required label=bucket"},
		{"GetObjectInput", "Key", "-> String required label=Key"},
		{"GetObjectInput", "VersionId", "-> String query=versionId"},
		{"GetObjectInput", "Tags", "-> StringList query=tag"},
		{"GetObjectInput", "Filters", "-> StringMap queryParams"}, // querystring on a map
		{"GetObjectInput", "IfMatch", "-> String header=If-Match"},
		{"GetObjectInput", "Since", "-> DateTimeStamp ts=date-time header=X-Since"},
		{"GetObjectInput", "Before", "-> Timestamp ts=epoch-seconds query=before"},
		{"GetObjectInput", "Metadata", "-> StringMap prefixHeaders=x-meta-"},
		{"GetObjectInput", "Context", "-> String header=X-Context mediaType=application/json"}, // jsonvalue
		{"GetObjectOutput", "Body", "-> StreamingBlob streaming payload"},
		{"GetObjectOutput", "ContentType", "-> String header=Content-Type"},
		{"GetObjectOutput", "Status", "-> Integer responseCode"},
		{"GetObjectOutput", "Headers", "-> StringMap prefixHeaders="},
		{"PutThingInput", "ThingId", "-> String required label=ThingId"},
		{"PutThingInput", "Account", "-> String required hostLabel"},
		{"PutThingInput", "Name", "-> String json=name"}, // locationName on a body member
		{"PutThingInput", "Doc", "-> String mediaType=application/json"},
		{"PutThingInput", "When", "-> Timestamp ts=epoch-seconds"},
		{"PutThingOutput", "Thing", "-> Thing payload"},
		{"PutThingOutput", "RequestId", "-> String header=x-amzn-RequestId"},
		{"ListThingsInput", "MaxResults", "-> Integer query=maxResults"},
		{"ListThingsInput", "Position", "-> String query=position"},
		{"ListThingsOutput", "Items", "-> ThingList"},
		{"ListThingsOutput", "position", "-> String"},
		{"UploadThingInput", "ThingId", "-> String required label=ThingId"},
		{"UploadThingInput", "Data", "-> UploadBlob streaming requiresLength payload"},
		{"Thing", "Name", "-> String json=name"},
	}
	listed := map[string]int{}
	for _, tt := range members {
		listed[tt.shape]++
		if got := loadtest.Member(member(t, shape(t, m, tt.shape), tt.member)); got != tt.want {
			t.Errorf("%s$%s:\n got %s\nwant %s", tt.shape, tt.member, got, tt.want)
		}
	}
	for _, s := range m.Shapes {
		if s.Kind == ir.Structure && len(s.Members) != listed[s.ID] {
			t.Errorf("%s has %d members, the table lists %d", s.ID, len(s.Members), listed[s.ID])
		}
		if s.Kind == ir.Structure && len(s.Traits.Other) != 0 {
			t.Errorf("%s keeps %s in Other", s.ID, loadtest.Other(s.Traits))
		}
	}
	if s := shape(t, m, "UploadBlob"); !s.Traits.RequiresLength || !s.Traits.Streaming || len(s.Traits.Other) != 0 {
		t.Errorf("UploadBlob traits %+v", s.Traits)
	}
	code := member(t, shape(t, m, "GetObjectOutput"), "Status")
	if code.RequestLocation() != ir.InBody || code.ResponseLocation() != ir.InResponseCode {
		t.Errorf("GetObjectOutput$Status locations %v %v", code.RequestLocation(), code.ResponseLocation())
	}
}

// TestLocationNameByProtocol: without a location, locationName is the JSON key in the JSON
// protocols and stays in Traits.Other in the others (an XML element or query name).
func TestLocationNameByProtocol(t *testing.T) {
	for protocol, want := range map[string]string{
		"json":      "-> S json=n",
		"rest-json": "-> S json=n",
		"rest-xml":  `-> S other=[c2j#locationName="n"]`,
		"query":     `-> S other=[c2j#locationName="n"]`,
	} {
		m, err := Load("api-2.json", c2jModel(protocol, `, "A": {"type": "structure", "members": {"m": {"shape": "S", "locationName": "n"}}}`), nil)
		if err != nil {
			t.Errorf("%s: %v", protocol, err)
			continue
		}
		if got := loadtest.Member(m.Shape("A").Members[0]); got != want {
			t.Errorf("%s: got %s, want %s", protocol, got, want)
		}
	}
	// Without a locationName, a location's name is the member's (as in botocore); a
	// statusCode and a querystring map have none.
	m, err := Load("api-2.json", c2jModel("rest-json", `, "I": {"type": "integer"}, "M": {"type": "map", "key": {"shape": "S"}, "value": {"shape": "S"}},
		"A": {"type": "structure", "members": {"H": {"shape": "S", "location": "header"}, "Q": {"shape": "S", "location": "querystring"},
		"C": {"shape": "I", "location": "statusCode", "locationName": "ignored"}, "P": {"shape": "M", "location": "querystring", "locationName": "ignored"}}}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, mem := range m.Shape("A").Members {
		got = append(got, mem.Name+" "+loadtest.Binding(mem.Traits))
	}
	if strings.Join(got, ", ") != "H header=H, Q query=Q, C responseCode, P queryParams" {
		t.Errorf("bindings without locationName: %s", strings.Join(got, ", "))
	}
	// List members keep their location keys, which only structures' members have.
	m, err = Load("api-2.json", c2jModel("rest-xml", `, "L": {"type": "list", "member": {"shape": "S", "locationName": "item"}}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := loadtest.Member(m.Shape("L").Member); got != `-> S other=[c2j#locationName="item"]` {
		t.Errorf("list member %s", got)
	}
}

// TestHTTPErrors covers malformed HTTP keys and operations whose bindings disagree with
// their URI in a rest-json model. The URI checks apply only to protocols with HTTP
// bindings: the json kitchen sink has an "http" on every operation and no labels to bind.
func TestHTTPErrors(t *testing.T) {
	// withIn is a model of protocol with operation Op (op holds its keys) and input shape
	// In (in is its JSON).
	withIn := func(protocol, op, in string) []byte {
		return []byte(`{"metadata": {"protocol": "` + protocol + `"}, "operations": {"Op": {"input": {"shape": "In"}, ` + op + `}},
			"shapes": {"S": {"type": "string"}, "I": {"type": "integer"}, "B": {"type": "blob"},
			"M": {"type": "map", "key": {"shape": "S"}, "value": {"shape": "S"}},
			"In": ` + in + `}}`)
	}
	model := func(protocol, op, members string) []byte {
		return withIn(protocol, op, `{"type": "structure", "members": {`+members+`}}`)
	}
	rest := func(op, members string) []byte { return model("rest-json", op, members) }
	payload := func(in string) []byte { return withIn("rest-json", `"http": {"method": "GET", "requestUri": "/"}`, in) }
	get := func(uri string) string { return `"http": {"method": "GET", "requestUri": "` + uri + `"}` }
	label := `"Id": {"shape": "S", "location": "uri", "locationName": "id"}`
	tests := []struct {
		name          string
		model         []byte
		shape, member string
		msg           string
	}{
		{"http type", rest(`"http": {"method": 1}`, ""), "Op", "", "method and requestUri strings"},
		{"uri relative", rest(get("things"), ""), "Op", "", `http.requestUri: uri "things": must start with '/'`},
		{"uri partial label", rest(get("/things/x{id}"), label), "Op", "", "a label must be a whole segment"},
		{"uri query label", rest(get("/things?id={id}"), label), "Op", "", "the query part cannot hold labels"},
		{"response code type", rest(`"http": {"method": "GET", "requestUri": "/", "responseCode": "200"}`, ""), "Op", "", "http.responseCode must be an integer HTTP status code"},
		{"no http in rest-json", rest(`"name": "Op"`, ""), "Op", "", "needs an HTTP method and URI"},
		{"label not in uri", rest(get("/things/{Id}"), label), "In", "Id", `label "id" is not in the URI "/things/{Id}" of operation Op`},
		{"uri label without member", rest(get("/things/{id}"), ""), "Op", "", `no input member is bound to label "id"`},
		{"label twice", rest(get("/things/{id}"), label+`, "Id2": {"shape": "S", "location": "uri", "locationName": "id"}`), "In", "Id2", `label "id" is bound by two members`},
		{"location type", rest(get("/"), `"Q": {"shape": "S", "location": 1}`), "In", "Q", `"location" and "locationName" must be strings`},
		{"locationName type", rest(get("/"), `"Q": {"shape": "S", "location": "querystring", "locationName": 1}`), "In", "Q", `"location" and "locationName" must be strings`},
		{"unknown location", rest(get("/"), `"Q": {"shape": "S", "location": "body"}`), "In", "Q", `unknown location "body"`},
		{"header with an empty name", rest(get("/"), `"H": {"shape": "S", "location": "header", "locationName": ""}`), "In", "H", "a header needs a name"},
		{"hostLabel type", rest(get("/"), `"H": {"shape": "S", "hostLabel": "yes"}`), "In", "H", `"hostLabel" must be a boolean`},
		{"jsonvalue type", rest(get("/"), `"J": {"shape": "S", "jsonvalue": 1}`), "In", "J", `"jsonvalue" must be a boolean`},
		{"header on map", rest(get("/"), `"H": {"shape": "M", "location": "header", "locationName": "X"}`), "In", "H", "a header must target a boolean, number, string or timestamp, or a list of them, not map M"},
		{"headers on string", rest(get("/"), `"H": {"shape": "S", "location": "headers", "locationName": "x-"}`), "In", "H", "prefixHeaders must target a map of strings, not string S"},
		{"statusCode on string", rest(get("/"), `"C": {"shape": "S", "location": "statusCode"}`), "In", "C", "a response code must target an integer, not string S"},
		{"payload type", payload(`{"type": "structure", "members": {}, "payload": 1}`), "In", "", `"payload" must be a member name, got 1`},
		{"payload unknown", payload(`{"type": "structure", "members": {}, "payload": "Body"}`), "In", "Body", `"payload" names a member that does not exist`},
		{"payload with location", payload(`{"type": "structure", "members": {"Body": {"shape": "B", "location": "header", "locationName": "X"}}, "payload": "Body"}`), "In", "Body", "the payload member cannot also have location header"},
		{"payload integer", payload(`{"type": "structure", "members": {"Body": {"shape": "I"}}, "payload": "Body"}`), "In", "Body", "a payload must target a string, blob, structure"},
		{"payload and body", payload(`{"type": "structure", "members": {"Body": {"shape": "B"}, "Other": {"shape": "S"}}, "payload": "Body"}`), "In", "Other", "a body member beside the payload member Body"},
		{"endpoint type", rest(get("/")+`, "endpoint": {"hostPrefix": 1}`, ""), "Op", "", `"endpoint" must be an object with a non-empty hostPrefix string`},
		{"host prefix without member", rest(get("/")+`, "endpoint": {"hostPrefix": "{H}."}`, ""), "Op", "", `no input member is the host label "H"`},
		{"host label not in prefix", model("json", `"endpoint": {"hostPrefix": "data."}`, `"H": {"shape": "S", "hostLabel": true}`), "In", "H", `host label is not in the host prefix "data."`},
		{"requestcompression type", rest(get("/")+`, "requestcompression": {"encodings": {}}`, ""), "Op", "", "must be an object with an encodings array"},
		{"requestcompression entry", rest(get("/")+`, "requestcompression": {"encodings": [""]}`, ""), "Op", "", `encodings must be non-empty strings, got ""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Load("dir/api-2.json", tt.model, nil)
			var e *ir.Error
			if !errors.As(err, &e) {
				t.Fatalf("got model %v, error %v; want an *ir.Error", m, err)
			}
			if e.File != "dir/api-2.json" || e.Shape != tt.shape || e.Member != tt.member || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("got %#v\nwant shape %q member %q message containing %q", e, tt.shape, tt.member, tt.msg)
			}
		})
	}
	// The same unbound label loads in a json service, and not in a rest-xml one.
	if _, err := Load("api-2.json", model("json", get("/things/{id}"), ""), nil); err != nil {
		t.Errorf("json with an unbound label: %v", err)
	}
	if _, err := Load("api-2.json", model("rest-xml", get("/things/{id}"), ""), nil); err == nil {
		t.Error("rest-xml with an unbound label loaded")
	}
}

// TestRESTForms covers c2j forms the REST vectors use: "payload" on the operation's input
// reference (aws-sdk-go v1's protocol tests), "headers" without a locationName (every
// header), httpChecksumRequired, and a blob bound to a header (base64).
func TestRESTForms(t *testing.T) {
	model := []byte(`{"metadata": {"protocol": "rest-json"},
		"operations": {"Op": {"http": {"method": "POST", "requestUri": "/"}, "httpChecksumRequired": true,
			"input": {"shape": "In", "payload": "Body"}, "output": {"shape": "Out"}}},
		"shapes": {"S": {"type": "string"}, "B": {"type": "blob"},
			"M": {"type": "map", "key": {"shape": "S"}, "value": {"shape": "S"}},
			"In": {"type": "structure", "members": {"Body": {"shape": "B"}, "H": {"shape": "B", "location": "header", "locationName": "X-B"}}},
			"Out": {"type": "structure", "members": {"All": {"shape": "M", "location": "headers"}}}}}`)
	m, err := Load("rest.json", model, nil)
	if err != nil {
		t.Fatal(err)
	}
	op := m.Operations[0]
	if !op.ChecksumRequired {
		t.Error("httpChecksumRequired not read")
	}
	for _, tt := range []struct {
		s      *ir.Shape
		member string
		loc    ir.Location
		name   string
	}{
		{op.Input, "Body", ir.InPayload, ""},
		{op.Input, "H", ir.InHeader, "X-B"},
		{op.Output, "All", ir.InPrefixHeaders, ""},
	} {
		for _, mem := range tt.s.Members {
			if mem.Name == tt.member && (mem.Traits.Location != tt.loc || mem.Traits.LocationName != tt.name) {
				t.Errorf("%s.%s: %s %q, want %s %q", tt.s.Name, mem.Name, mem.Traits.Location, mem.Traits.LocationName, tt.loc, tt.name)
			}
		}
	}
}
