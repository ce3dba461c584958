// Package genbench measures the generator's speed: side by side with aws-sdk-go v1's own
// generator on the Cognito model (SideBySide), phase by phase in one process (Phases,
// BenchmarkGenerateCognito), and over the whole Smithy model set (All). internal/tools/genbench is its
// command line and `make bench-gen` runs it.
package genbench

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/awsgen/awsgen/internal/modelsrc"
)

// V1Module is the aws-sdk-go v1 release whose generator we compare with; its models/apis
// holds the c2j models, our default input too (models/pins.mk).
const V1Module = "github.com/aws/aws-sdk-go@v1.55.8"

// CognitoAPI is the Cognito Identity Provider model inside V1Module.
const CognitoAPI = "models/apis/cognito-idp/2016-04-18/api-2.json"

// v1GenAPI is v1's generator command inside V1Module; it builds with -tags codegen.
const v1GenAPI = "./private/model/cli/gen-api"

// Tool is one generator command, run as a whole process.
type Tool struct {
	Name string
	Bin  string
	// Args are the arguments for generating into the empty folder out.
	Args func(out string) []string
}

// Tools builds the generators into dir and returns them, each set to generate the full
// Cognito package from the same api-2.json (with its docs-2.json): aws-sdk-go v1's
// gen-api first, then ours (cmd/gen of the module at root), then ours with go/format alone.
func Tools(root, dir string, log io.Writer) ([]Tool, error) {
	modDir, err := modelsrc.ModuleDir(V1Module)
	if err != nil {
		return nil, err
	}
	api := filepath.Join(modDir, filepath.FromSlash(CognitoAPI))
	v1 := filepath.Join(dir, "gen-api")
	if err := buildV1(modDir, v1, dir, log); err != nil {
		return nil, err
	}
	ours := filepath.Join(dir, "awsgen")
	fmt.Fprintf(log, "building ours: go build -o %s ./cmd/gen\n", ours)
	if err := goBuild(root, ours, "./cmd/gen"); err != nil {
		return nil, err
	}
	// The same generator with every file formatted by go/format alone (internal/gofmt's
	// gofmt_std build tag): what the fast formatter is worth.
	std := filepath.Join(dir, "awsgen-gofmt-std")
	fmt.Fprintf(log, "building ours without the fast formatter: go build -tags gofmt_std -o %s ./cmd/gen\n", std)
	if err := goBuild(root, std, "./cmd/gen", "-tags", "gofmt_std"); err != nil {
		return nil, err
	}
	return []Tool{
		{Name: "aws-sdk-go v1 gen-api", Bin: v1, Args: func(out string) []string {
			return []string{"-path", out, api}
		}},
		{Name: "awsgen cmd/gen", Bin: ours, Args: func(out string) []string {
			return []string{"-model", api, "-out", filepath.Join(out, "cognitoidp"), "-pkg", "cognitoidp"}
		}},
		{Name: "awsgen cmd/gen, go/format only", Bin: std, Args: func(out string) []string {
			return []string{"-model", api, "-out", filepath.Join(out, "cognitoidp"), "-pkg", "cognitoidp"}
		}},
	}, nil
}

// buildV1 builds v1's gen-api. The module cache is read-only; when building in place
// fails, the module is copied to a writable folder under tmp and built there.
func buildV1(modDir, bin, tmp string, log io.Writer) error {
	fmt.Fprintf(log, "building aws-sdk-go v1: (cd %s && go build -tags codegen -o %s %s)\n", modDir, bin, v1GenAPI)
	err := goBuild(modDir, bin, v1GenAPI, "-tags", "codegen")
	if err == nil {
		return nil
	}
	fmt.Fprintf(log, "building in the module cache failed (%v); building a writable copy\n", err)
	cp := filepath.Join(tmp, "aws-sdk-go")
	if err := copyTree(modDir, cp); err != nil {
		return err
	}
	return goBuild(cp, bin, v1GenAPI, "-tags", "codegen")
}

func goBuild(dir, bin, pkg string, flags ...string) error {
	args := append([]string{"build"}, flags...)
	args = append(args, "-o", bin, pkg)
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go %s (in %s): %v\n%s", strings.Join(args, " "), dir, err, stderr.Bytes())
	}
	return nil
}

// copyTree copies the files under src to dst, writable.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		t := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(t, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(t, b, 0o644)
	})
}

// Run is one timed run of a tool.
type Run struct {
	Wall, CPU time.Duration // CPU is user + system time of the process
	MaxRSS    int64         // bytes
}

// Stats summarise the runs of one tool.
type Stats struct {
	Tool                       string
	Runs                       []Run
	MeanWall, MinWall, MedWall time.Duration
	MeanCPU, MinCPU            time.Duration
	MaxRSS                     int64
	OutFiles                   int
	OutBytes                   int64
}

// Measure runs every tool warmup times untimed, then n times each, interleaved (the order
// alternates from one round to the next so that neither tool always runs on a machine
// the other has just warmed or loaded). Every run writes into a new empty folder.
func Measure(tools []Tool, n, warmup int) ([]Stats, error) {
	stats := make([]Stats, len(tools))
	for i, t := range tools {
		stats[i].Tool = t.Name
	}
	for round := -warmup; round < n; round++ {
		order := make([]int, len(tools))
		for i := range order {
			order[i] = i
		}
		if round%2 != 0 {
			slices.Reverse(order)
		}
		for _, i := range order {
			r, files, size, err := runOnce(tools[i])
			if err != nil {
				return nil, err
			}
			if round >= 0 {
				stats[i].Runs = append(stats[i].Runs, r)
				stats[i].OutFiles, stats[i].OutBytes = files, size
			}
		}
	}
	for i := range stats {
		stats[i].summarise()
	}
	return stats, nil
}

func runOnce(t Tool) (Run, int, int64, error) {
	out, err := os.MkdirTemp("", "genbench-out-")
	if err != nil {
		return Run{}, 0, 0, err
	}
	defer os.RemoveAll(out)
	cmd := exec.Command(t.Bin, t.Args(out)...)
	var stderr bytes.Buffer
	cmd.Stdout = io.Discard
	cmd.Stderr = &stderr
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return Run{}, 0, 0, fmt.Errorf("%s: %v\n%s", t.Name, err, stderr.Bytes())
	}
	ps := cmd.ProcessState
	r := Run{Wall: wall, CPU: ps.UserTime() + ps.SystemTime()}
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		r.MaxRSS = ru.Maxrss * 1024 // kilobytes on Linux
	}
	files, size := treeSize(out)
	return r, files, size, nil
}

// treeSize counts the .go files under dir and their bytes.
func treeSize(dir string) (int, int64) {
	var n int
	var size int64
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".go") {
			if fi, err := d.Info(); err == nil {
				n++
				size += fi.Size()
			}
		}
		return nil
	})
	return n, size
}

func (s *Stats) summarise() {
	if len(s.Runs) == 0 {
		return
	}
	walls := make([]time.Duration, len(s.Runs))
	var sumW, sumC time.Duration
	s.MinWall, s.MinCPU = s.Runs[0].Wall, s.Runs[0].CPU
	for i, r := range s.Runs {
		walls[i] = r.Wall
		sumW += r.Wall
		sumC += r.CPU
		s.MinWall = min(s.MinWall, r.Wall)
		s.MinCPU = min(s.MinCPU, r.CPU)
		s.MaxRSS = max(s.MaxRSS, r.MaxRSS)
	}
	slices.Sort(walls)
	s.MedWall = walls[len(walls)/2]
	s.MeanWall = sumW / time.Duration(len(s.Runs))
	s.MeanCPU = sumC / time.Duration(len(s.Runs))
}

// LoadAvg is the 1-minute load average, or -1.
func LoadAvg() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return -1
	}
	var l float64
	if _, err := fmt.Sscan(string(b), &l); err != nil {
		return -1
	}
	return l
}

func secs(d time.Duration) string { return fmt.Sprintf("%.3f s", d.Seconds()) }

func ratio(a, b time.Duration) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Report writes the side-by-side table: the first tool is the baseline, and each row's
// ratio is baseline / tool (above 1: the tool is faster). It returns whether every tool
// after the first meets the claim of taking at most 1/target of the baseline's mean wall
// time.
func Report(w io.Writer, stats []Stats, target float64, loadBefore, loadAfter float64) bool {
	fmt.Fprintf(w, "\n%d runs each, interleaved; %d CPUs (GOMAXPROCS %d); load average %.2f before, %.2f after\n",
		len(stats[0].Runs), runtime.NumCPU(), runtime.GOMAXPROCS(0), loadBefore, loadAfter)
	if l := max(loadBefore, loadAfter); l > float64(runtime.NumCPU()) {
		fmt.Fprintf(w, "warning: the load average is above the CPU count: wall times are inflated by other work; CPU times are the steadier measure\n")
	}
	fmt.Fprintf(w, "\n| generator | mean wall | min wall | median wall | mean CPU (user+sys) | peak RSS | output | mean wall ratio | min wall ratio | CPU ratio |\n")
	fmt.Fprintf(w, "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
	base := stats[0]
	ok := true
	for i, s := range stats {
		rw, rm, rc := "1.00x", "1.00x", "1.00x"
		if i > 0 {
			rw = fmt.Sprintf("%.2fx", ratio(base.MeanWall, s.MeanWall))
			rm = fmt.Sprintf("%.2fx", ratio(base.MinWall, s.MinWall))
			rc = fmt.Sprintf("%.2fx", ratio(base.MeanCPU, s.MeanCPU))
			if i == 1 && ratio(base.MeanWall, s.MeanWall) < target {
				ok = false
			}
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %.0f MiB | %d files, %.2f MB | %s | %s | %s |\n",
			s.Tool, secs(s.MeanWall), secs(s.MinWall), secs(s.MedWall), secs(s.MeanCPU),
			float64(s.MaxRSS)/(1<<20), s.OutFiles, float64(s.OutBytes)/1e6, rw, rm, rc)
	}
	fmt.Fprintf(w, "\n(ratio = %s / generator: above 1 means faster than the baseline)\n", base.Tool)
	// The claim is ours; the tools after it are variants, shown for their ratios.
	for _, s := range stats[1:2] {
		verdict := "holds"
		if ratio(base.MeanWall, s.MeanWall) < target {
			verdict = "does NOT hold"
		}
		fmt.Fprintf(w, "claim %q: %s (mean wall %s vs %s / %g = %s; min wall %.2fx, CPU %.2fx)\n",
			fmt.Sprintf("%s is at least %gx as fast as %s", s.Tool, target, base.Tool), verdict,
			secs(s.MeanWall), secs(base.MeanWall), target, secs(time.Duration(float64(base.MeanWall)/target)),
			ratio(base.MinWall, s.MinWall), ratio(base.MeanCPU, s.MeanCPU))
	}
	return ok
}
