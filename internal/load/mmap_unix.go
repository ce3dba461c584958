//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package load

import (
	"os"
	"syscall"
)

// mapReadOnly maps the file at path into memory, read-only, when it is a regular file that
// nobody may write to, of a size between 1 byte and 1 GiB; ok is false when it is not, or
// when mapping fails (the caller reads the file instead).
func mapReadOnly(path string) (b []byte, ok bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm()&0o222 != 0 || fi.Size() <= 0 || fi.Size() > 1<<30 {
		return nil, false
	}
	b, err = syscall.Mmap(int(f.Fd()), 0, int(fi.Size()), syscall.PROT_READ, syscall.MAP_PRIVATE|mapPopulate)
	if err != nil {
		return nil, false
	}
	return b, true
}
