// Package protocoltest runs the awsJson and rest-json (restJson1) protocol test vectors
// (botocore's, derived from Smithy's protocol tests, and aws-sdk-go v1's) against generated
// code. Its test turns the suites of each vector file into c2j models (suites that agree
// on their metadata, shapes and operations share one; a suite whose cases give one
// operation in different ways is cut into parts first), generates a package from each,
// writes a cases_test.go and runs `go test` over all of them in one temporary module.
//
// Each cases_test.go has up to two tests. TestVectors checks the awsJson request and
// response bodies with the package's own AppendJSON, UnmarshalJSON and Equal. TestClient
// sends every case through the generated client to a test server: for input cases it
// checks the request the client sent, for output cases it serves the vector's response
// and checks the call's result, or its error: the modeled error type, code and members,
// or the APIError code of an unmodeled one.
//
// For awsJson requests it checks the method, URI, host, headers and the JSON body. The
// rest-json cases are checked through the client only, and on everything the vector
// gives: the method; the URI's path exactly as the vector writes it, percent-encoding
// included, and its query as a multiset of parameters, each percent-decoded; the host,
// with any host prefix; each listed header's exact value, requireHeaders present and
// forbidHeaders absent; the body as JSON values when the vector's Content-Type is JSON
// (or, without one, when its body is a JSON object or array), else byte for byte, so
// that an empty body means no body bytes; a body the vector says is gzip-compressed is
// decompressed first, for both protocols. Their responses are served exactly as the
// vector gives them (no Date, Content-Type or Content-Length of net/http's own) and
// the result is compared whole: members bound to headers, the status code and the
// payload, streams as bytes, and prefix-header maps with their keys lowercased on both
// sides (the two sets of vectors disagree on the case). aws-sdk-go v1's rest-json
// operations often give no "http"; they get POST and "/".
//
// The test prints a table: for each file, the cases run, passed, failed as an
// allow-list (knownFailures, knownClientFailures) expects, and failed anew. Cases on
// botocore's own ignore list run like the others.
//
// The package has no code outside its tests; the helpers that go into every generated
// package live, compiled and tested, in vectorkit.
package protocoltest
