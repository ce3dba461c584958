// Package testenv holds what the project's tests share about their environment: the rule
// for inputs that live outside the repository, such as ../shared (the AWS models and protocol
// test vectors kept beside the checkout), a Go module fetched from the proxy, or a tool on
// PATH.
//
// Such an input is optional in a user's clone, where a test that needs it is skipped with
// a message saying what is absent, and required under CI (the environment variable CI set
// to "true", as .ci/run and most CI services do), where the same absence fails the test: a
// CI run must not pass by skipping.
package testenv

import (
	"fmt"
	"os"
	"testing"
)

// Missing reports that an input the test needs is absent, with the message
// fmt.Sprintf(format, args...), which should name the input and say why it is absent
// (typically the path and the error). Under CI (CI=true) it fails the test with
// t.Fatalf, since the input is required there; otherwise it skips the test with t.Skipf.
// The message ends with " (required when CI=true)" or " (set CI=true to make this fail)"
// respectively. Either way the test stops: like t.Fatalf and t.Skipf, Missing must be
// called from the goroutine running the test.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s (required when CI=true)", msg)
	} else {
		t.Skipf("%s (set CI=true to make this fail)", msg)
	}
}
