//go:build windows

package main

import "io/fs"

// hardLinks is 1 on Windows, where FileInfo does not carry the link count.
func hardLinks(fs.FileInfo) uint64 { return 1 }
