package rt

import (
	"strings"
	"testing"
)

func TestCountItems(t *testing.T) {
	for in, want := range map[string]int{
		`[]`:                                   0,
		` [ ] `:                                0,
		`[1]`:                                  1,
		`[1,2,3]`:                              3,
		`[{"a":[1,2]},"x,y"]`:                  2,
		`["\"",{"b":"]"},[]]`:                  3,
		`{}`:                                   0,
		`"x"`:                                  0,
		`[`:                                    0,
		"[" + strings.Repeat(",", 1e6) + "]":   0,
		"[" + strings.Repeat("0,", 1e6) + "0]": jsonMaxPrealloc,
	} {
		d := newJSONDecoder([]byte(in))
		if got := d.countElems(); got != want {
			t.Errorf("countElems(%.20q) = %d, want %d", in, got, want)
		}
	}
	// Nested arrays are answered from the counts recorded by the enclosing array's pass.
	d := newJSONDecoder([]byte(`[[1,2],[],{"a":[3,[4,5,6]]},["x,]"]]`))
	for _, c := range []struct{ pos, want int }{{0, 4}, {1, 2}, {7, 0}, {15, 2}, {18, 3}, {28, 1}} {
		d.pos = c.pos
		if got := d.countElems(); got != c.want {
			t.Errorf("countElems at %d = %d, want %d", c.pos, got, c.want)
		}
	}
	d = newJSONDecoder([]byte(`{"a":1,"b":{"c":2},"d":[3,4]}`))
	if got := d.countMembers(); got != 3 {
		t.Errorf("countMembers = %d, want 3", got)
	}
}
