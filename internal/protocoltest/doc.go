// Package protocoltest runs the awsJson protocol test vectors (botocore's, derived from
// Smithy's protocol tests, and aws-sdk-go v1's) against generated code. Its test turns each
// suite into a c2j model, generates a package from it, writes a cases_test.go that checks
// the vectors' request and response bodies with the package's own AppendJSON,
// UnmarshalJSON and Equal, and runs `go test` over all of them in one temporary module.
//
// The package has no code outside its tests; the helpers that go into every generated
// package live, compiled and tested, in vectorkit.
package protocoltest
