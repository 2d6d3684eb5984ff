package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"time"

	"parallax/seeds"
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
	var docs []ingest.Document
	if fs.NArg() > 0 {
		var sets []string
		var err error
		if docs, sets, err = ingestPaths(fs.Args()); err != nil {
			return err
		}
		if len(sets) > 0 {
			return badInput("%s is a Parallax set; import it into a workspace ('parallax import --db FILE %s') and analyse that with --db", sets[0], sets[0])
		}
	}

	var rep analysis.Report
	if *dbPath != "" {
		db, err := openStore(*dbPath, false)
		if err != nil {
			return err
		}
		defer db.Close()
		if len(docs) > 0 {
			if _, err := db.ImportDocuments(docs, time.Now()); err != nil {
				return badInput("%v", err)
			}
		}
		if rep, err = analysis.Workspace(db, analysis.Options{}); err != nil {
			return fmt.Errorf("analyse workspace %s: %w", *dbPath, err)
		}
	} else {
		var err error
		if rep, err = analysis.Documents(docs, analysis.Options{}); err != nil {
			return fmt.Errorf("analyse: %w", err)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return analysis.WriteText(stdout, rep)
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
		if docs, sets, err = ingestPaths(fs.Args()); err != nil {
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

	db, err := openStore(*dbPath, false)
	if err != nil {
		return err
	}
	defer db.Close()
	if len(docs) > 0 {
		res, err := db.ImportDocuments(docs, time.Now())
		if err != nil {
			return badInput("%v", err)
		}
		fmt.Fprintf(stdout, "%s: %d added, %d revised, %d unchanged", *dbPath, res.Added, res.Revised, res.Unchanged)
		if res.Syndicated > 0 {
			fmt.Fprintf(stdout, ", %d the same text from another outlet (recorded on the article)", res.Syndicated)
		}
		fmt.Fprintln(stdout)
	}
	for i, set := range parsed {
		rep, err := interchange.Import(db, set, *author)
		if err != nil {
			return badInput("%s: %v", sets[i], err)
		}
		fmt.Fprintf(stdout, "%s: %s\n", sets[i], rep)
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
	if _, err := os.Stat(*dbPath); err != nil {
		return badInput("workspace %s: %v", *dbPath, err)
	}
	db, err := openStore(*dbPath, true)
	if err != nil {
		return err
	}
	defer db.Close()
	rep, err := analysis.Workspace(db, analysis.Options{})
	if err != nil {
		return fmt.Errorf("analyse workspace %s for the export: %w", *dbPath, err)
	}
	if *story != "" && !hasStory(rep, *story) {
		return badInput("workspace %s has no story %q; 'parallax analyze --db %s' lists them", *dbPath, *story, *dbPath)
	}
	set, err := interchange.Export(db, interchange.ExportOptions{Story: *story, Analysis: &rep})
	if err != nil {
		return fmt.Errorf("export %s: %w", *dbPath, err)
	}
	if *out == "" {
		return write(stdout, set)
	}
	return writeFileAtomic(*out, func(w io.Writer) error { return write(w, set) })
}

func hasStory(rep analysis.Report, id string) bool {
	for _, s := range rep.Stories {
		if s.ID == id {
			return true
		}
	}
	return false
}

// writeFileAtomic writes through a temporary file in the same directory and renames it into
// place, so an interrupted export never leaves a half-written file under the final name.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return badInput("cannot write %s: %v", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
