// Package output writes a generated file set to a folder, or checks a folder against it.
// Both are thin layers over the in-memory result of gen.Generate.
package output

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// generatedPrefix marks files that the generator owns in an output folder.
const generatedPrefix = "// Code generated "

// Write makes dir hold exactly files, as far as generated files go: each file is written to
// a temporary name and renamed into place, and generated files that are no longer produced
// are removed. Files without the generated-code header are left alone. A failure leaves the
// old tree whole.
func Write(dir string, files map[string][]byte) error {
	st, err := Begin(dir)
	if err != nil {
		return err
	}
	// The files are written on all cores; the first error, in name order, is reported.
	names := sortedKeys(files)
	errs := make([]error, len(names))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(names); i = int(next.Add(1) - 1) {
				errs[i] = st.Add(names[i], files[names[i]])
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			st.Abort()
			return err
		}
	}
	return st.Commit()
}

// Stage is Write in steps, for files that come one by one: Add writes a file under a
// temporary name in the folder as soon as it is given, Commit renames them all into place
// and removes the generated files not added, and Abort removes what was written, leaving
// the old tree whole.
type Stage struct {
	dir   string
	stale map[string][]byte

	mu   sync.Mutex
	tmps map[string]string // file name to temporary path
	done bool
}

// Begin starts a Stage on dir, creating it if need be.
func Begin(dir string) (*Stage, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	stale, err := generatedFiles(dir)
	if err != nil {
		return nil, err
	}
	return &Stage{dir: dir, stale: stale, tmps: map[string]string{}}, nil
}

// Add writes the file name with data under a temporary name. It may be called from several
// goroutines at once, once per name.
func (s *Stage) Add(name string, data []byte) error {
	if name == "" || strings.ContainsAny(name, `/\`) || name == "." || name == ".." {
		return fmt.Errorf("output: bad file name %q", name)
	}
	s.mu.Lock()
	_, dup := s.tmps[name]
	if !dup {
		s.tmps[name] = ""
	}
	done := s.done
	s.mu.Unlock()
	switch {
	case done:
		return fmt.Errorf("output: %s added after the stage ended", name)
	case dup:
		return fmt.Errorf("output: %s added twice", name)
	}
	tmp, err := writeTemp(s.dir, name, data)
	s.mu.Lock()
	s.tmps[name] = tmp
	s.mu.Unlock()
	return err
}

// Commit renames the files added into place, in name order, and removes the generated
// files of the folder that were not added. It must not run while an Add does.
func (s *Stage) Commit() error {
	s.mu.Lock()
	s.done = true
	s.mu.Unlock()
	names := sortedKeys(s.tmps)
	for i, name := range names {
		if err := os.Rename(s.tmps[name], filepath.Join(s.dir, name)); err != nil {
			for _, n := range names[i:] {
				os.Remove(s.tmps[n])
			}
			return err
		}
		delete(s.stale, name)
	}
	for _, name := range sortedKeys(s.stale) {
		if err := os.Remove(filepath.Join(s.dir, name)); err != nil {
			return err
		}
	}
	return nil
}

// Abort removes the files added; the folder is left as it was. It must not run while an
// Add does.
func (s *Stage) Abort() {
	s.mu.Lock()
	s.done = true
	s.mu.Unlock()
	for _, tmp := range s.tmps {
		if tmp != "" {
			os.Remove(tmp)
		}
	}
}

// writeTemp writes data to a new temporary file in dir for the file name, mode 0644, and
// returns its path ("" when it could not be created).
func writeTemp(dir, name string, data []byte) (string, error) {
	f, err := os.CreateTemp(dir, "."+name+".tmp-*")
	if err != nil {
		return "", err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return f.Name(), err
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return f.Name(), err
	}
	return f.Name(), f.Close()
}

// Check compares dir with files and returns one line per difference; none means up to date.
func Check(dir string, files map[string][]byte) ([]string, error) {
	existing, err := generatedFiles(dir)
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	var diffs []string
	for _, name := range sortedKeys(files) {
		got, err := os.ReadFile(filepath.Join(dir, name))
		switch {
		case os.IsNotExist(err):
			diffs = append(diffs, "missing: "+filepath.Join(dir, name))
		case err != nil:
			return nil, err
		case !bytes.Equal(got, files[name]):
			diffs = append(diffs, "stale: "+filepath.Join(dir, name))
		}
		delete(existing, name)
	}
	for _, name := range sortedKeys(existing) {
		diffs = append(diffs, "not generated any more: "+filepath.Join(dir, name))
	}
	return diffs, nil
}

// generatedFiles lists the .go files in dir that carry the generated-code header.
func generatedFiles(dir string) (map[string][]byte, error) {
	out := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return out, err
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		if bytes.HasPrefix(b, []byte(generatedPrefix)) {
			out[e.Name()] = nil
		}
	}
	return out, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
