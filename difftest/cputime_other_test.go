//go:build !unix

package difftest

func processCPU() int64 { return -1 }
