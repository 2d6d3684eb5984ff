package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime/debug"
	"time"
)

// verifyFile reads the workspace file at path under a shared lock (so no writer is half-way
// through a commit) and checks its page structure with the bounds-checked reader of pages.go,
// page by page: its memory is a bit per page and the pages on one root-to-leaf path, whatever
// the file's size.
// It returns the problems found (none for a sound file), errNoMeta-wrapping errors for a file
// that is not a bbolt file at all, and ErrLocked when a writer holds the file past timeout.
func verifyFile(path string, timeout time.Duration) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if err := lockShared(f, timeout); err != nil {
		return nil, err
	}
	defer unlock(f)
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	c, err := checkFile(fileSource{f: f, n: uint64(max(info.Size(), 0))}, nil)
	if err != nil {
		return nil, err
	}
	return c.problems, nil
}

// fileKind describes what a path that is not a regular file is, for messages; "" for a regular
// file.
func fileKind(mode fs.FileMode) string {
	switch {
	case mode.IsRegular():
		return ""
	case mode.IsDir():
		return "a folder"
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeDevice != 0, mode&fs.ModeCharDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// damaged is the error for a workspace that fails its check: it names the file, the first
// problems and what to do, and wraps ErrDamaged.
func damaged(path string, problems []string) error {
	shown := problems
	if len(shown) > 3 {
		shown = shown[:3]
	}
	more := ""
	if len(problems) > 3 {
		more = fmt.Sprintf(" (and %d more)", len(problems)-3)
	}
	return &userError{
		msg: fmt.Sprintf("workspace %s is damaged: %s%s. It was not changed. Run 'parallax check --db %s' to see every problem, and 'parallax salvage --db %s -o NEW' to copy what can be read into a new workspace",
			path, joinSemicolon(shown), more, path, path),
		sentinel: ErrDamaged,
	}
}

func joinSemicolon(s []string) string {
	out := ""
	for i, p := range s {
		if i > 0 {
			out += "; "
		}
		out += p
	}
	return out
}

// userError is an error whose message is complete for a person as it is, wrapping a sentinel
// without repeating the sentinel's own text.
type userError struct {
	msg      string
	sentinel error
}

func (e *userError) Error() string        { return e.msg }
func (e *userError) Is(target error) bool { return target == e.sentinel }

// safely runs fn and turns a panic or a memory fault inside it (bbolt reading a page that is
// damaged in a way the open-time check did not see) into an ErrDamaged error.
func safely(path string, fn func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer debug.SetPanicOnFault(old)
	defer func() {
		if p := recover(); p != nil {
			err = &userError{
				msg:      fmt.Sprintf("workspace %s is damaged (reading it failed: %v); run 'parallax check --db %s', and 'parallax salvage --db %s -o NEW' to recover what can be read", path, p, path, path),
				sentinel: ErrDamaged,
			}
		}
	}()
	return fn()
}

// isNoMeta reports whether err says the file has no valid bbolt header.
func isNoMeta(err error) bool { return errors.Is(err, errNoMeta) }
