package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"parallax/internal/wsgen"
	"parallax/store"
	"parallax/store/interchange"
)

// guiDriver drives the real window under a private X server with real X events (xdotool,
// XTEST) and keeps screenshots (ImageMagick's import) as test artefacts.
type guiDriver struct {
	t     *testing.T
	disp  string
	shots string // folder of the screenshots
	n     int
	pid   int
}

// artefactDir is where the real-window test keeps its screenshots: $PARALLAX_ARTIFACTS, else
// build/gui-daily in the repository (build/ is ignored by git).
func artefactDir(t *testing.T) string {
	dir := os.Getenv("PARALLAX_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("..", "..", "build", "gui-daily")
	}
	_ = os.RemoveAll(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(dir)
	return abs
}

func (g *guiDriver) xdo(args ...string) {
	g.t.Helper()
	cmd := exec.Command("xdotool", args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+g.disp)
	if out, err := cmd.CombinedOutput(); err != nil {
		g.t.Fatalf("xdotool %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// key presses keys (xdotool names: ctrl+z, alt+Down, Return) with a pause for the window.
func (g *guiDriver) key(keys ...string) {
	g.t.Helper()
	for _, k := range keys {
		g.xdo("key", k)
		time.Sleep(150 * time.Millisecond)
	}
	time.Sleep(400 * time.Millisecond)
}

func (g *guiDriver) click(x, y int) {
	g.t.Helper()
	g.xdo("mousemove", strconv.Itoa(x), strconv.Itoa(y), "click", "1")
	time.Sleep(500 * time.Millisecond)
}

// drag presses the button at (x0, y), moves to x1 in steps and releases it.
func (g *guiDriver) drag(x0, x1, y int) {
	g.t.Helper()
	g.xdo("mousemove", strconv.Itoa(x0), strconv.Itoa(y), "mousedown", "1")
	for _, f := range []float64{0.3, 0.6, 1} {
		time.Sleep(100 * time.Millisecond)
		g.xdo("mousemove", strconv.Itoa(x0+int(f*float64(x1-x0))), strconv.Itoa(y))
	}
	time.Sleep(100 * time.Millisecond)
	g.xdo("mouseup", "1")
	time.Sleep(300 * time.Millisecond)
}

// shot saves the screen as NN-name.png in the artefact folder.
func (g *guiDriver) shot(name string) {
	g.t.Helper()
	g.n++
	path := filepath.Join(g.shots, fmt.Sprintf("%02d-%s.png", g.n, name))
	cmd := exec.Command("import", "-window", "root", path)
	cmd.Env = append(os.Environ(), "DISPLAY="+g.disp)
	if out, err := cmd.CombinedOutput(); err != nil {
		g.t.Errorf("screenshot %s: %v\n%s", name, err, out)
	}
}

// title returns the Parallax window's title ("" while there is none).
func (g *guiDriver) title() string {
	cmd := exec.Command("xdotool", "search", "--name", "^Parallax", "getwindowname")
	cmd.Env = append(os.Environ(), "DISPLAY="+g.disp)
	out, _ := cmd.Output()
	return strings.TrimSpace(string(out))
}

// rssMB is the app's resident memory.
func (g *guiDriver) rssMB() int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", g.pid))
	if err != nil {
		return -1
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.Atoi(f[1])
			return kb / 1024
		}
	}
	return -1
}

// Screen positions in the window at its 1280×800 default (at the top left of a larger Xvfb screen), first-run hint
// card shown: the library's column headers, its first rows, and the Compare story button.
const (
	xStoryHeader, yHeader = 1030, 409
	xTitleCell, yRow1     = 400, 445
	yRow2                 = 485
	xCompareStory, yBar   = 313, 128
	yReaderLine1          = 252 // the first line of the article in Read
)

// TestGUIDailyLoop is issue 14's real-window test: the built binary on a 3,000-article
// workspace, driven with real X events — Compare story (and switching stories), Enter on a
// library row, tagging with the mouse and a key, Ctrl+Z and Ctrl+Y, next flag and a verdict
// key, the window at 1024×700, a dialog opened from the keyboard and closed with Esc, every
// export format from the File menu opened with F10 or Alt+F, and Ctrl+Q — then the workspace
// and the exported files are checked. Screenshots are kept in build/gui-daily (or
// $PARALLAX_ARTIFACTS).
func TestGUIDailyLoop(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the real window for about a minute; skipped in -short mode")
	}
	for _, tool := range []string{"xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (scripts/deps.sh test installs it)", tool)
		}
	}
	bin := realBinary(t)
	disp := startXvfb(t)
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "daily.parallax")
	db, err := store.Open(dbPath, store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := wsgen.Fill(db, 3000); err != nil {
		t.Fatal(err)
	}
	db.Close()

	g := &guiDriver{t: t, disp: disp, shots: artefactDir(t)}
	var stderr lockedBuffer // read while the process writes to it
	cmd := exec.Command(bin, "--db", dbPath)
	cmd.Env = append(os.Environ(), "DISPLAY="+disp, "HOME="+t.TempDir(), "XDG_CONFIG_HOME=", "XDG_DATA_HOME=")
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	g.pid = cmd.Process.Pid
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		select {
		case <-exited:
		default:
			cmd.Process.Kill()
			<-exited
		}
	}()
	alive := func(step string) {
		t.Helper()
		select {
		case err := <-exited:
			exited <- err
			t.Fatalf("%s: parallax exited: %v\n%s", step, err, stderr.String())
		default:
		}
	}

	// Open: the title says "analysing…" until the 3,000 articles are analysed.
	seen := false
	deadline := time.Now().Add(4 * time.Minute)
	for {
		alive("opening")
		ti := g.title()
		if strings.Contains(ti, "analysing") {
			seen = true
		} else if seen && strings.HasPrefix(ti, "Parallax") {
			break
		}
		if time.Now().After(deadline) {
			g.shot("timeout-opening")
			t.Fatalf("the workspace was not analysed within 4 minutes (title %q)\n%s", ti, stderr.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(time.Second)
	g.xdo("mousemove", "640", "400") // the pointer in the window: no window manager, focus follows it
	g.shot("library-3000")

	// Compare story on a story of many versions (sorted by story: dated, multi-version first);
	// later another story: no recursion, no runaway memory.
	g.click(xStoryHeader, yHeader)
	g.click(xTitleCell, yRow1)
	g.shot("library-selected")
	g.click(xCompareStory, yBar)
	time.Sleep(2 * time.Second)
	alive("Compare story")
	g.shot("compare-story")

	// Enter opens the selected row in Read; a mouse drag over the first line (left to right
	// across the window: Arabic lines sit on the right) and the key 1 (claim) make a
	// highlight; Ctrl+Z takes it back, Ctrl+Y makes it again.
	g.key("alt+1")
	g.click(xTitleCell, yRow1)
	g.key("Return")
	time.Sleep(time.Second)
	g.shot("read")
	g.drag(14, 1266, yReaderLine1) // the whole first line, whichever side it starts
	g.key("1")
	g.shot("tagged")
	g.key("ctrl+z")
	g.shot("undone")
	g.key("ctrl+y")
	g.shot("redone")

	// Compare: next flag twice, then Ctrl+1 (confirmed) on the flag shown.
	g.key("alt+2")
	g.key("alt+Down", "alt+Down")
	g.key("ctrl+1")
	time.Sleep(500 * time.Millisecond)
	g.shot("verdict")

	// Another story: the first row once the library is sorted by story the other way round.
	g.key("alt+1")
	g.click(xStoryHeader, yHeader)
	g.click(xTitleCell, yRow1)
	g.click(xCompareStory, yBar)
	time.Sleep(2 * time.Second)
	alive("switching stories")
	g.shot("compare-second-story")
	if mb := g.rssMB(); mb > 2500 {
		t.Errorf("after Compare story twice the app holds %d MB", mb)
	}

	// A laptop screen: 1024×700. Compare and the library must still show their controls.
	g.xdo("search", "--name", "^Parallax", "windowsize", "1024", "700")
	time.Sleep(1500 * time.Millisecond)
	g.xdo("mousemove", "500", "350")
	g.shot("compare-1024x700")
	g.key("alt+1")
	g.shot("library-1024x700")
	g.key("alt+2")

	// Help → Keyboard from the keyboard (Alt+H, arrows, Enter), and Esc closes the dialog.
	g.key("alt+h", "Down", "Down", "Return")
	g.shot("keys-dialog")
	g.key("Escape")
	g.shot("keys-dialog-closed")

	// Every export format from the File menu, opened with F10 (first) or Alt+F and walked with
	// the arrows (the counts are the items' places in app/menu.go's File menu, separators
	// skipped); the save dialog opens in the workspace's folder with the name filled in: Enter
	// saves.
	exports := []struct {
		down int
		file string
	}{{10, "parallax-set.json"}, {11, "annotations.jsonld"}, {12, "report.html"}, {13, "report.md"}}
	for i, e := range exports {
		if i == 0 {
			g.key("F10")
		} else {
			g.key("alt+f")
		}
		for range e.down {
			g.xdo("key", "Down")
			time.Sleep(60 * time.Millisecond)
		}
		if i == 0 {
			g.shot("file-menu")
		}
		g.key("Return")
		time.Sleep(time.Second)
		if i == 0 {
			g.shot("save-dialog")
		}
		g.key("Return")
		path := filepath.Join(dir, e.file)
		for end := time.Now().Add(90 * time.Second); ; {
			if st, err := os.Stat(path); err == nil && st.Size() > 0 {
				break
			}
			if time.Now().After(end) {
				g.shot("export-timeout")
				t.Fatalf("export %s: no file written within 90 s\n%s", e.file, stderr.String())
			}
			time.Sleep(200 * time.Millisecond)
		}
		alive("export " + e.file)
	}
	g.shot("exported")

	// Ctrl+Q quits, closing the workspace cleanly.
	g.key("ctrl+q")
	select {
	case err := <-exited:
		exited <- err
		if err != nil {
			t.Errorf("parallax exited with %v after Ctrl+Q\n%s", err, stderr.String())
		}
	case <-time.After(30 * time.Second):
		g.shot("ctrl-q-ignored")
		t.Fatal("Ctrl+Q did not quit within 30 s")
	}

	// The workspace afterwards: one highlight (made, undone, redone) tagged claim, the verdict.
	db, err = store.Open(dbPath, store.Options{ReadOnly: true, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("reopen the workspace: %v", err)
	}
	defer db.Close()
	hs, err := db.AllHighlights()
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != 1 || len(hs[0].Tags) == 0 || hs[0].Tags[0] != "claim" {
		t.Errorf("highlights after tag, Ctrl+Z, Ctrl+Y = %+v, want one tagged claim", hs)
	}
	vs, err := db.Verdicts()
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1 || vs[0].Verdict != store.VerdictConfirmed {
		t.Errorf("verdicts after Alt+Down, Alt+Down, Ctrl+1 = %+v, want one confirmed", vs)
	}
	if err := db.Check(); err != nil {
		t.Errorf("workspace check: %v", err)
	}

	// The exported files.
	set, err := interchange.ReadFile(filepath.Join(dir, "parallax-set.json"))
	if err != nil {
		t.Errorf("the exported Parallax set does not read back: %v", err)
	} else if len(set.Articles) != 3000 || len(set.Highlights) != 1 || len(set.Verdicts) != 1 {
		t.Errorf("exported set: %d articles, %d highlights, %d verdicts; want 3000, 1, 1",
			len(set.Articles), len(set.Highlights), len(set.Verdicts))
	}
	var w3c map[string]any
	if b, err := os.ReadFile(filepath.Join(dir, "annotations.jsonld")); err != nil || json.Unmarshal(b, &w3c) != nil {
		t.Errorf("the W3C export is not JSON: %v", err)
	} else if !strings.Contains(string(b), "TextQuoteSelector") {
		t.Error("the W3C export has no TextQuoteSelector for the highlight")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "report.html")); !bytes.Contains(b, []byte("<html")) {
		t.Error("report.html is not an HTML document")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "report.md")); !bytes.HasPrefix(bytes.TrimSpace(b), []byte("#")) {
		t.Errorf("report.md does not start with a heading: %.80q", b)
	}
	t.Logf("screenshots in %s", g.shots)
}

// lockedBuffer is a bytes.Buffer safe to read while a child process's output is copied in.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
