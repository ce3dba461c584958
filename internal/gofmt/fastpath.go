//go:build !gofmt_std

package gofmt

// fastPath selects the fast formatter; building with the tag gofmt_std leaves every
// declaration to go/format, to measure what the fast path is worth (make bench-gen).
const fastPath = true
