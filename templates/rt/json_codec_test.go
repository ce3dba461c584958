package rt

import (
	"strings"
	"testing"
)

func TestCountItems(t *testing.T) {
	for in, want := range map[string]int{
		`[]`:                                 0,
		` [ ] `:                              0,
		`[1]`:                                1,
		`[1,2,3]`:                            3,
		`[{"a":[1,2]},"x,y"]`:                2,
		`["\"",{"b":"]"},[]]`:                3,
		`{}`:                                 0,
		`"x"`:                                0,
		`[`:                                  0,
		"[" + strings.Repeat(",", 1e6) + "]": jsonMaxPrealloc,
	} {
		d := newJSONDecoder([]byte(in))
		if got := d.countElems(); got != want {
			t.Errorf("countElems(%.20q) = %d, want %d", in, got, want)
		}
	}
	d := newJSONDecoder([]byte(`{"a":1,"b":{"c":2},"d":[3,4]}`))
	if got := d.countMembers(); got != 3 {
		t.Errorf("countMembers = %d, want 3", got)
	}
}
