package main

import (
	"strings"
	"testing"
)

// stream is go test -json on a package with passing, failing and skipped tests and
// subtests, one that does not build, one without tests, a line that is no event, and a test
// binary that crashes.
const stream = `{"ImportPath":"sample/q [sample/q.test]","Action":"build-output","Output":"# sample/q [sample/q.test]\n"}
{"ImportPath":"sample/q [sample/q.test]","Action":"build-output","Output":"q/q_test.go:5:40: cannot use \"s\" (untyped string constant) as int value in variable declaration\n"}
{"ImportPath":"sample/q [sample/q.test]","Action":"build-fail"}
{"Action":"start","Package":"sample/p"}
{"Action":"start","Package":"sample/q"}
{"Action":"output","Package":"sample/q","Output":"FAIL\tsample/q [build failed]\n"}
{"Action":"fail","Package":"sample/q","FailedBuild":"sample/q [sample/q.test]"}
{"Action":"start","Package":"sample/r"}
{"Action":"output","Package":"sample/r","Output":"?   \tsample/r\t[no test files]\n"}
{"Action":"skip","Package":"sample/r"}
{"Action":"run","Package":"sample/p","Test":"TestPass"}
{"Action":"output","Package":"sample/p","Test":"TestPass","Output":"=== RUN   TestPass\n"}
{"Action":"output","Package":"sample/p","Test":"TestPass","Output":"    p_test.go:5: noise\n"}
{"Action":"output","Package":"sample/p","Test":"TestPass","Output":"--- PASS: TestPass (0.00s)\n"}
{"Action":"pass","Package":"sample/p","Test":"TestPass"}
{"Action":"run","Package":"sample/p","Test":"TestSkip"}
{"Action":"output","Package":"sample/p","Test":"TestSkip","Output":"=== RUN   TestSkip\n"}
{"Action":"output","Package":"sample/p","Test":"TestSkip","Output":"    p_test.go:6: before\n"}
{"Action":"output","Package":"sample/p","Test":"TestSkip","Output":"    p_test.go:6: no network:\n"}
{"Action":"output","Package":"sample/p","Test":"TestSkip","Output":"        second line\n"}
{"Action":"output","Package":"sample/p","Test":"TestSkip","Output":"--- SKIP: TestSkip (0.00s)\n"}
{"Action":"skip","Package":"sample/p","Test":"TestSkip"}
{"Action":"run","Package":"sample/p","Test":"TestFail"}
{"Action":"output","Package":"sample/p","Test":"TestFail","Output":"=== RUN   TestFail\n"}
{"Action":"run","Package":"sample/p","Test":"TestFail/ok"}
{"Action":"output","Package":"sample/p","Test":"TestFail/ok","Output":"=== RUN   TestFail/ok\n"}
{"Action":"output","Package":"sample/p","Test":"TestFail/ok","Output":"    p_test.go:8: passing sub log\n"}
{"Action":"output","Package":"sample/p","Test":"TestFail/ok","Output":"--- PASS: TestFail/ok (0.00s)\n"}
{"Action":"pass","Package":"sample/p","Test":"TestFail/ok"}
{"Action":"run","Package":"sample/p","Test":"TestFail/bad"}
{"Action":"output","Package":"sample/p","Test":"TestFail/bad","Output":"=== RUN   TestFail/bad\n"}
{"Action":"output","Package":"sample/p","Test":"TestFail/bad","Output":"    p_test.go:9: boom\n"}
{"Action":"output","Package":"sample/p","Test":"TestFail/bad","Output":"--- FAIL: TestFail/bad (0.00s)\n"}
{"Action":"fail","Package":"sample/p","Test":"TestFail/bad"}
{"Action":"run","Package":"sample/p","Test":"TestFail/skip"}
{"Action":"output","Package":"sample/p","Test":"TestFail/skip","Output":"=== RUN   TestFail/skip\n"}
{"Action":"output","Package":"sample/p","Test":"TestFail/skip","Output":"    p_test.go:10: sub skipped 1\n"}
{"Action":"output","Package":"sample/p","Test":"TestFail/skip","Output":"--- SKIP: TestFail/skip (0.00s)\n"}
{"Action":"skip","Package":"sample/p","Test":"TestFail/skip"}
{"Action":"output","Package":"sample/p","Test":"TestFail","Output":"    p_test.go:11: parent log\n"}
{"Action":"output","Package":"sample/p","Test":"TestFail","Output":"--- FAIL: TestFail (0.00s)\n"}
{"Action":"fail","Package":"sample/p","Test":"TestFail"}
{"Action":"run","Package":"sample/p","Test":"TestBare"}
{"Action":"output","Package":"sample/p","Test":"TestBare","Output":"=== RUN   TestBare\n"}
{"Action":"output","Package":"sample/p","Test":"TestBare","Output":"--- SKIP: TestBare (0.00s)\n"}
{"Action":"skip","Package":"sample/p","Test":"TestBare"}
{"Action":"output","Package":"sample/p","Output":"FAIL\n"}
{"Action":"output","Package":"sample/p","Output":"FAIL\tsample/p\t0.003s\n"}
{"Action":"fail","Package":"sample/p"}
go: downloading example.com/x v1.0.0
{"Action":"start","Package":"sample/crash"}
{"Action":"run","Package":"sample/crash","Test":"TestCrash"}
{"Action":"output","Package":"sample/crash","Test":"TestCrash","Output":"=== RUN   TestCrash\n"}
{"Action":"output","Package":"sample/crash","Test":"TestCrash","Output":"panic: nil map\n"}
{"Action":"output","Package":"sample/crash","Output":"FAIL\tsample/crash\t0.010s\n"}
{"Action":"fail","Package":"sample/crash"}
`

func TestReport(t *testing.T) {
	var b strings.Builder
	r := newReport(&b)
	if err := r.read(strings.NewReader(stream)); err != nil {
		t.Fatal(err)
	}
	r.printSkipped()
	want := `# sample/q [sample/q.test]
q/q_test.go:5:40: cannot use "s" (untyped string constant) as int value in variable declaration
FAIL	sample/q [build failed]
?   	sample/r	[no test files]
    p_test.go:9: boom
--- FAIL: TestFail/bad (0.00s)
    p_test.go:11: parent log
--- FAIL: TestFail (0.00s)
FAIL
FAIL	sample/p	0.003s
go: downloading example.com/x v1.0.0
panic: nil map
FAIL	sample/crash	0.010s

skipped tests:
    sample/p TestSkip: no network: second line
    sample/p TestFail/skip: sub skipped 1
    sample/p TestBare: (no reason given)
`
	if got := b.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if !r.failed {
		t.Error("the failures were not noticed")
	}
}

func TestReportNoSkips(t *testing.T) {
	var b strings.Builder
	r := newReport(&b)
	in := `{"Action":"run","Package":"p","Test":"TestA"}
{"Action":"output","Package":"p","Test":"TestA","Output":"=== RUN   TestA\n"}
{"Action":"output","Package":"p","Test":"TestA","Output":"    a_test.go:3: passing noise\n"}
{"Action":"output","Package":"p","Test":"TestA","Output":"--- PASS: TestA (0.00s)\n"}
{"Action":"pass","Package":"p","Test":"TestA"}
{"Action":"output","Package":"p","Output":"PASS\n"}
{"Action":"output","Package":"p","Output":"ok  \tp\t0.002s\n"}
{"Action":"pass","Package":"p"}
`
	if err := r.read(strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	r.printSkipped()
	if got, want := b.String(), "ok  \tp\t0.002s\n\nskipped tests: none\n"; got != want || r.failed {
		t.Errorf("got %q (failed %v), want %q", got, r.failed, want)
	}
}

// Packages tested at the same time interleave their events; each is printed whole when it
// ends, as go test prints it.
func TestReportInterleaved(t *testing.T) {
	var b strings.Builder
	r := newReport(&b)
	in := `{"Action":"run","Package":"a","Test":"TestA"}
{"Action":"run","Package":"b","Test":"TestB"}
{"Action":"output","Package":"a","Test":"TestA","Output":"    a_test.go:3: wrong\n"}
{"Action":"output","Package":"b","Test":"TestB","Output":"    b_test.go:3: also wrong\n"}
{"Action":"output","Package":"a","Test":"TestA","Output":"--- FAIL: TestA (0.00s)\n"}
{"Action":"output","Package":"b","Test":"TestB","Output":"--- FAIL: TestB (0.00s)\n"}
{"Action":"fail","Package":"a","Test":"TestA"}
{"Action":"fail","Package":"b","Test":"TestB"}
{"Action":"output","Package":"b","Output":"FAIL\tb\t0.002s\n"}
{"Action":"output","Package":"a","Output":"FAIL\ta\t0.002s\n"}
{"Action":"fail","Package":"b"}
{"Action":"fail","Package":"a"}
`
	if err := r.read(strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	want := "    b_test.go:3: also wrong\n--- FAIL: TestB (0.00s)\nFAIL\tb\t0.002s\n" +
		"    a_test.go:3: wrong\n--- FAIL: TestA (0.00s)\nFAIL\ta\t0.002s\n"
	if got := b.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
