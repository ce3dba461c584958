// Command genbench measures the generator's speed (internal/genbench); `make bench-gen` runs
// it.
//
//	go run ./cmd/genbench [-n 20] [-phases=true] [-all=true] [-smithy DIR] [-verify]
//
// It builds aws-sdk-go v1's generator (private/model/cli/gen-api, -tags codegen) and ours
// (cmd/gen), times both as whole processes generating the full Cognito Identity Provider
// package from the same api-2.json and docs-2.json, interleaved, and prints the
// side-by-side table; then the phases of our run one by one in-process; then the
// generation (not compilation) of every Smithy model in -smithy, all cores busy, with the
// peak RSS of the largest model generated alone by cmd/gen.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/awsgen/awsgen/internal/genbench"
	"github.com/awsgen/awsgen/internal/sweep"
)

func main() { os.Exit(run()) }

func run() int {
	n := flag.Int("n", 20, "timed runs of each generator")
	warmup := flag.Int("warmup", 2, "untimed runs of each generator first")
	target := flag.Float64("target", 3, "the claim: ours takes at most 1/`X` of v1's mean wall time")
	strict := flag.Bool("strict", false, "exit 1 when the claim does not hold (wall times depend on machine load)")
	sideBySide := flag.Bool("sidebyside", true, "run the side-by-side comparison")
	phases := flag.Bool("phases", true, "time the phases of our Cognito generation in-process")
	phaseTime := flag.Duration("phasetime", 2*time.Second, "minimum time spent on each phase")
	all := flag.Bool("all", true, "generate every Smithy model in -smithy")
	smithy := flag.String("smithy", "../shared/models/smithy", "`DIR` of Smithy JSON AST models for -all")
	workers := flag.Int("j", 0, "models generated at once by -all (0: GOMAXPROCS)")
	outDir := flag.String("out", "", "with -all, write each package under `DIR` (default: keep in memory)")
	verify := flag.Bool("verify", false, "with -all, also check chunked gofmt against whole-file gofmt for every model (slow)")
	flag.Parse()

	root, err := moduleRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "genbench:", err)
		return 1
	}
	tmp, err := os.MkdirTemp("", "genbench-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "genbench:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	status := 0

	var ours string
	if *sideBySide {
		fmt.Println("== side by side: full Cognito Identity Provider package with docs, whole processes")
		tools, err := genbench.Tools(root, tmp, os.Stdout)
		if err != nil {
			fmt.Fprintln(os.Stderr, "genbench:", err)
			return 1
		}
		ours = tools[1].Bin
		for _, t := range tools {
			fmt.Printf("  %s: %s %s\n", t.Name, t.Bin, strings.Join(t.Args("OUT"), " "))
		}
		l0 := genbench.LoadAvg()
		stats, err := genbench.Measure(tools, *n, *warmup)
		if err != nil {
			fmt.Fprintln(os.Stderr, "genbench:", err)
			return 1
		}
		if !genbench.Report(os.Stdout, stats, *target, l0, genbench.LoadAvg()) && *strict {
			status = 1
		}
	}

	if *phases {
		fmt.Println("\n== phases of our Cognito generation, each alone on one goroutine (in-process, after warm-up)")
		path, err := genbench.CognitoPath()
		if err != nil {
			fmt.Fprintln(os.Stderr, "genbench:", err)
			return 1
		}
		ps, err := genbench.Phases(path, "cognitoidp", tmp)
		if err != nil {
			fmt.Fprintln(os.Stderr, "genbench:", err)
			return 1
		}
		var ts []genbench.PhaseTime
		for _, p := range ps {
			t, err := genbench.TimePhase(p, 5, *phaseTime)
			if err != nil {
				fmt.Fprintln(os.Stderr, "genbench:", err)
				return 1
			}
			ts = append(ts, t)
		}
		genbench.ReportPhases(os.Stdout, ts)
	}

	if *all {
		fmt.Printf("\n== every Smithy model in %s: load + generate (no compile), all cores\n", *smithy)
		models, err := sweep.SmithyModels(*smithy)
		if err != nil {
			fmt.Fprintln(os.Stderr, "genbench:", err)
			return 1
		}
		res := genbench.All(models, *workers, *outDir, *verify)
		if genbench.ReportAll(os.Stdout, res, 10) > 0 {
			status = 1
		}
		if ours == "" {
			if ours, err = genbench.BuildOurs(root, tmp); err != nil {
				fmt.Fprintln(os.Stderr, "genbench:", err)
				return 1
			}
		}
		big, size := genbench.Largest(models)
		fmt.Printf("\nlargest model %s (%.1f MB), cmd/gen alone as its own process, 3 runs:\n", big.Name, float64(size)/1e6)
		for range 3 {
			r, err := genbench.OneProcess(ours, big)
			if err != nil {
				fmt.Fprintln(os.Stderr, "genbench:", err)
				return 1
			}
			fmt.Printf("  wall %.2f s, CPU %.2f s, peak RSS %.0f MiB\n", r.Wall.Seconds(), r.CPU.Seconds(), float64(r.MaxRSS)/(1<<20))
		}
	}
	return status
}

// moduleRoot is the folder of the main module's go.mod.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", fmt.Errorf("not inside the awsgen module")
	}
	return strings.TrimSuffix(gomod, "/go.mod"), nil
}
