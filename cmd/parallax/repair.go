package main

import (
	"context"
	"errors"
	"fmt"
	"io"
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
