package gen

import (
	"bytes"
	"errors"
	"fmt"
	"go/format"
	"hash/maphash"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dave/jennifer/jen"
)

// Generating a package is mostly jennifer and gofmt: jennifer writes unindented source and
// formatting makes it Go. To use every core, each emitter's file is built and rendered without
// formatting (the largest in shards, shard.go; code shared by many types rendered once and
// spliced in, pertype.go), cut into chunks at top-level declaration boundaries, and the
// chunks are formatted in parallel (fastfmt.go, go/format where it declines) and handed to
// the caller as soon as a file's are done. gofmt formats each top-level declaration on its
// own, so the chunks are the bytes that formatting the whole file gives (parallel_test.go,
// and internal/genbench's -verify and -verifyc2j on every model, check this).

// chunkSize is the size, in bytes of unformatted source, a chunk grows to before it is cut at
// the next safe boundary. Small enough for two cores to balance on one large file, large
// enough that the per-chunk overhead stays negligible.
var chunkSize = 48 << 10

// output is one generated file on its way: its name and its chunks, formatted in place,
// with an error for the file's rendering or per chunk.
type output struct {
	name   string
	raw    []byte // the unformatted source the chunks are cut from
	chunks [][]byte
	err    error
	errs   []error
	// left counts the chunks not formatted yet; emitErr is emit's error for the file.
	left    atomic.Int32
	emitErr error
}

// firstErr is the file's rendering error or its first chunk's.
func (o *output) firstErr() error {
	if o.err != nil {
		return o.err
	}
	for _, err := range o.errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// generateFiles runs the emitters and the template files on GOMAXPROCS workers and hands
// each file to emit, as the pieces it is the concatenation of, as soon as it is complete
// (from any worker; files in any order). The pieces' buffers are reused once emit returns.
// It returns the first error in emitter order, then template order, whatever the
// scheduling: a file that failed is not emitted, and emit is not called after
// generateFiles returns.
func (g *generator) generateFiles(todo []emitter, emit func(name string, data [][]byte) error) error {
	pool := newTaskPool(runtime.GOMAXPROCS(0))
	run, runFirst := pool.add, pool.addFirst

	outs := make([]*output, len(todo))
	memo := newFormatMemo()
	bufs := &bufFree{}
	// finish emits o when the last of its chunks is formatted.
	finish := func(o *output) {
		if o.left.Add(-1) != 0 || o.firstErr() != nil {
			return
		}
		o.emitErr = emit(o.name, joinedChunks(o.chunks))
		for _, c := range o.chunks {
			bufs.put(c)
		}
		bufs.put(o.raw)
		o.chunks, o.raw = nil, nil
	}
	// An emitter's file is rendered in shards (shard.go); when its last shard is rendered,
	// its source is cut into chunks, formatted by tasks of their own.
	type shardTask struct {
		i, k, n int
		weight  float64
	}
	var tasks []shardTask
	raws := make([][][]byte, len(todo))
	spls := make([][]*splices, len(todo))
	errs := make([][]error, len(todo))
	left := make([]atomic.Int32, len(todo))
	for i, e := range todo {
		outs[i] = &output{name: e.file}
		n := g.shards(e)
		raws[i], spls[i], errs[i] = make([][]byte, n), make([]*splices, n), make([]error, n)
		left[i].Store(int32(n))
		for k := range n {
			tasks = append(tasks, shardTask{i, k, n, float64(emitterWeight[e.file]) / float64(n)})
		}
	}
	// Largest tasks first, so that no large one starts last and leaves one core idle.
	sort.SliceStable(tasks, func(a, b int) bool { return tasks[a].weight > tasks[b].weight })
	// The template files (package doc, runtime, tests): one task each, queued first, as the
	// generated tests take as long as a large shard and would otherwise finish alone.
	tmpls := g.templateFiles()
	touts := make([]*output, len(tmpls))
	for i, t := range tmpls {
		o := &output{name: t.name}
		touts[i] = o
		run(func() {
			b, err := t.make()
			if o.err = err; err == nil {
				o.emitErr = emit(o.name, [][]byte{b})
			}
		})
	}
	for _, t := range tasks {
		e, o := todo[t.i], outs[t.i]
		run(func() {
			raws[t.i][t.k], spls[t.i][t.k], errs[t.i][t.k] = g.shard(t.k, t.n).renderParts(e)
			if left[t.i].Add(-1) != 0 {
				return
			}
			for _, err := range errs[t.i] {
				if err != nil {
					o.err = err
					return
				}
			}
			raw, err := assemble(bufs.get, raws[t.i], spls[t.i])
			raws[t.i], spls[t.i] = nil, nil
			if err == errLayout {
				raw, err = g.renderRaw(e)
			}
			if o.err = err; err != nil {
				return
			}
			var decls [][][]byte
			o.raw = raw
			o.chunks, decls = chunkDecls(raw, chunkSize)
			o.errs = make([]error, len(o.chunks))
			o.left.Store(int32(len(o.chunks)))
			for k := range o.chunks {
				runFirst(func() {
					o.chunks[k], o.errs[k] = memo.formatDecls(bufs.get(len(o.chunks[k])+len(o.chunks[k])/8), g.opt.Package, o.chunks[k], decls[k], k == 0)
					finish(o)
				})
			}
		})
	}
	pool.wait()

	for _, o := range outs {
		if err := o.firstErr(); err != nil {
			return fmt.Errorf("gen: %s: %w", o.name, err)
		}
		if o.emitErr != nil {
			return o.emitErr
		}
	}
	for _, o := range touts {
		if o.err != nil {
			return o.err
		}
		if o.emitErr != nil {
			return o.emitErr
		}
	}
	return nil
}

// templateFile is a file made from a template: the package doc, a runtime source, the tests.
type templateFile struct {
	name string
	make func() ([]byte, error)
}

// templateFiles lists the template files of the package.
func (g *generator) templateFiles() []templateFile {
	files := []templateFile{{"doc.go", g.docFile}}
	for _, rf := range runtimeFiles {
		if rf.when(g) {
			files = append(files, templateFile{"runtime_" + rf.src, func() ([]byte, error) { return g.runtimeFile(rf.src) }})
		}
	}
	if !g.opt.NoTests {
		files = append(files, templateFile{"generated_test.go", g.testFile})
	}
	return files
}

// emitterWeight orders the emitters' tasks, largest output first: Cognito's sizes, in KB.
// The small unsharded files come before the last shards of the large ones, so that the run
// ends on small tasks and both cores stay busy to the end; files not listed come last, in
// emitter order.
var emitterWeight = map[string]int{
	"codec.go": 700, "string.go": 350, "validate.go": 330, "types.go": 290, "equal.go": 145,
	"client.go": 145, "clone.go": 115, "default.go": 100, "operations.go": 45, "errors.go": 30,
	"enums.go": 25,
}

// renderRaw builds emitter e's file and renders it without gofmt, with its per-type
// declarations spliced in (pertype.go).
func (g *generator) renderRaw(e emitter) ([]byte, error) {
	raw, spl, err := g.renderParts(e)
	if err != nil {
		return nil, err
	}
	return splice(raw, spl)
}

// renderParts is renderRaw without the splicing: the rendering, with markers, and what goes
// in their place.
func (g *generator) renderParts(e emitter) (raw []byte, spl *splices, err error) {
	// Emitters report a shape they cannot express by panicking with *NotSupportedError;
	// it becomes this file's error, so Generate fails instead of the process.
	defer func() {
		if p := recover(); p != nil {
			ns, ok := p.(*NotSupportedError)
			if !ok {
				panic(p)
			}
			if ns.Where == "" {
				ns.Where = g.m.Source
			}
			err = ns
		}
	}()
	v := *g
	v.spl = &splices{}
	f := v.newFile()
	e.emit(&v, f)
	raw, err = renderUnformatted(f)
	return raw, v.spl, err
}

func renderUnformatted(f *jen.File) ([]byte, error) {
	f.NoFormat = true
	var w keepWriter
	if err := f.Render(&w); err != nil {
		return nil, err
	}
	return w.b, nil
}

// keepWriter keeps what it is written: jennifer's Render writes its output in one Write
// from a buffer it drops, so the first Write is kept without a copy (a later one is
// appended, should that change).
type keepWriter struct{ b []byte }

func (w *keepWriter) Write(p []byte) (int, error) {
	if w.b == nil {
		w.b = p[:len(p):len(p)]
	} else {
		w.b = append(w.b, p...)
	}
	return len(p), nil
}

// formatChunk formats one chunk of unformatted source. The first chunk holds the package
// clause and imports; the others are formatted behind a package clause of their own, which
// is then cut off. The declaration spacing rule (spaceDecls) is applied too.
func formatChunk(pkg string, chunk []byte, first bool) ([]byte, error) {
	return appendFormatted(nil, pkg, chunk, first, false)
}

// errDeclined is appendFormatted's error, with fastOnly, for source the fast formatter
// declines.
var errDeclined = errors.New("gen: declined by the fast formatter")

// fmtScratch holds the buffers of an appendFormatted call, kept for reuse in fmtScratches.
type fmtScratch struct{ in, out []byte }

// fmtScratches keeps fmtScratch values for reuse across garbage collections, as fmtStates.
var fmtScratches = make(chan *fmtScratch, 8)

// appendFormatted appends chunk, formatted as formatChunk does, to out: by the fast
// formatter (fastfmt.go), or where it declines by go/format, unless fastOnly (then the
// error is errDeclined). On error out is returned as it was.
func appendFormatted(out []byte, pkg string, chunk []byte, first, fastOnly bool) ([]byte, error) {
	var sc *fmtScratch
	select {
	case sc = <-fmtScratches:
	default:
		sc = new(fmtScratch)
	}
	defer func() {
		sc.in, sc.out = keep(sc.in[:0], 1<<20), keep(sc.out[:0], 1<<20)
		select {
		case fmtScratches <- sc:
		default:
		}
	}()
	src, n := chunk, 0 // n: the length of the package clause put before chunk
	if !first {
		sc.in = append(append(append(sc.in[:0], "package "...), pkg...), "\n\n"...)
		n = len(sc.in)
		sc.in = append(sc.in, chunk...)
		src = sc.in
	}
	b, ok := fastFormatAppend(sc.out[:0], src)
	if ok {
		sc.out = b
	} else {
		if fastOnly {
			return out, errDeclined
		}
		var err error
		if b, err = format.Source(src); err != nil {
			return out, err
		}
	}
	if !bytes.HasPrefix(b, src[:n]) {
		return out, fmt.Errorf("formatting a chunk did not keep its package clause")
	}
	return appendSpaceDecls(out, b[n:]), nil
}

// joinedChunks is joinChunks(chunks) as pieces: the chunks, each but the last with the
// newline that joins it to the next appended (in place when its buffer has room, which
// the chunks' buffers, made for appending, mostly have), so that a file is written in one
// write per chunk.
func joinedChunks(chunks [][]byte) [][]byte {
	out := make([][]byte, len(chunks))
	for i, c := range chunks {
		if i < len(chunks)-1 {
			c = append(c, '\n')
		}
		out[i] = c
	}
	return out
}

// joinChunks joins formatted chunks: each cut fell between a declaration that ends in a line
// "}" or ")" and one that starts a line, where the whole file has exactly one blank line.
func joinChunks(chunks [][]byte) []byte {
	if len(chunks) == 1 {
		return chunks[0]
	}
	n := 0
	for _, c := range chunks {
		n += len(c) + 1
	}
	out := make([]byte, 0, n)
	for i, c := range chunks {
		if i > 0 {
			out = append(out, '\n')
		}
		out = append(out, c...)
	}
	return out
}

// declPrefixes start a top-level line after which spaceDecls wants a blank line.
var declPrefixes = [...]string{"func", "type", "var", "const", "//"}

// startsDecl reports whether b starts with one of declPrefixes.
func startsDecl(b []byte) bool {
	for _, p := range declPrefixes {
		if len(b) >= len(p) && string(b[:len(p)]) == p {
			return true
		}
	}
	return false
}

// spaceDecls puts a blank line between a top-level declaration that ends in a line "}" or
// ")" and a declaration (or its doc comment) on the next line: jennifer separates
// declarations by a newline, gofmt style by a blank line. It is the replacement of the regular
// expression `(?m)^([})])\n(func|type|var|const|//)` by "$1\n\n$2", without the regexp
// engine.
func spaceDecls(b []byte) []byte { return appendSpaceDecls(nil, b) }

// appendSpaceDecls appends b to out with spaceDecls's blank lines.
func appendSpaceDecls(out, b []byte) []byte {
	out = slices.Grow(out, len(b)+len(b)/64)
	last := 0 // b[last:] is not copied yet
	// i is the start of a line.
	for i := 0; i+2 < len(b); {
		if (b[i] == '}' || b[i] == ')') && b[i+1] == '\n' && startsDecl(b[i+2:]) {
			out = append(out, b[last:i+2]...)
			out = append(out, '\n')
			last = i + 2
			i += 2
			continue
		}
		j := bytes.IndexByte(b[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return append(out, b[last:]...)
}

// splitChunks cuts unformatted source into chunks of about size bytes, only at safe
// boundaries (splitPoints). The chunks share src's memory.
func splitChunks(src []byte, size int) [][]byte {
	if len(src) <= size {
		return [][]byte{src}
	}
	var chunks [][]byte
	start := 0
	for _, p := range splitPoints(src) {
		if p-start >= size && len(src)-p >= size/4 {
			chunks = append(chunks, src[start:p])
			start = p
		}
	}
	return append(chunks, src[start:])
}

// chunkDecls is splitChunks(src, size) with each chunk's declarations, splitChunks(chunk,
// 1), from one scan of src.
func chunkDecls(src []byte, size int) (chunks [][]byte, decls [][][]byte) {
	start, prev := 0, 0 // the current chunk's and declaration's starts
	var cur [][]byte    // the current chunk's declarations
	for _, p := range splitPoints(src) {
		if p == prev {
			continue
		}
		cur = append(cur, src[prev:p])
		prev = p
		if p-start >= size && len(src)-p >= size/4 {
			chunks, decls = append(chunks, src[start:p]), append(decls, cur)
			start, cur = p, nil
		}
	}
	cur = append(cur, src[prev:])
	return append(chunks, src[start:]), append(decls, cur)
}

// splitPoints returns the offsets in unformatted source at which a top-level line starting
// with one of declPrefixes directly follows a top-level line that is only "}" or ")": the
// end of one declaration and the start of the next, where the formatted file has exactly one
// blank line whatever the two declarations are. It tracks bracket depth outside comments and
// string, rune and raw string literals; whatever it cannot follow only removes cut points.
func splitPoints(src []byte) []int { return splitPointsOf(src, false) }

// splitPointsOf is splitPoints, also at a declaration after one blank line when blank is set
// (source already laid out as gofmt lays out declarations, such as templates'): the cut is
// before the declaration, and the blank line stays with the one before.
func splitPointsOf(src []byte, blank bool) []int {
	var points []int
	depth := 0
	lineStart := 0
	n := len(src)
	for i := 0; i < n; i++ {
		for i < n && !splitSpecial[src[i]] {
			i++ // most bytes: nothing to track
		}
		if i == n {
			break
		}
		switch c := src[i]; c {
		case '/':
			if i+1 < n && src[i+1] == '/' {
				j := bytes.IndexByte(src[i:], '\n')
				if j < 0 {
					return points
				}
				i += j - 1 // the newline is handled next
			} else if i+1 < n && src[i+1] == '*' {
				j := bytes.Index(src[i+2:], []byte("*/"))
				if j < 0 {
					return points
				}
				i += 2 + j + 1
				lineStart = -1 // a comment spanned lines: no cut on this line
			}
		case '"', '\'':
			for i++; i < n && src[i] != c && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case '`':
			j := bytes.IndexByte(src[i+1:], '`')
			if j < 0 {
				return points
			}
			i += 1 + j
			lineStart = -1
		case '{', '(', '[':
			depth++
		case '}', ')', ']':
			depth--
		case '\n':
			if depth == 0 && lineStart >= 0 && i-lineStart == 1 && (src[lineStart] == '}' || src[lineStart] == ')') {
				switch {
				case startsDecl(src[i+1:]):
					points = append(points, i+1)
				case blank && i+1 < n && src[i+1] == '\n' && startsDecl(src[i+2:]):
					points = append(points, i+2)
				}
			}
			lineStart = i + 1
		}
	}
	return points
}

// splitSpecial marks the bytes splitPointsOf looks at: comment, literal and bracket
// delimiters, and newlines.
var splitSpecial = [256]bool{'/': true, '"': true, '\'': true, '`': true, '{': true, '(': true, '[': true, '}': true, ')': true, ']': true, '\n': true}

// Emitters write many declarations that differ only in the type they are for: String,
// GoString, MarshalJSON, Default and the like, the same code with another receiver type
// name. formatMemo formats each such declaration once per receiver name length: the
// declaration, with every whole-word occurrence of the receiver type name replaced by a
// placeholder of the same length, is the key; its formatted form, with the name put back, is
// the declaration formatted. gofmt reads identifiers only for their width (alignment, line
// fitting), so a same-length placeholder formats the same. The placeholder (an identifier
// made of letters) must not occur in the declaration.
//
// A declaration seen for the first time is formatted with its neighbours, as it is, and only
// the hash of its key is kept; one seen again is formatted as its key and kept, for every
// later one. So declarations that occur once cost no more than formatting them.
type formatMemo struct {
	mu   sync.Mutex
	seed maphash.Seed
	m    map[uint64]memoEntry
}

// memoEntry is a key seen, and once seen twice, the key and its formatted form.
type memoEntry struct {
	key, formatted []byte
}

func newFormatMemo() *formatMemo {
	return &formatMemo{seed: maphash.MakeSeed(), m: make(map[uint64]memoEntry, 1024)}
}

// formatChunk is formatChunk with the memo: it formats chunk declaration by declaration,
// runs of declarations not formatted from the memo together, and joins them as joinChunks
// does.
func (fm *formatMemo) formatChunk(pkg string, chunk []byte, first bool) ([]byte, error) {
	return fm.formatDecls(nil, pkg, chunk, splitChunks(chunk, 1), first)
}

// formatDecls is formatChunk for the chunk cut into its declarations, decls, appended to
// dst[:0] (nil for a new buffer).
func (fm *formatMemo) formatDecls(dst []byte, pkg string, chunk []byte, decls [][]byte, first bool) ([]byte, error) {
	out := dst[:0]
	if out == nil {
		out = make([]byte, 0, len(chunk)+len(chunk)/8)
	}
	pieces := 0
	// piece starts a piece of out, after a newline as joinChunks puts between chunks; it
	// returns what undoes it.
	piece := func() (undo func()) {
		mark := len(out)
		if pieces > 0 {
			out = append(out, '\n')
		}
		pieces++
		return func() { out = out[:mark]; pieces-- }
	}
	run := -1 // start of the declarations not formatted yet, an index into decls
	flush := func(end int) error {
		if run < 0 {
			return nil
		}
		defer func() { run = -1 }()
		src := chunk[offset(chunk, decls[run]) : offset(chunk, decls[end-1])+len(decls[end-1])]
		undo := piece()
		var err error
		if out, err = appendFormatted(out, pkg, src, first && run == 0, true); err == nil {
			return nil
		}
		undo()
		// The fast formatter declined the run: one declaration at a time, so that only
		// those it declines go to go/format.
		for k := run; k < end; k++ {
			piece()
			if out, err = appendFormatted(out, pkg, decls[k], first && k == 0, false); err != nil {
				return err
			}
		}
		return nil
	}
	for i, d := range decls {
		name := receiverType(d)
		var ph string
		if name != "" && !(first && i == 0) {
			ph = placeholder(len(name))
			if bytes.Contains(d, []byte(ph)) {
				name = ""
			}
		}
		if name == "" || first && i == 0 {
			if run < 0 {
				run = i
			}
			continue
		}
		h := fm.hash(d, name)
		fm.mu.Lock()
		e, seen := fm.m[h]
		if !seen {
			fm.m[h] = memoEntry{}
		}
		fm.mu.Unlock()
		if !seen {
			// Seen for the first time: formatted as it is, with its neighbours.
			if run < 0 {
				run = i
			}
			continue
		}
		key := replaceWord(d, name, ph)
		if e.key != nil && !bytes.Equal(e.key, key) {
			// Another key with the same hash: formatted as it is.
			if run < 0 {
				run = i
			}
			continue
		}
		if err := flush(i); err != nil {
			return nil, err
		}
		formatted := e.formatted
		if formatted == nil {
			var err error
			if formatted, err = appendFormatted(nil, pkg, key, false, false); err != nil {
				return nil, err
			}
			fm.mu.Lock()
			if fm.m[h].key == nil {
				fm.m[h] = memoEntry{key: key, formatted: formatted}
			}
			fm.mu.Unlock()
		}
		piece()
		out = appendReplaced(out, formatted, ph, name)
	}
	if err := flush(len(decls)); err != nil {
		return nil, err
	}
	return out, nil
}

// hash is the hash of the key of declaration d with receiver type name: d with each
// whole-word occurrence of name replaced by a mark, and the length of name.
func (fm *formatMemo) hash(d []byte, name string) uint64 {
	var h maphash.Hash
	h.SetSeed(fm.seed)
	h.WriteByte(byte(len(name)))
	for i := 0; ; {
		j := bytes.Index(d[i:], []byte(name))
		if j < 0 {
			h.Write(d[i:])
			return h.Sum64()
		}
		j += i
		end := j + len(name)
		if (j == 0 || !isWordByte(d[j-1])) && (end == len(d) || !isWordByte(d[end])) {
			h.Write(d[i:j])
			h.WriteByte(0)
		} else {
			h.Write(d[i:end])
		}
		i = end
	}
}

// offset is the offset of sub, a subslice of b, in b.
func offset(b, sub []byte) int { return cap(b) - cap(sub) }

// receiverType returns the receiver type name of a method declaration in jennifer's
// unformatted source ("func (v * Name) ..." or "func (v Name) ...", after doc comment
// lines), or "" for another declaration or a name that is not plain ASCII.
func receiverType(d []byte) string {
	for bytes.HasPrefix(d, []byte("//")) {
		i := bytes.IndexByte(d, '\n')
		if i < 0 {
			return ""
		}
		d = d[i+1:]
	}
	rest, ok := bytes.CutPrefix(d, []byte("func ("))
	if !ok {
		return ""
	}
	i := 0
	for i < len(rest) && isIdentByte(rest[i]) {
		i++
	}
	if i == 0 {
		return ""
	}
	for i < len(rest) && (rest[i] == ' ' || rest[i] == '*') {
		i++
	}
	j := i
	for j < len(rest) && isIdentByte(rest[j]) {
		j++
	}
	if j == i || j >= len(rest) || rest[j] != ')' || rest[i] < 'A' || rest[i] > 'Z' {
		return ""
	}
	return string(rest[i:j])
}

// isIdentByte reports whether c is an ASCII letter, digit or underscore.
func isIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// placeholder is the identifier of n bytes that stands for a receiver type name: "Q" and
// n-1 "q".
func placeholder(n int) string { return "Q" + strings.Repeat("q", n-1) }

// replaceWord replaces every occurrence of word in b that is not part of a longer
// identifier (or of a non-ASCII one) by repl, of the same length.
func replaceWord(b []byte, word, repl string) []byte {
	out := make([]byte, len(b))
	copy(out, b)
	for i := 0; ; {
		j := bytes.Index(out[i:], []byte(word))
		if j < 0 {
			return out
		}
		j += i
		end := j + len(word)
		if (j == 0 || !isWordByte(out[j-1])) && (end == len(out) || !isWordByte(out[end])) {
			copy(out[j:], repl)
		}
		i = end
	}
}

// isWordByte reports whether c can be part of a Go identifier (any non-ASCII byte may be).
func isWordByte(c byte) bool { return isIdentByte(c) || c >= 0x80 }

// taskPool runs tasks on a fixed number of workers. A task added with addFirst runs before
// any added with add that has not started: formatting a rendered file's chunks comes before
// rendering another file, so that renderings are formatted and dropped as they are made, and
// the heap holds few of them at once.
type taskPool struct {
	mu      sync.Mutex
	cond    sync.Cond
	first   []func()
	rest    []func()
	pending int  // tasks added and not finished
	closed  bool // wait was called: no task is added but by a running task
	wg      sync.WaitGroup
}

func newTaskPool(workers int) *taskPool {
	p := &taskPool{}
	p.cond.L = &p.mu
	p.wg.Add(workers)
	for range workers {
		go p.work()
	}
	return p
}

func (p *taskPool) add(f func())      { p.push(f, false) }
func (p *taskPool) addFirst(f func()) { p.push(f, true) }

func (p *taskPool) push(f func(), first bool) {
	p.mu.Lock()
	if first {
		p.first = append(p.first, f)
	} else {
		p.rest = append(p.rest, f)
	}
	p.pending++
	p.mu.Unlock()
	p.cond.Signal()
}

func (p *taskPool) work() {
	defer p.wg.Done()
	p.mu.Lock()
	for {
		var f func()
		switch {
		case len(p.first) > 0:
			f, p.first = p.first[0], p.first[1:]
		case len(p.rest) > 0:
			f, p.rest = p.rest[0], p.rest[1:]
		case p.pending == 0 && p.closed:
			p.mu.Unlock()
			p.cond.Broadcast()
			return
		default:
			p.cond.Wait()
			continue
		}
		p.mu.Unlock()
		f()
		// A worker that takes its next task straight from the queue never reaches the
		// scheduler, and the collector's fractional mark worker runs only from there: without
		// this, a mark phase stretched over 10-25 ms of allocation, everything allocated in it
		// was kept as live, the heap goal grew with it, and each new heap page is a page fault.
		// Yielding here keeps marks to a few ms; on Cognito cmd/gen peaks about 2 MiB lower,
		// with about 600 fewer page faults and about 5% less wall time.
		runtime.Gosched()
		p.mu.Lock()
		p.pending--
	}
}

// wait returns when every task added, and every task those added, has finished. Only
// running tasks may add tasks after wait is called.
func (p *taskPool) wait() {
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	p.cond.Broadcast()
	p.wg.Wait()
}

// bufFree keeps the buffers of files written (their formatted chunks and the source they
// were cut from) for the chunks and sources of files to come: new heap pages cost a page
// fault each.
type bufFree struct {
	mu   sync.Mutex
	free [][]byte
}

// get returns an empty buffer of capacity at least n: the smallest kept that is large
// enough, or a new one.
func (p *bufFree) get(n int) []byte {
	p.mu.Lock()
	best := -1
	for i, b := range p.free {
		if cap(b) >= n && (best < 0 || cap(b) < cap(p.free[best])) {
			best = i
		}
	}
	if best < 0 {
		p.mu.Unlock()
		return make([]byte, 0, n)
	}
	b := p.free[best]
	p.free[best] = p.free[len(p.free)-1]
	p.free = p.free[:len(p.free)-1]
	p.mu.Unlock()
	return b[:0]
}

// put keeps b for a later get.
func (p *bufFree) put(b []byte) {
	if cap(b) < 4<<10 {
		return
	}
	p.mu.Lock()
	p.free = append(p.free, b)
	p.mu.Unlock()
}
