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
// are removed. Files without the generated-code header are left alone.
func Write(dir string, files map[string][]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	stale, err := generatedFiles(dir)
	if err != nil {
		return err
	}
	// Write everything under temporary names first, so a failure leaves the old tree whole.
	// The files are written on all cores; the first error, in name order, is reported.
	names := sortedKeys(files)
	for _, name := range names {
		if strings.ContainsAny(name, `/\`) {
			return fmt.Errorf("output: bad file name %q", name)
		}
	}
	tmps := make([]string, len(names))
	defer func() {
		for _, t := range tmps {
			if t != "" {
				os.Remove(t)
			}
		}
	}()
	errs := make([]error, len(names))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(names); i = int(next.Add(1) - 1) {
				tmps[i], errs[i] = writeTemp(dir, names[i], files[names[i]])
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	for i, name := range names {
		if err := os.Rename(tmps[i], filepath.Join(dir, name)); err != nil {
			return err
		}
		delete(stale, name)
	}
	tmps = nil
	for _, name := range sortedKeys(stale) {
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	return nil
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
