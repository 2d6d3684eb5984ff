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
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	err := dispatch(ctx, args, stdin, stdout, stderr)
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

// ingestPaths reads every path and returns the article documents and the Parallax sets
// (.json) found, or a bad-input error that lists every file that failed. Nothing is written
// anywhere by this step, so a failure leaves every workspace exactly as it was.
func ingestPaths(paths []string) (docs []ingest.Document, sets []string, err error) {
	docs, errs := ingest.Paths(paths, ingest.Options{})
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
		return nil, nil, badInput("%d files could not be read, nothing was imported:\n%s", len(bad), strings.Join(bad, "\n"))
	case len(bad) == 1:
		return nil, nil, badInput("%s (nothing was imported)", bad[0])
	case len(docs) == 0 && len(sets) == 0:
		return nil, nil, badInput("no articles found in %s (supported: .txt, .md, .html, and Parallax .json sets)", strings.Join(paths, ", "))
	}
	return docs, sets, nil
}
