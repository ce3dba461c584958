// Package c2j loads a botocore-style ("c2j") service model, api-2.json with an optional
// docs-2.json, into the IR.
//
// c2j names shapes without namespaces, so a shape's ID and Name are both its c2j name, and
// has no @default: Default stays nil everywhere. Keys the IR has no field for are kept in
// Traits.Other as "c2j#<key>" with their raw JSON.
package c2j

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/awsgen/awsgen/internal/ir"
	"github.com/awsgen/awsgen/internal/load/internal/loadkit"
	"github.com/tidwall/gjson"
)

// otherPrefix marks c2j keys kept in Traits.Other.
const otherPrefix = "c2j#"

// protocols maps metadata.protocol to ir.Service.Protocol; "json" depends on jsonVersion.
var protocols = map[string]string{
	"rest-json":          "restJson1",
	"query":              "awsQuery",
	"ec2":                "ec2Query",
	"rest-xml":           "restXml",
	"smithy-rpc-v2-cbor": "smithyRpcv2Cbor",
}

// kinds maps c2j shape types, compared in lower case, to IR kinds.
var kinds = map[string]ir.Kind{
	"structure": ir.Structure, "list": ir.List, "map": ir.Map, "string": ir.String,
	"character": ir.String, "integer": ir.Integer, "long": ir.Long, "float": ir.Float,
	"double": ir.Double, "boolean": ir.Boolean, "blob": ir.Blob, "timestamp": ir.Timestamp,
	"byte": ir.Byte, "short": ir.Short, "bigdecimal": ir.BigDecimal, "biginteger": ir.BigInteger,
}

// timestampFormats maps c2j timestamp formats to Smithy's.
var timestampFormats = map[string]string{
	"iso8601": "date-time", "rfc822": "http-date", "unixTimestamp": "epoch-seconds",
}

// Load reads the api-2.json in api and, unless docs is nil, the docs-2.json in docs. file
// names the api-2.json in errors and in Model.Source.
func Load(file string, api, docs []byte) (*ir.Model, error) {
	var d *string
	if docs != nil {
		text := string(docs)
		d = &text
	}
	return LoadText(file, string(api), d, nil)
}

// LoadText is Load for the documents as strings (the model keeps substrings of them), docs
// nil for none. It runs then, when it is not nil, on the model as soon as the api-2.json is
// read, while the docs-2.json still is (then must not read documentation); its error comes
// after the api-2.json's and the docs-2.json's.
func LoadText(file, api string, docs *string, then func(*ir.Model) error) (*ir.Model, error) {
	l := &loader{file: file, m: &ir.Model{Source: file, Format: "c2j"}, raw: map[string]gjson.Result{}, opNames: map[string]string{}}
	// The docs are read while the api is: they meet only in mergeDocs.
	var d *docSet
	var derr error
	done := make(chan struct{})
	if docs != nil {
		go func() {
			defer close(done)
			d, derr = readDocs(docsFile(file), *docs)
		}()
	} else {
		close(done)
	}
	err := l.load(api)
	var terr error
	if err == nil {
		l.m.Finish()
		if then != nil {
			terr = then(l.m)
		}
	}
	<-done
	switch {
	case err != nil:
		return nil, err
	case derr != nil:
		return nil, derr
	case terr != nil:
		return nil, terr
	}
	if d != nil {
		l.mergeDocs(d)
	}
	return l.m, nil
}

type loader struct {
	file  string
	m     *ir.Model
	raw   map[string]gjson.Result // shape JSON by name
	names []string                // shape names in file order

	opNames map[string]string // operation wire names to keys
}

func (l *loader) errf(shape, member, format string, args ...any) error {
	return &ir.Error{File: l.file, Shape: shape, Member: member, Msg: fmt.Sprintf(format, args...)}
}

func (l *loader) load(api string) error {
	if msg := loadkit.CheckJSONText(api); msg != "" {
		return l.errf("", "", "%s", msg)
	}
	root := gjson.Parse(api)
	meta, shapes, ops := root.Get("metadata"), root.Get("shapes"), root.Get("operations")
	switch {
	case !meta.IsObject():
		return l.errf("", "", "not a c2j model: no \"metadata\" object")
	case !shapes.IsObject():
		return l.errf("", "", "not a c2j model: no \"shapes\" object")
	case ops.Exists() && !ops.IsObject():
		return l.errf("", "", "\"operations\" must be an object")
	}
	if err := l.service(meta, root.Get("documentation")); err != nil {
		return err
	}
	if err := l.readShapes(shapes); err != nil {
		return err
	}
	for _, name := range l.names {
		if err := l.fillShape(l.m.Shape(name), l.raw[name]); err != nil {
			return err
		}
	}
	// With every shape filled, each member's binding can be checked against its target.
	for _, name := range l.names {
		s := l.m.Shape(name)
		for _, m := range s.Members {
			if msg := ir.CheckBinding(m); msg != "" {
				return l.errf(s.ID, m.Name, "%s", msg)
			}
		}
	}
	var err error
	ops.ForEach(func(k, v gjson.Result) bool {
		err = l.operation(k.String(), v)
		return err == nil
	})
	return err
}

// metaString reads an optional string from metadata.
func (l *loader) metaString(meta gjson.Result, key string) (string, error) {
	v := meta.Get(key)
	if v.Exists() && v.Type != gjson.String {
		return "", l.errf("", "", "metadata.%s must be a string", key)
	}
	return v.String(), nil
}

func (l *loader) service(meta, doc gjson.Result) error {
	fields := map[string]string{}
	for _, k := range []string{"protocol", "jsonVersion", "targetPrefix", "endpointPrefix", "signingName",
		"serviceId", "serviceFullName", "apiVersion", "uid"} {
		v, err := l.metaString(meta, k)
		if err != nil {
			return err
		}
		fields[k] = v
	}
	proto := fields["protocol"]
	if list := meta.Get("protocols"); proto == "" && list.Exists() {
		first := list.Get("0")
		if !list.IsArray() || first.Type != gjson.String {
			return l.errf("", "", "metadata.protocols must be an array of strings")
		}
		proto = first.String()
	}
	svc := &ir.Service{
		ID:             fields["uid"],
		Name:           fields["targetPrefix"],
		APIVersion:     fields["apiVersion"],
		TargetPrefix:   fields["targetPrefix"],
		EndpointPrefix: fields["endpointPrefix"],
		SigningName:    fields["signingName"],
		SDKID:          fields["serviceId"],
		FullName:       fields["serviceFullName"],
	}
	switch proto {
	case "json":
		// botocore reads a missing jsonVersion as 1.0.
		switch fields["jsonVersion"] {
		case "", "1.0":
			svc.Protocol = "awsJson1_0"
		case "1.1":
			svc.Protocol = "awsJson1_1"
		default:
			return l.errf("", "", "unknown metadata.jsonVersion %q", fields["jsonVersion"])
		}
	case "":
		return l.errf("", "", "metadata has no protocol")
	default:
		var ok bool
		if svc.Protocol, ok = protocols[proto]; !ok {
			return l.errf("", "", "unknown metadata.protocol %q", proto)
		}
	}
	if svc.ID == "" {
		svc.ID = svc.SDKID
	}
	if svc.Name == "" {
		svc.Name = svc.SDKID
	}
	if svc.SigningName == "" {
		svc.SigningName = svc.EndpointPrefix
	}
	if doc.Exists() {
		if doc.Type != gjson.String {
			return l.errf("", "", "\"documentation\" must be a string")
		}
		svc.Doc = doc.String()
	}
	l.m.Service = svc
	return nil
}

// readShapes creates every shape with its kind, so that members can point at shapes not
// yet filled.
func (l *loader) readShapes(shapes gjson.Result) error {
	var err error
	shapes.ForEach(func(k, v gjson.Result) bool {
		name := k.String()
		err = l.readShape(name, v)
		return err == nil
	})
	return err
}

func (l *loader) readShape(name string, v gjson.Result) error {
	switch {
	case name == "":
		return l.errf("", "", "empty shape name")
	case l.m.Shape(name) != nil:
		return l.errf(name, "", "duplicate shape name")
	case !v.IsObject():
		return l.errf(name, "", "shape must be a JSON object")
	}
	typ := v.Get("type")
	if typ.Type != gjson.String {
		return l.errf(name, "", "shape has no \"type\" string")
	}
	kind, ok := kinds[strings.ToLower(typ.String())]
	if !ok {
		return l.errf(name, "", "unknown shape type %q", typ.String())
	}
	switch {
	case kind == ir.Structure && (v.Get("union").Type == gjson.True || v.Get("eventstream").Type == gjson.True):
		// An event stream is a union of event structures in Smithy (@streaming union); c2j
		// writes it as a structure marked "eventstream".
		kind = ir.Union
	case kind == ir.Structure && v.Get("document").Type == gjson.True:
		kind = ir.Document
	case kind == ir.String && v.Get("enum").Exists():
		kind = ir.Enum
	}
	l.m.AddShape(&ir.Shape{ID: name, Name: name, Kind: kind})
	l.raw[name] = v
	l.names = append(l.names, name)
	return nil
}

// shapeKeys are the shape keys fillShape reads; others go to Traits.Other.
var shapeKeys = map[string]bool{
	"type": true, "members": true, "member": true, "key": true, "value": true, "required": true,
	"union": true, "document": true, "enum": true, "min": true, "max": true, "pattern": true,
	"sensitive": true, "deprecated": true, "deprecatedMessage": true, "documentation": true,
	"timestampFormat": true, "streaming": true, "exception": true, "fault": true, "error": true,
	"box": true, "eventstream": true, "payload": true, "requiresLength": true,
}

func (l *loader) fillShape(s *ir.Shape, v gjson.Result) error {
	if err := l.commonTraits(v, s.ID, "", &s.Traits); err != nil {
		return err
	}
	var err error
	v.ForEach(func(k, val gjson.Result) bool {
		key := k.String()
		switch key {
		case "min", "max":
			err = l.bound(s, key, val)
		case "union", "document", "exception", "fault":
			if val.Type != gjson.True && val.Type != gjson.False {
				err = l.errf(s.ID, "", "%q must be a boolean", key)
			}
		case "eventstream":
			if val.Type != gjson.True && val.Type != gjson.False {
				err = l.errf(s.ID, "", "%q must be a boolean", key)
			}
			s.Traits.Streaming = val.Type == gjson.True
		default:
			if !shapeKeys[key] {
				other(&s.Traits, key, val)
			}
		}
		return err == nil
	})
	if err != nil {
		return err
	}
	switch s.Kind {
	case ir.Structure, ir.Union:
		err = l.structure(s, v)
	case ir.List:
		s.Member, err = l.member(s, "member", v.Get("member"))
	case ir.Map:
		if s.Key, err = l.member(s, "key", v.Get("key")); err != nil {
			return err
		}
		if k := s.Key.Target.Kind; k != ir.String && k != ir.Enum {
			return l.errf(s.ID, "key", "map key must target a string shape, not %s %s", k, s.Key.Target.ID)
		}
		s.Value, err = l.member(s, "value", v.Get("value"))
	case ir.Enum:
		err = l.enum(s, v.Get("enum"))
	}
	if err != nil {
		return err
	}
	if v.Get("enum").Exists() && s.Kind != ir.Enum {
		return l.errf(s.ID, "", "\"enum\" is only valid on string shapes")
	}
	if v.Get("required").Exists() && s.Kind != ir.Structure && s.Kind != ir.Union {
		return l.errf(s.ID, "", "\"required\" is only valid on structures")
	}
	return l.errorShape(s, v)
}

// bound reads min or max: a length for strings, blobs, lists and maps, a range for numbers.
func (l *loader) bound(s *ir.Shape, key string, v gjson.Result) error {
	if v.Type != gjson.Number {
		return l.errf(s.ID, "", "%q must be a number, got %s", key, v.Raw)
	}
	raw := strings.TrimSpace(v.Raw)
	var b **ir.Bounds
	switch {
	case s.Kind == ir.String || s.Kind == ir.Enum || s.Kind == ir.Blob || s.Kind == ir.List || s.Kind == ir.Map:
		if _, err := strconv.ParseUint(raw, 10, 63); err != nil {
			return l.errf(s.ID, "", "length %q must be a non-negative integer, got %s", key, raw)
		}
		b = &s.Traits.Length
	case s.Kind.IsNumber():
		b = &s.Traits.Range
	default:
		other(&s.Traits, key, v)
		return nil
	}
	if *b == nil {
		*b = &ir.Bounds{}
	}
	if key == "min" {
		(*b).Min = &raw
	} else {
		(*b).Max = &raw
	}
	if mn, mx := (*b).Min, (*b).Max; mn != nil && mx != nil {
		lo, _ := strconv.ParseFloat(*mn, 64)
		hi, _ := strconv.ParseFloat(*mx, 64)
		if lo > hi {
			return l.errf(s.ID, "", "min %s is greater than max %s", *mn, *mx)
		}
	}
	return nil
}

// commonTraits reads the keys shapes and members share into t.
func (l *loader) commonTraits(v gjson.Result, shape, member string, t *ir.Traits) error {
	bad := func(key, want string, got gjson.Result) error {
		return l.errf(shape, member, "%q must be %s, got %s", key, want, got.Raw)
	}
	var err error
	v.ForEach(func(k, val gjson.Result) bool {
		key := k.String()
		var flag *bool
		var str *string
		switch key {
		case "documentation":
			str = &t.Doc
		case "pattern":
			str = &t.Pattern
		case "deprecatedMessage":
			str = &t.DeprecatedMessage
		case "sensitive":
			flag = &t.Sensitive
		case "deprecated":
			flag = &t.Deprecated
		case "streaming":
			flag = &t.Streaming
		case "idempotencyToken":
			flag = &t.IdempotencyToken
		case "requiresLength":
			flag = &t.RequiresLength
		case "timestampFormat":
			f, ok := timestampFormats[val.String()]
			if val.Type != gjson.String || !ok {
				err = bad(key, "one of \"iso8601\", \"rfc822\", \"unixTimestamp\"", val)
				return false
			}
			t.TimestampFormat = f
		}
		switch {
		case flag != nil:
			if val.Type != gjson.True && val.Type != gjson.False {
				err = bad(key, "a boolean", val)
			}
			*flag = val.Type == gjson.True
		case str != nil:
			if val.Type != gjson.String {
				err = bad(key, "a string", val)
			}
			*str = val.String()
		}
		return err == nil
	})
	if t.DeprecatedMessage != "" {
		t.Deprecated = true
	}
	t.Pattern = anchorPattern(t.Pattern)
	return err
}

// anchorPattern gives a c2j pattern Smithy's meaning. A c2j pattern must match the whole
// value (aws-sdk-go v1 and botocore treat it so), while a Smithy @pattern is a search that
// the model anchors itself; the Smithy form of the same models writes "^...$". A pattern
// is wrapped in a group only when a top-level alternation needs one, so that shapes that
// agree across formats also generate the same Go.
func anchorPattern(p string) string {
	if p == "" {
		return p
	}
	if topLevelAlternation(p) {
		p = "(?:" + p + ")"
	}
	if !strings.HasPrefix(p, "^") {
		p = "^" + p
	}
	if !strings.HasSuffix(p, "$") || strings.HasSuffix(p, `\$`) {
		p += "$"
	}
	return p
}

// topLevelAlternation reports a '|' outside any group or class.
func topLevelAlternation(p string) bool {
	depth, class := 0, false
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == '\\':
			i++
		case class:
			class = c != ']'
		case c == '[':
			class = true
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == '|' && depth == 0:
			return true
		}
	}
	return false
}

func other(t *ir.Traits, key string, v gjson.Result) {
	if t.Other == nil {
		t.Other = map[string]string{}
	}
	t.Other[otherPrefix+key] = loadkit.Compact(v.Raw)
}

func (l *loader) structure(s *ir.Shape, v gjson.Result) error {
	ms := v.Get("members")
	if ms.Exists() && !ms.IsObject() {
		return l.errf(s.ID, "", "\"members\" must be an object")
	}
	var err error
	ms.ForEach(func(k, mv gjson.Result) bool {
		name := k.String()
		if name == "" {
			err = l.errf(s.ID, "", "empty member name")
			return false
		}
		for _, have := range s.Members {
			if have.Name == name {
				err = l.errf(s.ID, name, "duplicate member")
				return false
			}
		}
		var m *ir.Member
		m, err = l.member(s, name, mv)
		s.Members = append(s.Members, m)
		return err == nil
	})
	if err != nil {
		return err
	}
	if err := l.payload(s, v.Get("payload")); err != nil {
		return err
	}
	req := v.Get("required")
	if !req.Exists() || s.Kind == ir.Union && s.Traits.Streaming {
		// An event stream's "required" names its initial event; a union member cannot be
		// required (Smithy's form of the same stream has no such trait).
		return nil
	}
	if !req.IsArray() {
		return l.errf(s.ID, "", "\"required\" must be an array of member names, got %s", req.Raw)
	}
	req.ForEach(func(_, name gjson.Result) bool {
		if name.Type != gjson.String {
			err = l.errf(s.ID, "", "\"required\" must be an array of member names, got %s", name.Raw)
			return false
		}
		for _, m := range s.Members {
			if m.Name == name.String() {
				m.Traits.Required = true
				return true
			}
		}
		err = l.errf(s.ID, name.String(), "\"required\" names a member that does not exist")
		return false
	})
	return err
}

func hasPayload(s *ir.Shape) bool {
	for _, m := range s.Members {
		if m.Traits.Location == ir.InPayload {
			return true
		}
	}
	return false
}

// payload reads a structure's "payload", the name of the member that is the whole HTTP
// body.
func (l *loader) payload(s *ir.Shape, v gjson.Result) error {
	if !v.Exists() {
		return nil
	}
	if v.Type != gjson.String {
		return l.errf(s.ID, "", "\"payload\" must be a member name, got %s", v.Raw)
	}
	for _, m := range s.Members {
		if m.Name != v.String() {
			continue
		}
		if m.Traits.Location != ir.InBody {
			return l.errf(s.ID, m.Name, "the payload member cannot also have location %s", m.Traits.Location)
		}
		m.Traits.Location = ir.InPayload
		return nil
	}
	return l.errf(s.ID, v.String(), "\"payload\" names a member that does not exist")
}

// memberKeys are member keys read into the IR or dropped; others go to Traits.Other.
var memberKeys = map[string]bool{
	"shape": true, "documentation": true, "pattern": true, "deprecated": true, "deprecatedMessage": true,
	"sensitive": true, "streaming": true, "idempotencyToken": true, "timestampFormat": true,
	"requiresLength": true,
	// box marks nullable scalars in old models; every scalar member is a pointer anyway.
	"box": true,
}

// bindingKeys are the member keys binding reads, on members of structures.
var bindingKeys = map[string]bool{"location": true, "locationName": true, "hostLabel": true, "jsonvalue": true}

// locations maps c2j member locations to IR locations; "querystring" on a map is
// ir.InQueryParams.
var locations = map[string]ir.Location{
	"uri": ir.InLabel, "querystring": ir.InQuery, "header": ir.InHeader, "headers": ir.InPrefixHeaders,
	"statusCode": ir.InResponseCode,
}

func (l *loader) member(s *ir.Shape, name string, v gjson.Result) (*ir.Member, error) {
	if !v.IsObject() {
		return nil, l.errf(s.ID, name, "member must be an object with a \"shape\"")
	}
	ref := v.Get("shape")
	if ref.Type != gjson.String {
		return nil, l.errf(s.ID, name, "member has no \"shape\" name")
	}
	target := l.m.Shape(ref.String())
	if target == nil {
		return nil, l.errf(s.ID, name, "unknown target shape %q", ref.String())
	}
	m := &ir.Member{Name: name, Target: target}
	if err := l.commonTraits(v, s.ID, name, &m.Traits); err != nil {
		return nil, err
	}
	fields := s.Kind == ir.Structure || s.Kind == ir.Union
	if fields {
		if err := l.binding(s, m, v); err != nil {
			return nil, err
		}
	}
	v.ForEach(func(k, val gjson.Result) bool {
		if !memberKeys[k.String()] && !(fields && bindingKeys[k.String()]) {
			other(&m.Traits, k.String(), val)
		}
		return true
	})
	return m, nil
}

// binding reads the HTTP binding of a structure member: "location" with "locationName"
// (the label, query key, header or header prefix; the member name when it is absent),
// "hostLabel", and "jsonvalue" (a string holding JSON, base64-encoded in a header), which
// becomes the media type "application/json". Without a location, "locationName" is the
// member's JSON key in a JSON protocol; other protocols keep it in Traits.Other.
func (l *loader) binding(s *ir.Shape, m *ir.Member, v gjson.Result) error {
	t := &m.Traits
	loc, name := v.Get("location"), v.Get("locationName")
	if loc.Exists() && loc.Type != gjson.String || name.Exists() && name.Type != gjson.String {
		return l.errf(s.ID, m.Name, "\"location\" and \"locationName\" must be strings")
	}
	for _, key := range []string{"hostLabel", "jsonvalue"} {
		if f := v.Get(key); f.Exists() && f.Type != gjson.True && f.Type != gjson.False {
			return l.errf(s.ID, m.Name, "%q must be a boolean, got %s", key, f.Raw)
		}
	}
	t.HostLabel = v.Get("hostLabel").Type == gjson.True
	if v.Get("jsonvalue").Type == gjson.True {
		t.MediaType = "application/json"
	}
	switch {
	case loc.Exists():
		var ok bool
		if t.Location, ok = locations[loc.String()]; !ok {
			return l.errf(s.ID, m.Name, "unknown location %s", loc.Raw)
		}
		switch {
		case t.Location == ir.InQuery && m.Target.Kind == ir.Map:
			// botocore spreads a map's entries over the query whatever its locationName.
			t.Location = ir.InQueryParams
		case t.Location == ir.InResponseCode:
		case t.Location == ir.InPrefixHeaders && !name.Exists():
			// No prefix: every header (botocore and aws-sdk-go v1 read it so).
		case name.Exists():
			t.LocationName = name.String()
		default:
			t.LocationName = m.Name
		}
	case name.Exists() && (l.m.Service.Protocol == "restJson1" || l.m.Service.IsAWSJSON()):
		t.JSONName = name.String()
	case name.Exists():
		other(t, "locationName", name)
	}
	return nil
}

func (l *loader) enum(s *ir.Shape, v gjson.Result) error {
	if !v.IsArray() {
		return l.errf(s.ID, "", "\"enum\" must be an array of strings, got %s", v.Raw)
	}
	values, names := map[string]bool{}, map[string]bool{}
	var err error
	v.ForEach(func(_, e gjson.Result) bool {
		if e.Type != gjson.String {
			err = l.errf(s.ID, "", "enum values must be strings, got %s", e.Raw)
			return false
		}
		val := e.String()
		if values[val] {
			err = l.errf(s.ID, "", "duplicate enum value %q", val)
			return false
		}
		// Values such as "a-b" and "a_b" derive the same name; number the later ones.
		name := loadkit.EnumName(val)
		for n := 2; names[name]; n++ {
			name = loadkit.EnumName(val) + "_" + strconv.Itoa(n)
		}
		values[val], names[name] = true, true
		s.EnumValues = append(s.EnumValues, &ir.EnumValue{Name: name, Value: val})
		return true
	})
	if err == nil && len(s.EnumValues) == 0 {
		err = l.errf(s.ID, "", "\"enum\" has no values")
	}
	return err
}

// errorShape reads "exception", "fault" and "error": {httpStatusCode, code, senderFault}.
func (l *loader) errorShape(s *ir.Shape, v gjson.Result) error {
	if v.Get("exception").Type != gjson.True {
		if e := v.Get("error"); e.Exists() {
			other(&s.Traits, "error", e)
		}
		return nil
	}
	if s.Kind != ir.Structure {
		return l.errf(s.ID, "", "only structures can be exceptions")
	}
	e := v.Get("error")
	if e.Exists() && !e.IsObject() {
		return l.errf(s.ID, "", "\"error\" must be an object, got %s", e.Raw)
	}
	status, code := e.Get("httpStatusCode"), e.Get("code")
	if status.Exists() {
		n, err := strconv.Atoi(strings.TrimSpace(status.Raw))
		if status.Type != gjson.Number || err != nil || n < 100 || n > 599 {
			return l.errf(s.ID, "", "error.httpStatusCode must be an integer HTTP status code, got %s", status.Raw)
		}
		s.HTTPStatus = n
	}
	if code.Exists() && code.Type != gjson.String {
		return l.errf(s.ID, "", "error.code must be a string, got %s", code.Raw)
	}
	s.Error = "client"
	if v.Get("fault").Type == gjson.True || s.HTTPStatus >= 500 {
		s.Error = "server"
	}
	if s.HTTPStatus == 0 {
		s.HTTPStatus = map[string]int{"client": 400, "server": 500}[s.Error]
	}
	s.ErrorCode = s.Name
	if p := l.m.Service.Protocol; (p == "awsQuery" || p == "ec2Query") && code.String() != "" {
		s.ErrorCode = code.String()
	}
	if code.Exists() {
		other(&s.Traits, "error.code", code)
	}
	return nil
}

func (l *loader) operation(key string, v gjson.Result) error {
	if !v.IsObject() {
		return l.errf(key, "", "operation must be a JSON object")
	}
	// The key names the operation in the model; "name" is its wire name, which differs in
	// a few models (CloudFront's "AssociateAlias2020_05_31").
	op := &ir.Operation{ID: key, Name: key, AuthRequired: true}
	if n := v.Get("name"); n.Exists() {
		if n.Type != gjson.String || n.String() == "" {
			return l.errf(key, "", "operation \"name\" must be a non-empty string, got %s", n.Raw)
		}
		op.Name = n.String()
	}
	if prev, dup := l.opNames[op.Name]; dup {
		return l.errf(key, "", "operation name %s is also used by %s", op.Name, prev)
	}
	l.opNames[op.Name] = key
	var t ir.Traits
	if err := l.commonTraits(v, key, "", &t); err != nil {
		return err
	}
	op.Doc, op.Deprecated = t.Doc, t.Deprecated
	var err error
	if op.Input, err = l.opShape(key, "input", v.Get("input")); err != nil {
		return err
	}
	// aws-sdk-go v1's protocol tests (not the service models) name the payload member on
	// the operation's input reference; v1 moves it onto the shape, and so do we.
	if p := v.Get("input.payload"); p.Exists() && op.Input != nil && !hasPayload(op.Input) {
		if err := l.payload(op.Input, p); err != nil {
			return err
		}
	}
	if op.Output, err = l.opShape(key, "output", v.Get("output")); err != nil {
		return err
	}
	errs := v.Get("errors")
	if errs.Exists() && !errs.IsArray() {
		return l.errf(key, "", "\"errors\" must be an array")
	}
	errs.ForEach(func(_, e gjson.Result) bool {
		var s *ir.Shape
		if s, err = l.opShape(key, "error", e); err == nil {
			if !s.IsError() {
				err = l.errf(key, "", "error %q is not an exception", s.ID)
			}
			for _, have := range op.Errors {
				if have == s {
					return true
				}
			}
			op.Errors = append(op.Errors, s)
		}
		return err == nil
	})
	if err != nil {
		return err
	}
	if a := v.Get("authtype"); a.Exists() {
		if a.Type != gjson.String {
			return l.errf(key, "", "\"authtype\" must be a string, got %s", a.Raw)
		}
		op.AuthRequired = a.String() != "none"
	}
	if a := v.Get("auth"); a.Exists() {
		if !a.IsArray() {
			return l.errf(key, "", "\"auth\" must be an array of auth scheme IDs, got %s", a.Raw)
		}
		for _, scheme := range a.Array() {
			if scheme.String() == "smithy.api#noAuth" {
				op.AuthRequired = false
			}
		}
	}
	if err := l.http(op, v); err != nil {
		return err
	}
	l.m.Operations = append(l.m.Operations, op)
	return nil
}

// http reads an operation's "http" (method, requestUri, responseCode), "endpoint"
// (hostPrefix) and "requestcompression" (encodings), and checks them against the input and
// output (ir.CheckHTTP only when the protocol binds HTTP).
func (l *loader) http(op *ir.Operation, v gjson.Result) error {
	op.HTTPCode = 200
	if h := v.Get("http"); h.Exists() {
		method, uri, code := h.Get("method"), h.Get("requestUri"), h.Get("responseCode")
		if !h.IsObject() || method.Exists() && method.Type != gjson.String || uri.Exists() && uri.Type != gjson.String {
			return l.errf(op.ID, "", "\"http\" must be an object with method and requestUri strings")
		}
		op.HTTPMethod = method.String()
		if uri.Exists() {
			var err error
			if op.HTTPPath, op.HTTPQuery, err = ir.SplitURI(uri.String()); err != nil {
				return l.errf(op.ID, "", "http.requestUri: %v", err)
			}
		}
		if code.Exists() {
			n, err := strconv.Atoi(strings.TrimSpace(code.Raw))
			if code.Type != gjson.Number || err != nil || n < 100 || n > 599 {
				return l.errf(op.ID, "", "http.responseCode must be an integer HTTP status code, got %s", code.Raw)
			}
			op.HTTPCode = n
		}
	}
	if e := v.Get("endpoint"); e.Exists() {
		p := e.Get("hostPrefix")
		if !e.IsObject() || p.Type != gjson.String || p.String() == "" {
			return l.errf(op.ID, "", "\"endpoint\" must be an object with a non-empty hostPrefix string")
		}
		op.HostPrefix = p.String()
	}
	if c := v.Get("httpChecksumRequired"); c.Exists() {
		if c.Type != gjson.True && c.Type != gjson.False {
			return l.errf(op.ID, "", "\"httpChecksumRequired\" must be a boolean, got %s", c.Raw)
		}
		op.ChecksumRequired = c.Bool()
	}
	if c := v.Get("requestcompression"); c.Exists() {
		enc := c.Get("encodings")
		if !c.IsObject() || !enc.IsArray() {
			return l.errf(op.ID, "", "\"requestcompression\" must be an object with an encodings array")
		}
		for _, e := range enc.Array() {
			if e.Type != gjson.String || e.String() == "" {
				return l.errf(op.ID, "", "requestcompression.encodings must be non-empty strings, got %s", e.Raw)
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

// opShape resolves an operation's optional {"shape": name} to a structure.
func (l *loader) opShape(op, what string, v gjson.Result) (*ir.Shape, error) {
	if !v.Exists() {
		if what == "error" {
			return nil, l.errf(op, "", "empty error reference")
		}
		return nil, nil
	}
	ref := v.Get("shape")
	if !v.IsObject() || ref.Type != gjson.String {
		return nil, l.errf(op, "", "%s must be an object with a \"shape\" name", what)
	}
	s := l.m.Shape(ref.String())
	switch {
	case s == nil:
		return nil, l.errf(op, "", "unknown %s shape %q", what, ref.String())
	case s.Kind != ir.Structure:
		return nil, l.errf(op, "", "%s %q is a %s, not a structure", what, s.ID, s.Kind)
	}
	return s, nil
}

// docSet is what a docs-2.json holds: the service's documentation, each operation's, and
// each shape's "base" with its "refs" (member documentation under "Parent$Member").
type docSet struct {
	service string
	ops     map[string]string
	shapes  map[string]docEntry
}

type docEntry struct {
	base string
	refs map[string]string
}

// readDocs reads the docs-2.json in docs; file names it in errors.
func readDocs(file string, docs string) (*docSet, error) {
	bad := func(format string, args ...any) error {
		return &ir.Error{File: file, Msg: fmt.Sprintf(format, args...)}
	}
	if msg := loadkit.CheckJSONText(docs); msg != "" {
		return nil, bad("%s", msg)
	}
	root := gjson.Parse(docs)
	svc, ops, shapes := root.Get("service"), root.Get("operations"), root.Get("shapes")
	switch {
	case svc.Exists() && svc.Type != gjson.String && svc.Type != gjson.Null:
		return nil, bad("\"service\" must be a string")
	case ops.Exists() && !ops.IsObject():
		return nil, bad("\"operations\" must be an object")
	case shapes.Exists() && !shapes.IsObject():
		return nil, bad("\"shapes\" must be an object")
	}
	d := &docSet{service: svc.String(), ops: map[string]string{}, shapes: map[string]docEntry{}}
	ops.ForEach(func(k, v gjson.Result) bool {
		if v.Type == gjson.String {
			d.ops[k.String()] = v.String()
		}
		return true
	})
	var err error
	shapes.ForEach(func(k, v gjson.Result) bool {
		if !v.IsObject() {
			err = bad("shape %s: entry must be an object", k.String())
			return false
		}
		e := docEntry{base: v.Get("base").String(), refs: map[string]string{}}
		v.Get("refs").ForEach(func(rk, rv gjson.Result) bool {
			if rv.Type == gjson.String {
				e.refs[rk.String()] = rv.String()
			}
			return true
		})
		d.shapes[k.String()] = e
		return true
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// mergeDocs merges a docs-2.json's documentation into the model: the service and operation
// docs, each shape's "base" and each member's entry in its target's "refs" under
// "Parent$Member". Documentation written in api-2.json itself wins.
func (l *loader) mergeDocs(d *docSet) {
	if l.m.Service.Doc == "" {
		l.m.Service.Doc = d.service
	}
	for _, op := range l.m.Operations {
		if op.Doc == "" {
			op.Doc = d.ops[op.ID]
		}
	}
	for _, s := range l.m.Shapes {
		if s.Traits.Doc == "" {
			s.Traits.Doc = d.shapes[s.Name].base
		}
		for _, m := range append(s.Members[:len(s.Members):len(s.Members)], s.Member, s.Key, s.Value) {
			if m != nil && m.Traits.Doc == "" {
				m.Traits.Doc = d.shapes[m.Target.Name].refs[s.Name+"$"+m.Name]
			}
		}
	}
}

// docsFile names the docs-2.json that belongs to an api-2.json, for messages.
func docsFile(api string) string {
	if base, ok := strings.CutSuffix(api, "api-2.json"); ok {
		return base + "docs-2.json"
	}
	return api + " (docs)"
}
