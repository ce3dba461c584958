package genbench

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/awsgen/awsgen/internal/gen"
	"github.com/awsgen/awsgen/internal/load"
	"github.com/awsgen/awsgen/internal/load/c2j"
	"github.com/awsgen/awsgen/internal/modelsrc"
	"github.com/awsgen/awsgen/internal/names"
	"github.com/awsgen/awsgen/internal/output"
)

// CognitoPath resolves the Cognito api-2.json in V1Module (downloaded, checksum-verified).
func CognitoPath() (string, error) {
	return modelsrc.Resolve("gomod:" + V1Module + "/" + CognitoAPI)
}

// Phase is one phase of a cmd/gen run, timed alone on one goroutine.
type Phase struct {
	Name, What string
	// Run runs the phase once; the phases before it ran in Setup.
	Run func() error
}

// Phases sets up the phases of generating the c2j model at path (with its docs-2.json) as
// package pkg into a scratch folder under tmp, in pipeline order (load, names, generate,
// write), followed by "cmd/gen in-process", everything from reading the files to writing.
func Phases(path, pkg, tmp string) ([]Phase, error) {
	api, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	docs, err := os.ReadFile(load.DocsPath(path))
	if err != nil {
		return nil, err
	}
	m, err := c2j.Load(path, api, docs)
	if err != nil {
		return nil, err
	}
	if err := names.Assign(m); err != nil {
		return nil, err
	}
	opt := gen.Options{Package: pkg}
	files, err := gen.Generate(m, opt)
	if err != nil {
		return nil, err
	}
	out := filepath.Join(tmp, pkg)
	return []Phase{
		{"load", "read api-2.json + docs-2.json, gjson to IR (c2j.Load)", func() error {
			api, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			docs, err := os.ReadFile(load.DocsPath(path))
			if err != nil {
				return err
			}
			_, err = c2j.Load(path, api, docs)
			return err
		}},
		{"names", "Go names (names.Assign)", func() error { return names.Assign(m) }},
		{"generate", "gen.Generate: emitters, jennifer, internal/gofmt, templates, files concurrently", func() error {
			_, err := gen.Generate(m, opt)
			return err
		}},
		{"write", "output.Write of the package", func() error { return output.Write(out, files) }},
		{"cmd/gen in-process", "load + names + generate + write", func() error {
			m, err := load.File(path)
			if err != nil {
				return err
			}
			files, err := gen.Generate(m, opt)
			if err != nil {
				return err
			}
			return output.Write(out, files)
		}},
	}, nil
}

// PhaseTime is a phase's measurement: per run, the mean and minimum wall time and the mean
// CPU time of the whole process (user + system, including the garbage collector's workers).
type PhaseTime struct {
	Phase
	Runs                   int
	MeanWall, MinWall, CPU time.Duration
}

// TimePhase runs p at least n times and for at least d.
func TimePhase(p Phase, n int, d time.Duration) (PhaseTime, error) {
	if err := p.Run(); err != nil { // warm up
		return PhaseTime{}, fmt.Errorf("%s: %w", p.Name, err)
	}
	t := PhaseTime{Phase: p}
	cpu0 := processCPU()
	start := time.Now()
	for t.Runs < n || time.Since(start) < d {
		t0 := time.Now()
		if err := p.Run(); err != nil {
			return t, fmt.Errorf("%s: %w", p.Name, err)
		}
		w := time.Since(t0)
		if t.Runs == 0 || w < t.MinWall {
			t.MinWall = w
		}
		t.Runs++
	}
	t.MeanWall = time.Since(start) / time.Duration(t.Runs)
	t.CPU = (processCPU() - cpu0) / time.Duration(t.Runs)
	return t, nil
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// ReportPhases writes the phase table. The share column is of the sum of the phases from
// load to write, by CPU time.
func ReportPhases(w io.Writer, ts []PhaseTime) {
	var sum time.Duration
	for _, t := range ts {
		if !isAggregate(t.Name) {
			sum += t.CPU
		}
	}
	fmt.Fprintf(w, "\n| phase | what | runs | mean wall | min wall | CPU | share of CPU |\n| --- | --- | --- | --- | --- | --- | --- |\n")
	for _, t := range ts {
		share := ""
		if !isAggregate(t.Name) && sum > 0 {
			share = fmt.Sprintf("%.0f%%", 100*float64(t.CPU)/float64(sum))
		}
		fmt.Fprintf(w, "| %s | %s | %d | %.1f ms | %.1f ms | %.1f ms | %s |\n", t.Name, t.What, t.Runs,
			ms(t.MeanWall), ms(t.MinWall), ms(t.CPU), share)
	}
	fmt.Fprintf(w, "| sum of phases | one core, no overlap | | | | %.1f ms | 100%% |\n", ms(sum))
}

func isAggregate(name string) bool { return name == "generate" || name == "cmd/gen in-process" }

func ms(d time.Duration) float64 { return float64(d) / 1e6 }
