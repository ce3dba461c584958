package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// gremlins' statuses.
const (
	gKilled     = "KILLED"
	gLived      = "LIVED"
	gTimedOut   = "TIMED OUT"
	gNotViable  = "NOT VIABLE"
	gNotCovered = "NOT COVERED"
)

// writeReport renders every part's latest results into report.txt, and the summary tables
// to stdout as well.
func writeReport(cfg config) int {
	var results []partResult
	for _, name := range partNames() {
		b, err := os.ReadFile(filepath.Join(cfg.out, name+".json"))
		if err != nil {
			continue
		}
		var r partResult
		if err := json.Unmarshal(b, &r); err != nil {
			return fail(err)
		}
		results = append(results, r)
	}
	if len(results) == 0 {
		return fail(fmt.Errorf("no results under %s", cfg.out))
	}
	path := filepath.Join(cfg.work, "report.txt")
	f, err := os.Create(path)
	if err != nil {
		return fail(err)
	}
	defer f.Close()
	fmt.Fprintf(f, "awsgen mutation report, %s\nrepo %s; make mutate (go run ./internal/tools/mutate)\n\n", time.Now().Format(time.DateTime), cfg.repo)
	summary(io.MultiWriter(f, os.Stdout), results)
	details(f, results)
	fmt.Printf("\nreport: %s\n", path)
	return 0
}

func summary(w io.Writer, results []partResult) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "== gremlins (v0.6.0): mutants tested = killed + survived + timed out + not viable")
	fmt.Fprintln(tw, "part\tmutants\tkilled\tsurvived\ttimed out\tnot viable\tnot covered\tefficacy\ttime\tmutant timeout\tstarted\tsource\t")
	for _, r := range results {
		if r.Kind != "gremlins" {
			continue
		}
		if r.Error != "" {
			fmt.Fprintf(tw, "%s\tERROR\t\t\t\t\t\t\t%s\t\t%s\t%s\t\n", r.Name, dur(r.Elapsed), r.Started.Format("15:04"), r.Source)
			continue
		}
		c := map[string]int{}
		for _, m := range r.Mutants {
			c[m.Status]++
		}
		tested := c[gKilled] + c[gLived] + c[gTimedOut] + c[gNotViable]
		eff := "-"
		if c[gKilled]+c[gLived] > 0 {
			eff = fmt.Sprintf("%.1f%%", 100*float64(c[gKilled])/float64(c[gKilled]+c[gLived]))
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t\n", r.Name, tested, c[gKilled], c[gLived],
			c[gTimedOut], c[gNotViable], c[gNotCovered], eff, dur(r.Elapsed), dur(r.Timeout), r.Started.Format("15:04"), r.Source)
	}
	tw.Flush()
	for _, r := range results {
		if r.Note != "" && r.Kind == "gremlins" {
			fmt.Fprintf(w, "  %s: %s\n", r.Name, r.Note)
		}
		if r.Error != "" {
			fmt.Fprintf(w, "  %s: ERROR %s\n", r.Name, firstLine(r.Error))
		}
	}
	for _, r := range results {
		if r.Kind != "gen" {
			continue
		}
		c := map[string]int{}
		for _, g := range r.Gen {
			c[g.Status]++
		}
		fmt.Fprintf(w, "\n== generator mutations (table.go): %d mutants, %d killed, %d survived, %d timed out",
			len(r.Gen), c[killed], c[survived], c[timedOut])
		if n := c[stale] + c[noVerdict]; n > 0 {
			fmt.Fprintf(w, ", %d stale, %d without verdict", c[stale], c[noVerdict])
		}
		fmt.Fprintf(w, "; %s (started %s, %s)\n", dur(r.Elapsed), r.Started.Format("15:04"), r.Source)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "id\tstatus\ttime\tkilled by\t")
		for _, g := range r.Gen {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", g.ID, g.Status, dur(g.Elapsed), g.By)
		}
		tw.Flush()
		if r.Note != "" {
			fmt.Fprintf(w, "  %s\n", r.Note)
		}
	}
}

func details(w io.Writer, results []partResult) {
	fmt.Fprintln(w, "\n== surviving mutants")
	for _, r := range results {
		switch r.Kind {
		case "gremlins":
			var lived, timed []string
			for _, m := range r.Mutants {
				row := fmt.Sprintf("  %s:%d:%d %s", m.File, m.Line, m.Column, m.Type)
				switch m.Status {
				case gLived:
					lived = append(lived, row)
				case gTimedOut:
					timed = append(timed, row)
				}
			}
			fmt.Fprintf(w, "-- %s: %d survived\n", r.Name, len(lived))
			for _, l := range lived {
				fmt.Fprintln(w, l)
			}
			if len(timed) > 0 {
				fmt.Fprintf(w, "-- %s: %d timed out (counted apart: an endless loop, or a slow machine)\n", r.Name, len(timed))
				for _, l := range timed {
					fmt.Fprintln(w, l)
				}
			}
		case "gen":
			fmt.Fprintln(w, "-- generator mutations")
			for _, g := range r.Gen {
				if g.Status == killed {
					continue
				}
				fmt.Fprintf(w, "  %s %s:%d %s: %s", g.ID, g.File, g.Line, g.Status, g.Bug)
				if g.Detail != "" {
					fmt.Fprintf(w, " (%s)", firstLine(g.Detail))
				}
				fmt.Fprintln(w)
			}
		}
	}

	fmt.Fprintln(w, "\n== gremlins: mutants no test reaches (NOT COVERED), by file and line")
	for _, r := range results {
		byFile := map[string][]int{}
		for _, m := range r.Mutants {
			if m.Status == gNotCovered && !slices.Contains(byFile[m.File], m.Line) {
				byFile[m.File] = append(byFile[m.File], m.Line)
			}
		}
		files := make([]string, 0, len(byFile))
		for f := range byFile {
			files = append(files, f)
		}
		slices.Sort(files)
		for _, f := range files {
			var l []string
			for _, n := range byFile[f] {
				l = append(l, strconv.Itoa(n))
			}
			fmt.Fprintf(w, "  %s: %s\n", f, strings.Join(l, " "))
		}
	}

	fmt.Fprintln(w, "\n== generator mutations: what each stands for, and its steps' verdicts")
	for _, r := range results {
		if r.Kind != "gen" {
			continue
		}
		for _, g := range r.Gen {
			fmt.Fprintf(w, "  %s (%s:%d) %s: %s\n", g.ID, g.File, g.Line, g.Status, g.Bug)
			if g.By != "" {
				fmt.Fprintf(w, "      by %s: %s\n", g.By, firstLine(g.Detail))
			}
		}
		fmt.Fprintln(w, "\n  baseline (each step once without a mutant):")
		for _, b := range r.Baseline {
			state := "ok"
			if !b.OK {
				state = "FAILS, not used: " + firstLine(b.Detail)
			}
			fmt.Fprintf(w, "    %s  %s  %s\n", dur(b.Elapsed), b.Step, state)
		}
	}
}

func dur(d time.Duration) string {
	if d == 0 {
		return "-"
	}
	return d.Round(time.Second).String()
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " ..."
	}
	return s
}
