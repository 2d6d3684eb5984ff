package textview

import (
	"bytes"
	"os"
	"sync"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/fontscan"
	"github.com/go-text/typesetting/language"

	"parallax/app/fonts"
)

// face is one font the view draws with. res is what canvas.Text.FontSource gets (nil for the
// theme's own text font, so theme overrides keep working); face is the same font parsed for
// shaping, so that what the view measures is what Fyne draws.
type face struct {
	res  fyne.Resource
	face *font.Face
	// Declared vertical metrics in em: Fyne puts the baseline of a canvas.Text drawn with this
	// font ascent below its top and sizes the text ascent+descent(+gap) high.
	ascent, descent, gap float32
}

// fontSet resolves the face for each rune: the theme's text font first, then the bundled
// Arabic and CJK fonts, then the emoji font, then (lazily) whatever system font covers the rune.
// A fixed chain, not Fyne's per-canvas fallback, keeps hit-testing exact and goldens identical on
// every machine.
type fontSet struct {
	mu    sync.RWMutex
	faces []*face
	cache map[rune]int
	sys   *fontscan.FontMap // nil until a rune no bundled font covers turns up
	sysOK bool
}

var (
	parsedMu sync.Mutex
	parsed   = map[fyne.Resource]*font.Face{}
)

func parseFace(res fyne.Resource) *font.Face {
	parsedMu.Lock()
	defer parsedMu.Unlock()
	if f, ok := parsed[res]; ok {
		return f
	}
	f, err := font.ParseTTF(bytes.NewReader(res.Content()))
	if err != nil {
		fyne.LogError("textview: parsing font "+res.Name(), err)
		f = nil
	}
	parsed[res] = f
	return f
}

func newFace(res, draw fyne.Resource) *face {
	f := parseFace(res)
	if f == nil {
		return nil
	}
	m, _ := f.FontHExtents()
	upem := float32(f.Upem())
	return &face{res: draw, face: f, ascent: m.Ascender / upem, descent: -m.Descender / upem, gap: m.LineGap / upem}
}

var (
	defaultSetOnce sync.Once
	defaultSet     *fontSet
)

// defaultFontSet is shared by every view using the default theme font; faces are immutable
// once parsed.
func defaultFontSet() *fontSet {
	defaultSetOnce.Do(func() { defaultSet = newFontSet(theme.DefaultTextFont()) })
	return defaultSet
}

func newFontSet(primary fyne.Resource) *fontSet {
	fs := &fontSet{cache: map[rune]int{}}
	p := newFace(primary, nil)
	if p == nil {
		p = newFace(theme.DefaultTextFont(), nil)
	}
	fs.faces = append(fs.faces, p)
	for _, r := range []fyne.Resource{fonts.Arabic, fonts.CJK, theme.DefaultEmojiFont()} {
		if r == nil {
			continue
		}
		if f := newFace(r, r); f != nil {
			fs.faces = append(fs.faces, f)
		}
	}
	return fs
}

func (fs *fontSet) primary() *face { return fs.faces[0] }

// inherits reports runes that belong with the letter before them (marks, joiners, variation
// selectors) or that have no script of their own (spaces, punctuation, digits): keeping them in
// the previous face keeps a run, and its shaping and mirroring, in one piece.
func inherits(r rune) bool {
	switch language.LookupScript(r) {
	case language.Common, language.Inherited:
		return true
	}
	return unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r)
}

// faceFor picks the face index for r given the face of the rune before it (-1 at a start).
func (fs *fontSet) faceFor(r rune, prev int) int {
	if prev >= 0 && inherits(r) {
		if _, ok := fs.get(prev).face.NominalGlyph(r); ok {
			return prev
		}
	}
	fs.mu.RLock()
	i, ok := fs.cache[r]
	fs.mu.RUnlock()
	if ok {
		return i
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if i, ok := fs.cache[r]; ok {
		return i
	}
	i = fs.resolve(r)
	fs.cache[r] = i
	return i
}

func (fs *fontSet) resolve(r rune) int {
	for i, f := range fs.faces {
		if _, ok := f.face.NominalGlyph(r); ok {
			return i
		}
	}
	if unicode.IsSpace(r) || unicode.IsControl(r) {
		return 0
	}
	// A script Parallax does not bundle (Hebrew, Devanagari, Thai…): ask the system, like Fyne.
	if !fs.sysOK {
		fs.sysOK = true
		m := fontscan.NewFontMap(nil)
		if err := m.UseSystemFonts(""); err == nil {
			fs.sys = m
		}
	}
	if fs.sys == nil {
		return 0
	}
	fs.sys.SetQuery(fontscan.Query{Families: []string{fontscan.SansSerif}})
	f := fs.sys.ResolveFace(r)
	if f == nil {
		return 0
	}
	if _, ok := f.NominalGlyph(r); !ok {
		return 0
	}
	for i, known := range fs.faces {
		if known.face == f {
			return i
		}
	}
	loc := fs.sys.FontLocation(f.Font)
	data, err := os.ReadFile(loc.File)
	if err != nil || loc.Index != 0 { // collections cannot be handed to Fyne as one resource
		return 0
	}
	res := fyne.NewStaticResource(loc.File, data)
	nf := newFace(res, res)
	if nf == nil {
		return 0
	}
	fs.faces = append(fs.faces, nf)
	return len(fs.faces) - 1
}

// get returns face i; safe while resolve may append.
func (fs *fontSet) get(i int) *face {
	fs.mu.RLock()
	defer fs.mu.RUnlock()
	return fs.faces[i]
}
