package gen_test

import (
	"bytes"
	"flag"
	"go/format"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/awsgen/awsgen/internal/cli"
	"github.com/awsgen/awsgen/internal/gen"
	"github.com/awsgen/awsgen/internal/ir"
	"github.com/awsgen/awsgen/internal/load"
	"github.com/awsgen/awsgen/internal/modelsrc"
	"github.com/awsgen/awsgen/internal/output"
	"github.com/awsgen/awsgen/internal/testenv"
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
		testenv.Missing(t, "%s is absent: %v", path, err)
	}
}

func cognitoC2JPath(t testing.TB) string {
	t.Helper()
	p, err := modelsrc.Resolve(cognitoC2J)
	if err != nil {
		testenv.Missing(t, "cannot fetch the pinned c2j model: %v", err)
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

// TestGolden compares the generated files of the fixtures with the committed goldens.
//
// Run with -update to rewrite them. A golden is a record of what the generator wrote, not
// proof that it was right, so -update refuses (fails and writes nothing) unless checks that
// do not come from the goldens pass on the output about to be blessed:
//
//  1. generated/kitchensink and generated/cognitoidp equal a fresh generation (run make
//     generate first), so that step 3 tests the very code being blessed;
//  2. the fresh output of every fixture builds, vets and passes its generated tests in a
//     scratch module (compileFixtures, as TestCompileFixtures does);
//  3. the hand-written tests, whose expectations come from the models and not from the
//     generator, pass: go test ./internal/kitchentest/ ./internal/codectest/ from the
//     module root (independentTests).
//
// Step 2 alone cannot guard an -update: the generated tests come from the same generator as
// the code they test, and a broken rule breaks both alike. Step 3 tests the Smithy fixture
// (generated/kitchensink is generated from it); the c2j fixture is held to step 2.
func TestGolden(t *testing.T) {
	outputs := map[string]map[string][]byte{}
	for _, fx := range fixtures {
		outputs[fx.name] = generate(t, mustLoad(t, fx.model), gen.Options{Package: "kitchensink"})
	}
	if *update {
		checkBlessable(t, outputs)
		for _, fx := range fixtures {
			dir := filepath.Join("testdata", "golden", fx.name)
			if err := os.RemoveAll(dir); err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			for name, b := range outputs[fx.name] {
				if err := os.WriteFile(filepath.Join(dir, name+".golden"), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		return
	}
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			dir := filepath.Join("testdata", "golden", fx.name)
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update)", err)
			}
			golden := map[string][]byte{}
			for _, e := range entries {
				b, err := os.ReadFile(filepath.Join(dir, e.Name()))
				if err != nil {
					t.Fatal(err)
				}
				golden[strings.TrimSuffix(e.Name(), ".golden")] = b
			}
			if diffs := diffFileSets(golden, outputs[fx.name]); len(diffs) > 0 {
				t.Errorf("the output differs from the goldens (run go test -run TestGolden -update and review the diff):\n%s", strings.Join(diffs, "\n"))
			}
		})
	}
}

// independentTests are the hand-written tests of generated code whose expectations come
// from the models or are written by hand, never from the generator: -update runs them.
var independentTests = []string{"./internal/kitchentest/", "./internal/codectest/", "./internal/redacttest/"}

// checkBlessable fails the test unless the fresh fixture outputs may become the goldens;
// see TestGolden.
func checkBlessable(t *testing.T, outputs map[string]map[string][]byte) {
	t.Helper()
	const refuse = "-update refused: "
	root := filepath.Join("..", "..")
	for _, pkg := range independentTests {
		if _, err := os.Stat(filepath.Join(root, pkg)); err != nil {
			t.Fatalf("%sthe independent tests %s are missing (%v): nothing may bless goldens without them", refuse, pkg, err)
		}
	}
	// 1. The committed packages are the fresh output.
	for _, c := range generateCommands(t) {
		var stdout, stderr bytes.Buffer
		if code := cli.Run(append([]string{"-check"}, c...), &stdout, &stderr); code != 0 {
			t.Fatalf("%sgenerated/ is not the fresh output, so the independent tests would not test what is being blessed: run make generate, then -update again:\n%s",
				refuse, stderr.String())
		}
	}
	// 2. The fresh output compiles and passes its own tests.
	compileFixtures(t, outputs)
	// 3. The independent tests pass on it.
	cmd := exec.Command("go", append([]string{"test", "-count=1"}, independentTests...)...)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%sthe independent tests fail on the fresh output (go test %s: %v):\n%s", refuse, strings.Join(independentTests, " "), err, out)
	}
}

// diffFileSets lists how the file set got differs from want: the names in only one of them,
// and the files in both whose bytes differ. Empty means the same names and the same bytes.
func diffFileSets(want, got map[string][]byte) []string {
	var diffs []string
	for _, name := range slices.Sorted(maps.Keys(want)) {
		g, ok := got[name]
		switch {
		case !ok:
			diffs = append(diffs, "missing: "+name)
		case !bytes.Equal(g, want[name]):
			diffs = append(diffs, "differs: "+name)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(got)) {
		if _, ok := want[name]; !ok {
			diffs = append(diffs, "unexpected: "+name)
		}
	}
	return diffs
}

// TestDiffFileSets: the comparison behind TestGolden, TestDeterministic and TestCrossFormat
// sees every kind of difference, in either direction, on a real file set.
func TestDiffFileSets(t *testing.T) {
	files := generate(t, mustLoad(t, fixtures[0].model), gen.Options{Package: "p"})
	if d := diffFileSets(files, maps.Clone(files)); len(d) > 0 {
		t.Fatalf("a copy differs: %v", d)
	}
	mutations := []struct {
		name   string
		mutate func(m map[string][]byte)
		want   string
	}{
		{"file dropped", func(m map[string][]byte) { delete(m, "types.go") }, "missing: types.go"},
		{"file added", func(m map[string][]byte) { m["extra.go"] = []byte("package p\n") }, "unexpected: extra.go"},
		{"empty file added", func(m map[string][]byte) { m["empty.go"] = nil }, "unexpected: empty.go"},
		{"one byte changed", func(m map[string][]byte) {
			b := bytes.Clone(m["codec.go"])
			b[len(b)/2] ^= 1
			m["codec.go"] = b
		}, "differs: codec.go"},
		{"file truncated", func(m map[string][]byte) { m["equal.go"] = m["equal.go"][:len(m["equal.go"])-1] }, "differs: equal.go"},
	}
	for _, mu := range mutations {
		mutated := maps.Clone(files)
		mu.mutate(mutated)
		for _, d := range [][]string{diffFileSets(files, mutated), diffFileSets(mutated, files)} {
			if len(d) != 1 || !strings.HasSuffix(d[0], strings.SplitN(mu.want, " ", 2)[1]) {
				t.Errorf("%s: diffFileSets = %q, want one difference like %q", mu.name, d, mu.want)
			}
		}
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

// TestFormatted checks that every generated file is formatted as go/format formats it: the
// fixtures and the pinned Cognito model (the sweep checks every AWS model).
func TestFormatted(t *testing.T) {
	paths := map[string]string{"cognito_c2j": cognitoC2JPath(t)}
	for _, fx := range fixtures {
		paths[fx.name] = fx.model
	}
	for name, path := range paths {
		for file, b := range generate(t, mustLoad(t, path), gen.Options{Package: "p"}) {
			want, err := format.Source(b)
			if err != nil {
				t.Fatalf("%s/%s: %v", name, file, err)
			}
			if !bytes.Equal(b, want) {
				t.Errorf("%s/%s is not formatted as go/format formats it", name, file)
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

// TestDeterministic generates each model twice, from two loads, and wants the same file
// names and the same bytes: the fixtures and the pinned Cognito model.
func TestDeterministic(t *testing.T) {
	type model struct {
		name string
		path func(t testing.TB) string
	}
	var models []model
	for _, fx := range fixtures {
		models = append(models, model{fx.name, func(testing.TB) string { return fx.model }})
	}
	models = append(models, model{"cognito_c2j", cognitoC2JPath})
	for _, md := range models {
		t.Run(md.name, func(t *testing.T) {
			path := md.path(t)
			a := generate(t, mustLoad(t, path), gen.Options{Package: "p"})
			b := generate(t, mustLoad(t, path), gen.Options{Package: "p"})
			if len(a) == 0 {
				t.Fatal("no files generated")
			}
			if diffs := diffFileSets(a, b); len(diffs) > 0 {
				t.Errorf("two runs differ:\n%s", strings.Join(diffs, "\n"))
			}
		})
	}
}

// TestCompileFixtures builds, vets and runs the generated tests of every fixture package,
// and of the closure of ForgotPasswordRequest from the Smithy Cognito model as -shapes
// writes it (a subtest, skipped with its reason when ../shared is absent outside CI).
func TestCompileFixtures(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles generated packages")
	}
	outputs := map[string]map[string][]byte{}
	for _, fx := range fixtures {
		outputs[fx.name] = generate(t, mustLoad(t, fx.model), gen.Options{Package: "kitchensink"})
	}
	t.Run("forgotpassword_closure", func(t *testing.T) {
		needShared(t, cognitoSmithy)
		outputs["forgotpassword"] = generate(t, mustLoad(t, cognitoSmithy), gen.Options{Package: "cognitoidp", Shapes: []string{"ForgotPasswordRequest"}})
	})
	compileFixtures(t, outputs)
}

// compileFixtures writes each file set into its folder of one scratch module, and vets and
// tests the module.
func compileFixtures(t *testing.T, outputs map[string]map[string][]byte) {
	t.Helper()
	root := t.TempDir()
	writeModule(t, root)
	for dir, files := range outputs {
		if err := output.Write(filepath.Join(root, dir), files); err != nil {
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

// generateCommands returns the arguments of generated/generate.go's go:generate lines,
// paths made relative to this folder: what make generate runs.
func generateCommands(t *testing.T) [][]string {
	t.Helper()
	src, err := os.ReadFile("../../generated/generate.go")
	if err != nil {
		t.Fatal(err)
	}
	var cmds [][]string
	for _, line := range strings.Split(string(src), "\n") {
		args, ok := strings.CutPrefix(line, "//go:generate go run ../cmd/gen ")
		if !ok {
			continue
		}
		fields := strings.Fields(args)
		for i := 1; i < len(fields); i++ {
			if (fields[i-1] == "-model" || fields[i-1] == "-out") && !strings.HasPrefix(fields[i], modelsrc.Prefix) {
				fields[i] = filepath.Join("../../generated", fields[i])
			}
		}
		cmds = append(cmds, fields)
	}
	if len(cmds) != 5 {
		t.Fatalf("found %d go:generate lines in generated/generate.go, want 5 (cognitoidp, kitchensink, lambda, apigateway, reststore)", len(cmds))
	}
	return cmds
}

// TestGeneratedIsFresh is the staleness test: each package under generated/ must equal a
// fresh generation, made by generated/generate.go's own commands run in-process with -check.
// internal/codectest and internal/kitchentest test these packages, so a stale one would
// have them test old code.
func TestGeneratedIsFresh(t *testing.T) {
	for _, c := range generateCommands(t) {
		t.Run(c[len(c)-1], func(t *testing.T) {
			if slices.ContainsFunc(c, func(a string) bool { return strings.HasPrefix(a, modelsrc.Prefix) }) {
				cognitoC2JPath(t) // skip, or fail under CI, when the module cannot be fetched
			}
			var stdout, stderr bytes.Buffer
			if code := cli.Run(append([]string{"-check"}, c...), &stdout, &stderr); code != 0 {
				t.Fatalf("generated/ is stale (run make generate): exit %d\n%s", code, stderr.String())
			}
		})
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
	if diffs := diffFileSets(generate(t, sm, opt), generate(t, cm, opt)); len(diffs) > 0 {
		t.Errorf("the c2j model's output (got) differs from the Smithy model's (want):\n%s", strings.Join(diffs, "\n"))
	}
}
