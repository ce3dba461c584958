// Package difftest checks the generated Cognito package against aws-sdk-go-v2 and measures
// both side by side. It is a module of its own so that the main module never depends on the
// AWS SDK; everything in it is in _test.go files.
//
//	go test -count=1 ./...                        # differential test, a few seconds
//	go test -count=1 -run Diff -seed 7 -iters 500 .   # another seed, more values per operation
//
// The benchmarks that call aws-sdk-go-v2's unexported (de)serializers need the build tag
// v2internals (see bench_v2_test.go); without it their /v2 variants are skipped.
package difftest
