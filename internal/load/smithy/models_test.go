package smithy

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/awsgen/awsgen/internal/testenv"
)

// sharedModels is where the project keeps the real AWS Smithy models, beside the root.
const sharedModels = "../../../../shared/models/smithy"

// sharedModelCount is the number of Smithy models in sharedModels (aws/api-models-aws at
// 56c8953, see models/pins.mk).
const sharedModelCount = 402

// TestLoadAllSharedModels loads every real AWS model: the loader must accept all of them,
// and all of them must be there.
func TestLoadAllSharedModels(t *testing.T) {
	if _, err := os.Stat(sharedModels); err != nil {
		testenv.Missing(t, "%s is absent: %v", sharedModels, err)
	}
	files, _ := filepath.Glob(filepath.Join(sharedModels, "*.json"))
	if len(files) != sharedModelCount {
		t.Fatalf("found %d models under %s, want %d", len(files), sharedModels, sharedModelCount)
	}
	start := time.Now()
	jobs := make(chan string)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var ops, shapes int
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				data, err := os.ReadFile(f)
				if err != nil {
					t.Error(err)
					continue
				}
				m, err := Load(f, data)
				if err != nil {
					t.Errorf("%v", err)
					continue
				}
				if m.Service == nil || m.Service.Protocol == "" || len(m.Operations) == 0 {
					t.Errorf("%s: no service, protocol or operations", f)
				}
				mu.Lock()
				ops += len(m.Operations)
				shapes += len(m.Shapes)
				mu.Unlock()
			}
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	t.Logf("loaded %d models (%d operations, %d shapes) in %v", len(files), ops, shapes, time.Since(start))
}
