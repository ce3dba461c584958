# The two commands a fresh machine needs: `make generate` and `make test`.
include models/pins.mk

GO ?= go
FUZZTIME ?= 3m

.PHONY: all generate check-generated test vet e2e-deps bench fuzz fuzz-short race

# Fuzz targets: package and name.
FUZZ_TARGETS := \
	./internal/codectest:FuzzForgotPasswordRequest \
	./internal/codectest:FuzzForgotPasswordResponse \
	./internal/codectest:FuzzRecursive \
	./internal/codectest:FuzzUnion \
	./internal/resttest:FuzzPutItemResponse \
	./templates/rt:FuzzJSONDecoder \
	./templates/rt:FuzzJSONAppendString \
	./internal/load:FuzzLoad \
	./internal/docs:FuzzText \
	./internal/gofmt:FuzzFormat

all: generate test

# Regenerate the committed generated/ tree from the pinned default model.
generate:
	$(GO) generate ./generated/...

# Exit non-zero when generated/ differs from a fresh generation.
check-generated:
	$(GO) run ./cmd/gen -check -model $(COGNITO_C2J) -out generated/cognitoidp -pkg cognitoidp
	$(GO) run ./cmd/gen -check -model testdata/models/kitchensink.smithy.json -out generated/kitchensink -pkg kitchensink

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || (gofmt -l . ; echo "gofmt: files above need formatting"; exit 1)

# Node packages for the end-to-end test against cognito-local.
e2e-deps:
	cd e2e && npm ci --no-audit --no-fund

# Both modules' tests go through skipreport, which prints go test's usual output and ends with
# the skipped tests and their reasons; the events are kept in TESTLOG. The subshell fails
# when either module's vet or tests fail, and pipefail passes its status on.
TESTLOG ?= /tmp/awsgen-test.json
test: SHELL := /bin/bash
test: .SHELLFLAGS := -o pipefail -c
test: vet e2e-deps
	$(MAKE) fuzz-short
	$(MAKE) race
	( $(GO) test -json -count=1 ./...; status=$$?; \
	  cd difftest && $(GO) vet ./... && $(GO) test -json -count=1 ./... && exit $$status ) \
	  | tee $(TESTLOG) | $(GO) run ./internal/tools/skipreport

# The client's concurrent parts (pooled request and response bodies, retries) under the race
# detector: the runtime's own tests and the hand-written restJson1 tests over a real server.
race:
	$(GO) test -race -count=1 ./templates/rt ./internal/resttest

# The wire codec beside aws-sdk-go-v2's generated (de)serializers and encoding/json: one test
# binary, run BENCH_ROUNDS times over every benchmark, so that ours and v2's samples are taken
# in turn and share whatever else the machine is doing; then benchstat.
BENCH_ROUNDS ?= 6
bench:
	cd difftest && $(GO) test -c -o /tmp/awsgen-difftest.test .
	rm -f /tmp/awsgen-bench.txt
	cd difftest && for i in $$(seq $(BENCH_ROUNDS)); do \
	  /tmp/awsgen-difftest.test -test.run '^$$' -test.bench . -test.benchmem -test.count 1 -test.timeout 30m | tee -a /tmp/awsgen-bench.txt || exit 1; done
	$(GO) run golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da /tmp/awsgen-bench.txt

# Each fuzz target for FUZZTIME (default 3m); fuzz-short is the brief run in make test.
fuzz:
	@for t in $(FUZZ_TARGETS); do pkg=$${t%%:*}; name=$${t##*:}; \
	  echo "== $$name ($$pkg) for $(FUZZTIME)"; \
	  $(GO) test -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; done

# A count, not a duration: a timed run can end in a spurious "context deadline exceeded" when
# the machine is busy (the fuzzing engine's deadline, not a finding).
fuzz-short:
	$(MAKE) fuzz FUZZTIME=30000x

# Generator speed: aws-sdk-go v1's gen-api vs ours on the full Cognito package (whole
# processes, interleaved), our phases one by one, and every Smithy model generated (not
# compiled) on all cores with the peak RSS of the largest. BENCH_GEN_FLAGS adds flags
# (e.g. -n 40, -all=false, -verify, -strict); see internal/tools/genbench.
BENCH_GEN_FLAGS ?=
.PHONY: bench-gen
bench-gen:
	$(GO) run ./internal/tools/genbench -smithy $(SMITHY_MODELS) $(BENCH_GEN_FLAGS)

# Every AWS model of both formats (402 Smithy, 384 c2j): generate each into a package of one
# scratch module, go build (-N -l; SWEEP_FLAGS=-opt for optimised) and go vet them all, and
# print failures by cause, times and peak RSS. Exit 1 unless every model is clean.
# SWEEP_FLAGS=-crossformat compares the two formats of each service type by type instead.
SWEEP_DIR ?= /tmp/awsgen-sweep
SWEEP_FLAGS ?=
.PHONY: sweep
sweep:
	$(GO) run ./internal/tools/sweep -out $(SWEEP_DIR) -smithy $(SMITHY_MODELS) -c2j $(AWS_SDK_GO_V1) $(SWEEP_FLAGS)

# Mutation testing, a habit rather than a gate (not part of make test): gremlins v0.6.0 over
# templates/rt and the internal packages whose own tests judge them, then the generator
# mutations of internal/tools/mutate/table.go, each applied, judged by the behaviour tests
# (goldens and the staleness test excluded) and reverted. Everything happens in copies under
# MUTATE_DIR; the checkout is only read. Report: MUTATE_DIR/report.txt (survivors with
# file:line and type). MUTATE_FLAGS adds flags: -full (every mutant type of json_decode.go),
# -parts rt,gen (some parts), -only ID,... (some generator mutations), -workers N, -procs N.
# mutate-short is the quick half: the small packages and the runtime, no generator table.
MUTATE_DIR ?= /tmp/awsgen-mutate
MUTATE_FLAGS ?=
.PHONY: mutate mutate-short
mutate:
	$(GO) run ./internal/tools/mutate -work $(MUTATE_DIR) $(MUTATE_FLAGS)

mutate-short:
	$(GO) run ./internal/tools/mutate -work $(MUTATE_DIR) -parts names,output,load,rt $(MUTATE_FLAGS)
