package c2j

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/awsgen/awsgen/internal/ir"
	"github.com/awsgen/awsgen/internal/load/internal/loadtest"
)

const (
	kitchenAPI  = "../../../testdata/models/kitchensink/api-2.json"
	kitchenDocs = "../../../testdata/models/kitchensink/docs-2.json"
)

func loadKitchenSink(t *testing.T, withDocs bool) *ir.Model {
	t.Helper()
	api, err := os.ReadFile(kitchenAPI)
	if err != nil {
		t.Fatal(err)
	}
	var docs []byte
	if withDocs {
		if docs, err = os.ReadFile(kitchenDocs); err != nil {
			t.Fatal(err)
		}
	}
	m, err := Load(kitchenAPI, api, docs)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func shape(t *testing.T, m *ir.Model, id string) *ir.Shape {
	t.Helper()
	s := m.Shape(id)
	if s == nil {
		t.Fatalf("no shape %s", id)
	}
	return s
}

func member(t *testing.T, s *ir.Shape, name string) *ir.Member {
	t.Helper()
	switch name {
	case "member":
		return s.Member
	case "key":
		return s.Key
	case "value":
		return s.Value
	}
	for _, m := range s.Members {
		if m.Name == name {
			return m
		}
	}
	t.Fatalf("%s has no member %s", s.ID, name)
	return nil
}

func TestKitchenSinkService(t *testing.T) {
	m := loadKitchenSink(t, true)
	want := ir.Service{
		ID: "kitchen-2024-01-01", Name: "KitchenService", Protocol: "awsJson1_1",
		APIVersion: "2024-01-01", TargetPrefix: "KitchenService", EndpointPrefix: "kitchen",
		SigningName: "kitchensigning", SDKID: "Kitchen", FullName: "Kitchen Sink Service",
		Doc: "<p>The kitchen sink.</p>", // inline documentation wins over docs-2.json
	}
	if *m.Service != want {
		t.Errorf("service:\n got %+v\nwant %+v", *m.Service, want)
	}
	if m.Format != "c2j" || m.Source != kitchenAPI {
		t.Errorf("format %q source %q", m.Format, m.Source)
	}
}

func TestProtocols(t *testing.T) {
	tests := []struct{ meta, want string }{
		{`"protocol": "json", "jsonVersion": "1.1"`, "awsJson1_1"},
		{`"protocol": "json", "jsonVersion": "1.0"`, "awsJson1_0"},
		{`"protocol": "json"`, "awsJson1_0"}, // botocore's default jsonVersion
		{`"protocols": ["json"], "jsonVersion": "1.1"`, "awsJson1_1"},
		{`"protocols": ["smithy-rpc-v2-cbor", "json"]`, "smithyRpcv2Cbor"},
		{`"protocol": "rest-json"`, "restJson1"},
		{`"protocol": "query"`, "awsQuery"},
		{`"protocol": "ec2"`, "ec2Query"},
		{`"protocol": "rest-xml"`, "restXml"},
	}
	for _, tt := range tests {
		m, err := Load("p.json", []byte(`{"metadata": {`+tt.meta+`, "serviceId": "S", "endpointPrefix": "s"}, "shapes": {}}`), nil)
		if err != nil {
			t.Errorf("%s: %v", tt.meta, err)
			continue
		}
		s := m.Service
		if s.Protocol != tt.want || s.Name != "S" || s.ID != "S" || s.SigningName != "s" {
			t.Errorf("%s: got %+v, want protocol %s and the serviceId/endpointPrefix fallbacks", tt.meta, s, tt.want)
		}
	}
}

func TestKitchenSinkShapes(t *testing.T) {
	m := loadKitchenSink(t, true)
	tests := []struct{ id, kind, members, enum string }{
		{"AllTypes", "structure", "String,Char,Blob,Boolean,Byte,Short,Integer,Long,Float,Double,BigDecimal,Timestamp,HttpDate,Document,Range,FooBar,Foo_Bar,lower", ""},
		{"GetThingInput", "structure", "ThingId,type,func,String,Clone,Equal,Validate,Default,Count,Color,Tags,Token,Secret,Created,Modified,Epoch,Ratio,Old,Weird,Header,Inline", ""},
		{"Thing", "structure", "Parent,Children,ByName,Value", ""},
		{"AnyValue", "union", "s,n,doc", ""},
		{"MyDocument", "document", "", ""},
		{"Color", "enum", "", "RED=red,GREEN=GREEN,LIGHT_BLUE=light-blue,LIGHT_BLUE_2=light_blue,VALUE=--"},
		{"ThingList", "list", "", ""},
		{"ThingMap", "map", "", ""},
		{"String", "string", "", ""},
		{"MyChar", "string", "", ""},
		{"MyBlob", "blob", "", ""},
		{"Boolean", "boolean", "", ""},
		{"MyByte", "byte", "", ""},
		{"MyShort", "short", "", ""},
		{"Integer", "integer", "", ""},
		{"Long", "long", "", ""},
		{"MyFloat", "float", "", ""},
		{"MyDouble", "double", "", ""},
		{"MyBigDecimal", "bigDecimal", "", ""},
		{"Timestamp", "timestamp", "", ""},
		{"Range", "structure", "Min", ""},
		{"FooBar", "structure", "", ""},
		{"Foo_Bar", "structure", "", ""},
		{"lowercase", "structure", "x", ""},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			s := shape(t, m, tt.id)
			if s.Name != tt.id || s.Kind.String() != tt.kind {
				t.Errorf("name %q kind %s, want %q %s", s.Name, s.Kind, tt.id, tt.kind)
			}
			if got := loadtest.Members(s); got != tt.members {
				t.Errorf("members %s, want %s", got, tt.members)
			}
			if got := loadtest.Enum(s); got != tt.enum {
				t.Errorf("enum values %s, want %s", got, tt.enum)
			}
			if s.Traits.Default != nil {
				t.Errorf("c2j has no defaults, got %s", *s.Traits.Default)
			}
		})
	}
}

func TestKitchenSinkMembers(t *testing.T) {
	m := loadKitchenSink(t, true)
	tests := []struct{ shape, member, want, doc string }{
		{"GetThingInput", "ThingId", "-> ThingId required length=1..64 pattern=^[a-z0-9-]+$", "<p>The thing's ID.</p>"},
		{"GetThingInput", "type", "-> String json=kind", ""}, // locationName in a JSON protocol
		{"GetThingInput", "func", "-> Integer", ""},
		{"GetThingInput", "Validate", "-> Integer", ""}, // "box" is dropped
		{"GetThingInput", "Count", "-> Count required range=1..100", ""},
		{"GetThingInput", "Tags", "-> TagList length=..10", ""},
		{"GetThingInput", "Token", "-> String idempotency", "<p>An idempotency token.</p>"},
		{"GetThingInput", "Secret", "-> SecretString sensitive", ""},
		{"GetThingInput", "Created", "-> DateTimeStamp ts=date-time", ""},
		{"GetThingInput", "Modified", "-> Timestamp ts=http-date", ""},
		{"GetThingInput", "Epoch", "-> Timestamp ts=epoch-seconds", ""},
		{"GetThingInput", "Ratio", "-> Ratio range=0.5..1.5", ""},
		{"GetThingInput", "Old", `-> String deprecated="gone"`, ""},
		{"GetThingInput", "Weird", `-> String mediaType=application/json other=[c2j#x-custom={"a":[1,2]}]`, ""},
		{"GetThingInput", "Header", "-> String header=X-Thing", ""},
		{"GetThingInput", "Inline", "-> String", "<p>Inline member docs.</p>"},
		{"GetThingOutput", "Payload", "-> StreamingBlob streaming payload", ""},
		{"Named", "Name", "-> String required", ""},
		{"Thing", "Parent", "-> Thing", "<p>The parent.</p>"},
		{"AllTypes", "Blob", "-> MyBlob length=1..1024", ""},
		{"AllTypes", "Byte", "-> MyByte range=-128..127", ""},
		{"AllTypes", "Double", "-> MyDouble range=..1e3", ""},
		{"AllTypes", "Timestamp", "-> Timestamp ts=epoch-seconds", ""},
		{"AllTypes", "HttpDate", "-> HttpDateStamp ts=http-date", ""},
		{"ThingList", "member", "-> Thing", "<p>One thing.</p>"},
		{"ThingMap", "key", "-> String", "<p>The name.</p>"},
		{"ThingMap", "value", "-> Thing", "<p>A named thing.</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.shape+"$"+tt.member, func(t *testing.T) {
			mem := member(t, shape(t, m, tt.shape), tt.member)
			if got := loadtest.Member(mem); got != tt.want {
				t.Errorf("\n got %s\nwant %s", got, tt.want)
			}
			if mem.Traits.Doc != tt.doc {
				t.Errorf("doc %q, want %q", mem.Traits.Doc, tt.doc)
			}
		})
	}
}

func TestKitchenSinkDetails(t *testing.T) {
	m := loadKitchenSink(t, true)
	for id, want := range map[string]string{
		"ThingNotFound": "client 404 ThingNotFound", "ServiceError": "server 500 ServiceError",
		"Throttled": "server 503 Throttled",
	} {
		if got := loadtest.ErrorShape(shape(t, m, id)); got != want {
			t.Errorf("%s error %q, want %q", id, got, want)
		}
	}
	for id, want := range map[string]string{
		"ThingNotFound":  `[c2j#error.code="NoThing"]`,
		"Throttled":      `[c2j#retryable={"throttling":true}]`,
		"GetThingOutput": `[]`, // "payload" is the member's location
		"TagList":        `[c2j#x-custom-shape=true]`,
	} {
		if got := loadtest.Other(shape(t, m, id).Traits); got != want {
			t.Errorf("%s other %s, want %s", id, got, want)
		}
	}
	for id, want := range map[string]string{
		"GetThingInput": "<p>Inline shape docs.</p>", // inline wins over docs-2.json
		"ThingId":       "<p>A thing ID.</p>",
		"Color":         "<p>A colour.</p>",
		"String":        "", // "base": null
	} {
		if got := shape(t, m, id).Traits.Doc; got != want {
			t.Errorf("%s doc %q, want %q", id, got, want)
		}
	}
	thing := shape(t, m, "Thing")
	if thing.Members[0].Target != thing || shape(t, m, "ThingList").Member.Target != thing {
		t.Error("recursion does not point back at Thing")
	}
	if !shape(t, m, "StreamingBlob").Traits.Streaming || !shape(t, m, "SecretString").Traits.Sensitive {
		t.Error("streaming or sensitive lost")
	}
	if got := shape(t, m, "DateTimeStamp").Traits.TimestampFormat; got != "date-time" {
		t.Errorf("shape timestampFormat %q", got)
	}
	// Without docs-2.json only inline documentation is there.
	bare := loadKitchenSink(t, false)
	if d := shape(t, bare, "ThingId").Traits.Doc; d != "" {
		t.Errorf("doc without docs-2.json: %q", d)
	}
	if d := member(t, shape(t, bare, "GetThingInput"), "Inline").Traits.Doc; d != "<p>Inline member docs.</p>" {
		t.Errorf("inline member doc %q", d)
	}
}

func TestKitchenSinkOperations(t *testing.T) {
	m := loadKitchenSink(t, true)
	tests := []struct{ name, want, doc string }{
		{"DeprecatedOp", "in=Named out=- errors=[] auth=true deprecated http=POST /", "<p>Inline operation docs.</p>"},
		{"GetThing", "in=GetThingInput out=GetThingOutput errors=[ThingNotFound ServiceError Throttled] auth=true http=POST /", "<p>Gets a thing.</p>"},
		{"ListThings", "in=ListThingsInput out=ListThingsOutput errors=[] auth=true http=POST /", ""},
		{"NoAuthOp", "in=- out=- errors=[] auth=false http=POST /", ""},
		{"OptionalAuthOp", "in=- out=- errors=[] auth=false http=POST /", ""},
		{"WatchThings", "in=WatchThingsInput out=WatchThingsOutput errors=[] auth=true http=POST /", ""},
	}
	if len(m.Operations) != len(tests) {
		t.Fatalf("%d operations, want %d", len(m.Operations), len(tests))
	}
	for i, tt := range tests {
		op := m.Operations[i]
		if op.Name != tt.name || op.ID != tt.name {
			t.Errorf("operation %d is %s (%s), want %s", i, op.Name, op.ID, tt.name)
		}
		if got := loadtest.Operation(op); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
		if op.Doc != tt.doc {
			t.Errorf("%s doc %q, want %q", tt.name, op.Doc, tt.doc)
		}
	}
	// An "eventstream" structure is a streaming union, as in Smithy; its "required" is
	// dropped.
	var streams []string
	for _, op := range m.Operations {
		if mem := op.EventStream(); mem != nil {
			streams = append(streams, op.Name+"."+mem.Name)
			if mem.Target.Kind != ir.Union || !mem.Target.Traits.Streaming {
				t.Errorf("%s targets %s %s, want a streaming union", mem.Name, mem.Target.Kind, mem.Target.ID)
			}
		}
	}
	if strings.Join(streams, ",") != "WatchThings.Events" {
		t.Errorf("streaming operations %v, want [WatchThings.Events]", streams)
	}
}

func TestErrors(t *testing.T) {
	meta := `"metadata": {"protocol": "json", "targetPrefix": "T"}`
	model := func(shapes, ops string) string {
		return `{` + meta + `, "shapes": {` + shapes + `}, "operations": {` + ops + `}}`
	}
	str := `"S": {"type": "string"}`
	tests := []struct{ name, api, docs, file, shape, member, msg string }{
		{"no metadata", `{"shapes": {}}`, "", "api-2.json", "", "", `no "metadata" object`},
		{"no shapes", `{"metadata": {}}`, "", "api-2.json", "", "", `no "shapes" object`},
		{"no protocol", `{"metadata": {}, "shapes": {}}`, "", "api-2.json", "", "", "metadata has no protocol"},
		{"unknown protocol", `{"metadata": {"protocol": "soap"}, "shapes": {}}`, "", "api-2.json", "", "", `unknown metadata.protocol "soap"`},
		{"json version", `{"metadata": {"protocol": "json", "jsonVersion": "2.0"}, "shapes": {}}`, "", "api-2.json", "", "", "unknown metadata.jsonVersion"},
		{"meta type", `{"metadata": {"protocol": "json", "targetPrefix": 1}, "shapes": {}}`, "", "api-2.json", "", "", "metadata.targetPrefix must be a string"},
		{"shape type missing", model(`"A": {}`, ""), "", "api-2.json", "A", "", `no "type"`},
		{"unknown type", model(`"A": {"type": "set"}`, ""), "", "api-2.json", "A", "", `unknown shape type "set"`},
		{"duplicate shape", model(str+`, `+str, ""), "", "api-2.json", "S", "", "duplicate shape name"},
		{"duplicate member", model(str+`, "A": {"type": "structure", "members": {"m": {"shape": "S"}, "m": {"shape": "S"}}}`, ""), "", "api-2.json", "A", "m", "duplicate member"},
		{"member without shape", model(`"A": {"type": "structure", "members": {"m": {}}}`, ""), "", "api-2.json", "A", "m", `no "shape"`},
		{"required type", model(str+`, "A": {"type": "structure", "required": "m", "members": {"m": {"shape": "S"}}}`, ""), "", "api-2.json", "A", "", `"required" must be an array`},
		{"required on string", model(`"S": {"type": "string", "required": []}`, ""), "", "api-2.json", "S", "", "only valid on structures"},
		{"sensitive type", model(`"S": {"type": "string", "sensitive": "yes"}`, ""), "", "api-2.json", "S", "", `"sensitive" must be a boolean`},
		{"pattern type", model(`"S": {"type": "string", "pattern": 1}`, ""), "", "api-2.json", "S", "", `"pattern" must be a string`},
		{"length fraction", model(`"S": {"type": "string", "max": 1.5}`, ""), "", "api-2.json", "S", "", "must be a non-negative integer"},
		{"min over max", model(`"I": {"type": "integer", "min": 5, "max": 1}`, ""), "", "api-2.json", "I", "", "min 5 is greater than max 1"},
		{"enum on integer", model(`"I": {"type": "integer", "enum": ["1"]}`, ""), "", "api-2.json", "I", "", `"enum" is only valid on string shapes`},
		{"duplicate enum", model(`"S": {"type": "string", "enum": ["a", "a"]}`, ""), "", "api-2.json", "S", "", `duplicate enum value "a"`},
		{"map key", model(`"I": {"type": "integer"}, "M": {"type": "map", "key": {"shape": "I"}, "value": {"shape": "I"}}`, ""), "", "api-2.json", "M", "key", "map key must target a string"},
		{"exception string", model(`"S": {"type": "string", "exception": true}`, ""), "", "api-2.json", "S", "", "only structures can be exceptions"},
		{"status type", model(`"E": {"type": "structure", "members": {}, "exception": true, "error": {"httpStatusCode": "404"}}`, ""), "", "api-2.json", "E", "", "error.httpStatusCode must be an integer"},
		{"union flag", model(`"U": {"type": "structure", "members": {}, "union": "yes"}`, ""), "", "api-2.json", "U", "", `"union" must be a boolean`},
		{"op unknown input", model(str, `"Op": {"input": {"shape": "Nope"}}`), "", "api-2.json", "Op", "", `unknown input shape "Nope"`},
		{"op error not exception", model(`"A": {"type": "structure", "members": {}}`, `"Op": {"errors": [{"shape": "A"}]}`), "", "api-2.json", "Op", "", `error "A" is not an exception`},
		{"op name", model("", `"Op": {"name": 1}`), "", "api-2.json", "Op", "", `operation "name" must be a non-empty string`},
		{"op name clash", model("", `"A": {"name": "X"}, "B": {"name": "X"}`), "", "api-2.json", "B", "", "operation name X is also used by A"},
		{"op auth", model("", `"Op": {"auth": "none"}`), "", "api-2.json", "Op", "", `"auth" must be an array`},
		{"docs invalid", model("", ""), `{"shapes": `, "docs-2.json", "", "", "invalid JSON: unexpected end of input"},
		{"docs shapes", model("", ""), `{"shapes": []}`, "docs-2.json", "", "", `"shapes" must be an object`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var docs []byte
			if tt.docs != "" {
				docs = []byte(tt.docs)
			}
			m, err := Load("dir/api-2.json", []byte(tt.api), docs)
			var e *ir.Error
			if !errors.As(err, &e) {
				t.Fatalf("got model %v, error %v; want an *ir.Error", m, err)
			}
			if e.File != "dir/"+tt.file || e.Shape != tt.shape || e.Member != tt.member || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("got %#v\nwant file dir/%s shape %q member %q message containing %q", e, tt.file, tt.shape, tt.member, tt.msg)
			}
		})
	}
}
