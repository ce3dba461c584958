// Package modelsrc resolves model references. A plain path is a file; a reference of the form
// "gomod:MODULE@VERSION/PATH" names a file inside a Go module, fetched through the module
// proxy by `go mod download`, which verifies its checksum against the checksum database.
// AWS's model files are never committed to this repository; they are fetched this way.
package modelsrc

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// Prefix starts a module reference.
const Prefix = "gomod:"

// Resolve returns the local path of ref, downloading its module when needed.
func Resolve(ref string) (string, error) {
	if !strings.HasPrefix(ref, Prefix) {
		return ref, nil
	}
	spec := strings.TrimPrefix(ref, Prefix)
	at := strings.Index(spec, "@")
	if at < 0 {
		return "", fmt.Errorf("model %q: want gomod:MODULE@VERSION/PATH", ref)
	}
	slash := strings.Index(spec[at:], "/")
	if slash < 0 {
		return "", fmt.Errorf("model %q: want gomod:MODULE@VERSION/PATH", ref)
	}
	mod, file := spec[:at+slash], spec[at+slash+1:]
	dir, err := ModuleDir(mod)
	if err != nil {
		return "", fmt.Errorf("model %q: %w", ref, err)
	}
	return filepath.Join(dir, filepath.FromSlash(file)), nil
}

// ModuleDir downloads MODULE@VERSION (checksum-verified) and returns its folder.
func ModuleDir(modVersion string) (string, error) {
	out, err := exec.Command("go", "mod", "download", "-json", modVersion).Output()
	var info struct{ Dir, Error string }
	if jerr := json.Unmarshal(out, &info); jerr != nil || info.Error != "" || info.Dir == "" {
		if info.Error != "" {
			return "", fmt.Errorf("go mod download %s: %s", modVersion, info.Error)
		}
		if err != nil {
			return "", fmt.Errorf("go mod download %s: %w", modVersion, err)
		}
		return "", fmt.Errorf("go mod download %s: no folder in its answer", modVersion)
	}
	return info.Dir, nil
}
