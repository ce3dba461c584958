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
		t.Fatal("jsonScratch does not return the same slice for the same id")
	}
	// An outer list collects two elements, a nested list of the same shape three above
	// them; taking the nested ones leaves the outer ones in place.
	*sc = append(*sc, "a", "b")
	inner := jsonTake(func() *[]string { *sc = append(*sc, "x", "y", "z"); return sc }(), 2)
	if strings.Join(inner, ",") != "x,y,z" || len(inner) != cap(inner) {
		t.Errorf("inner = %q (cap %d)", inner, cap(inner))
	}
	outer := jsonTake(sc, 0)
	if strings.Join(outer, ",") != "a,b" || len(*sc) != 0 {
		t.Errorf("outer = %q, scratch left %q", outer, *sc)
	}
	// Taken elements are cleared in the scratch, and an empty list is empty, not nil.
	if full := (*sc)[:2]; full[0] != "" || full[1] != "" {
		t.Errorf("scratch not cleared: %q", full)
	}
	if none := jsonTake(sc, 0); none == nil || len(none) != 0 {
		t.Errorf("empty take = %#v", none)
	}
	// A huge scratch slice is not kept.
	*sc = make([]string, jsonMaxScratchElems+1)
	jsonDrop(sc, 0)
	if *sc != nil {
		t.Errorf("huge scratch kept (cap %d)", cap(*sc))
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
	if len(d.touched) != 1 || d.touched[0] != 5 {
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
	// 4, 8, ..., 256 then 256s: 7 chunks reach 508 stores, 3 more 256-chunks cover 1024.
	if allocs > 10 {
		t.Errorf("1024 stores took %v allocations, want at most 10", allocs)
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
