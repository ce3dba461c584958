package sweep

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"io"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"

	"github.com/awsgen/awsgen/internal/gen"
	"github.com/awsgen/awsgen/internal/ir"
	"github.com/awsgen/awsgen/internal/load"
)

// The classes of difference between the two formats' declarations of one Go type, in the
// order they are tried: a type is counted under the first that applies.
const (
	DiffKind        = "kind"         // the shape is a different kind (say enum in one, string in the other)
	DiffEnum        = "enum values"  // the enum's values differ
	DiffError       = "error traits" // client or server fault, error code
	DiffMembers     = "members"      // members were added or removed (the models are of different dates)
	DiffNullability = "nullability"  // a member is a value in one and a pointer in the other (@default)
	DiffTargets     = "member types"
	DiffConstraints = "constraints" // required, length, range, pattern, default, timestamp format
	DiffOrder       = "member order"
	DiffOther       = "other"
)

// DiffClasses lists the difference classes in the order they are tried.
var DiffClasses = []string{DiffKind, DiffEnum, DiffError, DiffMembers, DiffNullability, DiffTargets, DiffConstraints, DiffOrder, DiffOther}

// Pair is one service found in both formats.
type Pair struct {
	Smithy, C2J Model
	// Key is what matched them: "sdkId apiVersion" or "endpointPrefix apiVersion".
	Key string
}

// Comparison is the outcome of comparing one pair.
type Comparison struct {
	Pair
	Err error
	// Both counts the Go types declared in both packages; Equal those whose declarations
	// (the type and all its methods) print identically.
	Both, Equal         int
	OnlySmithy, OnlyC2J int
	// Diff counts the differing types by class; Detail by class and what differs first
	// ("constraints: pattern"); Examples holds a few type names per class.
	Diff     map[string]int
	Detail   map[string]int
	Examples map[string][]string
}

// CrossReport is the outcome of a cross-format comparison.
type CrossReport struct {
	Comparisons []*Comparison
	// Unmatched are the models of either format with no counterpart.
	Unmatched []Model
}

// identity is what a model's service says about itself.
type identity struct {
	sdk, endpoint, version string
}

func identityOf(m *ir.Model) identity {
	if m.Service == nil {
		return identity{}
	}
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), "")) }
	return identity{norm(m.Service.SDKID), strings.ToLower(m.Service.EndpointPrefix), m.Service.APIVersion}
}

// Match loads every model and pairs the Smithy and c2j models of the same service: the same
// sdkId (c2j serviceId) and API version, else the same endpoint prefix and API version.
func Match(smithy, c2j []Model, workers int) ([]Pair, []Model, error) {
	all := append(append([]Model(nil), smithy...), c2j...)
	ids := make([]identity, len(all))
	errs := make([]error, len(all))
	parallel(len(all), workers, func(i int) {
		m, err := load.File(all[i].Path)
		if err != nil {
			errs[i] = err
			return
		}
		ids[i] = identityOf(m)
	})
	for _, err := range errs {
		if err != nil {
			return nil, nil, err
		}
	}
	used := make([]bool, len(all))
	var pairs []Pair
	for _, field := range []string{"sdkId", "endpointPrefix"} {
		key := func(id identity) string {
			if field == "sdkId" {
				if id.sdk == "" {
					return ""
				}
				return id.sdk + " " + id.version
			}
			if id.endpoint == "" {
				return ""
			}
			return id.endpoint + " " + id.version
		}
		byKey := map[string][]int{}
		for i := len(smithy); i < len(all); i++ {
			if k := key(ids[i]); k != "" && !used[i] {
				byKey[k] = append(byKey[k], i)
			}
		}
		for i := range smithy {
			k := key(ids[i])
			if k == "" || used[i] || len(byKey[k]) != 1 || used[byKey[k][0]] {
				continue
			}
			j := byKey[k][0]
			used[i], used[j] = true, true
			pairs = append(pairs, Pair{Smithy: all[i], C2J: all[j], Key: field + " " + k})
		}
	}
	var unmatched []Model
	for i, m := range all {
		if !used[i] {
			unmatched = append(unmatched, m)
		}
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].Smithy.Name < pairs[j].Smithy.Name })
	return pairs, unmatched, nil
}

// CrossFormat compares every pair, generating both models without docs and tests.
func CrossFormat(pairs []Pair, workers int) []*Comparison {
	out := make([]*Comparison, len(pairs))
	parallel(len(pairs), workers, func(i int) { out[i] = Compare(pairs[i]) })
	return out
}

// Compare generates both models of a pair and compares the declarations of every Go type.
func Compare(p Pair) *Comparison {
	c := &Comparison{Pair: p, Diff: map[string]int{}, Detail: map[string]int{}, Examples: map[string][]string{}}
	sm, sd, err := declsOf(p.Smithy)
	if err != nil {
		c.Err = err
		return c
	}
	cm, cd, err := declsOf(p.C2J)
	if err != nil {
		c.Err = err
		return c
	}
	for _, name := range sortedKeys(sd) {
		cdecl, ok := cd[name]
		if !ok {
			c.OnlySmithy++
			continue
		}
		c.Both++
		if sd[name] == cdecl {
			c.Equal++
			continue
		}
		class, detail, _ := strings.Cut(classify(typeShape(sm, name), typeShape(cm, name)), ": ")
		c.Diff[class]++
		if detail != "" {
			c.Detail[class+": "+detail]++
		}
		if len(c.Examples[class]) < 3 {
			c.Examples[class] = append(c.Examples[class], name)
		}
	}
	for name := range cd {
		if _, ok := sd[name]; !ok {
			c.OnlyC2J++
		}
	}
	return c
}

// typeShape finds the shape whose Go type is name.
func typeShape(m *ir.Model, name string) *ir.Shape {
	for _, s := range m.Shapes {
		if s.HasType() && s.GoName == name {
			return s
		}
	}
	return nil
}

// declsOf generates a model (same package name for both formats, no docs, no tests) and
// returns, per Go type of a shape, its declarations printed and joined: the type, its
// methods in every file, its enum constants and the decoder's store type.
func declsOf(mod Model) (*ir.Model, map[string]string, error) {
	m, err := load.File(mod.Path)
	if err != nil {
		return nil, nil, err
	}
	files, err := gen.Generate(m, gen.Options{Package: "svc", NoDocs: true, NoTests: true})
	if err != nil {
		return nil, nil, err
	}
	types := map[string]bool{}
	for _, s := range m.Shapes {
		if s.HasType() {
			types[s.GoName] = true
		}
	}
	decls := map[string][]string{}
	// Pattern variables are numbered in emission order, which differs between models; the
	// declarations are compared with each variable replaced by its expression.
	patterns := map[string]string{}
	fset := token.NewFileSet()
	for _, name := range sortedKeys(files) {
		if strings.HasPrefix(name, "runtime_") || name == "doc.go" {
			continue // the same text in every package
		}
		f, err := parser.ParseFile(fset, name, files[name], parser.SkipObjectResolution)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %s: %w", mod.Path, name, err)
		}
		for _, d := range f.Decls {
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.VAR {
				for _, spec := range gd.Specs {
					vs := spec.(*ast.ValueSpec)
					if len(vs.Names) == 1 && len(vs.Values) == 1 && patternVar.MatchString(vs.Names[0].Name+"()") {
						var b strings.Builder
						printer.Fprint(&b, fset, vs.Values[0])
						patterns[vs.Names[0].Name] = b.String()
					}
				}
			}
			key := declType(d)
			if strings.HasPrefix(key, "store") && types[key[len("store"):]] {
				key = key[len("store"):]
			}
			if !types[key] {
				continue
			}
			var b strings.Builder
			if err := printer.Fprint(&b, fset, d); err != nil {
				return nil, nil, err
			}
			decls[key] = append(decls[key], b.String())
		}
	}
	out := map[string]string{}
	for k, ds := range decls {
		sort.Strings(ds)
		out[k] = patternVar.ReplaceAllStringFunc(strings.Join(ds, "\n"), func(call string) string {
			if e, ok := patterns[strings.TrimSuffix(call, "()")]; ok {
				return e
			}
			return call
		})
		out[k] = slabCall.ReplaceAllString(out[k], "jsonStoreFrom[$1](d, N)")
	}
	return m, out, nil
}

// slabCall takes a value from one of the decoder's slabs, numbered by the type's position
// among the package's types, which differs between the formats.
var slabCall = regexp.MustCompile(`jsonStoreFrom\[(\w+)\]\(d, \d+\)`)

// patternVar is a call of a generated pattern variable.
var patternVar = regexp.MustCompile(`\bpattern\d+\(\)`)

// declType names the type a top-level declaration belongs to: the type declared, a
// method's receiver type, or the type of the first constant of a const block; "" otherwise.
func declType(d ast.Decl) string {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil || len(d.Recv.List) == 0 {
			return ""
		}
		t := d.Recv.List[0].Type
		if s, ok := t.(*ast.StarExpr); ok {
			t = s.X
		}
		if id, ok := t.(*ast.Ident); ok {
			return id.Name
		}
	case *ast.GenDecl:
		if len(d.Specs) == 0 {
			return ""
		}
		switch s := d.Specs[0].(type) {
		case *ast.TypeSpec:
			return s.Name.Name
		case *ast.ValueSpec:
			if d.Tok == token.CONST {
				if id, ok := s.Type.(*ast.Ident); ok {
					return id.Name
				}
			}
		}
	}
	return ""
}

// classify names the first class of difference that applies between the shapes a and b
// (of the Smithy and c2j models) of one Go type; constraints say which differs first, as
// in "constraints: pattern".
func classify(a, b *ir.Shape) string {
	if a == nil || b == nil {
		return DiffOther
	}
	if a.Kind != b.Kind {
		return DiffKind
	}
	if a.Kind == ir.Enum || a.Kind == ir.IntEnum {
		if enumValues(a) != enumValues(b) {
			return DiffEnum
		}
		return DiffOther
	}
	if a.Error != b.Error || a.ErrorCode != b.ErrorCode {
		return DiffError
	}
	am, bm := membersByName(a), membersByName(b)
	if len(am) != len(bm) {
		return DiffMembers
	}
	for n := range am {
		if bm[n] == nil {
			return DiffMembers
		}
	}
	for _, x := range a.Members {
		if x.Pointer() != bm[x.Name].Pointer() {
			return DiffNullability
		}
	}
	for _, x := range a.Members {
		y := bm[x.Name]
		if x.Target.Kind != y.Target.Kind || x.Target.GoName != y.Target.GoName || x.Target.Sparse() != y.Target.Sparse() {
			return DiffTargets
		}
	}
	for _, x := range a.Members {
		if d := constraintDiff(x, bm[x.Name]); d != "" {
			return DiffConstraints + ": " + d
		}
	}
	for i, m := range a.Members {
		if b.Members[i].Name != m.Name {
			return DiffOrder
		}
	}
	return DiffOther
}

func enumValues(s *ir.Shape) string {
	var p []string
	for _, v := range s.EnumValues {
		p = append(p, fmt.Sprintf("%s=%s/%d", v.GoName, v.Value, v.IntValue))
	}
	return strings.Join(p, ",")
}

func membersByName(s *ir.Shape) map[string]*ir.Member {
	out := map[string]*ir.Member{}
	for _, m := range s.Members {
		out[m.Name] = m
	}
	return out
}

// constraintDiff names the first constraint of a member that differs between a and b:
// "required", "sensitive", "length", "length min 0 vs none", "range", "pattern",
// "pattern anchoring", "default" or "timestamp format".
func constraintDiff(a, b *ir.Member) string {
	bounds := func(b *ir.Bounds) string {
		if b == nil {
			return ""
		}
		s := ""
		if b.Min != nil {
			s = *b.Min
		}
		s += ".."
		if b.Max != nil {
			s += *b.Max
		}
		return s
	}
	def := func(m *ir.Member) string {
		if m.Traits.Default == nil {
			return ""
		}
		return *m.Traits.Default
	}
	switch {
	case a.Required() != b.Required():
		return "required"
	case a.Sensitive() != b.Sensitive():
		return "sensitive"
	case bounds(a.Length()) != bounds(b.Length()):
		// A length of at least 0 is no minimum: equivalent, but generated differently.
		if noMin(bounds(a.Length())) == noMin(bounds(b.Length())) {
			return "length min 0 vs none"
		}
		return "length"
	case bounds(a.Range()) != bounds(b.Range()):
		return "range"
	case a.Pattern() != b.Pattern():
		if anchorsOnly(a.Pattern(), b.Pattern()) {
			return "pattern anchoring"
		}
		return "pattern"
	case def(a) != def(b):
		return "default"
	case a.TimestampFormat() != b.TimestampFormat():
		return "timestamp format"
	}
	return ""
}

// anchorsOnly reports whether two patterns differ only in how they are anchored: botocore
// rewrites Smithy's search patterns into whole-string ones ("\S" as "^.*\S.*$", "^a|b$" as
// "^(?:a|b)$"), which is the same for most patterns and stricter for alternations.
func anchorsOnly(smithy, c2j string) bool {
	core := func(p string) string {
		p = strings.TrimPrefix(p, "^")
		if strings.HasSuffix(p, "$") && !strings.HasSuffix(p, `\$`) {
			p = p[:len(p)-1]
		}
		if strings.HasPrefix(p, "(?:") && strings.HasSuffix(p, ")") {
			p = p[len("(?:") : len(p)-1]
		}
		p = strings.TrimPrefix(p, ".*")
		return strings.TrimSuffix(p, ".*")
	}
	return core(smithy) == core(c2j)
}

// noMin rewrites length bounds "0..max" as "..max".
func noMin(b string) string {
	if rest, ok := strings.CutPrefix(b, "0.."); ok {
		return ".." + rest
	}
	return b
}

// Totals sums the comparisons.
func (cr *CrossReport) Totals() Comparison {
	t := Comparison{Diff: map[string]int{}, Detail: map[string]int{}}
	for _, c := range cr.Comparisons {
		for k, v := range c.Detail {
			t.Detail[k] += v
		}
		t.Both += c.Both
		t.Equal += c.Equal
		t.OnlySmithy += c.OnlySmithy
		t.OnlyC2J += c.OnlyC2J
		for k, v := range c.Diff {
			t.Diff[k] += v
		}
	}
	return t
}

// Print writes the per-service table and the totals.
func (cr *CrossReport) Print(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := "smithy model\tc2j model\tin both\tequal\tdiffer\tonly smithy\tonly c2j\t"
	for _, d := range DiffClasses {
		head += d + "\t"
	}
	fmt.Fprintln(tw, head)
	row := func(a, b string, c *Comparison) {
		line := fmt.Sprintf("%s\t%s\t%d\t%d\t%d\t%d\t%d\t", a, b, c.Both, c.Equal, c.Both-c.Equal, c.OnlySmithy, c.OnlyC2J)
		for _, d := range DiffClasses {
			line += fmt.Sprintf("%d\t", c.Diff[d])
		}
		fmt.Fprintln(tw, line)
	}
	var failed []*Comparison
	for _, c := range cr.Comparisons {
		if c.Err != nil {
			failed = append(failed, c)
			continue
		}
		row(c.Smithy.Name, c.C2J.Name, c)
	}
	t := cr.Totals()
	row(fmt.Sprintf("total (%d services)", len(cr.Comparisons)-len(failed)), "", &t)
	tw.Flush()
	for _, c := range failed {
		fmt.Fprintf(w, "failed: %s / %s: %v\n", c.Smithy.Name, c.C2J.Name, c.Err)
	}
	fmt.Fprintln(w)
	pct := func(n int) string {
		if t.Both == 0 {
			return "-"
		}
		return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(t.Both))
	}
	fmt.Fprintf(w, "types in both formats: %d; equal %d (%s); different %d (%s); only in smithy %d; only in c2j %d\n",
		t.Both, t.Equal, pct(t.Equal), t.Both-t.Equal, pct(t.Both-t.Equal), t.OnlySmithy, t.OnlyC2J)
	fmt.Fprintln(w, "differences by class (first that applies), with examples:")
	for _, d := range DiffClasses {
		var ex []string
		for _, c := range cr.Comparisons {
			for _, e := range c.Examples[d] {
				if len(ex) < 4 {
					ex = append(ex, c.C2J.Name+" "+e)
				}
			}
		}
		fmt.Fprintf(w, "  %-12s %6d  %s\n", d, t.Diff[d], strings.Join(ex, ", "))
		for _, k := range sortedKeys(t.Detail) {
			if detail, ok := strings.CutPrefix(k, d+": "); ok {
				fmt.Fprintf(w, "    %-22s %6d\n", detail, t.Detail[k])
			}
		}
	}
	var un []string
	for _, m := range cr.Unmatched {
		un = append(un, m.Format.String()+":"+m.Name)
	}
	fmt.Fprintf(w, "models without a counterpart (%d): %s\n", len(un), strings.Join(un, " "))
}

// parallel runs f(0..n-1) on workers goroutines (GOMAXPROCS when workers <= 0).
func parallel(n, workers int, f func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				f(i)
			}
		}()
	}
	for i := range n {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}
