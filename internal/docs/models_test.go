package docs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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

// TestAllSmithyModels converts every model in the shared Smithy directory.
// It takes a while, so it only runs when DOCS_ALL_MODELS=1.
func TestAllSmithyModels(t *testing.T) {
	if os.Getenv("DOCS_ALL_MODELS") != "1" {
		t.Skip("set DOCS_ALL_MODELS=1 to convert every shared Smithy model")
	}
	dir := smithyDir()
	if dir == "" {
		t.Skip("no Smithy model directory")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	n := 0
	for _, f := range files {
		for i, h := range smithyDocs(t, f) {
			checkDoc(t, filepath.Base(f)+"#"+itoa(i), h)
			n++
		}
	}
	t.Logf("converted %d documentation strings from %d models", n, len(files))
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
