// Command gen generates a self-contained Go package from an AWS service model, in Smithy
// JSON AST or c2j (botocore api-2.json) form.
//
//	go run ./cmd/gen -model FILE -out DIR -pkg NAME [-shapes A,B] [-operations X,Y] [-check]
//
// FILE may also be "gomod:MODULE@VERSION/PATH", a file inside a Go module fetched with its
// checksum verified. See the README for the type mapping and the generated API.
package main

import (
	"os"
	"runtime/debug"

	"github.com/awsgen/awsgen/internal/cli"
)

func main() {
	// Generation allocates many short-lived jennifer statements; a heap goal of 2.5 times
	// the live heap (GOGC=150) runs fewer collections than the default for few more page
	// faults (GOGC=off, or much larger values, cost more in page faults than they save, on
	// the Cognito model). An explicit GOGC in the environment wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(150)
	}
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
