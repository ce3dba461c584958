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

// MarshalJSON of every generated type is jsonMarshalled(v.AppendJSON(jsonBuffer())): the
// document is written into a warm, reused buffer and then copied once into a result of
// exactly its size. The copy is the only allocation and needs no zeroing, which costs less
// than writing the document into fresh memory. The method is on the value, and calls
// AppendJSON directly: passing the value's address to a function taking an interface
// would move the value to the heap, an allocation per call.

// jsonBufs keeps a few scratch buffers for reuse, at most jsonPooledMax bytes each.
var jsonBufs = make(chan []byte, 8)

// jsonPooledMax is the largest scratch buffer kept for reuse; one huge document must not
// pin its buffer.
const jsonPooledMax = 64 << 10

// jsonBuffer returns an empty scratch buffer to append a document to.
func jsonBuffer() []byte {
	select {
	case b := <-jsonBufs:
		return b[:0]
	default:
		return make([]byte, 0, 1024)
	}
}

// jsonMarshalled returns the document AppendJSON wrote into a jsonBuffer in a new slice of
// exactly its length, or nil and the error, and keeps the buffer for reuse.
func jsonMarshalled(b []byte, err error) ([]byte, error) {
	var out []byte
	if err == nil {
		out = append([]byte(nil), b...)
	}
	recycleJSON(b)
	return out, err
}

// recycleJSON keeps a buffer from jsonBuffer for reuse. Nothing may refer to it afterwards.
func recycleJSON(b []byte) {
	if cap(b) > 0 && cap(b) <= jsonPooledMax {
		select {
		case jsonBufs <- b:
		default:
		}
	}
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

// jsonMaxPrealloc caps the counted size of a map: a hostile object of empty members must
// not make the decoder reserve memory out of proportion to the input. Larger maps grow as
// they are filled.
const jsonMaxPrealloc = 4096

// jsonDecoderPool keeps decoders, with their scratch slices, unescape buffers and interned
// strings, from one UnmarshalJSON to the next.
var jsonDecoderPool = sync.Pool{New: func() any { return new(jsonDecoder) }}

// jsonDecodable is a generated structure or union: decodeJSON reads it from d.
type jsonDecodable interface {
	decodeJSON(d *jsonDecoder)
}

// jsonUnmarshal is UnmarshalJSON for every generated type: it decodes an awsJson document
// into v, replacing its contents. Unknown members are skipped and null members left unset;
// errors name the member path.
func jsonUnmarshal(data []byte, v jsonDecodable) error {
	d := jsonGetDecoder(data)
	v.decodeJSON(d)
	return d.done()
}

// jsonGetDecoder returns a pooled decoder reading data; done returns it.
func jsonGetDecoder(data []byte) *jsonDecoder {
	d := jsonDecoderPool.Get().(*jsonDecoder)
	d.reset(data)
	return d
}

// done is finish for a decoder from jsonGetDecoder, which it puts back in the pool. Nothing
// decoded refers to memory the decoder keeps: strings and lists are copied out of its scratch,
// and the string, list and store chunks it handed out are let go of here (reset).
func (d *jsonDecoder) done() error {
	err := d.finish()
	d.reset(nil)
	if cap(d.scratch) > jsonMaxScratch || cap(d.keyScratch) > jsonMaxScratch {
		d.scratch, d.keyScratch = nil, nil
	}
	jsonDecoderPool.Put(d)
	return err
}

// jsonMaxScratch is the largest unescape buffer, in bytes, and jsonMaxScratchElems the most
// elements of a list scratch slice, that a pooled decoder keeps: one huge document must not
// pin its buffers (a page of 1,024 large structures is still kept).
const (
	jsonMaxScratch      = 64 << 10
	jsonMaxScratchElems = 1 << 10
)

// jsonList is the decoder's state for one list shape whose elements are T: items, the
// scratch stack a list decoder appends its elements to before they are copied out at their
// exact number (take), and free, the rest of the chunk the copied-out lists are carved from.
// Chunks grow from jsonSlabMin to jsonSlabMax elements (a longer list gets its own
// allocation), so that many short lists, such as the attributes of each user in a page, cost
// one allocation per chunk.
// Lists of the same shape nested in an element are collected above the outer list's
// elements and taken out before that element is appended, so items works as a stack.
type jsonList[T any] struct {
	items []T
	free  []T
	jsonChunks
}

// release lets go of the current chunk: the lists decoded keep it alive as long as they need
// it.
func (l *jsonList[T]) release() { l.free = nil; l.done() }

// jsonScratch returns the decoder's state for list shape id, whose elements are T.
func jsonScratch[T any](d *jsonDecoder, id int) *jsonList[T] {
	if id < len(d.lists) {
		if p, ok := d.lists[id].(*jsonList[T]); ok {
			return p
		}
	} else {
		d.lists = append(d.lists, make([]any, id+1-len(d.lists))...)
	}
	p := new(jsonList[T])
	d.lists[id] = p
	return p
}

// take returns the elements collected since base as a list of exactly their number (empty,
// not nil, for none) and removes them from the scratch stack. The list's capacity is its
// length, so appending to it never writes into the chunk it shares.
func (l *jsonList[T]) take(d *jsonDecoder, base int) []T {
	s := l.items[base:]
	n := len(s)
	var v []T
	switch {
	case n == 0:
		v = []T{}
	case n > jsonSlabMax:
		v = make([]T, n)
	default:
		if len(l.free) < n {
			if l.last == 0 {
				d.touched = append(d.touched, l)
			}
			l.free = make([]T, max(l.next(), n))
		}
		v = l.free[:n:n]
		l.free = l.free[n:]
		l.used += n
	}
	copy(v, s)
	l.drop(base)
	return v
}

// drop removes the elements collected since base, clearing them so that the pooled scratch
// stack holds on to nothing decoded.
func (l *jsonList[T]) drop(base int) {
	clear(l.items[base:])
	if base == 0 && cap(l.items) > jsonMaxScratchElems {
		l.items = nil
		return
	}
	l.items = l.items[:base]
}

// jsonChunks sizes the chunks a slab or list hands out memory from. Without a hint they
// double from jsonSlabMin to jsonSlabMax elements. A pooled decoder remembers how many
// elements the previous document used (documents of one operation tend to look alike) and
// sizes the chunks to that first, so that a page like the last one wastes no chunk space;
// beyond the hint, doubling resumes.
type jsonChunks struct {
	last int // size of the last chunk, 0 before the first since the decoder's reset
	used int // elements handed out since the reset
	hint int // elements used by the previous document
}

const (
	jsonSlabMin = 4
	jsonSlabMax = 256
)

// next returns the size of the next chunk and records it as the last.
func (c *jsonChunks) next() int {
	n := c.hint - c.used
	if n < jsonSlabMin {
		n = 2 * c.last
	}
	c.last = min(max(n, jsonSlabMin), jsonSlabMax)
	return c.last
}

// done ends a document: its use becomes the hint for the next.
func (c *jsonChunks) done() { c.hint, c.used, c.last = c.used, 0, 0 }

// jsonSlab hands out the stores of one structure's list elements from chunks (jsonChunks),
// so that the scalar members of many elements cost one allocation per chunk.
type jsonSlab[S any] struct {
	free []S
	jsonChunks
}

// release lets go of the current chunk: the values decoded keep it alive as long as they
// need it.
func (s *jsonSlab[S]) release() { s.free = nil; s.done() }

// jsonStoreFrom returns a new store S from the decoder's slab for structure id.
func jsonStoreFrom[S any](d *jsonDecoder, id int) *S {
	var sl *jsonSlab[S]
	if id < len(d.slabs) {
		sl, _ = d.slabs[id].(*jsonSlab[S])
	} else {
		d.slabs = append(d.slabs, make([]jsonReleaser, id+1-len(d.slabs))...)
	}
	if sl == nil {
		sl = new(jsonSlab[S])
		d.slabs[id] = sl
	}
	if len(sl.free) == 0 {
		if sl.last == 0 {
			d.touched = append(d.touched, sl)
		}
		sl.free = make([]S, sl.next())
	}
	p := &sl.free[0]
	sl.free = sl.free[1:]
	sl.used++
	return p
}

// countMembers returns how many members the object at the decoder's position holds (at
// most jsonMaxPrealloc), without consuming or validating it (decoding validates), so that
// maps are allocated once.
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
