package docs

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/awsgen/awsgen/internal/modelsrc"
	"github.com/awsgen/awsgen/internal/testenv"
)

// checkDoc runs the invariants on one real documentation string.
func checkDoc(t *testing.T, where string, html string) {
	t.Helper()
	for _, width := range []int{80, 100} {
		text := Text(html, width)
		if err := checkCanonical(text); err != nil {
			t.Errorf("%s width %d: %v\ninput: %q", where, width, err, html)
			return
		}
		if tag := leftoverTag(html, text); tag != "" {
			t.Errorf("%s: leftover markup %q in:\n%s", where, tag, text)
		}
		if strings.ContainsAny(text, "\r\x00") {
			t.Errorf("%s: control characters in output", where)
		}
	}
}

// TestSmithyCognito converts every documentation string of the Cognito
// user pools Smithy model.
func TestSmithyCognito(t *testing.T) {
	path := modelFile(t, "cognito-identity-provider-2016-04-18.json")
	docs := smithyDocs(t, path)
	if len(docs) < 100 {
		t.Fatalf("only %d documentation strings in %s", len(docs), path)
	}
	var all strings.Builder
	for i, h := range docs {
		checkDoc(t, path+"#"+itoa(i), h)
		if c := Comment(h, 100); c != "" {
			all.WriteString(c)
			all.WriteString("var X" + itoa(i) + " int\n\n")
		}
	}
	if err := checkGofmt(all.String()); err != nil {
		t.Error(err)
	}
	if testing.Verbose() {
		t.Logf("converted %d documentation strings", len(docs))
	}
}

// smithyModelCount is the number of models in the shared Smithy directory (aws/api-models-aws
// at 56c8953, see models/pins.mk).
const smithyModelCount = 402

// TestAllSmithyModels converts every documentation string of every shared Smithy model, one
// parallel subtest per model.
func TestAllSmithyModels(t *testing.T) {
	if testing.Short() {
		t.Skip("converts every documentation string of 402 models (-short)")
	}
	dir := smithyDir()
	if dir == "" {
		testenv.Missing(t, "no Smithy model directory (looked in $AWSGEN_SMITHY_DIR, ../../../shared/models/smithy, /work/shared/models/smithy)")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) != smithyModelCount {
		t.Fatalf("found %d models in %s, want %d", len(files), dir, smithyModelCount)
	}
	var n atomic.Int64
	t.Cleanup(func() { t.Logf("converted %d documentation strings from %d models", n.Load(), len(files)) })
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".json"), func(t *testing.T) {
			t.Parallel()
			for i, h := range smithyDocs(t, f) {
				checkDoc(t, filepath.Base(f)+"#"+itoa(i), h)
				n.Add(1)
			}
		})
	}
}

func itoa(i int) string {
	var b [20]byte
	p := len(b)
	for {
		p--
		b[p] = byte('0' + i%10)
		i /= 10
		if i == 0 {
			break
		}
	}
	return string(b[p:])
}

// c2jModelCount is the number of c2j models (docs-2.json beside each api-2.json) in the
// pinned aws-sdk-go module (models/pins.mk).
const c2jModelCount = 384

// TestAllC2JDocs converts every documentation string of every docs-2.json of the pinned
// aws-sdk-go module, fetched as the default model is, so that it runs without ../shared:
// the service's, each operation's, and each shape's base and member texts.
func TestAllC2JDocs(t *testing.T) {
	if testing.Short() {
		t.Skip("converts every documentation string of 384 c2j models (-short)")
	}
	dir, err := modelsrc.ModuleDir("github.com/aws/aws-sdk-go@v1.55.8")
	if err != nil {
		testenv.Missing(t, "cannot fetch github.com/aws/aws-sdk-go@v1.55.8: %v", err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "models", "apis", "*", "*", "docs-2.json"))
	if len(files) != c2jModelCount {
		t.Fatalf("found %d docs-2.json files in %s, want %d", len(files), dir, c2jModelCount)
	}
	var n atomic.Int64
	t.Cleanup(func() { t.Logf("converted %d documentation strings from %d models", n.Load(), len(files)) })
	for _, f := range files {
		rel, _ := filepath.Rel(filepath.Join(dir, "models", "apis"), f)
		t.Run(filepath.Dir(rel), func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var d struct {
				Service    string
				Operations map[string]string
				Shapes     map[string]struct {
					Base string
					Refs map[string]string
				}
			}
			if err := json.Unmarshal(data, &d); err != nil {
				t.Fatal(err)
			}
			check := func(where, html string) {
				if html != "" {
					checkDoc(t, rel+"#"+where, html)
					n.Add(1)
				}
			}
			check("service", d.Service)
			for _, name := range slices.Sorted(maps.Keys(d.Operations)) {
				check(name, d.Operations[name])
			}
			for _, name := range slices.Sorted(maps.Keys(d.Shapes)) {
				check(name, d.Shapes[name].Base)
				for _, ref := range slices.Sorted(maps.Keys(d.Shapes[name].Refs)) {
					check(name+"$"+ref, d.Shapes[name].Refs[ref])
				}
			}
		})
	}
}
