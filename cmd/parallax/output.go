package main

import (
	"context"
	"encoding/binary"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// boltMagic is the magic number bbolt writes in both meta pages, right after the 16-byte page
// header: how an export recognises a workspace it must never replace.
const boltMagic = 0xED0CDAED

// checkOutputTarget decides whether path may receive an export. An export only ever creates a
// regular file or atomically replaces one: it refuses the open workspace itself (compared by
// file identity, so another name, a hard link or a symlink to it are caught too), any other
// workspace, devices, FIFOs, sockets and directories, a file with several hard links (replacing
// it would silently split them), and a symbolic link (it says what the link points to rather
// than following it). It returns the mode the new file must have: the existing file's, or 0600.
func checkOutputTarget(path, workspace string) (fs.FileMode, error) {
	shown := quoteName(path)
	if ws, err := os.Stat(workspace); err == nil {
		if out, err := os.Stat(path); err == nil && os.SameFile(ws, out) {
			return 0, badInput("%s is the workspace being exported; writing there would destroy it — choose another file for -o", shown)
		}
	}
	info, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		dir := filepath.Dir(path)
		di, err := os.Stat(dir)
		switch {
		case err != nil:
			return 0, badInput("cannot write %s: its folder %s does not exist; create it first or choose another place", shown, quoteName(dir))
		case !di.IsDir():
			return 0, badInput("cannot write %s: %s is not a folder", shown, quoteName(dir))
		}
		return 0o600, nil
	}
	if err != nil {
		return 0, badInput("cannot write %s: %s", shown, describeFSError(err))
	}
	mode := info.Mode()
	switch {
	case mode&fs.ModeSymlink != 0:
		target, _ := os.Readlink(path)
		return 0, badInput("%s is a symbolic link to %s; Parallax does not replace links — give the target's path (or remove the link) to write there", shown, quoteName(target))
	case mode.IsDir():
		return 0, badInput("%s is a folder; give a file name for -o, for example %s", shown, quoteName(filepath.Join(path, "export.json")))
	case mode&fs.ModeDevice != 0 || mode&fs.ModeCharDevice != 0:
		return 0, badInput("%s is a device, not a file; give a file name for -o, or leave -o out to write to standard output", shown)
	case mode&fs.ModeNamedPipe != 0:
		return 0, badInput("%s is a named pipe (FIFO); to write into a pipe leave -o out and redirect standard output", shown)
	case mode&fs.ModeSocket != 0:
		return 0, badInput("%s is a socket, not a file; give a file name for -o", shown)
	case !mode.IsRegular():
		return 0, badInput("%s is not a regular file; give a file name for -o", shown)
	}
	if n := hardLinks(info); n > 1 {
		return 0, badInput("%s has %d hard links; replacing it would separate them and leave the old content under the other names — remove the other links or choose another file", shown, n)
	}
	if isWorkspaceFile(path) {
		return 0, badInput("%s is a Parallax workspace; an export never replaces a workspace — choose another file for -o", shown)
	}
	return mode.Perm(), nil
}

// isWorkspaceFile reports whether the file at path starts like a bbolt file.
func isWorkspaceFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var head [20]byte
	if _, err := io.ReadFull(f, head[:]); err != nil {
		return false
	}
	return binary.LittleEndian.Uint32(head[16:]) == boltMagic
}

// writeFileAtomic writes an export through a temporary file in the same folder, then renames it
// into place, so an interrupted or failed export leaves the old file (or no file) and never a
// half-written one. The target is checked first (checkOutputTarget); the existing file's mode is
// kept. ctx cancelled during the write leaves the target untouched.
func writeFileAtomic(ctx context.Context, path, workspace string, write func(io.Writer) error) error {
	mode, err := checkOutputTarget(path, workspace)
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return badInput("cannot write %s: %s", quoteName(path), describeFSError(err))
	}
	defer os.Remove(tmp.Name())
	fail := func(err error) error {
		tmp.Close()
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return badInput("could not write %s: %s; the previous file (if any) was left as it was", quoteName(path), describeFSError(err))
	}
	if err := write(&ctxWriter{ctx: ctx, w: tmp}); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(mode); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	// The target may have changed while the export ran; look again just before replacing it.
	if _, err := checkOutputTarget(path, workspace); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return badInput("could not put the export in place as %s: %s", quoteName(path), describeFSError(err))
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// ctxWriter stops a long write as soon as ctx is cancelled.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c *ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// describeFSError turns an operating-system error into words for the user, without the path
// (the caller names the file) and without bare errno texts such as "invalid argument".
func describeFSError(err error) string {
	var errno syscall.Errno
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or folder"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied; choose a place you can write to"
	case errors.As(err, &errno):
		switch errno {
		case syscall.ENOSPC, syscall.EDQUOT:
			return "the disk is full; free some space and try again"
		case syscall.EROFS:
			return "the disk is read-only; choose another place"
		case syscall.EISDIR:
			return "it is a folder"
		case syscall.ENOTDIR:
			return "a part of the path is not a folder"
		case syscall.EIO:
			return "input/output error; the disk may be failing"
		case syscall.EINVAL, syscall.EBADF, syscall.ESPIPE:
			return "the operating system refused it (" + errno.Error() + "); it is probably not a regular file on a local disk"
		}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
