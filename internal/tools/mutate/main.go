// Command mutate is the project's mutation testing (`make mutate`): gremlins over the
// runtime (templates/rt) and the internal packages whose own tests judge them, and a table
// of generator mutations (table.go) for the emitters, whose changes show only in generated
// code.
//
//	go run ./internal/tools/mutate [-parts rt,names,...,gen] [-only ID,...] [-workers 2] [-work DIR]
//	go run ./internal/tools/mutate -list      # the generator table, and stale snippets
//	go run ./internal/tools/mutate -report    # rewrite the report from the last results
//
// Nothing is mutated in the checkout: each kind of part works in its own copy of the tracked
// (and untracked, unignored) files under -work, made afresh at the start. gremlins is
// installed with go install into -work/bin, so it never enters go.mod. The report goes to
// -work/report.txt (survivors with file:line and type), a summary to stdout.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

type config struct {
	repo, work, out, tmp string
	rev                  string
	workers, procs       int
	vetOnly              bool
	minTimeout           time.Duration
	stepTimeout          time.Duration
}

func main() { os.Exit(run()) }

// source names what is measured, for the report.
func (c config) source() string {
	if c.rev != "" {
		return "commit " + c.rev
	}
	return "working tree"
}

func run() int {
	var cfg config
	flag.StringVar(&cfg.repo, "repo", ".", "the checkout to measure (only read)")
	flag.StringVar(&cfg.rev, "rev", "", "measure this commit of -repo (git archive) instead of its working tree")
	flag.StringVar(&cfg.work, "work", "/tmp/awsgen-mutate", "work folder: copies, results, report")
	parts := flag.String("parts", "", "comma-separated parts to run (default: all but -full ones): "+strings.Join(partNames(), ","))
	only := flag.String("only", "", "comma-separated generator mutation IDs (default all)")
	flag.IntVar(&cfg.workers, "workers", 2, "gremlins workers (mutants tested at once)")
	flag.IntVar(&cfg.procs, "procs", 0, "GOMAXPROCS for every go command and test (0: unset)")
	full := flag.Bool("full", false, "also run the parts a habit run leaves out (rt-decode-rest)")
	flag.DurationVar(&cfg.minTimeout, "min-timeout", 60*time.Second, "least time a gremlins mutant's test run gets")
	flag.DurationVar(&cfg.stepTimeout, "step-timeout", 10*time.Minute, "go test -timeout of a generator mutant's step")
	list := flag.Bool("list", false, "print the generator table and check its snippets in -repo; run nothing")
	flag.BoolVar(&cfg.vetOnly, "vet", false, "apply each generator mutation, regenerate, and only go vet the output (no tests)")
	reportOnly := flag.Bool("report", false, "rewrite the report from the results in -work; run nothing")
	flag.Parse()

	var err error
	if cfg.repo, err = filepath.Abs(cfg.repo); err != nil {
		return fail(err)
	}
	if cfg.work, err = filepath.Abs(cfg.work); err != nil {
		return fail(err)
	}
	cfg.out = filepath.Join(cfg.work, "results")
	cfg.tmp = filepath.Join(cfg.work, "tmp")

	if *list {
		return listTable(cfg.repo)
	}
	if *reportOnly {
		return writeReport(cfg)
	}

	var want []string
	for _, p := range gremlinsParts {
		if !p.Full || *full {
			want = append(want, p.Name)
		}
	}
	want = append(want, "gen")
	if *parts != "" {
		want = strings.Split(*parts, ",")
		for _, w := range want {
			if !slices.Contains(partNames(), w) {
				return fail(fmt.Errorf("unknown part %q (known: %s)", w, strings.Join(partNames(), ",")))
			}
		}
	}
	muts := table
	if *only != "" {
		muts = nil
		for _, id := range strings.Split(*only, ",") {
			i := slices.IndexFunc(table, func(m mutation) bool { return m.ID == id })
			if i < 0 {
				return fail(fmt.Errorf("no generator mutation %q", id))
			}
			muts = append(muts, table[i])
		}
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.RemoveAll(cfg.tmp) // gremlins' folders left by a killed run
	defer os.RemoveAll(cfg.tmp)
	for _, d := range []string{cfg.out, cfg.tmp} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return fail(err)
		}
	}

	status := 0
	var gparts []gremlinsPart
	for _, p := range gremlinsParts {
		if slices.Contains(want, p.Name) {
			gparts = append(gparts, p)
		}
	}
	if len(gparts) > 0 {
		root := filepath.Join(cfg.work, "gremlins", "main")
		n, err := snapshot(ctx, cfg.repo, root, cfg.rev, false)
		if err != nil {
			return fail(err)
		}
		fmt.Printf("gremlins: copied %d files to %s\n", n, root)
		bin, err := installGremlins(ctx, filepath.Join(cfg.work, "bin"))
		if err != nil {
			return fail(err)
		}
		for _, p := range gparts {
			fmt.Printf("gremlins: %s (%s) ...\n", p.Name, p.Dir)
			res := runGremlins(ctx, cfg, bin, root, p)
			if err := save(cfg, res); err != nil {
				return fail(err)
			}
			if res.Error != "" {
				fmt.Fprintf(os.Stderr, "gremlins %s: %s\n", p.Name, res.Error)
				status = 1
			}
			fmt.Printf("gremlins: %s done in %s\n", p.Name, res.Elapsed.Round(time.Second))
			if ctx.Err() != nil {
				return 130
			}
		}
	}
	if slices.Contains(want, "gen") {
		if s := runGen(ctx, cfg, muts); s != 0 {
			status = s
		}
		if ctx.Err() != nil {
			return 130
		}
	}
	if cfg.vetOnly {
		return status
	}
	if s := writeReport(cfg); s != 0 {
		status = s
	}
	return status
}

func runGen(ctx context.Context, cfg config, muts []mutation) int {
	root := filepath.Join(cfg.work, "gen", "main")
	n, err := snapshot(ctx, cfg.repo, root, cfg.rev, true)
	if err != nil {
		return fail(err)
	}
	fmt.Printf("gen: copied %d files to %s\n", n, root)
	res := partResult{Kind: "gen", Name: "gen", Source: cfg.source(), Started: time.Now()}
	g, err := newGenRunner(cfg, root)
	if err != nil {
		return fail(err)
	}
	if cfg.vetOnly {
		if err := g.freshen(ctx); err != nil {
			return fail(err)
		}
	} else {
		fmt.Println("gen: baseline (each step once, unmutated) ...")
		res.Baseline = g.baseline(ctx, muts)
		for _, b := range res.Baseline {
			fmt.Printf("gen: baseline %s %s ok=%t %s\n", b.Elapsed.Round(time.Second), b.Step, b.OK, firstLine(b.Detail))
		}
	}
	status := 0
	for _, m := range muts {
		if ctx.Err() != nil {
			break
		}
		r := g.run(ctx, m)
		fmt.Printf("gen: %-22s %-10s %s %s\n", m.ID, r.Status, r.Elapsed.Round(time.Second), firstLine(r.Detail))
		if !r.Restored && r.Status != stale {
			fmt.Fprintf(os.Stderr, "gen: %s: %s\n", m.ID, r.Detail)
			return 1
		}
		if r.Status == stale {
			status = 1
		}
		res.Gen = append(res.Gen, r)
	}
	for p := range g.absent {
		res.Note += "absent from the copy: " + p + "; "
	}
	res.Elapsed = time.Since(res.Started)
	if cfg.vetOnly {
		return status
	}
	if err := save(cfg, res); err != nil {
		return fail(err)
	}
	return status
}

func partNames() []string {
	var n []string
	for _, p := range gremlinsParts {
		n = append(n, p.Name)
	}
	return append(n, "gen")
}

func save(cfg config, r partResult) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(cfg.out, r.Name+".json"), b, 0o644)
}

func fail(err error) int {
	fmt.Fprintln(os.Stderr, "mutate:", err)
	return 1
}

// listTable prints the generator table and reports snippets that no longer occur exactly
// once in repo.
func listTable(repo string) int {
	status := 0
	for _, m := range table {
		state := "ok"
		b, err := os.ReadFile(filepath.Join(repo, m.File))
		line := 0
		if err == nil {
			_, line, err = m.apply(b)
		}
		if err != nil {
			state, status = "STALE: "+err.Error(), 1
		}
		fmt.Printf("%-22s %s:%d %s\n    bug: %s\n", m.ID, m.File, line, state, m.Bug)
		for _, s := range m.Tests {
			fmt.Printf("    - %s\n", s)
		}
	}
	return status
}
