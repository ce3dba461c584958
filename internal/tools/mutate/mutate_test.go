package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTableWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range table {
		if m.ID == "" || seen[m.ID] {
			t.Errorf("missing or repeated ID %q", m.ID)
		}
		seen[m.ID] = true
		if m.File == "" || m.Bug == "" || len(m.Edits) == 0 || len(m.Tests) == 0 {
			t.Errorf("%s: file, bug, edits and tests are all needed", m.ID)
		}
		for _, e := range m.Edits {
			if e.Old == "" || e.Old == e.New {
				t.Errorf("%s: an edit must change a non-empty snippet", m.ID)
			}
		}
		for _, s := range m.Tests {
			for _, p := range s.Pkgs {
				if !strings.HasPrefix(p, "./") {
					t.Errorf("%s: package %q is not relative", m.ID, p)
				}
			}
			if strings.Contains(s.Run+s.Skip, "TestGolden") && s.Skip == "" {
				t.Errorf("%s: a golden comparison would judge the mutant", m.ID)
			}
		}
	}
}

func TestApply(t *testing.T) {
	m := mutation{ID: "x", File: "f.go", Edits: []edit{{Old: "b := 2", New: "b := 3"}, {Old: "c", New: "C"}}}
	got, line, err := m.apply([]byte("a := 1\nb := 2\nc\n"))
	if err != nil || string(got) != "a := 1\nb := 3\nC\n" || line != 2 {
		t.Errorf("apply = %q, line %d, %v", got, line, err)
	}
	m.Or = []edit{{Old: "old form", New: "new form"}}
	if got, _, err := m.apply([]byte("x old form y")); err != nil || string(got) != "x new form y" {
		t.Errorf("apply with Or = %q, %v", got, err)
	}
	m.Or = nil
	for _, src := range []string{"a\n", "b := 2\nb := 2\nc\n"} {
		if _, _, err := m.apply([]byte(src)); err == nil {
			t.Errorf("apply to %q: no error for a snippet missing or repeated", src)
		}
	}
}

func TestRestoreTree(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, s string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.go", "A")
	write("sub/b.go", "B")
	want, err := readTree(dir)
	if err != nil {
		t.Fatal(err)
	}
	write("a.go", "changed")
	write("sub/new.go", "new")
	if err := os.Remove(filepath.Join(dir, "sub/b.go")); err != nil {
		t.Fatal(err)
	}
	if err := restoreTree(dir, want); err != nil {
		t.Fatal(err)
	}
	got, err := readTree(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("restored %d files, want %d", len(got), len(want))
	}
	for p, b := range want {
		if string(got[p]) != string(b) {
			t.Errorf("%s = %q, want %q", p, got[p], b)
		}
	}
}

// TestRunRestores applies a mutation whose only test package is absent: no verdict, and the
// file is back to its bytes.
func TestRunRestores(t *testing.T) {
	root := t.TempDir()
	src := "package p\n\nconst x = 1\n"
	path := filepath.Join(root, "p", "p.go")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := newGenRunner(config{}, root)
	if err != nil {
		t.Fatal(err)
	}
	m := mutation{ID: "m", File: "p/p.go", Edits: []edit{{Old: "x = 1", New: "x = 2"}},
		Tests: []step{{Pkgs: []string{"./absent"}}}}
	res := g.run(context.Background(), m)
	if res.Status != noVerdict || !res.Restored || res.Line != 3 {
		t.Errorf("run = %+v, want no verdict, restored, line 3", res)
	}
	if b, _ := os.ReadFile(path); string(b) != src {
		t.Errorf("file after run: %q", b)
	}
	if res := g.run(context.Background(), mutation{ID: "s", File: "p/p.go", Edits: []edit{{Old: "nowhere", New: "x"}}}); res.Status != stale {
		t.Errorf("a missing snippet gives %s, want %s", res.Status, stale)
	}
}

func TestTopLevel(t *testing.T) {
	if got := topLevel("TestA TestA/sub TestB github.com/x/y"); strings.Join(got, ",") != "TestA,TestB" {
		t.Errorf("topLevel = %v", got)
	}
	if got := topLevel("[build failed] github.com/x/y"); got != nil {
		t.Errorf("a build failure gives %v", got)
	}
	if got := joinSkip("TestGolden", []string{"TestA", "TestB"}); got != "TestGolden|^(TestA|TestB)$" {
		t.Errorf("joinSkip = %q", got)
	}
}

// TestTableApplies: every mutation applies to the tree as it is, so that an emitter rewrite
// that moves a mutated line makes the table fail here and not silently in make mutate.
func TestTableApplies(t *testing.T) {
	for _, m := range table {
		src, err := os.ReadFile(filepath.Join("..", "..", "..", m.File))
		if err != nil {
			t.Errorf("%s: %v", m.ID, err)
			continue
		}
		if _, _, err := applyEdits(m.File, m.Edits, src); err != nil {
			t.Errorf("%s: %v (update table.go)", m.ID, err)
		}
	}
}
