package docs

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestTmpV1(t *testing.T) {
	files, _ := filepath.Glob("/root/go/pkg/mod/github.com/aws/aws-sdk-go@v1.55.8/models/apis/*/*/docs-2.json")
	n := 0
	for _, f := range files {
		data, _ := os.ReadFile(f)
		var m any
		json.Unmarshal(data, &m)
		var walk func(v any)
		walk = func(v any) {
			switch v := v.(type) {
			case map[string]any:
				for _, x := range v {
					walk(x)
				}
			case []any:
				for _, x := range v {
					walk(x)
				}
			case string:
				n++
				checkDoc(t, f, v)
				if err := checkGofmt(Comment(v, 80)); err != nil {
					t.Error(err)
				}
			}
		}
		walk(m)
	}
	t.Logf("%d strings from %d files", n, len(files))
}
