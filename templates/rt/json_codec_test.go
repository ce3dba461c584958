package rt

import (
	"strings"
	"testing"
)

func TestCountMembers(t *testing.T) {
	for in, want := range map[string]int{
		`{}`:                            0,
		` { } `:                         0,
		`{"a":1}`:                       1,
		`{"a":1,"b":{"c":2},"d":[3,4]}`: 3,
		`{"a":"x,y","b":["}",{"c":1}]}`: 2,
		`{"\"":1,"b":"}"}`:              2,
		`[1,2]`:                         0,
		`"x"`:                           0,
		`{`:                             0,
		"{" + strings.Repeat(`"k":0,`, 1e5) + `"k":0}`: jsonMaxPrealloc,
	} {
		d := newJSONDecoder([]byte(in))
		if got := d.countMembers(); got != want {
			t.Errorf("countMembers(%.20q) = %d, want %d", in, got, want)
		}
	}
}

func TestJSONScratch(t *testing.T) {
	d := new(jsonDecoder)
	sc := jsonScratch[string](d, 3)
	if jsonScratch[string](d, 3) != sc || len(d.lists) != 4 {
		t.Fatal("jsonScratch does not return the same state for the same id")
	}
	// An outer list collects two elements, a nested list of the same shape three above
	// them; taking the nested ones leaves the outer ones in place.
	sc.items = append(sc.items, "a", "b")
	sc.items = append(sc.items, "x", "y", "z")
	inner := sc.take(d, 2)
	if strings.Join(inner, ",") != "x,y,z" || len(inner) != cap(inner) {
		t.Errorf("inner = %q (cap %d)", inner, cap(inner))
	}
	outer := sc.take(d, 0)
	if strings.Join(outer, ",") != "a,b" || len(sc.items) != 0 {
		t.Errorf("outer = %q, scratch left %q", outer, sc.items)
	}
	// Lists taken share a chunk without overlapping: appending to one reallocates it.
	outer = append(outer, "c")
	if strings.Join(inner, ",") != "x,y,z" {
		t.Errorf("appending to one list changed another: %q", inner)
	}
	if len(d.touched) != 1 {
		t.Errorf("touched = %d releasers, want 1", len(d.touched))
	}
	// Taken elements are cleared in the scratch, and an empty list is empty, not nil.
	if full := sc.items[:2]; full[0] != "" || full[1] != "" {
		t.Errorf("scratch not cleared: %q", full)
	}
	if none := sc.take(d, 0); none == nil || len(none) != 0 {
		t.Errorf("empty take = %#v", none)
	}
	// After a reset, lists come from a new chunk: those taken before keep their elements.
	d.reset(nil)
	if sc.free != nil || len(d.touched) != 0 {
		t.Errorf("reset kept the chunk (%d free) or touched (%d)", len(sc.free), len(d.touched))
	}
	sc.items = append(sc.items, "p", "q")
	again := sc.take(d, 0)
	again[0] = "changed"
	if strings.Join(inner, ",") != "x,y,z" {
		t.Errorf("a list taken after reset shares memory with one taken before: %q", inner)
	}
	// Many short lists cost one allocation per chunk; a list longer than a chunk its own.
	allocs := testing.AllocsPerRun(10, func() {
		d.reset(nil)
		for range 1000 {
			sc.items = append(sc.items, "a", "b", "c")
			sc.take(d, 0)
		}
	})
	// Chunks of 4, 8, ..., 128 hold 1+2+5+10+21+42 = 81 lists; 256s hold 85 each, 11 for
	// the other 919.
	if allocs > 17 {
		t.Errorf("1,000 lists of 3 took %v allocations, want at most 17", allocs)
	}
	sc.items = make([]string, jsonSlabMax+1)
	if long := sc.take(d, 0); len(long) != jsonSlabMax+1 || cap(long) != len(long) {
		t.Errorf("long list: len %d cap %d", len(long), cap(long))
	}
	// A huge scratch stack is not kept.
	sc.items = make([]string, jsonMaxScratchElems+1)
	sc.drop(0)
	if sc.items != nil {
		t.Errorf("huge scratch kept (cap %d)", cap(sc.items))
	}
}

func TestJSONStr(t *testing.T) {
	doc := []byte(`["alpha","beta","gamma"]`)
	d := newJSONDecoder(doc)
	a := d.str([]byte("alpha"))
	b := d.str([]byte("beta"))
	if a != "alpha" || b != "beta" || d.str(nil) != "" {
		t.Fatalf("str = %q, %q", a, b)
	}
	// Strings share a chunk sized by the input left, and never alias the input.
	if cap(d.strs) > 64 {
		t.Errorf("chunk for a %d-byte document has capacity %d", len(doc), cap(d.strs))
	}
	copy(doc, "XXXXXXXXXXXXXXXXXXXXXXXX")
	if a != "alpha" || b != "beta" {
		t.Errorf("strings changed with the input: %q, %q", a, b)
	}
	// A reset drops the chunk: strings handed out before are never written over.
	d.reset([]byte(`"omega"`))
	if d.strs != nil {
		t.Error("reset kept the string chunk")
	}
	if c := d.str([]byte("omega")); c != "omega" || a != "alpha" {
		t.Errorf("after reset: %q, earlier %q", c, a)
	}
	// Long strings get their own allocation; short ones fill chunks of at most jsonStrChunk.
	long := strings.Repeat("x", jsonStrMax+1)
	if got := d.str([]byte(long)); got != long {
		t.Error("long string changed")
	}
	big := make([]byte, 100<<10)
	d.reset(big)
	allocs := testing.AllocsPerRun(10, func() {
		d.strs = nil
		for range 1000 {
			d.str(big[:16])
		}
	})
	// 16,000 bytes in chunks of 8 KiB: 2 allocations (plus none per string).
	if allocs > 2 {
		t.Errorf("1,000 short strings took %v allocations, want 2", allocs)
	}
}

func TestJSONStoreFrom(t *testing.T) {
	type store struct{ a, b string }
	d := new(jsonDecoder)
	seen := map[*store]bool{}
	var first *store
	for i := range 1000 {
		p := jsonStoreFrom[store](d, 5)
		if seen[p] {
			t.Fatalf("store %d handed out twice", i)
		}
		seen[p] = true
		if i == 0 {
			first = p
		}
		p.a = "x"
	}
	if len(d.touched) != 1 || d.touched[0] != d.slabs[5] {
		t.Errorf("touched = %v", d.touched)
	}
	// After a reset the slab starts a new chunk: stores handed out before stay with their
	// values.
	d.reset([]byte(`{}`))
	if len(d.touched) != 0 {
		t.Errorf("touched after reset = %v", d.touched)
	}
	if p := jsonStoreFrom[store](d, 5); seen[p] || first.a != "x" {
		t.Errorf("reset reused a store handed out before")
	}
	// Chunks grow from jsonSlabMin to jsonSlabMax stores.
	d.reset(nil)
	allocs := testing.AllocsPerRun(10, func() {
		d.reset(nil)
		for range 4 * jsonSlabMax {
			jsonStoreFrom[store](d, 5)
		}
	})
	// The previous document's use is the hint: 1,024 stores in 4 chunks of 256.
	if allocs > 4 {
		t.Errorf("1024 stores took %v allocations, want at most 4", allocs)
	}
	// Without a hint, chunks double from 4: 4, 8, ..., 256 reach 508 stores.
	d = new(jsonDecoder)
	for range 508 {
		jsonStoreFrom[store](d, 5)
	}
	if sl := d.slabs[5].(*jsonSlab[store]); sl.last != jsonSlabMax || len(sl.free) != 0 {
		t.Errorf("508 stores without a hint: last chunk %d with %d free, want 256 with 0", sl.last, len(sl.free))
	}
	// With the hint of 360, a like document gets chunks of 256 and 104: no store unused.
	for _, n := range []int{360, 360} {
		d.reset(nil)
		for range n {
			jsonStoreFrom[store](d, 5)
		}
	}
	sl := d.slabs[5].(*jsonSlab[store])
	if len(sl.free) != 0 || sl.last != 104 {
		t.Errorf("hinted chunks left %d stores unused, last chunk %d, want 0 and 104", len(sl.free), sl.last)
	}
}

func TestJSONDecoderPool(t *testing.T) {
	d := jsonGetDecoder([]byte(`[1`))
	d.beginArray()
	d.nextElem()
	d.readInt(64)
	d.nextElem()
	if err := d.done(); err == nil {
		t.Fatal("truncated input: no error")
	}
	// The next decoder starts clean whatever the pool returns.
	d = jsonGetDecoder([]byte(`7`))
	if n := d.readInt(64); n != 7 {
		t.Errorf("readInt = %d", n)
	}
	if err := d.done(); err != nil {
		t.Errorf("second decode: %v", err)
	}
}
