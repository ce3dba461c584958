// Command sweep runs the generator over every AWS model of both formats: it generates a
// package per model into a scratch module, builds and vets them all, and prints a summary
// by format and by cause of failure. With -crossformat it compares the Smithy and c2j
// models of each service type by type instead.
//
//	go run ./internal/tools/sweep [-out DIR] [-smithy DIR] [-c2j MODULE@VERSION] [-run REGEXP] [-crossformat]
package main

import (
	"os"

	"github.com/awsgen/awsgen/internal/sweep"
)

func main() {
	os.Exit(sweep.Main(os.Args[1:], os.Stdout, os.Stderr))
}
