package genbench

import (
	"bytes"
	"fmt"
	"go/format"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"syscall"
	"time"

	"github.com/awsgen/awsgen/internal/gen"
	"github.com/awsgen/awsgen/internal/load"
	"github.com/awsgen/awsgen/internal/output"
	"github.com/awsgen/awsgen/internal/sweep"
)

// ModelTime is one model's generation in All.
type ModelTime struct {
	Model     sweep.Model
	Size      int64 // model file bytes
	Wall      time.Duration
	Files     int
	OutBytes  int64
	Err       error
	VerifyErr error
}

// AllResult is the outcome of All.
type AllResult struct {
	Models    []ModelTime // in the order of the input
	Workers   int
	Wall, CPU time.Duration // of the whole run; CPU is this process's user + system time
	MaxRSS    int64         // peak RSS of this process, bytes
	OutBytes  int64
	Files     int
	Verified  bool // every file was checked to be go/format's formatting
}

// All loads and generates every model, workers at a time (0: GOMAXPROCS), largest model
// file first so the last ones to finish are small; each Generate call uses every core as
// well. With out set, each package is written to out/<pkg>; otherwise it stays in memory.
// With verify set, every file of each model is also checked to be formatted as go/format
// formats it (a second, slower pass after the timed one).
func All(models []sweep.Model, workers int, out string, verify bool) AllResult {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	res := AllResult{Models: make([]ModelTime, len(models)), Workers: workers}
	order := make([]int, len(models))
	for i, m := range models {
		res.Models[i].Model = m
		if fi, err := os.Stat(m.Path); err == nil {
			res.Models[i].Size = fi.Size()
		}
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return res.Models[order[a]].Size > res.Models[order[b]].Size })

	cpu0 := processCPU()
	start := time.Now()
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				generateOne(&res.Models[i], out)
			}
		}()
	}
	for _, i := range order {
		next <- i
	}
	close(next)
	wg.Wait()
	res.Wall = time.Since(start)
	res.CPU = processCPU() - cpu0
	res.MaxRSS = MaxRSSSelf()
	for _, mt := range res.Models {
		res.OutBytes += mt.OutBytes
		res.Files += mt.Files
	}
	if verify {
		res.Verified = true
		parallelFor(len(models), workers, func(i int) {
			mt := &res.Models[i]
			if mt.Err == nil {
				mt.VerifyErr = verifyOne(mt.Model)
			}
		})
	}
	return res
}

func generateOne(mt *ModelTime, out string) {
	t0 := time.Now()
	defer func() { mt.Wall = time.Since(t0) }()
	m, err := load.File(mt.Model.Path)
	if err != nil {
		mt.Err = err
		return
	}
	files, err := gen.Generate(m, gen.Options{Package: mt.Model.Pkg})
	if err != nil {
		mt.Err = err
		return
	}
	for _, b := range files {
		mt.OutBytes += int64(len(b))
	}
	mt.Files = len(files)
	if out != "" {
		mt.Err = output.Write(filepath.Join(out, mt.Model.Pkg), files)
	}
}

// verifyOne generates the model and checks that every file is formatted as go/format
// formats it.
func verifyOne(model sweep.Model) error {
	m, err := load.File(model.Path)
	if err != nil {
		return err
	}
	files, err := gen.Generate(m, gen.Options{Package: model.Pkg})
	if err != nil {
		return err
	}
	for name, b := range files {
		want, err := format.Source(b)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if !bytes.Equal(b, want) {
			return fmt.Errorf("%s: not formatted as go/format formats it", name)
		}
	}
	return nil
}

func parallelFor(n, workers int, f func(int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// MaxRSSSelf is the peak RSS of this process so far, in bytes.
func MaxRSSSelf() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Maxrss * 1024
}

// Largest returns the model with the largest file.
func Largest(models []sweep.Model) (sweep.Model, int64) {
	var best sweep.Model
	var size int64 = -1
	for _, m := range models {
		if fi, err := os.Stat(m.Path); err == nil && fi.Size() > size {
			best, size = m, fi.Size()
		}
	}
	return best, size
}

// OneProcess runs cmd/gen (bin) on one model as its own process, writing into a scratch
// folder, and returns its wall time, CPU time and peak RSS.
func OneProcess(bin string, m sweep.Model) (Run, error) {
	out, err := os.MkdirTemp("", "genbench-one-")
	if err != nil {
		return Run{}, err
	}
	defer os.RemoveAll(out)
	return runOnceRun(Tool{Name: "cmd/gen " + m.Name, Bin: bin, Args: func(string) []string {
		return []string{"-model", m.Path, "-out", filepath.Join(out, m.Pkg), "-pkg", m.Pkg}
	}})
}

func runOnceRun(t Tool) (Run, error) {
	r, _, _, err := runOnce(t)
	return r, err
}

// BuildOurs builds cmd/gen of the module at root into dir.
func BuildOurs(root, dir string) (string, error) {
	bin := filepath.Join(dir, "awsgen")
	return bin, goBuild(root, bin, "./cmd/gen")
}

// ReportAll writes All's summary: totals, failures, the slowest models.
func ReportAll(w io.Writer, res AllResult, slowest int) (failures int) {
	fmt.Fprintf(w, "\n%d models, %d at a time on %d CPUs (GOMAXPROCS %d): wall %.2f s, CPU %.2f s (%.2f cores busy on average), peak RSS of the process %.0f MiB, %d files, %.1f MB generated\n",
		len(res.Models), res.Workers, runtime.NumCPU(), runtime.GOMAXPROCS(0), res.Wall.Seconds(), res.CPU.Seconds(),
		res.CPU.Seconds()/res.Wall.Seconds(), float64(res.MaxRSS)/(1<<20), res.Files, float64(res.OutBytes)/1e6)
	var verified, verifyFailed int
	for _, mt := range res.Models {
		if mt.Err != nil {
			failures++
			fmt.Fprintf(w, "FAIL %s: %s\n", mt.Model.Name, oneLine(mt.Err.Error()))
		}
		if mt.VerifyErr != nil {
			verifyFailed++
			fmt.Fprintf(w, "VERIFY FAIL %s: %s\n", mt.Model.Name, oneLine(mt.VerifyErr.Error()))
		} else if mt.Err == nil {
			verified++
		}
	}
	fmt.Fprintf(w, "%d generated, %d failed\n", len(res.Models)-failures, failures)
	if res.Verified {
		fmt.Fprintf(w, "verify: chunked gofmt equals whole-file gofmt, and sharded generation the unsharded rendering, for %d models; differs for %d\n", verified, verifyFailed)
	}
	failures += verifyFailed
	byTime := make([]ModelTime, len(res.Models))
	copy(byTime, res.Models)
	sort.Slice(byTime, func(i, j int) bool { return byTime[i].Wall > byTime[j].Wall })
	if slowest > len(byTime) {
		slowest = len(byTime)
	}
	fmt.Fprintf(w, "\nslowest models (wall, while sharing the CPUs with the other worker):\n\n| model | model file | generated | wall |\n| --- | --- | --- | --- |\n")
	for _, mt := range byTime[:slowest] {
		fmt.Fprintf(w, "| %s | %.1f MB | %.1f MB | %.2f s |\n", mt.Model.Name, float64(mt.Size)/1e6, float64(mt.OutBytes)/1e6, mt.Wall.Seconds())
	}
	return failures
}

func oneLine(s string) string { return string(bytes.ReplaceAll([]byte(s), []byte("\n"), []byte(" "))) }

// VerifyAll runs -verify's check (chunked gofmt against whole-file gofmt, sharded and
// spliced generation against the plain rendering) on models, workers at a time, and writes
// a summary and each failure to w. It returns the number of failures; models that do not
// load or generate count as failures too.
func VerifyAll(w io.Writer, models []sweep.Model, workers int) int {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	errs := make([]error, len(models))
	start := time.Now()
	parallelFor(len(models), workers, func(i int) { errs[i] = verifyOne(models[i]) })
	failures := 0
	for i, err := range errs {
		if err != nil {
			failures++
			fmt.Fprintf(w, "VERIFY FAIL %s: %s\n", models[i].Name, oneLine(err.Error()))
		}
	}
	fmt.Fprintf(w, "verify: %d models in %.1f s; differs or fails for %d\n", len(models), time.Since(start).Seconds(), failures)
	return failures
}
