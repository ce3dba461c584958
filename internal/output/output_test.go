package output

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

func gen(body string) []byte {
	return []byte(generatedPrefix + "by test. DO NOT EDIT.\n\npackage p\n" + body)
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// Write makes the folder hold exactly the files: new ones written with mode 0644, changed
// ones replaced, generated ones no longer produced removed, hand-written ones kept, and no
// temporary file left behind.
func TestWrite(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{}
	for i := range 30 {
		files[fmt.Sprintf("f%02d.go", i)] = gen(strings.Repeat("// line\n", i*100))
	}
	files["stale.go"] = gen("")
	if err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "hand.go"), []byte("package p\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	delete(files, "stale.go")
	files["f03.go"] = gen("var changed = 1\n")
	if err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	want := []string{"hand.go"}
	for name := range files {
		want = append(want, name)
	}
	slices.Sort(want)
	if got := listDir(t, dir); !slices.Equal(got, want) {
		t.Errorf("folder holds %v, want %v", got, want)
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		got, err := os.ReadFile(p)
		if err != nil || string(got) != string(data) {
			t.Errorf("%s: %v, %d bytes, want %d", name, err, len(got), len(data))
		}
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v (%v), want 0644", name, fi.Mode().Perm(), err)
		}
	}
	if diffs, err := Check(dir, files); err != nil || len(diffs) != 0 {
		t.Errorf("Check after Write: %v, %v", diffs, err)
	}
	files["f04.go"] = gen("var other = 2\n")
	files["new.go"] = gen("")
	diffs, err := Check(dir, files)
	if err != nil || !slices.Equal(diffs, []string{"stale: " + filepath.Join(dir, "f04.go"), "missing: " + filepath.Join(dir, "new.go")}) {
		t.Errorf("Check: %q, %v", diffs, err)
	}
}

// A failed Write leaves the folder as it was.
func TestWriteFailureLeavesTree(t *testing.T) {
	dir := t.TempDir()
	old := map[string][]byte{"a.go": gen("var a = 1\n")}
	if err := Write(dir, old); err != nil {
		t.Fatal(err)
	}
	bad := map[string][]byte{"a.go": gen("var a = 2\n"), "sub/b.go": gen("")}
	if err := Write(dir, bad); err == nil || !strings.Contains(err.Error(), "bad file name") {
		t.Fatalf("Write with a bad name: %v", err)
	}
	// A folder that is a file: nothing can be written into it.
	if err := Write(filepath.Join(dir, "a.go"), old); err == nil {
		t.Fatal("Write into a file succeeded")
	}
	if got := listDir(t, dir); !slices.Equal(got, []string{"a.go"}) {
		t.Errorf("folder holds %v after failures", got)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "a.go")); string(got) != string(old["a.go"]) {
		t.Errorf("a.go changed by a failed Write: %q", got)
	}
}

// A Stage takes files from several goroutines, puts them in place only on Commit, and
// leaves the folder as it was on Abort.
func TestStage(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, map[string][]byte{"old.go": gen(""), "keep.go": gen("var k = 1\n")}); err != nil {
		t.Fatal(err)
	}
	st, err := Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			if err := st.Add(fmt.Sprintf("f%d.go", i), gen(fmt.Sprintf("var v%d = 1\n", i))); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if err := st.Add("f0.go", gen("")); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("a second Add of a name: %v", err)
	}
	if got := listDir(t, dir); slices.Contains(got, "f0.go") {
		t.Errorf("a file is in place before Commit: %v", got)
	}
	if err := st.Add("keep.go", gen("var k = 2\n")); err != nil {
		t.Fatal(err)
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := st.Add("late.go", gen("")); err == nil {
		t.Error("Add after Commit succeeded")
	}
	want := []string{"f0.go", "f1.go", "f2.go", "f3.go", "f4.go", "f5.go", "f6.go", "f7.go", "keep.go"}
	if got := listDir(t, dir); !slices.Equal(got, want) {
		t.Errorf("after Commit: %v, want %v", got, want)
	}

	st, err = Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Add("keep.go", gen("var k = 3\n")); err != nil {
		t.Fatal(err)
	}
	if err := st.Add("new.go", gen("")); err != nil {
		t.Fatal(err)
	}
	st.Abort()
	if got := listDir(t, dir); !slices.Equal(got, want) {
		t.Errorf("after Abort: %v, want %v", got, want)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "keep.go")); string(b) != string(gen("var k = 2\n")) {
		t.Errorf("Abort changed keep.go: %q", b)
	}
}
