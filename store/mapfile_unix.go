//go:build !windows

package store

import (
	"os"
	"syscall"
)

// readWhole returns the first size bytes of f and a function that releases them. The bytes are
// mapped, not copied: checking a workspace of several gigabytes must not need that much heap
// (the pages stay in the page cache, which the system reclaims).
func readWhole(f *os.File, size int64) ([]byte, func(), error) {
	if size <= 0 || int64(int(size)) != size {
		return readCopy(f, size)
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return readCopy(f, size) // a file system that cannot map: read it
	}
	return data, func() { _ = syscall.Munmap(data) }, nil
}
