// Command parallax is the Parallax workbench: with no arguments it opens the window; its
// subcommands (analyze, import, export, fetch, version) run headless for scripts, tests and CI.
//
// This file only wires: it parses the command line, hands the work to the packages that own it,
// and turns their errors into the exit statuses DESIGN.md promises (0 success, 1 bad input,
// 2 misuse).
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"parallax/internal/posixlocale"
)

func main() {
	posixlocale.Restore() // Fyne has read the locale by now (see the package)
	os.Exit(runMain(os.Args[1:]))
}

// runMain is main without os.Exit: it turns SIGINT and SIGTERM into the cancellation of the
// command's context and returns the exit status.
func runMain(args []string) int {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		first := <-sigs
		cancel(interrupted{first})
		// A second Ctrl+C means "now": nothing is half-committed either way, because every
		// write is one transaction and every export a rename.
		second := <-sigs
		os.Exit(interrupted{second}.code())
	}()
	return run(ctx, args, os.Stdin, os.Stdout, os.Stderr)
}

// interrupted is the cause of the command context's cancellation when a signal arrives.
type interrupted struct{ sig os.Signal }

func (i interrupted) Error() string { return "interrupted by " + i.sig.String() }

// code is the conventional exit status: 128 + the signal number (130 for SIGINT, 143 for
// SIGTERM).
func (i interrupted) code() int {
	if s, ok := i.sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 130
}

// usageText is printed by `parallax help` and on misuse.
const usageText = `Parallax — compare the language versions of a news story.

Usage:
  parallax [--db FILE]                          open the workbench window
  parallax analyze [--json] [--db FILE] PATH…   find facts, stories and discrepancies
  parallax import --db FILE [--samples] PATH…   add articles or a Parallax set to a workspace
  parallax export --db FILE [--format F] [-o OUT]  write the workspace: JSON, report, CSV, XLSX
  parallax version                              print the version
  parallax help [COMMAND]                       show help

PATH may be a .txt, .md or .html file, or a directory (read recursively).
Run 'parallax COMMAND --help' for the options of a command.

Exit status: 0 success, 1 bad input or a damaged workspace (the message names the file or URL),
2 misuse, 130/143 interrupted by Ctrl+C/SIGTERM (nothing half-done is kept).
`

// exitError carries an exit status with the message to print on stderr.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func misuse(format string, args ...any) error {
	return &exitError{code: 2, msg: fmt.Sprintf(format, args...)}
}

func badInput(format string, args ...any) error {
	return &exitError{code: 1, msg: fmt.Sprintf(format, args...)}
}
