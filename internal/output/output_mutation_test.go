package output

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestWriteRemovesEveryStaleFile: when several generated files are no longer produced,
// Write removes all of them, not only the first (TestWrite has one stale file).
func TestWriteRemovesEveryStaleFile(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{"a.go": gen(""), "b.go": gen(""), "c.go": gen(""), "keep.go": gen("")}
	if err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "hand.go"), []byte("package p\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, map[string][]byte{"keep.go": gen("var x = 1\n")}); err != nil {
		t.Fatal(err)
	}
	if got, want := listDir(t, dir), []string{"hand.go", "keep.go"}; !slices.Equal(got, want) {
		t.Errorf("folder holds %v, want %v", got, want)
	}
}
