//go:build !windows

package main

import (
	"io/fs"
	"syscall"
)

// hardLinks is the number of names a file has (1 when the system does not say).
func hardLinks(info fs.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}
