//go:build gofmt_std

package gofmt

const fastPath = false
