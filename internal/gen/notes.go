package gen

import (
	"fmt"
	"sort"
	"strings"

	"github.com/awsgen/awsgen/internal/ir"
)

// Notes lists what the package Generate writes for m and opt leaves out, one sentence
// each: a protocol without a wire codec and client, operations the client cannot send, and
// patterns Validate cannot check. cmd/gen prints them on stderr; the package doc says the
// first.
func Notes(m *ir.Model, opt Options) ([]string, error) {
	g, err := newGenerator(m, opt)
	if err != nil {
		return nil, err
	}
	var notes []string
	if n := g.protocolNote(); n != "" {
		notes = append(notes, n)
	}
	if g.client() {
		var streams []string
		for _, op := range g.ops {
			if op.EventStream() != nil {
				streams = append(streams, op.Name)
			}
		}
		if len(streams) > 0 {
			notes = append(notes, fmt.Sprintf("event streams are not supported: the client methods of %s return ErrEventStream",
				strings.Join(streams, ", ")))
		}
	}
	seen := map[string]bool{}
	var patterns []string
	for _, s := range g.types {
		for _, mem := range s.Members {
			p := mem.Pattern()
			if mem.Target.Kind != ir.String || p == "" || seen[p] {
				continue
			}
			seen[p] = true
			if _, err := TranslatePattern(p); err != nil {
				patterns = append(patterns, p)
			}
		}
	}
	if len(patterns) > 0 {
		sort.Strings(patterns)
		notes = append(notes, fmt.Sprintf("Validate does not check %d @pattern constraint(s) that Go's regexp (RE2) cannot express, such as %s",
			len(patterns), patterns[0]))
	}
	return notes, nil
}

// protocolNote says what a service whose protocol has no codec here gets, or is "".
func (g *generator) protocolNote() string {
	svc := g.m.Service
	switch {
	case svc == nil:
		return "the model has no service: the package has its types and their methods, and no client"
	case g.json:
		return ""
	case svc.Protocol == "":
		return "the service names no protocol: the package has its types and their methods, and no wire codec or client"
	}
	return "protocol " + svc.Protocol + " is not supported yet: the package has its types, their methods and the Operations table, and no wire codec or client"
}

// didYouMean suggests the names nearest to name, for an error message: those equal to it
// but for case, else up to three within an edit distance of a third of its length (at
// least 2), nearest first; "" when none is near.
func didYouMean(name string, names []string) string {
	var near []string
	for _, n := range names {
		if strings.EqualFold(n, name) {
			near = append(near, n)
		}
	}
	sort.Strings(near)
	if len(near) == 0 {
		limit := max(2, len(name)/3)
		dist := map[string]int{}
		for _, n := range names {
			if d := editDistance(strings.ToLower(name), strings.ToLower(n)); d <= limit {
				dist[n] = d
				near = append(near, n)
			}
		}
		sort.Slice(near, func(i, j int) bool {
			if dist[near[i]] != dist[near[j]] {
				return dist[near[i]] < dist[near[j]]
			}
			return near[i] < near[j]
		})
	}
	if len(near) == 0 {
		return ""
	}
	if len(near) > 3 {
		near = near[:3]
	}
	return " (did you mean " + strings.Join(near, ", ") + "?)"
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
