//go:build !unix

package main

import "os/exec"

// ownGroup is a no-op here: cancelling kills the go command only.
func ownGroup(cmd *exec.Cmd) {}
