package protocoltest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/awsgen/awsgen/internal/modelsrc"
	"github.com/awsgen/awsgen/internal/testenv"
)

// sharedVectors is botocore's copy of the protocol tests in the project's shared material
// beside the root; it is absent in a user's clone.
const sharedVectors = "../../../shared/protocol-tests/botocore"

// awsSDKGoV1 holds the other set of vectors, under models/protocol_tests.
const awsSDKGoV1 = "github.com/aws/aws-sdk-go@v1.55.8"

// knownFailures lists codec (body) checks that fail for a reason we accept, by case ID,
// with the reason; knownClientFailures does the same for client checks. An entry whose
// check passes (or no longer exists) fails the test: remove it.
var knownFailures = map[string]string{
	// The "Lists" suite expects botocore's and aws-sdk-go v1's pointer-per-element lists: it
	// keeps null inside dense lists (ListMember, a list of strings), and its ListMemberMap
	// holds {} objects although its element shape MapType is declared "type": "string". A
	// dense list is a []string here, which has no null; the expected value cannot be built.
	"botocore/legacy/output/json.json:suite03.case01": "null elements in dense lists cannot be represented",
	"aws-sdk-go/output/json.json:suite03.case01":      "null elements in dense lists cannot be represented",
}

var knownClientFailures = map[string]string{
	// The same "Lists" cases as above, decoded by the client.
	"botocore/legacy/output/json.json:suite03.case01": "null elements in dense lists cannot be represented",
	"aws-sdk-go/output/json.json:suite03.case01":      "null elements in dense lists cannot be represented",

	// aws-sdk-go v1's "Scalar members" suite leans on v1 quirks no AWS model has: a
	// "location" on a target shape (HeaderShape) rather than on the member, the
	// "character" type, and a date-time string for a body timestamp that restJson1 writes
	// as epoch seconds.
	"aws-sdk-go/output/rest-json.json:suite00.case00": "v1-only quirks: location on a target shape, the character type, " +
		"a date-time string where restJson1 has epoch seconds",
}

// vectorFiles lists the vector files to run: aws-sdk-go's, fetched with the module as the
// default model is, and botocore's when ../shared holds them (botocore reports whether).
func vectorFiles(t *testing.T) (files []vectorFile, botocore bool) {
	t.Helper()
	dir, err := modelsrc.ModuleDir(awsSDKGoV1)
	if err != nil {
		testenv.Missing(t, "cannot fetch aws-sdk-go's vectors: %v", err)
	}
	if _, err := os.Stat(sharedVectors); err == nil {
		botocore = true
		bc := func(rel, tag, proto string) vectorFile {
			return vectorFile{Key: "botocore/" + rel, Tag: tag, Path: filepath.Join(sharedVectors, rel),
				Input: strings.Contains(rel, "input/"), Protocol: proto, Rest: proto == "rest-json"}
		}
		files = []vectorFile{
			bc("input/json.json", "bc_in_json11", "json"),
			bc("output/json.json", "bc_out_json11", "json"),
			bc("input/json_1_0.json", "bc_in_json10", "json_1_0"),
			bc("output/json_1_0.json", "bc_out_json10", "json_1_0"),
			bc("input/json_1_0-query-compatible.json", "bc_in_json10qc", ""),
			bc("output/json_1_0-query-compatible.json", "bc_out_json10qc", ""),
			bc("legacy/input/json.json", "bc_legacy_in_json", "json"),
			bc("legacy/output/json.json", "bc_legacy_out_json", "json"),
			bc("input/rest-json.json", "bc_in_restjson", "rest-json"),
			bc("output/rest-json.json", "bc_out_restjson", "rest-json"),
		}
	}
	for _, name := range []string{"json", "rest-json"} {
		for _, d := range []string{"input", "output"} {
			files = append(files, vectorFile{
				Key:   "aws-sdk-go/" + d + "/" + name + ".json",
				Tag:   "v1_" + strings.TrimSuffix(d, "put") + "_" + strings.ReplaceAll(name, "-", ""),
				Path:  filepath.Join(dir, "models", "protocol_tests", d, name+".json"),
				Input: d == "input",
				Rest:  name == "rest-json",
			})
		}
	}
	return files, botocore
}

// TestProtocolVectors checks the awsJson and rest-json protocol test vectors against
// generated code: awsJson request and response bodies with the codec alone where a case
// has them, and every case through the generated client against a test server (requests:
// method, URI, host, headers and body; responses: the result, or the error with its code
// and members).
func TestProtocolVectors(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and compiles dozens of packages")
	}
	files, botocore := vectorFiles(t)
	var ign *ignoreList
	if botocore {
		var err error
		if ign, err = readIgnoreList(filepath.Join(sharedVectors, "protocol-tests-ignore-list.json")); err != nil {
			t.Fatal(err)
		}
	} else {
		// aws-sdk-go's vectors run; botocore's are listed as skipped, by name.
		t.Run("botocore", func(t *testing.T) {
			testenv.Missing(t, "no botocore protocol test vectors at %s", sharedVectors)
		})
	}
	kit, err := os.ReadFile("vectorkit/vectorkit.go")
	if err != nil {
		t.Fatal(err)
	}

	// AWSGEN_PROTOCOLTEST_DIR (an empty folder) keeps the generated module, to
	// look at or rerun by hand.
	dir := os.Getenv("AWSGEN_PROTOCOLTEST_DIR")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module protocoltest\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var cases []*plannedCase
	for _, f := range files {
		suites, err := readVectorFile(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		for _, group := range groupSuites(suites) {
			pcs, err := writeGroup(dir, f.Tag+"_"+suites[group[0]].name(), f, group, suites, ign, kit)
			if err != nil {
				t.Fatal(err)
			}
			cases = append(cases, pcs...)
		}
	}

	results := runGenerated(t, dir)
	report(t, files, botocore, cases, results)
}

// testResult is the outcome of one generated subtest.
type testResult struct {
	action string // "pass", "fail", "skip"
	output strings.Builder
}

// runGenerated tests the temporary module and returns the subtests' results by
// "package TestName". A package that does not compile has no subtest results; its output
// is kept under "package".
func runGenerated(t *testing.T, dir string) map[string]*testResult {
	t.Helper()
	ctx := context.Background()
	if dl, ok := t.Deadline(); ok {
		// Leave time to report what finished.
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, dl.Add(-20*time.Second))
		defer cancel()
	}
	env := append(os.Environ(), "GOWORK=off", "GOFLAGS=", "GOTOOLCHAIN=local", "CGO_ENABLED=0")

	start := time.Now()
	// go test runs vet's high-confidence checks on every package as it builds it.
	cmd := exec.CommandContext(ctx, "go", "test", "-json", "-count=1", "-trimpath", "./...")
	cmd.Dir, cmd.Env = dir, env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	t.Logf("go test: %v", time.Since(start).Round(time.Millisecond))
	if ctx.Err() != nil {
		t.Fatalf("go test on the generated packages timed out:\n%s", stderr.Bytes())
	}
	_ = err // failing subtests exit non-zero; the events say which

	results := map[string]*testResult{}
	get := func(key string) *testResult {
		r := results[key]
		if r == nil {
			r = &testResult{}
			results[key] = r
		}
		return r
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var ev struct {
			Action, Package, Test, Output, ImportPath string
		}
		if json.Unmarshal(sc.Bytes(), &ev) != nil {
			continue
		}
		switch ev.Action {
		case "build-output":
			get(ev.ImportPath).output.WriteString(ev.Output)
		case "output":
			if ev.Test == "" {
				get(ev.Package).output.WriteString(ev.Output)
			} else {
				get(ev.Package + " " + ev.Test).output.WriteString(ev.Output)
			}
		case "pass", "fail", "skip":
			if ev.Test != "" {
				get(ev.Package + " " + ev.Test).action = ev.Action
			}
		}
	}
	if s := strings.TrimSpace(stderr.String()); s != "" {
		t.Logf("go test stderr:\n%s", s)
	}
	return results
}

// report prints the table, fails the test for every unexpected failure and checks that
// every knownFailures, knownClientFailures and clientGaps entry is used, and that every
// expectation a clientGaps entry leaves out still fails on its own.
func report(t *testing.T, files []vectorFile, botocore bool, cases []*plannedCase, results map[string]*testResult) {
	t.Helper()
	type row struct {
		total, body, bPassed, bFailed, bKnown             int
		client, cPassed, cPartial, cFailed, cKnown, cSkip int
		ignored                                           int
	}
	rows := map[string]*row{}
	whys := map[string]int{}
	gaps := map[string][]string{} // clientGaps key -> case IDs
	var tokens []string
	usedKnown := map[string]bool{}
	usedKnownClient := map[string]bool{}
	// A failure of a whole package (it could not be generated, or does not compile) is
	// reported once, with the cases it fails.
	type pkgFailure struct{ pkg, what, msg string }
	var pkgOrder []pkgFailure
	pkgCases := map[pkgFailure][]string{}
	// check settles one check of a case against its allow-list; it reports whether the
	// check passed and whether it is a known failure.
	check := func(pc *plannedCase, test, what string, known map[string]string, used map[string]bool) (passed, isKnown bool) {
		failed, msg, whole := outcome(pc, test, results)
		reason, ok := known[pc.ID]
		switch {
		case !failed:
			if ok {
				t.Errorf("%s passes its %s check but its known failure says %q: remove the entry", pc.ID, what, reason)
				used[pc.ID] = true
			}
			return true, false
		case ok:
			used[pc.ID] = true
			t.Logf("known %s failure %s (%s)", what, pc.ID, reason)
			return false, true
		}
		if whole {
			k := pkgFailure{pc.Package, what, msg}
			if pkgCases[k] == nil {
				pkgOrder = append(pkgOrder, k)
			}
			pkgCases[k] = append(pkgCases[k], pc.ID)
			return false, false
		}
		t.Errorf("FAIL %s (%s check, %s %s)\n%s", pc.ID, what, pc.Package, test, indent(msg))
		return false, false
	}
	for _, pc := range cases {
		r := rows[pc.File]
		if r == nil {
			r = &row{}
			rows[pc.File] = r
		}
		r.total++
		if pc.IgnoredByBotocore {
			r.ignored++
		}
		if pc.Body {
			r.body++
			switch passed, known := check(pc, "TestVectors/"+pc.Name, "body", knownFailures, usedKnown); {
			case passed:
				r.bPassed++
			case known:
				r.bKnown++
			default:
				r.bFailed++
			}
		} else {
			whys[pc.NotBody]++
		}
		if pc.ClientSkip != "" {
			r.cSkip++
			gaps[pc.ClientSkip] = append(gaps[pc.ClientSkip], pc.ID)
			continue
		}
		r.client++
		for _, g := range pc.Unchecked {
			gaps[g] = append(gaps[g], pc.ID)
			// The probe of a gap must fail: when it passes, the client has the feature.
			test := "TestClientGaps/" + pc.Name + "_" + strings.ReplaceAll(g, " ", "_")
			if failed, _, _ := outcome(pc, test, results); !failed {
				t.Errorf("%s: %s passes, so the clientGaps entry %q no longer holds: check it in TestClient and remove the entry", pc.ID, test, g)
			}
		}
		if len(pc.Tokens) > 0 {
			tokens = append(tokens, pc.ID)
		}
		switch passed, known := check(pc, "TestClient/"+pc.Name, "client", knownClientFailures, usedKnownClient); {
		case passed && len(pc.Unchecked) > 0:
			r.cPartial++
		case passed:
			r.cPassed++
		case known:
			r.cKnown++
		default:
			r.cFailed++
		}
	}
	for _, k := range pkgOrder {
		ids := pkgCases[k]
		t.Errorf("FAIL %d cases (%s check) of %s, all for one reason:\n%s\n  the cases:\n%s",
			len(ids), k.what, k.pkg, indent(k.msg), indent(indent(strings.Join(ids, "\n"))))
	}
	// Entries are checked against the files that ran (botocore's need ../shared).
	ran := func(id string) bool {
		for _, f := range files {
			if strings.HasPrefix(id, f.Key+":") {
				return true
			}
		}
		return false
	}
	for _, id := range slices.Sorted(maps.Keys(knownFailures)) {
		if ran(id) && !usedKnown[id] {
			t.Errorf("knownFailures entry %s names no body case: remove it", id)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(knownClientFailures)) {
		if ran(id) && !usedKnownClient[id] {
			t.Errorf("knownClientFailures entry %s names no client case: remove it", id)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(clientGaps)) {
		if botocore && len(gaps[k]) == 0 {
			t.Errorf("clientGaps entry %q is used by no case: remove it", k)
		}
	}

	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\t\tcodec (body)\t\t\t\tclient\t\t\t\t\t\t\t")
	fmt.Fprintln(tw, "file\ttotal\tchecked\tpassed\tNEW FAIL\tallowed\trun\tpassed\tpartly\tNEW FAIL\tallowed\tskipped\tbotocore-ignored\t")
	var total row
	for _, f := range files {
		r := rows[f.Key]
		if r == nil {
			r = &row{}
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t\n", f.Key, r.total,
			r.body, r.bPassed, r.bFailed, r.bKnown, r.client, r.cPassed, r.cPartial, r.cFailed, r.cKnown, r.cSkip, r.ignored)
		total.total += r.total
		total.body += r.body
		total.bPassed += r.bPassed
		total.bFailed += r.bFailed
		total.bKnown += r.bKnown
		total.client += r.client
		total.cPassed += r.cPassed
		total.cPartial += r.cPartial
		total.cFailed += r.cFailed
		total.cKnown += r.cKnown
		total.cSkip += r.cSkip
		total.ignored += r.ignored
	}
	fmt.Fprintf(tw, "all\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t\n", total.total,
		total.body, total.bPassed, total.bFailed, total.bKnown, total.client, total.cPassed, total.cPartial, total.cFailed, total.cKnown, total.cSkip, total.ignored)
	tw.Flush()
	b.WriteString("\nclient: every case goes through the generated client; \"partly\" passed with expectations left out (below).\n")
	b.WriteString("NEW FAIL: failed and not allow-listed (the test fails); allowed: failed as knownFailures or knownClientFailures says.\n")
	b.WriteString("\nnot checked with the codec alone (client only):\n")
	for _, k := range slices.Sorted(maps.Keys(whys)) {
		fmt.Fprintf(&b, "  %3d  %s\n", whys[k], k)
	}
	b.WriteString("\nleft out of the client checks:\n")
	for _, k := range slices.Sorted(maps.Keys(gaps)) {
		fmt.Fprintf(&b, "  %s (%d): %s\n", k, len(gaps[k]), clientGaps[k])
		for _, id := range gaps[k] {
			fmt.Fprintf(&b, "       %s\n", id)
		}
	}
	if len(tokens) > 0 {
		fmt.Fprintf(&b, "\nidempotency tokens (%d): the client fills them with a fresh UUID; any version 4 UUID stands for the vector's fixed one:\n", len(tokens))
		for _, id := range tokens {
			fmt.Fprintf(&b, "       %s\n", id)
		}
	}
	b.WriteString("\n(botocore-ignored cases run like the others: its README says none of the awsJson ones is skipped;\n")
	b.WriteString("the rest-json ones botocore does skip run here too, and any of them that fails is allow-listed with its reason.)\n")
	t.Logf("protocol vectors:\n%s", b.String())
}

// outcome tells whether a case's subtest failed, and why; whole says that the failure is
// its package's (it could not be generated, or gave no result for the subtest).
func outcome(pc *plannedCase, test string, results map[string]*testResult) (failed bool, msg string, whole bool) {
	if pc.SetupErr != "" {
		return true, "load or generate: " + pc.SetupErr, true
	}
	r := results[pc.Package+" "+test]
	if r == nil || r.action == "" {
		out := ""
		if p := results[pc.Package]; p != nil {
			out = p.output.String()
		}
		return true, "no result for the subtests (does the package compile?)\n" + out, true
	}
	return r.action != "pass", r.output.String(), false
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n")
}
