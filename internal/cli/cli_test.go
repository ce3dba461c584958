package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadModels: every negative model fails with exit status 1, one line naming the file
// (and the shape where there is one), and writes nothing.
func TestBadModels(t *testing.T) {
	files, err := filepath.Glob("../../testdata/models/bad/*.json")
	if err != nil || len(files) < 10 {
		t.Fatalf("want the negative fixtures, found %d (%v)", len(files), err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "pkg")
			var stdout, stderr bytes.Buffer
			code := Run([]string{"-model", f, "-out", out, "-pkg", "p"}, &stdout, &stderr)
			if code != 1 {
				t.Fatalf("exit %d, want 1; stderr: %s", code, stderr.String())
			}
			msg := strings.TrimSuffix(stderr.String(), "\n")
			if strings.Contains(msg, "\n") || msg == "" {
				t.Errorf("want one line of error, got %q", msg)
			}
			if !strings.Contains(msg, filepath.Base(f)) {
				t.Errorf("error %q does not name the file", msg)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("output folder was created for a bad model")
			}
		})
	}
}

// TestUsage: usage errors exit 2 with the usage line and create nothing; -h and -version
// exit 0 on stdout.
func TestUsage(t *testing.T) {
	model := "../../testdata/models/kitchensink.smithy.json"
	for _, c := range []struct {
		name string
		args []string
		msg  string
	}{
		{"missing flags", []string{"-model", "x.json"}, "-model, -out and -pkg are required"},
		{"argument", []string{"-model", model, "-out", "OUT", "-pkg", "p", "extra"}, `unexpected argument "extra"`},
		{"pkg not an identifier", []string{"-model", model, "-out", "OUT", "-pkg", "not-a-name"}, "-pkg not-a-name: not a Go identifier"},
		{"pkg keyword", []string{"-model", model, "-out", "OUT", "-pkg", "type"}, "-pkg type: a Go keyword cannot be a package name"},
		{"pkg main", []string{"-model", model, "-out", "OUT", "-pkg", "main"}, "-pkg main: a generated package cannot be a command"},
		{"unknown flag", []string{"-model", model, "-out", "OUT", "-pkg", "p", "-nosuch"}, "flag provided but not defined: -nosuch"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "pkg")
			for i, a := range c.args {
				if a == "OUT" {
					c.args[i] = out
				}
			}
			var stdout, stderr bytes.Buffer
			if code := Run(c.args, &stdout, &stderr); code != 2 {
				t.Fatalf("exit %d, want 2; stderr: %s", code, stderr.String())
			}
			if !strings.Contains(stderr.String(), c.msg) || !strings.Contains(stderr.String(), "usage: gen ") {
				t.Errorf("stderr does not say %q and show the usage line:\n%s", c.msg, stderr.String())
			}
			if strings.Contains(stderr.String(), "gen: gen:") {
				t.Errorf("double prefix: %s", stderr.String())
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("the output folder was created")
			}
		})
	}
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"-h"}, &stdout, &stderr); code != 0 {
		t.Fatalf("-h: exit %d", code)
	}
	for _, flag := range []string{"-model", "-out", "-pkg", "-shapes", "-operations", "-nodocs", "-notests", "-check", "-version"} {
		if !strings.Contains(stdout.String(), "usage: gen ") || !strings.Contains(strings.SplitN(stdout.String(), "\n", 2)[0], flag) {
			t.Errorf("-h: the usage line does not list %s:\n%s", flag, stdout.String())
		}
	}
	stdout.Reset()
	if code := Run([]string{"-version"}, &stdout, &stderr); code != 0 || !strings.HasPrefix(stdout.String(), "awsgen (github.com/awsgen/awsgen) ") || !strings.Contains(stdout.String(), "go1.") {
		t.Errorf("-version: exit %d, %q", code, stdout.String())
	}
}

// TestUnknownNames: a name -shapes or -operations does not know fails with exit 1, suggests
// the nearest names, and creates nothing.
func TestUnknownNames(t *testing.T) {
	model := "../../testdata/models/kitchensink.smithy.json"
	for _, c := range []struct{ flag, name, want string }{
		{"-shapes", "getthinginput", `../../testdata/models/kitchensink.smithy.json: -shapes: no shape named "getthinginput" (did you mean GetThingInput?)`},
		{"-shapes", "GetThingInptu", `no shape named "GetThingInptu" (did you mean GetThingInput`},
		{"-operations", "GetThng", `no operation named "GetThng" (did you mean GetThing?)`},
		{"-shapes", "Zzzzzzzzzzzz", `no shape named "Zzzzzzzzzzzz"`},
	} {
		out := filepath.Join(t.TempDir(), "pkg")
		var stdout, stderr bytes.Buffer
		if code := Run([]string{"-model", model, "-out", out, "-pkg", "p", c.flag, c.name}, &stdout, &stderr); code != 1 {
			t.Fatalf("%s %s: exit %d, want 1", c.flag, c.name, code)
		}
		if !strings.Contains(stderr.String(), c.want) || strings.Contains(stderr.String(), "gen: gen:") {
			t.Errorf("%s %s: stderr %q, want it to contain %q", c.flag, c.name, stderr.String(), c.want)
		}
		if c.name == "Zzzzzzzzzzzz" && strings.Contains(stderr.String(), "did you mean") {
			t.Errorf("a suggestion for a name near nothing: %s", stderr.String())
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("%s %s: the output folder was created", c.flag, c.name)
		}
	}
}

// TestLeftOut: a service whose protocol has no codec or client generates its types with a
// note on stderr, and the package doc says so; an awsJson service gets no such note.
func TestLeftOut(t *testing.T) {
	out := filepath.Join(t.TempDir(), "bucketstore")
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"-model", "../../testdata/models/bucketstore.smithy.json", "-out", out, "-pkg", "bucketstore"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if want := "gen: note: protocol restXml is not supported yet: the package has its types, their methods and the Operations table, and no wire codec or client\n"; stderr.String() != want {
		t.Errorf("stderr:\n got %q\nwant %q", stderr.String(), want)
	}
	doc, err := os.ReadFile(filepath.Join(out, "doc.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"// Package bucketstore is the data types of Bucket Store.", "// Not generated: protocol restXml is not supported yet"} {
		if !strings.Contains(string(doc), want) {
			t.Errorf("doc.go does not say %q:\n%s", want, doc)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "client.go")); !os.IsNotExist(err) {
		t.Errorf("client.go generated for a restXml service")
	}
	// The package, which has an error type but no client, builds on its own.
	if err := os.WriteFile(filepath.Join(out, "go.mod"), []byte("module bucketstore\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	vet := exec.Command("go", "vet", ".")
	vet.Dir = out
	if b, err := vet.CombinedOutput(); err != nil {
		t.Errorf("go vet of the package without a client: %v\n%s", err, b)
	}
	stderr.Reset()
	if code := Run([]string{"-model", "../../testdata/models/kitchensink/api-2.json", "-out", t.TempDir(), "-pkg", "p", "-shapes", "GetThingInput"}, &stdout, &stderr); code != 0 || strings.Contains(stderr.String(), "note:") {
		t.Errorf("awsJson: exit %d, stderr %q", code, stderr.String())
	}
}

// TestProvenance: doc.go records the model reference relative to the package folder, the
// model's SHA-256 (computed here), the generator's version and the flags; two runs from
// different working folders give the same bytes.
func TestProvenance(t *testing.T) {
	model, err := filepath.Abs("../../testdata/models/kitchensink.smithy.json")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(model)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	root := t.TempDir()
	out := filepath.Join(root, "a", "ks")
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"-model", model, "-out", out, "-pkg", "ks", "-nodocs", "-shapes", "Secrets"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	doc, err := os.ReadFile(filepath.Join(out, "doc.go"))
	if err != nil {
		t.Fatal(err)
	}
	rel, _ := filepath.Rel(out, model)
	want := "// Code generated by awsgen (github.com/awsgen/awsgen/cmd/gen). DO NOT EDIT.\n" +
		"// versions:\n// \tawsgen " + moduleVersion() + "\n" +
		"// source: " + filepath.ToSlash(rel) + "\n" +
		"// source sha256: " + hex.EncodeToString(sum[:]) + "\n" +
		"// flags: -nodocs=true -pkg=ks -shapes=Secrets\n\n"
	if !strings.HasPrefix(string(doc), want) {
		t.Errorf("doc.go header:\n got %q\nwant %q", doc[:min(len(doc), len(want)+40)], want)
	}
	// The same generation from another working folder, with a relative -model and -out.
	wd, _ := os.Getwd()
	t.Cleanup(func() { os.Chdir(wd) })
	if err := os.Chdir(filepath.Join(root)); err != nil {
		t.Fatal(err)
	}
	relModel, _ := filepath.Rel(root, model)
	if code := Run([]string{"-check", "-model", relModel, "-out", filepath.Join("a", "ks"), "-pkg", "ks", "-nodocs", "-shapes", "Secrets"}, &stdout, &stderr); code != 0 {
		t.Errorf("-check from another folder: exit %d: %s", code, stderr.String())
	}
}

// TestCheck: -check passes on a fresh folder, fails after a file changes or a stale
// generated file appears, and never writes.
func TestCheck(t *testing.T) {
	model := "../../testdata/models/kitchensink.smithy.json"
	dir := filepath.Join(t.TempDir(), "ks")
	var stdout, stderr bytes.Buffer
	args := []string{"-model", model, "-out", dir, "-pkg", "kitchensink"}
	if code := Run(append([]string{"-check"}, args...), &stdout, &stderr); code != 1 {
		t.Fatalf("-check on a missing folder: exit %d, want 1", code)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatal("-check wrote the folder")
	}
	if code := Run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("generate: exit %d: %s", code, stderr.String())
	}
	if code := Run(append([]string{"-check"}, args...), &stdout, &stderr); code != 0 {
		t.Fatalf("-check on a fresh folder: exit %d: %s", code, stderr.String())
	}
	if err := os.WriteFile(filepath.Join(dir, "types.go"), []byte("// Code generated x. DO NOT EDIT.\npackage kitchensink\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	if code := Run(append([]string{"-check"}, args...), &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "stale: ") {
		t.Fatalf("-check after an edit: exit %d, %s", code, stderr.String())
	}
	// A stale generated file is removed by generation and reported by -check.
	extra := filepath.Join(dir, "old.go")
	os.WriteFile(extra, []byte("// Code generated x. DO NOT EDIT.\npackage kitchensink\n"), 0o644)
	hand := filepath.Join(dir, "hand.go")
	os.WriteFile(hand, []byte("package kitchensink\n"), 0o644)
	stderr.Reset()
	if code := Run(append([]string{"-check"}, args...), &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "not generated any more") {
		t.Fatalf("-check with a stale file: exit %d, %s", code, stderr.String())
	}
	if code := Run(args, &stdout, &stderr); code != 0 {
		t.Fatal("regenerate failed")
	}
	if _, err := os.Stat(extra); !os.IsNotExist(err) {
		t.Error("stale generated file survived regeneration")
	}
	if _, err := os.Stat(hand); err != nil {
		t.Error("a hand-written file was removed")
	}
}
