package docs

import (
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

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
