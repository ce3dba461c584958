package rt

import (
	"encoding/binary"
	"math/big"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// This file joins the generated MarshalJSON/UnmarshalJSON methods to the encoder and
// decoder: member keys, encode errors with member paths, pooled buffers, element counts.

// jsonKey starts a member: a comma unless it is the object's first, then the quoted key and
// colon, which the generator has already escaped.
func jsonKey(b []byte, start int, key string) []byte {
	if len(b) > start {
		b = append(b, ',')
	}
	return append(b, key...)
}

// EncodeError reports a value that cannot be serialized, naming the member path.
type EncodeError struct {
	Path string
	Msg  string
}

func (e *EncodeError) Error() string {
	if e.Path == "" {
		return "json: " + e.Msg
	}
	return "json: " + e.Path + ": " + e.Msg
}

// jsonEncodeFailure starts an encode error at the current value.
func jsonEncodeFailure(msg string) error { return &EncodeError{Msg: msg} }

// jsonEncodeAt prefixes err's path with a segment: a member name, or a list index or map
// key segment ("[3]", "[\"k\"]"). A member name that follows is joined with a dot.
func jsonEncodeAt(err error, seg string) error {
	e, ok := err.(*EncodeError)
	if !ok {
		return &EncodeError{Path: seg, Msg: err.Error()}
	}
	if e.Path == "" || e.Path[0] == '[' {
		e.Path = seg + e.Path
	} else {
		e.Path = seg + "." + e.Path
	}
	return e
}

func jsonIndexSeg(i int) string  { return "[" + strconv.Itoa(i) + "]" }
func jsonKeySeg(k string) string { return "[" + strconv.Quote(k) + "]" }

// jsonAppender is what every generated structure and union is for MarshalJSON.
type jsonAppender interface {
	AppendJSON(b []byte) ([]byte, error)
}

// jsonBufPool holds the scratch buffers MarshalJSON encodes into. A document is written
// into a warm, reused buffer and then copied once into a result of exactly its size: the
// copy is the only allocation and needs no zeroing, which costs less than writing the
// document into fresh memory.
var jsonBufPool = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// jsonPooledMax is the largest scratch buffer kept for reuse; one huge document must not
// pin its buffer.
const jsonPooledMax = 64 << 10

// jsonMarshal is MarshalJSON for every generated type: v's document in a new slice of
// exactly its length, or nil and the error.
func jsonMarshal(v jsonAppender) ([]byte, error) {
	bp := jsonBufPool.Get().(*[]byte)
	b, err := v.AppendJSON((*bp)[:0])
	var out []byte
	if err == nil {
		out = append([]byte(nil), b...)
	}
	if cap(b) <= jsonPooledMax {
		*bp = b
		jsonBufPool.Put(bp)
	}
	return out, err
}

// jsonEntry is one map entry, for writing maps in key order.
type jsonEntry[K ~string, V any] struct {
	k K
	v V
}

// jsonSortedEntries returns m's entries in key order, using buf when it is large enough, so
// that map members serialize deterministically without allocating for small maps.
func jsonSortedEntries[K ~string, V any](m map[K]V, buf []jsonEntry[K, V]) []jsonEntry[K, V] {
	es := buf[:0]
	for k, v := range m {
		es = append(es, jsonEntry[K, V]{k, v})
	}
	if len(es) > 32 {
		slices.SortFunc(es, func(a, b jsonEntry[K, V]) int { return strings.Compare(string(a.k), string(b.k)) })
		return es
	}
	// Insertion sort for the small maps usual on the wire: no closure, no allocation.
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && es[j].k < es[j-1].k; j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
	return es
}

// jsonMaxPrealloc caps the counted size of a collection: a hostile array of empty elements
// must not make the decoder reserve memory out of proportion to the input. Larger
// collections grow by appending.
const jsonMaxPrealloc = 4096

// countElems returns how many elements the array at the decoder's position holds (at most
// jsonMaxPrealloc), without consuming or validating it (decoding validates), so that
// slices are allocated once.
//
// One pass over an array also records the counts of every array nested in it, which the
// decoder meets next in document order, so nested arrays are not scanned again.
func (d *jsonDecoder) countElems() int {
	data := d.data
	i := d.pos
	for i < len(data) && jsonSpace[data[i]] {
		i++
	}
	if i >= len(data) || data[i] != '[' {
		return 0
	}
	for d.countAt < len(d.counts) && d.counts[d.countAt].pos < i {
		d.countAt++
	}
	if d.countAt < len(d.counts) && d.counts[d.countAt].pos == i {
		d.countAt++
		return d.counts[d.countAt-1].n
	}
	d.counts, d.countAt = d.counts[:0], 0
	d.recordCounts(i)
	if len(d.counts) > 0 && d.counts[0].pos == i {
		d.countAt = 1
		return d.counts[0].n
	}
	return 0
}

// jsonMaxCounts bounds the counts one pass records.
const jsonMaxCounts = 1 << 16

// recordCounts scans the array at start, without validating it, and appends to d.counts the
// count of it and of every array inside it, in document order.
func (d *jsonDecoder) recordCounts(start int) {
	type frame struct {
		idx    int // index in d.counts, or -1 for an object
		expect bool
	}
	var stack [jsonMaxDepth + 1]frame
	data := d.data
	top := -1
	for i := start; i < len(data); i++ {
		c := data[i]
		switch c {
		case ' ', '\t', '\n', '\r', ':':
			continue
		case ',':
			if top >= 0 {
				stack[top].expect = true
			}
			continue
		case ']', '}':
			if top--; top < 0 {
				return
			}
			continue
		}
		if top >= 0 && stack[top].expect {
			stack[top].expect = false
			if idx := stack[top].idx; idx >= 0 && d.counts[idx].n < jsonMaxPrealloc {
				d.counts[idx].n++
			}
		}
		switch c {
		case '"':
			// Skip the string eight bytes at a time up to a quote or backslash.
			i++
			for {
				for len(data)-i >= 8 {
					if m := jsonSWARSkipMask(binary.LittleEndian.Uint64(data[i:])); m != 0 {
						i += bits.TrailingZeros64(m) >> 3
						break
					}
					i += 8
				}
				if i >= len(data) {
					return
				}
				if c := data[i]; c == '"' {
					break
				} else if c == '\\' {
					i++
				}
				i++
			}
		case '[', '{':
			if top+1 >= len(stack) || len(d.counts) >= jsonMaxCounts {
				return
			}
			top++
			stack[top] = frame{idx: -1, expect: true}
			if c == '[' {
				d.counts = append(d.counts, jsonCount{pos: i})
				stack[top].idx = len(d.counts) - 1
			}
		}
	}
}

// countMembers is countElems for objects.
func (d *jsonDecoder) countMembers() int {
	return d.countItems('{', '}')
}

func (d *jsonDecoder) countItems(open, close byte) int {
	data := d.data
	i := d.pos
	for i < len(data) && jsonSpace[data[i]] {
		i++
	}
	if i >= len(data) || data[i] != open {
		return 0
	}
	i++
	depth, n, empty := 0, 1, true
	for ; i < len(data); i++ {
		switch c := data[i]; c {
		case '"':
			// Skip the string eight bytes at a time up to a quote or backslash.
			i++
			for {
				for len(data)-i >= 8 {
					if m := jsonSWARSkipMask(binary.LittleEndian.Uint64(data[i:])); m != 0 {
						i += bits.TrailingZeros64(m) >> 3
						break
					}
					i += 8
				}
				if i >= len(data) {
					return 0
				}
				if c := data[i]; c == '"' {
					break
				} else if c == '\\' {
					i++
				}
				i++
			}
			empty = false
		case '[', '{':
			depth++
			empty = false
		case ']', '}':
			if depth == 0 {
				if empty {
					return 0
				}
				return n
			}
			depth--
		case ',':
			if depth == 0 {
				if n++; n >= jsonMaxPrealloc {
					return n
				}
			}
		case ' ', '\t', '\n', '\r':
		default:
			empty = false
		}
	}
	return 0
}

// readBigInt reads a JSON integer of any size.
func (d *jsonDecoder) readBigInt() *big.Int {
	raw := d.readNumberText()
	if raw == nil {
		return nil
	}
	v, ok := new(big.Int).SetString(string(raw), 10)
	if !ok {
		d.fail("expected an integer, found " + string(raw))
		return nil
	}
	return v
}

// readBigFloat reads a JSON number of any size and precision.
func (d *jsonDecoder) readBigFloat() *big.Float {
	raw := d.readNumberText()
	if raw == nil {
		return nil
	}
	v, _, err := big.ParseFloat(string(raw), 10, 256, big.ToNearestEven)
	if err != nil {
		d.fail("expected a number, found " + string(raw))
		return nil
	}
	return v
}

// readNumberText returns the text of the next value, which must be a JSON number.
func (d *jsonDecoder) readNumberText() []byte {
	if d.failed() {
		return nil
	}
	d.skipWS()
	if d.pos < len(d.data) && (d.data[d.pos] == '-' || d.data[d.pos] >= '0' && d.data[d.pos] <= '9') {
		return d.readRaw()
	}
	d.failType("number")
	return nil
}

func jsonAppendBigInt(b []byte, v *big.Int) []byte {
	if v == nil {
		return append(b, "null"...)
	}
	return v.Append(b, 10)
}

func jsonAppendBigFloat(b []byte, v *big.Float) []byte {
	if v == nil {
		return append(b, "null"...)
	}
	if v.IsInf() {
		if v.Sign() < 0 {
			return append(b, `"-Infinity"`...)
		}
		return append(b, `"Infinity"`...)
	}
	return v.Append(b, 'g', -1)
}

// appendJSON writes a document member, checking that it is valid JSON.
func (d Document) appendJSON(b []byte) ([]byte, error) {
	if err := jsonValid(d); err != nil {
		return b, jsonEncodeFailure("invalid document: " + err.Error())
	}
	return append(b, d...), nil
}
