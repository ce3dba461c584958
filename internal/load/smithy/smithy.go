// Package smithy loads a Smithy JSON AST model (IDL versions 1.0, 1.1 and 2.0) into the IR.
//
// Loading runs in fixed steps: read every shape into a raw form (types, members, traits as
// JSON), apply "apply" shapes, flatten mixins, then build the IR: the service, every data
// shape, the operations the service reaches, and finally checks that need every shape
// built (defaults against their targets). Go names are left to package names.
package smithy

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/awsgen/awsgen/internal/ir"
	"github.com/awsgen/awsgen/internal/load/internal/loadkit"
	"github.com/tidwall/gjson"
)

// Trait IDs the loader reads.
const (
	tAuth                 = "smithy.api#auth"
	tBox                  = "smithy.api#box"
	tClientOptional       = "smithy.api#clientOptional"
	tDefault              = "smithy.api#default"
	tDeprecated           = "smithy.api#deprecated"
	tDocumentation        = "smithy.api#documentation"
	tEnum                 = "smithy.api#enum" // IDL 1.0 enum trait on strings
	tEndpoint             = "smithy.api#endpoint"
	tEnumValue            = "smithy.api#enumValue"
	tError                = "smithy.api#error"
	tHostLabel            = "smithy.api#hostLabel"
	tHTTP                 = "smithy.api#http"
	tHTTPError            = "smithy.api#httpError"
	tHTTPHeader           = "smithy.api#httpHeader"
	tHTTPLabel            = "smithy.api#httpLabel"
	tHTTPPayload          = "smithy.api#httpPayload"
	tHTTPPrefixHeaders    = "smithy.api#httpPrefixHeaders"
	tHTTPQuery            = "smithy.api#httpQuery"
	tHTTPQueryParams      = "smithy.api#httpQueryParams"
	tHTTPResponseCode     = "smithy.api#httpResponseCode"
	tIdempotencyToken     = "smithy.api#idempotencyToken"
	tInput                = "smithy.api#input"
	tJSONName             = "smithy.api#jsonName"
	tLength               = "smithy.api#length"
	tMediaType            = "smithy.api#mediaType"
	tMixin                = "smithy.api#mixin"
	tOptionalAuth         = "smithy.api#optionalAuth"
	tOutput               = "smithy.api#output"
	tPaginated            = "smithy.api#paginated"
	tPattern              = "smithy.api#pattern"
	tRange                = "smithy.api#range"
	tRequestCompression   = "smithy.api#requestCompression"
	tHTTPChecksumRequired = "smithy.api#httpChecksumRequired"
	tRequired             = "smithy.api#required"
	tRequiresLength       = "smithy.api#requiresLength"
	tSensitive            = "smithy.api#sensitive"
	tSparse               = "smithy.api#sparse"
	tStreaming            = "smithy.api#streaming"
	tTimestampFormat      = "smithy.api#timestampFormat"
	tTitle                = "smithy.api#title"
	tUniqueItems          = "smithy.api#uniqueItems"

	tAWSService    = "aws.api#service"
	tSigV4         = "aws.auth#sigv4"
	tAWSQueryError = "aws.protocols#awsQueryError"
)

const (
	preludeNS = "smithy.api#"
	unitID    = "smithy.api#Unit"
)

// protocols maps protocol trait IDs to ir.Service.Protocol values. A service with several
// protocol traits gets the first in this order: the JSON protocols this generator speaks
// come first.
var protocols = []struct{ trait, name string }{
	{"aws.protocols#awsJson1_1", "awsJson1_1"},
	{"aws.protocols#awsJson1_0", "awsJson1_0"},
	{"aws.protocols#restJson1", "restJson1"},
	{"smithy.protocols#rpcv2Cbor", "smithyRpcv2Cbor"},
	{"aws.protocols#awsQuery", "awsQuery"},
	{"aws.protocols#ec2Query", "ec2Query"},
	{"aws.protocols#restXml", "restXml"},
}

// preludeShapes are the simple shapes of the smithy.api namespace a member may target
// without the model defining them. The Primitive* shapes carry their zero default.
var preludeShapes = map[string]struct {
	kind ir.Kind
	def  string
}{
	"String": {ir.String, ""}, "Blob": {ir.Blob, ""}, "BigInteger": {ir.BigInteger, ""},
	"BigDecimal": {ir.BigDecimal, ""}, "Timestamp": {ir.Timestamp, ""}, "Document": {ir.Document, ""},
	"Boolean": {ir.Boolean, ""}, "Byte": {ir.Byte, ""}, "Short": {ir.Short, ""},
	"Integer": {ir.Integer, ""}, "Long": {ir.Long, ""}, "Float": {ir.Float, ""}, "Double": {ir.Double, ""},
	"PrimitiveBoolean": {ir.Boolean, "false"}, "PrimitiveByte": {ir.Byte, "0"},
	"PrimitiveShort": {ir.Short, "0"}, "PrimitiveInteger": {ir.Integer, "0"},
	"PrimitiveLong": {ir.Long, "0"}, "PrimitiveFloat": {ir.Float, "0"}, "PrimitiveDouble": {ir.Double, "0"},
}

// bindings maps the HTTP binding traits of members to the locations they bind to.
// @httpHeader, @httpQuery and @httpPrefixHeaders take a name; the others are annotations.
var bindings = map[string]ir.Location{
	tHTTPLabel: ir.InLabel, tHTTPQuery: ir.InQuery, tHTTPQueryParams: ir.InQueryParams,
	tHTTPHeader: ir.InHeader, tHTTPPrefixHeaders: ir.InPrefixHeaders, tHTTPPayload: ir.InPayload,
	tHTTPResponseCode: ir.InResponseCode,
}

// dataShapeTraits are traits of data shapes that become Shape fields rather than Traits.
var dataShapeTraits = map[string]bool{
	tError: true, tHTTPError: true, tInput: true, tOutput: true, tEnum: true, tMixin: true,
}

// Load reads the Smithy JSON AST in data; file names it in errors and in Model.Source.
func Load(file string, data []byte) (*ir.Model, error) { return LoadText(file, string(data)) }

// LoadText is Load for the document as a string (the model keeps substrings of it).
func LoadText(file, data string) (*ir.Model, error) {
	l := &loader{
		file:   file,
		shapes: map[string]*rawShape{},
		built:  map[string]*ir.Shape{},
		m:      &ir.Model{Source: file, Format: "smithy"},
	}
	if err := l.load(data); err != nil {
		return nil, err
	}
	l.m.Finish()
	return l.m, nil
}

type loader struct {
	file    string
	shapes  map[string]*rawShape // every shape of the file by ID
	order   []string             // shape IDs in file order
	applies []apply
	built   map[string]*ir.Shape // data shapes by ID, prelude shapes once referenced
	m       *ir.Model

	idl1 bool // IDL 1.x: unboxed numbers and booleans have a zero default

	service     *rawShape
	svcErrors   []string
	svcPaginate *ir.Paginated
	svcNoAuth   bool // the service has @auth([])
}

type trait struct {
	id string
	v  gjson.Result
}

// traitSet keeps traits in model order; later sets replace earlier ones.
type traitSet []trait

func (ts traitSet) get(id string) (gjson.Result, bool) {
	for _, t := range ts {
		if t.id == id {
			return t.v, true
		}
	}
	return gjson.Result{}, false
}

func (ts traitSet) has(id string) bool {
	_, ok := ts.get(id)
	return ok
}

func (ts *traitSet) set(t trait) {
	for i := range *ts {
		if (*ts)[i].id == t.id {
			(*ts)[i] = t
			return
		}
	}
	*ts = append(*ts, t)
}

type rawMember struct {
	name   string
	target string
	traits traitSet
}

func (rm *rawMember) clone() *rawMember {
	c := *rm
	c.traits = append(traitSet(nil), rm.traits...)
	return &c
}

type rawShape struct {
	id, name, typ string
	v             gjson.Result
	traits        traitSet
	mixins        []string

	members            []*rawMember // structure, union, enum, intEnum
	member, key, value *rawMember   // list and map

	// operations
	input, output string
	errors        []string

	flat, flattening bool
}

func (rs *rawShape) findMember(name string) *rawMember {
	switch rs.typ {
	case "list", "set":
		if name == "member" {
			return rs.member
		}
	case "map":
		switch name {
		case "key":
			return rs.key
		case "value":
			return rs.value
		}
	}
	for _, m := range rs.members {
		if m.name == name {
			return m
		}
	}
	return nil
}

type apply struct {
	target string
	traits traitSet
}

func (l *loader) errf(shape, member, format string, args ...any) error {
	return &ir.Error{File: l.file, Shape: shape, Member: member, Msg: fmt.Sprintf(format, args...)}
}

func (l *loader) load(data string) error {
	if msg := loadkit.CheckJSONText(data); msg != "" {
		return l.errf("", "", "%s", msg)
	}
	root := gjson.Parse(data)
	var version, shapes gjson.Result
	var err error
	root.ForEach(func(k, v gjson.Result) bool {
		switch k.String() {
		case "smithy":
			version = v
		case "shapes":
			shapes = v
		case "metadata":
			if !v.IsObject() {
				err = l.errf("", "", "metadata must be an object")
			}
		}
		return err == nil
	})
	if err != nil {
		return err
	}
	switch {
	case !version.Exists():
		return l.errf("", "", "not a Smithy JSON AST: no \"smithy\" version")
	case version.Type != gjson.String:
		return l.errf("", "", "\"smithy\" version must be a string")
	}
	switch version.String() {
	case "1", "1.0", "1.1":
		l.idl1 = true
	case "2", "2.0":
	default:
		return l.errf("", "", "unsupported Smithy version %q", version.String())
	}
	if shapes.Exists() && !shapes.IsObject() {
		return l.errf("", "", "\"shapes\" must be an object")
	}

	if err := l.readShapes(shapes); err != nil {
		return err
	}
	steps := []func() error{
		func() error { return l.applyTraits(false) },
		l.flattenAll,
		func() error { return l.applyTraits(true) },
		l.buildService,
		l.buildShapes,
		l.checkBindings,
		l.buildOperations,
		l.checkDefaults,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// --- reading ---

func (l *loader) readShapes(shapes gjson.Result) error {
	var err error
	shapes.ForEach(func(k, v gjson.Result) bool {
		err = l.readShape(k.String(), v)
		return err == nil
	})
	return err
}

func validID(id string) bool {
	i := strings.IndexByte(id, '#')
	return i > 0 && i < len(id)-1 && strings.IndexByte(id[i+1:], '#') < 0 && !strings.ContainsAny(id, "$ \t\n")
}

func (l *loader) readShape(id string, v gjson.Result) error {
	if !v.IsObject() {
		return l.errf(id, "", "shape must be a JSON object")
	}
	typ := v.Get("type")
	if typ.Type != gjson.String {
		return l.errf(id, "", "shape has no \"type\" string")
	}
	traits, err := l.readTraits(v.Get("traits"), id, "")
	if err != nil {
		return err
	}
	if typ.String() == "apply" {
		l.applies = append(l.applies, apply{target: id, traits: traits})
		return nil
	}
	if !validID(id) {
		return l.errf(id, "", "invalid shape ID: want namespace#Name")
	}
	if l.shapes[id] != nil {
		return l.errf(id, "", "duplicate shape ID")
	}
	rs := &rawShape{id: id, name: id[strings.IndexByte(id, '#')+1:], typ: typ.String(), v: v, traits: traits}

	switch rs.typ {
	case "structure", "union", "enum", "intEnum":
		if err := l.readMembers(rs); err != nil {
			return err
		}
	case "list", "set":
		if rs.member, err = l.readElement(rs, "member"); err != nil {
			return err
		}
	case "map":
		if rs.key, err = l.readElement(rs, "key"); err != nil {
			return err
		}
		if rs.value, err = l.readElement(rs, "value"); err != nil {
			return err
		}
	case "operation":
		if rs.input, err = l.optionalRef(v.Get("input"), id, "input"); err != nil {
			return err
		}
		if rs.output, err = l.optionalRef(v.Get("output"), id, "output"); err != nil {
			return err
		}
		if rs.errors, err = l.refList(v.Get("errors"), id, "errors"); err != nil {
			return err
		}
	case "service", "resource",
		"string", "blob", "boolean", "byte", "short", "integer", "long", "float", "double",
		"bigInteger", "bigDecimal", "timestamp", "document":
	default:
		return l.errf(id, "", "unknown shape type %q", rs.typ)
	}
	if rs.mixins, err = l.refList(v.Get("mixins"), id, "mixins"); err != nil {
		return err
	}
	l.shapes[id] = rs
	l.order = append(l.order, id)
	return nil
}

func (l *loader) readMembers(rs *rawShape) error {
	ms := rs.v.Get("members")
	if !ms.Exists() {
		return nil
	}
	if !ms.IsObject() {
		return l.errf(rs.id, "", "\"members\" must be an object")
	}
	seen := map[string]string{}
	var err error
	ms.ForEach(func(k, v gjson.Result) bool {
		name := k.String()
		if name == "" {
			err = l.errf(rs.id, "", "empty member name")
			return false
		}
		if prev, dup := seen[strings.ToLower(name)]; dup {
			if prev == name {
				err = l.errf(rs.id, name, "duplicate member")
			} else {
				err = l.errf(rs.id, name, "member names %q and %q differ only in case", prev, name)
			}
			return false
		}
		seen[strings.ToLower(name)] = name
		var m *rawMember
		m, err = l.readMember(rs, name, v, rs.typ == "enum" || rs.typ == "intEnum")
		rs.members = append(rs.members, m)
		return err == nil
	})
	return err
}

// readElement reads a list's member or a map's key or value, which a shape with mixins may
// inherit instead (fillShape checks that it has one in the end).
func (l *loader) readElement(rs *rawShape, name string) (*rawMember, error) {
	v := rs.v.Get(name)
	if !v.Exists() && rs.v.Get("mixins").Exists() {
		return nil, nil
	}
	return l.readMember(rs, name, v, false)
}

// readMember reads {"target": id, "traits": {...}}; enum members may leave out the target.
func (l *loader) readMember(rs *rawShape, name string, v gjson.Result, enum bool) (*rawMember, error) {
	if !v.Exists() {
		return nil, l.errf(rs.id, name, "%s shape has no %q member", rs.typ, name)
	}
	if !v.IsObject() {
		return nil, l.errf(rs.id, name, "member must be a JSON object")
	}
	m := &rawMember{name: name}
	t := v.Get("target")
	switch {
	case t.Type == gjson.String && t.String() != "":
		m.target = t.String()
	case !t.Exists() && enum:
		m.target = unitID
	default:
		return nil, l.errf(rs.id, name, "member has no \"target\" shape ID")
	}
	var err error
	m.traits, err = l.readTraits(v.Get("traits"), rs.id, name)
	return m, err
}

func (l *loader) readTraits(v gjson.Result, shape, member string) (traitSet, error) {
	if !v.Exists() {
		return nil, nil
	}
	if !v.IsObject() {
		return nil, l.errf(shape, member, "\"traits\" must be an object")
	}
	var ts traitSet
	var err error
	v.ForEach(func(k, v gjson.Result) bool {
		id := k.String()
		if ts.has(id) {
			err = l.errf(shape, member, "duplicate trait %s", id)
			return false
		}
		ts = append(ts, trait{id, v})
		return true
	})
	return ts, err
}

// optionalRef reads an optional {"target": id}.
func (l *loader) optionalRef(v gjson.Result, shape, what string) (string, error) {
	if !v.Exists() {
		return "", nil
	}
	t := v.Get("target")
	if !v.IsObject() || t.Type != gjson.String || t.String() == "" {
		return "", l.errf(shape, "", "%q must be an object with a \"target\" shape ID", what)
	}
	return t.String(), nil
}

// refList reads an optional [{"target": id}, ...].
func (l *loader) refList(v gjson.Result, shape, what string) ([]string, error) {
	if !v.Exists() {
		return nil, nil
	}
	if !v.IsArray() {
		return nil, l.errf(shape, "", "%q must be an array", what)
	}
	var ids []string
	var err error
	v.ForEach(func(_, e gjson.Result) bool {
		var id string
		id, err = l.optionalRef(e, shape, what) // an element exists: "" comes with an error
		ids = append(ids, id)
		return err == nil
	})
	return ids, err
}

// --- apply and mixins ---

// applyTraits merges "apply" shapes into their targets. The first pass (before mixins are
// flattened) handles shapes and declared members; the second handles members a shape gets
// from its mixins.
func (l *loader) applyTraits(afterMixins bool) error {
	var pending []apply
	for _, a := range l.applies {
		id, member, isMember := strings.Cut(a.target, "$")
		rs := l.shapes[id]
		if rs == nil {
			return l.errf(a.target, "", "apply targets unknown shape %q", id)
		}
		if !isMember {
			for _, t := range a.traits {
				rs.traits.set(t)
			}
			continue
		}
		m := rs.findMember(member)
		if m == nil {
			if !afterMixins {
				pending = append(pending, a)
				continue
			}
			return l.errf(id, member, "apply targets unknown member")
		}
		for _, t := range a.traits {
			m.traits.set(t)
		}
	}
	l.applies = pending
	return nil
}

func (l *loader) flattenAll() error {
	for _, id := range l.order {
		if err := l.flatten(l.shapes[id]); err != nil {
			return err
		}
	}
	return nil
}

// flatten copies the members and traits of rs's mixins into rs: mixin members come first,
// a member redeclared locally keeps its place and gains the local traits, and local traits
// win over inherited ones. The mixin's own @mixin trait and its localTraits are not copied.
func (l *loader) flatten(rs *rawShape) error {
	if rs.flat || len(rs.mixins) == 0 {
		rs.flat = true
		return nil
	}
	if rs.flattening {
		return l.errf(rs.id, "", "mixin cycle")
	}
	rs.flattening = true
	var traits traitSet
	var members []*rawMember
	var mixinErrors []string
	for _, id := range rs.mixins {
		mx := l.shapes[id]
		switch {
		case mx == nil:
			return l.errf(rs.id, "", "unknown mixin %q", id)
		case !mx.traits.has(tMixin):
			return l.errf(rs.id, "", "mixin %q has no @mixin trait", id)
		case mx.typ != rs.typ:
			return l.errf(rs.id, "", "mixin %q is a %s, not a %s", id, mx.typ, rs.typ)
		}
		if err := l.flatten(mx); err != nil {
			return err
		}
		local, err := l.localTraits(mx)
		if err != nil {
			return err
		}
		for _, t := range mx.traits {
			if t.id != tMixin && !local[t.id] {
				traits.set(t)
			}
		}
		for _, m := range mx.members {
			members = mergeMember(members, m.clone())
		}
		if rs.member == nil && mx.member != nil {
			rs.member = mx.member.clone()
		}
		if rs.key == nil && mx.key != nil {
			rs.key = mx.key.clone()
		}
		if rs.value == nil && mx.value != nil {
			rs.value = mx.value.clone()
		}
		if rs.input == "" {
			rs.input = mx.input
		}
		if rs.output == "" {
			rs.output = mx.output
		}
		mixinErrors = appendNew(mixinErrors, mx.errors...)
	}
	rs.errors = appendNew(mixinErrors, rs.errors...)
	for _, t := range rs.traits {
		traits.set(t)
	}
	for _, own := range rs.members {
		for _, m := range members {
			if m.name == own.name && m.target != own.target {
				return l.errf(rs.id, own.name, "member redeclares a mixin member with target %q instead of %q", own.target, m.target)
			}
		}
		members = mergeMember(members, own)
	}
	rs.traits, rs.members = traits, members
	rs.flat, rs.flattening = true, false
	return nil
}

func mergeMember(ms []*rawMember, m *rawMember) []*rawMember {
	for _, have := range ms {
		if have.name == m.name {
			for _, t := range m.traits {
				have.traits.set(t)
			}
			return ms
		}
	}
	return append(ms, m)
}

// localTraits reads @mixin(localTraits: [...]), the traits a mixin keeps to itself.
func (l *loader) localTraits(mx *rawShape) (map[string]bool, error) {
	v, _ := mx.traits.get(tMixin)
	lt := v.Get("localTraits")
	if !lt.Exists() {
		return nil, nil
	}
	if !lt.IsArray() {
		return nil, l.errf(mx.id, "", "trait %s: localTraits must be an array of trait IDs", tMixin)
	}
	local := map[string]bool{}
	for _, e := range lt.Array() {
		local[e.String()] = true
	}
	return local, nil
}

func appendNew(list []string, ids ...string) []string {
	for _, id := range ids {
		dup := false
		for _, have := range list {
			dup = dup || have == id
		}
		if !dup {
			list = append(list, id)
		}
	}
	return list
}

// --- service ---

func (l *loader) buildService() error {
	for _, id := range l.order {
		rs := l.shapes[id]
		if rs.typ != "service" || rs.traits.has(tMixin) {
			continue
		}
		if l.service != nil {
			return l.errf(id, "", "model has more than one service (also %s)", l.service.id)
		}
		l.service = rs
	}
	rs := l.service
	if rs == nil {
		// A model of shapes only: there is no protocol to speak of.
		l.m.Service = &ir.Service{}
		return nil
	}
	svc := &ir.Service{ID: rs.id, Name: rs.name, TargetPrefix: rs.name}
	if v := rs.v.Get("version"); v.Exists() {
		if v.Type != gjson.String {
			return l.errf(rs.id, "", "service \"version\" must be a string")
		}
		svc.APIVersion = v.String()
	}
	for _, p := range protocols {
		if rs.traits.has(p.trait) {
			svc.Protocol = p.name
			break
		}
	}
	var err error
	if svc.Doc, err = l.stringTrait(rs, tDocumentation); err != nil {
		return err
	}
	if svc.FullName, err = l.stringTrait(rs, tTitle); err != nil {
		return err
	}
	if v, ok := rs.traits.get(tAWSService); ok {
		if !v.IsObject() {
			return l.errf(rs.id, "", "trait %s must be an object", tAWSService)
		}
		if svc.SDKID, err = l.stringField(v, rs.id, tAWSService, "sdkId"); err != nil {
			return err
		}
		if svc.EndpointPrefix, err = l.stringField(v, rs.id, tAWSService, "endpointPrefix"); err != nil {
			return err
		}
	}
	if v, ok := rs.traits.get(tSigV4); ok {
		if !v.IsObject() {
			return l.errf(rs.id, "", "trait %s must be an object", tSigV4)
		}
		if svc.SigningName, err = l.stringField(v, rs.id, tSigV4, "name"); err != nil {
			return err
		}
	}
	if svc.SigningName == "" {
		svc.SigningName = svc.EndpointPrefix
	}
	if l.svcErrors, err = l.refList(rs.v.Get("errors"), rs.id, "errors"); err != nil {
		return err
	}
	if l.svcPaginate, err = l.paginated(rs); err != nil {
		return err
	}
	if v, ok := rs.traits.get(tAuth); ok {
		if !v.IsArray() {
			return l.errf(rs.id, "", "trait %s must be an array of auth scheme IDs", tAuth)
		}
		l.svcNoAuth = len(v.Array()) == 0
	}
	l.m.Service = svc
	return nil
}

func (l *loader) stringTrait(rs *rawShape, id string) (string, error) {
	v, ok := rs.traits.get(id)
	if !ok {
		return "", nil
	}
	if v.Type != gjson.String {
		return "", l.errf(rs.id, "", "trait %s must be a string", id)
	}
	return v.String(), nil
}

// stringField reads an optional string field of an object-valued trait.
func (l *loader) stringField(v gjson.Result, shape, traitID, field string) (string, error) {
	f := v.Get(field)
	if !f.Exists() {
		return "", nil
	}
	if f.Type != gjson.String {
		return "", l.errf(shape, "", "trait %s: %s must be a string", traitID, field)
	}
	return f.String(), nil
}

func (l *loader) paginated(rs *rawShape) (*ir.Paginated, error) {
	v, ok := rs.traits.get(tPaginated)
	if !ok {
		return nil, nil
	}
	if !v.IsObject() {
		return nil, l.errf(rs.id, "", "trait %s must be an object", tPaginated)
	}
	p := &ir.Paginated{}
	for _, f := range []struct {
		name string
		dst  *string
	}{{"inputToken", &p.InputToken}, {"outputToken", &p.OutputToken}, {"items", &p.Items}, {"pageSize", &p.PageSize}} {
		var err error
		if *f.dst, err = l.stringField(v, rs.id, tPaginated, f.name); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// --- data shapes ---

func isDataType(typ string) bool {
	switch typ {
	case "operation", "service", "resource":
		return false
	}
	return true
}

func (l *loader) buildShapes() error {
	var todo []*rawShape
	for _, id := range l.order {
		rs := l.shapes[id]
		if !isDataType(rs.typ) || rs.traits.has(tMixin) {
			continue
		}
		kind, _ := ir.KindOf(rs.typ)
		if kind == ir.String && rs.traits.has(tEnum) {
			kind = ir.Enum
		}
		s := &ir.Shape{ID: id, Name: rs.name, Kind: kind}
		l.built[id] = s
		l.m.AddShape(s)
		todo = append(todo, rs)
	}
	for _, rs := range todo {
		if err := l.fillShape(rs, l.built[rs.id]); err != nil {
			return err
		}
	}
	return nil
}

func (l *loader) fillShape(rs *rawShape, s *ir.Shape) error {
	if err := l.readIRTraits(rs.traits, s.ID, "", &s.Traits, dataShapeTraits); err != nil {
		return err
	}
	if rs.typ == "set" && !rs.traits.has(tUniqueItems) {
		// A set is a list whose items are unique; say so the IR way.
		if s.Traits.Other == nil {
			s.Traits.Other = map[string]string{}
		}
		s.Traits.Other[tUniqueItems] = "{}"
	}
	var err error
	switch rs.typ {
	case "structure", "union":
		for _, rm := range rs.members {
			m, err := l.buildMember(s, rm, rs.typ == "union")
			if err != nil {
				return err
			}
			if l.idl1 && rs.typ == "structure" {
				l.idl1Default(rm, m)
			}
			s.Members = append(s.Members, m)
		}
	case "list", "set":
		s.Member, err = l.buildMember(s, rs.member, false)
	case "map":
		if s.Key, err = l.buildMember(s, rs.key, false); err != nil {
			return err
		}
		if k := s.Key.Target.Kind; k != ir.String && k != ir.Enum {
			return l.errf(s.ID, "key", "map key must target a string shape, not %s %s", k, s.Key.Target.ID)
		}
		s.Value, err = l.buildMember(s, rs.value, false)
	case "enum", "intEnum":
		err = l.enumValues(rs, s)
	}
	if err != nil {
		return err
	}
	if v, ok := rs.traits.get(tEnum); ok {
		if rs.typ != "string" {
			return l.errf(s.ID, "", "trait %s is only valid on string shapes", tEnum)
		}
		if err := l.legacyEnum(v, s); err != nil {
			return err
		}
	}
	return l.shapeFlags(rs, s)
}

// shapeFlags reads the traits that become Shape fields: @error, @httpError, @input, @output.
func (l *loader) shapeFlags(rs *rawShape, s *ir.Shape) error {
	for _, f := range []struct {
		id  string
		dst *bool
	}{{tInput, &s.Input}, {tOutput, &s.Output}} {
		if v, ok := rs.traits.get(f.id); ok {
			set, valid := annotation(v)
			if !valid {
				return l.errf(s.ID, "", "trait %s must be an object", f.id)
			}
			*f.dst = set
		}
	}
	if v, ok := rs.traits.get(tHTTPError); ok {
		code, err := strconv.Atoi(strings.TrimSpace(v.Raw))
		if v.Type != gjson.Number || err != nil || code < 100 || code > 599 {
			return l.errf(s.ID, "", "trait %s must be an integer HTTP status code, got %s", tHTTPError, v.Raw)
		}
		s.HTTPStatus = code
	}
	v, ok := rs.traits.get(tError)
	if !ok {
		return nil
	}
	if s.Kind != ir.Structure {
		return l.errf(s.ID, "", "trait %s is only valid on structures", tError)
	}
	switch e := v.String(); {
	case v.Type == gjson.String && e == "client":
		s.Error = e
		if s.HTTPStatus == 0 {
			s.HTTPStatus = 400
		}
	case v.Type == gjson.String && e == "server":
		s.Error = e
		if s.HTTPStatus == 0 {
			s.HTTPStatus = 500
		}
	default:
		return l.errf(s.ID, "", "trait %s must be \"client\" or \"server\", got %s", tError, v.Raw)
	}
	s.ErrorCode = s.Name
	if p := l.m.Service.Protocol; p == "awsQuery" || p == "ec2Query" {
		if q, ok := rs.traits.get(tAWSQueryError); ok {
			if code := q.Get("code"); code.Type == gjson.String && code.String() != "" {
				s.ErrorCode = code.String()
			}
		}
	}
	return nil
}

func (l *loader) buildMember(parent *ir.Shape, rm *rawMember, union bool) (*ir.Member, error) {
	if rm == nil {
		return nil, l.errf(parent.ID, "", "%s shape lacks its member, key or value", parent.Kind)
	}
	target, err := l.resolve(rm.target, parent.ID, rm.name, union)
	if err != nil {
		return nil, err
	}
	m := &ir.Member{Name: rm.name, Target: target}
	if err := l.readIRTraits(rm.traits, parent.ID, rm.name, &m.Traits, nil); err != nil {
		return nil, err
	}
	return m, nil
}

// resolve finds the data shape a member targets, synthesising prelude shapes on first use.
func (l *loader) resolve(id, shape, member string, unitOK bool) (*ir.Shape, error) {
	if s := l.built[id]; s != nil {
		return s, nil
	}
	if rs := l.shapes[id]; rs != nil {
		if rs.traits.has(tMixin) {
			return nil, l.errf(shape, member, "member targets mixin %q", id)
		}
		return nil, l.errf(shape, member, "member targets %q, a %s, not a data shape", id, rs.typ)
	}
	if id == unitID {
		if !unitOK {
			return nil, l.errf(shape, member, "only union members may target %s", unitID)
		}
		s := &ir.Shape{ID: unitID, Name: "Unit", Kind: ir.Structure}
		l.built[id] = s
		l.m.AddShape(s)
		return s, nil
	}
	if name, ok := strings.CutPrefix(id, preludeNS); ok {
		if p, ok := preludeShapes[name]; ok {
			s := &ir.Shape{ID: id, Name: name, Kind: p.kind}
			if p.def != "" {
				s.Traits.Default = &p.def
			}
			l.built[id] = s
			l.m.AddShape(s)
			return s, nil
		}
	}
	return nil, l.errf(shape, member, "unknown target %q", id)
}

// idl1Default gives an IDL 1.x structure member the zero default that version implies: a
// member targeting a boolean or number shape is non-nullable unless the member or its
// target is @box (the prelude's Boolean, Integer, ... are boxed; Primitive* are not). This
// is what Smithy's upgrade to IDL 2.0 writes as an explicit @default.
func (l *loader) idl1Default(rm *rawMember, m *ir.Member) {
	zero := "0"
	switch m.Target.Kind {
	case ir.Boolean:
		zero = "false"
	case ir.Byte, ir.Short, ir.Integer, ir.Long, ir.Float, ir.Double:
	default:
		return
	}
	if m.Traits.Default != nil || rm.traits.has(tBox) {
		return
	}
	if name, prelude := strings.CutPrefix(m.Target.ID, preludeNS); prelude {
		if !strings.HasPrefix(name, "Primitive") {
			return
		}
	} else if rs := l.shapes[m.Target.ID]; rs == nil || rs.traits.has(tBox) {
		return
	}
	m.Traits.Default = &zero
}

func (l *loader) enumValues(rs *rawShape, s *ir.Shape) error {
	seen := map[string]bool{}
	for _, rm := range rs.members {
		if rm.target != unitID {
			return l.errf(s.ID, rm.name, "enum member must target %s, not %q", unitID, rm.target)
		}
		var t ir.Traits
		if err := l.readIRTraits(rm.traits, s.ID, rm.name, &t, nil); err != nil {
			return err
		}
		ev := &ir.EnumValue{Name: rm.name, Doc: t.Doc}
		v, _ := rm.traits.get(tEnumValue)
		if s.Kind == ir.IntEnum {
			if !v.Exists() {
				return l.errf(s.ID, rm.name, "intEnum member needs an integer %s", tEnumValue)
			}
			n, err := strconv.ParseInt(strings.TrimSpace(v.Raw), 10, 32)
			if v.Type != gjson.Number || err != nil {
				return l.errf(s.ID, rm.name, "trait %s of an intEnum member must be a 32-bit integer, got %s", tEnumValue, v.Raw)
			}
			ev.IntValue = n
			ev.Value = strconv.FormatInt(n, 10)
		} else {
			ev.Value = rm.name
			if v.Exists() {
				if v.Type != gjson.String || v.String() == "" {
					return l.errf(s.ID, rm.name, "trait %s of an enum member must be a non-empty string, got %s", tEnumValue, v.Raw)
				}
				ev.Value = v.String()
			}
		}
		if seen[ev.Value] {
			return l.errf(s.ID, rm.name, "duplicate enum value %s", ev.Value)
		}
		seen[ev.Value] = true
		s.EnumValues = append(s.EnumValues, ev)
	}
	if len(s.EnumValues) == 0 {
		return l.errf(s.ID, "", "%s has no members", rs.typ)
	}
	return nil
}

// legacyEnum reads the IDL 1.0 @enum trait: [{value, name?, documentation?, ...}].
func (l *loader) legacyEnum(v gjson.Result, s *ir.Shape) error {
	bad := func(format string, args ...any) error {
		return l.errf(s.ID, "", "trait %s: "+format, append([]any{tEnum}, args...)...)
	}
	if !v.IsArray() {
		return bad("must be an array")
	}
	values, names := map[string]bool{}, map[string]bool{}
	for _, e := range v.Array() {
		val, name, doc, dep := e.Get("value"), e.Get("name"), e.Get("documentation"), e.Get("deprecated")
		switch {
		case !e.IsObject():
			return bad("entries must be objects")
		case val.Type != gjson.String || val.String() == "":
			return bad("value must be a non-empty string, got %s", val.Raw)
		case name.Exists() && (name.Type != gjson.String || name.String() == ""):
			return bad("name must be a non-empty string, got %s", name.Raw)
		case doc.Exists() && doc.Type != gjson.String:
			return bad("documentation must be a string")
		case dep.Exists() && dep.Type != gjson.True && dep.Type != gjson.False:
			return bad("deprecated must be a boolean")
		case values[val.String()]:
			return bad("duplicate value %q", val.String())
		}
		ev := &ir.EnumValue{Name: name.String(), Value: val.String(), Doc: doc.String()}
		if ev.Name == "" {
			ev.Name = loadkit.EnumName(ev.Value)
		}
		if names[ev.Name] {
			return bad("duplicate name %q", ev.Name)
		}
		values[ev.Value], names[ev.Name] = true, true
		s.EnumValues = append(s.EnumValues, ev)
	}
	if len(s.EnumValues) == 0 {
		return bad("has no values")
	}
	return nil
}

// annotation reads an annotation trait: {} or true sets it, false clears it.
func annotation(v gjson.Result) (set, valid bool) {
	switch {
	case v.IsObject(), v.Type == gjson.True:
		return true, true
	case v.Type == gjson.False:
		return false, true
	}
	return false, false
}

var timestampFormats = map[string]bool{"epoch-seconds": true, "date-time": true, "http-date": true}

// readIRTraits reads the traits the IR models into t and keeps the others in t.Other.
// Traits in skip are read elsewhere; @box (IDL 1.0 nullability) is dropped.
func (l *loader) readIRTraits(ts traitSet, shape, member string, t *ir.Traits, skip map[string]bool) error {
	for _, tr := range ts {
		if skip[tr.id] {
			continue
		}
		if err := l.readIRTrait(tr, shape, member, t); err != nil {
			return err
		}
	}
	return nil
}

func (l *loader) readIRTrait(tr trait, shape, member string, t *ir.Traits) error {
	v := tr.v
	bad := func(format string, args ...any) error {
		return l.errf(shape, member, "trait %s: "+format, append([]any{tr.id}, args...)...)
	}
	flag := func(dst *bool) error {
		set, ok := annotation(v)
		if !ok {
			return bad("must be an object, got %s", v.Raw)
		}
		*dst = set
		return nil
	}
	str := func(dst *string) error {
		if v.Type != gjson.String {
			return bad("must be a string, got %s", v.Raw)
		}
		*dst = v.String()
		return nil
	}
	switch tr.id {
	case tDocumentation:
		return str(&t.Doc)
	case tRequired:
		return flag(&t.Required)
	case tSensitive:
		return flag(&t.Sensitive)
	case tIdempotencyToken:
		return flag(&t.IdempotencyToken)
	case tSparse:
		return flag(&t.Sparse)
	case tStreaming:
		return flag(&t.Streaming)
	case tClientOptional:
		return flag(&t.ClientOptional)
	case tPattern:
		return str(&t.Pattern)
	case tJSONName:
		return str(&t.JSONName)
	case tMediaType:
		if v.Type != gjson.String || v.String() == "" {
			return bad("must be a non-empty string, got %s", v.Raw)
		}
		t.MediaType = v.String()
	case tRequiresLength:
		return flag(&t.RequiresLength)
	case tHostLabel:
		return flag(&t.HostLabel)
	case tHTTPLabel, tHTTPQuery, tHTTPQueryParams, tHTTPHeader, tHTTPPrefixHeaders, tHTTPPayload, tHTTPResponseCode:
		return l.binding(tr, shape, member, t)
	case tTimestampFormat:
		if v.Type != gjson.String || !timestampFormats[v.String()] {
			return bad("must be one of \"epoch-seconds\", \"date-time\", \"http-date\", got %s", v.Raw)
		}
		t.TimestampFormat = v.String()
	case tDefault:
		d := loadkit.Compact(v.Raw)
		t.Default = &d
	case tEnumValue:
		if v.Type != gjson.String && v.Type != gjson.Number {
			return bad("must be a string or an integer, got %s", v.Raw)
		}
		raw := strings.TrimSpace(v.Raw)
		t.EnumValue = &raw
	case tLength, tRange:
		b, msg := bounds(v, tr.id == tLength)
		if msg != "" {
			return bad("%s", msg)
		}
		if tr.id == tLength {
			t.Length = b
		} else {
			t.Range = b
		}
	case tDeprecated:
		if !v.IsObject() {
			return bad("must be an object, got %s", v.Raw)
		}
		msg, since := v.Get("message"), v.Get("since")
		if msg.Exists() && msg.Type != gjson.String || since.Exists() && since.Type != gjson.String {
			return bad("message and since must be strings")
		}
		t.Deprecated, t.DeprecatedMessage = true, msg.String()
	case tBox:
	default:
		if t.Other == nil {
			t.Other = map[string]string{}
		}
		t.Other[tr.id] = loadkit.Compact(v.Raw)
	}
	return nil
}

// binding reads an HTTP binding trait into t.Location and t.LocationName: the header,
// query or prefix name the trait gives, or the member name for a label. A member has at
// most one binding.
func (l *loader) binding(tr trait, shape, member string, t *ir.Traits) error {
	bad := func(format string, args ...any) error {
		return l.errf(shape, member, "trait %s: "+format, append([]any{tr.id}, args...)...)
	}
	if member == "" {
		return bad("is only valid on structure members")
	}
	loc, name := bindings[tr.id], ""
	switch loc {
	case ir.InPrefixHeaders:
		// The prefix may be empty: the map holds every header.
		if tr.v.Type != gjson.String {
			return bad("must be a string, got %s", tr.v.Raw)
		}
		name = tr.v.String()
	case ir.InHeader, ir.InQuery:
		if tr.v.Type != gjson.String || tr.v.String() == "" {
			return bad("must be a non-empty string, got %s", tr.v.Raw)
		}
		name = tr.v.String()
	default:
		set, ok := annotation(tr.v)
		if !ok {
			return bad("must be an object, got %s", tr.v.Raw)
		}
		if !set {
			return nil
		}
		if loc == ir.InLabel {
			name = member
		}
	}
	if t.Location != ir.InBody {
		for id, other := range bindings {
			if other == t.Location {
				return bad("the member is already bound by %s", id)
			}
		}
	}
	t.Location, t.LocationName = loc, name
	return nil
}

// bounds reads {min?, max?} of @length (whole, non-negative numbers) or @range (any
// numbers), keeping the numbers as written.
func bounds(v gjson.Result, length bool) (*ir.Bounds, string) {
	if !v.IsObject() {
		return nil, "must be an object with min and/or max, got " + v.Raw
	}
	b := &ir.Bounds{}
	var vals [2]float64
	for i, f := range []struct {
		name string
		dst  **string
	}{{"min", &b.Min}, {"max", &b.Max}} {
		n := v.Get(f.name)
		if !n.Exists() {
			continue
		}
		if n.Type != gjson.Number {
			return nil, f.name + " must be a number, got " + n.Raw
		}
		raw := strings.TrimSpace(n.Raw)
		if length {
			if _, err := strconv.ParseUint(raw, 10, 63); err != nil {
				return nil, f.name + " must be a non-negative integer, got " + raw
			}
		}
		vals[i] = n.Float()
		*f.dst = &raw
	}
	if b.Min != nil && b.Max != nil && vals[0] > vals[1] {
		return nil, "min " + *b.Min + " is greater than max " + *b.Max
	}
	return b, ""
}

// --- operations ---

func (l *loader) buildOperations() error {
	var ops []*rawShape
	if l.service == nil {
		for _, id := range l.order {
			if rs := l.shapes[id]; rs.typ == "operation" && !rs.traits.has(tMixin) {
				ops = append(ops, rs)
			}
		}
	} else {
		var err error
		if ops, err = l.reachable(l.service); err != nil {
			return err
		}
	}
	names := map[string]string{}
	for _, rs := range ops {
		op, err := l.buildOperation(rs)
		if err != nil {
			return err
		}
		if prev, dup := names[op.Name]; dup {
			return l.errf(op.ID, "", "operation name %s is also used by %s", op.Name, prev)
		}
		names[op.Name] = op.ID
		l.m.Operations = append(l.m.Operations, op)
	}
	return nil
}

// reachable lists the operations of the service and of the resources it reaches,
// recursively, each once, in the order they are found.
func (l *loader) reachable(svc *rawShape) ([]*rawShape, error) {
	var ops []*rawShape
	seen := map[string]bool{}
	addOp := func(from *rawShape, id string) error {
		rs := l.shapes[id]
		switch {
		case rs == nil:
			return l.errf(from.id, "", "unknown operation %q", id)
		case rs.typ != "operation":
			return l.errf(from.id, "", "%q is a %s, not an operation", id, rs.typ)
		}
		if !seen[id] {
			seen[id] = true
			ops = append(ops, rs)
		}
		return nil
	}
	var visit func(rs *rawShape) error
	visit = func(rs *rawShape) error {
		var ids []string
		for _, key := range []string{"create", "put", "read", "update", "delete", "list"} {
			id, err := l.optionalRef(rs.v.Get(key), rs.id, key)
			if err != nil {
				return err
			}
			if id != "" {
				ids = append(ids, id)
			}
		}
		for _, key := range []string{"operations", "collectionOperations"} {
			more, err := l.refList(rs.v.Get(key), rs.id, key)
			if err != nil {
				return err
			}
			ids = append(ids, more...)
		}
		for _, id := range ids {
			if err := addOp(rs, id); err != nil {
				return err
			}
		}
		resources, err := l.refList(rs.v.Get("resources"), rs.id, "resources")
		if err != nil {
			return err
		}
		for _, id := range resources {
			r := l.shapes[id]
			switch {
			case r == nil:
				return l.errf(rs.id, "", "unknown resource %q", id)
			case r.typ != "resource":
				return l.errf(rs.id, "", "%q is a %s, not a resource", id, r.typ)
			}
			if seen[id] {
				continue
			}
			seen[id] = true
			if err := visit(r); err != nil {
				return err
			}
		}
		return nil
	}
	return ops, visit(svc)
}

func (l *loader) buildOperation(rs *rawShape) (*ir.Operation, error) {
	op := &ir.Operation{ID: rs.id, Name: rs.name, AuthRequired: !l.svcNoAuth}
	var err error
	if op.Input, err = l.opStructure(rs, "input", rs.input); err != nil {
		return nil, err
	}
	if op.Output, err = l.opStructure(rs, "output", rs.output); err != nil {
		return nil, err
	}
	for _, id := range appendNew(append([]string(nil), rs.errors...), l.svcErrors...) {
		s, err := l.opStructure(rs, "error", id)
		if err != nil {
			return nil, err
		}
		if s == nil || !s.IsError() {
			return nil, l.errf(rs.id, "", "error %q is not a structure with the @error trait", id)
		}
		op.Errors = append(op.Errors, s)
	}
	if op.Doc, err = l.stringTrait(rs, tDocumentation); err != nil {
		return nil, err
	}
	var t ir.Traits
	if v, ok := rs.traits.get(tDeprecated); ok {
		if err := l.readIRTrait(trait{tDeprecated, v}, rs.id, "", &t); err != nil {
			return nil, err
		}
		op.Deprecated = true
	}
	if v, ok := rs.traits.get(tAuth); ok {
		if !v.IsArray() {
			return nil, l.errf(rs.id, "", "trait %s must be an array of auth scheme IDs", tAuth)
		}
		op.AuthRequired = len(v.Array()) > 0
	}
	if v, ok := rs.traits.get(tOptionalAuth); ok {
		if _, valid := annotation(v); !valid {
			return nil, l.errf(rs.id, "", "trait %s must be an object", tOptionalAuth)
		}
		op.AuthRequired = false
	}
	if op.Paginated, err = l.paginated(rs); err != nil {
		return nil, err
	}
	if p, d := op.Paginated, l.svcPaginate; p != nil && d != nil {
		for _, f := range [][2]*string{{&p.InputToken, &d.InputToken}, {&p.OutputToken, &d.OutputToken}, {&p.Items, &d.Items}, {&p.PageSize, &d.PageSize}} {
			if *f[0] == "" {
				*f[0] = *f[1]
			}
		}
	}
	if err := l.httpTraits(rs, op); err != nil {
		return nil, err
	}
	return op, nil
}

// httpTraits reads @http, @endpoint and @requestCompression into op, and checks them
// against the input and output (ir.CheckHTTP only when the protocol binds HTTP).
func (l *loader) httpTraits(rs *rawShape, op *ir.Operation) error {
	op.HTTPCode = 200
	if v, ok := rs.traits.get(tHTTP); ok {
		method, uri, code := v.Get("method"), v.Get("uri"), v.Get("code")
		if !v.IsObject() || method.Type != gjson.String || method.String() == "" || uri.Type != gjson.String {
			return l.errf(rs.id, "", "trait %s must be an object with method and uri strings", tHTTP)
		}
		var err error
		if op.HTTPPath, op.HTTPQuery, err = ir.SplitURI(uri.String()); err != nil {
			return l.errf(rs.id, "", "trait %s: %v", tHTTP, err)
		}
		op.HTTPMethod = method.String()
		if code.Exists() {
			n, err := strconv.Atoi(strings.TrimSpace(code.Raw))
			if code.Type != gjson.Number || err != nil || n < 100 || n > 599 {
				return l.errf(rs.id, "", "trait %s: code must be an integer HTTP status code, got %s", tHTTP, code.Raw)
			}
			op.HTTPCode = n
		}
	}
	if v, ok := rs.traits.get(tEndpoint); ok {
		p := v.Get("hostPrefix")
		if !v.IsObject() || p.Type != gjson.String || p.String() == "" {
			return l.errf(rs.id, "", "trait %s must be an object with a non-empty hostPrefix string", tEndpoint)
		}
		op.HostPrefix = p.String()
	}
	_, op.ChecksumRequired = rs.traits.get(tHTTPChecksumRequired)
	if v, ok := rs.traits.get(tRequestCompression); ok {
		enc := v.Get("encodings")
		if !v.IsObject() || !enc.IsArray() {
			return l.errf(rs.id, "", "trait %s must be an object with an encodings array", tRequestCompression)
		}
		for _, e := range enc.Array() {
			if e.Type != gjson.String || e.String() == "" {
				return l.errf(rs.id, "", "trait %s: encodings must be non-empty strings, got %s", tRequestCompression, e.Raw)
			}
			op.RequestCompression = append(op.RequestCompression, e.String())
		}
	}
	if e := ir.CheckOperationHTTP(l.m.Service, op); e != nil {
		e.File = l.file
		return e
	}
	return nil
}

// opStructure resolves an operation's input, output or error: nil for absent or Unit,
// else a structure.
func (l *loader) opStructure(op *rawShape, what, id string) (*ir.Shape, error) {
	if id == "" || id == unitID && what != "error" {
		return nil, nil
	}
	s := l.built[id]
	if s == nil {
		if rs := l.shapes[id]; rs != nil {
			return nil, l.errf(op.id, "", "%s %q is a %s, not a structure", what, id, rs.typ)
		}
		if _, ok := preludeShapes[strings.TrimPrefix(id, preludeNS)]; ok || id == unitID {
			return nil, l.errf(op.id, "", "%s %q is not a structure", what, id)
		}
		return nil, l.errf(op.id, "", "unknown %s target %q", what, id)
	}
	if s.Kind != ir.Structure {
		return nil, l.errf(op.id, "", "%s %q is a %s, not a structure", what, id, s.Kind)
	}
	return s, nil
}

// --- checks that need every shape ---

// checkBindings checks that each member's HTTP binding suits its target (ir.CheckBinding).
func (l *loader) checkBindings() error {
	for _, s := range l.m.Shapes {
		for _, m := range s.Members {
			if msg := ir.CheckBinding(m); msg != "" {
				return l.errf(s.ID, m.Name, "%s", msg)
			}
		}
	}
	return nil
}

func (l *loader) checkDefaults() error {
	for _, s := range l.m.Shapes {
		if d := s.Traits.Default; d != nil && !strings.HasPrefix(s.ID, preludeNS) {
			if msg := checkDefault(*d, s); msg != "" {
				return l.errf(s.ID, "", "trait %s: %s", tDefault, msg)
			}
		}
		for _, m := range allMembers(s) {
			if d := m.Traits.Default; d != nil {
				if msg := checkDefault(*d, m.Target); msg != "" {
					return l.errf(s.ID, m.Name, "trait %s: %s", tDefault, msg)
				}
			}
		}
	}
	return nil
}

func allMembers(s *ir.Shape) []*ir.Member {
	ms := s.Members
	for _, m := range []*ir.Member{s.Member, s.Key, s.Value} {
		if m != nil {
			ms = append(ms[:len(ms):len(ms)], m)
		}
	}
	return ms
}

// checkDefault reports why raw is not a valid default for values of target, or "".
func checkDefault(raw string, target *ir.Shape) string {
	v := gjson.Parse(raw)
	if v.Type == gjson.Null {
		return ""
	}
	want := ""
	switch target.Kind {
	case ir.Boolean:
		if v.Type != gjson.True && v.Type != gjson.False {
			want = "a boolean"
		}
	case ir.Byte, ir.Short, ir.Integer, ir.Long, ir.IntEnum:
		bits := map[ir.Kind]int{ir.Byte: 8, ir.Short: 16, ir.Integer: 32, ir.Long: 64, ir.IntEnum: 32}[target.Kind]
		n, err := strconv.ParseInt(raw, 10, bits)
		if v.Type != gjson.Number || err != nil {
			want = fmt.Sprintf("an integer that fits in %d bits", bits)
		} else if target.Kind == ir.IntEnum && !hasIntValue(target, n) {
			return fmt.Sprintf("default %s is not a value of intEnum %s", raw, target.ID)
		}
	case ir.BigInteger:
		if v.Type != gjson.Number || strings.ContainsAny(raw, ".eE") {
			want = "an integer"
		}
	case ir.Float, ir.Double, ir.BigDecimal:
		if v.Type != gjson.Number {
			want = "a number"
		}
	case ir.String, ir.Blob:
		if v.Type != gjson.String {
			want = "a string"
		}
	case ir.Enum:
		if v.Type != gjson.String {
			want = "a string"
		} else if !hasValue(target, v.String()) {
			return fmt.Sprintf("default %s is not a value of enum %s", raw, target.ID)
		}
	case ir.Timestamp:
		if v.Type != gjson.Number && v.Type != gjson.String {
			want = "a number or a date-time string"
		}
	case ir.List:
		if !v.IsArray() {
			want = "an array"
		}
	case ir.Map:
		if !v.IsObject() {
			want = "an object"
		}
	case ir.Document:
	default:
		return fmt.Sprintf("a %s cannot have a default", target.Kind)
	}
	if want != "" {
		return fmt.Sprintf("default %s for %s %s must be %s", raw, target.Kind, target.ID, want)
	}
	return ""
}

func hasValue(s *ir.Shape, v string) bool {
	for _, ev := range s.EnumValues {
		if ev.Value == v {
			return true
		}
	}
	return false
}

func hasIntValue(s *ir.Shape, n int64) bool {
	for _, ev := range s.EnumValues {
		if ev.IntValue == n {
			return true
		}
	}
	return false
}
