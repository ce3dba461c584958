package rt

// AWS JSON 1.0/1.1 wire encoding helpers.
//
// Every function here is append-style: it appends the encoded form of its
// argument to b and returns the extended buffer. None of them allocate beyond
// growing b. Only the standard library is used and no reflection is involved;
// generated serializers call these helpers directly for each member.

import (
	"encoding/base64"
	"encoding/binary"
	"math"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"
)

const jsonHex = "0123456789abcdef"

// jsonEncSafe reports, for every ASCII byte, whether it can be copied into a
// JSON string verbatim. Bytes >= 0x80 are handled separately (UTF-8 checks).
var jsonEncSafe = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// jsonAppendString appends s as a quoted JSON string.
//
// Escaping rules: '"' and '\' are backslash-escaped; control characters below
// 0x20 use the short forms \b \f \n \r \t where JSON defines one and \u00XX
// otherwise; U+2028 and U+2029 are written as \u2028 and \u2029; every byte
// that is not part of a valid UTF-8 sequence is replaced by \ufffd. HTML
// characters (<, >, &) are written raw. The output is byte-for-byte what
// encoding/json produces with HTML escaping disabled.
func jsonAppendString(b []byte, s string) []byte {
	// Fast path: copy plain ASCII eight bytes at a time while checking it, straight into
	// room reserved for the unescaped string and its quotes.
	n := len(b)
	if cap(b)-n < len(s)+2 {
		b = slices.Grow(b, len(s)+2)
	}
	b = b[:n+1+len(s)]
	b[n] = '"'
	dst := b[n+1:]
	i := 0
	for ; i+8 <= len(s); i += 8 {
		t := s[i : i+8]
		w := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
			uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
		if !jsonSafeWord(w) {
			break
		}
		binary.LittleEndian.PutUint64(dst[i:i+8], w)
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || !jsonEncSafe[c] {
			return jsonAppendStringRest(b[:n+1+i], s, i)
		}
		dst[i] = c
	}
	return append(b, '"')
}

// jsonAppendStringRest appends s[i:], escaped, and the closing quote: jsonAppendString from
// the first byte that is not plain ASCII.
func jsonAppendStringRest(b []byte, s string, i int) []byte {
	start := i
	for i < len(s) {
		// Eight plain ASCII bytes at a time (a length-8 slice lets the compiler load a word).
		for i+8 <= len(s) {
			t := s[i : i+8]
			if !jsonSafeWord(uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
				uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56) {
				break
			}
			i += 8
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonEncSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			b = jsonAppendEscapedASCII(b, c)
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', jsonHex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// jsonSafeWord reports whether eight bytes (packed little-endian) are all ASCII that needs
// no escaping: no byte >= 0x80, < 0x20, '"' or '\\'. The tests are the classic "has a byte
// less than n" and "has a zero byte" bit tricks, exact when no byte has its top bit set.
func jsonSafeWord(w uint64) bool {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	quote := w ^ (lo * '"')
	slash := w ^ (lo * '\\')
	return (w|(w-lo*0x20)&^w|(quote-lo)&^quote|(slash-lo)&^slash)&hi == 0
}

// jsonAppendEscapedASCII appends the escape sequence for an ASCII byte that
// is not allowed raw inside a JSON string ('"', '\' or a control character).
func jsonAppendEscapedASCII(b []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(b, '\\', c)
	case '\b':
		return append(b, '\\', 'b')
	case '\f':
		return append(b, '\\', 'f')
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	}
	return append(b, '\\', 'u', '0', '0', jsonHex[c>>4], jsonHex[c&0xF])
}

// jsonAppendInt appends v as a JSON number.
func jsonAppendInt(b []byte, v int64) []byte {
	return strconv.AppendInt(b, v, 10)
}

// jsonAppendBool appends the JSON literal true or false.
func jsonAppendBool(b []byte, v bool) []byte {
	if v {
		return append(b, "true"...)
	}
	return append(b, "false"...)
}

// jsonAppendFloat appends f, which holds a value of the given bit size (32 or
// 64), the way AWS JSON protocols expect it.
//
// Finite values are written as JSON numbers using ECMAScript number-to-string
// conventions, which is exactly what encoding/json does: shortest
// round-tripping digits, plain decimal notation unless the magnitude is below
// 1e-6 or at least 1e21, in which case exponent notation is used with
// negative exponents stripped of their leading zero (1e-07 becomes 1e-7).
// Non-finite values, which JSON numbers cannot express, are written as the
// strings "NaN", "Infinity" and "-Infinity".
func jsonAppendFloat(b []byte, f float64, bits int) []byte {
	if math.IsNaN(f) {
		return append(b, `"NaN"`...)
	}
	if math.IsInf(f, 1) {
		return append(b, `"Infinity"`...)
	}
	if math.IsInf(f, -1) {
		return append(b, `"-Infinity"`...)
	}
	if bits != 32 {
		bits = 64
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) ||
			bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	b = strconv.AppendFloat(b, f, format, -1, bits)
	if format == 'e' {
		// strconv pads the exponent to two digits; ES6 does not (e-07 -> e-7).
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// jsonAppendBlob appends v as a quoted, padded standard base64 string.
func jsonAppendBlob(b []byte, v []byte) []byte {
	b = append(b, '"')
	b = base64.StdEncoding.AppendEncode(b, v)
	return append(b, '"')
}

// jsonAppendEpochSeconds appends t as a JSON number of seconds since the Unix
// epoch with millisecond precision: 1398796238 when the millisecond part is
// zero, 1398796238.123 otherwise. Sub-millisecond precision is truncated
// toward zero, and the number text is exactly what aws-sdk-go-v2 writes
// (float64(milliseconds)/1000 in ECMAScript notation).
func jsonAppendEpochSeconds(b []byte, t time.Time) []byte {
	sec := t.Unix()
	nsec := int64(t.Nanosecond())
	const limit = math.MaxInt64/1000 - 1
	if sec > limit || sec < -limit {
		// The millisecond count would overflow int64 (hundreds of millions
		// of years away) and a float64 could not carry the fraction anyway:
		// write the whole seconds exactly.
		return strconv.AppendInt(b, sec, 10)
	}
	ms := sec*1000 + nsec/1e6
	if sec < 0 && nsec%1e6 != 0 {
		// Truncate toward zero like UnixNano()/1e6 does for negative times.
		ms++
	}
	if ms%1000 == 0 && ms < 1<<53 && ms > -1<<53 {
		// float64(ms)/1e3 is an exact integer here, which ES6 formatting
		// prints without a fraction; skip the float conversion.
		return strconv.AppendInt(b, ms/1000, 10)
	}
	return jsonAppendFloat(b, float64(ms)/1e3, 64)
}

// jsonDateTimeLayout is RFC 3339 in UTC with at most millisecond precision;
// the fraction is omitted when zero (trailing zeros are trimmed).
const jsonDateTimeLayout = "2006-01-02T15:04:05.999Z"

// jsonHTTPDateLayout is the IMF-fixdate format of RFC 7231 section 7.1.1.1.
const jsonHTTPDateLayout = "Mon, 02 Jan 2006 15:04:05 GMT"

// jsonAppendDateTime appends t as a quoted RFC 3339 date-time in UTC, for
// example "2014-04-29T18:30:38.123Z".
func jsonAppendDateTime(b []byte, t time.Time) []byte {
	b = append(b, '"')
	b = t.UTC().AppendFormat(b, jsonDateTimeLayout)
	return append(b, '"')
}

// jsonAppendHTTPDate appends t as a quoted IMF-fixdate in UTC, for example
// "Tue, 29 Apr 2014 18:30:38 GMT".
func jsonAppendHTTPDate(b []byte, t time.Time) []byte {
	b = append(b, '"')
	b = t.UTC().AppendFormat(b, jsonHTTPDateLayout)
	return append(b, '"')
}

// jsonValid reports whether raw is exactly one syntactically valid JSON value,
// optionally surrounded by whitespace. It applies the decoder's grammar and
// limits (including the nesting limit jsonMaxDepth) and returns a
// *DecodeError describing the first problem found, or nil.
func jsonValid(raw []byte) error {
	d := newJSONDecoder(raw)
	d.skip()
	return d.finish()
}
