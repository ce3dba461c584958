// Command skipreport reads the events of go test -json on standard input, prints them as go
// test prints without -json (each package's ok, FAIL or "no test files" line, build errors,
// and the output of failing tests), and ends with every skipped test and its reason:
//
//	go test -json ./... | tee test.json | go run ./internal/tools/skipreport
//
// prints, after go test's usual output,
//
//	skipped tests:
//	    github.com/awsgen/awsgen/internal/gen TestShapesClosure: ../shared/... is absent
//
// or "skipped tests: none". Lines that are not events are printed as they are. It exits 1
// when a test, a package or a build failed, so a pipeline fails even without pipefail.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
)

func main() {
	if len(os.Args) > 1 {
		fmt.Fprintln(os.Stderr, "usage: go test -json ./... | skipreport")
		os.Exit(2)
	}
	r := newReport(os.Stdout)
	if err := r.read(os.Stdin); err != nil {
		fmt.Fprintln(os.Stderr, "skipreport:", err)
		os.Exit(2)
	}
	r.printSkipped()
	if r.failed {
		os.Exit(1)
	}
}

// event is one line of go test -json (see go doc cmd/test2json).
type event struct {
	Action     string
	Package    string
	Test       string
	Output     string
	ImportPath string // build-output and build-fail
}

// line is one line of output and the test that printed it.
type line struct{ test, text string }

// skip is one skipped test.
type skip struct{ pkg, test, reason string }

type report struct {
	w      io.Writer
	failed bool
	// pkgOut holds what is printed for each package until the package ends, so that
	// packages tested at the same time are not interleaved (as go test prints them).
	pkgOut map[string]*strings.Builder
	// running holds, per package and top-level test, the output of that test and its
	// subtests in order, until the top-level test ends; failedTests, which of them failed.
	running     map[string][]line
	failedTests map[string]bool
	skipped     []skip
}

func newReport(w io.Writer) *report {
	return &report{w: w, pkgOut: map[string]*strings.Builder{}, running: map[string][]line{}, failedTests: map[string]bool{}}
}

// out is where the output of pkg goes until pkg ends.
func (r *report) out(pkg string) *strings.Builder {
	b := r.pkgOut[pkg]
	if b == nil {
		b = new(strings.Builder)
		r.pkgOut[pkg] = b
	}
	return b
}

// flush prints the output of pkg.
func (r *report) flush(pkg string) {
	if b := r.pkgOut[pkg]; b != nil {
		io.WriteString(r.w, b.String())
		delete(r.pkgOut, pkg)
	}
}

func (r *report) read(in io.Reader) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	for sc.Scan() {
		var e event
		if b := sc.Bytes(); len(b) == 0 || b[0] != '{' || json.Unmarshal(b, &e) != nil || e.Action == "" {
			fmt.Fprintf(r.w, "%s\n", b)
			continue
		}
		r.event(e)
	}
	// Packages that never ended (go test was interrupted).
	for _, pkg := range slices.Sorted(maps.Keys(r.running)) {
		r.unfinished(strings.SplitN(pkg, " ", 2)[0])
	}
	for _, pkg := range slices.Sorted(maps.Keys(r.pkgOut)) {
		r.flush(pkg)
	}
	return sc.Err()
}

// key names a top-level test of a package.
func key(pkg, test string) string {
	top, _, _ := strings.Cut(test, "/")
	return pkg + " " + top
}

func (r *report) event(e event) {
	switch {
	case e.Action == "build-output":
		io.WriteString(r.w, e.Output)
	case e.Action == "build-fail":
		r.failed = true
	case e.Test == "":
		// The package: its summary line, and output outside any test.
		switch e.Action {
		case "output":
			if strings.HasPrefix(e.Output, "FAIL") {
				r.unfinished(e.Package)
			}
			if e.Output != "PASS\n" && e.Output != "testing: warning: no tests to run\n" {
				r.out(e.Package).WriteString(e.Output)
			}
		case "fail":
			r.failed = true
			r.unfinished(e.Package)
			r.flush(e.Package)
		case "pass", "skip":
			r.flush(e.Package)
		}
	case e.Action == "output":
		k := key(e.Package, e.Test)
		r.running[k] = append(r.running[k], line{e.Test, e.Output})
	case e.Action == "fail":
		r.failed = true
		r.failedTests[e.Package+" "+e.Test] = true
		r.end(e)
	case e.Action == "skip":
		r.skipped = append(r.skipped, skip{e.Package, e.Test, reason(r.running[key(e.Package, e.Test)], e.Test)})
		r.end(e)
	case e.Action == "pass":
		r.end(e)
	}
}

// unfinished prints the output of the tests of pkg that never ended: its test binary crashed
// or timed out.
func (r *report) unfinished(pkg string) {
	for _, k := range slices.Sorted(maps.Keys(r.running)) {
		if strings.HasPrefix(k, pkg+" ") {
			r.print(pkg, r.running[k], nil)
			delete(r.running, k)
		}
	}
}

// end settles a test that passed, failed or was skipped: when it is a top-level test that
// failed, its output and that of its failed subtests is printed.
func (r *report) end(e event) {
	if strings.Contains(e.Test, "/") {
		return
	}
	k := key(e.Package, e.Test)
	if r.failedTests[k] {
		r.print(e.Package, r.running[k], func(test string) bool { return r.failedTests[e.Package+" "+test] })
	}
	delete(r.running, k)
	for t := range r.failedTests {
		if t == k || strings.HasPrefix(t, k+"/") {
			delete(r.failedTests, t)
		}
	}
}

// print adds to the output of pkg the lines of the tests keep accepts (all when nil), without
// the lines that only mark a test's start.
func (r *report) print(pkg string, lines []line, keep func(test string) bool) {
	for _, l := range lines {
		if (keep == nil || keep(l.test)) && !framing(l.text) {
			r.out(pkg).WriteString(l.text)
		}
	}
}

func framing(s string) bool {
	for _, p := range []string{"=== RUN", "=== PAUSE", "=== CONT", "=== NAME"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// logLine is the start of a message of t.Log, t.Skip, t.Error...: "    file_test.go:12: ".
var logLine = regexp.MustCompile(`^\s*[^\s:]+\.go:\d+: `)

// reason is the skip message of test: its last logged message (with the lines that continue
// it), which t.Skip printed.
func reason(lines []line, test string) string {
	var own []string
	for _, l := range lines {
		if l.test == test && !framing(l.text) && !strings.HasPrefix(l.text, "--- ") {
			own = append(own, l.text)
		}
	}
	for i := len(own) - 1; i >= 0; i-- {
		if loc := logLine.FindStringIndex(own[i]); loc != nil {
			msg := own[i][loc[1]:]
			for _, more := range own[i+1:] {
				msg += " " + strings.TrimSpace(more)
			}
			return strings.Join(strings.Fields(msg), " ")
		}
	}
	return "(no reason given)"
}

// printSkipped writes the skipped tests, by package, in the order they ran.
func (r *report) printSkipped() {
	if len(r.skipped) == 0 {
		fmt.Fprintln(r.w, "\nskipped tests: none")
		return
	}
	slices.SortStableFunc(r.skipped, func(a, b skip) int { return strings.Compare(a.pkg, b.pkg) })
	fmt.Fprintln(r.w, "\nskipped tests:")
	for _, s := range r.skipped {
		fmt.Fprintf(r.w, "    %s %s: %s\n", s.pkg, s.test, s.reason)
	}
}
