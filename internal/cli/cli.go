// Package cli is the command line of cmd/gen: flags in, one generation, files or a check out.
package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/awsgen/awsgen/internal/gen"
	"github.com/awsgen/awsgen/internal/load"
	"github.com/awsgen/awsgen/internal/modelsrc"
	"github.com/awsgen/awsgen/internal/output"
)

// Run runs the generator with command-line args and returns the exit status: 0 on success,
// 1 for a bad model or a stale folder under -check, 2 for bad usage.
func Run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	model := fs.String("model", "", "model `FILE`: Smithy JSON AST or c2j api-2.json (docs-2.json beside it is read), or gomod:MODULE@VERSION/PATH")
	out := fs.String("out", "", "output `DIR` of the package")
	pkg := fs.String("pkg", "", "Go package `NAME`")
	shapes := fs.String("shapes", "", "comma-separated shape names: generate only their closure")
	ops := fs.String("operations", "", "comma-separated operation names: generate only these and the closure of their inputs, outputs and errors")
	check := fs.Bool("check", false, "write nothing; exit 1 when DIR differs from what would be generated")
	noDocs := fs.Bool("nodocs", false, "leave out documentation comments")
	noTests := fs.Bool("notests", false, "leave out the generated tests")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *model == "" || *out == "" || *pkg == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: gen -model FILE -out DIR -pkg NAME [-shapes A,B] [-operations X,Y] [-check]")
		return 2
	}
	path, err := modelsrc.Resolve(*model)
	if err != nil {
		fmt.Fprintln(stderr, "gen:", err)
		return 1
	}
	m, err := load.FileMapped(path)
	if err != nil {
		fmt.Fprintln(stderr, "gen:", oneLine(err.Error()))
		return 1
	}
	opt := gen.Options{
		Package:    *pkg,
		Shapes:     split(*shapes),
		Operations: split(*ops),
		NoDocs:     *noDocs,
		NoTests:    *noTests,
	}
	files, err := gen.Generate(m, opt)
	if err != nil {
		fmt.Fprintln(stderr, "gen:", oneLine(err.Error()))
		return 1
	}
	if !*check {
		// Nothing is written unless the whole package generated; Write replaces the old tree
		// whole or leaves it as it was.
		if err := output.Write(*out, files); err != nil {
			fmt.Fprintln(stderr, "gen:", err)
			return 1
		}
		fmt.Fprintf(stdout, "gen: wrote %d files to %s\n", len(files), *out)
		return 0
	}
	diffs, err := output.Check(*out, files)
	if err != nil {
		fmt.Fprintln(stderr, "gen:", err)
		return 1
	}
	for _, d := range diffs {
		fmt.Fprintln(stderr, d)
	}
	if len(diffs) > 0 {
		fmt.Fprintf(stderr, "gen: %s is stale: regenerate it\n", *out)
		return 1
	}
	return 0
}

func split(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }
