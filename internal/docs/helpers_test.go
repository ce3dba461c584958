package docs

import (
	"encoding/json"
	"errors"
	"go/doc/comment"
	"go/format"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awsgen/awsgen/internal/testenv"
)

// checkCanonical reports an error if text is not already in the form
// go/doc/comment's Printer (and so gofmt) produces for it, or if one of
// its link definitions is not used by the text.
func checkCanonical(text string) error {
	want := ""
	if text != "" {
		want = text + "\n"
	}
	var p comment.Parser
	var pr comment.Printer
	doc := p.Parse(text)
	if got := string(pr.Comment(doc)); got != want {
		return errors.New("not canonical:\n--- text ---\n" + want + "--- reformatted ---\n" + got)
	}
	for _, def := range doc.Links {
		if !def.Used {
			return errors.New("link definition [" + def.Text + "] is not used in:\n" + text)
		}
	}
	return nil
}

// checkGofmt reports an error if gofmt would change the comment c placed
// before a declaration.
func checkGofmt(c string) error {
	src := "package p\n\n" + c + "var X int\n"
	out, err := format.Source([]byte(src))
	if err != nil {
		return err
	}
	if string(out) != src {
		return errors.New("gofmt changed the comment:\n--- before ---\n" + src + "--- after ---\n" + string(out))
	}
	return nil
}

// smithyDocs returns every "smithy.api#documentation" string of a Smithy
// JSON model, sorted by shape for determinism.
func smithyDocs(t testing.TB, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var model any
	if err := json.Unmarshal(data, &model); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if s, ok := x.(string); ok && k == "smithy.api#documentation" {
					out = append(out, s)
					continue
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(model)
	return out
}

// smithyDir locates the shared Smithy models: $AWSGEN_SMITHY_DIR, or
// shared/models/smithy beside the repository (as laid out for CI), or
// /work/shared/models/smithy.
func smithyDir() string {
	cands := []string{
		os.Getenv("AWSGEN_SMITHY_DIR"),
		filepath.Join("..", "..", "..", "shared", "models", "smithy"),
		"/work/shared/models/smithy",
	}
	for _, d := range cands {
		if d == "" {
			continue
		}
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	return ""
}

// modelFile returns the path of a shared Smithy model, skipping the test
// when it is absent outside CI and failing it in CI.
func modelFile(t *testing.T, name string) string {
	t.Helper()
	dir := smithyDir()
	if dir != "" {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err == nil {
			return p
		} else if !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
	}
	testenv.Missing(t, "model %s not found (looked in $AWSGEN_SMITHY_DIR, ../../../shared/models/smithy, /work/shared/models/smithy)", name)
	return ""
}

// leftoverTag reports a known HTML tag left in the text converted from
// input, ignoring tags the input spells as entities (&lt;em&gt;), which
// are literal text.
func leftoverTag(input, text string) string {
	low := strings.ToLower(text)
	lowIn := strings.ToLower(input)
	for name := range knownTags {
		if strings.Contains(lowIn, "&lt;"+name) || strings.Contains(lowIn, "&lt;/"+name) {
			continue
		}
		for _, pre := range []string{"<" + name, "</" + name} {
			for i := 0; ; {
				j := strings.Index(low[i:], pre)
				if j < 0 {
					break
				}
				i += j + len(pre)
				if i >= len(low) || low[i] == '>' || low[i] == ' ' || low[i] == '/' {
					return pre
				}
			}
		}
	}
	return ""
}
