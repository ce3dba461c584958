//go:build darwin || freebsd || netbsd || openbsd || dragonfly

package load

const mapPopulate = 0
