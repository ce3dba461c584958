package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// gremlinsModule is the mutation tester, installed into the work folder with go install so
// that it never enters this module's go.mod.
const gremlinsModule = "github.com/go-gremlins/gremlins/cmd/gremlins@v0.6.0"

// gremlinsTypes are gremlins' mutant types, with the ones it enables by default.
var gremlinsTypes = []struct {
	name, flag string
	byDefault  bool
}{
	{"ARITHMETIC_BASE", "arithmetic-base", true},
	{"CONDITIONALS_BOUNDARY", "conditionals-boundary", true},
	{"CONDITIONALS_NEGATION", "conditionals-negation", true},
	{"INCREMENT_DECREMENT", "increment-decrement", true},
	{"INVERT_NEGATIVES", "invert-negatives", true},
	{"INVERT_ASSIGNMENTS", "invert-assignments", false},
	{"INVERT_BITWISE", "invert-bitwise", false},
	{"INVERT_BWASSIGN", "invert-bwassign", false},
	{"INVERT_LOGICAL", "invert-logical", false},
	{"INVERT_LOOPCTRL", "invert-loopctrl", false},
	{"REMOVE_SELF_ASSIGNMENTS", "remove-self-assignments", false},
}

// gremlinsPart is one gremlins run: a package folder (walked recursively; each mutant is
// tested with its own package's tests only).
type gremlinsPart struct {
	Name    string
	Dir     string   // repo-relative package folder
	Skip    string   // go test -skip for every run (coverage and mutants), see Note
	Exclude []string // file regexps, relative to Dir, left unmutated
	Types   []string // mutant types; nil: gremlins' defaults
	Note    string   // why the part is restricted, for the report
	Full    bool     // only with -full
}

// gremlinsParts is what `make mutate` runs; -full adds the parts marked Full. A habit run
// keeps each part near 15 minutes on two cores, hence the restrictions, each with its Note.
//
// internal/ir has no tests of its own (the loaders' and emitters' tests exercise it), so
// gremlins finds nothing covered there; internal/gen is covered by the generator table
// (table.go) instead, because its mutants change generated code that only the generated
// packages' tests can judge. The copy gremlins tests in has no ../shared: tests that read
// the shared models skip, in the coverage run and the mutant runs alike.
var gremlinsParts = []gremlinsPart{
	{Name: "names", Dir: "internal/names"},
	{Name: "output", Dir: "internal/output"},
	{Name: "docs", Dir: "internal/docs", Skip: "TestAdversarial|TestAllSmithyModels",
		Note: "skips TestAdversarial (15 s of 0.5 MB inputs, a linear-time check) and TestAllSmithyModels (20 s, every shared model) in every run"},
	{Name: "load", Dir: "internal/load"},
	{Name: "rt", Dir: "templates/rt", Exclude: []string{`^json_decode\.go$`},
		Note: "json_decode.go is in rt-decode"},
	{Name: "rt-decode", Dir: "templates/rt", Exclude: []string{rtNotDecode},
		Types: []string{"CONDITIONALS_BOUNDARY", "INVERT_NEGATIVES"},
		Note:  "json_decode.go, boundary and negative mutants only (the other types: rt-decode-rest, with -full)"},
	{Name: "rt-decode-rest", Dir: "templates/rt", Exclude: []string{rtNotDecode}, Full: true,
		Types: []string{"ARITHMETIC_BASE", "CONDITIONALS_NEGATION", "INCREMENT_DECREMENT"},
		Note:  "json_decode.go, the mutant types rt-decode leaves out (-full only: about 500 mutants)"},
}

// rtNotDecode matches every runtime source but json_decode.go.
const rtNotDecode = `^(client|client_bodies|document|errors|json_codec|json_encode|validate|values)\.go$`

type mutantRow struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Type   string `json:"type"`
	Status string `json:"status"`
}

// partResult is what a part leaves in the results folder for the report.
type partResult struct {
	Kind     string        `json:"kind"` // "gremlins" or "gen"
	Name     string        `json:"name"`
	Source   string        `json:"source"` // "working tree" or the revision measured
	Dir      string        `json:"dir,omitempty"`
	Note     string        `json:"note,omitempty"`
	Started  time.Time     `json:"started"`
	Elapsed  time.Duration `json:"elapsed"`
	Timeout  time.Duration `json:"timeout,omitempty"` // per mutant
	Error    string        `json:"error,omitempty"`
	Mutants  []mutantRow   `json:"mutants,omitempty"`
	Gen      []genResult   `json:"gen,omitempty"`
	Baseline []stepStatus  `json:"baseline,omitempty"`
}

type gremlinsOutput struct {
	Files []struct {
		Name      string `json:"file_name"`
		Mutations []struct {
			Type   string `json:"type"`
			Status string `json:"status"`
			Line   int    `json:"line"`
			Column int    `json:"column"`
		} `json:"mutations"`
	} `json:"files"`
}

// installGremlins builds gremlins into bin and returns the binary's path.
func installGremlins(ctx context.Context, bin string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", "install", gremlinsModule)
	cmd.Env = append(os.Environ(), "GOBIN="+bin)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go install %s: %v\n%s", gremlinsModule, err, out)
	}
	return filepath.Join(bin, "gremlins"), nil
}

// runGremlins runs one part over the copy at root. minTimeout is the least time a mutant's
// test run gets before it counts as timed out: gremlins allows its coverage run's duration
// times a coefficient, and that run is short when the build is cached, while each mutant's
// run compiles; so the coefficient is raised until the allowance reaches minTimeout.
func runGremlins(ctx context.Context, cfg config, gremlins, root string, p gremlinsPart) (res partResult) {
	res = partResult{Kind: "gremlins", Name: p.Name, Dir: p.Dir, Note: p.Note, Source: cfg.source(), Started: time.Now()}
	defer func() { res.Elapsed = time.Since(res.Started) }()

	env := append(os.Environ(), "TMPDIR="+cfg.tmp, "GOFLAGS="+goflags(p.Skip))
	if cfg.procs > 0 {
		env = append(env, "GOMAXPROCS="+strconv.Itoa(cfg.procs))
	}
	// Warm the build cache, then time a run as gremlins' coverage run will see it.
	var took time.Duration
	for range 2 {
		start := time.Now()
		cmd := exec.CommandContext(ctx, "go", "test", "-cover", "./"+p.Dir+"/...")
		cmd.Dir, cmd.Env = root, env
		ownGroup(cmd)
		if out, err := cmd.CombinedOutput(); err != nil {
			res.Error = fmt.Sprintf("tests fail before mutation: %v\n%s", err, tail(out, 40))
			return res
		}
		took = time.Since(start)
	}
	coef := max(3, int(math.Ceil(float64(cfg.minTimeout)/float64(took))))
	res.Timeout = time.Duration(coef) * took

	out := filepath.Join(cfg.tmp, p.Name+".gremlins.json")
	args := []string{"unleash", "--workers", strconv.Itoa(cfg.workers),
		"--timeout-coefficient", strconv.Itoa(coef), "-o", out}
	for _, e := range p.Exclude {
		args = append(args, "-E", e)
	}
	for _, t := range gremlinsTypes {
		on := t.byDefault
		if p.Types != nil {
			on = slices.Contains(p.Types, t.name)
		}
		args = append(args, fmt.Sprintf("--%s=%t", t.flag, on))
	}
	args = append(args, p.Dir)
	cmd := exec.CommandContext(ctx, gremlins, args...)
	cmd.Dir, cmd.Env = root, env
	ownGroup(cmd)
	log, err := os.Create(filepath.Join(cfg.out, p.Name+".gremlins.log"))
	if err != nil {
		res.Error = err.Error()
		return res
	}
	defer log.Close()
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Run(); err != nil {
		res.Error = fmt.Sprintf("gremlins: %v (log: %s)", err, log.Name())
		return res
	}
	b, err := os.ReadFile(out)
	if err != nil {
		res.Error = fmt.Sprintf("gremlins left no results: %v (log: %s)", err, log.Name())
		return res
	}
	var g gremlinsOutput
	if err := json.Unmarshal(b, &g); err != nil {
		res.Error = fmt.Sprintf("reading %s: %v", out, err)
		return res
	}
	for _, f := range g.Files {
		for _, m := range f.Mutations {
			res.Mutants = append(res.Mutants, mutantRow{File: filepath.ToSlash(filepath.Join(p.Dir, f.Name)),
				Line: m.Line, Column: m.Column, Type: m.Type, Status: m.Status})
		}
	}
	slices.SortFunc(res.Mutants, func(a, b mutantRow) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		if a.Column != b.Column {
			return a.Column - b.Column
		}
		return strings.Compare(a.Type, b.Type)
	})
	return res
}

// goflags is $GOFLAGS plus -count=1 (a cached result would time nothing) and -skip.
func goflags(skip string) string {
	f := strings.TrimSpace(os.Getenv("GOFLAGS") + " -count=1")
	if skip != "" {
		f += " -skip=" + skip
	}
	return f
}

// tail is the last n lines of out.
func tail(out []byte, n int) string {
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
