package testenv

import (
	"fmt"
	"os"
	"runtime"
	"testing"
)

// fakeTB records each Fatalf or Skipf (the first, since it then ends the goroutine as
// testing.T does) as the method's name, a colon and the message.
type fakeTB struct {
	testing.TB // nil: any other method panics
	calls      []string
}

func (f *fakeTB) Helper() {}

func (f *fakeTB) Fatalf(format string, args ...any) {
	f.calls = append(f.calls, "Fatalf: "+fmt.Sprintf(format, args...))
	runtime.Goexit()
}

func (f *fakeTB) Skipf(format string, args ...any) {
	f.calls = append(f.calls, "Skipf: "+fmt.Sprintf(format, args...))
	runtime.Goexit()
}

// missing calls Missing on a fakeTB in a goroutine of its own and returns the calls it made.
func missing() []string {
	f := &fakeTB{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		Missing(f, "input %s is absent: %v", "x", os.ErrNotExist)
	}()
	<-done
	return f.calls
}

func TestMissing(t *testing.T) {
	const (
		fatal = "Fatalf: input x is absent: file does not exist (required when CI=true)"
		skip  = "Skipf: input x is absent: file does not exist (set CI=true to make this fail)"
	)
	for _, tc := range []struct {
		name, ci string
		unset    bool
		want     string
	}{
		{name: "CI=true", ci: "true", want: fatal},
		{name: "CI unset", unset: true, want: skip},
		{name: "CI empty", ci: "", want: skip},
		{name: "CI=false", ci: "false", want: skip},
		{name: "CI=1", ci: "1", want: skip}, // only "true" counts, as in .ci/run
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("CI", tc.ci) // restored when the subtest ends
			if tc.unset {
				os.Unsetenv("CI")
			}
			if got := missing(); len(got) != 1 || got[0] != tc.want {
				t.Errorf("Missing called %q, want [%q]", got, tc.want)
			}
		})
	}
}

// TestMissingSkips checks the skip branch on a real *testing.T: the subtest must end
// skipped, not failed, and nothing after Missing may run.
func TestMissingSkips(t *testing.T) {
	ran := false
	t.Run("absent", func(t *testing.T) {
		t.Setenv("CI", "")
		Missing(t, "input %s is absent", "x")
		ran = true
	})
	if ran {
		t.Error("the subtest went on after Missing")
	}
}
