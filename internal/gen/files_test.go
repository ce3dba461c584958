package gen

import (
	"bytes"
	"go/format"
	"testing"
)

// The generated tests' helpers are appended as the template writes them, not formatted: the
// text must be gofmt's layout with and without the codec tests.
func TestTestHelpersGofmt(t *testing.T) {
	for _, json := range []bool{false, true} {
		b, err := runTemplate("generated_test_helpers.go.tmpl", map[string]any{"JSON": json})
		if err != nil {
			t.Fatal(err)
		}
		src := append([]byte("package p\n\n"), b...)
		want, err := format.Source(src)
		if err != nil {
			t.Fatalf("JSON %v: %v", json, err)
		}
		if !bytes.Equal(src, want) {
			t.Errorf("JSON %v: the helpers are not laid out as gofmt lays them out (first difference at byte %d)", json, firstDiff(src, want))
		}
		if json != bytes.Contains(b, []byte("testCodec(")) {
			t.Errorf("JSON %v: the codec tests are in the helpers: %v", json, !json)
		}
	}
}

func firstDiff(a, b []byte) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}
