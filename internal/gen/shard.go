package gen

import (
	"bytes"
	"errors"
	"slices"
	"strconv"
)

// The largest emitters write one piece of code per structure or union, in g.types order,
// and after them what they write for collections and enums. Generate runs each of them as
// shards of about shardTypes types: the same emitter on views of the generator that hold a
// slice of g.types (the last view also the collections and enums), each rendered to its
// own jennifer file, and the renderings joined into the file's source (assemble). The
// shards run on all cores, and no emitter's whole statement tree is in memory at once:
// codec.go's is about fifteen bytes per byte of output, and a smaller peak heap means fewer
// page faults. The joined source is byte for byte the rendering of the unsharded file
// (TestShards); Stages, which CheckChunked and the phase timings use, renders emitters
// unsharded.

// sharded lists the emitters that run as shards; the others run whole (validate.go numbers
// the patterns as it meets them, and writes them all at the end).
var sharded = map[string]bool{
	"codec.go": true, "string.go": true, "types.go": true, "equal.go": true, "clone.go": true, "default.go": true,
}

// shardTypes is about how many structures and unions a shard gets. Small shards keep each
// statement tree and rendering small, and with them the heap and the page faults of growing
// it: on Cognito, 32 runs cmd/gen about 5% faster than shards of 48 or more.
const shardTypes = 32

// shards returns how many shards emitter e runs as.
func (g *generator) shards(e emitter) int {
	if !sharded[e.file] {
		return 1
	}
	return max(len(g.types)/shardTypes, 1)
}

// shard returns the view of g for shard k of n.
func (g *generator) shard(k, n int) *generator {
	if n == 1 {
		return g
	}
	v := *g
	a, b := len(g.types)*k/n, len(g.types)*(k+1)/n
	v.types = g.types[a:b:b]
	if k < n-1 {
		v.collections, v.enums = nil, nil
	}
	return &v
}

// errLayout is assemble's error for a rendering without the layout it expects.
var errLayout = errors.New("gen: unexpected rendering")

// assemble joins the unformatted renderings of an emitter's shards into the rendering of
// the whole file: the first one's header and package clause, the union of their imports and
// of their per-type declarations' (as jennifer writes them: sorted, one per line in a group
// when there are several), and their declarations in order, with the per-type declarations
// of each shard (spls[k], or none) spliced in at their markers (pertype.go). A rendering
// without the layout expected, or that imports a package under a name (jennifer names
// packages per file, so names could differ between shards), is errLayout; the caller then
// renders the file whole.
func assemble(alloc func(n int) []byte, raws [][]byte, spls []*splices) ([]byte, error) {
	if len(raws) == 1 && (spls == nil || spls[0] == nil || len(spls[0].texts) == 0) {
		return raws[0], nil
	}
	var head []byte
	bodies := make([][]byte, len(raws))
	var paths []string
	size := 0
	for k, r := range raws {
		h, imports, body, ok := splitRendering(r)
		if !ok {
			return nil, errLayout
		}
		if k == 0 {
			head = h
		}
		paths = append(paths, imports...)
		bodies[k] = body
		size += len(body)
		if spls == nil || spls[k] == nil {
			continue
		}
		for i, pt := range spls[k].texts {
			if pt.err != nil {
				return nil, pt.err
			}
			paths = append(paths, pt.imports...)
			size += pt.size(spls[k].names[i])
		}
	}
	n := len(head) + size + importBlockSize(paths)
	var out []byte
	if alloc != nil {
		out = alloc(n)
	} else {
		out = make([]byte, 0, n)
	}
	out = append(out, head...)
	out = appendImportBlock(out, paths)
	for k, body := range bodies {
		if spls == nil || spls[k] == nil {
			out = append(out, body...)
			continue
		}
		var err error
		if out, err = appendSpliced(out, body, spls[k]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// appendImportBlock appends the import declaration of the set of paths (which may repeat)
// as jennifer writes it: none for no paths, one line for one, else a group of them sorted,
// one per line; then a blank line.
func appendImportBlock(out []byte, paths []string) []byte {
	paths = slices.Clone(paths)
	slices.Sort(paths)
	paths = slices.Compact(paths)
	switch len(paths) {
	case 0:
	case 1:
		out = append(append(append(out, "import "...), strconv.Quote(paths[0])...), "\n\n"...)
	default:
		out = append(out, "import (\n"...)
		for _, p := range paths {
			out = append(append(out, strconv.Quote(p)...), '\n')
		}
		out = append(out, ")\n\n"...)
	}
	return out
}

// importBlockSize bounds the size of appendImportBlock's output for paths.
func importBlockSize(paths []string) int {
	n := 16
	for _, p := range paths {
		n += len(p) + 8
	}
	return n
}

// splitRendering splits jennifer's unformatted rendering of a file into the header comments
// and package clause (with the blank line after it), the import paths, and the
// declarations.
func splitRendering(raw []byte) (head []byte, imports []string, body []byte, ok bool) {
	i := bytes.Index(raw, []byte("\npackage "))
	if i < 0 {
		return nil, nil, nil, false
	}
	j := bytes.Index(raw[i+1:], []byte("\n\n"))
	if j < 0 {
		return nil, nil, nil, false
	}
	pos := i + 1 + j + 2
	head, rest := raw[:pos], raw[pos:]
	var lines [][]byte
	switch {
	case bytes.HasPrefix(rest, []byte("import (\n")):
		end := bytes.Index(rest, []byte("\n)\n\n"))
		if end < 0 {
			return nil, nil, nil, false
		}
		lines = bytes.Split(rest[len("import (\n"):end], []byte("\n"))
		body = rest[end+len("\n)\n\n"):]
	case bytes.HasPrefix(rest, []byte("import ")):
		end := bytes.Index(rest, []byte("\n\n"))
		if end < 0 {
			return nil, nil, nil, false
		}
		lines = [][]byte{rest[len("import "):end]}
		body = rest[end+2:]
	default:
		body = rest
	}
	for _, l := range lines {
		p, err := strconv.Unquote(string(l))
		if err != nil || strconv.Quote(p) != string(l) {
			return nil, nil, nil, false // a named import, or not jennifer's quoting
		}
		imports = append(imports, p)
	}
	return head, imports, body, true
}
