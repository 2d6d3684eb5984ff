package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"unicode/utf8"

	"parallax/compare"
	"parallax/compare/langid"
)

// DefaultMaxFileSize is the size limit for one input file when Options.MaxFileSize is 0:
// 20 MiB is some fifty times the longest news article, yet small enough that a mistaken
// video or database dump is refused at once instead of being read into memory.
const DefaultMaxFileSize int64 = 20 << 20

// Options tune Paths.
type Options struct {
	// MaxFileSize is the largest file accepted, in bytes; 0 means DefaultMaxFileSize.
	MaxFileSize int64

	// Context, when set, stops Paths between files once it is cancelled; the error list
	// then ends with the context's error.
	Context context.Context

	// readFile and stat replace the file system in tests (an unreadable file cannot be made
	// with chmod when tests run as root).
	readFile func(string) ([]byte, error)
	stat     func(string) (fs.FileInfo, error)
}

func (o Options) limit() int64 {
	if o.MaxFileSize > 0 {
		return o.MaxFileSize
	}
	return DefaultMaxFileSize
}

// formats maps file extensions (lower case) to Document.Format.
var formats = map[string]string{
	".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
}

// File ingests one file with the default options.
func File(path string) (Document, error) {
	return Options{}.file(path)
}

// Bytes ingests data as if it were a file called name (its extension chooses the format);
// it serves paste and drag-and-drop. Source is set to name.
func Bytes(name string, data []byte) (Document, error) {
	return Options{}.bytes(name, data)
}

// Paths ingests files and directories in the order given; a directory is walked recursively
// in lexical order. Inside directories, hidden files and directories (name starting with
// ".") and files of unsupported types are skipped silently; files named explicitly are
// never skipped, so an unsupported one is reported. Unreadable files and directories are
// reported. Every error is a *FileError. A .json file yields an error wrapping
// ErrParallaxSet so the caller can import it as a set.
func Paths(paths []string, opts Options) ([]Document, []error) {
	var docs []Document
	errs := Each(paths, opts, func(d Document) { docs = append(docs, d) })
	return docs, errs
}

// Each is Paths handing each document to fn as soon as it is read, in the order Paths
// returns them, instead of holding them all: a caller that stores them in batches holds one
// batch. It returns the errors Paths returns.
func Each(paths []string, opts Options, fn func(Document)) []error {
	var errs []error
	cancelled := func() bool {
		if opts.Context != nil && opts.Context.Err() != nil {
			errs = append(errs, opts.Context.Err())
			return true
		}
		return false
	}
	for _, p := range paths {
		if cancelled() {
			return errs
		}
		info, err := opts.statFile(p)
		if err != nil {
			errs = append(errs, unreadable(p, err))
			continue
		}
		if !info.IsDir() {
			if d, err := opts.file(p); err != nil {
				errs = append(errs, err)
			} else {
				fn(d)
			}
			continue
		}
		files, walkErrs := walkDir(opts.Context, p)
		errs = append(errs, walkErrs...)
		for _, f := range files {
			if cancelled() {
				return errs
			}
			if d, err := opts.file(f); err != nil {
				errs = append(errs, err)
			} else {
				fn(d)
			}
		}
	}
	return errs
}

// walkDir lists the supported files under dir, sorted, and the directories it could not read.
func walkDir(ctx context.Context, dir string) ([]string, []error) {
	var files []string
	var errs []error
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if ctx != nil && ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			errs = append(errs, unreadable(p, err))
			if d != nil && d.IsDir() && p != dir {
				return fs.SkipDir
			}
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		ext := strings.ToLower(filepath.Ext(p))
		if _, ok := formats[ext]; ok || ext == ".json" {
			files = append(files, p)
		}
		return nil
	})
	if err != nil && (ctx == nil || ctx.Err() == nil) {
		errs = append(errs, unreadable(dir, err))
	}
	sort.Strings(files) // WalkDir is lexical already; sorting states the contract
	return files, errs
}

func unreadable(path string, err error) error {
	var what string
	switch {
	case errors.Is(err, fs.ErrNotExist):
		what = "no such file or directory; check the path"
	case errors.Is(err, fs.ErrPermission):
		what = "permission denied; make the file readable (chmod +r) or copy it somewhere you can read"
	default:
		what = fmt.Sprintf("%v; check that the file is on a working disk and try again", err)
	}
	return fileErrWrap(path, ErrUnreadable, err, "cannot read: %s", what)
}

func (o Options) statFile(p string) (fs.FileInfo, error) {
	if o.stat != nil {
		return o.stat(p)
	}
	return os.Stat(p)
}

func (o Options) file(path string) (Document, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if err := checkExt(path, ext); err != nil {
		return Document{}, err
	}
	info, err := o.statFile(path)
	if err != nil {
		return Document{}, unreadable(path, err)
	}
	if info.IsDir() {
		return Document{}, fileErr(path, ErrUnsupported, "is a directory; pass it to Paths (or the import command) to read the files inside")
	}
	if kind := notRegular(info.Mode()); kind != "" {
		return Document{}, fileErr(path, ErrUnsupported, "is %s, not a file; Parallax reads articles only from regular files — save the text to a file first", kind)
	}
	if info.Size() > o.limit() {
		return Document{}, tooLarge(path, info.Size(), o.limit())
	}
	var data []byte
	if o.readFile != nil {
		data, err = o.readFile(path)
	} else {
		data, err = readRegular(path, o.limit())
	}
	if err != nil {
		var fe *FileError
		if errors.As(err, &fe) {
			return Document{}, fe
		}
		return Document{}, unreadable(path, err)
	}
	return o.bytes(path, data)
}

// notRegular names what a non-regular file is ("a named pipe (FIFO)", "a device"…), or "".
func notRegular(mode fs.FileMode) string {
	switch {
	case mode.IsRegular():
		return ""
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeDevice != 0, mode&fs.ModeCharDevice != 0:
		return "a device"
	case mode.IsDir():
		return "a folder"
	}
	return "not a regular file"
}

// readRegular reads a regular file, never more than limit bytes whatever its size said: it
// opens without blocking (a FIFO swapped in after the stat cannot hang the read), checks the
// opened file is still a regular one, and stops reading past the limit (a file that grows, or
// a device behind a name that stat did not see).
func readRegular(path string, limit int64) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if kind := notRegular(info.Mode()); kind != "" {
		return nil, fileErr(path, ErrUnsupported, "is %s, not a file; Parallax reads articles only from regular files — save the text to a file first", kind)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fileErr(path, ErrTooLarge, "the file is over the %s limit for one article (it grew while being read, or is not an ordinary file); check that it really is an article", mib(limit))
	}
	return data, nil
}

func checkExt(path, ext string) error {
	if ext == ".json" {
		return fileErr(path, ErrParallaxSet, "a .json file is read only as an exported Parallax set, which is imported as a whole set rather than as one article")
	}
	if _, ok := formats[ext]; !ok {
		shown := ext
		if shown == "" {
			shown = "(no extension)"
		}
		return fileErr(path, ErrUnsupported, "unsupported file type %q; Parallax reads .txt, .md, .markdown, .html and .htm articles (and .json Parallax sets) — save the article's text as one of those", shown)
	}
	return nil
}

func tooLarge(path string, size, limit int64) error {
	return fileErr(path, ErrTooLarge, "the file is %s, over the %s limit for one article; check that it really is an article, or split it into one file per article", mib(size), mib(limit))
}

func mib(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

func (o Options) bytes(name string, data []byte) (Document, error) {
	ext := strings.ToLower(filepath.Ext(name))
	if err := checkExt(name, ext); err != nil {
		return Document{}, err
	}
	if int64(len(data)) > o.limit() {
		return Document{}, tooLarge(name, int64(len(data)), o.limit())
	}
	var doc Document
	hadFrontMatter := false
	switch format := formats[ext]; format {
	case "html":
		text, err := decodeHTML(name, data)
		if err != nil {
			return Document{}, err
		}
		doc, err = fromHTML(name, text)
		if err != nil {
			return Document{}, err
		}
	default:
		text, err := decodeText(name, data)
		if err != nil {
			return Document{}, err
		}
		doc.Format = format
		doc.Text = text
		if yamlText, body, ok := splitFrontMatter(text); ok {
			fm, err := parseFrontMatter(name, yamlText)
			if err != nil {
				return Document{}, err
			}
			doc.Text = body
			hadFrontMatter = true
			doc.Title, doc.URL, doc.SourceName = fm.Title, fm.URL, fm.Source
			if fm.Published != "" {
				doc.Published, doc.PublishedFrom, doc.PublishedTime = fm.Published, "front matter", fm.PublishedTime
			}
			if fm.Lang != "" {
				doc.Lang, doc.LangFrom = fm.Lang, "front matter"
			}
		}
	}
	if strings.TrimSpace(doc.Text) == "" {
		where := ""
		if hadFrontMatter {
			where = " after the front matter"
		}
		return Document{}, fileErr(name, ErrEmpty, "the file holds no text (only white space%s); add the article's text or leave the file out", where)
	}
	doc.Source = name
	complete(&doc)
	return doc, nil
}

// datelineWindow bounds the text handed to compare.FindDateline: a dateline sits under the
// headline, so the first few thousand bytes hold it, and a huge file costs no more than a page.
const datelineWindow = 4000

// complete fills what metadata did not give: language (detected), title (from the text),
// publication date (the dateline under the headline).
func complete(doc *Document) {
	detected, score := langid.Detect(doc.Text)
	switch {
	case doc.Lang == "":
		doc.Lang, doc.LangFrom, doc.LangScore = detected, "detected", score
	case doc.LangFrom == "html" && detected != "" && score >= 0.9 && langid.Script(detected) != langid.Script(doc.Lang):
		// A page template's lang attribute that cannot be right for the text's script
		// (lang="en" on an Arabic article) loses to what the text shows.
		doc.Lang, doc.LangFrom, doc.LangScore = detected, "detected", score
	default:
		doc.LangScore = 1
	}
	if doc.Title == "" {
		doc.Title = titleFromText(doc.Text)
	}
	if doc.Published == "" {
		head := doc.Text
		if len(head) > datelineWindow {
			i := datelineWindow
			for i > 0 && !utf8.RuneStart(head[i]) {
				i--
			}
			head = head[:i]
		}
		if dl, ok := compare.FindDateline(head, doc.Lang); ok && dl.Date != "" {
			doc.Published, doc.PublishedFrom = dl.Date, "text: "+dl.Text
		}
	}
}
