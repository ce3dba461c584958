package protocoltest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/awsgen/awsgen/internal/modelsrc"
)

// sharedVectors is botocore's copy of the protocol tests in the project's shared material
// beside the root; it is absent in a user's clone.
const sharedVectors = "../../../shared/protocol-tests/botocore"

// awsSDKGoV1 holds the other set of awsJson vectors, under models/protocol_tests.
const awsSDKGoV1 = "github.com/aws/aws-sdk-go@v1.55.8"

// knownFailures lists body cases that fail for a reason we accept, by case ID, with the
// reason. An entry whose case passes (or no longer exists) fails the test: remove it.
var knownFailures = map[string]string{
	// The "Lists" suite expects botocore's and aws-sdk-go v1's pointer-per-element lists: it
	// keeps null inside dense lists (ListMember, a list of strings), and its ListMemberMap
	// holds {} objects although its element shape MapType is declared "type": "string". A
	// dense list is a []string here, which has no null; the expected value cannot be built.
	"botocore/legacy/output/json.json:suite03.case01": "null elements in dense lists cannot be represented",
	"aws-sdk-go/output/json.json:suite03.case01":      "null elements in dense lists cannot be represented",
}

func vectorFiles(t *testing.T) []vectorFile {
	t.Helper()
	if _, err := os.Stat(sharedVectors); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("protocol test vectors missing: %v", err)
		}
		t.Skipf("no protocol test vectors at %s (set CI=true to make this fail)", sharedVectors)
	}
	bc := func(rel, tag, proto string) vectorFile {
		return vectorFile{Key: "botocore/" + rel, Tag: tag, Path: filepath.Join(sharedVectors, rel),
			Input: strings.Contains(rel, "input/"), Protocol: proto}
	}
	files := []vectorFile{
		bc("input/json.json", "bc_in_json11", "json"),
		bc("output/json.json", "bc_out_json11", "json"),
		bc("input/json_1_0.json", "bc_in_json10", "json_1_0"),
		bc("output/json_1_0.json", "bc_out_json10", "json_1_0"),
		bc("input/json_1_0-query-compatible.json", "bc_in_json10qc", ""),
		bc("output/json_1_0-query-compatible.json", "bc_out_json10qc", ""),
		bc("legacy/input/json.json", "bc_legacy_in_json", "json"),
		bc("legacy/output/json.json", "bc_legacy_out_json", "json"),
	}
	dir, err := modelsrc.ModuleDir(awsSDKGoV1)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("aws-sdk-go vectors: %v", err)
		}
		t.Logf("leaving out aws-sdk-go's vectors: %v", err)
		return files
	}
	for _, d := range []string{"input", "output"} {
		files = append(files, vectorFile{
			Key:   "aws-sdk-go/" + d + "/json.json",
			Tag:   "v1_" + strings.TrimSuffix(d, "put") + "_json",
			Path:  filepath.Join(dir, "models", "protocol_tests", d, "json.json"),
			Input: d == "input",
		})
	}
	return files
}

// TestProtocolVectors checks the request and response bodies of the awsJson protocol test
// vectors against generated code. Cases about headers, URIs, hosts and errors belong to
// the client and are only counted.
func TestProtocolVectors(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and compiles dozens of packages")
	}
	files := vectorFiles(t)
	ign, err := readIgnoreList(filepath.Join(sharedVectors, "protocol-tests-ignore-list.json"))
	if err != nil {
		t.Fatal(err)
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
		for si := range suites {
			pcs, err := writeSuite(dir, fmt.Sprintf("%s_s%02d", f.Tag, si), f, si, &suites[si], ign, kit)
			if err != nil {
				t.Fatal(err)
			}
			cases = append(cases, pcs...)
		}
	}

	results := runGenerated(t, dir)
	report(t, files, cases, results)
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
// every knownFailures entry is used.
func report(t *testing.T, files []vectorFile, cases []*plannedCase, results map[string]*testResult) {
	t.Helper()
	type row struct{ total, body, passed, failed, known, client, ignored int }
	rows := map[string]*row{}
	var total row
	whys := map[string]int{}
	usedKnown := map[string]bool{}
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
		if pc.Kind == kindClient {
			r.client++
			whys[pc.Why]++
			continue
		}
		r.body++
		failed, msg := outcome(pc, results)
		reason, known := knownFailures[pc.ID]
		switch {
		case !failed:
			r.passed++
			if known {
				t.Errorf("%s passes but knownFailures says %q: remove the entry", pc.ID, reason)
				usedKnown[pc.ID] = true
			}
		case known:
			r.known++
			usedKnown[pc.ID] = true
			t.Logf("known failure %s (%s)", pc.ID, reason)
		default:
			r.failed++
			t.Errorf("FAIL %s\n%s", pc.ID, indent(msg))
		}
	}
	for id := range knownFailures {
		if !usedKnown[id] {
			t.Errorf("knownFailures entry %s names no body case: remove it", id)
		}
	}

	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "file\ttotal\tbody\tpassed\tfailed\tknown\tskipped-for-client\tbotocore-ignored\t")
	for _, f := range files {
		r := rows[f.Key]
		if r == nil {
			r = &row{}
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t\n", f.Key, r.total, r.body, r.passed, r.failed, r.known, r.client, r.ignored)
		total.total += r.total
		total.body += r.body
		total.passed += r.passed
		total.failed += r.failed
		total.known += r.known
		total.client += r.client
		total.ignored += r.ignored
	}
	fmt.Fprintf(tw, "all\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t\n", total.total, total.body, total.passed, total.failed, total.known, total.client, total.ignored)
	tw.Flush()
	b.WriteString("\nskipped: belongs to client issue (headers/error codes):\n")
	var keys []string
	for k := range whys {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "  %3d  %s\n", whys[k], k)
	}
	b.WriteString("(botocore-ignored cases run like the others: its README says none of the awsJson ones is skipped.)\n")
	t.Logf("protocol vectors:\n%s", b.String())
}

// outcome tells whether a body case failed, and why.
func outcome(pc *plannedCase, results map[string]*testResult) (failed bool, msg string) {
	if pc.SetupErr != "" {
		return true, "load or generate: " + pc.SetupErr
	}
	r := results[pc.Package+" "+pc.Test]
	if r == nil || r.action == "" {
		out := ""
		if p := results[pc.Package]; p != nil {
			out = p.output.String()
		}
		return true, "no result for " + pc.Package + " " + pc.Test + " (does the package compile?)\n" + out
	}
	return r.action != "pass", r.output.String()
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n")
}
