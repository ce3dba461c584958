//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package load

// mapReadOnly does not map files on this system: FileMapped reads them as File does.
func mapReadOnly(path string) ([]byte, bool) { return nil, false }
