package cli

import (
	"bytes"
	"os"
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

func TestUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"-model", "x.json"}, &stdout, &stderr); code != 2 {
		t.Fatalf("missing -out/-pkg: exit %d, want 2", code)
	}
	if code := Run([]string{"-model", "../../testdata/models/kitchensink.smithy.json", "-out", t.TempDir(), "-pkg", "not-a-name"}, &stdout, &stderr); code != 1 {
		t.Fatalf("bad package name: exit %d, want 1", code)
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
