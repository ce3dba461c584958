// Package cli is the command line of cmd/gen: flags in, one generation, files or a check out.
package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/awsgen/awsgen/internal/gen"
	"github.com/awsgen/awsgen/internal/load"
	"github.com/awsgen/awsgen/internal/modelsrc"
	"github.com/awsgen/awsgen/internal/output"
)

const usageLine = "usage: gen -model FILE -out DIR -pkg NAME [-shapes A,B] [-operations X,Y] [-nodocs] [-notests] [-check] | gen -version"

// Run runs the generator with command-line args and returns the exit status: 0 on success,
// 1 for a bad model or a stale folder under -check, 2 for bad usage.
func Run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	var help bytes.Buffer
	fs.SetOutput(&help)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), usageLine)
		fs.PrintDefaults()
	}
	model := fs.String("model", "", "model `FILE`: Smithy JSON AST or c2j api-2.json (docs-2.json beside it is read), or gomod:MODULE@VERSION/PATH")
	out := fs.String("out", "", "output `DIR` of the package; written only when the whole package generates")
	pkg := fs.String("pkg", "", "Go package `NAME`")
	shapes := fs.String("shapes", "", "comma-separated shape names or IDs: generate only their closure")
	ops := fs.String("operations", "", "comma-separated operation names: generate only these and the closure of their inputs, outputs and errors")
	check := fs.Bool("check", false, "write nothing; exit 1 when DIR differs from what would be generated")
	noDocs := fs.Bool("nodocs", false, "leave out documentation comments")
	noTests := fs.Bool("notests", false, "leave out the generated tests")
	version := fs.Bool("version", false, "print the generator's version and the Go version, and exit")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			stdout.Write(help.Bytes())
			return 0
		}
		stderr.Write(help.Bytes())
		return 2
	}
	if *version {
		fmt.Fprintln(stdout, versionLine())
		return 0
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "gen: "+format+"\n%s\n", append(a, usageLine)...)
		return 2
	}
	switch {
	case fs.NArg() > 0:
		return usage("unexpected argument %q", fs.Arg(0))
	case *model == "" || *out == "" || *pkg == "":
		return usage("-model, -out and -pkg are required")
	}
	if err := checkPackageName(*pkg); err != nil {
		return usage("-pkg %s: %v", *pkg, err)
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
	// Errors after loading name the model as the user gave it, not its module cache path.
	m.Source = *model
	var flags []string
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "model", "out", "check":
		default:
			flags = append(flags, "-"+f.Name+"="+f.Value.String())
		}
	})
	prov, err := provenance(*model, path, *out, flags)
	if err != nil {
		fmt.Fprintln(stderr, "gen:", err)
		return 1
	}
	opt := gen.Options{
		Package:    *pkg,
		Shapes:     split(*shapes),
		Operations: split(*ops),
		NoDocs:     *noDocs,
		NoTests:    *noTests,
		Provenance: prov,
	}
	files, err := gen.Generate(m, opt)
	if err != nil {
		fmt.Fprintln(stderr, "gen:", oneLine(err.Error()))
		return 1
	}
	notes, err := gen.Notes(m, opt)
	if err != nil {
		fmt.Fprintln(stderr, "gen:", oneLine(err.Error()))
		return 1
	}
	for _, n := range notes {
		fmt.Fprintln(stderr, "gen: note:", n)
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

// checkPackageName reports why name cannot name a generated package.
func checkPackageName(name string) error {
	switch {
	case token.IsKeyword(name):
		return errors.New("a Go keyword cannot be a package name")
	case !token.IsIdentifier(name):
		return errors.New("not a Go identifier")
	case name == "main":
		return errors.New("a generated package cannot be a command (package main)")
	case name == "_":
		return errors.New("the blank identifier cannot be a package name")
	}
	return nil
}

// provenance is what made the package, for the header of its doc.go: the model reference
// as given (a gomod: reference, or the path relative to the output folder, so that it does
// not depend on where the generator runs), the model file's SHA-256, the generator's
// version and the flags that shape the output.
func provenance(ref, path, out string, flags []string) (*gen.Provenance, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	if !strings.HasPrefix(ref, modelsrc.Prefix) {
		absModel, err1 := filepath.Abs(ref)
		absOut, err2 := filepath.Abs(out)
		if err := errors.Join(err1, err2); err != nil {
			return nil, err
		}
		rel, err := filepath.Rel(absOut, absModel)
		if err != nil {
			return nil, err
		}
		ref = filepath.ToSlash(rel)
	}
	return &gen.Provenance{Model: ref, SHA256: hex.EncodeToString(sum[:]), Version: moduleVersion(), Flags: flags}, nil
}

// moduleVersion is the generator module's version as the go command recorded it: a
// release or pseudo-version when installed or run as a tool, "(devel)" from a checkout.
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(unknown)"
}

// versionLine is what -version prints: the module, its version, the commit when the
// binary records one, and the Go version.
func versionLine() string {
	line := "awsgen (github.com/awsgen/awsgen) " + moduleVersion()
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" {
				line += " commit " + s.Value
			}
			if s.Key == "vcs.modified" && s.Value == "true" {
				line += " (modified)"
			}
		}
	}
	return line + ", " + runtime.Version()
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
