// Package difftest checks generated packages against aws-sdk-go-v2 and measures the two side
// by side: Cognito (awsJson1.1) document by document, Lambda and API Gateway (restJson1)
// request by request and response by response over an httptest server. It is a module of
// its own so that the main module never depends on the AWS SDK; everything but this comment
// is in _test.go files.
//
//	go test -count=1 ./...                                  # differential tests, seconds
//	go test -count=1 -run Diff -seed 7 -iters 1500 .        # Cognito: another seed, more values
//	go test -count=1 -run Representability -v .             # what the generator leaves out
//	go test -run '^$' -bench . -benchmem -count=6 .         # benchmarks (see bench_test.go)
//
// restJson1 (rest_diff_test.go):
//
//	go test -count=1 -run REST -seed 7 -rest-iters 300 -rest-erriters 60 .   # more values
//	go test -count=1 -run REST -rest-service lambda -v .                      # one service, tallies
//	go test -count=1 -run TestRESTKnownDiffs -v .           # the differences forgiven, and why
//	go test -run '^$' -bench REST -benchmem .               # Lambda benchmarks (bench_rest_test.go)
package difftest
