package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"parallax/store"
)

func cmdCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("check", "parallax check --db FILE",
		"Check a workspace for damage without changing it: the file's pages (what bbolt's own\n"+
			"check verifies), then every record (texts against their hashes, revisions, highlights,\n"+
			"the content index). Exit status 0 when it is sound, 1 when it is damaged.", stderr)
	dbPath := fs.String("db", "", "workspace `FILE` to check")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dbPath == "" {
		return misuse("check: --db FILE is required")
	}
	if fs.NArg() > 0 {
		return misuse("check: unexpected argument %q", fs.Arg(0))
	}
	var rep store.CheckReport
	err := cancellable(ctx, func() error {
		var err error
		rep, err = store.CheckFile(*dbPath, 2*time.Second)
		return err
	})
	if err != nil {
		if ctx.Err() != nil {
			return err
		}
		return badInput("%v", err)
	}
	name := quoteName(*dbPath)
	if rep.OK() {
		fmt.Fprintf(stdout, "%s: no damage found (%d articles)\n", name, rep.Articles)
		return nil
	}
	if len(rep.Pages) > 0 {
		fmt.Fprintf(stdout, "%s: the file's structure is damaged (%d problems):\n  %s\n", name, len(rep.Pages), strings.Join(rep.Pages, "\n  "))
	}
	if len(rep.Records) > 0 {
		fmt.Fprintf(stdout, "%s: %d records are damaged:\n  %s\n", name, len(rep.Records), strings.Join(rep.Records, "\n  "))
	}
	return badInput("workspace %s is damaged; it was not changed. 'parallax salvage --db %s -o NEW' copies everything readable into a new workspace", name, name)
}

func cmdSalvage(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("salvage", "parallax salvage --db FILE -o NEW",
		"Copy every readable article (with its revisions), highlight, verdict, alias, link and the\n"+
			"tag set of a damaged workspace into a new workspace NEW, and list what was lost. The\n"+
			"damaged file is only read, never changed. Articles are verified against their content\n"+
			"hashes; pages that a damaged index no longer reaches are searched too.", stderr)
	dbPath := fs.String("db", "", "damaged workspace `FILE` to read")
	out := fs.String("o", "", "`NEW` workspace to create (must not exist)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dbPath == "" || *out == "" {
		return misuse("salvage: --db FILE and -o NEW are required")
	}
	if fs.NArg() > 0 {
		return misuse("salvage: unexpected argument %q", fs.Arg(0))
	}
	var rep store.SalvageReport
	err := cancellable(ctx, func() error {
		var err error
		rep, err = store.Salvage(*dbPath, *out)
		return err
	})
	if err != nil {
		if ctx.Err() != nil {
			return err
		}
		if errors.Is(err, store.ErrDamaged) && len(rep.Problems) > 0 {
			return badInput("%v\nDamage found:\n  %s", err, strings.Join(rep.Problems, "\n  "))
		}
		return badInput("%v", err)
	}
	fmt.Fprintf(stdout, "%s: recovered %d articles (%d older revisions), %d highlights, %d verdicts, %d aliases, %d links into %s\n",
		quoteName(*dbPath), rep.Articles, rep.Revisions, rep.Highlights, rep.Verdicts, rep.Aliases, rep.Links, quoteName(*out))
	if rep.FromLoosePages > 0 {
		fmt.Fprintf(stdout, "%d articles were found only in pages the damaged index no longer reached; look them over\n", rep.FromLoosePages)
	}
	if len(rep.Problems) > 0 {
		fmt.Fprintf(stdout, "damage found (%d):\n  %s\n", len(rep.Problems), strings.Join(rep.Problems, "\n  "))
	}
	if len(rep.Lost) > 0 {
		fmt.Fprintf(stdout, "lost (%d):\n  %s\n", len(rep.Lost), strings.Join(rep.Lost, "\n  "))
	} else {
		fmt.Fprintln(stdout, "nothing was lost")
	}
	return nil
}

// snapshotImportSize is the number of documents from which an import first takes a snapshot.
const snapshotImportSize = 50

func cmdSnapshots(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("snapshots", "parallax snapshots --db FILE",
		"List the automatic snapshots of a workspace, newest first (kept in FILE.snapshots: one\n"+
			"before each large import or set import, and on a schedule while the window is open).", stderr)
	dbPath := fs.String("db", "", "workspace `FILE`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dbPath == "" || fs.NArg() > 0 {
		return misuse("snapshots: --db FILE, and nothing else, is required")
	}
	snaps, err := store.Snapshots(*dbPath)
	if err != nil {
		return badInput("%v", err)
	}
	if len(snaps) == 0 {
		fmt.Fprintf(stdout, "%s has no snapshots yet\n", quoteName(*dbPath))
		return nil
	}
	for i, s := range snaps {
		fmt.Fprintf(stdout, "%d  %s  %-15s %7.1f KiB  %s\n", i+1, s.Taken.Local().Format("2006-01-02 15:04:05"), s.Reason, float64(s.Size)/1024, quoteName(s.Path))
	}
	return nil
}

func cmdRestore(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("restore", "parallax restore --db FILE SNAPSHOT",
		"Replace the workspace FILE with one of its snapshots: SNAPSHOT is the number shown by\n"+
			"'parallax snapshots' (1 is the newest) or a snapshot file's path. The workspace as it\n"+
			"is now is kept as a snapshot first, so a restore can be undone. Close the window first.", stderr)
	dbPath := fs.String("db", "", "workspace `FILE` to restore")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dbPath == "" || fs.NArg() != 1 {
		return misuse("restore: --db FILE and one SNAPSHOT (a number from 'parallax snapshots', or a path) are required")
	}
	snap := fs.Arg(0)
	if n, err := strconv.Atoi(snap); err == nil {
		snaps, err := store.Snapshots(*dbPath)
		if err != nil {
			return badInput("%v", err)
		}
		if n < 1 || n > len(snaps) {
			return badInput("%s has %d snapshots; 'parallax snapshots --db %s' lists them", quoteName(*dbPath), len(snaps), quoteName(*dbPath))
		}
		snap = snaps[n-1].Path
	}
	if err := store.RestoreSnapshot(*dbPath, snap); err != nil {
		return badInput("%v", err)
	}
	fmt.Fprintf(stdout, "%s restored from %s\n", quoteName(*dbPath), quoteName(snap))
	return nil
}
