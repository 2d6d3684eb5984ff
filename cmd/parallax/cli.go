package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"parallax"
	"parallax/store"
	"parallax/store/ingest"
)

// run executes one command line and returns the process exit status. It is the whole CLI
// minus os.Exit, so tests drive exactly what users run.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	out := &trackingWriter{w: stdout}
	defer func() {
		// A panic is a bug, not the user's doing: say so plainly instead of a Go trace.
		if p := recover(); p != nil {
			fmt.Fprintf(stderr, "parallax: internal error: %v\nThis is a bug in Parallax; nothing half-done was saved. Please report it with the command you ran.\n", p)
			code = 1
		}
	}()
	err := dispatch(ctx, args, stdin, out, stderr)
	if cause := context.Cause(ctx); ctx.Err() != nil && err != nil {
		// Interrupted before the work was done (work that finished as the signal came stays
		// done and is reported as success).
		var in interrupted
		if errors.As(cause, &in) {
			fmt.Fprintf(stderr, "parallax: %v; stopped, nothing half-done was saved\n", in)
			return in.code()
		}
		fmt.Fprintln(stderr, "parallax: stopped; nothing half-done was saved")
		return 130
	}
	if err == nil && out.err != nil {
		err = badInput("could not write the output: %s", describeFSError(out.err))
	}
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		fmt.Fprintln(stderr, "parallax: "+ee.msg)
		if ee.code == 2 {
			fmt.Fprintln(stderr, "Run 'parallax help' for usage.")
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "parallax: "+err.Error())
	return 1
}

func dispatch(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return cmdGUI(ctx, args, stderr)
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "analyze":
		return cmdAnalyze(ctx, rest, stdout, stderr)
	case "import":
		return cmdImport(ctx, rest, stdout, stderr)
	case "export":
		return cmdExport(ctx, rest, stdout, stderr)
	case "check":
		return cmdCheck(ctx, rest, stdout, stderr)
	case "salvage":
		return cmdSalvage(ctx, rest, stdout, stderr)
	case "snapshots":
		return cmdSnapshots(rest, stdout, stderr)
	case "restore":
		return cmdRestore(rest, stdout, stderr)
	case "fetch":
		return cmdFetch(ctx, rest, stdout, stderr)
	case "version":
		fs := newFlagSet("version", "parallax version", "Print the version and build number.", stderr)
		if err := parseFlags(fs, rest); err != nil {
			return err
		}
		fmt.Fprintln(stdout, parallax.VersionString())
		return nil
	case "help", "--help", "-h":
		if len(rest) > 0 {
			return dispatch(ctx, []string{rest[0], "--help"}, stdin, stdout, stderr)
		}
		fmt.Fprint(stdout, usageText)
		return nil
	default:
		return misuse("unknown command %q", cmd)
	}
}

// trackingWriter remembers the first write error, so a full disk or a closed pipe on standard
// output is reported instead of exiting 0 with the output lost.
type trackingWriter struct {
	w   io.Writer
	err error
}

func (t *trackingWriter) Write(p []byte) (int, error) {
	if t.err != nil {
		return 0, t.err
	}
	n, err := t.w.Write(p)
	if err != nil {
		t.err = err
	}
	return n, err
}

// newFlagSet makes a flag set whose --help prints a usage line, a description and the flags.
func newFlagSet(name, usage, about string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: %s\n\n%s\n", usage, about)
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintln(fs.Output(), "\nOptions:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseFlags parses flags anywhere on the line (Go's flag package stops at the first
// non-flag), so `parallax analyze dir --json` works as users expect.
func parseFlags(fs *flag.FlagSet, args []string) error {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return err
			}
			return misuse("%s: %v", fs.Name(), err)
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		if args[0] == "--" {
			positional = append(positional, args[1:]...)
			break
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
	// Re-parse the collected positionals as the flag set's arguments.
	return fs.Parse(append([]string{"--"}, positional...))
}

// defaultWorkspace is where the window keeps its workspace when --db is not given: the user's
// config dir, per OS convention, so an installed app never needs its install folder writable.
func defaultWorkspace() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("cannot find a folder for the workspace (%v); pass --db FILE", err)
	}
	return filepath.Join(dir, "Parallax", "workspace.parallax"), nil
}

// openStore opens a workspace and turns the store's sentinel errors into messages for a person.
func openStore(path string, readOnly bool) (*store.DB, error) {
	db, err := store.Open(path, store.Options{Timeout: 2 * time.Second, ReadOnly: readOnly})
	if err != nil {
		return nil, badInput("%v", err)
	}
	return db, nil
}

// openExisting opens a workspace that must already exist: analyze, export and check never
// create a workspace (or its folders) because of a mistyped path.
func openExisting(path string, readOnly bool) (*store.DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, badInput("workspace %s: %s; check the path ('parallax import --db FILE' creates a new workspace)", quoteName(path), describeFSError(err))
	}
	return openStore(path, readOnly)
}

// skippedRecords reports the damaged records that reads of db left out, as a bad-input error
// after the work was done with everything else; nil when there were none.
func skippedRecords(db *store.DB, done string) error {
	sk := db.Skipped()
	if len(sk) == 0 {
		return nil
	}
	if len(sk) > 20 {
		sk = append(sk[:20], fmt.Sprintf("… and %d more", len(sk)-20))
	}
	return badInput("%s everything that could be read, but workspace %s has damaged records that were left out:\n  %s\nRun 'parallax check --db %s' for details and 'parallax salvage --db %s -o NEW' to copy what can be read into a new workspace.",
		done, quoteName(db.Path()), strings.Join(sk, "\n  "), quoteName(db.Path()), quoteName(db.Path()))
}

// ingestPaths reads every path and returns the article documents and the Parallax sets
// (.json) found, or a bad-input error that lists every file that failed. Nothing is written
// anywhere by this step, so a failure leaves every workspace exactly as it was.
func ingestPaths(ctx context.Context, paths []string) (docs []ingest.Document, sets []string, err error) {
	if _, sets, err = ingestEach(ctx, paths, func(d ingest.Document) error {
		docs = append(docs, d)
		return nil
	}); err != nil {
		return nil, nil, err
	}
	return docs, sets, nil
}

// ingestEach reads every path as ingestPaths does but hands each article document to use as
// soon as it is read, and returns how many there were, the Parallax sets found, and the
// errors ingestPaths returns. A file that fails is known only once every path is read, so
// use may have stored documents of an input that is then refused: it is for a store the
// caller throws away on error (analyze's throwaway workspace). Once use has failed, the
// later documents are still read, for their errors, but no longer handed over; its error is
// returned as it is when no file failed.
func ingestEach(ctx context.Context, paths []string, use func(ingest.Document) error) (n int, sets []string, err error) {
	var useErr error
	errs := ingest.Each(paths, ingest.Options{Context: ctx}, func(d ingest.Document) {
		n++
		if useErr == nil {
			useErr = use(d)
		}
	})
	if ctx.Err() != nil {
		return 0, nil, ctx.Err()
	}
	var bad []string
	for _, err := range errs {
		var fe *ingest.FileError
		if errors.Is(err, ingest.ErrParallaxSet) && errors.As(err, &fe) {
			sets = append(sets, fe.Path)
			continue
		}
		bad = append(bad, err.Error())
	}
	switch {
	case len(bad) > 1:
		return 0, nil, badInput("%d files could not be read, nothing was imported:\n%s", len(bad), strings.Join(bad, "\n"))
	case len(bad) == 1:
		return 0, nil, badInput("%s (nothing was imported)", bad[0])
	case useErr != nil:
		return 0, nil, useErr
	case n == 0 && len(sets) == 0:
		shown := make([]string, len(paths))
		for i, p := range paths {
			shown[i] = quoteName(p)
		}
		return 0, nil, badInput("no articles found in %s (supported: .txt, .md, .html, and Parallax .json sets)", strings.Join(shown, ", "))
	}
	return n, sets, nil
}
