package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"parallax/store"
)

// These tests drive the CLI the way a hostile user would, one per item of issue 18. They go
// through run() (the whole CLI minus os.Exit) or, where signals matter, the test binary
// re-executed as parallax itself (mainChildEnv).

// mainChildEnv makes the test binary run runMain with the arguments it holds (separated by
// \x1f): the real command, signal handling included.
const mainChildEnv = "PARALLAX_MAIN_CHILD"

// seededWorkspace imports the sample articles into a new workspace and returns its path.
func seededWorkspace(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "w.parallax")
	if r := runCLI(t, "import", "--db", db, seedsDir); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	return db
}

// runWithin runs the CLI but gives up after d, so a command that hangs fails the test instead
// of the whole run.
func runWithin(t *testing.T, d time.Duration, args ...string) result {
	t.Helper()
	done := make(chan result, 1)
	go func() {
		var out, errb bytes.Buffer
		code := run(context.Background(), args, strings.NewReader(""), &out, &errb)
		done <- result{code, out.String(), errb.String()}
	}()
	select {
	case r := <-done:
		return r
	case <-time.After(d):
		t.Fatalf("parallax %s did not finish within %v (hangs)", strings.Join(args, " "), d)
		return result{}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Item 1: `export -o` naming the workspace itself, under any name, never destroys it.
func TestExportNeverOverwritesTheWorkspace(t *testing.T) {
	db := seededWorkspace(t)
	before := mustRead(t, db)
	dir := filepath.Dir(db)
	link := filepath.Join(dir, "link.parallax")
	hard := filepath.Join(dir, "hard.parallax")
	os.Symlink(db, link)
	os.Link(db, hard)
	for _, format := range []string{"parallax", "w3c", "html", "md"} {
		for _, out := range []string{db, link, hard, dir + "/./" + filepath.Base(db)} {
			r := runCLI(t, "export", "--db", db, "--format", format, "-o", out)
			if r.code != 1 || !strings.Contains(r.stderr, "workspace") {
				t.Errorf("export --format %s -o %s: exit %d, stderr %q; want 1 naming the workspace", format, out, r.code, r.stderr)
			}
			if !bytes.Equal(mustRead(t, db), before) {
				t.Fatalf("export --format %s -o %s changed the workspace", format, out)
			}
		}
	}
	// Another workspace is not an export's to replace either.
	other := seededWorkspace(t)
	otherBefore := mustRead(t, other)
	if r := runCLI(t, "export", "--db", db, "-o", other); r.code != 1 || !bytes.Equal(mustRead(t, other), otherBefore) {
		t.Errorf("export -o another workspace: exit %d %q, or it was changed", r.code, r.stderr)
	}
}

// Item 2: devices, FIFOs, symlinks, hard links and folders are refused and left as they were;
// an existing file keeps its mode.
func TestExportOutputTargets(t *testing.T) {
	db := seededWorkspace(t)
	dir := t.TempDir()

	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "target.json")
	os.WriteFile(target, []byte("keep me"), 0o644)
	link := filepath.Join(dir, "link.json")
	os.Symlink(target, link)
	hard := filepath.Join(dir, "hard.json")
	os.WriteFile(hard, []byte("two names"), 0o644)
	os.Link(hard, filepath.Join(dir, "hard2.json"))
	folder := filepath.Join(dir, "folder")
	os.Mkdir(folder, 0o755)

	type tc struct{ name, path, want string }
	cases := []tc{
		{"fifo", fifo, "named pipe"},
		{"symlink", link, "symbolic link to " + target},
		{"hard link", hard, "hard links"},
		{"folder", folder, "is a folder"},
	}
	dev := filepath.Join(dir, "null")
	if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|3); err == nil {
		cases = append(cases, tc{"device", dev, "device"})
	} else {
		t.Logf("no device test: mknod: %v", err)
	}
	for _, c := range cases {
		before, _ := os.Lstat(c.path)
		r := runWithin(t, 10*time.Second, "export", "--db", db, "-o", c.path)
		if r.code != 1 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%s: exit %d, stderr %q; want 1 with %q", c.name, r.code, r.stderr, c.want)
		}
		after, err := os.Lstat(c.path)
		if err != nil || after.Mode() != before.Mode() || !os.SameFile(before, after) {
			t.Errorf("%s: the target was replaced (%v → %v, %v)", c.name, before.Mode(), after, err)
		}
	}
	if got := string(mustRead(t, target)); got != "keep me" {
		t.Errorf("the symlink's target was written: %q", got)
	}

	// A plain existing file is replaced atomically and keeps its mode.
	plain := filepath.Join(dir, "plain.json")
	os.WriteFile(plain, []byte("old"), 0o644)
	os.Chmod(plain, 0o644)
	if r := runCLI(t, "export", "--db", db, "-o", plain); r.code != 0 {
		t.Fatalf("export to a plain file: %d %s", r.code, r.stderr)
	}
	if info, _ := os.Stat(plain); info.Mode().Perm() != 0o644 {
		t.Errorf("mode after export %v, want the old 0644", info.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 7+len(cases)-4 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("temporary files left behind: %v", names)
	}
}

// pageSizeOf reads the page size from a bbolt file's first meta page.
func pageSizeOf(data []byte) int {
	return int(binary.LittleEndian.Uint32(data[16+8:]))
}

// freelistPage returns the freelist page id of the newer meta page.
func freelistPage(data []byte) int {
	ps := pageSizeOf(data)
	best, txid := 0, uint64(0)
	for _, off := range []int{0, ps} {
		m := data[off+16:]
		if tx := binary.LittleEndian.Uint64(m[48:]); tx >= txid {
			best, txid = int(binary.LittleEndian.Uint64(m[32:])), tx
		}
	}
	return best
}

// Item 3: a workspace with one flipped bit in its freelist (which only a page check notices)
// is not written to: import says it is damaged, and the file is unchanged.
func TestImportRefusesWorkspaceWithDamagedFreelist(t *testing.T) {
	db := seededWorkspace(t)
	// Churn so the freelist lists pages.
	for i := range 3 {
		p := filepath.Join(t.TempDir(), fmt.Sprintf("extra%d.txt", i))
		os.WriteFile(p, []byte(strings.Repeat(fmt.Sprintf("Pékin a démenti %d. ", i), 200)), 0o644)
		if r := runCLI(t, "import", "--db", db, p); r.code != 0 {
			t.Fatal(r.stderr)
		}
	}
	data := mustRead(t, db)
	ps := pageSizeOf(data)
	fl := freelistPage(data)
	if n := binary.LittleEndian.Uint16(data[fl*ps+10:]); n == 0 {
		t.Fatal("the freelist is empty; the test needs free pages")
	}
	data[fl*ps+16] ^= 0x01 // the lowest bit of the first free page id
	os.WriteFile(db, data, 0o600)

	extra := filepath.Join(t.TempDir(), "new.txt")
	os.WriteFile(extra, []byte("Trung Quốc bác bỏ cáo buộc của Mỹ."), 0o644)
	r := runWithin(t, 20*time.Second, "import", "--db", db, extra)
	if r.code != 1 || !strings.Contains(r.stderr, "damaged") || !strings.Contains(r.stderr, "salvage") {
		t.Errorf("import into a damaged workspace: exit %d, stderr %q; want 1, 'damaged', and the salvage command", r.code, r.stderr)
	}
	if !bytes.Equal(mustRead(t, db), data) {
		t.Error("import wrote into the damaged workspace")
	}
	if r := runCLI(t, "check", "--db", db); r.code != 1 || !strings.Contains(r.stdout, "free") {
		t.Errorf("check: exit %d, stdout %q; want 1 naming the freelist problem", r.code, r.stdout)
	}
}

// manyArticles makes a workspace with n articles, enough for branch pages.
func manyArticles(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)),
			[]byte(fmt.Sprintf("Le %d juillet, Pékin a démenti les accusations numéro %d portées par Washington.\n", 1+i%28, i)), 0o644)
	}
	db := filepath.Join(t.TempDir(), "w.parallax")
	if r := runCLI(t, "import", "--db", db, dir); r.code != 0 {
		t.Fatal(r.stderr)
	}
	return db
}

// Item 4 (and 11): one flipped byte in a branch page. Export and analyze used to return 0 with
// part of the articles and no warning; now they say the workspace is damaged (exit 1), and
// salvage gets every article back.
func TestBranchPageDamageIsNotSilent(t *testing.T) {
	db := manyArticles(t, 400)
	data := mustRead(t, db)
	ps := pageSizeOf(data)
	branch := -1
	for pg := 2; pg*ps+16 <= len(data); pg++ {
		if binary.LittleEndian.Uint64(data[pg*ps:]) == uint64(pg) && binary.LittleEndian.Uint16(data[pg*ps+8:]) == 0x01 {
			branch = pg
			break
		}
	}
	if branch < 0 {
		t.Fatal("no branch page in a 400-article workspace")
	}
	// The child page id of the second element.
	data[branch*ps+16+16+8] ^= 0x04
	os.WriteFile(db, data, 0o600)

	for _, args := range [][]string{
		{"export", "--db", db},
		{"analyze", "--json", "--db", db},
		{"export", "--db", db, "-o", filepath.Join(t.TempDir(), "out.json")},
	} {
		r := runWithin(t, 30*time.Second, args...)
		if r.code != 1 || !strings.Contains(r.stderr, "damaged") || strings.Contains(r.stderr, "goroutine") {
			t.Errorf("%v: exit %d, stderr %q; want 1 saying the workspace is damaged", args, r.code, r.stderr)
		}
	}
	out := filepath.Join(t.TempDir(), "saved.parallax")
	r := runCLI(t, "salvage", "--db", db, "-o", out)
	if r.code != 0 {
		t.Fatalf("salvage: %d %s", r.code, r.stderr)
	}
	s, err := store.Open(out, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.ArticleCount(); n != 400 {
		t.Errorf("salvage recovered %d of 400 articles (only a branch page was damaged):\n%s", n, r.stdout)
	}
	if !bytes.Equal(mustRead(t, db), data) {
		t.Error("salvage changed the damaged file")
	}
}

// replaceInFile replaces old with new (same length) everywhere in the file.
func replaceInFile(t *testing.T, path, old, new string) {
	t.Helper()
	if len(old) != len(new) {
		t.Fatal("replacement must keep the length")
	}
	data := mustRead(t, path)
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%q not found in %s", old, path)
	}
	os.WriteFile(path, bytes.ReplaceAll(data, []byte(old), []byte(new)), 0o600)
}

// Item 5: a text altered on disk is not exported as if it were sound: the export leaves it out,
// names it, exits 1 — and the backup it wrote imports back.
func TestExportVerifiesContentHashes(t *testing.T) {
	dir := t.TempDir()
	for i, body := range []string{"Pékin a démenti mardi. Zebulon observe.", "Washington accuse Pékin de 30 000 attaques.", "Moscou se tait."} {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%d.txt", i)), []byte(body+"\n"), 0o644)
	}
	db := filepath.Join(t.TempDir(), "w.parallax")
	if r := runCLI(t, "import", "--db", db, dir); r.code != 0 {
		t.Fatal(r.stderr)
	}
	replaceInFile(t, db, "Zebulon", "Zebulun")
	out := filepath.Join(t.TempDir(), "backup.json")
	r := runCLI(t, "export", "--db", db, "-o", out)
	if r.code != 1 || !strings.Contains(r.stderr, "does not match its hash") || !strings.Contains(r.stderr, "a0.txt") {
		t.Errorf("export of an altered text: exit %d, stderr %q; want 1 naming a0.txt and the hash", r.code, r.stderr)
	}
	fresh := filepath.Join(t.TempDir(), "restored.parallax")
	if r := runCLI(t, "import", "--db", fresh, out); r.code != 0 {
		t.Fatalf("the backup does not import: %d %s", r.code, r.stderr)
	}
	s, _ := store.Open(fresh, store.Options{ReadOnly: true})
	defer s.Close()
	if n, _ := s.ArticleCount(); n != 2 {
		t.Errorf("restored %d articles, want the 2 sound ones", n)
	}
	// Writing to such a workspace is refused.
	if r := runCLI(t, "import", "--db", db, "--samples"); r.code != 1 || !strings.Contains(r.stderr, "damaged") {
		t.Errorf("import into a workspace with an altered text: exit %d %q", r.code, r.stderr)
	}
}

// Item 6: one record that does not decode no longer blocks every export and analysis.
func TestOneDamagedRecordDoesNotBlockTheRest(t *testing.T) {
	db := seededWorkspace(t)
	r := runCLI(t, "analyze", "--json", "--db", db)
	var rep struct {
		Articles []struct{ ID, Source string } `json:"articles"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || len(rep.Articles) != 5 {
		t.Fatalf("analyze: %v %s", err, r.stderr)
	}
	victim := rep.Articles[2]
	key := fmt.Sprintf(`{"id":%q,"revision":1`, victim.ID)
	replaceInFile(t, db, key, "#"+key[1:])

	out := filepath.Join(t.TempDir(), "out.json")
	r = runCLI(t, "export", "--db", db, "-o", out)
	if r.code != 1 || !strings.Contains(r.stderr, victim.ID) {
		t.Errorf("export: exit %d, stderr %q; want 1 naming %s", r.code, r.stderr, victim.ID)
	}
	var set struct {
		Articles []json.RawMessage `json:"articles"`
	}
	if err := json.Unmarshal(mustRead(t, out), &set); err != nil || len(set.Articles) != 4 {
		t.Errorf("export holds %d articles (%v), want the 4 readable ones", len(set.Articles), err)
	}
	r = runCLI(t, "analyze", "--json", "--db", db)
	if r.code != 1 || json.Unmarshal([]byte(r.stdout), &rep) != nil || len(rep.Articles) != 4 {
		t.Errorf("analyze: exit %d, %d articles; want 1 and the 4 readable ones", r.code, len(rep.Articles))
	}
}

// Item 7: a FIFO in a folder, given directly, or as --db never blocks.
func TestFIFOsNeverBlock(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Pékin a démenti.\n"), 0o644)
	fifo := filepath.Join(dir, "b.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	db := seededWorkspace(t)
	for _, args := range [][]string{
		{"import", "--db", db, dir},
		{"import", "--db", db, fifo},
		{"analyze", fifo},
		{"analyze", dir},
		{"export", "--db", fifo},
		{"analyze", "--db", fifo},
		{"import", "--db", fifo, "--samples"},
		{"check", "--db", fifo},
	} {
		r := runWithin(t, 10*time.Second, args...)
		if r.code != 1 || !strings.Contains(r.stderr, "named pipe") {
			t.Errorf("%v: exit %d, stderr %q; want 1 naming the named pipe", args, r.code, r.stderr)
		}
	}
}

// Item 8: the size limit holds for what is behind a name: a symlink to /dev/zero or a device
// named .txt is refused at once, without reading it.
func TestSizeLimitCannotBeBypassed(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "endless.txt")
	os.Symlink("/dev/zero", link)
	for _, args := range [][]string{{"analyze", link}, {"analyze", dir}} {
		start := time.Now()
		r := runWithin(t, 10*time.Second, args...)
		if r.code != 1 || !strings.Contains(r.stderr, "device") {
			t.Errorf("%v: exit %d, stderr %q; want 1 naming the device", args, r.code, r.stderr)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%v took %v", args, d)
		}
	}
}

// Item 9: SIGINT and SIGTERM in the middle of a 20,000-file import stop it within a second,
// exit 130/143, and commit nothing.
func TestInterruptStopsImport(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 20,000 files")
	}
	src := t.TempDir()
	for i := range 20000 {
		sub := filepath.Join(src, fmt.Sprintf("d%02d", i/1000))
		if i%1000 == 0 {
			os.Mkdir(sub, 0o755)
		}
		os.WriteFile(filepath.Join(sub, fmt.Sprintf("a%05d.txt", i)), []byte(fmt.Sprintf("Pékin a démenti l'accusation numéro %d.\n", i)), 0o644)
	}
	interrupted := 0
	defer func() {
		if interrupted == 0 {
			t.Errorf("every import finished before its signal: the test did not interrupt anything")
		}
	}()
	for _, sig := range []struct {
		s    syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		// After the process has surely set up its signal handling (a loaded machine starts a
		// large binary slowly), while it reads the files or builds the transaction.
		for _, after := range []time.Duration{time.Second, 2500 * time.Millisecond} {
			db := filepath.Join(t.TempDir(), "w.parallax")
			cmd := exec.Command(os.Args[0])
			cmd.Env = append(os.Environ(), mainChildEnv+"="+strings.Join([]string{"import", "--db", db, src}, "\x1f"))
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(after)
			sent := time.Now()
			cmd.Process.Signal(sig.s)
			err := cmd.Wait()
			latency := time.Since(sent)
			if err == nil && cmd.ProcessState.ExitCode() == 0 {
				// A fast machine finished the import before the signal: this trial says
				// nothing about interruption (the last check below needs one that did).
				t.Logf("%v after %v: the import had already finished", sig.s, after)
				continue
			}
			interrupted++
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != sig.code {
				t.Errorf("%v after %v: %v, want exit %d\n%s", sig.s, after, err, sig.code, stderr.String())
			}
			if latency > time.Second {
				t.Errorf("%v after %v: stopped after %v, want ≤ 1 s", sig.s, after, latency)
			}
			t.Logf("%v after %v: exit %d in %v", sig.s, after, cmd.ProcessState.ExitCode(), latency.Round(time.Millisecond))
			if _, err := os.Stat(db); err == nil {
				s, err := store.Open(db, store.Options{ReadOnly: true})
				if err != nil {
					t.Fatalf("the interrupted workspace does not open: %v", err)
				}
				if n, _ := s.ArticleCount(); n != 0 {
					t.Errorf("%v after %v: %d articles were committed", sig.s, after, n)
				}
				s.Close()
			}
		}
	}
}

// Item 11: a truncated or byte-damaged workspace gives exit 1 and a message, never a panic
// (or exit 2, the code for misuse); and the window without a display says so.
func TestDamagedWorkspaceExitsOne(t *testing.T) {
	db := manyArticles(t, 150)
	data := mustRead(t, db)
	ps := pageSizeOf(data)
	for _, cut := range []int{len(data) / 2, 3 * ps, 2*ps + 100, ps + 10, 100} {
		os.WriteFile(db, data[:cut], 0o600)
		for _, args := range [][]string{{"export", "--db", db}, {"analyze", "--db", db}, {"import", "--db", db, "--samples"}, {"check", "--db", db}} {
			r := runWithin(t, 20*time.Second, args...)
			if r.code != 1 || r.stderr == "" || strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "internal error") {
				t.Errorf("truncated to %d, %v: exit %d, stderr %q", cut, args[0], r.code, r.stderr)
			}
		}
		if !bytes.Equal(mustRead(t, db), data[:cut]) {
			t.Errorf("truncated to %d: the file was written", cut)
		}
	}
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	if r := runCLI(t, "--db", db); r.code != 1 || !strings.Contains(r.stderr, "display") {
		t.Errorf("window without a display: exit %d, stderr %q", r.code, r.stderr)
	}
}

// failWriter fails every write, like /dev/full.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

// Item 12: low-level messages are turned into the user's terms.
func TestMessagesInTheUsersTerms(t *testing.T) {
	db := seededWorkspace(t)

	// The lock message says it once.
	holder, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "import", "--db", db, "--samples")
	holder.Close()
	if r.code != 1 || strings.Count(r.stderr, "another window") != 1 {
		t.Errorf("locked: exit %d, stderr %q; want the lock explained once", r.code, r.stderr)
	}

	// analyze --db works beside a reader (it opens read-only), and never creates anything.
	reader, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, "analyze", "--db", db)
	reader.Close()
	if r.code != 0 {
		t.Errorf("analyze --db beside a read-only reader: exit %d %q", r.code, r.stderr)
	}
	typo := filepath.Join(t.TempDir(), "typo", "sub", "x.parallax")
	if r := runCLI(t, "analyze", "--db", typo); r.code != 1 || !strings.Contains(r.stderr, "no such file") {
		t.Errorf("analyze --db typo: exit %d %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Dir(filepath.Dir(typo))); err == nil {
		t.Error("analyze --db created folders for a mistyped workspace")
	}

	// Control characters in a file name are escaped, so a newline cannot fake a line.
	dir := t.TempDir()
	evil := filepath.Join(dir, "x\nparallax: all good\x1b[2J.txt")
	os.WriteFile(evil, []byte("   \n"), 0o644)
	r = runCLI(t, "analyze", evil)
	if r.code != 1 || strings.Contains(r.stderr, "\nparallax: all good") || strings.Contains(r.stderr, "\x1b") {
		t.Errorf("control characters printed raw: %q", r.stderr)
	}

	// A failed write to standard output is an error, not exit 0.
	var errb bytes.Buffer
	if code := run(context.Background(), []string{"version"}, strings.NewReader(""), failWriter{}, &errb); code != 1 || !strings.Contains(errb.String(), "disk is full") {
		t.Errorf("version > /dev/full: exit %d, stderr %q", code, errb.String())
	}

	// A set saved with a UTF-8 byte-order mark imports.
	set := filepath.Join(t.TempDir(), "set.json")
	if r := runCLI(t, "export", "--db", db, "-o", set); r.code != 0 {
		t.Fatal(r.stderr)
	}
	os.WriteFile(set, append([]byte("\xEF\xBB\xBF"), mustRead(t, set)...), 0o644)
	if r := runCLI(t, "import", "--db", filepath.Join(t.TempDir(), "n.parallax"), set); r.code != 0 {
		t.Errorf("set with a BOM: exit %d %q", r.code, r.stderr)
	}
	_ = io.Discard
}

// Snapshots: a large import keeps the workspace as it was, and restore brings it back.
func TestLargeImportTakesSnapshot(t *testing.T) {
	db := seededWorkspace(t)
	dir := t.TempDir()
	for i := range snapshotImportSize {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%03d.txt", i)), []byte(fmt.Sprintf("Pékin a démenti l'accusation %d.\n", i)), 0o644)
	}
	r := runCLI(t, "import", "--db", db, dir)
	if r.code != 0 || !strings.Contains(r.stderr, "snapshot") {
		t.Fatalf("large import: exit %d, stderr %q; want a snapshot announced", r.code, r.stderr)
	}
	if r := runCLI(t, "snapshots", "--db", db); r.code != 0 || !strings.Contains(r.stdout, "before-import") {
		t.Fatalf("snapshots: %d %q", r.code, r.stdout)
	}
	if r := runCLI(t, "restore", "--db", db, "1"); r.code != 0 {
		t.Fatalf("restore: %d %s", r.code, r.stderr)
	}
	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.ArticleCount(); n != 5 {
		t.Errorf("restored workspace holds %d articles, want the 5 before the import", n)
	}
}

// Item 12, continued: a YAML alias for the title is followed, and a set whose version is 1.0
// is refused with the field named.
func TestFrontMatterAliasAndSetVersion(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	os.WriteFile(p, []byte("---\nsource: &s Le Monde\ntitle: *s\n---\nPékin a démenti mardi les accusations.\n"), 0o644)
	r := runCLI(t, "analyze", "--json", p)
	if r.code != 0 || !strings.Contains(r.stdout, `"title": "Le Monde"`) {
		t.Errorf("front matter with an alias: exit %d, stderr %q", r.code, r.stderr)
	}
	db := seededWorkspace(t)
	set := filepath.Join(dir, "set.json")
	if r := runCLI(t, "export", "--db", db, "-o", set); r.code != 0 {
		t.Fatal(r.stderr)
	}
	data := bytes.Replace(mustRead(t, set), []byte(`"version": 1,`), []byte(`"version": 1.0,`), 1)
	os.WriteFile(set, data, 0o644)
	r = runCLI(t, "import", "--db", filepath.Join(dir, "n.parallax"), set)
	if r.code != 1 || !strings.Contains(r.stderr, "/version") || strings.Contains(r.stderr, "Go struct") {
		t.Errorf("set with version 1.0: exit %d, stderr %q; want 1 naming /version", r.code, r.stderr)
	}
}
