// Package protocoltest runs the awsJson protocol test vectors (botocore's, derived from
// Smithy's protocol tests, and aws-sdk-go v1's) against generated code. Its test turns the
// suites of each vector file into c2j models (suites that agree on their metadata, shapes
// and operations share one), generates a package from each, writes a cases_test.go and
// runs `go test` over all of them in one temporary module.
//
// Each cases_test.go has two tests. TestVectors checks the request and response bodies
// with the package's own AppendJSON, UnmarshalJSON and Equal. TestClient sends every case
// through the generated client to a test server: for input cases it checks the method,
// URI, host, headers and body of the request the client sent; for output cases it serves
// the vector's response and checks the call's result, or its error: the modeled error type,
// code and members, or the APIError code of an unmodeled one.
//
// The package has no code outside its tests; the helpers that go into every generated
// package live, compiled and tested, in vectorkit.
package protocoltest
