// Package examples tests the examples that cannot test themselves: ownmodule is a module of
// its own, so the awsgen module's go test does not reach it.
package examples

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/awsgen/awsgen/internal/testenv"
)

// modelModule holds the model that examples/ownmodule/gen.go names (models/pins.mk).
const modelModule = "github.com/aws/aws-sdk-go@v1.55.8"

// TestOwnModule follows the README's recipe for running the generator from your own module,
// in a copy of examples/ownmodule whose replace line points at this checkout: go mod tidy
// with only the go:generate file, go generate, then the code that uses the generated package,
// go mod tidy, go build, go vet and go test. It also checks that the example's go.mod and
// go.sum are the ones go mod tidy writes, so that the example works in place.
func TestOwnModule(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(root, "examples", "ownmodule")
	dir := t.TempDir()
	env := append(os.Environ(), "GOWORK=off")
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.CommandContext(t.Context(), "go", args...)
		cmd.Dir = dir
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("in a copy of examples/ownmodule (%s): go %s: %v\n%s", dir, strings.Join(args, " "), err, out)
		}
		return string(out)
	}

	// The model comes from the module proxy, checksum-verified, as in make generate.
	dl := exec.CommandContext(t.Context(), "go", "mod", "download", "-json", modelModule)
	dl.Dir, dl.Env = dir, env
	if out, err := dl.CombinedOutput(); err != nil {
		testenv.Missing(t, "go mod download %s: %v\n%s", modelModule, err, out)
	}

	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	copyFile := func(name string) {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	first := []string{"go.mod", "go.sum", "gen.go"}
	for _, name := range first {
		copyFile(name)
	}
	run("mod", "edit", "-replace=github.com/awsgen/awsgen="+root)
	run("mod", "tidy")
	if out := run("generate", "./..."); !strings.Contains(out, "gen: wrote") {
		t.Fatalf("go generate ./... printed %q, want gen's \"gen: wrote N files\"", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "cognitoidp", "client.go")); err != nil {
		t.Fatalf("go generate did not write the client: %v", err)
	}

	// The rest of the example: the code that uses the generated package. A cognitoidp folder
	// left by a run in place is not copied: go generate made a fresh one above.
	for _, e := range entries {
		if name := e.Name(); e.Type().IsRegular() && !strings.HasPrefix(name, ".") && !slices.Contains(first, name) {
			copyFile(name)
		}
	}
	run("mod", "tidy")
	run("build", "./...")
	run("vet", "./...")
	run("test", "-count=1", "./...")

	// The example's go.mod and go.sum must be tidy, with its own replace line.
	run("mod", "edit", "-replace=github.com/awsgen/awsgen=../..")
	for _, name := range []string{"go.mod", "go.sum"} {
		want, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("examples/ownmodule/%s is not what go mod tidy writes; want:\n%s\n(cd examples/ownmodule && go mod tidy -e) updates it", name, want)
		}
	}
}
