package sweep

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/awsgen/awsgen/internal/modelsrc"
)

// DefaultC2JModule is the pinned aws-sdk-go module whose models/apis holds the c2j models.
const DefaultC2JModule = "github.com/aws/aws-sdk-go@v1.55.8"

// Main is the command line of internal/tools/sweep; it returns the exit status: 0 when every
// model generated, compiled and vetted clean, 1 otherwise, 2 for bad usage.
func Main(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sweep", flag.ContinueOnError)
	fs.SetOutput(stderr)
	defOut := os.Getenv("SWEEP_DIR")
	if defOut == "" {
		defOut = "/tmp/awsgen-sweep"
	}
	out := fs.String("out", defOut, "scratch module `DIR`; its default comes from $SWEEP_DIR")
	smithyDir := fs.String("smithy", "../shared/models/smithy", "`DIR` of Smithy JSON AST models")
	c2jMod := fs.String("c2j", DefaultC2JModule, "`MODULE@VERSION` holding models/apis/*/*/api-2.json")
	formats := fs.String("formats", "smithy,c2j", "formats to sweep")
	run := fs.String("run", "", "only models whose name matches `REGEXP`")
	workers := fs.Int("j", 0, "models generated at once (0: GOMAXPROCS)")
	batch := fs.Int("batch", 100, "packages per go build / go vet invocation")
	noCompile := fs.Bool("nocompile", false, "generate only")
	noBuild := fs.Bool("nobuild", false, "vet only (type-checks packages and tests), no go build")
	keep := fs.Bool("keepcache", false, "keep the sweep's build cache (DIR/.gocache) for the next run: the standard library stays compiled, but every run adds ~7 GB")
	opt := fs.Bool("opt", false, "compile the generated packages with optimisation (default: -gcflags=-N -l, twice as fast)")
	nofmt := fs.Bool("nogofmt", false, "do not check that generated files are gofmt-formatted")
	cross := fs.Bool("crossformat", false, "compare the Smithy and c2j models of each service instead")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: sweep [-out DIR] [-smithy DIR] [-c2j MODULE@VERSION] [-formats smithy,c2j] [-run REGEXP] [-crossformat]")
		return 2
	}
	var filter *regexp.Regexp
	if *run != "" {
		var err error
		if filter, err = regexp.Compile(*run); err != nil {
			fmt.Fprintln(stderr, "sweep: -run:", err)
			return 2
		}
	}
	want := map[Format]bool{}
	for _, f := range splitComma(*formats) {
		want[Format(f)] = true
	}
	var smithy, c2j []Model
	if want[Smithy] || *cross {
		ms, err := SmithyModels(*smithyDir)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		smithy = filterModels(ms, filter)
	}
	if want[C2J] || *cross {
		dir, err := modelsrc.ModuleDir(*c2jMod)
		if err != nil {
			fmt.Fprintln(stderr, "sweep:", err)
			return 1
		}
		ms, err := C2JModels(dir)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		c2j = filterModels(ms, filter)
	}
	logf := func(format string, args ...any) {
		fmt.Fprintf(stderr, "sweep: "+format+"\n", args...)
	}

	if *cross {
		start := time.Now()
		pairs, unmatched, err := Match(smithy, c2j, *workers)
		if err != nil {
			fmt.Fprintln(stderr, "sweep:", err)
			return 1
		}
		logf("matched %d services in %v; comparing", len(pairs), time.Since(start).Round(time.Millisecond))
		cr := &CrossReport{Comparisons: CrossFormat(pairs, *workers), Unmatched: unmatched}
		cr.Print(stdout)
		fmt.Fprintf(stdout, "cross-format comparison took %v\n", time.Since(start).Round(time.Second))
		return 0
	}

	start := time.Now()
	rep, err := Run(Config{
		Out:       *out,
		Workers:   *workers,
		Batch:     *batch,
		NoCompile: *noCompile,
		GoCache:   filepath.Join(*out, ".gocache"),
		DropCache: !*keep,
		NoBuild:   *noBuild,
		Fresh:     true,
		Optimize:  *opt,
		Gofmt:     !*nofmt,
		Log:       logf,
	}, append(smithy, c2j...))
	if err != nil {
		fmt.Fprintln(stderr, "sweep:", err)
		return 1
	}
	rep.Print(stdout)
	fmt.Fprintf(stdout, "sweep took %v\n", time.Since(start).Round(time.Second))
	if !rep.Clean() {
		return 1
	}
	return 0
}

func filterModels(ms []Model, re *regexp.Regexp) []Model {
	if re == nil {
		return ms
	}
	var out []Model
	for _, m := range ms {
		if re.MatchString(m.Name) {
			out = append(out, m)
		}
	}
	return out
}

func splitComma(s string) []string {
	var out []string
	for _, p := range regexp.MustCompile(`\s*,\s*`).Split(s, -1) {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}
