package sweep

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// maxLines is how many complaint lines are kept per package.
const maxLines = 5

// compile runs `go build` and then `go vet` over the generated packages, in batches, and
// attributes every complaint to its package.
func compile(cfg Config, rep *Report, logf func(string, ...any)) error {
	var pkgs []*Result
	for _, r := range rep.Results {
		if r.Err == nil {
			pkgs = append(pkgs, r)
		}
	}
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].ImportPath() < pkgs[j].ImportPath() })
	env := append(os.Environ(), "GOWORK=off", "GOFLAGS=", "GOTOOLCHAIN=local")
	if cfg.ColdCache {
		cache := filepath.Join(cfg.Out, ".gocache")
		if err := os.RemoveAll(cache); err != nil {
			return err
		}
		env = append(env, "GOCACHE="+cache)
	}
	trace := filepath.Join(cfg.Out, ".trace.json")
	for _, step := range []struct {
		name string
		args []string
		wall *time.Duration
		sink func(*Result) *[]string
	}{
		{"build", []string{"build", "-debug-trace=" + trace}, &rep.CompileWall, func(r *Result) *[]string { return &r.Build }},
		{"vet", []string{"vet"}, &rep.VetWall, func(r *Result) *[]string { return &r.Vet }},
	} {
		start := time.Now()
		for i := 0; i < len(pkgs); i += cfg.Batch {
			batch := pkgs[i:min(i+cfg.Batch, len(pkgs))]
			byPath := map[string]*Result{}
			args := append([]string(nil), step.args...)
			for _, r := range batch {
				byPath[r.ImportPath()] = r
				args = append(args, "./"+string(r.Format)+"/"+r.Pkg)
			}
			cmd := exec.Command("go", args...)
			cmd.Dir = cfg.Out
			cmd.Env = env
			out, err := cmd.CombinedOutput()
			lost := attribute(out, byPath, step.sink)
			if err != nil && len(lost) > 0 {
				rep.ToolErrors = append(rep.ToolErrors, fmt.Sprintf("go %s (batch %d): %s", step.name, i/cfg.Batch, strings.Join(lost, " | ")))
			}
			if step.name == "build" {
				for path, d := range compileTimes(trace) {
					if r := byPath[path]; r != nil {
						r.CompileTime = d
					}
				}
				os.Remove(trace)
			}
			logf("go %s: %d/%d packages (%v)", step.name, min(i+cfg.Batch, len(pkgs)), len(pkgs), time.Since(start).Round(time.Second))
		}
		*step.wall = time.Since(start)
	}
	return nil
}

// attribute files the lines of go build or go vet output under the package of the "# path"
// header above them and returns the lines that belong to no package of the batch.
func attribute(out []byte, byPath map[string]*Result, sink func(*Result) *[]string) []string {
	var cur *Result
	var lost []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if h, ok := strings.CutPrefix(line, "# "); ok {
			cur = byPath[headerPackage(h)]
			if cur == nil {
				lost = append(lost, line)
			}
			continue
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		if cur == nil {
			lost = append(lost, line)
			continue
		}
		if l := sink(cur); len(*l) < maxLines {
			*l = append(*l, line)
		}
	}
	return lost
}

// headerPackage extracts the import path from a "# ..." header of the go command, which may
// name a test variant: "p", "[p.test]", "p [p.test]".
func headerPackage(h string) string {
	f := strings.Fields(h)
	if len(f) == 0 {
		return ""
	}
	p := strings.Trim(f[0], "[]")
	p = strings.TrimSuffix(p, ".test")
	return strings.TrimSuffix(p, "_test")
}

var buildAction = regexp.MustCompile(`^Executing action \(build (\S+)\)$`)

// compileTimes reads a go command -debug-trace file and returns the time of each package's
// build action.
func compileTimes(trace string) map[string]time.Duration {
	data, err := os.ReadFile(trace)
	if err != nil {
		return nil
	}
	type event struct {
		Name string  `json:"name"`
		Ph   string  `json:"ph"`
		TS   float64 `json:"ts"`
		TID  int     `json:"tid"`
	}
	begin := map[string]float64{}
	out := map[string]time.Duration{}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimPrefix(strings.TrimSpace(line), ",")
		if !strings.HasPrefix(line, "{") {
			continue
		}
		var e event
		if json.Unmarshal([]byte(line), &e) != nil {
			continue
		}
		m := buildAction.FindStringSubmatch(e.Name)
		if m == nil {
			continue
		}
		key := fmt.Sprint(m[1], "\x00", e.TID)
		switch e.Ph {
		case "B":
			begin[key] = e.TS
		case "E":
			if b, ok := begin[key]; ok {
				out[m[1]] += time.Duration((e.TS - b) * float64(time.Microsecond))
			}
		}
	}
	return out
}
