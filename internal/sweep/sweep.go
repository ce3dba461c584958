// Package sweep runs the generator over many AWS models at once: it generates a package per
// model into one scratch Go module, then builds and vets them all, and summarises what went
// wrong by cause. cmd/sweep is its command line; TestSampleSweep runs it on a fixed sample.
package sweep

import (
	"errors"
	"fmt"
	"go/format"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/awsgen/awsgen/internal/gen"
	"github.com/awsgen/awsgen/internal/ir"
	"github.com/awsgen/awsgen/internal/load"
	"github.com/awsgen/awsgen/internal/output"
)

// Format is a model format: Smithy JSON AST or c2j.
type Format string

// The model formats, in report order.
const (
	Smithy Format = "smithy"
	C2J    Format = "c2j"
)

// Formats lists the formats in report order.
var Formats = []Format{Smithy, C2J}

// Model is one model file of a sweep.
type Model struct {
	Format Format
	// Path is the model file.
	Path string
	// Name identifies the model in reports: the Smithy file name without ".json", or the
	// c2j "service/version" folder.
	Name string
	// Pkg is the Go package name and the folder under <out>/<format>.
	Pkg string
}

// ImportPath is the model's package path inside the scratch module.
func (m Model) ImportPath() string { return ModulePath + "/" + string(m.Format) + "/" + m.Pkg }

// Dir is the model's package folder under the scratch module root.
func (m Model) Dir(root string) string { return filepath.Join(root, string(m.Format), m.Pkg) }

// ModulePath is the module path of the scratch module.
const ModulePath = "awsgensweep"

// SmithyModels lists the Smithy models (*.json) in dir.
func SmithyModels(dir string) ([]Model, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("sweep: no Smithy models (*.json) in %s", dir)
	}
	var ms []Model
	for _, f := range files {
		ms = append(ms, Model{Format: Smithy, Path: f, Name: strings.TrimSuffix(filepath.Base(f), ".json")})
	}
	return named(ms), nil
}

// C2JModels lists the c2j models of an aws-sdk-go module folder:
// models/apis/<service>/<version>/api-2.json.
func C2JModels(moduleDir string) ([]Model, error) {
	files, err := filepath.Glob(filepath.Join(moduleDir, "models", "apis", "*", "*", "api-2.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("sweep: no c2j models (models/apis/*/*/api-2.json) in %s", moduleDir)
	}
	var ms []Model
	for _, f := range files {
		ver := filepath.Dir(f)
		svc := filepath.Dir(ver)
		ms = append(ms, Model{Format: C2J, Path: f, Name: filepath.Base(svc) + "/" + filepath.Base(ver)})
	}
	return named(ms), nil
}

var dateSuffix = regexp.MustCompile(`[-/]\d{4}-\d{2}-\d{2}$`)

// named gives each model of one format a package name: the service part of its name
// (without the API version date), lower case, letters and digits only; "x" goes in front
// of a leading digit, "pkg" after a Go keyword, and a name taken by an earlier model (in
// name order) gets the version digits too.
func named(ms []Model) []Model {
	sort.Slice(ms, func(i, j int) bool { return ms[i].Name < ms[j].Name })
	taken := map[string]bool{}
	for i := range ms {
		base := PackageName(dateSuffix.ReplaceAllString(ms[i].Name, ""))
		n := base
		if taken[n] {
			n = PackageName(ms[i].Name)
		}
		for taken[n] {
			n += "x"
		}
		taken[n] = true
		ms[i].Pkg = n
	}
	return ms
}

// PackageName sanitises s into a Go package name: lower-case ASCII letters and digits.
func PackageName(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
		}
	}
	n := b.String()
	switch {
	case n == "":
		n = "model"
	case n[0] >= '0' && n[0] <= '9':
		n = "x" + n
	}
	if token.IsKeyword(n) {
		n += "pkg"
	}
	return n
}

// Config controls a sweep.
type Config struct {
	// Out is the scratch module folder; its <format> sub-folders are replaced.
	Out string
	// Workers is the number of models generated at once; 0 means GOMAXPROCS.
	Workers int
	// Batch is the number of packages per `go build` / `go vet` invocation; 0 means 100.
	Batch int
	// NoCompile stops after generating.
	NoCompile bool
	// NoBuild skips go build: the packages are only vetted (which type-checks them and
	// their tests).
	NoBuild bool
	// GoCache is the Go build cache of the go build and go vet runs; "" means the
	// environment's.
	GoCache string
	// ColdCache empties GoCache first, so that the standard library is compiled again too.
	ColdCache bool
	// Optimize compiles the generated packages as go build does by default; otherwise they
	// compile with -N -l (no optimisation, no inlining), twice as fast.
	Optimize bool
	// Fresh makes the go command compile and vet every package even when its build cache
	// has the result (from an earlier run with the same output), so compile times are real.
	Fresh bool
	// Gofmt checks that every generated file is already gofmt-formatted.
	Gofmt bool
	// Options are the generator options; Package is set per model.
	Options gen.Options
	// Log receives progress lines; nil means none.
	Log func(format string, args ...any)
}

// Result is what happened to one model.
type Result struct {
	Model
	// Shapes and Operations count the model's data shapes and operations (0 when it did
	// not load).
	Shapes, Operations int
	// Bytes is the size of the generated package, Files its file count.
	Bytes, Files int
	// GenTime is the time to load and generate the model.
	GenTime time.Duration
	// Err is the load or generation failure, Cause its classification.
	Err   error
	Cause string
	// Gofmt lists the generated files that gofmt would change.
	Gofmt []string
	// Build and Vet are the first lines of the compiler's and vet's complaints.
	Build, Vet []string
	// CompileTime is the compiler's time on the package (from the go command's trace).
	CompileTime time.Duration
	// Patterns are the model's @pattern values that RE2 cannot compile, so that the
	// generated Validate does not enforce them (each pattern once).
	Patterns []UnenforcedPattern
}

// OK reports whether the model generated, compiled and vetted clean.
func (r *Result) OK() bool {
	return r.Err == nil && len(r.Gofmt) == 0 && len(r.Build) == 0 && len(r.Vet) == 0
}

// Report is the outcome of a sweep.
type Report struct {
	Results []*Result
	// GenWall is the wall time of the generation phase, CompileWall and VetWall those of
	// `go build` and `go vet` over all packages.
	GenWall, CompileWall, VetWall time.Duration
	// CompileCPU and VetCPU are the CPU times (user and system) of go build and go vet
	// with all their processes: what the walls would be on one idle core.
	CompileCPU, VetCPU time.Duration
	// GenCPU is the CPU time of the generation phase.
	GenCPU time.Duration
	// WarmWall is the time to compile the standard library packages the generated code
	// imports (nearly nothing when the sweep's build cache has them).
	WarmWall time.Duration
	// CompileRSS is the peak resident set size of the largest compiler or vet process.
	CompileRSS int64
	// BuildMode says how packages were compiled: "-N -l", "optimised" or "vet only".
	BuildMode string
	// Largest is the model generated alone first, and LargestRSS the process's peak
	// resident set size after it (bytes); PeakRSS is the peak over the whole generation
	// phase.
	Largest             string
	LargestRSS, PeakRSS int64
	// Workers is the size of the generation pool.
	Workers int
	// ToolErrors are failures of the go command not attributed to one package.
	ToolErrors []string
}

// Run generates every model into cfg.Out, then builds and vets the packages.
func Run(cfg Config, models []Model) (*Report, error) {
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	if cfg.Batch <= 0 {
		cfg.Batch = 100
	}
	logf := cfg.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	if err := prepare(cfg.Out); err != nil {
		return nil, err
	}
	rep := &Report{Workers: cfg.Workers}
	rep.Results = make([]*Result, len(models))
	for i, m := range models {
		rep.Results[i] = &Result{Model: m}
	}

	// The largest model goes first and alone, so the peak RSS after it is its own.
	order := make([]int, len(models))
	size := make([]int64, len(models))
	for i, m := range models {
		order[i] = i
		if fi, err := os.Stat(m.Path); err == nil {
			size[i] = fi.Size()
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return size[order[a]] > size[order[b]] })

	start, cpu0 := time.Now(), cpuTime()
	if len(order) > 0 {
		first := rep.Results[order[0]]
		generateOne(cfg, first)
		rep.Largest = first.Format.String() + " " + first.Name
		rep.LargestRSS = maxRSS()
		logf("generated largest model %s in %v (peak RSS %s)", rep.Largest, first.GenTime.Round(time.Millisecond), MiB(rep.LargestRSS))
		order = order[1:]
	}
	jobs := make(chan *Result)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 1
	for range cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range jobs {
				generateOne(cfg, r)
				mu.Lock()
				done++
				if done%50 == 0 {
					logf("generated %d/%d models", done, len(models))
				}
				mu.Unlock()
			}
		}()
	}
	for _, i := range order {
		jobs <- rep.Results[i]
	}
	close(jobs)
	wg.Wait()
	rep.GenWall, rep.GenCPU = time.Since(start), cpuTime()-cpu0
	rep.PeakRSS = maxRSS()
	logf("generated %d models in %v", len(models), rep.GenWall.Round(time.Millisecond))

	if cfg.NoCompile {
		return rep, nil
	}
	if err := compile(cfg, rep, logf); err != nil {
		return rep, err
	}
	return rep, nil
}

func (f Format) String() string { return string(f) }

// prepare makes root a Go module and empties its package folders.
func prepare(root string) error {
	if root == "" {
		return errors.New("sweep: no output folder")
	}
	for _, f := range Formats {
		if err := os.RemoveAll(filepath.Join(root, string(f))); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(root, 0o755); err != nil {
		return err
	}
	mod := "// Scratch module of awsgen's model sweep (cmd/sweep); every run replaces it.\nmodule " + ModulePath + "\n\ngo 1.26\n"
	return os.WriteFile(filepath.Join(root, "go.mod"), []byte(mod), 0o644)
}

// generateOne loads, generates and writes one model, recording the outcome in r.
func generateOne(cfg Config, r *Result) {
	start := time.Now()
	defer func() { r.GenTime = time.Since(start) }()
	files, err := generateFiles(cfg.Options, r)
	if err != nil {
		r.Err = err
		r.Cause = Cause(err)
		return
	}
	names := make([]string, 0, len(files))
	for name, b := range files {
		names = append(names, name)
		r.Bytes += len(b)
	}
	sort.Strings(names)
	r.Files = len(files)
	if cfg.Gofmt {
		for _, name := range names {
			if b, err := format.Source(files[name]); err != nil || string(b) != string(files[name]) {
				r.Gofmt = append(r.Gofmt, name)
			}
		}
	}
	if err := output.Write(r.Dir(cfg.Out), files); err != nil {
		r.Err = err
		r.Cause = "write: " + err.Error()
	}
}

// generateFiles loads and generates one model; a panic becomes an error.
func generateFiles(opt gen.Options, r *Result) (files map[string][]byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &PanicError{Value: p, Stack: string(debug.Stack())}
		}
	}()
	m, err := load.File(r.Path)
	if err != nil {
		return nil, &LoadError{Err: err}
	}
	r.Shapes, r.Operations = len(m.Shapes), len(m.Operations)
	r.Patterns = unenforcedPatterns(m)
	opt.Package = r.Pkg
	return gen.Generate(m, opt)
}

// LoadError marks a failure of the loader (as opposed to the generator).
type LoadError struct{ Err error }

func (e *LoadError) Error() string { return e.Err.Error() }
func (e *LoadError) Unwrap() error { return e.Err }

// PanicError is a panic caught while loading or generating: always a bug.
type PanicError struct {
	Value any
	Stack string
}

func (e *PanicError) Error() string { return fmt.Sprintf("panic: %v", e.Value) }

// Cause classifies a generation failure for the summary: typed "not supported" errors by
// feature, panics by value, loader and other errors by their message with the location
// (file, shape, member) left out.
func Cause(err error) string {
	var ns *gen.NotSupportedError
	var pe *PanicError
	var ie *ir.Error
	var le *LoadError
	switch {
	case errors.As(err, &ns):
		return "not supported: " + ns.Feature
	case errors.As(err, &pe):
		return firstLine(pe.Error())
	case errors.As(err, &ie):
		if errors.As(err, &le) {
			return "load: " + firstLine(ie.Msg)
		}
		return "generate: " + firstLine(ie.Msg)
	case errors.As(err, &le):
		return "load: " + firstLine(le.Err.Error())
	}
	return "generate: " + firstLine(err.Error())
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 160 {
		s = s[:160] + "..."
	}
	return s
}

// unenforcedPatterns lists the @pattern values of the model's members that RE2 cannot
// compile; the generated Validate skips them.
func unenforcedPatterns(m *ir.Model) []UnenforcedPattern {
	seen := map[string]bool{}
	var out []UnenforcedPattern
	check := func(mem *ir.Member) {
		if mem == nil || mem.Target.Kind != ir.String {
			return
		}
		p := mem.Pattern()
		if p == "" || seen[p] {
			return
		}
		seen[p] = true
		if _, err := gen.TranslatePattern(p); err != nil {
			out = append(out, UnenforcedPattern{Pattern: p, Reason: patternReason(err)})
		}
	}
	for _, s := range m.Shapes {
		for _, mem := range s.Members {
			check(mem)
		}
		check(s.Member)
		check(s.Key)
		check(s.Value)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Pattern < out[j].Pattern })
	return out
}

// UnenforcedPattern is a @pattern RE2 cannot compile, with the reason.
type UnenforcedPattern struct {
	Pattern string
	// Reason is RE2's complaint without the pattern: "invalid or unsupported Perl syntax:
	// `(?=`", "invalid repeat count", ...
	Reason string
}

// patternReason groups a regexp/syntax error by the construct RE2 lacks.
func patternReason(err error) string {
	msg := strings.TrimPrefix(err.Error(), "error parsing regexp: ")
	switch {
	case strings.Contains(msg, "`(?!"):
		return "negative lookahead (?!...)"
	case strings.Contains(msg, "`(?="):
		return "lookahead (?=...)"
	case strings.Contains(msg, "`(?<!"), strings.Contains(msg, "`(?<="):
		return "lookbehind (?<!...) (?<=...)"
	case strings.HasPrefix(msg, "invalid repeat count"):
		return "repeat count over 1000: {m,n}"
	case strings.HasPrefix(msg, "invalid nested repetition operator"):
		return "possessive quantifier: *+ ++ {n}+"
	case strings.Contains(msg, `\p{`), strings.Contains(msg, `\P{`):
		return "Java character class: \\p{Alnum} \\p{Print} ..."
	}
	return msg
}

// MiB formats a byte count in mebibytes.
func MiB(n int64) string { return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20)) }
