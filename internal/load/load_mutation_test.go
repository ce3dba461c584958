package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awsgen/awsgen/internal/ir"
)

// TestBytesMergesDocs: Bytes reads a c2j model's docs-2.json when it is given, and does
// without when it is nil (mutation testing found docs passed to Bytes untested).
func TestBytesMergesDocs(t *testing.T) {
	api, err := os.ReadFile(filepath.Join(models, "kitchensink/api-2.json"))
	if err != nil {
		t.Fatal(err)
	}
	docs, err := os.ReadFile(filepath.Join(models, "kitchensink/docs-2.json"))
	if err != nil {
		t.Fatal(err)
	}
	with, err := Bytes("api-2.json", api, docs)
	if err != nil {
		t.Fatal(err)
	}
	without, err := Bytes("api-2.json", api, nil)
	if err != nil {
		t.Fatal(err)
	}
	// "A thing ID." is in docs-2.json only.
	has := func(m *ir.Model) bool {
		for _, s := range m.Shapes {
			if strings.Contains(s.Traits.Doc, "A thing ID.") {
				return true
			}
		}
		return false
	}
	if !has(with) {
		t.Error("the docs given to Bytes are not merged")
	}
	if has(without) {
		t.Error("documentation from docs-2.json without it")
	}
}
