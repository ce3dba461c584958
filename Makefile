# The two commands a fresh machine needs: `make generate` and `make test`.
include models/pins.mk

GO ?= go
FUZZTIME ?= 3m

.PHONY: all generate check-generated test vet e2e-deps bench fuzz

all: generate test

# Regenerate the committed generated/ tree from the pinned default model.
generate:
	$(GO) generate ./generated/...

# Exit non-zero when generated/ differs from a fresh generation.
check-generated:
	$(GO) run ./cmd/gen -check -model $(COGNITO_C2J) -out generated/cognitoidp -pkg cognitoidp

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || (gofmt -l . ; echo "gofmt: files above need formatting"; exit 1)

# Node packages for the end-to-end test against cognito-local.
e2e-deps:
	cd e2e && npm ci --no-audit --no-fund

test: vet e2e-deps
	$(GO) test -count=1 ./...
