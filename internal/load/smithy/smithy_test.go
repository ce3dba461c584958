package smithy

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/awsgen/awsgen/internal/ir"
	"github.com/awsgen/awsgen/internal/load/internal/loadtest"
)

const kitchenSink = "../../../testdata/models/kitchensink.smithy.json"

func loadKitchenSink(t *testing.T) *ir.Model {
	t.Helper()
	data, err := os.ReadFile(kitchenSink)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load(kitchenSink, data)
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

const ns = "example.kitchen#"

func TestKitchenSinkService(t *testing.T) {
	m := loadKitchenSink(t)
	want := ir.Service{
		ID: ns + "KitchenService", Name: "KitchenService", Protocol: "awsJson1_1",
		APIVersion: "2024-01-01", TargetPrefix: "KitchenService", EndpointPrefix: "kitchen",
		SigningName: "kitchensigning", SDKID: "Kitchen", FullName: "Kitchen Sink Service",
		Doc: "<p>The kitchen sink.</p>",
	}
	if *m.Service != want {
		t.Errorf("service:\n got %+v\nwant %+v", *m.Service, want)
	}
	if m.Format != "smithy" || m.Source != kitchenSink {
		t.Errorf("format %q source %q", m.Format, m.Source)
	}
}

func TestKitchenSinkShapes(t *testing.T) {
	m := loadKitchenSink(t)
	tests := []struct {
		id, kind, members, enum string
	}{
		{"AllTypes", "structure", "String,Blob,Boolean,Byte,Short,Integer,Long,Float,Double,BigInteger,BigDecimal,Timestamp,Document,Set,SparseList,SparseMap,Level,Legacy,HttpDate,Range,FooBar,Foo_Bar,lower", ""},
		{"GetThingInput", "structure", "ThingId,type,func,String,Clone,Equal,Validate,Default,Count,Name,Flag,Color,Tags,Attrs,Token,Secret,Password,Created,Modified,Epoch,Ratio,Short,Nullish,Old,Weird,Blobby,When", ""},
		{"Thing", "structure", "Parent,Children,ByName,Value", ""},
		{"AnyValue", "union", "s,n,nothing,doc", ""},
		{"Named", "structure", "Name,Extra", ""}, // mixin members first
		{"Range", "structure", "Min", ""},
		{"FooBar", "structure", "", ""},
		{"Foo_Bar", "structure", "", ""},
		{"lowercase", "structure", "x", ""},
		{"Color", "enum", "", "RED=red,GREEN=GREEN,BLUE=blue"},
		{"Level", "intEnum", "", "LOW=1,HIGH=10"},
		{"LegacyEnum", "enum", "", "A_B=a-b,C_D=c d"},
		{"ThingList", "list", "", ""},
		{"StringSet", "list", "", ""},
		{"SparseList", "list", "", ""},
		{"ThingMap", "map", "", ""},
		{"SparseMap", "map", "", ""},
		{"MyString", "string", "", ""},
		{"MyBlob", "blob", "", ""},
		{"StreamingBlob", "blob", "", ""},
		{"MyBoolean", "boolean", "", ""},
		{"MyByte", "byte", "", ""},
		{"MyShort", "short", "", ""},
		{"MyInteger", "integer", "", ""},
		{"MyLong", "long", "", ""},
		{"MyFloat", "float", "", ""},
		{"MyDouble", "double", "", ""},
		{"MyBigInteger", "bigInteger", "", ""},
		{"MyBigDecimal", "bigDecimal", "", ""},
		{"MyTimestamp", "timestamp", "", ""},
		{"MyDocument", "document", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			s := shape(t, m, ns+tt.id)
			if s.Name != tt.id || s.Kind.String() != tt.kind {
				t.Errorf("name %q kind %s, want %q %s", s.Name, s.Kind, tt.id, tt.kind)
			}
			if got := loadtest.Members(s); got != tt.members {
				t.Errorf("members %s, want %s", got, tt.members)
			}
			if got := loadtest.Enum(s); got != tt.enum {
				t.Errorf("enum values %s, want %s", got, tt.enum)
			}
			if s.GoName != "" {
				t.Errorf("GoName %q is set; the loader leaves names to package names", s.GoName)
			}
		})
	}
}

func TestKitchenSinkMembers(t *testing.T) {
	m := loadKitchenSink(t)
	tests := []struct{ shape, member, want string }{
		{"GetThingInput", "ThingId", "-> example.kitchen#ThingId required length=1..64 pattern=^[a-z0-9-]+$"},
		{"GetThingInput", "type", "-> smithy.api#String json=kind"},
		{"GetThingInput", "func", "-> smithy.api#Integer"},
		{"GetThingInput", "String", "-> smithy.api#String"},
		{"GetThingInput", "Validate", "-> smithy.api#PrimitiveInteger default=0"},
		{"GetThingInput", "Default", "-> smithy.api#PrimitiveBoolean default=false"},
		{"GetThingInput", "Count", "-> example.kitchen#Count default=7 range=1..100"},
		{"GetThingInput", "Name", `-> smithy.api#String default="x"`},
		{"GetThingInput", "Flag", "-> smithy.api#Boolean default=true"},
		{"GetThingInput", "Color", `-> example.kitchen#Color default="red"`},
		{"GetThingInput", "Tags", "-> example.kitchen#TagList default=[] length=..10"},
		{"GetThingInput", "Attrs", "-> example.kitchen#SparseMap default={}"},
		{"GetThingInput", "Token", "-> smithy.api#String idempotency clientOptional"},
		{"GetThingInput", "Secret", "-> example.kitchen#SecretString sensitive"},
		{"GetThingInput", "Password", "-> smithy.api#String sensitive"},
		{"GetThingInput", "Created", "-> example.kitchen#DateTimeStamp ts=date-time"},
		{"GetThingInput", "Modified", "-> smithy.api#Timestamp ts=http-date"},
		{"GetThingInput", "Epoch", "-> smithy.api#Timestamp ts=epoch-seconds"},
		{"GetThingInput", "Ratio", "-> example.kitchen#Ratio range=0.5..1.5"},
		{"GetThingInput", "Short", "-> example.kitchen#MyString length=..3 pattern=^a+$"},
		{"GetThingInput", "Nullish", "-> smithy.api#Integer default=null"},
		{"GetThingInput", "Old", `-> smithy.api#String deprecated="gone"`},
		{"GetThingInput", "Weird", `-> smithy.api#String other=[example.kitchen#custom={"a":[1,2],"b":"c"}]`},
		{"GetThingInput", "Blobby", `-> smithy.api#Blob default="AAE="`},
		{"GetThingInput", "When", "-> smithy.api#Timestamp default=0 ts=epoch-seconds"},
		{"GetThingOutput", "Payload", "-> example.kitchen#StreamingBlob streaming"},
		{"Thing", "Parent", "-> example.kitchen#Thing"},
		{"Thing", "Children", "-> example.kitchen#ThingList"},
		{"Thing", "ByName", "-> example.kitchen#ThingMap"},
		{"AnyValue", "nothing", "-> smithy.api#Unit"},
		{"AllTypes", "Byte", "-> example.kitchen#MyByte range=-128..127"},
		{"AllTypes", "Long", "-> example.kitchen#MyLong range=0.."},
		{"AllTypes", "Double", "-> example.kitchen#MyDouble range=..1e3"},
		{"AllTypes", "Blob", "-> example.kitchen#MyBlob length=1..1024"},
		{"AllTypes", "Timestamp", "-> example.kitchen#MyTimestamp ts=epoch-seconds"},
		{"AllTypes", "HttpDate", "-> example.kitchen#HttpDateStamp ts=http-date"},
		{"Named", "Name", "-> smithy.api#String required"}, // applied to a mixin member
		{"ThingList", "member", "-> example.kitchen#Thing"},
		{"TagList", "member", "-> smithy.api#String length=1.."},
		{"ThingMap", "key", "-> smithy.api#String"},
		{"ThingMap", "value", "-> example.kitchen#Thing"},
		{"SparseMap", "key", "-> example.kitchen#Color"},
	}
	for _, tt := range tests {
		t.Run(tt.shape+"$"+tt.member, func(t *testing.T) {
			s := shape(t, m, ns+tt.shape)
			var mem *ir.Member
			switch tt.member {
			case "member":
				mem = s.Member
			case "key":
				mem = s.Key
			case "value":
				mem = s.Value
			}
			for _, x := range s.Members {
				if x.Name == tt.member {
					mem = x
				}
			}
			if mem == nil {
				t.Fatalf("no member %s", tt.member)
			}
			if got := loadtest.Member(mem); got != tt.want {
				t.Errorf("\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestKitchenSinkDetails(t *testing.T) {
	m := loadKitchenSink(t)
	thing := shape(t, m, ns+"Thing")
	if thing.Members[0].Target != thing || shape(t, m, ns+"ThingList").Member.Target != thing ||
		shape(t, m, ns+"ThingMap").Value.Target != thing {
		t.Error("recursion does not point back at Thing")
	}
	if got := thing.Members[0].Doc(); got != "A recursive thing." {
		t.Errorf("member doc falls back to the target's: got %q", got)
	}
	for id, want := range map[string]string{
		"GetThingInput": "<p>Input of GetThing.</p>", "Named": "Something with a name.",
	} {
		if got := shape(t, m, ns+id).Traits.Doc; got != want {
			t.Errorf("%s doc %q, want %q", id, got, want)
		}
	}
	named := shape(t, m, ns+"Named")
	if got := named.Members[1].Traits.Doc; got != "Applied." {
		t.Errorf("applied doc %q", got)
	}
	if len(named.Traits.Other) != 0 {
		t.Errorf("Named inherited traits it should not: %v", named.Traits.Other)
	}
	for id, want := range map[string]string{
		"Color": `"red"`, "Count": "7", "MyBoolean": "false", "MyInteger": "0",
		"smithy.api#PrimitiveBoolean": "false", "smithy.api#PrimitiveInteger": "0",
	} {
		if !strings.Contains(id, "#") {
			id = ns + id
		}
		if d := shape(t, m, id).Traits.Default; d == nil || *d != want {
			t.Errorf("%s default %v, want %s", id, d, want)
		}
	}
	for id, want := range map[string]bool{"SparseList": true, "SparseMap": true, "ThingList": false} {
		if got := shape(t, m, ns+id).Sparse(); got != want {
			t.Errorf("%s sparse %v", id, got)
		}
	}
	if !shape(t, m, ns+"StreamingBlob").Traits.Streaming || !shape(t, m, ns+"SecretString").Traits.Sensitive {
		t.Error("streaming or sensitive lost")
	}
	if got := loadtest.Other(shape(t, m, ns+"StringSet").Traits); got != "[smithy.api#uniqueItems={}]" {
		t.Errorf("set traits %s", got)
	}
	in, out := shape(t, m, ns+"GetThingInput"), shape(t, m, ns+"GetThingOutput")
	if !in.Input || in.Output || out.Input || !out.Output {
		t.Error("@input/@output flags")
	}
	for id, want := range map[string]string{
		"ThingNotFound": "client 404 ThingNotFound", "ServiceError": "server 500 ServiceError",
	} {
		if got := loadtest.ErrorShape(shape(t, m, ns+id)); got != want {
			t.Errorf("%s error %q, want %q", id, got, want)
		}
	}
	if got := loadtest.Other(shape(t, m, ns+"ServiceError").Traits); got != "[smithy.api#retryable={}]" {
		t.Errorf("unknown shape traits %s", got)
	}
	color := shape(t, m, ns+"Color")
	if got := color.EnumValues[2].Doc; got != "The sky." {
		t.Errorf("enum value doc %q", got)
	}
	if got := shape(t, m, ns+"LegacyEnum").EnumValues[0].Doc; got != "First." {
		t.Errorf("legacy enum doc %q", got)
	}
	// Only referenced prelude shapes are added; mixins and unreachable operations are not.
	var prelude []string
	for _, s := range m.Shapes {
		if strings.HasPrefix(s.ID, "smithy.api#") {
			prelude = append(prelude, s.Name)
		}
	}
	if got := strings.Join(prelude, ","); got != "Blob,Boolean,Integer,Long,PrimitiveBoolean,PrimitiveInteger,String,Timestamp,Unit" {
		t.Errorf("prelude shapes %s", got)
	}
	if m.Shape(ns+"HasName") != nil {
		t.Error("mixin HasName became a data shape")
	}
}

func TestKitchenSinkOperations(t *testing.T) {
	m := loadKitchenSink(t)
	want := map[string]string{
		"DeprecatedOp":   "in=example.kitchen#Named out=- errors=[example.kitchen#ServiceError] auth=true deprecated",
		"GetThing":       "in=example.kitchen#GetThingInput out=example.kitchen#GetThingOutput errors=[example.kitchen#ThingNotFound example.kitchen#ServiceError] auth=true http=POST /things/{ThingId}",
		"ListThings":     "in=example.kitchen#ListThingsInput out=example.kitchen#ListThingsOutput errors=[example.kitchen#ServiceError] auth=true paginated=NextToken/NextToken/Things/MaxResults",
		"NoAuthOp":       "in=- out=- errors=[example.kitchen#ServiceError] auth=false",
		"OptionalAuthOp": "in=- out=- errors=[example.kitchen#ServiceError] auth=false",
		"ReadThing":      "in=example.kitchen#ReadThingInput out=- errors=[example.kitchen#ServiceError] auth=true",
		"SubOp":          "in=- out=- errors=[example.kitchen#ServiceError] auth=true",
		"WatchThings":    "in=example.kitchen#WatchThingsInput out=example.kitchen#WatchThingsOutput errors=[example.kitchen#ServiceError] auth=true",
	}
	var names []string
	for _, op := range m.Operations {
		names = append(names, op.Name)
		if op.ID != ns+op.Name {
			t.Errorf("%s: ID %s", op.Name, op.ID)
		}
		if got := loadtest.Operation(op); got != want[op.Name] {
			t.Errorf("%s:\n got %s\nwant %s", op.Name, got, want[op.Name])
		}
	}
	// Sorted by name; OrphanOp is not reachable from the service.
	if got := strings.Join(names, ","); got != "DeprecatedOp,GetThing,ListThings,NoAuthOp,OptionalAuthOp,ReadThing,SubOp,WatchThings" {
		t.Errorf("operations %s", got)
	}
	if got := m.Operations[1].Doc; got != "<p>Gets a thing.</p>" {
		t.Errorf("GetThing doc %q", got)
	}
	for _, op := range m.Operations {
		mem := op.EventStream()
		if (mem != nil) != (op.Name == "WatchThings") {
			t.Errorf("%s: EventStream() = %v", op.Name, mem)
		}
		if mem != nil && (mem.Name != "Events" || mem.Target.Kind != ir.Union || !mem.Target.Traits.Streaming) {
			t.Errorf("WatchThings streams %s of %s", mem.Name, mem.Target.ID)
		}
	}
}

// TestErrors covers problems that fixture files do not: each model is inline.
func TestErrors(t *testing.T) {
	wrap := func(shapes string) string { return `{"smithy": "2.0", "shapes": {` + shapes + `}}` }
	str := func(traits string) string {
		return wrap(`"a#S": {"type": "structure", "members": {"m": {"target": "smithy.api#String", "traits": {` + traits + `}}}}`)
	}
	tests := []struct {
		name, model, shape, member, msg string
	}{
		{"not an object", `[1]`, "", "", "top level is not a JSON object"},
		{"empty", ``, "", "", "invalid JSON: empty input"},
		{"no version", `{"shapes": {}}`, "", "", `no "smithy" version`},
		{"bad version", `{"smithy": "3.0"}`, "", "", `unsupported Smithy version "3.0"`},
		{"version type", `{"smithy": 2}`, "", "", "version must be a string"},
		{"shapes type", `{"smithy": "2.0", "shapes": []}`, "", "", `"shapes" must be an object`},
		{"bad ID", wrap(`"Foo": {"type": "string"}`), "Foo", "", "invalid shape ID"},
		{"shape not object", wrap(`"a#S": 1`), "a#S", "", "shape must be a JSON object"},
		{"no type", wrap(`"a#S": {}`), "a#S", "", `no "type"`},
		{"duplicate shape", wrap(`"a#S": {"type": "string"}, "a#S": {"type": "string"}`), "a#S", "", "duplicate shape ID"},
		{"members not object", wrap(`"a#S": {"type": "structure", "members": []}`), "a#S", "", `"members" must be an object`},
		{"member without target", wrap(`"a#S": {"type": "structure", "members": {"m": {}}}`), "a#S", "m", `no "target"`},
		{"case duplicate", wrap(`"a#S": {"type": "structure", "members": {"m": {"target": "smithy.api#String"}, "M": {"target": "smithy.api#String"}}}`), "a#S", "M", "differ only in case"},
		{"list without member", wrap(`"a#L": {"type": "list"}`), "a#L", "member", `no "member" member`},
		{"map key", wrap(`"a#M": {"type": "map", "key": {"target": "smithy.api#Integer"}, "value": {"target": "smithy.api#String"}}`), "a#M", "key", "map key must target a string"},
		{"traits not object", wrap(`"a#S": {"type": "string", "traits": []}`), "a#S", "", `"traits" must be an object`},
		{"doc type", str(`"smithy.api#documentation": 1`), "a#S", "m", "trait smithy.api#documentation: must be a string"},
		{"length max", str(`"smithy.api#length": {"max": -1}`), "a#S", "m", "max must be a non-negative integer"},
		{"length order", str(`"smithy.api#length": {"min": 5, "max": 1}`), "a#S", "m", "min 5 is greater than max 1"},
		{"range type", str(`"smithy.api#range": {"max": "9"}`), "a#S", "m", "trait smithy.api#range: max must be a number"},
		{"range object", str(`"smithy.api#range": 5`), "a#S", "m", "must be an object with min and/or max"},
		{"pattern type", str(`"smithy.api#pattern": true`), "a#S", "m", "trait smithy.api#pattern: must be a string"},
		{"sensitive type", str(`"smithy.api#sensitive": "yes"`), "a#S", "m", "trait smithy.api#sensitive: must be an object"},
		{"deprecated type", str(`"smithy.api#deprecated": {"message": 1}`), "a#S", "m", "message and since must be strings"},
		{"enumValue type", str(`"smithy.api#enumValue": true`), "a#S", "m", "must be a string or an integer"},
		{"default string for bool", wrap(`"a#S": {"type": "structure", "members": {"m": {"target": "smithy.api#Boolean", "traits": {"smithy.api#default": "true"}}}}`), "a#S", "m", "must be a boolean"},
		{"default too big", wrap(`"a#S": {"type": "structure", "members": {"m": {"target": "smithy.api#Byte", "traits": {"smithy.api#default": 300}}}}`), "a#S", "m", "must be an integer that fits in 8 bits"},
		{"default not in enum", wrap(`"a#E": {"type": "enum", "members": {"A": {"target": "smithy.api#Unit"}}}, "a#S": {"type": "structure", "members": {"m": {"target": "a#E", "traits": {"smithy.api#default": "B"}}}}`), "a#S", "m", `default "B" is not a value of enum a#E`},
		{"default list", wrap(`"a#L": {"type": "list", "member": {"target": "smithy.api#String"}}, "a#S": {"type": "structure", "members": {"m": {"target": "a#L", "traits": {"smithy.api#default": {}}}}}`), "a#S", "m", "must be an array"},
		{"default structure", wrap(`"a#T": {"type": "structure"}, "a#S": {"type": "structure", "members": {"m": {"target": "a#T", "traits": {"smithy.api#default": {}}}}}`), "a#S", "m", "a structure cannot have a default"},
		{"shape default", wrap(`"a#I": {"type": "integer", "traits": {"smithy.api#default": 1.5}}`), "a#I", "", "must be an integer that fits in 32 bits"},
		{"error value", wrap(`"a#E": {"type": "structure", "traits": {"smithy.api#error": "oops"}}`), "a#E", "", `must be "client" or "server"`},
		{"error on string", wrap(`"a#E": {"type": "string", "traits": {"smithy.api#error": "client"}}`), "a#E", "", "only valid on structures"},
		{"intEnum without value", wrap(`"a#E": {"type": "intEnum", "members": {"A": {"target": "smithy.api#Unit"}}}`), "a#E", "A", "needs an integer"},
		{"enum member target", wrap(`"a#E": {"type": "enum", "members": {"A": {"target": "smithy.api#String"}}}`), "a#E", "A", "enum member must target smithy.api#Unit"},
		{"duplicate enum value", wrap(`"a#E": {"type": "enum", "members": {"A": {"target": "smithy.api#Unit"}, "B": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "A"}}}}`), "a#E", "B", "duplicate enum value A"},
		{"empty enum", wrap(`"a#E": {"type": "enum", "members": {}}`), "a#E", "", "enum has no members"},
		{"legacy enum", wrap(`"a#E": {"type": "string", "traits": {"smithy.api#enum": [{"name": "X"}]}}`), "a#E", "", "value must be a non-empty string"},
		{"legacy enum on int", wrap(`"a#E": {"type": "integer", "traits": {"smithy.api#enum": [{"value": "X"}]}}`), "a#E", "", "only valid on string shapes"},
		{"unit in structure", wrap(`"a#S": {"type": "structure", "members": {"m": {"target": "smithy.api#Unit"}}}`), "a#S", "m", "only union members may target smithy.api#Unit"},
		{"unknown prelude", wrap(`"a#S": {"type": "structure", "members": {"m": {"target": "smithy.api#Strin"}}}`), "a#S", "m", `unknown target "smithy.api#Strin"`},
		{"targets operation", wrap(`"a#O": {"type": "operation"}, "a#S": {"type": "structure", "members": {"m": {"target": "a#O"}}}`), "a#S", "m", "a operation, not a data shape"},
		{"targets mixin", wrap(`"a#X": {"type": "structure", "traits": {"smithy.api#mixin": {}}}, "a#S": {"type": "structure", "members": {"m": {"target": "a#X"}}}`), "a#S", "m", "member targets mixin"},
		{"mixin cycle", wrap(`"a#X": {"type": "structure", "mixins": [{"target": "a#Y"}], "traits": {"smithy.api#mixin": {}}}, "a#Y": {"type": "structure", "mixins": [{"target": "a#X"}], "traits": {"smithy.api#mixin": {}}}`), "a#X", "", "mixin cycle"},
		{"not a mixin", wrap(`"a#X": {"type": "structure"}, "a#S": {"type": "structure", "mixins": [{"target": "a#X"}]}`), "a#S", "", "has no @mixin trait"},
		{"mixin type", wrap(`"a#X": {"type": "string", "traits": {"smithy.api#mixin": {}}}, "a#S": {"type": "structure", "mixins": [{"target": "a#X"}]}`), "a#S", "", "is a string, not a structure"},
		{"mixin list without member", wrap(`"a#X": {"type": "list", "member": {"target": "smithy.api#String"}, "traits": {"smithy.api#mixin": {}}}, "a#L": {"type": "list", "mixins": [{"target": "a#Y"}]}, "a#Y": {"type": "list", "mixins": [], "traits": {"smithy.api#mixin": {}}}`), "a#L", "", "list shape lacks its member"},
		{"apply unknown shape", wrap(`"a#X$m": {"type": "apply", "traits": {}}`), "a#X$m", "", "apply targets unknown shape"},
		{"apply unknown member", wrap(`"a#S": {"type": "structure"}, "a#S$m": {"type": "apply", "traits": {}}`), "a#S", "m", "apply targets unknown member"},
		{"two services", wrap(`"a#A": {"type": "service"}, "a#B": {"type": "service"}`), "a#B", "", "more than one service"},
		{"service operation", wrap(`"a#A": {"type": "service", "operations": [{"target": "a#S"}]}, "a#S": {"type": "string"}`), "a#A", "", `"a#S" is a string, not an operation`},
		{"service unknown op", wrap(`"a#A": {"type": "service", "operations": [{"target": "a#Nope"}]}`), "a#A", "", `unknown operation "a#Nope"`},
		{"operations type", wrap(`"a#A": {"type": "service", "operations": {}}`), "a#A", "", `"operations" must be an array`},
		{"sigv4 type", wrap(`"a#A": {"type": "service", "traits": {"aws.auth#sigv4": {"name": 1}}}`), "a#A", "", "trait aws.auth#sigv4: name must be a string"},
		{"error not @error", wrap(`"a#O": {"type": "operation", "errors": [{"target": "a#S"}]}, "a#S": {"type": "structure"}`), "a#O", "", "is not a structure with the @error trait"},
		{"output union", wrap(`"a#O": {"type": "operation", "output": {"target": "a#U"}}, "a#U": {"type": "union", "members": {"a": {"target": "smithy.api#String"}}}`), "a#O", "", "is a union, not a structure"},
		{"unknown input", wrap(`"a#O": {"type": "operation", "input": {"target": "a#Nope"}}`), "a#O", "", `unknown input target "a#Nope"`},
		{"input prelude", wrap(`"a#O": {"type": "operation", "input": {"target": "smithy.api#String"}}`), "a#O", "", "is not a structure"},
		{"auth type", wrap(`"a#O": {"type": "operation", "traits": {"smithy.api#auth": {}}}`), "a#O", "", "must be an array of auth scheme IDs"},
		{"paginated type", wrap(`"a#O": {"type": "operation", "traits": {"smithy.api#paginated": {"items": 1}}}`), "a#O", "", "items must be a string"},
		{"http type", wrap(`"a#O": {"type": "operation", "traits": {"smithy.api#http": {"method": "GET"}}}`), "a#O", "", "method and uri strings"},
		{"duplicate operation names", wrap(`"a#O": {"type": "operation"}, "b#O": {"type": "operation"}`), "b#O", "", "operation name O is also used by a#O"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Load("inline.json", []byte(tt.model))
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

// TestLenient covers inputs that must load: IDL 1.0 forms and shape-only models.
func TestLenient(t *testing.T) {
	m, err := Load("v1.json", []byte(`{"smithy": "1.0", "shapes": {
		"a#S": {"type": "structure", "members": {
			"boxed": {"target": "smithy.api#PrimitiveLong", "traits": {"smithy.api#box": {}, "smithy.api#required": true}},
			"doc": {"target": "smithy.api#Document", "traits": {"smithy.api#default": {"any": ["thing"]}}},
			"primitive": {"target": "smithy.api#PrimitiveBoolean"},
			"preludeBoxed": {"target": "smithy.api#Integer"},
			"own": {"target": "a#Int"},
			"ownBoxed": {"target": "a#BoxedInt"},
			"str": {"target": "smithy.api#String"}
		}},
		"a#Int": {"type": "integer"},
		"a#BoxedInt": {"type": "integer", "traits": {"smithy.api#box": {}}},
		"a#U": {"type": "union", "members": {"i": {"target": "a#Int"}}},
		"a#O": {"type": "operation", "input": {"target": "a#S"}}
	}}`))
	if err != nil {
		t.Fatal(err)
	}
	if m.Service == nil || m.Service.Protocol != "" {
		t.Errorf("service %+v, want an empty one", m.Service)
	}
	if len(m.Operations) != 1 || m.Operations[0].Input != m.Shape("a#S") || !m.Operations[0].AuthRequired {
		t.Errorf("without a service every operation is loaded: %+v", m.Operations)
	}
	want := []string{
		"-> smithy.api#PrimitiveLong required",
		`-> smithy.api#Document default={"any":["thing"]}`,
		"-> smithy.api#PrimitiveBoolean default=false", // IDL 1.0: unboxed means zero default
		"-> smithy.api#Integer",
		"-> a#Int default=0",
		"-> a#BoxedInt",
		"-> smithy.api#String",
	}
	for i, mem := range m.Shape("a#S").Members {
		if got := loadtest.Member(mem); got != want[i] {
			t.Errorf("%s:\n got %s\nwant %s", mem.Name, got, want[i])
		}
	}
	if d := m.Shape("a#U").Members[0].Traits.Default; d != nil {
		t.Errorf("union member got default %s", *d)
	}
	if d := m.Shape("smithy.api#PrimitiveLong").Traits.Default; d == nil || *d != "0" {
		t.Errorf("PrimitiveLong default %v", d)
	}
}

// TestMixinElements checks that lists and maps inherit their member, key and value, and that
// a local redeclaration of a mixin member adds traits in the mixin member's place.
func TestMixinElements(t *testing.T) {
	m, err := Load("mixins.json", []byte(`{"smithy": "2.0", "shapes": {
		"a#BaseList": {"type": "list", "member": {"target": "smithy.api#String"}, "traits": {"smithy.api#mixin": {}, "smithy.api#length": {"max": 3}}},
		"a#L": {"type": "list", "mixins": [{"target": "a#BaseList"}]},
		"a#BaseMap": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "smithy.api#Integer"}, "traits": {"smithy.api#mixin": {}}},
		"a#M": {"type": "map", "mixins": [{"target": "a#BaseMap"}], "value": {"target": "smithy.api#Long"}},
		"a#Base": {"type": "structure", "members": {"a": {"target": "smithy.api#String"}, "b": {"target": "smithy.api#String"}}, "traits": {"smithy.api#mixin": {}}},
		"a#S": {"type": "structure", "mixins": [{"target": "a#Base"}], "members": {"c": {"target": "smithy.api#String"}, "a": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}}}}
	}}`))
	if err != nil {
		t.Fatal(err)
	}
	l := m.Shape("a#L")
	if l.Member == nil || l.Member.Target.ID != "smithy.api#String" || loadtest.Bounds(l.Traits.Length) != "..3" {
		t.Errorf("list from mixin: %+v", l)
	}
	if mp := m.Shape("a#M"); mp.Key.Target.ID != "smithy.api#String" || mp.Value.Target.ID != "smithy.api#Long" {
		t.Errorf("map from mixin: key %s value %s", mp.Key.Target.ID, mp.Value.Target.ID)
	}
	s := m.Shape("a#S")
	if got := loadtest.Members(s); got != "a,b,c" || !s.Members[0].Required() {
		t.Errorf("members %s, a required %v", got, s.Members[0].Required())
	}
	if m.Shape("a#Base") != nil || m.Shape("a#BaseList") != nil {
		t.Error("mixins became data shapes")
	}
}
