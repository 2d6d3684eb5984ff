//go:build !windows

package store

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// lockShared takes a shared advisory lock on f (bbolt's readers take the same kind; its writer
// an exclusive one), waiting at most timeout.
func lockShared(f *os.File, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB)
		if err == nil {
			return nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			return nil // a file system without locks: bbolt will say what it thinks
		}
		if time.Now().After(deadline) {
			return ErrLocked
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func unlock(f *os.File) { _ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }

// lockExclusive takes an exclusive advisory lock on f without waiting: bbolt's writer and
// readers both conflict with it.
func lockExclusive(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}
