package gen_test

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/awsgen/awsgen/internal/gen"
	"github.com/awsgen/awsgen/internal/ir"
	"github.com/awsgen/awsgen/internal/load"
	"github.com/awsgen/awsgen/internal/modelsrc"
	"github.com/awsgen/awsgen/internal/output"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// CognitoC2J is the pinned default model, as in models/pins.mk.
const cognitoC2J = "gomod:github.com/aws/aws-sdk-go@v1.55.8/models/apis/cognito-idp/2016-04-18/api-2.json"

const cognitoSmithy = "../../../shared/models/smithy/cognito-identity-provider-2016-04-18.json"

// fixtures are the models we author ourselves, with their golden output.
var fixtures = []struct{ name, model string }{
	{"kitchensink_smithy", "../../testdata/models/kitchensink.smithy.json"},
	{"kitchensink_c2j", "../../testdata/models/kitchensink/api-2.json"},
}

func mustLoad(t testing.TB, path string) *ir.Model {
	t.Helper()
	m, err := load.File(path)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// needShared skips a test that reads ../shared when it is absent, except under CI.
func needShared(t testing.TB, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing under CI: %v", path, err)
		}
		t.Skipf("%s is absent (not a CI run): %v", path, err)
	}
}

func cognitoC2JPath(t testing.TB) string {
	t.Helper()
	p, err := modelsrc.Resolve(cognitoC2J)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip("cannot fetch the pinned c2j model:", err)
	}
	return p
}

func generate(t testing.TB, m *ir.Model, opt gen.Options) map[string][]byte {
	t.Helper()
	files, err := gen.Generate(m, opt)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

var headerRE = regexp.MustCompile(`^// Code generated .* DO NOT EDIT\.$`)

// TestGolden compares the generated files of the fixtures with the committed goldens; run
// with -update to rewrite them. TestCompileFixtures proves that the goldens compile and pass
// their own tests, so an -update cannot bless broken output.
func TestGolden(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			files := generate(t, mustLoad(t, fx.model), gen.Options{Package: "kitchensink"})
			dir := filepath.Join("testdata", "golden", fx.name)
			if *update {
				os.RemoveAll(dir)
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				for name, b := range files {
					if err := os.WriteFile(filepath.Join(dir, name+".golden"), b, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update)", err)
			}
			var want []string
			for _, e := range entries {
				want = append(want, strings.TrimSuffix(e.Name(), ".golden"))
			}
			var got []string
			for name := range files {
				got = append(got, name)
			}
			sort.Strings(got)
			if !slices.Equal(got, want) {
				t.Fatalf("files = %v, golden has %v", got, want)
			}
			for _, name := range got {
				g, _ := os.ReadFile(filepath.Join(dir, name+".golden"))
				if !bytes.Equal(g, files[name]) {
					t.Errorf("%s differs from its golden (run go test -run TestGolden -update and review the diff)", name)
				}
			}
		})
	}
}

// TestOutputShape checks properties every generated file must have.
func TestOutputShape(t *testing.T) {
	for _, fx := range fixtures {
		files := generate(t, mustLoad(t, fx.model), gen.Options{Package: "kitchensink"})
		for name, b := range files {
			first, _, _ := bytes.Cut(b, []byte("\n"))
			if !headerRE.Match(first) {
				t.Errorf("%s/%s: first line %q is not a generated-code header", fx.name, name, first)
			}
			for _, imp := range importsOf(b) {
				if strings.Contains(strings.SplitN(imp, "/", 2)[0], ".") {
					t.Errorf("%s/%s imports %s: generated packages may import only the standard library", fx.name, name, imp)
				}
			}
		}
	}
}

var importRE = regexp.MustCompile(`(?m)^\s*(?:\w+\s+)?"([^"]+)"$`)

func importsOf(src []byte) []string {
	i := bytes.Index(src, []byte("\nimport"))
	if i < 0 {
		return nil
	}
	block := src[i:]
	if j := bytes.Index(block, []byte("\n)")); j > 0 && bytes.HasPrefix(block, []byte("\nimport (")) {
		block = block[:j]
	} else if j := bytes.Index(block[1:], []byte("\n")); j > 0 {
		block = block[:j+1]
	}
	var out []string
	for _, m := range importRE.FindAllSubmatch(block, -1) {
		out = append(out, string(m[1]))
	}
	if len(out) == 0 {
		if m := regexp.MustCompile(`import "([^"]+)"`).FindSubmatch(block); m != nil {
			out = append(out, string(m[1]))
		}
	}
	return out
}

// TestDeterministic generates the same model twice and wants the same bytes.
func TestDeterministic(t *testing.T) {
	for _, fx := range fixtures {
		a := generate(t, mustLoad(t, fx.model), gen.Options{Package: "p"})
		b := generate(t, mustLoad(t, fx.model), gen.Options{Package: "p"})
		for name := range a {
			if !bytes.Equal(a[name], b[name]) {
				t.Errorf("%s: %s differs between two runs", fx.name, name)
			}
		}
	}
}

// TestCompileFixtures builds, vets and runs the generated tests of every fixture package.
func TestCompileFixtures(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles generated packages")
	}
	root := t.TempDir()
	writeModule(t, root)
	for _, fx := range fixtures {
		files := generate(t, mustLoad(t, fx.model), gen.Options{Package: "kitchensink"})
		if err := output.Write(filepath.Join(root, fx.name), files); err != nil {
			t.Fatal(err)
		}
	}
	// The closure of ForgotPasswordRequest from the Smithy model, as -shapes writes it.
	if _, err := os.Stat(cognitoSmithy); err == nil {
		files := generate(t, mustLoad(t, cognitoSmithy), gen.Options{Package: "cognitoidp", Shapes: []string{"ForgotPasswordRequest"}})
		if err := output.Write(filepath.Join(root, "forgotpassword"), files); err != nil {
			t.Fatal(err)
		}
	}
	goCmd(t, root, "vet", "./...")
	goCmd(t, root, "test", "-count=1", "./...")
}

func writeModule(t testing.TB, dir string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module fixtures\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func goCmd(t testing.TB, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// TestGeneratedIsFresh is the staleness test: generated/cognitoidp must equal a fresh
// generation from the pinned model.
func TestGeneratedIsFresh(t *testing.T) {
	m := mustLoad(t, cognitoC2JPath(t))
	files := generate(t, m, gen.Options{Package: "cognitoidp"})
	for name, b := range files {
		for _, imp := range importsOf(b) {
			if strings.Contains(strings.SplitN(imp, "/", 2)[0], ".") {
				t.Errorf("cognitoidp/%s imports %s: only the standard library is allowed", name, imp)
			}
		}
	}
	diffs, err := output.Check("../../generated/cognitoidp", files)
	if err != nil {
		t.Fatal(err)
	}
	if len(diffs) > 0 {
		t.Fatalf("generated/cognitoidp is stale (run make generate):\n%s", strings.Join(diffs, "\n"))
	}
}

// TestShapesClosure: -shapes ForgotPasswordRequest on the Smithy model gives exactly the
// closure of that shape.
func TestShapesClosure(t *testing.T) {
	needShared(t, cognitoSmithy)
	m := mustLoad(t, cognitoSmithy)
	files := generate(t, m, gen.Options{Package: "cognitoidp", Shapes: []string{"ForgotPasswordRequest"}})
	types := regexp.MustCompile(`(?m)^type (\w+) `).FindAllSubmatch(files["types.go"], -1)
	var got []string
	for _, ty := range types {
		got = append(got, string(ty[1]))
	}
	want := []string{"AnalyticsMetadataType", "ForgotPasswordRequest", "UserContextDataType"}
	if !slices.Equal(got, want) {
		t.Fatalf("types = %v, want %v", got, want)
	}
	if _, ok := files["enums.go"]; ok {
		t.Error("the closure has no enum, but enums.go was generated")
	}
	if !bytes.Contains(files["clone.go"], []byte("func cloneClientMetadataType(")) {
		t.Error("the ClientMetadataType map helper is missing")
	}
	if bytes.Contains(files["codec.go"], []byte("ForgotPasswordResponse")) {
		t.Error("ForgotPasswordResponse is outside the closure but was generated")
	}
}

// TestCrossFormat: shapes defined the same way in the Smithy and c2j Cognito models give the
// same Go; documentation aside, ForgotPasswordRequest's closure is identical byte for byte.
func TestCrossFormat(t *testing.T) {
	needShared(t, cognitoSmithy)
	sm := mustLoad(t, cognitoSmithy)
	cm := mustLoad(t, cognitoC2JPath(t))
	opt := gen.Options{Package: "cognitoidp", Shapes: []string{"ForgotPasswordRequest"}, NoDocs: true}
	a, b := generate(t, sm, opt), generate(t, cm, opt)
	if len(a) != len(b) {
		t.Fatalf("%d files from Smithy, %d from c2j", len(a), len(b))
	}
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between the Smithy and c2j models", name)
		}
	}
}
