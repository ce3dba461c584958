package rt

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/big"
	"slices"
	"strconv"
	"time"
)

// redactedMarker stands in for the value of every sensitive member in printed output.
const redactedMarker = "[redacted]"

// clonePtr copies the value behind p into new memory.
func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	c := *p
	return &c
}

// cloneBytes copies a blob (or document), keeping nil and empty apart.
func cloneBytes[B ~[]byte](b B) B {
	if b == nil {
		return nil
	}
	c := make(B, len(b))
	copy(c, b)
	return c
}

func cloneBigInt(v *big.Int) *big.Int {
	if v == nil {
		return nil
	}
	return new(big.Int).Set(v)
}

func cloneBigFloat(v *big.Float) *big.Float {
	if v == nil {
		return nil
	}
	return new(big.Float).Copy(v)
}

// equalPtr compares two optional values: both unset, or both set and equal.
func equalPtr[T comparable](a, b *T) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// equalFloat is true when a and b serialize alike: NaN equals NaN, and 0 differs from -0.
func equalFloat[F float32 | float64](a, b F) bool {
	if a != a {
		return b != b
	}
	return a == b && math.Signbit(float64(a)) == math.Signbit(float64(b))
}

func equalFloatPtr[F float32 | float64](a, b *F) bool {
	if a == nil || b == nil {
		return a == b
	}
	return equalFloat(*a, *b)
}

// equalTimePtr compares timestamps as instants, whatever their locations.
func equalTimePtr(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}

// equalBytes compares blobs; nil (unset) differs from empty.
func equalBytes[B ~[]byte](a, b B) bool {
	return (a == nil) == (b == nil) && bytes.Equal(a, b)
}

func equalBigInt(a, b *big.Int) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Cmp(b) == 0
}

func equalBigFloat(a, b *big.Float) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Cmp(b) == 0
}

// printer renders values on one line for String and GoString. For LogValue it also
// collects the members of the printed structure as slog attributes: scalars as their
// values, structures as groups, lists and maps as their printed text.
type printer struct {
	buf []byte
	// goSyntax selects GoString's form: package-qualified type names.
	goSyntax bool
	pkg      string
	// first is true right after an opening brace.
	first bool

	// log turns the attributes on. nest counts the lists and maps open; frames holds the
	// structures open outside them, the innermost last; group is the printed value's
	// attributes once its frame is closed.
	log    bool
	nest   int
	frames []logFrame
	group  slog.Value
}

// logFrame is a structure being printed for LogValue: its attributes so far, and the
// member whose value is being printed (key, "" when it is recorded), from start in buf.
type logFrame struct {
	attrs []slog.Attr
	key   string
	start int
}

func (p *printer) open(typ string) {
	if p.goSyntax {
		p.buf = append(p.buf, p.pkg...)
		p.buf = append(p.buf, '.')
	}
	p.buf = append(p.buf, typ...)
	p.buf = append(p.buf, '{')
	p.first = true
	if p.log && p.nest == 0 {
		p.frames = append(p.frames, logFrame{})
	}
}

// close ends a structure or union.
func (p *printer) close() {
	logged := p.log && p.nest == 0 && len(p.frames) > 0
	if logged {
		p.endMember()
	}
	p.buf = append(p.buf, '}')
	p.first = false
	if logged {
		f := p.frames[len(p.frames)-1]
		p.frames = p.frames[:len(p.frames)-1]
		g := slog.GroupValue(f.attrs...)
		if len(p.frames) == 0 {
			p.group = g
			return
		}
		p.record(g)
	}
}

func (p *printer) openMap() {
	p.buf = append(p.buf, '{')
	p.first = true
	p.nest++
}

func (p *printer) closeMap() {
	p.buf = append(p.buf, '}')
	p.first = false
	p.nest--
}

func (p *printer) openList() {
	p.buf = append(p.buf, '[')
	p.first = true
	p.nest++
}

func (p *printer) closeList() {
	p.buf = append(p.buf, ']')
	p.first = false
	p.nest--
}

// record makes v the value of the member being printed, for LogValue.
func (p *printer) record(v slog.Value) {
	if !p.log || p.nest > 0 || len(p.frames) == 0 {
		return
	}
	f := &p.frames[len(p.frames)-1]
	if f.key != "" {
		f.attrs = append(f.attrs, slog.Attr{Key: f.key, Value: v})
		f.key = ""
	}
}

// endMember records the member being printed, if no value was recorded for it, as its
// printed text (a list or a map).
func (p *printer) endMember() {
	if f := &p.frames[len(p.frames)-1]; f.key != "" {
		p.record(slog.StringValue(string(p.buf[f.start:])))
	}
}

func (p *printer) sep() {
	if !p.first {
		p.buf = append(p.buf, ", "...)
	}
	p.first = false
}

// field starts a member: "Name: ".
func (p *printer) field(name string) {
	logged := p.log && p.nest == 0 && len(p.frames) > 0
	if logged {
		p.endMember()
	}
	p.sep()
	p.buf = append(p.buf, name...)
	p.buf = append(p.buf, ": "...)
	if logged {
		f := &p.frames[len(p.frames)-1]
		f.key, f.start = name, len(p.buf)
	}
}

// key starts a map entry: "key": .
func (p *printer) key(k string) {
	p.sep()
	p.buf = strconv.AppendQuote(p.buf, k)
	p.buf = append(p.buf, ": "...)
}

// elem starts a list element.
func (p *printer) elem() { p.sep() }

func (p *printer) redacted() {
	p.buf = append(p.buf, redactedMarker...)
	p.record(slog.StringValue(redactedMarker))
}

func (p *printer) null() { p.buf = append(p.buf, "nil"...) }

func (p *printer) str(s string) {
	p.buf = strconv.AppendQuote(p.buf, s)
	p.record(slog.StringValue(s))
}

func (p *printer) boolean(v bool) {
	p.buf = strconv.AppendBool(p.buf, v)
	p.record(slog.BoolValue(v))
}

func (p *printer) integer(v int64) {
	p.buf = strconv.AppendInt(p.buf, v, 10)
	p.record(slog.Int64Value(v))
}

// float records NaN and the infinities as text: slog's JSON handler cannot write them.
func (p *printer) float(v float64) {
	p.buf = strconv.AppendFloat(p.buf, v, 'g', -1, 64)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		p.record(slog.StringValue(strconv.FormatFloat(v, 'g', -1, 64)))
	} else {
		p.record(slog.Float64Value(v))
	}
}

func (p *printer) text(s string) { p.buf = append(p.buf, s...) }

func (p *printer) timestamp(t time.Time) {
	p.buf = t.UTC().AppendFormat(p.buf, time.RFC3339Nano)
	p.record(slog.TimeValue(t.UTC()))
}

// stream prints a streaming payload, which is never read for printing.
func (p *printer) stream() { p.buf = append(p.buf, "<stream>"...) }

// blob prints a blob's size, not its bytes, which are often large or binary.
func (p *printer) blob(b []byte) {
	p.buf = append(p.buf, "<"...)
	p.buf = strconv.AppendInt(p.buf, int64(len(b)), 10)
	p.buf = append(p.buf, " bytes>"...)
}

func (p *printer) bigInt(v *big.Int) {
	if v == nil {
		p.null()
		return
	}
	p.buf = v.Append(p.buf, 10)
}

func (p *printer) bigFloat(v *big.Float) {
	if v == nil {
		p.null()
		return
	}
	p.buf = v.Append(p.buf, 'g', -1)
}

func (p *printer) String() string { return string(p.buf) }

// ptrTo returns a pointer to a copy of v.
func ptrTo[T any](v T) *T { return &v }

// mustBigInt parses a decimal integer that the generator has already checked.
func mustBigInt(s string) *big.Int {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic("invalid big integer literal " + s)
	}
	return v
}

// mustBigFloat parses a decimal number that the generator has already checked.
func mustBigFloat(s string) *big.Float {
	v, _, err := big.ParseFloat(s, 10, 256, big.ToNearestEven)
	if err != nil {
		panic("invalid big decimal literal " + s)
	}
	return v
}

// sortedKeys returns the keys of m in order, so that maps print the same way every time.
func sortedKeys[K ~string, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// printable is a generated structure or union: print writes it, redacted, to a printer.
// Its String, GoString, Format and LogValue methods call the functions below.
type printable interface {
	print(p *printer)
}

// printString is String for every generated type: v on one line, with every sensitive
// member redacted.
func printString(v printable) string {
	p := printer{}
	v.print(&p)
	return p.String()
}

// printGoString is GoString for every generated type: v in Go-like syntax, with every
// sensitive member redacted; it serves %#v.
func printGoString(v printable) string {
	p := printer{goSyntax: true, pkg: packageName}
	v.print(&p)
	return p.String()
}

// printFormat is Format (fmt.Formatter) for every generated type: %#v prints GoString and
// every other verb prints String, so that no verb can reach a sensitive field directly.
func printFormat(st fmt.State, verb rune, v printable) {
	if verb == 'v' && st.Flag('#') {
		io.WriteString(st, printGoString(v))
		return
	}
	io.WriteString(st, printString(v))
}

// printLogValue is LogValue (slog.LogValuer) for every generated type: a group of v's
// members as printString prints them, so that log/slog's handlers write a structured,
// redacted value.
func printLogValue(v printable) slog.Value {
	p := printer{log: true}
	v.print(&p)
	return p.group
}

// zeroed sets *v to the zero value and returns v, or a new zero value when v is nil: the
// first step of every generated Default.
func zeroed[T any](v *T) *T {
	if v == nil {
		return new(T)
	}
	var zero T
	*v = zero
	return v
}
