// Command parallax is the Parallax workbench: with no arguments it opens the window; its
// subcommands (analyze, import, export, version) run headless for scripts, tests and CI.
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
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
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

Exit status: 0 success, 1 bad input (the message names the file), 2 misuse.
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
