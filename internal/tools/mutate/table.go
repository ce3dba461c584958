package main

// The steps a generator mutant is judged by, cheapest first. None compares with goldens
// or with the committed generated/ tree.
var (
	// rtTests are the runtime's own tests, for mutations of templates/rt.
	rtTests = step{Pkgs: []string{"./templates/rt"}}
	// genTests are the emitters' tests, without the golden and staleness comparisons; they
	// include TestCompileFixtures, which generates the kitchen sink in both formats and runs
	// its generated tests.
	genTests = step{Pkgs: []string{"./internal/gen"}, Skip: "TestGolden|TestGeneratedIsFresh"}
	// pkgTests regenerate generated/ and run the tests of the generated packages and of the
	// hand-written suites over them.
	pkgTests = step{Regen: true, Pkgs: []string{"./generated/...", "./internal/codectest", "./internal/kitchentest"}}
	// redactTests generate real models in process and check printing against an oracle.
	redactTests = step{Pkgs: []string{"./internal/redacttest"}}
	// protoTests generate packages from the protocol test vectors (../shared) and run them.
	protoTests = step{Pkgs: []string{"./internal/protocoltest"}}
	// restTests regenerate generated/ and run the hand-written restJson1 tests.
	restTests = step{Regen: true, Pkgs: []string{"./internal/resttest"}}
	// diffTests compare the regenerated Cognito package with aws-sdk-go-v2.
	diffTests = step{Regen: true, Dir: "difftest", Pkgs: []string{"./..."}}
)

var (
	redactSteps   = []step{genTests, pkgTests, redactTests}
	validateSteps = []step{genTests, pkgTests}
	valueSteps    = []step{genTests, pkgTests}
	codecSteps    = []step{genTests, pkgTests, protoTests, diffTests}
	rtCodecSteps  = []step{rtTests, genTests, pkgTests, protoTests, diffTests}
	rtValueSteps  = []step{rtTests, genTests, pkgTests}
	restSteps     = []step{restTests, protoTests}
)

// table is the generator's mutations. Each is small, compiles, and stands for a bug a
// change to an emitter or the runtime could plausibly bring.
var table = []mutation{
	// --- redaction (string.go) ---
	{
		ID: "redact-owner", File: "internal/gen/string.go",
		Edits: []edit{{Old: "case s.Traits.Sensitive || m.Sensitive():", New: "case m.Sensitive():"}},
		Bug:   "the members of a @sensitive structure print in clear when it is printed on its own",
		Tests: redactSteps,
	},
	{
		ID: "redact-member", File: "internal/gen/string.go",
		Edits: []edit{{Old: "case s.Traits.Sensitive || m.Sensitive():", New: "case s.Traits.Sensitive:"}},
		Bug:   "a member that is @sensitive (or targets a sensitive shape) prints its value",
		Tests: redactSteps,
	},
	{
		ID: "redact-list-elem", File: "internal/gen/string.go",
		Edits: []edit{
			{Old: "loop = jen.For(jen.Range().Id(\"v\"))\n", New: "loop = jen.For(jen.Id(\"i\").Op(\":=\").Range().Id(\"v\"))\n"},
			{Old: "src *jen.Statement) {\n\tif m.Sensitive() {", New: "src *jen.Statement) {\n\tif m.Sensitive() && false {"},
		},
		Bug:   "elements of a list whose member is sensitive print in clear",
		Tests: redactSteps,
	},
	{
		ID: "redact-map-value", File: "internal/gen/string.go",
		Edits: []edit{
			{Old: "if m.Sensitive() {\n\t\t\t\t\tl.Id(\"p.redacted\").Call()", New: "if m.Sensitive() && false {\n\t\t\t\t\tl.Id(\"p.redacted\").Call()"},
			{Old: "g.printSlot(l, m, elemPointer(m, s.Sparse()), jen.Id(\"x\"))", New: "g.printSlotClear(l, m, elemPointer(m, s.Sparse()), jen.Id(\"x\"))"},
			{
				Old: "// printSlot prints one list element",
				New: "func (g *generator) printSlotClear(b *jen.Group, m *ir.Member, ptr bool, src *jen.Statement) {\n" +
					"\tif ptr || nilable(m.Target.Kind) && m.Target.Kind != ir.List && m.Target.Kind != ir.Map {\n" +
					"\t\tb.If(src.Clone().Op(\"==\").Nil()).Block(jen.Id(\"p.null\").Call()).Else().Block(g.printStmt(m.Target, ptr, src.Clone()))\n" +
					"\t\treturn\n\t}\n\tb.Add(g.printStmt(m.Target, ptr, src))\n}\n\n// printSlot prints one list element",
			},
		},
		Bug:   "values of a map whose value member is sensitive print in clear",
		Tests: redactSteps,
	},

	// --- validation (validate.go, rt/validate.go) ---
	{
		ID: "validate-range", File: "internal/gen/validate.go",
		Edits: []edit{{Old: "rangeCond(s.Kind, val.Clone(), r); cond != nil {", New: "rangeCond(s.Kind, val.Clone(), r); cond != nil && false {"}},
		Bug:   "@range is not checked at all",
		Tests: validateSteps,
	},
	{
		ID: "validate-range-bound", File: "internal/gen/validate.go",
		Edits: []edit{{Old: "conds = append(conds, val.Clone().Op(op).Lit(int(bi.Int64())))", New: "conds = append(conds, val.Clone().Op(op+\"=\").Lit(int(bi.Int64())))"}},
		Bug:   "an integer equal to its @range bound is rejected (off by one at both ends)",
		Tests: validateSteps,
	},
	{
		ID: "validate-float-range", File: "internal/gen/validate.go",
		Edits: []edit{{Old: "inside = append(inside, val.Clone().Op(b.op).Lit(f))", New: "_ = f // float bounds dropped"}},
		Or:    []edit{{Old: "conds = append(conds, val.Clone().Op(op).Lit(f))", New: "conds = append(conds, jen.False().Op(\"&&\").Add(val.Clone()).Op(op).Lit(f))"}},
		Bug:   "@range on float and double members is not checked",
		Tests: validateSteps,
	},
	{
		ID: "validate-required", File: "internal/gen/validate.go",
		Edits: []edit{
			{Old: "case m.Required() && optional && len(checks) > 0:", New: "case false && m.Required() && optional && len(checks) > 0:"},
			{Old: "case m.Required() && optional:", New: "case false && m.Required() && optional:"},
		},
		Bug:   "a missing @required member is not reported",
		Tests: validateSteps,
	},
	{
		ID: "validate-length-bytes", File: "internal/gen/validate.go",
		Edits: []edit{{Old: "n = jen.Qual(\"unicode/utf8\", \"RuneCountInString\").Call(val.Clone())", New: "n = jen.Len(val.Clone())"}},
		Bug:   "@length of a string counts bytes instead of code points",
		Tests: validateSteps,
	},
	{
		ID: "validate-pattern", File: "internal/gen/validate.go",
		Edits: []edit{{Old: "if pat := m.Pattern(); pat != \"\" && s.Kind == ir.String {", New: "if pat := m.Pattern(); pat != \"\" && s.Kind == ir.String && false {"}},
		Bug:   "@pattern is not checked",
		Tests: validateSteps,
	},
	{
		ID: "validate-nested", File: "internal/gen/validate.go",
		Edits: []edit{{Old: "out = append(out, src.Clone().Dot(\"validate\").Call(sub(), jen.Id(\"vs\")))", New: "_ = sub"}},
		Bug:   "members of nested structures and of structure elements are not validated",
		Tests: validateSteps,
	},
	{
		ID: "validate-union-none", File: "templates/rt/validate.go",
		Edits: []edit{{Old: "if set != 1 {", New: "if set > 1 {"}},
		Bug:   "a union with no member set passes Validate",
		Tests: rtValueSteps,
	},

	// --- wire codec (codec.go, rt/json_*.go) ---
	{
		ID: "decode-byte-width", File: "internal/gen/codec.go",
		Edits: []edit{{Old: "jen.Int8().Parens(d.Dot(\"readInt\").Call(jen.Lit(8)))", New: "jen.Int8().Parens(d.Dot(\"readInt\").Call(jen.Lit(16)))"}},
		Bug:   "a byte member is range-checked as 16-bit: 128 decodes to -128 instead of failing",
		Tests: codecSteps,
	},
	{
		ID: "decode-short-width", File: "internal/gen/codec.go",
		Edits: []edit{{Old: "jen.Int16().Parens(d.Dot(\"readInt\").Call(jen.Lit(16)))", New: "jen.Int16().Parens(d.Dot(\"readInt\").Call(jen.Lit(32)))"}},
		Bug:   "a short member is range-checked as 32-bit: 32768 decodes to -32768 instead of failing",
		Tests: codecSteps,
	},
	{
		ID: "union-type-tag", File: "internal/gen/codec.go",
		Edits: []edit{{Old: "sw.Case(jen.Lit(\"__type\")).Block(jen.Id(\"d.skip\").Call())", New: "// __type is decoded as an unknown member"}},
		Bug:   "a union tagged with __type by the server decodes with an extra Unknown member (two set)",
		Tests: codecSteps,
	},
	{
		ID: "encode-map-order", File: "templates/rt/json_codec.go",
		Edits: []edit{{Old: "for j := i; j > 0 && es[j].k < es[j-1].k; j-- {", New: "for j := i; j > 0 && false; j-- {"}},
		Bug:   "map keys of small maps are written in Go's random map order, not sorted",
		Tests: rtCodecSteps,
	},
	{
		ID: "escape-tab", File: "templates/rt/json_encode.go",
		Edits: []edit{{Old: "\tcase '\\t':\n\t\treturn append(b, '\\\\', 't')\n", New: ""}},
		Bug:   "a tab is escaped as \\u0009 instead of \\t (same JSON value, other bytes)",
		Tests: rtCodecSteps,
	},
	{
		ID: "escape-2029", File: "templates/rt/json_encode.go",
		Edits: []edit{{Old: "if r == '\\u2028' || r == '\\u2029' {", New: "if r == '\\u2028' {"}},
		Bug:   "U+2029 is written raw instead of \\u2029",
		Tests: rtCodecSteps,
	},
	{
		ID: "float-negzero", File: "templates/rt/json_encode.go",
		Edits: []edit{{Old: "\tabs := math.Abs(f)\n", New: "\tif f == 0 {\n\t\tf = 0\n\t}\n\tabs := math.Abs(f)\n"}},
		Bug:   "-0 is written as 0",
		Tests: rtCodecSteps,
	},
	{
		ID: "float-nan", File: "templates/rt/json_encode.go",
		Edits: []edit{{Old: "return append(b, `\"NaN\"`...)", New: "return append(b, `null`...)"}},
		Bug:   "NaN is written as null instead of the string \"NaN\"",
		Tests: rtCodecSteps,
	},

	// --- Equal, Clone, Default ---
	{
		ID: "equal-float-emit", File: "internal/gen/equal.go",
		Edits: []edit{{
			Old: "return jen.Id(\"equalFloatPtr\").Call(a, b)\n\t\t}\n\t\treturn jen.Id(\"equalFloat\").Call(a, b)",
			New: "return jen.Id(\"equalPtr\").Call(a, b)\n\t\t}\n\t\treturn a.Op(\"==\").Add(b)",
		}},
		Bug:   "Equal compares floats with ==: a value holding NaN is not Equal to its Clone, and 0 equals -0",
		Tests: valueSteps,
	},
	{
		ID: "equal-nan-rt", File: "templates/rt/values.go",
		Edits: []edit{{Old: "if a != a {\n\t\treturn b != b\n\t}", New: "if a != a {\n\t\treturn false\n\t}"}},
		Bug:   "the runtime's equalFloat says NaN differs from NaN",
		Tests: rtValueSteps,
	},
	{
		ID: "clone-share-list", File: "internal/gen/clone.go",
		Edits: []edit{{Old: "case ir.List, ir.Map:\n\t\treturn jen.Id(\"clone\" + s.GoName).Call(src)", New: "case ir.List, ir.Map:\n\t\treturn nil"}},
		Bug:   "Clone shares lists and maps with the original",
		Tests: valueSteps,
	},
	{
		ID: "default-missing", File: "internal/gen/default.go",
		Edits: []edit{{Old: "if !m.HasDefault() || g.stream(m) {", New: "if !m.HasDefault() || g.stream(m) || m.Target.Kind == ir.Boolean {"}},
		Bug:   "Default leaves out members whose default is a boolean",
		Tests: valueSteps,
	},
	{
		ID: "default-value", File: "internal/gen/default.go",
		Edits: []edit{{Old: "return jen.Lit(int(i)), nil", New: "return jen.Lit(int(i) + 1), nil"}},
		Bug:   "integer defaults are off by one (in Default and in what the generated tests expect: they share defaultValue)",
		Tests: valueSteps,
	},
	// --- restJson1 (rest.go, templates/rt/rest.go) ---
	{
		ID: "rest-label-slash", File: "templates/rt/rest.go",
		Edits: []edit{{Old: "c == '/' && keepSlash", New: "c == '/'"}},
		Bug:   "a '/' in a plain (not greedy) URI label is sent unescaped",
		Tests: restSteps,
	},
	{
		ID: "rest-query-precedence", File: "templates/rt/rest.go",
		Edits: []edit{{Old: "if p.named && p.key == key {", New: "if p.named && p.key == key && false {"}},
		Bug:   "an @httpQueryParams entry is sent beside the @httpQuery member of the same key",
		Tests: restSteps,
	},
	{
		ID: "rest-header-quote", File: "templates/rt/rest.go",
		Edits: []edit{{Old: "if quote && strings.ContainsAny(e, \",\\\"\")", New: "if quote && strings.ContainsAny(e, \"\\\"\")"}},
		Bug:   "a header list element holding a comma is not quoted",
		Tests: restSteps,
	},
	{
		ID: "rest-error-code-order", File: "templates/rt/errors.go",
		Edits: []edit{{Old: "f.code = str(\"code\", \"__type\", \"Code\")", New: "f.code = str(\"__type\", \"code\", \"Code\")"}},
		Bug:   "a restJson1 error takes its code from __type before code",
		Tests: restSteps,
	},
	{
		ID: "rest-jsonname", File: "internal/gen/codec.go",
		Edits: []edit{{Old: "if g.rest && m.Traits.JSONName != \"\" {", New: "if false && m.Traits.JSONName != \"\" {"}},
		Bug:   "restJson1 bodies ignore @jsonName",
		Tests: restSteps,
	},
	{
		ID: "rest-header-width", File: "internal/gen/rest.go",
		Edits: []edit{{Old: "map[ir.Kind]int{ir.Byte: 8,", New: "map[ir.Kind]int{ir.Byte: 16,"}},
		Bug:   "a byte header member accepts values out of its range",
		Tests: restSteps,
	},
	{
		ID: "rest-payload-reuse", File: "templates/rt/rest.go",
		Edits: []edit{{Old: "\tr.kept = true\n", New: "\n"}},
		Bug:   "a blob payload's body buffer is reused for a later response, changing the output",
		Tests: restSteps,
	},
	{
		ID: "rest-document-payload-alias", File: "internal/gen/rest.go",
		Edits: []edit{{Old: "Id(\"Document\").Parens(jen.Id(\"r.payloadBytes\").Call())", New: "Id(\"Document\").Parens(jen.Id(\"r.body\"))"}},
		Bug:   "a document payload aliases a body buffer that is reused for a later response",
		Tests: restSteps,
	},
	{
		ID: "body-recycle-open", File: "templates/rt/client.go",
		Edits: []edit{{Old: "\t\tif !r.isClosed() {\n\t\t\treturn\n", New: "\t\tif false && !r.isClosed() {\n\t\t\treturn\n"}},
		Bug:   "a request body still open in the HTTP client is reused for the next request",
		Tests: []step{rtTests},
	},
	{
		ID: "json-host-label", File: "internal/gen/client.go",
		Edits: []edit{{Old: "if m.Traits.HostLabel {\n\t\t\t\tlabels = append(labels, m)", New: "if m.Traits.HostLabel && false {\n\t\t\t\tlabels = append(labels, m)"}},
		Bug:   "an awsJson input's @hostLabel members do not fill its operation's host prefix",
		Tests: []step{protoTests},
	},
	{
		ID: "rest-stream-read", File: "templates/rt/client.go",
		Edits: []edit{{Old: "if op.streamOutput && resp.StatusCode >= 200", New: "if false && op.streamOutput && resp.StatusCode >= 200"}},
		Bug:   "a streaming output is read into memory (and cut at MaxResponseBytes)",
		Tests: restSteps,
	},
}
