package gen_test

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/awsgen/awsgen/internal/gen"
)

// TestPackageDoc: the package doc that go doc and go list show is ours, whole: it starts
// with "Package <name> " and holds the service's text and the vendoring note.
func TestPackageDoc(t *testing.T) {
	models := []struct{ path, service string }{
		{"../../testdata/models/kitchensink.smithy.json", "The kitchen sink."},
		{cognitoC2JPath(t), "With the Amazon Cognito user pools API"},
	}
	for _, md := range models {
		files := generate(t, mustLoad(t, md.path), gen.Options{Package: "pkgname"})
		f, err := parser.ParseFile(token.NewFileSet(), "doc.go", files["doc.go"], parser.ParseComments|parser.PackageClauseOnly)
		if err != nil {
			t.Fatal(err)
		}
		if f.Doc == nil {
			t.Fatalf("%s: doc.go has no package doc", md.path)
		}
		doc := f.Doc.Text()
		if !strings.HasPrefix(doc, "Package pkgname ") {
			t.Errorf("%s: the package doc starts %q", md.path, doc[:min(len(doc), 80)])
		}
		for _, want := range []string{md.service, "vendored by copying its folder"} {
			if !strings.Contains(strings.Join(strings.Fields(doc), " "), want) {
				t.Errorf("%s: the package doc lacks %q:\n%s", md.path, want, doc)
			}
		}
	}
}
