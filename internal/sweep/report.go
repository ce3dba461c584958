package sweep

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
)

// Clean reports whether every model generated, compiled and vetted clean.
func (rep *Report) Clean() bool {
	for _, r := range rep.Results {
		if !r.OK() {
			return false
		}
	}
	return len(rep.ToolErrors) == 0
}

// formatTotals are the per-format counts of the summary table.
type formatTotals struct {
	models, shapes, ops, generated, genFail, gofmt, build, vet, clean int
	genTime, compileTime                                              time.Duration
	bytes                                                             int64
}

// Print writes the summary: the per-format table, failures by cause, compile and vet
// failures with their first lines, timings and memory, and the unenforced patterns.
func (rep *Report) Print(w io.Writer) {
	tot := map[Format]*formatTotals{}
	for _, f := range Formats {
		tot[f] = &formatTotals{}
	}
	for _, r := range rep.Results {
		t := tot[r.Format]
		t.models++
		t.shapes += r.Shapes
		t.ops += r.Operations
		t.genTime += r.GenTime
		t.compileTime += r.CompileTime
		t.bytes += int64(r.Bytes)
		switch {
		case r.Err != nil:
			t.genFail++
			continue
		default:
			t.generated++
		}
		if len(r.Gofmt) > 0 {
			t.gofmt++
		}
		if len(r.Build) > 0 {
			t.build++
		}
		if len(r.Vet) > 0 {
			t.vet++
		}
		if r.OK() {
			t.clean++
		}
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "format\tmodels\tshapes\toperations\tgenerated\tgen failed\tgofmt\tbuild failed\tvet failed\tclean\tgen time (sum)\tcompile time (sum)\toutput\t")
	var all formatTotals
	row := func(name string, t *formatTotals) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%v\t%v\t%s\t\n", name, t.models, t.shapes, t.ops,
			t.generated, t.genFail, t.gofmt, t.build, t.vet, t.clean, t.genTime.Round(time.Second), t.compileTime.Round(time.Second), MiB(t.bytes))
	}
	for _, f := range Formats {
		t := tot[f]
		if t.models == 0 {
			continue
		}
		row(string(f), t)
		all.models += t.models
		all.shapes += t.shapes
		all.ops += t.ops
		all.generated += t.generated
		all.genFail += t.genFail
		all.gofmt += t.gofmt
		all.build += t.build
		all.vet += t.vet
		all.clean += t.clean
		all.genTime += t.genTime
		all.compileTime += t.compileTime
		all.bytes += t.bytes
	}
	row("total", &all)
	tw.Flush()

	fmt.Fprintln(w)
	fmt.Fprintf(w, "generation: %v wall, %v CPU, %d workers; largest model %s: peak RSS %s; peak RSS of the generation phase %s\n",
		rep.GenWall.Round(time.Millisecond), rep.GenCPU.Round(time.Second), rep.Workers, rep.Largest, MiB(rep.LargestRSS), MiB(rep.PeakRSS))
	if rep.CompileWall > 0 || rep.VetWall > 0 {
		fmt.Fprintf(w, "compile (%s): warm-up (standard library) %v; go build %v wall, %v CPU; go vet %v wall, %v CPU; peak RSS of a compiler or vet process %s\n",
			rep.BuildMode, rep.WarmWall.Round(time.Second), rep.CompileWall.Round(time.Second), rep.CompileCPU.Round(time.Second),
			rep.VetWall.Round(time.Second), rep.VetCPU.Round(time.Second), MiB(rep.CompileRSS))
		if len(rep.NotBuilt) > 0 {
			fmt.Fprintf(w, "vetted but not built (over the size limit): %s\n", strings.Join(rep.NotBuilt, ", "))
		}
	}

	causes := map[string]map[Format]int{}
	for _, r := range rep.Results {
		if r.Err == nil {
			continue
		}
		if causes[r.Cause] == nil {
			causes[r.Cause] = map[Format]int{}
		}
		causes[r.Cause][r.Format]++
	}
	fmt.Fprintln(w)
	if len(causes) == 0 {
		fmt.Fprintln(w, "generate failures by cause: none")
	} else {
		fmt.Fprintln(w, "generate failures by cause:")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  cause\tsmithy\tc2j\tfirst models")
		for _, c := range sortedKeys(causes) {
			var first []string
			for _, r := range rep.Results {
				if r.Err != nil && r.Cause == c && len(first) < 3 {
					first = append(first, r.Format.String()+":"+r.Name)
				}
			}
			fmt.Fprintf(tw, "  %s\t%d\t%d\t%s\n", c, causes[c][Smithy], causes[c][C2J], strings.Join(first, " "))
		}
		tw.Flush()
		for _, r := range rep.Results {
			if pe, ok := r.Err.(*PanicError); ok {
				fmt.Fprintf(w, "\n%s %s: %v\n%s\n", r.Format, r.Name, pe.Value, pe.Stack)
				break // one stack is enough to start with
			}
		}
	}

	var bad []*Result
	for _, r := range rep.Results {
		if r.Err == nil && !r.OK() {
			bad = append(bad, r)
		}
	}
	if len(bad) == 0 && len(rep.ToolErrors) == 0 {
		fmt.Fprintln(w, "gofmt, compile and vet failures: none")
	} else {
		fmt.Fprintln(w, "gofmt, compile and vet failures:")
		for _, r := range bad {
			fmt.Fprintf(w, "  %s %s (%s):\n", r.Format, r.Name, r.ImportPath())
			if len(r.Gofmt) > 0 {
				fmt.Fprintf(w, "    gofmt: %s\n", strings.Join(r.Gofmt, " "))
			}
			for _, l := range r.Build {
				fmt.Fprintf(w, "    build: %s\n", l)
			}
			for _, l := range r.Vet {
				fmt.Fprintf(w, "    vet: %s\n", l)
			}
		}
		for _, e := range rep.ToolErrors {
			fmt.Fprintf(w, "  %s\n", e)
		}
	}

	fmt.Fprintln(w)
	rep.printSlowest(w, "slowest generations", func(r *Result) time.Duration { return r.GenTime })
	rep.printSlowest(w, "slowest compiles", func(r *Result) time.Duration { return r.CompileTime })
	rep.printPatterns(w)
	rep.printUnsupported(w)
}

// printUnsupported lists the operations whose client method only returns an error, per
// format.
func (rep *Report) printUnsupported(w io.Writer) {
	n := map[Format]int{}
	var lines []string
	for _, r := range rep.Results {
		for _, op := range r.Unsupported {
			n[r.Format]++
			lines = append(lines, fmt.Sprintf("  %s %s: %s", r.Format, r.Name, op))
		}
	}
	if len(lines) == 0 {
		fmt.Fprintln(w, "client operations not supported: none")
		return
	}
	fmt.Fprintf(w, "client operations not supported (the method returns an *OperationError wrapping ErrEventStream): %d smithy, %d c2j\n", n[Smithy], n[C2J])
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}

func (rep *Report) printSlowest(w io.Writer, title string, key func(*Result) time.Duration) {
	rs := append([]*Result(nil), rep.Results...)
	sort.SliceStable(rs, func(i, j int) bool { return key(rs[i]) > key(rs[j]) })
	if len(rs) == 0 || key(rs[0]) == 0 {
		return
	}
	fmt.Fprintln(w, title+":")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, r := range rs[:min(5, len(rs))] {
		fmt.Fprintf(tw, "  %s %s\t%v\t%d shapes\t%d operations\t%s generated\n", r.Format, r.Name, key(r).Round(time.Millisecond), r.Shapes, r.Operations, MiB(int64(r.Bytes)))
	}
	tw.Flush()
}

// printPatterns lists the patterns RE2 cannot compile, with the number of models of each
// format that use them.
func (rep *Report) printPatterns(w io.Writer) {
	count := map[string]map[Format]int{}
	reason := map[string]string{}
	byReason := map[string]map[Format]int{}
	for _, r := range rep.Results {
		for _, p := range r.Patterns {
			if count[p.Pattern] == nil {
				count[p.Pattern] = map[Format]int{}
			}
			count[p.Pattern][r.Format]++
			reason[p.Pattern] = p.Reason
			if byReason[p.Reason] == nil {
				byReason[p.Reason] = map[Format]int{}
			}
			byReason[p.Reason][r.Format]++
		}
	}
	if len(count) == 0 {
		fmt.Fprintln(w, "patterns RE2 cannot compile (not enforced by Validate): none")
		return
	}
	ps := sortedKeys(count)
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := count[ps[i]], count[ps[j]]
		return a[Smithy]+a[C2J] > b[Smithy]+b[C2J]
	})
	fmt.Fprintf(w, "patterns RE2 cannot compile (not enforced by Validate): %d distinct; by reason (pattern uses, per format):\n", len(ps))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  smithy\tc2j\treason")
	for _, r := range sortedKeys(byReason) {
		fmt.Fprintf(tw, "  %d\t%d\t%s\n", byReason[r][Smithy], byReason[r][C2J], r)
	}
	tw.Flush()
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  smithy models\tc2j models\treason\tpattern")
	for _, p := range ps {
		fmt.Fprintf(tw, "  %d\t%d\t%s\t%s\n", count[p][Smithy], count[p][C2J], reason[p], p)
	}
	tw.Flush()
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
