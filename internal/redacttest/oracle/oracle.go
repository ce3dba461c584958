// Package oracle checks a generated package's redaction and defaults against the service
// model, read
// here on its own (encoding/json, both formats) and never through the generator's IR or its
// decisions.
//
// The file is self-contained so that the redaction test can copy it into a scratch copy of
// a generated package (with the package clause changed), beside a registry of that
// package's types; it is compiled and vetted in place too.
//
// The rule it checks: a value printed on any route (every fmt verb on the value and on a
// pointer, String, GoString, slog's text and JSON handlers, an Error method) never shows a
// leaf that sits, on the path from the printed value down to it, under a @sensitive shape
// or a @sensitive member. To show that the printer prints at all, and that it redacts by
// the path rather than by the type (a shape used inside a sensitive one still prints its
// members when printed on its own), a string leaf with no sensitive shape or member on its
// path must show in String's output.
package oracle

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// OracleType is one generated structure or union: its shape ID in the model, its Go type,
// and the Go field of each of its members by wire name.
type OracleType struct {
	Shape  string
	Type   reflect.Type
	Fields map[string]string
}

// oracleShape is a shape as this file reads it from the model.
type oracleShape struct {
	kind      string // structure, union, list, map, string, enum, integer, ..., document
	sensitive bool
	members   []oracleMember // structure and union, sorted by name
	elem      *oracleMember  // list
	key, val  *oracleMember  // map
}

type oracleMember struct {
	name      string
	target    string
	sensitive bool            // the member's own trait
	def       json.RawMessage // the member's @default, if any
}

type oracleModel map[string]*oracleShape

// CheckRedaction fills a value of every type with distinct tokens, prints it on every
// route and fails t for each token shown where the model says it must not be, or not
// shown where it must be.
func CheckRedaction(t *testing.T, model []byte, types []OracleType) {
	m, err := readOracleModel(model)
	if err != nil {
		t.Fatalf("reading the model: %v", err)
	}
	if len(types) == 0 {
		t.Fatal("no types to check")
	}
	fields := oracleFields(types)
	for _, ot := range types {
		s := m[ot.Shape]
		if s == nil {
			t.Errorf("%s: not in the model", ot.Shape)
			continue
		}
		f := &oracleFiller{m: m, fields: fields}
		v := reflect.New(ot.Type)
		f.fill(v.Elem(), ot.Shape, false, 0, ot.Shape)
		for i, e := range f.errs {
			if i == 3 {
				t.Errorf("%s: and %d more", ot.Shape, len(f.errs)-i)
				break
			}
			t.Errorf("%s: %s", ot.Shape, e)
		}
		routes := oraclePrintRoutes(v)
		for _, route := range oracleSortedKeys(routes) {
			out := routes[route]
			for _, tok := range f.tokens {
				if tok.secret && tok.shownIn(out) {
					t.Errorf("%s: %s shows the sensitive value at %s: %s", ot.Shape, route, tok.path, out)
				}
			}
		}
		str := v.Interface().(fmt.Stringer).String()
		for _, tok := range f.tokens {
			if tok.mustShow && !strings.Contains(str, tok.text) {
				t.Errorf("%s: String does not show the non-sensitive value at %s: %s", ot.Shape, tok.path, str)
			}
		}
	}
}

// CheckDefaults fills a value of every type, calls its Default method and fails t for each
// member that does not hold the model's @default afterwards, or is not unset when the model
// gives none.
func CheckDefaults(t *testing.T, model []byte, types []OracleType) {
	m, err := readOracleModel(model)
	if err != nil {
		t.Fatalf("reading the model: %v", err)
	}
	fields := oracleFields(types)
	for _, ot := range types {
		s := m[ot.Shape]
		if s == nil {
			t.Errorf("%s: not in the model", ot.Shape)
			continue
		}
		f := &oracleFiller{m: m, fields: fields}
		v := reflect.New(ot.Type)
		f.fill(v.Elem(), ot.Shape, false, 0, ot.Shape)
		def := v.MethodByName("Default")
		if !def.IsValid() {
			t.Errorf("%s: no Default method", ot.Shape)
			continue
		}
		def.Call(nil)
		for _, mem := range s.members {
			fv := v.Elem().FieldByName(ot.Fields[mem.name])
			if !fv.IsValid() {
				continue // CheckRedaction reports it
			}
			if msg := oracleDefaultDiffers(fv, mem.def); msg != "" {
				t.Errorf("%s.%s after Default: %s", ot.Shape, mem.name, msg)
			}
		}
	}
}

// oracleDefaultDiffers says how v differs from the model default def (absent or null:
// unset), or "" when it does not.
func oracleDefaultDiffers(v reflect.Value, def json.RawMessage) string {
	var want any
	if len(def) > 0 {
		d := json.NewDecoder(bytes.NewReader(def))
		d.UseNumber()
		if err := d.Decode(&want); err != nil {
			return "unreadable default " + string(def)
		}
	}
	if want == nil {
		if !v.IsZero() {
			return fmt.Sprintf("%#v, want unset", v.Interface())
		}
		return ""
	}
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return fmt.Sprintf("unset, want %s", def)
		}
		v = v.Elem()
	}
	got := fmt.Sprintf("%#v, want %s", v.Interface(), def)
	switch w := want.(type) {
	case bool:
		if v.Kind() != reflect.Bool || v.Bool() != w {
			return got
		}
	case json.Number:
		switch {
		case v.Type() == reflect.TypeFor[time.Time]():
			sec, err := w.Float64()
			if err != nil || !v.Interface().(time.Time).Equal(time.UnixMilli(int64(sec*1000))) {
				return got
			}
		case v.CanInt():
			n, err := w.Int64()
			if err != nil || v.Int() != n {
				return got
			}
		case v.CanFloat():
			n, err := w.Float64()
			if err != nil || v.Float() != n {
				return got
			}
		case v.Type() == reflect.TypeFor[big.Int]():
			n, ok := new(big.Int).SetString(w.String(), 10)
			if bi := v.Interface().(big.Int); !ok || bi.Cmp(n) != 0 {
				return got
			}
		case v.Type() == reflect.TypeFor[big.Float]():
			n, ok := new(big.Float).SetString(w.String())
			if bf := v.Interface().(big.Float); !ok || bf.Cmp(n) != 0 {
				return got
			}
		default:
			return got
		}
	case string:
		switch {
		case v.Kind() == reflect.String:
			if v.String() != w {
				return got
			}
		case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8:
			b, err := base64.StdEncoding.DecodeString(w)
			if err != nil || !bytes.Equal(v.Bytes(), b) {
				return got
			}
		case v.Type() == reflect.TypeFor[time.Time]():
			tm, err := time.Parse(time.RFC3339Nano, w)
			if err != nil || !v.Interface().(time.Time).Equal(tm) {
				return got
			}
		default:
			return got
		}
	case []any:
		// An empty list: set, so that it is sent.
		if len(w) != 0 || v.Kind() != reflect.Slice || v.IsNil() || v.Len() != 0 {
			return got
		}
	case map[string]any:
		if len(w) != 0 || v.Kind() != reflect.Map || v.IsNil() || v.Len() != 0 {
			return got
		}
	default:
		return got
	}
	return ""
}

// oracleFields indexes the Go field names of the types by shape ID.
func oracleFields(types []OracleType) map[string]map[string]string {
	fields := make(map[string]map[string]string, len(types))
	for _, o := range types {
		fields[o.Shape] = o.Fields
	}
	return fields
}

// oracleToken is a distinct value put in one leaf.
type oracleToken struct {
	text     string // as printed in decimal or as a string
	path     string
	secret   bool // under a sensitive shape or member
	mustShow bool // a string leaf with nothing sensitive on its path
}

// shownIn reports whether out shows the token as it is, quoted, or in hex.
func (tok oracleToken) shownIn(out string) bool {
	h := hex.EncodeToString([]byte(tok.text))
	return strings.Contains(out, tok.text) || strings.Contains(out, h) || strings.Contains(out, strings.ToUpper(h))
}

type oracleFiller struct {
	m      oracleModel
	fields map[string]map[string]string
	tokens []oracleToken
	errs   []string
	next   int
}

// oracleMaxDepth bounds recursive shapes.
const oracleMaxDepth = 5

func (f *oracleFiller) fill(v reflect.Value, id string, secret bool, depth int, path string) {
	s := f.m[id]
	if s == nil {
		f.errs = append(f.errs, fmt.Sprintf("%s: target %s is not in the model", path, id))
		return
	}
	secret = secret || s.sensitive
	if v.Kind() == reflect.Pointer {
		if depth > oracleMaxDepth {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		v = v.Elem()
	}
	switch s.kind {
	case "structure", "union":
		if v.Kind() != reflect.Struct {
			f.errs = append(f.errs, fmt.Sprintf("%s: %s is a %s in the model but %s in Go", path, id, s.kind, v.Type()))
			return
		}
		names := f.fields[id]
		if names == nil {
			f.errs = append(f.errs, fmt.Sprintf("%s: no Go type registered for %s", path, id))
			return
		}
		for _, mem := range s.members {
			goName, ok := names[mem.name]
			if !ok {
				f.errs = append(f.errs, fmt.Sprintf("%s: member %s has no Go field", path, mem.name))
				continue
			}
			fv := v.FieldByName(goName)
			if !fv.IsValid() {
				f.errs = append(f.errs, fmt.Sprintf("%s: %s has no field %s", path, v.Type(), goName))
				continue
			}
			f.fill(fv, mem.target, secret || mem.sensitive, depth+1, path+"."+mem.name)
		}
	case "list":
		if v.Kind() != reflect.Slice || depth > oracleMaxDepth {
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			f.fill(v.Index(i), s.elem.target, secret || s.elem.sensitive, depth+1, path+"["+strconv.Itoa(i)+"]")
		}
	case "map":
		if v.Kind() != reflect.Map || depth > oracleMaxDepth {
			return
		}
		v.Set(reflect.MakeMap(v.Type()))
		for i := range 2 {
			k := reflect.New(v.Type().Key()).Elem()
			f.fill(k, s.key.target, secret || s.key.sensitive, depth+1, path+"{key}")
			e := reflect.New(v.Type().Elem()).Elem()
			f.fill(e, s.val.target, secret || s.val.sensitive, depth+1, path+"{"+strconv.Itoa(i)+"}")
			v.SetMapIndex(k, e)
		}
	case "string", "enum":
		if v.Kind() != reflect.String {
			f.errs = append(f.errs, fmt.Sprintf("%s: a string in the model but %s in Go", path, v.Type()))
			return
		}
		text := f.token(path, secret, !secret)
		v.SetString(text)
	case "integer", "long", "intEnum":
		if v.CanInt() {
			f.next++
			n := 700_000_000 + int64(f.next)*7919
			v.SetInt(n)
			f.tokens = append(f.tokens, oracleToken{text: strconv.FormatInt(n, 10), path: path, secret: secret})
		}
	case "document":
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			text := f.token(path, secret, false)
			v.SetBytes([]byte(strconv.Quote(text)))
		}
	case "byte", "short", "float", "double", "boolean", "blob", "timestamp", "bigInteger", "bigDecimal":
		// Not distinct enough to find in the output (or, for blobs, never printed): set to
		// a plain value so that every printing path is taken.
		switch {
		case v.Type() == reflect.TypeFor[time.Time]():
			v.Set(reflect.ValueOf(time.Unix(1_600_000_000, 0).UTC()))
		case v.Type() == reflect.TypeFor[big.Int]():
			v.Set(reflect.ValueOf(*big.NewInt(3)))
		case v.Type() == reflect.TypeFor[big.Float]():
			v.Set(reflect.ValueOf(*big.NewFloat(1.5)))
		case v.CanInt():
			v.SetInt(3)
		case v.CanFloat():
			v.SetFloat(1.5)
		case v.Kind() == reflect.Bool:
			v.SetBool(true)
		case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8:
			v.SetBytes([]byte("blob"))
		}
	default:
		f.errs = append(f.errs, fmt.Sprintf("%s: shape kind %q", path, s.kind))
	}
}

func (f *oracleFiller) token(path string, secret, mustShow bool) string {
	f.next++
	text := fmt.Sprintf("tok%05dx", f.next)
	f.tokens = append(f.tokens, oracleToken{text: text, path: path, secret: secret, mustShow: mustShow})
	return text
}

// oraclePrintRoutes prints the value p points at on every route, keyed by route.
func oraclePrintRoutes(p reflect.Value) map[string]string {
	out := map[string]string{}
	v := p.Elem()
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%T %v"} {
		out["Sprintf("+verb+") of the value"] = fmt.Sprintf(verb, v.Interface())
		out["Sprintf("+verb+") of a pointer"] = fmt.Sprintf(verb, p.Interface())
		list := reflect.MakeSlice(reflect.SliceOf(v.Type()), 1, 1)
		list.Index(0).Set(v)
		out["Sprintf("+verb+") of a slice"] = fmt.Sprintf(verb, list.Interface())
	}
	out["Sprint"] = fmt.Sprint(v.Interface(), p.Interface())
	out["Sprintln"] = fmt.Sprintln(v.Interface(), p.Interface())
	if s, ok := v.Interface().(fmt.Stringer); ok {
		out["String"] = s.String()
	}
	if s, ok := v.Interface().(fmt.GoStringer); ok {
		out["GoString"] = s.GoString()
	}
	if e, ok := p.Interface().(error); ok {
		out["Error"] = e.Error()
		out["wrapped error"] = fmt.Errorf("call: %w", e).Error()
	}
	for name, h := range map[string]func(*bytes.Buffer) slog.Handler{
		"slog text": func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) },
		"slog JSON": func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) },
	} {
		var b bytes.Buffer
		slog.New(h(&b)).Info("msg", "value", v.Interface(), "pointer", p.Interface())
		out[name] = b.String()
	}
	return out
}

func (m oracleModel) children(id string) []oracleMember {
	s := m[id]
	if s == nil {
		return nil
	}
	out := slices.Clone(s.members)
	for _, p := range []*oracleMember{s.elem, s.key, s.val} {
		if p != nil {
			out = append(out, *p)
		}
	}
	return out
}

func oracleSortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// readOracleModel reads a Smithy JSON AST or a c2j api-2.json.
func readOracleModel(b []byte) (oracleModel, error) {
	var probe struct {
		Smithy   string          `json:"smithy"`
		Metadata json.RawMessage `json:"metadata"`
	}
	if err := json.Unmarshal(b, &probe); err != nil {
		return nil, err
	}
	if probe.Smithy != "" {
		return oracleReadSmithy(b)
	}
	if probe.Metadata != nil {
		return oracleReadC2J(b)
	}
	return nil, errors.New("neither a Smithy JSON AST nor a c2j model")
}

func oracleReadSmithy(b []byte) (oracleModel, error) {
	type ref struct {
		Target string                     `json:"target"`
		Traits map[string]json.RawMessage `json:"traits"`
	}
	type shape struct {
		Type    string                     `json:"type"`
		Traits  map[string]json.RawMessage `json:"traits"`
		Members map[string]ref             `json:"members"`
		Member  *ref                       `json:"member"`
		Key     *ref                       `json:"key"`
		Value   *ref                       `json:"value"`
		Mixins  []ref                      `json:"mixins"`
	}
	var doc struct {
		Shapes map[string]*shape `json:"shapes"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, err
	}
	const sensitive = "smithy.api#sensitive"
	// Traits applied to members from outside (apply statements).
	applied := map[string]bool{}
	for id, s := range doc.Shapes {
		if s.Type == "apply" {
			if _, ok := s.Traits[sensitive]; ok {
				applied[id] = true
			}
		}
	}
	m := oracleModel{}
	prelude := map[string]string{
		"String": "string", "Blob": "blob", "Boolean": "boolean", "PrimitiveBoolean": "boolean",
		"Byte": "byte", "PrimitiveByte": "byte", "Short": "short", "PrimitiveShort": "short",
		"Integer": "integer", "PrimitiveInteger": "integer", "Long": "long", "PrimitiveLong": "long",
		"Float": "float", "PrimitiveFloat": "float", "Double": "double", "PrimitiveDouble": "double",
		"BigInteger": "bigInteger", "BigDecimal": "bigDecimal", "Timestamp": "timestamp",
		"Document": "document", "Unit": "structure",
	}
	for name, kind := range prelude {
		m["smithy.api#"+name] = &oracleShape{kind: kind}
	}
	member := func(owner, name string, r ref) oracleMember {
		_, own := r.Traits[sensitive]
		return oracleMember{name: name, target: r.Target, sensitive: own || applied[owner+"$"+name], def: r.Traits["smithy.api#default"]}
	}
	var members func(id string, s *shape) []oracleMember
	members = func(id string, s *shape) []oracleMember {
		var out []oracleMember
		for _, mx := range s.Mixins {
			if ms := doc.Shapes[mx.Target]; ms != nil {
				for _, mm := range members(mx.Target, ms) {
					mm.sensitive = mm.sensitive || applied[id+"$"+mm.name]
					out = append(out, mm)
				}
			}
		}
		for _, name := range oracleSortedKeys(s.Members) {
			out = slices.DeleteFunc(out, func(o oracleMember) bool { return o.name == name })
			out = append(out, member(id, name, s.Members[name]))
		}
		slices.SortFunc(out, func(a, b oracleMember) int { return strings.Compare(a.name, b.name) })
		return out
	}
	for id, s := range doc.Shapes {
		_, sens := s.Traits[sensitive]
		os := &oracleShape{kind: s.Type, sensitive: sens}
		switch s.Type {
		case "apply", "service", "operation", "resource":
			continue
		case "set":
			os.kind = "list"
		case "structure", "union":
			os.members = members(id, s)
		case "enum":
			// Enum members are values, not fields.
		case "intEnum":
			os.kind = "intEnum"
		}
		if s.Member != nil {
			mm := member(id, "member", *s.Member)
			os.elem = &mm
		}
		if s.Key != nil {
			mm := member(id, "key", *s.Key)
			os.key = &mm
		}
		if s.Value != nil {
			mm := member(id, "value", *s.Value)
			os.val = &mm
		}
		m[id] = os
	}
	return m, nil
}

func oracleReadC2J(b []byte) (oracleModel, error) {
	type ref struct {
		Shape     string `json:"shape"`
		Sensitive bool   `json:"sensitive"`
	}
	type shape struct {
		Type      string         `json:"type"`
		Sensitive bool           `json:"sensitive"`
		Union     bool           `json:"union"`
		Document  bool           `json:"document"`
		Enum      []string       `json:"enum"`
		Members   map[string]ref `json:"members"`
		Member    *ref           `json:"member"`
		Key       *ref           `json:"key"`
		Value     *ref           `json:"value"`
	}
	var doc struct {
		Shapes map[string]*shape `json:"shapes"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, err
	}
	m := oracleModel{}
	for id, s := range doc.Shapes {
		os := &oracleShape{kind: s.Type, sensitive: s.Sensitive}
		switch {
		case s.Type == "structure" && s.Document:
			os.kind = "document"
		case s.Type == "structure" && s.Union:
			os.kind = "union"
		case s.Type == "string" && len(s.Enum) > 0:
			os.kind = "enum"
		case s.Type == "character":
			os.kind = "string"
		case s.Type == "biginteger":
			os.kind = "bigInteger"
		case s.Type == "bigdecimal":
			os.kind = "bigDecimal"
		}
		for _, name := range oracleSortedKeys(s.Members) {
			r := s.Members[name]
			os.members = append(os.members, oracleMember{name: name, target: r.Shape, sensitive: r.Sensitive})
		}
		for _, p := range []struct {
			src *ref
			dst **oracleMember
		}{{s.Member, &os.elem}, {s.Key, &os.key}, {s.Value, &os.val}} {
			if p.src != nil {
				*p.dst = &oracleMember{target: p.src.Shape, sensitive: p.src.Sensitive}
			}
		}
		m[id] = os
	}
	return m, nil
}
