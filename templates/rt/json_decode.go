package rt

// AWS JSON 1.0/1.1 wire decoding.
//
// jsonDecoder is a strict, bounded, pull-style JSON reader over a byte slice.
// Generated deserializers drive it directly (beginObject/nextKey/read*), so no
// intermediate tree is built and no reflection is used. Errors are sticky:
// after the first error every method returns zero values and false, so
// generated code only needs to check d.failed() at convenient points, record
// the member path while unwinding (addField/addIndex/addKey) and finally call
// finish().
//
// Guarantees for untrusted input: no panics, no unbounded recursion (nesting
// is limited to jsonMaxDepth), and every allocation is bounded by the input
// size or by a fixed chunk size (strings: jsonStrChunk bytes; lists and stores:
// jsonSlabMax elements). Allocations happen only for produced values (string,
// list and store chunks, byte slices, raw copies) and for the reusable
// unescape buffers.

import (
	"encoding/base64"
	"encoding/binary"
	"math"
	"math/bits"
	"strconv"
	"time"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// jsonMaxDepth is the maximum nesting depth of objects and arrays accepted by
// jsonDecoder and jsonValid. A value nested deeper than 128 levels (counting
// the top-level object or array as level 1) is rejected with a DecodeError.
// AWS service responses are far shallower; the limit bounds the recursion of
// skip and of generated deserializers.
const jsonMaxDepth = 128

// DecodeError reports malformed or unexpected JSON, naming the member path and
// byte offset.
type DecodeError struct {
	// Path is the member path of the value being decoded, for example
	// Users[3].Attributes[0].Value or Tags["env"]. It is empty for errors at
	// the top level.
	Path string
	// Offset is the byte offset in the input at which the problem was found.
	Offset int
	// Msg describes the problem.
	Msg string
}

// Error implements the error interface.
func (e *DecodeError) Error() string {
	off := strconv.Itoa(e.Offset)
	if e.Path == "" {
		return "json: " + e.Msg + " (offset " + off + ")"
	}
	return "json: " + e.Path + ": " + e.Msg + " (offset " + off + ")"
}

// Path segment kinds recorded while unwinding after an error.
const (
	jsonSegField = iota
	jsonSegIndex
	jsonSegKey
)

type jsonPathSeg struct {
	kind  uint8
	index int
	name  string
}

// jsonDecoder reads one JSON value from data. Create it with newJSONDecoder.
type jsonDecoder struct {
	data  []byte
	pos   int
	depth int
	// first is true between beginObject/beginArray and the following
	// nextKey/nextElem call, i.e. when no member or element has been seen in
	// the innermost open container yet. One flag suffices because any nested
	// container is fully consumed before the outer one is advanced again.
	first bool
	err   *DecodeError
	// path holds the segments added while unwinding, innermost first.
	path []jsonPathSeg
	// scratch receives unescaped string values; keyScratch receives
	// unescaped object keys so that a key survives reading a scalar value.
	scratch    []byte
	keyScratch []byte
	// interned caches short strings already decoded (see internString).
	interned [1 << jsonInternBits]string
	// lists holds, per list shape, the scratch slice its elements are collected in
	// before they are copied out at their exact number (jsonScratch in json_codec.go).
	lists []any
	// slabs holds, per structure, the chunk its list elements' stores come from
	// (jsonStoreFrom); touched are the slabs and lists that handed out memory since the
	// decoder was last reset.
	slabs   []jsonReleaser
	touched []jsonReleaser
	// strs is the chunk decoded strings are copied into (str).
	strs []byte
}

// jsonReleaser is a per-decode resource that a reused decoder must let go of. It is
// declared here, not beside its implementations in json_codec.go, because jsonDecoder is in
// every package and json_codec.go only in awsJson ones.
type jsonReleaser interface{ release() }

// newJSONDecoder returns a decoder reading the single JSON value in data.
// data is not modified; returned keys may alias it.
func newJSONDecoder(data []byte) jsonDecoder {
	return jsonDecoder{data: data}
}

// reset prepares d to decode data, clearing any error and path but keeping the unescape
// buffers and the scratch slices, so that a reused decoder does not reallocate them. Store
// slabs handed out before are let go of (they belong to the values decoded), and interned
// strings are forgotten, so that a pooled decoder holds no decoded value.
func (d *jsonDecoder) reset(data []byte) {
	for _, r := range d.touched {
		r.release()
	}
	clear(d.touched)
	d.data, d.pos, d.depth, d.first, d.err, d.strs = data, 0, 0, false, nil, nil
	d.interned = [len(d.interned)]string{}
	d.path, d.scratch, d.keyScratch, d.touched = d.path[:0], d.scratch[:0], d.keyScratch[:0], d.touched[:0]
}

// --- character tables -----------------------------------------------------

// jsonSpace marks the four JSON whitespace bytes.
var jsonSpace = [256]bool{' ': true, '\t': true, '\n': true, '\r': true}

// jsonNotNull marks the bytes that show, where a value starts, that it is not null: all
// but whitespace (and the control bytes below it) and 'n'.
var jsonNotNull = func() (t [256]bool) {
	for c := '!'; c < 256; c++ {
		t[c] = c != 'n'
	}
	return t
}()

// jsonStrPlain marks bytes that can be taken verbatim from a JSON string
// without further inspection: printable ASCII other than '"' and '\'.
// jsonStrSkip additionally accepts all bytes >= 0x80 (used when only the
// string's extent matters; UTF-8 is not checked when skipping, like
// encoding/json.Valid).
var jsonStrPlain, jsonStrSkip = func() (plain, skip [256]bool) {
	for c := 0x20; c < 256; c++ {
		ok := c != '"' && c != '\\'
		skip[c] = ok
		plain[c] = ok && c < utf8.RuneSelf
	}
	return plain, skip
}()

// SWAR ("SIMD within a register") helpers test eight string bytes at once,
// loaded little-endian into a uint64. They return a mask with the high bit
// set in bytes that need attention. The "has a byte less than n" and "has a
// zero byte" bit tricks used here can flag extra bytes only above a byte that
// truly matches (a borrow propagates upward), so the lowest set bit always
// marks the first byte that needs attention, and mask == 0 means none does.
const (
	jsonLo = 0x0101010101010101
	jsonHi = 0x8080808080808080
)

// jsonSWARSkipMask flags quotes, backslashes and control characters.
func jsonSWARSkipMask(x uint64) uint64 {
	ctl := (x - jsonLo*0x20) &^ x
	q := x ^ (jsonLo * '"')
	q = (q - jsonLo) &^ q
	bs := x ^ (jsonLo * '\\')
	bs = (bs - jsonLo) &^ bs
	return (ctl | q | bs) & jsonHi
}

// jsonSWARPlainMask also flags bytes >= 0x80.
func jsonSWARPlainMask(x uint64) uint64 {
	return jsonSWARSkipMask(x) | x&jsonHi
}

// --- errors -----------------------------------------------------------------

// failed reports whether an error has been recorded.
func (d *jsonDecoder) failed() bool { return d.err != nil }

// fail records an error at the current offset unless one is already recorded.
func (d *jsonDecoder) fail(msg string) { d.failAt(d.pos, msg) }

func (d *jsonDecoder) failAt(off int, msg string) {
	if d.err == nil {
		d.err = &DecodeError{Offset: off, Msg: msg}
	}
}

// failType records "expected <want>, found <what is at pos>".
func (d *jsonDecoder) failType(want string) {
	d.failAt(d.pos, "expected "+want+", found "+jsonDescribe(d.data, d.pos))
}

// jsonDescribe names the token starting at data[pos] for error messages.
func jsonDescribe(data []byte, pos int) string {
	if pos >= len(data) {
		return "end of input"
	}
	switch c := data[pos]; c {
	case '"':
		return "string"
	case '{':
		return "object"
	case '[':
		return "array"
	case 't':
		if jsonHasLit(data, pos, "true") {
			return "boolean"
		}
	case 'f':
		if jsonHasLit(data, pos, "false") {
			return "boolean"
		}
	case 'n':
		if jsonHasLit(data, pos, "null") {
			return "null"
		}
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return "number"
	case '}', ']', ',', ':':
		return jsonQuoteChar(c)
	}
	return "invalid character " + jsonQuoteChar(data[pos])
}

func jsonQuoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	if c >= 0x20 && c < 0x7f {
		return "'" + string(rune(c)) + "'"
	}
	return "byte 0x" + string([]byte{jsonHex[c>>4], jsonHex[c&0xF]})
}

func jsonHasLit(data []byte, pos int, lit string) bool {
	return len(data)-pos >= len(lit) && string(data[pos:pos+len(lit)]) == lit
}

// jsonClip shortens s for inclusion in an error message.
func jsonClip(s []byte) string {
	const limit = 40
	if len(s) > limit {
		return string(s[:limit]) + "..."
	}
	return string(s)
}

// addField prepends a member-name segment to the recorded error's path. It
// does nothing when no error is recorded.
func (d *jsonDecoder) addField(name string) {
	if d.err != nil {
		d.path = append(d.path, jsonPathSeg{kind: jsonSegField, name: name})
	}
}

// addMember prepends the segment of the member nextMember returned: keys[i] without its
// quotes and colon, or the key read for an unknown member (i < 0). It does nothing when no
// error is recorded.
func (d *jsonDecoder) addMember(keys []string, i int, key []byte) {
	if d.err == nil {
		return
	}
	if i >= 0 && i < len(keys) {
		d.addField(keys[i][1 : len(keys[i])-2])
	} else {
		d.addField(string(key))
	}
}

// addIndex prepends a list-index segment ([i]) to the recorded error's path.
func (d *jsonDecoder) addIndex(i int) {
	if d.err != nil {
		d.path = append(d.path, jsonPathSeg{kind: jsonSegIndex, index: i})
	}
}

// addKey prepends a map-key segment (["k"]) to the recorded error's path.
func (d *jsonDecoder) addKey(k string) {
	if d.err != nil {
		d.path = append(d.path, jsonPathSeg{kind: jsonSegKey, name: k})
	}
}

// renderPath stores the textual form of the recorded path in d.err.Path.
func (d *jsonDecoder) renderPath() {
	if d.err == nil || len(d.path) == 0 {
		return
	}
	var b []byte
	for i := len(d.path) - 1; i >= 0; i-- {
		s := d.path[i]
		switch s.kind {
		case jsonSegField:
			if len(b) > 0 {
				b = append(b, '.')
			}
			b = append(b, s.name...)
		case jsonSegIndex:
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(s.index), 10)
			b = append(b, ']')
		case jsonSegKey:
			b = append(b, '[')
			b = strconv.AppendQuote(b, s.name)
			b = append(b, ']')
		}
	}
	d.err.Path = string(b)
}

// finish must be called after the top-level value has been read. It checks
// that only whitespace remains and returns the recorded error (a
// *DecodeError with its Path filled in) or nil.
func (d *jsonDecoder) finish() error {
	if d.err == nil {
		d.skipWS()
		if d.pos < len(d.data) {
			d.fail("invalid character " + jsonQuoteChar(d.data[d.pos]) + " after top-level value")
		}
	}
	if d.err == nil {
		return nil
	}
	d.renderPath()
	return d.err
}

// --- structure ----------------------------------------------------------------

// skipWS advances past JSON whitespace. The common case, a value or token
// right at d.pos, is handled inline with a single comparison.
func (d *jsonDecoder) skipWS() {
	if p := d.pos; p < len(d.data) && d.data[p] > ' ' {
		return
	}
	d.skipWSSlow()
}

func (d *jsonDecoder) skipWSSlow() {
	p, data := d.pos, d.data
	for p < len(data) && jsonSpace[data[p]] {
		p++
	}
	d.pos = p
}

// peek skips whitespace and returns the first byte of the next value, or 0
// at end of input or after an error. Useful for unions and documents:
// '"' string, '{' object, '[' array, 't'/'f' boolean, 'n' null, '-' or a
// digit for numbers.
func (d *jsonDecoder) peek() byte {
	if d.err != nil {
		return 0
	}
	d.skipWS()
	if d.pos >= len(d.data) {
		return 0
	}
	return d.data[d.pos]
}

// isNull skips whitespace and, if the next value is the literal null,
// consumes it and returns true. Otherwise it returns false without consuming
// anything.
func (d *jsonDecoder) isNull() bool {
	// Inlined: a value that starts right here with anything but 'n' is not null.
	if d.pos < len(d.data) && jsonNotNull[d.data[d.pos]] {
		return false
	}
	return d.isNullSlow()
}

func (d *jsonDecoder) isNullSlow() bool {
	if d.err != nil {
		return false
	}
	d.skipWS()
	p, data := d.pos, d.data
	if len(data)-p >= 4 && data[p] == 'n' && data[p+1] == 'u' && data[p+2] == 'l' && data[p+3] == 'l' {
		d.pos = p + 4
		return true
	}
	return false
}

func (d *jsonDecoder) enter() bool {
	d.depth++
	if d.depth > jsonMaxDepth {
		d.fail("exceeded maximum nesting depth of " + strconv.Itoa(jsonMaxDepth))
		return false
	}
	return true
}

// beginObject consumes the '{' that opens an object. Iterate the members
// with nextKey until it returns false.
func (d *jsonDecoder) beginObject() bool {
	if d.err != nil {
		return false
	}
	d.skipWS()
	if d.pos >= len(d.data) || d.data[d.pos] != '{' {
		d.failType("object")
		return false
	}
	if !d.enter() {
		return false
	}
	d.pos++
	d.first = true
	return true
}

// nextKey advances to the next member of the object opened by beginObject.
// It returns the unescaped member name and true, positioned at the member's
// value (the ':' is consumed). At the closing '}' or on error it returns
// false. The returned slice aliases the input or an internal buffer and is
// valid until the next call to nextKey; copy it (string(key)) before decoding
// a value that may itself contain objects.
func (d *jsonDecoder) nextKey() ([]byte, bool) {
	if d.err != nil {
		return nil, false
	}
	d.skipWS()
	data := d.data
	if d.pos >= len(data) {
		d.fail("unexpected end of input in object")
		return nil, false
	}
	c := data[d.pos]
	if c == '}' {
		d.pos++
		d.depth--
		d.first = false
		return nil, false
	}
	if d.first {
		d.first = false
	} else {
		if c != ',' {
			d.failAt(d.pos, "expected ',' or '}' after object member, found "+jsonDescribe(data, d.pos))
			return nil, false
		}
		d.pos++
		d.skipWS()
		if d.pos >= len(data) {
			d.fail("unexpected end of input in object")
			return nil, false
		}
		c = data[d.pos]
	}
	if c != '"' {
		d.failAt(d.pos, "expected string for object key, found "+jsonDescribe(data, d.pos))
		return nil, false
	}
	key, ok := d.stringBytes(&d.keyScratch)
	if !ok {
		return nil, false
	}
	d.skipWS()
	if d.pos >= len(data) || data[d.pos] != ':' {
		d.failAt(d.pos, "expected ':' after object key, found "+jsonDescribe(data, d.pos))
		return nil, false
	}
	d.pos++
	return key, true
}

// nextMember is nextKey for a structure: keys are its members' keys as they appear on the
// wire (`"Name":`) in model order, and it also returns the index in keys of the member read,
// or -1 for an unknown one. *k indexes the member expected next. Servers write the members
// they send in model order, so the expected key is compared with the input first and, when
// it matches, is neither scanned nor looked up. Any other key (out of order, escaped,
// unknown, or spaced before its ':') is read by nextKey and looked up, and the member after
// it becomes the one expected.
func (d *jsonDecoder) nextMember(keys []string, k *int) (int, []byte, bool) {
	if i := *k; i < len(keys) && d.err == nil {
		d.skipWS()
		p, data := d.pos, d.data
		if !d.first && p < len(data) && data[p] == ',' {
			p++
			for p < len(data) && jsonSpace[data[p]] {
				p++
			}
		}
		if e := keys[i]; (d.first || p > d.pos) && jsonHasAt(data, p, e) {
			d.first = false
			d.pos = p + len(e)
			*k = i + 1
			return i, data[p+1 : d.pos-2], true
		}
	}
	key, ok := d.nextKey()
	if !ok {
		return -1, nil, false
	}
	for j, e := range keys {
		if len(e) == len(key)+3 && e[1:len(e)-2] == string(key) {
			*k = j + 1
			return j, key, true
		}
	}
	return -1, key, true
}

// jsonHasAt reports whether data[p:] starts with e, comparing eight (or four) bytes at a
// time: the keys nextMember expects are short strings known only at run time.
func jsonHasAt(data []byte, p int, e string) bool {
	n := len(e)
	if p < 0 || len(data)-p < n {
		return false
	}
	w, b := data[p:p+n], unsafe.Slice(unsafe.StringData(e), n)
	switch {
	case n >= 8:
		for i := 0; i+8 < n; i += 8 {
			if binary.LittleEndian.Uint64(w[i:]) != binary.LittleEndian.Uint64(b[i:]) {
				return false
			}
		}
		return binary.LittleEndian.Uint64(w[n-8:]) == binary.LittleEndian.Uint64(b[n-8:])
	case n >= 4:
		return binary.LittleEndian.Uint32(w) == binary.LittleEndian.Uint32(b) &&
			binary.LittleEndian.Uint32(w[n-4:]) == binary.LittleEndian.Uint32(b[n-4:])
	}
	return string(w) == e
}

// beginArray consumes the '[' that opens an array. Iterate the elements with
// nextElem until it returns false.
func (d *jsonDecoder) beginArray() bool {
	if d.err != nil {
		return false
	}
	d.skipWS()
	if d.pos >= len(d.data) || d.data[d.pos] != '[' {
		d.failType("array")
		return false
	}
	if !d.enter() {
		return false
	}
	d.pos++
	d.first = true
	return true
}

// nextElem reports whether another element follows in the array opened by
// beginArray, consuming the separating ',' so that the decoder is positioned
// at the element. At the closing ']' or on error it returns false.
func (d *jsonDecoder) nextElem() bool {
	if d.err != nil {
		return false
	}
	d.skipWS()
	data := d.data
	if d.pos >= len(data) {
		d.fail("unexpected end of input in array")
		return false
	}
	c := data[d.pos]
	if c == ']' {
		d.pos++
		d.depth--
		d.first = false
		return false
	}
	if d.first {
		d.first = false
		return true
	}
	if c != ',' {
		d.failAt(d.pos, "expected ',' or ']' after array element, found "+jsonDescribe(data, d.pos))
		return false
	}
	d.pos++
	return true
}

// --- strings ----------------------------------------------------------------

// stringBytes reads the string whose opening quote is at d.pos and returns
// its unescaped content. The result aliases the input when the string has no
// escapes and is valid UTF-8; otherwise it is built in *buf (reused).
func (d *jsonDecoder) stringBytes(buf *[]byte) ([]byte, bool) {
	data := d.data
	start := d.pos + 1
	i := start
	for {
		// Eight bytes at a time while they last; the first byte flagged is the one to look
		// at, so no byte-wise loop follows a hit.
		if len(data)-i >= 8 {
			m := jsonSWARPlainMask(binary.LittleEndian.Uint64(data[i:]))
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) >> 3
		} else {
			for i < len(data) && jsonStrPlain[data[i]] {
				i++
			}
			if i >= len(data) {
				d.failAt(len(data), "unexpected end of input in string")
				return nil, false
			}
		}
		c := data[i]
		if c == '"' {
			d.pos = i + 1
			return data[start:i], true
		}
		if c < utf8.RuneSelf {
			break // escape or control character
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			break // invalid UTF-8 needs replacing
		}
		i += size
	}
	return d.unescape(start, i, buf)
}

// unescape continues reading a string from data[i], having already verified
// data[start:i] as plain content, building the result in *buf.
func (d *jsonDecoder) unescape(start, i int, buf *[]byte) ([]byte, bool) {
	data := d.data
	out := append((*buf)[:0], data[start:i]...)
	for {
		run := i
		for i < len(data) && jsonStrPlain[data[i]] {
			i++
		}
		out = append(out, data[run:i]...)
		if i >= len(data) {
			*buf = out
			d.failAt(len(data), "unexpected end of input in string")
			return nil, false
		}
		c := data[i]
		switch {
		case c == '"':
			*buf = out
			d.pos = i + 1
			return out, true
		case c == '\\':
			if i+1 >= len(data) {
				*buf = out
				d.failAt(len(data), "unexpected end of input in string")
				return nil, false
			}
			e := data[i+1]
			switch e {
			case '"', '\\', '/':
				out = append(out, e)
				i += 2
			case 'b':
				out = append(out, '\b')
				i += 2
			case 'f':
				out = append(out, '\f')
				i += 2
			case 'n':
				out = append(out, '\n')
				i += 2
			case 'r':
				out = append(out, '\r')
				i += 2
			case 't':
				out = append(out, '\t')
				i += 2
			case 'u':
				r, ok := jsonHex4(data, i+2)
				if !ok {
					*buf = out
					d.failAt(i, "invalid \\u escape in string")
					return nil, false
				}
				i += 6
				if utf16.IsSurrogate(r) {
					// A high surrogate must be followed by an escaped low
					// surrogate; anything else yields U+FFFD and the
					// following text is decoded on its own.
					r2, ok2 := rune(0), false
					if i+1 < len(data) && data[i] == '\\' && data[i+1] == 'u' {
						r2, ok2 = jsonHex4(data, i+2)
					}
					if dec := utf16.DecodeRune(r, r2); ok2 && dec != utf8.RuneError {
						r = dec
						i += 6
					} else {
						r = utf8.RuneError
					}
				}
				out = utf8.AppendRune(out, r)
			default:
				*buf = out
				d.failAt(i, "invalid escape character "+jsonQuoteChar(e)+" in string")
				return nil, false
			}
		case c < 0x20:
			*buf = out
			d.failAt(i, "invalid control character "+jsonQuoteChar(c)+" in string")
			return nil, false
		default: // c >= 0x80
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				out = append(out, "\uFFFD"...)
			} else {
				out = append(out, data[i:i+size]...)
			}
			i += size
		}
	}
}

// jsonHex4 parses the four hex digits at data[i:i+4].
func jsonHex4(data []byte, i int) (rune, bool) {
	if len(data)-i < 4 || i < 0 {
		return 0, false
	}
	var r rune
	for _, c := range data[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// readStringBytes reads a JSON string into an aliasing/scratch slice, valid
// until the next read. It returns false (recording an error) if the next
// value is not a string.
func (d *jsonDecoder) readStringBytes() ([]byte, bool) {
	if d.err != nil {
		return nil, false
	}
	d.skipWS()
	if d.pos >= len(d.data) || d.data[d.pos] != '"' {
		d.failType("string")
		return nil, false
	}
	return d.stringBytes(&d.scratch)
}

// readString reads a JSON string. Escapes are decoded (unpaired surrogates
// become U+FFFD) and invalid UTF-8 bytes are replaced by U+FFFD.
func (d *jsonDecoder) readString() string {
	if d.err != nil {
		return ""
	}
	d.skipWS()
	if d.pos >= len(d.data) || d.data[d.pos] != '"' {
		d.failType("string")
		return ""
	}
	b, ok := d.stringBytes(&d.scratch)
	if !ok {
		return ""
	}
	return d.internString(b)
}

// jsonInternMax is the longest string the decoder interns: short strings repeat in AWS
// responses (attribute names, flags, states), long ones rarely do.
const jsonInternMax = 24

// jsonInternBits is log2 of the intern table's size.
const jsonInternBits = 6

// internString returns b as a string, reusing an identical short string decoded earlier in
// the same document instead of storing it again. The table is a small two-way cache in the
// decoder, so a miss costs a hash and two comparisons.
func (d *jsonDecoder) internString(b []byte) string {
	if len(b) == 0 || len(b) > jsonInternMax {
		return d.str(b)
	}
	// Two-way: a string lives in slot h or its neighbour h^1, the most recent in h.
	h := jsonInternSlot(b)
	a, o := &d.interned[h], &d.interned[h^1]
	if *a == string(b) {
		return *a
	}
	if *o == string(b) {
		return *o
	}
	s := d.str(b)
	*o, *a = *a, s
	return s
}

// Decoded strings of up to jsonStrMax bytes are copied into chunks of at most jsonStrChunk
// bytes, so that the strings of a document cost one allocation per chunk instead of one each.
// A chunk is sized by the input left to read (an upper bound for the strings still to come,
// short of invalid UTF-8 replaced by the longer U+FFFD), so small documents get small chunks.
// A string kept after the rest of its document is dropped keeps its chunk alive: at most
// jsonStrChunk bytes.
const (
	jsonStrMax   = 256
	jsonStrChunk = 8 << 10
)

// str returns b as a string that owns its bytes (it never aliases the input or the decoder's
// buffers). The bytes of the strings handed out are never written again: a chunk is only
// appended to, and reset lets go of it instead of reusing it.
func (d *jsonDecoder) str(b []byte) string {
	n := len(b)
	if n == 0 {
		return ""
	}
	if n > jsonStrMax {
		return string(b)
	}
	if cap(d.strs)-len(d.strs) < n {
		d.strs = make([]byte, 0, min(max(len(d.data)-d.pos+n, 64), jsonStrChunk))
	}
	start := len(d.strs)
	d.strs = append(d.strs, b...)
	return unsafe.String(&d.strs[start], n)
}

// jsonInternSlot hashes a short string (1 to jsonInternMax bytes) to a slot of the intern
// table in constant time: from its length and its first and last eight (or four, or three)
// bytes. Strings that differ only in the middle share a slot, which costs a miss, never a
// wrong result.
func jsonInternSlot(b []byte) uint32 {
	n := len(b)
	var x uint64
	switch {
	case n >= 8:
		x = binary.LittleEndian.Uint64(b) ^ bits.RotateLeft64(binary.LittleEndian.Uint64(b[n-8:]), 29)
	case n >= 4:
		x = uint64(binary.LittleEndian.Uint32(b)) | uint64(binary.LittleEndian.Uint32(b[n-4:]))<<32
	default:
		x = uint64(b[0]) | uint64(b[n/2])<<8 | uint64(b[n-1])<<16
	}
	x = (x ^ uint64(n)<<56) * 0x9e3779b97f4a7c15
	return uint32(x >> (64 - jsonInternBits))
}

// --- literals and numbers -------------------------------------------------

// readBool reads the literal true or false.
func (d *jsonDecoder) readBool() bool {
	if d.err != nil {
		return false
	}
	d.skipWS()
	p, data := d.pos, d.data
	if len(data)-p >= 4 && data[p] == 't' && data[p+1] == 'r' && data[p+2] == 'u' && data[p+3] == 'e' {
		d.pos = p + 4
		return true
	}
	if len(data)-p >= 5 && data[p] == 'f' && data[p+1] == 'a' && data[p+2] == 'l' && data[p+3] == 's' && data[p+4] == 'e' {
		d.pos = p + 5
		return false
	}
	d.failType("boolean")
	return false
}

// scanNumber validates the JSON number starting at d.pos (which must be '-'
// or a digit) and returns the index just past it and whether it is written as
// an integer (no fraction, no exponent). It does not move d.pos.
func (d *jsonDecoder) scanNumber() (end int, integer bool, ok bool) {
	data := d.data
	i := d.pos
	if i < len(data) && data[i] == '-' {
		i++
	}
	if i >= len(data) || data[i] < '0' || data[i] > '9' {
		d.failAt(i, "invalid number: expected digit, found "+jsonDescribe(data, i))
		return 0, false, false
	}
	if data[i] == '0' {
		i++
		if i < len(data) && data[i] >= '0' && data[i] <= '9' {
			d.failAt(i, "invalid number: leading zero")
			return 0, false, false
		}
	} else {
		for i < len(data) && data[i] >= '0' && data[i] <= '9' {
			i++
		}
	}
	integer = true
	if i < len(data) && data[i] == '.' {
		integer = false
		i++
		if i >= len(data) || data[i] < '0' || data[i] > '9' {
			d.failAt(i, "invalid number: expected digit after decimal point")
			return 0, false, false
		}
		for i < len(data) && data[i] >= '0' && data[i] <= '9' {
			i++
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		integer = false
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= len(data) || data[i] < '0' || data[i] > '9' {
			d.failAt(i, "invalid number: expected digit in exponent")
			return 0, false, false
		}
		for i < len(data) && data[i] >= '0' && data[i] <= '9' {
			i++
		}
	}
	return i, integer, true
}

// numberStart skips whitespace and checks that a number starts at d.pos.
func (d *jsonDecoder) numberStart(want string) bool {
	if d.err != nil {
		return false
	}
	d.skipWS()
	if d.pos < len(d.data) {
		if c := d.data[d.pos]; c == '-' || (c >= '0' && c <= '9') {
			return true
		}
	}
	d.failType(want)
	return false
}

// readInt reads a JSON integer that must fit in a signed integer of the given
// bit size (8, 16, 32 or 64). Numbers written with a fraction or exponent are
// rejected, as are values out of range.
func (d *jsonDecoder) readInt(bits int) int64 {
	if !d.numberStart("integer") {
		return 0
	}
	start := d.pos
	end, integer, ok := d.scanNumber()
	if !ok {
		return 0
	}
	data := d.data
	if !integer {
		d.failAt(start, "value "+jsonClip(data[start:end])+" is not an integer")
		return 0
	}
	if bits <= 0 || bits > 64 {
		bits = 64
	}
	i := start
	neg := data[i] == '-'
	if neg {
		i++
	}
	// Up to 19 digits always fit in a uint64; more never fit in an int64.
	var mag uint64
	overflow := end-i > 19
	if !overflow {
		for ; i < end; i++ {
			mag = mag*10 + uint64(data[i]-'0')
		}
	}
	limit := uint64(1)<<(bits-1) - 1
	if neg {
		limit++
	}
	if overflow || mag > limit {
		d.failAt(start, "value "+jsonClip(data[start:end])+" out of range for "+strconv.Itoa(bits)+"-bit integer")
		return 0
	}
	d.pos = end
	if neg {
		return -int64(mag-1) - 1
	}
	return int64(mag)
}

// readFloat reads a JSON number, or one of the strings "NaN", "Infinity" and
// "-Infinity", as a floating-point value of the given bit size (32 or 64).
// Numbers too large for the type are an error; tiny numbers round to zero.
func (d *jsonDecoder) readFloat(bits int) float64 {
	if d.err != nil {
		return 0
	}
	d.skipWS()
	if d.pos < len(d.data) && d.data[d.pos] == '"' {
		start := d.pos
		s, ok := d.stringBytes(&d.scratch)
		if !ok {
			return 0
		}
		switch string(s) {
		case "NaN":
			return math.NaN()
		case "Infinity":
			return math.Inf(1)
		case "-Infinity":
			return math.Inf(-1)
		}
		d.failAt(start, "invalid floating-point value "+strconv.Quote(jsonClip(s)))
		return 0
	}
	if !d.numberStart("number") {
		return 0
	}
	start := d.pos
	end, integer, ok := d.scanNumber()
	if !ok {
		return 0
	}
	if bits != 32 {
		bits = 64
	}
	num := d.data[start:end]
	// Fast path: integers of up to 15 digits are exact in a float64, and
	// converting that to float32 rounds only once.
	if integer && len(num) <= 15 {
		i, neg := 0, num[0] == '-'
		if neg {
			i = 1
		}
		var m int64
		for ; i < len(num); i++ {
			m = m*10 + int64(num[i]-'0')
		}
		f := float64(m)
		if neg {
			f = -f
		}
		d.pos = end
		if bits == 32 {
			return float64(float32(f))
		}
		return f
	}
	f, err := strconv.ParseFloat(string(num), bits)
	if err != nil {
		d.failAt(start, "value "+jsonClip(num)+" out of range for "+strconv.Itoa(bits)+"-bit float")
		return 0
	}
	d.pos = end
	return f
}

// --- blobs ------------------------------------------------------------------

// readBlob reads a base64-encoded JSON string (standard alphabet, padded or
// unpadded) and returns the decoded bytes in a newly allocated slice.
func (d *jsonDecoder) readBlob() []byte {
	start := d.pos
	s, ok := d.readStringBytes()
	if !ok {
		return nil
	}
	// Padding is optional. Strip it from well-formed padded input so that the
	// unpadded decoder, whose DecodedLen is exact, sizes the result.
	if n := len(s); n%4 == 0 && n > 0 && s[n-1] == '=' {
		s = s[:n-1]
		if s[n-2] == '=' {
			s = s[:n-2]
		}
	}
	enc := base64.RawStdEncoding
	out := make([]byte, enc.DecodedLen(len(s)))
	n, err := enc.Decode(out, s)
	if err != nil {
		d.failAt(start, "invalid base64 data in string: "+err.Error())
		return nil
	}
	return out[:n]
}

// --- timestamps -----------------------------------------------------------

// readEpochSeconds reads a JSON number of seconds since the Unix epoch,
// written in integer, fraction or exponent form (1398796238,
// 1398796238.123, 1.398796238123e9), and returns it as a UTC time.
//
// The value is rounded to the nearest millisecond with ties rounded away from
// zero (1.2345 becomes 1.235 s, -1.2345 becomes -1.235 s). The conversion is
// done on the decimal digits, so no floating-point error is introduced.
func (d *jsonDecoder) readEpochSeconds() time.Time {
	if !d.numberStart("number of epoch seconds") {
		return time.Time{}
	}
	start := d.pos
	end, _, ok := d.scanNumber()
	if !ok {
		return time.Time{}
	}
	ms, ok := jsonEpochMillis(d.data[start:end])
	if !ok {
		d.failAt(start, "timestamp "+jsonClip(d.data[start:end])+" out of range")
		return time.Time{}
	}
	d.pos = end
	return time.UnixMilli(ms).UTC()
}

// jsonEpochMillis converts a syntactically valid JSON number of seconds to
// milliseconds, rounding to nearest with ties away from zero.
func jsonEpochMillis(num []byte) (int64, bool) {
	i := 0
	neg := num[0] == '-'
	if neg {
		i++
	}
	intStart := i
	for i < len(num) && num[i] >= '0' && num[i] <= '9' {
		i++
	}
	intPart := num[intStart:i]
	var frac []byte
	if i < len(num) && num[i] == '.' {
		i++
		fs := i
		for i < len(num) && num[i] >= '0' && num[i] <= '9' {
			i++
		}
		frac = num[fs:i]
	}
	exp := 0
	if i < len(num) && (num[i] == 'e' || num[i] == 'E') {
		i++
		eneg := false
		if num[i] == '+' || num[i] == '-' {
			eneg = num[i] == '-'
			i++
		}
		for ; i < len(num); i++ {
			if exp < 1e7 {
				exp = exp*10 + int(num[i]-'0')
			}
		}
		if eneg {
			exp = -exp
		}
	}
	// The value is M * 10^(exp - len(frac)) where M is intPart followed by
	// frac, so the millisecond count is M * 10^shift.
	nd := len(intPart) + len(frac)
	digit := func(k int) uint64 {
		if k < len(intPart) {
			return uint64(intPart[k] - '0')
		}
		return uint64(frac[k-len(intPart)] - '0')
	}
	shift := exp - len(frac) + 3
	keep := nd // number of leading digits forming the integer part of ms
	if shift < 0 {
		keep = nd + shift
	}
	const maxMs = math.MaxInt64
	var acc uint64
	for k := 0; k < keep; k++ {
		acc = acc*10 + digit(k)
		if acc > maxMs/10 && k+1 < keep {
			return 0, false
		}
	}
	if acc > maxMs {
		return 0, false
	}
	if shift > 0 && acc != 0 {
		for ; shift > 0; shift-- {
			if acc > maxMs/10 {
				return 0, false
			}
			acc *= 10
		}
	}
	if keep >= 0 && keep < nd && digit(keep) >= 5 {
		acc++
		if acc > maxMs {
			return 0, false
		}
	}
	if neg {
		return -int64(acc), true
	}
	return int64(acc), true
}

// readDateTime reads a quoted RFC 3339 date-time (fractional seconds of any
// length, 'Z' or a numeric offset; 'T' and 'Z' may be lowercase) and
// returns it in UTC. Digits beyond nanoseconds are truncated.
func (d *jsonDecoder) readDateTime() time.Time {
	start := d.pos
	s, ok := d.readStringBytes()
	if !ok {
		return time.Time{}
	}
	t, ok := jsonParseDateTime(s)
	if !ok {
		d.failAt(start, "invalid RFC 3339 date-time "+strconv.Quote(jsonClip(s)))
		return time.Time{}
	}
	return t
}

// jsonNum parses n ASCII digits at s[i:].
func jsonNum(s []byte, i, n int) (int, bool) {
	if i < 0 || len(s)-i < n {
		return 0, false
	}
	v := 0
	for _, c := range s[i : i+n] {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

func jsonDaysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// jsonParseClock parses "HH:MM:SS[.fraction]" at s[i:] and returns the
// fields and the index after them.
func jsonParseClock(s []byte, i int) (hh, mm, ss, ns, end int, ok bool) {
	var ok1, ok2, ok3 bool
	hh, ok1 = jsonNum(s, i, 2)
	mm, ok2 = jsonNum(s, i+3, 2)
	ss, ok3 = jsonNum(s, i+6, 2)
	if !ok1 || !ok2 || !ok3 || s[i+2] != ':' || s[i+5] != ':' || hh > 23 || mm > 59 || ss > 59 {
		return 0, 0, 0, 0, 0, false
	}
	i += 8
	if i < len(s) && s[i] == '.' {
		i++
		fs := i
		scale := 100000000
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			ns += int(s[i]-'0') * scale
			scale /= 10
			i++
		}
		if i == fs {
			return 0, 0, 0, 0, 0, false
		}
	}
	return hh, mm, ss, ns, i, true
}

// jsonParseDateTime parses an RFC 3339 date-time.
func jsonParseDateTime(s []byte) (time.Time, bool) {
	// YYYY-MM-DDTHH:MM:SS is 19 bytes; a zone designator must follow.
	if len(s) < 20 {
		return time.Time{}, false
	}
	year, ok1 := jsonNum(s, 0, 4)
	month, ok2 := jsonNum(s, 5, 2)
	day, ok3 := jsonNum(s, 8, 2)
	if !ok1 || !ok2 || !ok3 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') ||
		month < 1 || month > 12 || day < 1 || day > jsonDaysIn(month, year) {
		return time.Time{}, false
	}
	hh, mm, ss, ns, i, ok := jsonParseClock(s, 11)
	if !ok || i >= len(s) {
		return time.Time{}, false
	}
	offset := 0
	switch s[i] {
	case 'Z', 'z':
		i++
	case '+', '-':
		oh, ok1 := jsonNum(s, i+1, 2)
		om, ok2 := jsonNum(s, i+4, 2)
		if !ok1 || !ok2 || s[i+3] != ':' || oh > 23 || om > 59 {
			return time.Time{}, false
		}
		offset = (oh*60 + om) * 60
		if s[i] == '-' {
			offset = -offset
		}
		i += 6
	default:
		return time.Time{}, false
	}
	if i != len(s) {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hh, mm, ss, ns, time.UTC)
	if offset != 0 {
		t = t.Add(-time.Duration(offset) * time.Second)
	}
	return t, true
}

// readHTTPDate reads a quoted IMF-fixdate ("Tue, 29 Apr 2014 18:30:38 GMT")
// and returns it in UTC. For leniency a one-digit day and fractional seconds
// are accepted. The day name is checked for syntax only.
func (d *jsonDecoder) readHTTPDate() time.Time {
	start := d.pos
	s, ok := d.readStringBytes()
	if !ok {
		return time.Time{}
	}
	t, ok := jsonParseHTTPDate(s)
	if !ok {
		d.failAt(start, "invalid HTTP date "+strconv.Quote(jsonClip(s)))
		return time.Time{}
	}
	return t
}

const (
	jsonDayNames   = "MonTueWedThuFriSatSun"
	jsonMonthNames = "JanFebMarAprMayJunJulAugSepOctNovDec"
)

func jsonIndexName(names string, s []byte) int {
	for k := 0; k+3 <= len(names); k += 3 {
		if string(s) == names[k:k+3] {
			return k / 3
		}
	}
	return -1
}

// jsonParseHTTPDate parses "Mon, 02 Jan 2006 15:04:05 GMT".
func jsonParseHTTPDate(s []byte) (time.Time, bool) {
	if len(s) < 28 || jsonIndexName(jsonDayNames, s[0:3]) < 0 || s[3] != ',' || s[4] != ' ' {
		return time.Time{}, false
	}
	i := 5
	n := 2
	if len(s) > 6 && s[6] == ' ' {
		n = 1
	}
	day, ok := jsonNum(s, i, n)
	i += n
	if !ok || s[i] != ' ' {
		return time.Time{}, false
	}
	i++
	month := jsonIndexName(jsonMonthNames, s[i:i+3]) + 1
	i += 3
	if month == 0 || s[i] != ' ' {
		return time.Time{}, false
	}
	i++
	year, ok := jsonNum(s, i, 4)
	i += 4
	if !ok || i >= len(s) || s[i] != ' ' || day < 1 || day > jsonDaysIn(month, year) {
		return time.Time{}, false
	}
	i++
	if len(s)-i < 8 {
		return time.Time{}, false
	}
	hh, mm, ss, ns, i, ok := jsonParseClock(s, i)
	if !ok || string(s[i:]) != " GMT" {
		return time.Time{}, false
	}
	return time.Date(year, time.Month(month), day, hh, mm, ss, ns, time.UTC), true
}

// --- generic values -------------------------------------------------------

// readRaw returns a copy of the next complete JSON value, validated with the
// same rules as skip. It is used for document types and unknown union
// members.
func (d *jsonDecoder) readRaw() []byte {
	if d.err != nil {
		return nil
	}
	d.skipWS()
	start := d.pos
	d.skipValue(d.depth)
	if d.err != nil {
		return nil
	}
	return append([]byte(nil), d.data[start:d.pos]...)
}

// skip consumes the next value, validating it strictly.
func (d *jsonDecoder) skip() {
	if d.err != nil {
		return
	}
	d.skipValue(d.depth)
}

// skipValue consumes one value whose enclosing nesting depth is depth.
// Recursion is bounded by jsonMaxDepth.
func (d *jsonDecoder) skipValue(depth int) {
	d.skipWS()
	data := d.data
	if d.pos >= len(data) {
		d.fail("unexpected end of input, expected value")
		return
	}
	switch c := data[d.pos]; c {
	case '"':
		d.skipString()
	case '{':
		d.skipObject(depth + 1)
	case '[':
		d.skipArray(depth + 1)
	case 't':
		d.skipLit("true")
	case 'f':
		d.skipLit("false")
	case 'n':
		d.skipLit("null")
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		if end, _, ok := d.scanNumber(); ok {
			d.pos = end
		}
	default:
		d.fail("invalid character " + jsonQuoteChar(c) + " looking for beginning of value")
	}
}

func (d *jsonDecoder) skipLit(lit string) {
	if !jsonHasLit(d.data, d.pos, lit) {
		d.fail("invalid literal, expected " + lit)
		return
	}
	d.pos += len(lit)
}

func (d *jsonDecoder) skipObject(depth int) {
	if depth > jsonMaxDepth {
		d.fail("exceeded maximum nesting depth of " + strconv.Itoa(jsonMaxDepth))
		return
	}
	d.pos++ // '{'
	d.skipWS()
	data := d.data
	if d.pos < len(data) && data[d.pos] == '}' {
		d.pos++
		return
	}
	for {
		d.skipWS()
		if d.pos >= len(data) || data[d.pos] != '"' {
			d.failAt(d.pos, "expected string for object key, found "+jsonDescribe(data, d.pos))
			return
		}
		if !d.skipString() {
			return
		}
		d.skipWS()
		if d.pos >= len(data) || data[d.pos] != ':' {
			d.failAt(d.pos, "expected ':' after object key, found "+jsonDescribe(data, d.pos))
			return
		}
		d.pos++
		d.skipValue(depth)
		if d.err != nil {
			return
		}
		d.skipWS()
		if d.pos < len(data) {
			switch data[d.pos] {
			case ',':
				d.pos++
				continue
			case '}':
				d.pos++
				return
			}
		}
		d.failAt(d.pos, "expected ',' or '}' after object member, found "+jsonDescribe(data, d.pos))
		return
	}
}

func (d *jsonDecoder) skipArray(depth int) {
	if depth > jsonMaxDepth {
		d.fail("exceeded maximum nesting depth of " + strconv.Itoa(jsonMaxDepth))
		return
	}
	d.pos++ // '['
	d.skipWS()
	data := d.data
	if d.pos < len(data) && data[d.pos] == ']' {
		d.pos++
		return
	}
	for {
		d.skipValue(depth)
		if d.err != nil {
			return
		}
		d.skipWS()
		if d.pos < len(data) {
			switch data[d.pos] {
			case ',':
				d.pos++
				continue
			case ']':
				d.pos++
				return
			}
		}
		d.failAt(d.pos, "expected ',' or ']' after array element, found "+jsonDescribe(data, d.pos))
		return
	}
}

// skipString consumes the string whose opening quote is at d.pos, checking
// escapes and rejecting control characters. UTF-8 validity is not checked
// (readers replace invalid bytes with U+FFFD instead).
func (d *jsonDecoder) skipString() bool {
	data := d.data
	i := d.pos + 1
	for {
		for len(data)-i >= 8 {
			if m := jsonSWARSkipMask(binary.LittleEndian.Uint64(data[i:])); m != 0 {
				i += bits.TrailingZeros64(m) >> 3
				break
			}
			i += 8
		}
		for i < len(data) && jsonStrSkip[data[i]] {
			i++
		}
		if i >= len(data) {
			d.failAt(len(data), "unexpected end of input in string")
			return false
		}
		switch c := data[i]; {
		case c == '"':
			d.pos = i + 1
			return true
		case c == '\\':
			if i+1 >= len(data) {
				d.failAt(len(data), "unexpected end of input in string")
				return false
			}
			switch e := data[i+1]; e {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if _, ok := jsonHex4(data, i+2); !ok {
					d.failAt(i, "invalid \\u escape in string")
					return false
				}
				i += 6
			default:
				d.failAt(i, "invalid escape character "+jsonQuoteChar(e)+" in string")
				return false
			}
		default:
			d.failAt(i, "invalid control character "+jsonQuoteChar(c)+" in string")
			return false
		}
	}
}
