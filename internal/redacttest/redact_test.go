// Package redacttest checks the redaction and the defaults of generated packages against the
// service model. The expected values come from the model, read by package oracle on its
// own; the generator only supplies the code under test and the Go name of each type and
// field.
package redacttest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/awsgen/awsgen/internal/gen"
	"github.com/awsgen/awsgen/internal/ir"
	"github.com/awsgen/awsgen/internal/load"
	"github.com/awsgen/awsgen/internal/modelsrc"
	"github.com/awsgen/awsgen/internal/output"
	"github.com/awsgen/awsgen/internal/testenv"
)

const smithyDir = "../../../shared/models/smithy/"

// models are generated, each into its own package, and checked. Beside our fixtures and
// Cognito, the Smithy models are the AWS models with the most sensitive shapes of each
// protocol, among them bedrock-agent-runtime, whose structures under sensitive ones once
// leaked through a broken rule while every other test passed.
var models = []struct {
	pkg, ref string
	shared   bool
}{
	{"kitchensmithy", "../../testdata/models/kitchensink.smithy.json", false},
	{"kitchenc2j", "../../testdata/models/kitchensink/api-2.json", false},
	{"cognitoidp", "gomod:github.com/aws/aws-sdk-go@v1.55.8/models/apis/cognito-idp/2016-04-18/api-2.json", false},
	{"bedrockagentruntime", smithyDir + "bedrock-agent-runtime-2023-07-26.json", true},
	{"secretsmanager", smithyDir + "secrets-manager-2017-10-17.json", true},
	{"ssooidc", smithyDir + "sso-oidc-2019-06-10.json", true},
	{"chimesdkmeetings", smithyDir + "chime-sdk-meetings-2021-07-15.json", true},
}

// TestModelOracle generates every model above into a scratch module, adds the oracle
// (package oracle's source, copied with its package clause changed) and a registry of the
// generated types, and runs it there.
func TestModelOracle(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles generated packages")
	}
	src, err := os.ReadFile("oracle/oracle.go")
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	write(t, filepath.Join(root, "go.mod"), []byte("module redaction\n\ngo 1.26\n"))
	var pkgs []string
	for _, md := range models {
		path, err := modelsrc.Resolve(md.ref)
		if err == nil {
			_, err = os.Stat(path)
		}
		if err != nil {
			if !md.shared && !strings.HasPrefix(md.ref, modelsrc.Prefix) {
				t.Fatalf("%s: %v", md.ref, err) // a committed fixture is never optional
			}
			// Skipped in a subtest of its own outside CI; under CI the subtest fails, and
			// so does this test, at once.
			if !t.Run(md.pkg, func(t *testing.T) { testenv.Missing(t, "%s: %v", md.ref, err) }) {
				t.FailNow()
			}
			continue
		}
		m, err := load.File(path)
		if err != nil {
			t.Fatal(err)
		}
		files, err := gen.Generate(m, gen.Options{Package: md.pkg, NoDocs: true, NoTests: true})
		if err != nil {
			t.Fatalf("%s: %v", md.ref, err)
		}
		dir := filepath.Join(root, md.pkg)
		if err := output.Write(dir, files); err != nil {
			t.Fatal(err)
		}
		model, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, "testdata", "model.json"), model)
		write(t, filepath.Join(dir, "zz_oracle_test.go"), retarget(t, src, md.pkg))
		write(t, filepath.Join(dir, "zz_registry_test.go"), registry(t, m, md.pkg, files["types.go"]))
		pkgs = append(pkgs, "./"+md.pkg)
	}
	if len(pkgs) == 0 {
		t.Skip("no model could be read")
	}
	cmd := exec.Command("go", append([]string{"test", "-count=1"}, pkgs...)...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the model oracle failed: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}

// retarget sets the package clause of the oracle's source.
func retarget(t *testing.T, src []byte, pkg string) []byte {
	t.Helper()
	out := bytes.Replace(src, []byte("\npackage oracle\n"), []byte("\npackage "+pkg+"\n"), 1)
	if bytes.Equal(out, src) {
		t.Fatal("oracle/oracle.go has no package clause to change")
	}
	return out
}

var typeRE = regexp.MustCompile(`(?m)^type (\w+) struct`)

// registry writes the test that hands the oracle every generated structure and union, with
// the Go field of each member.
func registry(t *testing.T, m *ir.Model, pkg string, types []byte) []byte {
	t.Helper()
	declared := map[string]bool{}
	for _, sm := range typeRE.FindAllSubmatch(types, -1) {
		declared[string(sm[1])] = true
	}
	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"os\"\n\t\"reflect\"\n\t\"testing\"\n)\n\n", pkg)
	b.WriteString("func TestModelOracle(t *testing.T) {\n")
	b.WriteString("\tmodel, err := os.ReadFile(\"testdata/model.json\")\n\tif err != nil {\n\t\tt.Fatal(err)\n\t}\n")
	b.WriteString("\ttypes := []OracleType{\n")
	n := 0
	for _, s := range m.Shapes {
		if s.Kind != ir.Structure && s.Kind != ir.Union || !declared[s.GoName] {
			continue
		}
		fmt.Fprintf(&b, "\t{%q, reflect.TypeFor[%s](), map[string]string{", s.ID, s.GoName)
		var fields []string
		for _, mem := range s.Members {
			fields = append(fields, fmt.Sprintf("%q: %q", mem.Name, mem.GoName))
		}
		sort.Strings(fields)
		b.WriteString(strings.Join(fields, ", "))
		b.WriteString("}},\n")
		n++
	}
	b.WriteString("\t}\n")
	b.WriteString("\tt.Run(\"redaction\", func(t *testing.T) { CheckRedaction(t, model, types) })\n")
	b.WriteString("\tt.Run(\"defaults\", func(t *testing.T) { CheckDefaults(t, model, types) })\n}\n")
	if n == 0 {
		t.Fatalf("%s: no structure or union was generated", pkg)
	}
	return []byte(b.String())
}

func write(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
