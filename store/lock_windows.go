//go:build windows

package store

import (
	"os"
	"time"
)

// lockShared is a no-op on Windows: bbolt's own lock is taken right after, and a reader there
// cannot see a half-written commit through the file-mapping bbolt uses.
func lockShared(*os.File, time.Duration) error { return nil }

func unlock(*os.File) {}

func lockExclusive(*os.File) error { return nil }
