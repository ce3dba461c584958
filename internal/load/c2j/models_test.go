package c2j

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/awsgen/awsgen/internal/testenv"
)

// sdkDir returns the folder of github.com/aws/aws-sdk-go@v1.55.8, which holds the real c2j
// models, downloading it if needed. It skips the test when the module cannot be had,
// unless CI=true.
func sdkDir(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "mod", "download", "-json", "github.com/aws/aws-sdk-go@v1.55.8").Output()
	var mod struct{ Dir, Error string }
	if err == nil {
		err = json.Unmarshal(out, &mod)
	}
	if err == nil && mod.Dir == "" {
		err = errors.New(mod.Error)
	}
	if err != nil {
		testenv.Missing(t, "github.com/aws/aws-sdk-go@v1.55.8 is unavailable: go mod download: %v", err)
	}
	return mod.Dir
}

// sdkModelCount is the number of c2j models (models/apis/*/*/api-2.json) in aws-sdk-go
// v1.55.8, counted once: the pin does not change, so neither may the count.
const sdkModelCount = 384

// TestLoadAllSDKModels loads every c2j model of aws-sdk-go v1 with its docs, and fails unless
// it found all of them.
func TestLoadAllSDKModels(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every c2j model of aws-sdk-go (-short)")
	}
	dir := sdkDir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "models/apis/*/*/api-2.json"))
	if len(files) != sdkModelCount {
		t.Fatalf("found %d c2j models under %s/models/apis, want %d", len(files), dir, sdkModelCount)
	}
	start := time.Now()
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for _, f := range files {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			api, err := os.ReadFile(f)
			if err != nil {
				t.Error(err)
				return
			}
			docs, _ := os.ReadFile(filepath.Join(filepath.Dir(f), "docs-2.json"))
			if _, err := Load(f, api, docs); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	t.Logf("loaded %d c2j models in %v", len(files), time.Since(start))
}
