package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

// A mutation is a small change to the generator or its runtime that gremlins cannot make
// meaningfully (an emitter's change shows only in the code it generates), with the tests
// expected to notice it.
type mutation struct {
	ID    string
	File  string // repo-relative
	Edits []edit // applied in order; most mutations are one edit
	Or    []edit // tried when Edits do not apply: the same bug in the code before a rewrite
	Bug   string // the bug it stands for
	Tests []step // cheapest first; the first that fails kills the mutant
}

// An edit replaces Old, which must occur exactly once in the file, with New.
type edit struct{ Old, New string }

// apply returns src with m's edits made (or its Or edits), and the line of the first.
func (m mutation) apply(src []byte) ([]byte, int, error) {
	out, line, err := applyEdits(m.File, m.Edits, src)
	if err != nil && m.Or != nil {
		if out, line, err2 := applyEdits(m.File, m.Or, src); err2 == nil {
			return out, line, nil
		}
	}
	return out, line, err
}

func applyEdits(file string, edits []edit, src []byte) ([]byte, int, error) {
	line := 0
	for i, e := range edits {
		if n := bytes.Count(src, []byte(e.Old)); n != 1 {
			return nil, 0, fmt.Errorf("edit %d: the old snippet occurs %d times in %s", i+1, n, file)
		}
		at := bytes.Index(src, []byte(e.Old))
		if i == 0 {
			line = 1 + bytes.Count(src[:at], []byte("\n"))
		}
		src = bytes.Replace(src, []byte(e.Old), []byte(e.New), 1)
	}
	return src, line, nil
}

// A step is one go test command. Golden and staleness comparisons are never run: a golden
// file kills every emitter mutant, which would say nothing about the behaviour tests.
type step struct {
	Dir   string   // module folder, repo-relative; "" is the root module
	Pkgs  []string // relative to Dir
	Run   string
	Skip  string
	Regen bool // regenerate generated/ from the mutated generator first
}

func (s step) String() string {
	var b strings.Builder
	if s.Regen {
		b.WriteString("regen; ")
	}
	if s.Dir != "" {
		b.WriteString("cd " + s.Dir + "; ")
	}
	b.WriteString("go test")
	if s.Run != "" {
		b.WriteString(" -run '" + s.Run + "'")
	}
	if s.Skip != "" {
		b.WriteString(" -skip '" + s.Skip + "'")
	}
	b.WriteString(" " + strings.Join(s.Pkgs, " "))
	return b.String()
}

// Verdicts of a generator mutant.
const (
	killed    = "KILLED"
	survived  = "SURVIVED"
	timedOut  = "TIMED OUT"
	stale     = "STALE"      // the snippet is gone: the table needs updating
	noVerdict = "NO VERDICT" // every step's baseline failed or was absent
)

type genResult struct {
	ID       string        `json:"id"`
	File     string        `json:"file"`
	Line     int           `json:"line"`
	Bug      string        `json:"bug"`
	Status   string        `json:"status"`
	By       string        `json:"by,omitempty"`     // the step that killed it
	Detail   string        `json:"detail,omitempty"` // failing tests or why no verdict
	Elapsed  time.Duration `json:"elapsed"`
	Restored bool          `json:"restored"`
}

type stepStatus struct {
	Step    string        `json:"step"`
	OK      bool          `json:"ok"`
	Detail  string        `json:"detail,omitempty"`
	Elapsed time.Duration `json:"elapsed"`
}

// genRunner applies mutations to the copy at root, one at a time.
type genRunner struct {
	cfg       config
	root      string
	generated treeState         // generated/ as copied, restored after each mutant
	fresh     treeState         // generated/ regenerated unmutated (-vet)
	broken    map[string]bool   // steps whose baseline failed
	skip      map[string]string // -skip of steps whose baseline failed for some tests only
	absent    map[string]bool   // packages missing from the copy
}

func newGenRunner(cfg config, root string) (*genRunner, error) {
	g := &genRunner{cfg: cfg, root: root, broken: map[string]bool{}, skip: map[string]string{}, absent: map[string]bool{}}
	var err error
	g.generated, err = readTree(filepath.Join(root, "generated"))
	return g, err
}

// baseline runs every distinct step once without a mutant. Tests that fail then (work in
// progress, a flaky test) cannot judge a mutant: the step is run again with them skipped,
// and, if it passes so, they stay skipped for every mutant and are reported; a step that
// still fails is not used at all.
func (g *genRunner) baseline(ctx context.Context, muts []mutation) []stepStatus {
	seen := map[string]bool{}
	var out []stepStatus
	for _, m := range muts {
		for _, s := range m.Tests {
			key := s.String()
			if seen[key] {
				continue
			}
			seen[key] = true
			start := time.Now()
			failed, detail := g.runStep(ctx, s, true)
			st := stepStatus{Step: key, OK: failed == "" || failed == "absent", Detail: strings.TrimSpace(failed + " " + detail)}
			if failed == "FAIL" && ctx.Err() == nil {
				if names := topLevel(detail); len(names) > 0 {
					s2 := s
					s2.Skip = joinSkip(s.Skip, names)
					if f2, d2 := g.runStep(ctx, s2, true); f2 == "" {
						g.skip[key] = s2.Skip
						st.OK = true
						st.Detail = "fails unmutated, skipped from now on: " + strings.Join(names, " ")
					} else {
						st.Detail += "; with those skipped: " + strings.TrimSpace(f2+" "+d2)
					}
				}
			}
			if !st.OK {
				g.broken[key] = true
			}
			st.Elapsed = time.Since(start)
			out = append(out, st)
			if err := restoreTree(filepath.Join(g.root, "generated"), g.generated); err != nil {
				g.broken[key] = true
			}
			if ctx.Err() != nil {
				return out
			}
		}
	}
	return out
}

// topLevel returns the top-level test names among the failures runStep reports ("TestA
// TestA/sub FAIL pkg ..."), or nil when something else failed (a build, a package).
func topLevel(detail string) []string {
	if strings.Contains(detail, "[build failed]") || strings.Contains(detail, "[setup failed]") {
		return nil
	}
	var names []string
	for _, f := range strings.Fields(detail) {
		if strings.HasPrefix(f, "Test") || strings.HasPrefix(f, "Fuzz") || strings.HasPrefix(f, "Example") {
			if n, _, _ := strings.Cut(f, "/"); !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	return names
}

// joinSkip adds the tests to a -skip pattern.
func joinSkip(skip string, tests []string) string {
	alt := "^(" + strings.Join(tests, "|") + ")$"
	if skip == "" {
		return alt
	}
	return skip + "|" + alt
}

// run applies m, runs its steps until one fails, and puts the file and generated/ back,
// whatever happens (the deferred restore also runs on a panic, and an interrupt cancels ctx,
// which kills the running command, so run returns and restores).
func (g *genRunner) run(ctx context.Context, m mutation) (res genResult) {
	res = genResult{ID: m.ID, File: m.File, Bug: m.Bug}
	start := time.Now()
	defer func() { res.Elapsed = time.Since(start) }()

	path := filepath.Join(g.root, m.File)
	orig, err := os.ReadFile(path)
	if err != nil {
		res.Status, res.Detail = stale, err.Error()
		return res
	}
	mutated, line, err := m.apply(orig)
	if err != nil {
		res.Status, res.Detail = stale, err.Error()
		return res
	}
	res.Line = line

	defer func() {
		err1 := os.WriteFile(path, orig, 0o644)
		err2 := restoreTree(filepath.Join(g.root, "generated"), g.generated)
		back, err3 := os.ReadFile(path)
		res.Restored = errors.Join(err1, err2, err3) == nil && bytes.Equal(back, orig)
		if !res.Restored {
			res.Detail += fmt.Sprintf(" [RESTORE FAILED: %v %v %v]", err1, err2, err3)
		}
	}()
	if err := os.WriteFile(path, mutated, 0o644); err != nil {
		res.Status, res.Detail = noVerdict, err.Error()
		return res
	}

	if g.cfg.vetOnly {
		// The generator must build, generate, and its output compile and vet; a mutant that
		// fails here would be killed by the compiler, not by a test.
		if failed, detail := g.regenerate(ctx); failed != "" {
			res.Status, res.Detail = failed, detail
			return res
		}
		cmd := exec.CommandContext(ctx, "go", "vet", "./generated/...", "./internal/gen", "./templates/rt")
		cmd.Dir = g.root
		g.env(cmd)
		if out, err := cmd.CombinedOutput(); err != nil {
			res.Status, res.Detail = "VET FAILS", tail(out, 5)
			return res
		}
		res.Status = "COMPILES"
		res.Detail = "generated/ unchanged: equivalent on the committed models"
		if changed := g.changedFiles(); len(changed) > 0 {
			res.Detail = "changes " + strings.Join(changed, " ")
		}
		return res
	}

	judged := false
	regenerated := false
	for _, s := range m.Tests {
		key := s.String()
		if g.broken[key] {
			continue
		}
		if s.Regen && !regenerated {
			regenerated = true
			if failed, detail := g.regenerate(ctx); failed != "" {
				res.Status, res.By, res.Detail = killed, "go generate ./generated", failed+" "+detail
				return res
			}
		}
		if extra, ok := g.skip[key]; ok {
			s.Skip = extra
		}
		failed, detail := g.runStep(ctx, s, false)
		if ctx.Err() != nil {
			res.Status, res.Detail = noVerdict, "interrupted"
			return res
		}
		judged = judged || failed != "absent"
		switch failed {
		case "", "absent":
		case "timeout":
			res.Status, res.By, res.Detail = timedOut, key, detail
			return res
		default:
			res.Status, res.By, res.Detail = killed, key, detail
			return res
		}
	}
	if !judged {
		res.Status, res.Detail = noVerdict, "no step could run (baseline failures or absent packages)"
		return res
	}
	res.Status = survived
	return res
}

// freshen regenerates generated/ with the unmutated generator and keeps the result as what
// a mutant's output is compared with (-vet): the committed tree may be stale mid-change.
func (g *genRunner) freshen(ctx context.Context) error {
	if failed, detail := g.regenerate(ctx); failed != "" {
		return fmt.Errorf("%s: %s", failed, detail)
	}
	var err error
	g.fresh, err = readTree(filepath.Join(g.root, "generated"))
	return errors.Join(err, restoreTree(filepath.Join(g.root, "generated"), g.generated))
}

// changedFiles lists the files of generated/ that differ from the fresh generation.
func (g *genRunner) changedFiles() []string {
	now, err := readTree(filepath.Join(g.root, "generated"))
	if err != nil {
		return []string{err.Error()}
	}
	var out []string
	for p, b := range now {
		if !bytes.Equal(g.fresh[p], b) {
			rel, _ := filepath.Rel(g.root, p)
			out = append(out, rel)
		}
	}
	slices.Sort(out)
	return out
}

// regenerate rewrites generated/ with the generator as it stands in the copy.
func (g *genRunner) regenerate(ctx context.Context) (failed, detail string) {
	cmd := exec.CommandContext(ctx, "go", "generate", "./generated/...")
	cmd.Dir = g.root
	g.env(cmd)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "generation failed", tail(out, 5)
	}
	return "", ""
}

var failLine = regexp.MustCompile(`(?m)^\s*--- FAIL: (\S+)|^FAIL\s+(\S+)|\[build failed\]|\[setup failed\]`)

// runStep runs s and reports "" when it passes, "absent" when none of its packages exist in
// the copy, "timeout", or "FAIL" with the failing tests.
func (g *genRunner) runStep(ctx context.Context, s step, regen bool) (failed, detail string) {
	if s.Regen && regen {
		if f, d := g.regenerate(ctx); f != "" {
			return f, d
		}
	}
	var pkgs []string
	for _, p := range s.Pkgs {
		dir := filepath.Join(g.root, s.Dir, strings.TrimSuffix(p, "/..."))
		if _, err := os.Stat(dir); err != nil {
			g.absent[filepath.Join(s.Dir, p)] = true
			continue
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) == 0 {
		return "absent", ""
	}
	args := []string{"test", "-count=1", "-failfast", "-timeout", g.cfg.stepTimeout.String()}
	if s.Run != "" {
		args = append(args, "-run", s.Run)
	}
	if s.Skip != "" {
		args = append(args, "-skip", s.Skip)
	}
	args = append(args, pkgs...)
	// The go test -timeout makes the test binary panic with its stacks; the context is the
	// backstop for a build or a binary that does not stop.
	cctx, cancel := context.WithTimeout(ctx, g.cfg.stepTimeout+2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(cctx, "go", args...)
	cmd.Dir = filepath.Join(g.root, s.Dir)
	g.env(cmd)
	out, err := cmd.CombinedOutput()
	switch {
	case err == nil:
		return "", ""
	case cctx.Err() != nil && ctx.Err() == nil, bytes.Contains(out, []byte("panic: test timed out")):
		return "timeout", ""
	}
	var names []string
	for _, m := range failLine.FindAllSubmatch(out, -1) {
		switch {
		case len(m[1]) > 0:
			names = append(names, string(m[1]))
		case len(m[2]) > 0:
			names = append(names, string(m[2]))
		default:
			names = append(names, string(m[0]))
		}
		if len(names) == 6 {
			names = append(names, "...")
			break
		}
	}
	if len(names) == 0 {
		return "FAIL", tail(out, 3)
	}
	return "FAIL", strings.Join(names, " ")
}

func (g *genRunner) env(cmd *exec.Cmd) {
	cmd.Env = os.Environ()
	if g.cfg.procs > 0 {
		cmd.Env = append(cmd.Env, fmt.Sprintf("GOMAXPROCS=%d", g.cfg.procs))
	}
	ownGroup(cmd)
}
