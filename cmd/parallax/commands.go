package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"time"

	"parallax/seeds"
	"parallax/store"
	"parallax/store/analysis"
	"parallax/store/ingest"
	"parallax/store/interchange"
)

func cmdAnalyze(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("analyze", "parallax analyze [--json] [--db FILE] PATH…",
		"Read the articles at PATH (files or directories, recursively), find their dates, numbers\n"+
			"and actors, group them into stories and list where the versions disagree.\n"+
			"Without --db nothing is stored; with --db the articles are imported into that\n"+
			"workspace first and its aliases, links and cached facts are used.", stderr)
	asJSON := fs.Bool("json", false, "print the result as one JSON object (the documented contract)")
	dbPath := fs.String("db", "", "workspace `FILE` to import into and analyse")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 && *dbPath == "" {
		return misuse("analyze: give at least one PATH (a file or a directory), or --db FILE")
	}
	if *asJSON && *dbPath == "" {
		return analyzeFilesJSON(ctx, fs.Args(), stdout, stderr)
	}
	var docs []ingest.Document
	if fs.NArg() > 0 {
		var sets []string
		var err error
		if docs, sets, err = ingestPaths(ctx, fs.Args()); err != nil {
			return err
		}
		if err := analyzeSets(fs.Args(), sets, len(docs), *dbPath != "", stderr); err != nil {
			return err
		}
	}

	var rep analysis.Report
	var db *store.DB
	if *dbPath != "" {
		// Analysing a workspace on a read-only disk, or one another window has open, must
		// work: without anything to import it falls back to read-only.
		var err error
		if len(docs) == 0 {
			// Writable when it can be, so the facts and stories analysed now are cached for
			// the next run; read-only (nothing cached) when the file or its folder is, or
			// another window holds it.
			if fi, serr := os.Stat(*dbPath); serr == nil && fi.Mode().IsRegular() && fi.Size() > 0 {
				db, _ = store.Open(*dbPath, store.Options{Timeout: 300 * time.Millisecond})
			}
		}
		if db == nil {
			if db, err = openExisting(*dbPath, len(docs) == 0); err != nil {
				return err
			}
		}
		defer closeStore(ctx, db)
		if len(docs) > 0 {
			if _, err := db.ImportDocumentsContext(ctx, docs, time.Now()); err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				return badInput("%v", err)
			}
		}
	}
	var tmp string
	if db == nil {
		// The throwaway workspace of an analysis without --db is removed even when Ctrl+C
		// stops the analysis half-way.
		var err error
		if tmp, err = os.MkdirTemp("", "parallax-analyze-*"); err != nil {
			return fmt.Errorf("create a temporary workspace: %w", err)
		}
		defer os.RemoveAll(tmp)
	}
	if *asJSON {
		// The document is streamed as the analysis goes, in bounded memory: the articles
		// are read from the workspace a story at a time.
		err := cancellable(ctx, func() error {
			if err := analysis.WriteWorkspaceJSON(db, stdout, analysis.Options{}); err != nil {
				return fmt.Errorf("analyse workspace %s: %w", quoteName(*dbPath), err)
			}
			return nil
		})
		if err == nil {
			err = skippedRecords(db, "analysed")
		}
		return err
	}
	err := cancellable(ctx, func() error {
		var err error
		if db != nil {
			if rep, err = analysis.Workspace(db, analysis.Options{}); err != nil {
				return fmt.Errorf("analyse workspace %s: %w", quoteName(*dbPath), err)
			}
		} else if rep, err = analysis.DocumentsIn(tmp, docs, analysis.Options{}); err != nil {
			return fmt.Errorf("analyse: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = analysis.WriteText(stdout, rep)
	if err == nil && db != nil {
		err = skippedRecords(db, "analysed")
	}
	return err
}

// analyzeSets handles the Parallax sets (.json) that the paths of analyze held, and an input
// of sets only (articles documents were read; withDB when a workspace is analysed too).
func analyzeSets(args, sets []string, articles int, withDB bool, stderr io.Writer) error {
	// A .json file named on the command line is a set the user meant to analyse: say how.
	// One found while walking a directory (a set, a metadata or gold file beside the
	// articles) is not an article: it is skipped with a note, as other files are.
	named := map[string]bool{}
	for _, a := range args {
		named[filepath.Clean(a)] = true
	}
	for _, set := range sets {
		if named[filepath.Clean(set)] {
			return badInput("%s is a .json file, read only as a Parallax set; import it into a workspace ('parallax import --db FILE %s') and analyse that with --db", quoteName(set), quoteName(set))
		}
		fmt.Fprintf(stderr, "parallax: skipped %s: a .json file is not an article (a Parallax set is imported with 'parallax import')\n", quoteName(set))
	}
	if articles == 0 && !withDB {
		return badInput("no articles found in %s, only .json files (supported: .txt, .md, .html)", quoteList(args))
	}
	return nil
}

// importBatch is how many documents analyze --json PATH… holds before it stores them in its
// throwaway workspace (or importBatchBytes of text, whichever comes first); a variable for
// tests.
var importBatch = 256

const importBatchBytes = 8 << 20

// analyzeFilesJSON is analyze --json PATH… without a workspace: the files are read one by one
// and stored in a throwaway workspace a batch at a time, so that no more than a batch of
// texts is in memory (not every file of the input, which the analysis then reads back a
// story at a time), then the document is streamed from it. Its output and errors are those
// of reading every file first: a file that fails is reported with every other one and
// nothing is written to stdout; what was stored goes with the throwaway workspace, which is
// removed however the command ends (Ctrl+C included).
func analyzeFilesJSON(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	tmp, err := os.MkdirTemp("", "parallax-analyze-*")
	if err != nil {
		return fmt.Errorf("create a temporary workspace: %w", err)
	}
	defer os.RemoveAll(tmp)
	db, err := analysis.OpenThrowaway(tmp)
	if err != nil {
		return fmt.Errorf("analyse: %w", err)
	}
	defer closeStore(ctx, db)
	now := time.Now()
	var batch []ingest.Document
	stored, size := 0, 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if _, err := db.ImportBatch(ctx, batch, now, stored); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("analyse: %w", err)
		}
		stored += len(batch)
		batch, size = batch[:0], 0
		clear(batch[:cap(batch)]) // drop the texts stored
		return nil
	}
	n, sets, err := ingestEach(ctx, args, func(d ingest.Document) error {
		batch = append(batch, d)
		size += len(d.Text)
		if len(batch) >= importBatch || size >= importBatchBytes {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := analyzeSets(args, sets, n, false, stderr); err != nil {
		return err
	}
	if err := flush(); err != nil {
		return err
	}
	batch = nil
	return cancellable(ctx, func() error {
		if err := analysis.ThrowawayJSON(db, stdout, analysis.Options{}); err != nil {
			return fmt.Errorf("analyse: %w", err)
		}
		return nil
	})
}

func cmdImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("import", "parallax import --db FILE [--samples] [--annotations FILE] PATH…",
		"Add articles (.txt, .md, .html, directories) or Parallax JSON sets to a workspace.\n"+
			"Identical content is not added twice; new content from the same source becomes a new\n"+
			"revision. A set is merged: a colleague's highlights and verdicts are kept beside yours\n"+
			"and conflicts are reported, never overwritten. If any file cannot be read, nothing is\n"+
			"imported. --annotations adds W3C Web Annotations made elsewhere as highlights and\n"+
			"lists those that cannot be anchored.", stderr)
	dbPath := fs.String("db", "", "workspace `FILE` (created if missing)")
	samples := fs.Bool("samples", false, "also import the five bundled sample articles")
	author := fs.String("author", "", "analyst `name` given to records of an imported set that carry none")
	annotations := fs.String("annotations", "", "W3C Web Annotation `FILE` (Hypothesis, Recogito JSON-LD) to store as highlights on the articles it targets")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dbPath == "" {
		return misuse("import: --db FILE is required")
	}
	if fs.NArg() == 0 && !*samples && *annotations == "" {
		return misuse("import: give at least one PATH, --samples or --annotations FILE")
	}
	var annoData []byte
	if *annotations != "" {
		var err error
		if annoData, err = os.ReadFile(*annotations); err != nil {
			return badInput("%v (nothing was imported)", err)
		}
	}
	var docs []ingest.Document
	var sets []string
	if fs.NArg() > 0 {
		var err error
		if docs, sets, err = ingestPaths(ctx, fs.Args()); err != nil {
			return err
		}
	}
	if *samples {
		sd, err := sampleDocuments()
		if err != nil {
			return err
		}
		docs = append(docs, sd...)
	}
	// Read and validate every set before anything is written, so a bad one leaves the
	// workspace as it was.
	parsed := make([]*interchange.Set, len(sets))
	for i, p := range sets {
		set, err := interchange.ReadFile(p)
		if err != nil {
			return badInput("%v (nothing was imported)", err)
		}
		parsed[i] = set
	}

	if ctx.Err() != nil {
		return ctx.Err()
	}
	db, err := openStore(*dbPath, false)
	if err != nil {
		return err
	}
	defer closeStore(ctx, db)
	if len(docs) >= snapshotImportSize || len(parsed) > 0 {
		// A large import or a merged set changes much at once: keep the workspace as it was.
		snap, err := db.SaveSnapshot("before-import")
		if err != nil {
			return badInput("could not keep a snapshot before the import (%v); nothing was imported", err)
		}
		if snap != "" {
			fmt.Fprintf(stderr, "parallax: snapshot of the workspace before this import: %s ('parallax restore' brings it back)\n", quoteName(snap))
		}
	}
	if len(docs) > 0 {
		res, err := db.ImportDocumentsContext(ctx, docs, time.Now())
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return badInput("%v", err)
		}
		fmt.Fprintf(stdout, "%s: %d added, %d revised, %d unchanged", quoteName(*dbPath), res.Added, res.Revised, res.Unchanged)
		if res.Syndicated > 0 {
			fmt.Fprintf(stdout, ", %d the same text from another outlet (recorded on the article)", res.Syndicated)
		}
		fmt.Fprintln(stdout)
	}
	for i, set := range parsed {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		rep, err := interchange.Import(db, set, *author)
		if err != nil {
			return badInput("%s: %v", quoteName(sets[i]), err)
		}
		fmt.Fprintf(stdout, "%s: %s\n", quoteName(sets[i]), rep)
	}
	if annoData != nil {
		rep, err := interchange.ImportW3C(db, bytes.NewReader(annoData), *annotations, *author)
		if err != nil {
			return badInput("%v", err)
		}
		fmt.Fprintf(stdout, "%s: %s\n", *annotations, rep)
	}
	return nil
}

// sampleDocuments decodes the embedded seeds through the same ingest path as user files.
func sampleDocuments() ([]ingest.Document, error) {
	var docs []ingest.Document
	fsys := seeds.FS()
	for _, name := range seeds.Names() {
		data, err := iofs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read bundled sample %s: %w", name, err)
		}
		d, err := ingest.Bytes("samples/"+name, data)
		if err != nil {
			return nil, fmt.Errorf("bundled sample %s: %w", name, err)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

func cmdExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("export", "parallax export --db FILE [--format F] [--table T] [--story ID] [-o OUT]",
		"Write the workspace: 'parallax' is one versioned JSON document (articles, highlights,\n"+
			"tags, aliases, verdicts, and the analysis) that 'parallax import' rebuilds exactly;\n"+
			"'w3c' is a W3C Web Annotation collection (JSON-LD); 'html' and 'md' are a readable\n"+
			"discrepancy report; 'csv' is one table (--table facts or discrepancies, with verdicts\n"+
			"and notes) and 'xlsx' a workbook with both, for spreadsheets.", stderr)
	dbPath := fs.String("db", "", "workspace `FILE` to export")
	format := fs.String("format", "parallax", "output `format`: parallax, w3c, html, md, csv or xlsx")
	table := fs.String("table", interchange.TableDiscrepancies, "with --format csv, the `table`: facts or discrepancies")
	story := fs.String("story", "", "export only the story with this `ID` (see 'parallax analyze --db')")
	out := fs.String("o", "", "write to `OUT` instead of standard output")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dbPath == "" {
		return misuse("export: --db FILE is required")
	}
	if fs.NArg() > 0 {
		return misuse("export: unexpected argument %q", fs.Arg(0))
	}
	var write func(io.Writer, *interchange.Set) error
	switch *format {
	case "parallax":
		write = interchange.Write
	case "w3c":
		write = interchange.WriteW3C
	case "html", "md":
		f := *format
		write = func(w io.Writer, set *interchange.Set) error { return interchange.WriteReport(w, set, f, *story) }
	case "csv":
		if *table != interchange.TableFacts && *table != interchange.TableDiscrepancies {
			return misuse("export: unknown --table %q (supported: facts, discrepancies)", *table)
		}
		t := *table
		write = func(w io.Writer, set *interchange.Set) error { return interchange.WriteCSV(w, set, t) }
	case "xlsx":
		write = interchange.WriteXLSX
	default:
		return misuse("export: unknown --format %q (supported: parallax, w3c, html, md, csv, xlsx)", *format)
	}
	if *out != "" {
		// Refuse a bad target before the (possibly long) analysis, not after it.
		if _, err := checkOutputTarget(*out, *dbPath); err != nil {
			return err
		}
	}
	db, err := openExisting(*dbPath, true)
	if err != nil {
		return err
	}
	defer closeStore(ctx, db)
	var set *interchange.Set
	err = cancellable(ctx, func() error {
		rep, err := analysis.Workspace(db, analysis.Options{})
		if err != nil {
			return fmt.Errorf("analyse workspace %s for the export: %w", quoteName(*dbPath), err)
		}
		if *story != "" && !hasStory(rep, *story) {
			return badInput("workspace %s has no story %q; 'parallax analyze --db %s' lists them", quoteName(*dbPath), *story, quoteName(*dbPath))
		}
		set, err = interchange.Export(db, interchange.ExportOptions{Story: *story, Analysis: &rep})
		if err != nil {
			return fmt.Errorf("export %s: %w", quoteName(*dbPath), err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if *out == "" {
		err = write(&ctxWriter{ctx: ctx, w: stdout}, set)
	} else {
		err = writeFileAtomic(ctx, *out, *dbPath, func(w io.Writer) error { return write(w, set) })
	}
	if err != nil {
		return err
	}
	return skippedRecords(db, "exported")
}

func hasStory(rep analysis.Report, id string) bool {
	for _, s := range rep.Stories {
		if s.ID == id {
			return true
		}
	}
	return false
}

// cancellable runs fn and returns its error, or ctx's as soon as ctx is cancelled: fn only
// reads (or writes in one transaction that the cancellation rolls back), so leaving it behind
// while the process exits loses nothing.
func cancellable(ctx context.Context, fn func() error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	done := make(chan error, 1)
	go func() { done <- fn() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// closeStore closes the workspace, except after an interruption: Close waits for running
// transactions, and the process is about to exit (the OS drops the lock; bbolt needs no
// close to stay consistent).
func closeStore(ctx context.Context, db *store.DB) {
	if ctx.Err() == nil {
		_ = db.Close()
	}
}
