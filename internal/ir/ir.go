// Package ir is the format-neutral model that both loaders (Smithy JSON AST and c2j) produce
// and every emitter consumes. Everything an emitter needs is decided here: shape kinds,
// effective constraints, nullability, and the Go name of every shape, member and enum value.
// Emitters never read model files and never invent exported names.
package ir

import (
	"fmt"
	"sort"
)

// Kind is the kind of a shape, the Smithy shape types minus the aggregate ones that have no
// Go type of their own (operation, service and resource live in Operation and Service).
type Kind int

// The shape kinds.
const (
	Invalid Kind = iota
	Structure
	Union
	List // Smithy list and set
	Map
	Enum // Smithy enum, or a c2j string with an enum list
	IntEnum
	String
	Blob
	Boolean
	Byte
	Short
	Integer
	Long
	Float
	Double
	BigInteger
	BigDecimal
	Timestamp
	Document
)

var kindNames = [...]string{
	Invalid: "invalid", Structure: "structure", Union: "union", List: "list", Map: "map",
	Enum: "enum", IntEnum: "intEnum", String: "string", Blob: "blob", Boolean: "boolean",
	Byte: "byte", Short: "short", Integer: "integer", Long: "long", Float: "float",
	Double: "double", BigInteger: "bigInteger", BigDecimal: "bigDecimal",
	Timestamp: "timestamp", Document: "document",
}

func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// KindOf maps a Smithy shape type name (also used by c2j, where "set" does not occur and
// "character" is legacy) to a Kind. It reports false for names that are not data shapes.
func KindOf(typeName string) (Kind, bool) {
	switch typeName {
	case "set":
		return List, true
	case "character":
		return String, true
	}
	for k, n := range kindNames {
		if n == typeName && Kind(k) != Invalid {
			return Kind(k), true
		}
	}
	return Invalid, false
}

// IsScalar reports whether values of the kind are single JSON values (not containers).
func (k Kind) IsScalar() bool {
	switch k {
	case Structure, Union, List, Map, Document:
		return false
	}
	return true
}

// IsNumber reports whether the kind is a numeric primitive.
func (k Kind) IsNumber() bool {
	switch k {
	case Byte, Short, Integer, Long, Float, Double, BigInteger, BigDecimal:
		return true
	}
	return false
}

// Model is one service model, loaded and normalised.
type Model struct {
	// Source is the file the model came from, for messages.
	Source string
	// Format is "smithy" or "c2j".
	Format  string
	Service *Service
	// Shapes holds every data shape, sorted by ID. Prelude shapes that are referenced appear
	// too (with IDs like "smithy.api#String").
	Shapes []*Shape
	// Operations are sorted by Name.
	Operations []*Operation

	byID map[string]*Shape
}

// Shape returns the shape with the given ID, or nil.
func (m *Model) Shape(id string) *Shape { return m.byID[id] }

// AddShape registers s; loaders call it, then Finish.
func (m *Model) AddShape(s *Shape) {
	if m.byID == nil {
		m.byID = map[string]*Shape{}
	}
	m.byID[s.ID] = s
	m.Shapes = append(m.Shapes, s)
}

// Finish sorts shapes and operations so that everything downstream is deterministic.
func (m *Model) Finish() {
	sort.Slice(m.Shapes, func(i, j int) bool { return m.Shapes[i].ID < m.Shapes[j].ID })
	sort.Slice(m.Operations, func(i, j int) bool { return m.Operations[i].Name < m.Operations[j].Name })
}

// Service describes the service shape and its protocol.
type Service struct {
	ID   string // "com.amazonaws.cognitoidentityprovider#AWSCognitoIdentityProviderService" or the c2j uid
	Name string // shape name (Smithy) or targetPrefix/serviceId (c2j)
	// Protocol is the Smithy protocol trait's shape name: "awsJson1_0", "awsJson1_1",
	// "restJson1", "awsQuery", "ec2Query", "restXml", "smithyRpcv2Cbor", or "".
	Protocol       string
	APIVersion     string
	TargetPrefix   string // awsJson X-Amz-Target prefix
	EndpointPrefix string
	SigningName    string
	SDKID          string
	FullName       string
	Doc            string // HTML documentation
}

// IsAWSJSON reports whether the service speaks awsJson1_0 or awsJson1_1.
func (s *Service) IsAWSJSON() bool {
	return s != nil && (s.Protocol == "awsJson1_0" || s.Protocol == "awsJson1_1")
}

// HasClient reports whether the generator writes a wire codec and a client for the service:
// awsJson and restJson1.
func (s *Service) HasClient() bool {
	return s.IsAWSJSON() || s != nil && s.Protocol == "restJson1"
}

// JSONVersion is "1.0" or "1.1" for awsJson services, else "".
func (s *Service) JSONVersion() string {
	switch s.Protocol {
	case "awsJson1_0":
		return "1.0"
	case "awsJson1_1":
		return "1.1"
	}
	return ""
}

// Operation is one service operation.
type Operation struct {
	ID     string
	Name   string // wire name, used in X-Amz-Target
	GoName string
	// Input and Output are structures, or nil when the operation has none (smithy.api#Unit).
	Input, Output *Shape
	Errors        []*Shape
	Doc           string
	// AuthRequired is false for @auth([]) / @optionalAuth (c2j authtype "none"), where the
	// request may be sent unsigned.
	AuthRequired bool
	Deprecated   bool
	Paginated    *Paginated

	// The HTTP request and response, from Smithy's @http (c2j "http"). The protocols with
	// HTTP bindings (Service.BindsHTTP) build the request from them and from the input
	// members' locations (Member.RequestLocation); the RPC protocols POST to "/" whatever
	// they say.

	// HTTPMethod is the request method ("GET", "POST", ...), "" when the model gives none.
	HTTPMethod string
	// HTTPPath is the path part of the URI pattern, before any '?': literal segments and
	// labels "{Name}" or greedy "{Name+}", each filled from the input member whose location
	// is InLabel with that LocationName (ParsePath splits it). "" when the model gives none.
	HTTPPath string
	// HTTPQuery is the fixed query part of the URI pattern, after '?', as written:
	// "key=value" or "key" parameters joined by '&' that every request carries, before the
	// members bound to the query (ParseQuery splits it). "" for none.
	HTTPQuery string
	// HTTPCode is the status code of a successful response (@http code, c2j
	// http.responseCode): 200 unless the model says otherwise.
	HTTPCode int
	// HostPrefix is the @endpoint hostPrefix (c2j endpoint.hostPrefix), prepended to the
	// endpoint's host name, e.g. "{AccountId}.": each "{Name}" is replaced by the value of
	// the input member Name, which has Traits.HostLabel. "" for none.
	HostPrefix string
	// RequestCompression lists the encodings ("gzip") the request body may be compressed
	// with, in order of preference (@requestCompression, c2j requestcompression.encodings);
	// nil for none.
	RequestCompression []string
	// ChecksumRequired is @httpChecksumRequired (c2j httpChecksumRequired): the request
	// carries a Content-MD5 of its body.
	ChecksumRequired bool
}

// EventStream returns the top-level member of the operation's input or output that is an
// event stream (a @streaming union; c2j "eventstream"), or nil.
func (op *Operation) EventStream() *Member {
	for _, s := range []*Shape{op.Input, op.Output} {
		if s == nil {
			continue
		}
		for _, m := range s.Members {
			if m.Target.Kind == Union && m.Target.Traits.Streaming {
				return m
			}
		}
	}
	return nil
}

// Paginated is the operation's (or service's) pagination trait.
type Paginated struct {
	InputToken, OutputToken, Items, PageSize string
}

// Shape is one data shape.
type Shape struct {
	ID   string // absolute Smithy ID, or the c2j shape name
	Name string // the part after '#'
	Kind Kind
	// GoName is the exported Go type name for kinds that get a type (structure, union, enum,
	// intEnum) and the base of unexported helper names for lists and maps.
	GoName string

	Members []*Member // structure and union members, in model order
	Member  *Member   // list element
	Key     *Member   // map key
	Value   *Member   // map value

	EnumValues []*EnumValue // enum and intEnum values, in model order

	Traits Traits

	// Error is "client" or "server" for error shapes, else "".
	Error string
	// ErrorCode is the code that identifies the error on the wire (the shape name, or the
	// awsQueryError code).
	ErrorCode  string
	HTTPStatus int
	Input      bool // @input
	Output     bool // @output
}

// IsError reports whether the shape is an error structure.
func (s *Shape) IsError() bool { return s.Error != "" }

// HasType reports whether the shape gets a named Go type of its own.
func (s *Shape) HasType() bool {
	switch s.Kind {
	case Structure, Union, Enum, IntEnum:
		return true
	}
	return false
}

// Member is a member of a structure, union, list or map.
type Member struct {
	Name   string // wire name
	GoName string // exported field name (structures and unions); "" for list/map members
	Target *Shape
	// Traits are the member's own traits.
	Traits Traits
}

// Required reports the @required trait on the member.
func (m *Member) Required() bool { return m.Traits.Required }

// Sensitive reports whether values of the member must never be printed: the member or its
// target is @sensitive. (Enclosing sensitive containers are handled by the emitters.)
func (m *Member) Sensitive() bool { return m.Traits.Sensitive || m.Target.Traits.Sensitive }

// HasDefault reports a non-null @default on the member.
func (m *Member) HasDefault() bool { return m.Traits.Default != nil && *m.Traits.Default != "null" }

// Pointer reports whether a structure or union member is represented by a pointer. Scalars
// are pointers unless the member has a non-null default (so "unset" and "zero" differ where
// the wire distinguishes them); structures and unions are always pointers, which also makes
// recursion work; lists, maps, blobs and documents are nil-able by themselves.
func (m *Member) Pointer() bool {
	switch m.Target.Kind {
	case Structure, Union:
		return true
	case List, Map, Blob, Document:
		return false
	}
	return !m.HasDefault()
}

// TimestampFormat returns the effective timestamp format of a timestamp member in a JSON
// body: "epoch-seconds" (the default there), "date-time" or "http-date". Members bound to
// headers, labels or the query default differently: see ExplicitTimestampFormat.
func (m *Member) TimestampFormat() string {
	if f := m.Traits.TimestampFormat; f != "" {
		return f
	}
	if f := m.Target.Traits.TimestampFormat; f != "" {
		return f
	}
	return "epoch-seconds"
}

// Length returns the effective @length constraint: the member's own, else the target's.
func (m *Member) Length() *Bounds {
	if m.Traits.Length != nil {
		return m.Traits.Length
	}
	return m.Target.Traits.Length
}

// Range returns the effective @range constraint.
func (m *Member) Range() *Bounds {
	if m.Traits.Range != nil {
		return m.Traits.Range
	}
	return m.Target.Traits.Range
}

// Pattern returns the effective @pattern constraint.
func (m *Member) Pattern() string {
	if m.Traits.Pattern != "" {
		return m.Traits.Pattern
	}
	return m.Target.Traits.Pattern
}

// Doc returns the member's documentation, else its target's.
func (m *Member) Doc() string {
	if m.Traits.Doc != "" {
		return m.Traits.Doc
	}
	return m.Target.Traits.Doc
}

// Sparse reports whether a list or map keeps null entries.
func (s *Shape) Sparse() bool { return s.Traits.Sparse }

// EnumValue is one value of an enum or intEnum.
type EnumValue struct {
	Name     string // Smithy member name, or derived from the value for c2j
	GoName   string // the Go constant's name, including the type name prefix
	Value    string // string enums
	IntValue int64  // intEnums
	Doc      string
}

// Bounds is a @length or @range constraint. Min and Max are decimal strings as written in
// the model (ranges may be fractional); nil means unbounded.
type Bounds struct {
	Min, Max *string
}

// Traits are the traits the generator understands, normalised from either format. Unknown
// traits are kept in Other, by ID, as raw JSON.
type Traits struct {
	Doc       string
	Required  bool
	Default   *string // raw JSON of @default; "null" for an explicit null default
	Sensitive bool
	Length    *Bounds
	Range     *Bounds
	Pattern   string
	// Deprecated is set when @deprecated is present; DeprecatedMessage may still be "".
	Deprecated        bool
	DeprecatedMessage string
	IdempotencyToken  bool
	TimestampFormat   string // "", "epoch-seconds", "date-time", "http-date"
	// JSONName is the member's key in a JSON document, if the model gives one (the member
	// name is the key otherwise): @jsonName, or c2j "locationName" on a body member of a
	// JSON protocol. The awsJson protocols ignore it.
	JSONName string
	Sparse   bool
	// Streaming is @streaming on a blob (the body is a stream of bytes: c2j "streaming"
	// on the shape, or, in a few restXml models, on the member) or on a union (an event
	// stream: c2j "eventstream").
	Streaming      bool
	ClientOptional bool
	// RequiresLength is @requiresLength (c2j "requiresLength") on a streaming blob: its
	// length must be known before it is sent (Content-Length, no chunked encoding).
	RequiresLength bool
	// MediaType is @mediaType on a string or blob shape, such as "application/json": the
	// value is a document of that type. c2j writes "jsonvalue" on the member instead,
	// which gives the member MediaType "application/json". Use Member.MediaType.
	MediaType string

	// Location and LocationName say where a member travels in a protocol with HTTP
	// bindings, and under what name; the Location constants describe each. They come from
	// @httpLabel, @httpQuery, @httpQueryParams, @httpHeader, @httpPrefixHeaders,
	// @httpPayload and @httpResponseCode (c2j location, locationName and the structure's
	// payload). For a label, LocationName is the label's name in Operation.HTTPPath (the
	// member name in Smithy, c2j's locationName, which may differ).
	Location     Location
	LocationName string
	// HostLabel is @hostLabel (c2j "hostLabel"): the member's value also fills the label
	// "{Name}" of the operation's HostPrefix. It is independent of Location: the member
	// is still sent where Location says.
	HostLabel bool
	// EnumValue is the raw JSON of @enumValue on an enum member (used while loading).
	EnumValue *string
	Other     map[string]string
}

// OtherIDs lists the unknown trait IDs in sorted order.
func (t *Traits) OtherIDs() []string {
	ids := make([]string, 0, len(t.Other))
	for id := range t.Other {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Error is a model error that says where: file, shape and member.
type Error struct {
	File   string
	Shape  string
	Member string
	Msg    string
}

func (e *Error) Error() string {
	loc := e.File
	if e.Shape != "" {
		loc += ": shape " + e.Shape
		if e.Member != "" {
			loc += " member " + e.Member
		}
	}
	return loc + ": " + e.Msg
}
