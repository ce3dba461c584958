// Command gen generates a self-contained Go package from an AWS service model, in Smithy
// JSON AST or c2j (botocore api-2.json) form.
//
//	gen -model FILE -out DIR -pkg NAME [-shapes A,B] [-operations X,Y] [-check]
//
// FILE may also be "gomod:MODULE@VERSION/PATH", a file inside a Go module fetched with its
// checksum verified. See the README for the type mapping and the generated API.
package main

import (
	"os"

	"github.com/awsgen/awsgen/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
