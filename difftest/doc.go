// Package difftest checks the generated Cognito package against aws-sdk-go-v2 and measures
// the two side by side. It is a module of its own so that the main module never depends on
// the AWS SDK; everything but this comment is in _test.go files.
//
//	go test -count=1 ./...                                  # differential test, seconds
//	go test -count=1 -run Diff -seed 7 -iters 1500 .        # another seed, more values
//	go test -count=1 -run Representability -v .             # what the generator leaves out
//	go test -run '^$' -bench . -benchmem -count=6 .         # benchmarks (see bench_test.go)
package difftest
