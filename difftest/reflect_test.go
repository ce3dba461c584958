package difftest

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// This file pairs our types with aws-sdk-go-v2's by reflection: a plan per structure says
// which members both sides have and how v2 holds them, a filler makes random values of our
// types that both sides can represent, and a converter copies values between the two.

var timeType = reflect.TypeFor[time.Time]()

// fieldPlan pairs one member of our structure with v2's.
type fieldPlan struct {
	name     string
	ours     int    // field index in our struct
	v2       int    // field index in v2's struct; -1 when v2 cannot hold the member
	required bool   // required in the c2j model: always set
	v2Value  bool   // ours is *bool/*intN/*Enum, v2 holds a plain value: nil and zero look alike there
	shape    string // the member's target shape in the c2j model
	// restJson1: the member's HTTP binding ("" for the body) and its name on the wire.
	location, locationName string
}

// structPlan pairs one of our structures with v2's.
type structPlan struct {
	ours, v2 reflect.Type
	shape    string
	fields   []fieldPlan
}

// planner builds and caches plans and records what the two sides cannot both represent.
type planner struct {
	model *c2jModel
	mu    sync.Mutex
	plans map[reflect.Type]*structPlan
	notes map[string]bool // sorted when reported
}

func newPlanner(m *c2jModel) *planner {
	return &planner{model: m, plans: map[reflect.Type]*structPlan{}, notes: map[string]bool{}}
}

func (pl *planner) note(format string, args ...any) { pl.notes[fmt.Sprintf(format, args...)] = true }

// sortedNotes returns the representability notes gathered so far.
func (pl *planner) sortedNotes() []string {
	pl.mu.Lock()
	defer pl.mu.Unlock()
	out := make([]string, 0, len(pl.notes))
	for n := range pl.notes {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// plan pairs struct type ours (for c2j shape) with v2's struct type.
func (pl *planner) plan(ours, v2 reflect.Type, shape string) *structPlan {
	pl.mu.Lock()
	defer pl.mu.Unlock()
	return pl.planLocked(ours, v2, shape)
}

func (pl *planner) planLocked(ours, v2 reflect.Type, shape string) *structPlan {
	if p, ok := pl.plans[ours]; ok {
		return p
	}
	s, ok := pl.model.Shapes[shape]
	if !ok || s.Type != "structure" {
		panic(fmt.Sprintf("%s: shape %q is not a structure in the c2j model", ours, shape))
	}
	p := &structPlan{ours: ours, v2: v2, shape: shape}
	pl.plans[ours] = p
	// Go field names are the member names with the first letter upper-cased (headerName
	// becomes HeaderName) on both sides.
	// Our field names get underscores appended when they would clash with a generated
	// method ("Format" becomes "Format_"); v2's do not.
	members := map[string]c2jRef{}
	for name, ref := range s.Members {
		members[goName(name)] = ref
	}
	required := map[string]bool{}
	for _, r := range s.Required {
		required[goName(r)] = true
		if _, ok := ourField(ours, r); !ok {
			panic(fmt.Sprintf("%s: required member %s.%s has no Go field %s", ours, shape, r, goName(r)))
		}
	}
	for i := 0; i < ours.NumField(); i++ {
		f := ours.Field(i)
		if !f.IsExported() {
			continue
		}
		name := memberGoName(f.Name)
		ref, ok := members[name]
		if !ok {
			panic(fmt.Sprintf("%s.%s: no member of that name in c2j shape %s", ours, f.Name, shape))
		}
		fp := fieldPlan{name: f.Name, ours: i, v2: -1, required: required[name], shape: ref.Shape,
			location: ref.Location, locationName: ref.LocationName}
		if g, ok := v2.FieldByName(name); !ok || len(g.Index) != 1 {
			pl.note("%s.%s: v2 %s has no such member; left unset", shape, f.Name, v2)
		} else if isStream(f.Type, g.Type) {
			fp.v2 = g.Index[0] // a streaming blob: v2's io.Reader, ours an io.Reader or []byte
		} else if value, err := compatible(f.Type, g.Type); err != nil {
			pl.note("%s.%s: ours %s, v2 %s: %v; left unset", shape, f.Name, f.Type, g.Type, err)
		} else {
			fp.v2, fp.v2Value = g.Index[0], value
			if value {
				pl.note("%s.%s: ours %s, v2 %s (not a pointer): generated nil or non-zero only", shape, f.Name, f.Type, g.Type)
			}
		}
		if fp.required && fp.v2 < 0 {
			panic(fmt.Sprintf("%s.%s is required but v2 cannot hold it", shape, f.Name))
		}
		p.fields = append(p.fields, fp)
		if fp.v2 >= 0 {
			pl.planNested(f.Type, v2.Field(fp.v2).Type, fp.shape)
		}
	}
	for i := 0; i < v2.NumField(); i++ {
		g := v2.Field(i)
		if g.IsExported() && !v2Only[g.Name] {
			if _, ok := ourField(ours, g.Name); !ok {
				pl.note("%s.%s: only in v2 (newer model); never set", shape, g.Name)
			}
		}
	}
	return p
}

// v2Only are fields v2 adds to every output or error structure; they are no members.
var v2Only = map[string]bool{"ResultMetadata": true, "ErrorCodeOverride": true}

func goName(member string) string { return strings.ToUpper(member[:1]) + member[1:] }

// memberGoName is the name a field of ours has without the underscores appended to keep it
// from clashing with a method: the name v2 gives the member.
func memberGoName(field string) string { return strings.TrimRight(field, "_") }

// ourField finds the field of our struct type t for a member, whatever underscores the
// generator appended to its name.
func ourField(t reflect.Type, member string) (reflect.StructField, bool) {
	n := goName(member)
	for range 4 {
		if f, ok := t.FieldByName(n); ok {
			return f, true
		}
		n += "_"
	}
	return reflect.StructField{}, false
}

var (
	bytesType      = reflect.TypeFor[[]byte]()
	readerType     = reflect.TypeFor[io.Reader]()
	readCloserType = reflect.TypeFor[io.ReadCloser]()
)

func isStreamType(t reflect.Type) bool { return t == readerType || t == readCloserType }

// isStream reports whether both sides hold a streaming blob, as an io.Reader or
// io.ReadCloser, or ours as a []byte.
func isStream(ours, v2 reflect.Type) bool {
	return (ours == bytesType || isStreamType(ours)) && isStreamType(v2)
}

// streamOf returns a stream of type t (io.Reader or io.ReadCloser) that reads b and can be
// rewound (rewindStreams).
func streamOf(t reflect.Type, b []byte) reflect.Value {
	var r io.Reader = bytes.NewReader(b)
	if t == readCloserType {
		r = readSeekCloser{bytes.NewReader(b)}
	}
	return reflect.ValueOf(r)
}

// readSeekCloser is a rewindable io.ReadCloser.
type readSeekCloser struct{ *bytes.Reader }

func (readSeekCloser) Close() error { return nil }

// streamBytes reads the stream v (an interface value) to its end and rewinds it when it
// can.
func streamBytes(v reflect.Value) ([]byte, error) {
	r, ok := v.Interface().(io.Reader)
	if !ok {
		return nil, fmt.Errorf("%s is no io.Reader", v.Elem().Type())
	}
	b, err := io.ReadAll(r)
	if sk, ok := r.(io.Seeker); ok {
		if _, err := sk.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
	}
	return b, err
}

// rewindStreams rewinds the streams among the fields of the structure v points to, so that
// an input can be sent again.
func rewindStreams(v reflect.Value) {
	v = v.Elem()
	for i := 0; i < v.NumField(); i++ {
		if f := v.Field(i); f.Kind() == reflect.Interface && !f.IsNil() {
			if sk, ok := f.Interface().(io.Seeker); ok {
				_, _ = sk.Seek(0, io.SeekStart)
			}
		}
	}
}

// planNested plans the structures inside a member of type ours (v2's type v2, c2j shape).
func (pl *planner) planNested(ours, v2 reflect.Type, shape string) {
	for {
		switch ours.Kind() {
		case reflect.Pointer:
			ours = ours.Elem()
			if v2.Kind() == reflect.Pointer {
				v2 = v2.Elem()
			}
			continue
		case reflect.Slice:
			if ours.Elem().Kind() == reflect.Uint8 {
				return
			}
			ours, v2, shape = ours.Elem(), v2.Elem(), pl.model.Shapes[shape].Member.Shape
			continue
		case reflect.Map:
			ours, v2, shape = ours.Elem(), v2.Elem(), pl.model.Shapes[shape].Value.Shape
			continue
		case reflect.Struct:
			if ours != timeType {
				pl.planLocked(ours, v2, shape)
			}
		}
		return
	}
}

// compatible reports whether a value of our type ours can be copied to v2's type v2 and
// back, and whether v2 holds a pointer member of ours as a plain value.
func compatible(ours, v2 reflect.Type) (value bool, err error) {
	if ours.Kind() == reflect.Pointer && v2.Kind() != reflect.Pointer {
		switch ours.Elem().Kind() {
		case reflect.Bool, reflect.Int32, reflect.Int64, reflect.Float32, reflect.Float64, reflect.String:
			if ours.Elem().Kind() == v2.Kind() {
				return true, nil
			}
		}
		return false, fmt.Errorf("pointer against %s", v2.Kind())
	}
	if ours.Kind() != v2.Kind() {
		return false, fmt.Errorf("kind %s against %s", ours.Kind(), v2.Kind())
	}
	switch ours.Kind() {
	case reflect.Pointer, reflect.Slice:
		_, err := compatible(ours.Elem(), v2.Elem())
		return false, err
	case reflect.Map:
		if ours.Key().Kind() != reflect.String || v2.Key().Kind() != reflect.String {
			return false, fmt.Errorf("map key %s against %s", ours.Key(), v2.Key())
		}
		_, err := compatible(ours.Elem(), v2.Elem())
		return false, err
	case reflect.Struct:
		if (ours == timeType) != (v2 == timeType) {
			return false, fmt.Errorf("%s against %s", ours, v2)
		}
	}
	return false, nil
}

// --- random values ---------------------------------------------------------------------

// filler makes random values of our types within what both sides can represent.
type filler struct {
	r        *rand.Rand
	pl       *planner
	maxDepth int
	// restJson1: the binding of the top-level member being filled, and the keys of the
	// operation's named and literal query parameters, which keys of a query map take now
	// and then.
	location  string
	queryKeys []string
}

// headerString is a random string that net/http sends in a header as it is: no control
// characters but tab (the transport refuses them), anything else, invalid UTF-8 included.
func (f *filler) headerString() string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' || r == 0x7f {
			return -1
		}
		return r
	}, f.string())
}

// pieces are glued together into random strings: plain text, JSON's special characters,
// every kind of control character, U+2028/U+2029 (which JavaScript-safe encoders escape),
// multi-byte and astral characters, and now and then invalid UTF-8 (both sides then write
// U+FFFD).
var pieces = []string{
	"a", "Z", "user", "Name", "0", "42", " ", "-", "_", ".", "@example.com", "+1", "%", "=",
	`"`, `\`, `/`, `\u0041`, `"\"`, "\x00", "\x01", "\x08", "\t", "\n", "\f", "\r", "\x1b", "\x1f", "\x7f",
	"\u0080", "\u00a0", "\u2028", "\u2029", "é", "ß", "中文", "日本語", "\u200b", "\ufeff", "\ufffd",
	"😀", "\U0001F468\u200D\U0001F469", "\U0010FFFF", "<", ">", "&", "<script>", "'",
}

var invalidUTF8 = []string{"\xff", "\xc3", "\xed\xa0\x80", "\xe2\x82", "\x80"}

func (f *filler) string() string {
	switch f.r.IntN(12) {
	case 0:
		return ""
	case 1:
		return strings.Repeat("x", 1+f.r.IntN(300))
	}
	var b strings.Builder
	for n := f.r.IntN(10); n >= 0; n-- {
		if f.r.IntN(40) == 0 {
			b.WriteString(invalidUTF8[f.r.IntN(len(invalidUTF8))])
			continue
		}
		b.WriteString(pieces[f.r.IntN(len(pieces))])
	}
	return b.String()
}

func (f *filler) int(bits int) int64 {
	lim := int64(1)<<(bits-1) - 1
	switch f.r.IntN(8) {
	case 0:
		return 0
	case 1:
		return lim
	case 2:
		return -lim - 1
	case 3:
		return int64(f.r.IntN(2001) - 1000)
	case 4:
		return int64(f.r.IntN(1 << 20))
	default:
		if bits == 64 {
			return int64(f.r.Uint64())
		}
		return int64(int32(f.r.Uint32()))
	}
}

func (f *filler) float(bits int) float64 {
	var x float64
	switch f.r.IntN(8) {
	case 0:
		x = 0
	case 1:
		x = -1.5
	case 2:
		x = math.MaxFloat32
	case 3:
		x = math.SmallestNonzeroFloat64
	case 4:
		x = -math.MaxFloat64
	case 5:
		x = float64(f.r.IntN(1e6))
	default:
		x = (f.r.Float64()*2 - 1) * math.Pow(10, float64(f.r.IntN(80)-40))
	}
	if bits == 32 {
		x = float64(float32(x))
	}
	return x
}

// Times span 1900 to 2200 at millisecond precision: the wire format carries milliseconds,
// and v2 formats timestamps through UnixNano, which only covers 1678 to 2262.
const (
	minMillis = -2208988800000 // 1900-01-01
	maxMillis = 7258118400000  // 2200-01-01
)

func (f *filler) time() time.Time {
	var ms int64
	switch f.r.IntN(6) {
	case 0:
		ms = 0
	case 1:
		ms = (minMillis + f.r.Int64N(maxMillis-minMillis)) / 1000 * 1000
	case 2:
		ms = 1700000000000 + f.r.Int64N(1e11)
	default:
		ms = minMillis + f.r.Int64N(maxMillis-minMillis)
	}
	return time.UnixMilli(ms).UTC()
}

// fillStruct sets v (one of our structures) to random content following p.
func (f *filler) fillStruct(v reflect.Value, p *structPlan, depth int) {
	for _, fp := range p.fields {
		if fp.v2 < 0 {
			continue
		}
		if !fp.required && f.r.IntN(3) == 0 {
			continue // unset
		}
		if depth > 0 || fp.location == "" {
			f.fill(v.Field(fp.ours), p.v2.Field(fp.v2).Type, fp.shape, depth+1, fp.required, fp.v2Value)
			continue
		}
		// A member bound to the URI is never empty: both sides refuse an empty label.
		f.location = fp.location
		f.fill(v.Field(fp.ours), p.v2.Field(fp.v2).Type, fp.shape, depth+1, fp.required, fp.v2Value || fp.location == "uri")
		f.location = ""
	}
}

// fill sets v of our type to a random value; v2t is v2's type for the same value, shape its
// c2j shape. A required value is never nil; nonZero keeps it from being its zero value.
func (f *filler) fill(v reflect.Value, v2t reflect.Type, shape string, depth int, required, nonZero bool) {
	t := v.Type()
	if t.Kind() == reflect.Pointer {
		if v2t.Kind() == reflect.Pointer {
			v2t = v2t.Elem()
		}
		v.Set(reflect.New(t.Elem()))
		f.fill(v.Elem(), v2t, shape, depth, required, nonZero)
		return
	}
	switch t.Kind() {
	case reflect.Interface:
		if !isStreamType(t) {
			panic(fmt.Sprintf("filler: unsupported type %s", t))
		}
		if !required && f.r.IntN(4) == 0 {
			return // nil
		}
		b := make([]byte, f.r.IntN(12))
		for i := range b {
			b[i] = byte(f.r.Uint32())
		}
		v.Set(streamOf(t, b))
	case reflect.String:
		if vals := v.Addr().MethodByName("Values"); vals.IsValid() && f.r.IntN(2) == 0 {
			known := vals.Call(nil)[0]
			if known.Len() > 0 {
				v.Set(known.Index(f.r.IntN(known.Len())))
				return
			}
		}
		next := f.string
		if f.location == "header" {
			next = f.headerString
		}
		s := next()
		for nonZero && s == "" {
			s = next()
		}
		v.SetString(s)
	case reflect.Bool:
		v.SetBool(nonZero || f.r.IntN(2) == 0)
	case reflect.Int32, reflect.Int64, reflect.Int:
		x := f.int(t.Bits())
		for nonZero && x == 0 {
			x = f.int(t.Bits())
		}
		v.SetInt(x)
	case reflect.Float32, reflect.Float64:
		x := f.float(t.Bits())
		for nonZero && x == 0 {
			x = f.float(t.Bits())
		}
		v.SetFloat(x)
	case reflect.Struct:
		if t == timeType {
			v.Set(reflect.ValueOf(f.time()))
			return
		}
		f.fillStruct(v, f.pl.plan(t, v2t, shape), depth)
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			if !required && f.r.IntN(4) == 0 {
				return
			}
			b := make([]byte, f.r.IntN(12))
			for i := range b {
				b[i] = byte(f.r.Uint32())
			}
			v.SetBytes(b)
			return
		}
		if !required && f.r.IntN(4) == 0 {
			return // nil
		}
		n := f.r.IntN(4)
		if depth >= f.maxDepth {
			n = 0
		}
		s := reflect.MakeSlice(t, n, n)
		elemShape := f.pl.model.Shapes[shape].Member.Shape
		for i := 0; i < n; i++ {
			f.fill(s.Index(i), v2t.Elem(), elemShape, depth+1, true, false)
		}
		v.Set(s)
	case reflect.Map:
		if !required && f.r.IntN(4) == 0 {
			return // nil
		}
		n := f.r.IntN(4)
		if depth >= f.maxDepth {
			n = 0
		}
		m := reflect.MakeMapWithSize(t, n)
		valShape := f.pl.model.Shapes[shape].Value.Shape
		for i := 0; i < n; i++ {
			k := reflect.New(t.Key()).Elem()
			if f.location == "querystring" && len(f.queryKeys) > 0 && f.r.IntN(3) == 0 {
				k.SetString(f.queryKeys[f.r.IntN(len(f.queryKeys))]) // clashes with a named or literal parameter
			} else {
				k.SetString(f.string())
			}
			e := reflect.New(t.Elem()).Elem()
			f.fill(e, v2t.Elem(), valShape, depth+1, true, false)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	default:
		panic(fmt.Sprintf("filler: unsupported type %s", t))
	}
}

// --- conversion between the two sides ----------------------------------------------------

// convert copies src into dst, matching struct fields by name. A pointer on one side and a
// plain value on the other map nil to the zero value and back; a set pointer to a zero value
// cannot be carried to a plain value and is an error, as is a set field that dst lacks.
// v2's ResultMetadata and unexported fields are ignored.
func convert(dst, src reflect.Value) error {
	switch {
	case src.Kind() == reflect.Pointer && dst.Kind() == reflect.Pointer:
		if src.IsNil() {
			dst.SetZero()
			return nil
		}
		dst.Set(reflect.New(dst.Type().Elem()))
		return convert(dst.Elem(), src.Elem())
	case src.Kind() == reflect.Pointer:
		if src.IsNil() {
			dst.SetZero()
			return nil
		}
		if src.Elem().IsZero() {
			return fmt.Errorf("%s holds a set zero value, which %s cannot tell from unset", src.Type(), dst.Type())
		}
		return convert(dst, src.Elem())
	case dst.Kind() == reflect.Pointer:
		if src.IsZero() {
			dst.SetZero()
			return nil
		}
		dst.Set(reflect.New(dst.Type().Elem()))
		return convert(dst.Elem(), src)
	}
	if isStreamType(dst.Type()) || isStreamType(src.Type()) {
		// Streams and blobs, either way: the bytes are copied, a stream read is rewound.
		if (src.Kind() == reflect.Interface || src.Kind() == reflect.Slice) && src.IsNil() {
			dst.SetZero()
			return nil
		}
		var b []byte
		if src.Type() == bytesType {
			b = bytes.Clone(src.Bytes())
		} else {
			var err error
			if b, err = streamBytes(src); err != nil {
				return err
			}
		}
		if dst.Type() == bytesType {
			dst.SetBytes(b)
		} else {
			dst.Set(streamOf(dst.Type(), b))
		}
		return nil
	}
	switch src.Kind() {
	case reflect.String:
		dst.SetString(src.String())
	case reflect.Bool:
		dst.SetBool(src.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		dst.SetInt(src.Int())
	case reflect.Float32, reflect.Float64:
		dst.SetFloat(src.Float())
	case reflect.Struct:
		if src.Type() == timeType {
			dst.Set(src)
			return nil
		}
		st := src.Type()
		for i := 0; i < st.NumField(); i++ {
			sf := st.Field(i)
			if !sf.IsExported() || v2Only[sf.Name] {
				continue
			}
			df, ok := dst.Type().FieldByName(sf.Name)
			if !ok {
				df, ok = dst.Type().FieldByName(sf.Name + "_") // ours, renamed
			}
			if !ok && strings.HasSuffix(sf.Name, "_") {
				df, ok = dst.Type().FieldByName(memberGoName(sf.Name)) // v2's
			}
			if !ok || len(df.Index) != 1 {
				if !src.Field(i).IsZero() {
					return fmt.Errorf("%s.%s is set but %s has no such field", st, sf.Name, dst.Type())
				}
				continue
			}
			if err := convert(dst.Field(df.Index[0]), src.Field(i)); err != nil {
				return fmt.Errorf("%s: %w", sf.Name, err)
			}
		}
	case reflect.Slice:
		if src.IsNil() {
			dst.SetZero()
			return nil
		}
		if src.Type().Elem().Kind() == reflect.Uint8 {
			dst.SetBytes(append(make([]byte, 0, src.Len()), src.Bytes()...))
			return nil
		}
		s := reflect.MakeSlice(dst.Type(), src.Len(), src.Len())
		for i := 0; i < src.Len(); i++ {
			if err := convert(s.Index(i), src.Index(i)); err != nil {
				return fmt.Errorf("[%d]: %w", i, err)
			}
		}
		dst.Set(s)
	case reflect.Map:
		if src.IsNil() {
			dst.SetZero()
			return nil
		}
		m := reflect.MakeMapWithSize(dst.Type(), src.Len())
		it := src.MapRange()
		for it.Next() {
			k := reflect.New(dst.Type().Key()).Elem()
			k.SetString(it.Key().String())
			e := reflect.New(dst.Type().Elem()).Elem()
			if err := convert(e, it.Value()); err != nil {
				return fmt.Errorf("[%q]: %w", it.Key().String(), err)
			}
			m.SetMapIndex(k, e)
		}
		dst.Set(m)
	default:
		return fmt.Errorf("convert: unsupported %s", src.Type())
	}
	return nil
}

// --- reporting -----------------------------------------------------------------------------

// dump prints any value of either side in full, pointers followed, strings quoted, so that a
// mismatch report shows what GoString would redact.
func dump(v reflect.Value) string {
	var b strings.Builder
	dumpTo(&b, v, "")
	return b.String()
}

func dumpTo(b *strings.Builder, v reflect.Value, indent string) {
	switch v.Kind() {
	case reflect.Invalid:
		b.WriteString("<invalid>")
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		if _, ok := v.Interface().(io.ReadSeeker); ok && v.Kind() == reflect.Interface {
			data, err := streamBytes(v)
			fmt.Fprintf(b, "stream %q (%v)", data, err)
			return
		}
		if v.Kind() == reflect.Pointer {
			b.WriteString("&")
		}
		dumpTo(b, v.Elem(), indent)
	case reflect.String:
		b.WriteString(strconv.Quote(v.String()))
	case reflect.Struct:
		if v.Type() == timeType {
			t := v.Interface().(time.Time)
			fmt.Fprintf(b, "%s (%d ms)", t.Format(time.RFC3339Nano), t.UnixMilli())
			return
		}
		b.WriteString(v.Type().String() + "{\n")
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !f.IsExported() || f.Name == "ResultMetadata" || v.Field(i).IsZero() {
				continue
			}
			b.WriteString(indent + "\t" + f.Name + ": ")
			dumpTo(b, v.Field(i), indent+"\t")
			b.WriteString(",\n")
		}
		b.WriteString(indent + "}")
	case reflect.Slice:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			fmt.Fprintf(b, "%q", v.Bytes())
			return
		}
		b.WriteString("[")
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			dumpTo(b, v.Index(i), indent)
		}
		b.WriteString("]")
	case reflect.Map:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		b.WriteString("{")
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(b, "%q: ", k.String())
			dumpTo(b, v.MapIndex(k), indent)
		}
		b.WriteString("}")
	default:
		fmt.Fprintf(b, "%v", v.Interface())
	}
}

// firstDiff returns the path of the first difference between two values of the same type,
// or "" when reflect finds none (times compare by instant).
func firstDiff(a, b reflect.Value, path string) string {
	if a.Kind() != b.Kind() {
		return path + ": kinds differ"
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return fmt.Sprintf("%s: nil %v vs %v", path, a.IsNil(), b.IsNil())
			}
			return ""
		}
		return firstDiff(a.Elem(), b.Elem(), path)
	case reflect.Struct:
		if a.Type() == timeType {
			if !a.Interface().(time.Time).Equal(b.Interface().(time.Time)) {
				return fmt.Sprintf("%s: %s vs %s", path, dump(a), dump(b))
			}
			return ""
		}
		for i := 0; i < a.NumField(); i++ {
			if !a.Type().Field(i).IsExported() {
				continue
			}
			if d := firstDiff(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); d != "" {
				return d
			}
		}
	case reflect.Slice:
		if a.IsNil() != b.IsNil() {
			return fmt.Sprintf("%s: nil %v vs %v", path, a.IsNil(), b.IsNil())
		}
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: len %d vs %d", path, a.Len(), b.Len())
		}
		for i := 0; i < a.Len(); i++ {
			if d := firstDiff(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); d != "" {
				return d
			}
		}
	case reflect.Map:
		if a.IsNil() != b.IsNil() {
			return fmt.Sprintf("%s: nil %v vs %v", path, a.IsNil(), b.IsNil())
		}
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: len %d vs %d", path, a.Len(), b.Len())
		}
		for _, k := range a.MapKeys() {
			bv := b.MapIndex(k)
			if !bv.IsValid() {
				return fmt.Sprintf("%s[%q]: missing on the right", path, k.String())
			}
			if d := firstDiff(a.MapIndex(k), bv, fmt.Sprintf("%s[%q]", path, k.String())); d != "" {
				return d
			}
		}
	default:
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			return fmt.Sprintf("%s: %s vs %s", path, dump(a), dump(b))
		}
	}
	return ""
}

// excuseV2EpochRounding forgives one known aws-sdk-go-v2 fault: smithy-go's
// ParseEpochSeconds multiplies the float64 seconds by 1000 in 53-bit precision and then
// truncates, so some timestamps come out one millisecond early (1.001 gives 1000 ms,
// 4352447917.532 gives ...531 ms). Where v2's time differs from ours, ours equals the value
// that was generated, and v2's equals what ParseEpochSeconds makes of the number on the
// wire, v2's copy is set to ours and the case counted. Anything else is left for Equal to
// report. The three values have the same shape (orig may differ in strings only).
func excuseV2EpochRounding(orig, ours, v2 reflect.Value, parse func(float64) time.Time) (n int) {
	switch ours.Kind() {
	case reflect.Pointer:
		if ours.IsNil() || v2.IsNil() || orig.IsNil() {
			return 0
		}
		return excuseV2EpochRounding(orig.Elem(), ours.Elem(), v2.Elem(), parse)
	case reflect.Struct:
		if ours.Type() == timeType {
			o, g, w := ours.Interface().(time.Time), v2.Interface().(time.Time), orig.Interface().(time.Time)
			if !o.Equal(g) && o.Equal(w) && g.Equal(parse(float64(w.UnixMilli())/1e3)) {
				v2.Set(ours)
				return 1
			}
			return 0
		}
		for i := 0; i < ours.NumField(); i++ {
			if ours.Type().Field(i).IsExported() {
				n += excuseV2EpochRounding(orig.Field(i), ours.Field(i), v2.Field(i), parse)
			}
		}
	case reflect.Slice:
		if ours.Len() != v2.Len() || ours.Len() != orig.Len() {
			return 0
		}
		for i := 0; i < ours.Len(); i++ {
			n += excuseV2EpochRounding(orig.Index(i), ours.Index(i), v2.Index(i), parse)
		}
	}
	return n
}
