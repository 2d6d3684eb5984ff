package textview

import (
	"math"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
	"github.com/rivo/uniseg"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/bidi"
)

// The layout is built in two stages so that resizing is cheap: shaping (per paragraph, once per
// text) and wrapping (per width). Shaping replicates what Fyne's canvas.Text does with the same
// face and the same substring, so the positions measured here are where Fyne draws the glyphs.

// grapheme is one user-perceived character: the unit of selection and hit-testing.
type grapheme struct {
	start  int32   // rune offset in the paragraph
	xl, xr float32 // extent relative to the left edge of its item (paragraph stage) or of the view (line stage)
	item   int32
	flags  uint8
}

const (
	gSpace      uint8 = 1 << iota // whitespace: may hang at a line end
	gBreakAfter                   // a line may break after it (UAX #14)
	gMustBreak                    // a line must break after it
	gWordAfter                    // a word boundary follows it (UAX #29)
)

// item is a maximal logical run of graphemes with one bidi level and one face: one canvas.Text
// when it fits on a line.
type item struct {
	start, end int // runes, paragraph-relative
	level      uint8
	face       int
	width      float32
	tab        bool // a tab: drawn as empty space
	solo       bool // a neutral at a right-to-left level: alone, mirrored
}

type paragraph struct {
	start, end int // runes in the text; end excludes the '\n'
	rtl        bool
	graphemes  []grapheme
	items      []item
}

// piece is part of an item placed on a line, in visual order.
type piece struct {
	start, end int // runes in the text
	x, width   float32
	face       int
	level      uint8
	draw       bool
}

type line struct {
	para                 int
	start, end           int // runes in the text
	top, ascent, descent float32
	pieces               []piece
	gStart, gEnd         int // into layout.glyphs
}

// layout is the shaped and wrapped text.
type layout struct {
	runes   []rune
	fs      *fontSet
	size    float32 // text size in Fyne units
	spacing float32 // extra space between lines
	paras   []paragraph

	width  float32
	lines  []line
	glyphs []grapheme // per line, graphemes in logical order with absolute x
	height float32
}

func newLayout(text string, fs *fontSet, size, spacing float32) *layout {
	l := &layout{runes: []rune(text), fs: fs, size: size, spacing: spacing}
	start := 0
	for i, r := range l.runes {
		if r == '\n' {
			l.paras = append(l.paras, paragraph{start: start, end: i})
			start = i + 1
		}
	}
	l.paras = append(l.paras, paragraph{start: start, end: len(l.runes)})
	// Paragraphs shape independently: spread them over the CPUs, one shaper per worker.
	workers := min(runtime.GOMAXPROCS(0), len(l.paras))
	next := atomic.Int64{}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sh := getShaper()
			defer putShaper(sh)
			for {
				i := int(next.Add(1) - 1)
				if i >= len(l.paras) {
					return
				}
				l.shapeParagraph(&l.paras[i], sh)
			}
		}()
	}
	wg.Wait()
	return l
}

// shapers keeps shapers between layouts: a shaper's HarfBuzz fonts (lookup tables built per
// font, the dearest part of shaping a short text) and its face copies then serve every later
// text, where a shaper made per layout built them again for every article opened.
// A sync.Pool would drop them at every garbage collection.
var shapers struct {
	sync.Mutex
	free []*shaper
}

func getShaper() *shaper {
	shapers.Lock()
	defer shapers.Unlock()
	if n := len(shapers.free); n > 0 {
		sh := shapers.free[n-1]
		shapers.free = shapers.free[:n-1]
		return sh
	}
	sh := &shaper{}
	// HarfBuzz fonts are cached per shaper, but the cache holds none unless sized: without this
	// every item (a word in Arabic, where neutrals are items of their own) built its font's
	// lookup tables again, a third of the time of opening an article.
	sh.hb.SetFontCacheSize(8)
	return sh
}

// putShaper keeps a shaper for the next layout; as many are kept as layouts ever ran at once
// (one per CPU per layout), a few in practice.
func putShaper(sh *shaper) {
	shapers.Lock()
	defer shapers.Unlock()
	if len(shapers.free) < 4*runtime.GOMAXPROCS(0) {
		shapers.free = append(shapers.free, sh)
	}
}

type shaper struct {
	hb  shaping.HarfbuzzShaper
	seg shaping.Segmenter
	// own maps each shared face to this worker's copy: a font.Face caches glyph extents
	// while shaping and is not safe for concurrent use, while the parsed font.Font under it
	// is read-only and shared.
	own map[*font.Face]*font.Face
}

// face returns the worker-private copy of a shared face.
func (sh *shaper) face(shared *font.Face) *font.Face {
	if f, ok := sh.own[shared]; ok {
		return f
	}
	if sh.own == nil {
		sh.own = make(map[*font.Face]*font.Face)
	}
	f := font.NewFace(shared.Font)
	f.SetPpem(shared.Ppem())
	sh.own[shared] = f
	return f
}

type oneFace struct{ f *font.Face }

func (o oneFace) ResolveFace(rune) *font.Face { return o.f }

// shapeParagraph finds graphemes, break opportunities, bidi levels and faces, groups graphemes
// into items and shapes each item.
func (l *layout) shapeParagraph(p *paragraph, sh *shaper) {
	runes := l.runes[p.start:p.end]
	if len(runes) == 0 {
		return
	}
	levels := bidiLevels(runes)
	p.rtl = levels.base == 1

	// Graphemes and UAX #14 / #29 boundaries in one pass.
	str := string(runes)
	state := -1
	pos := 0
	var cluster string
	var boundaries int
	for len(str) > 0 {
		cluster, str, boundaries, state = uniseg.StepString(str, state)
		n := 0
		var first rune = -1
		for _, r := range cluster {
			if first < 0 {
				first = r
			}
			n++
		}
		g := grapheme{start: int32(pos)}
		if unicode.IsSpace(first) {
			g.flags |= gSpace
		}
		switch boundaries & uniseg.MaskLine {
		case uniseg.LineCanBreak:
			g.flags |= gBreakAfter
		case uniseg.LineMustBreak:
			g.flags |= gBreakAfter | gMustBreak
		}
		if boundaries&uniseg.MaskWord != 0 {
			g.flags |= gWordAfter
		}
		p.graphemes = append(p.graphemes, g)
		pos += n
	}

	// Items: split where the level or face changes, and around tabs.
	prevFace := -1
	for gi := range p.graphemes {
		g := &p.graphemes[gi]
		r := runes[g.start]
		f := l.fs.faceFor(r, prevFace)
		prevFace = f
		lv := levels.at(int(g.start))
		tab := r == '\t'
		// At a right-to-left level a neutral (space, bracket, punctuation) is an item of its
		// own: L2 then puts it in its visual place, and it is drawn mirrored (L4), where one
		// item drawn whole would leave it in logical order and unmirrored: "(APT31)" in Arabic
		// showed as ")APT31(".
		solo := lv%2 == 1 && isNeutral(r)
		n := len(p.items)
		if n == 0 || tab || solo || p.items[n-1].tab || p.items[n-1].solo || p.items[n-1].level != lv || p.items[n-1].face != f {
			p.items = append(p.items, item{start: int(g.start), level: lv, face: f, tab: tab, solo: solo})
			n++
		}
		g.item = int32(n - 1)
		p.items[n-1].end = l.gEnd(p, gi)
	}

	gi := 0
	for ii := range p.items {
		it := &p.items[ii]
		g0 := gi
		for gi < len(p.graphemes) && int(p.graphemes[gi].item) == ii {
			gi++
		}
		if it.tab {
			w := l.tabWidth()
			for k := g0; k < gi; k++ {
				p.graphemes[k].xl = float32(k-g0) * w
				p.graphemes[k].xr = float32(k-g0+1) * w
			}
			it.width = float32(gi-g0) * w
			continue
		}
		it.width = l.shapeItem(runes, it, p.graphemes[g0:gi], sh)
	}
}

func (l *layout) gEnd(p *paragraph, gi int) int {
	if gi+1 < len(p.graphemes) {
		return int(p.graphemes[gi+1].start)
	}
	return p.end - p.start
}

func (l *layout) tabWidth() float32 { return l.size * 2 }

// shapeItem shapes runes[it.start:it.end] the way Fyne's canvas.Text does (LTR default
// direction, bidi and script split by go-text's segmenter, outputs laid left to right) and sets
// each grapheme's extent from the glyph clusters. A cluster holding several graphemes (a lam-alef
// ligature) is split evenly between them, in its direction.
func (l *layout) shapeItem(runes []rune, it *item, gs []grapheme, sh *shaper) float32 {
	text := runes[it.start:it.end]
	if it.level%2 == 1 {
		text = mirrored(text)
	}
	f := l.fs.get(it.face)
	size := fixed.Int26_6(math.Round(float64(l.size) * 64))
	in := shaping.Input{Text: text, RunStart: 0, RunEnd: len(text), Direction: di.DirectionLTR, Face: sh.face(f.face), Size: size}
	for k := range gs {
		gs[k].xl, gs[k].xr = float32(math.Inf(1)), float32(math.Inf(-1))
	}
	// graphemeOf maps an item-relative rune offset to the index of the grapheme holding it.
	graphemeOf := make([]int32, len(text))
	for k := range gs {
		end := len(text)
		if k+1 < len(gs) {
			end = int(gs[k+1].start) - it.start
		}
		for r := int(gs[k].start) - it.start; r < end; r++ {
			graphemeOf[r] = int32(k)
		}
	}
	graphemeAt := func(r int) int { return int(graphemeOf[r]) }
	x := float32(0)
	for _, seg := range sh.seg.Split(in, oneFace{sh.face(f.face)}) {
		out := sh.hb.Shape(seg)
		rtl := out.Direction.Progression() == di.TowardTopLeft
		// Distinct cluster starts give each cluster's rune range.
		starts := make([]int, 0, len(out.Glyphs))
		for _, g := range out.Glyphs {
			starts = append(starts, g.ClusterIndex)
		}
		sort.Ints(starts)
		gx := x
		for i := 0; i < len(out.Glyphs); {
			ci := out.Glyphs[i].ClusterIndex
			adv := float32(0)
			j := i
			for j < len(out.Glyphs) && out.Glyphs[j].ClusterIndex == ci {
				adv += fixedToFloat(out.Glyphs[j].XAdvance)
				j++
			}
			k := sort.SearchInts(starts, ci+1)
			end := seg.RunEnd
			if k < len(starts) {
				end = starts[k]
			}
			// Graphemes starting inside [ci, end), plus the one ci falls in.
			first, last := graphemeAt(ci), graphemeAt(end-1)
			parts := last - first + 1
			w := adv / float32(parts)
			for p := 0; p < parts; p++ {
				gk := first + p
				pos := p
				if rtl {
					pos = parts - 1 - p
				}
				x0 := gx + float32(pos)*w
				gs[gk].xl = min(gs[gk].xl, x0)
				gs[gk].xr = max(gs[gk].xr, x0+w)
			}
			gx += adv
			i = j
		}
		x += fixedToFloat(out.Advance)
	}
	// Graphemes without glyphs (a lone joiner) sit at the end of their logical predecessor.
	prev := float32(0)
	for k := range gs {
		if gs[k].xl > gs[k].xr {
			gs[k].xl, gs[k].xr = prev, prev
		}
		if it.level%2 == 1 {
			prev = gs[k].xl
		} else {
			prev = gs[k].xr
		}
	}
	return x
}

func fixedToFloat(v fixed.Int26_6) float32 { return float32(v) / 64 }

// bidiInfo holds resolved embedding levels for one paragraph.
type bidiInfo struct {
	base   uint8
	starts []int // run starts
	levels []uint8
}

func (b bidiInfo) at(r int) uint8 {
	k := sort.Search(len(b.starts), func(i int) bool { return b.starts[i] > r }) - 1
	if k < 0 {
		return b.base
	}
	return b.levels[k]
}

// bidiLevels resolves the embedding levels of one paragraph (UAX #9); the base direction comes
// from the first strong character (P2–P3). Without explicit formatting characters — all article
// text — the levels come from resolveLevels (implicit rules with bracket pairs, N0). With them
// it falls back on x/text, which reports runs with a direction but not a level: in an RTL
// paragraph RTL runs are 1 and LTR runs 2; in an LTR paragraph RTL runs are 1, and an LTR run of
// numbers after an RTL run is 2.
func bidiLevels(runes []rune) bidiInfo {
	info := bidiInfo{}
	if !needsBidi(runes) {
		return info
	}
	// x/text takes a leading European digit for a strong L ("20 تموز 2021" came out LTR), so
	// the base direction is found here (P2–P3) and forced with a leading RLM.
	info.base = firstStrong(runes)
	if !hasExplicit(runes) {
		lv := resolveLevels(runes, info.base)
		for i, l := range lv {
			if i == 0 || l != lv[i-1] {
				info.starts = append(info.starts, i)
				info.levels = append(info.levels, l)
			}
		}
		return info
	}
	// Explicit embeddings and isolates (rare in article text) go through x/text, whose
	// bracket pairing is wrong but whose explicit rules hold.
	str, shift := string(runes), 0
	if info.base == 1 {
		str, shift = "\u200f"+str, 1
	}
	var p bidi.Paragraph
	if _, err := p.SetString(str); err != nil {
		return bidiInfo{}
	}
	o, err := p.Order()
	if err != nil {
		return bidiInfo{}
	}
	prevRTL := false
	for i := 0; i < o.NumRuns(); i++ {
		run := o.Run(i)
		s, e := run.Pos()
		s, e = max(0, s-shift), e-shift
		if e < s {
			continue
		}
		var lv uint8
		switch {
		case run.Direction() == bidi.RightToLeft:
			lv = 1
		case info.base == 1:
			lv = 2
		case prevRTL && !hasStrongL(runes[s:e+1]):
			lv = 2
		}
		info.starts = append(info.starts, s)
		info.levels = append(info.levels, lv)
		prevRTL = run.Direction() == bidi.RightToLeft
	}
	return info
}

// firstStrong applies rules P2–P3: the first L, R or AL character outside isolates decides.
func firstStrong(rs []rune) uint8 {
	depth := 0
	for _, r := range rs {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.LRI, bidi.RLI, bidi.FSI:
			depth++
		case bidi.PDI:
			depth = max(0, depth-1)
		case bidi.L:
			if depth == 0 {
				return 0
			}
		case bidi.R, bidi.AL:
			if depth == 0 {
				return 1
			}
		}
	}
	return 0
}

// needsBidi reports whether a paragraph has any right-to-left or explicit-formatting character;
// without one every level is 0 and the algorithm can be skipped (most Latin, Cyrillic, CJK text).
func needsBidi(rs []rune) bool {
	for _, r := range rs {
		if r < 0x0590 {
			continue
		}
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.R, bidi.AL, bidi.AN, bidi.RLE, bidi.RLO, bidi.RLI, bidi.LRE, bidi.LRO, bidi.LRI, bidi.FSI:
			return true
		}
	}
	return false
}

func hasStrongL(rs []rune) bool {
	for _, r := range rs {
		p, _ := bidi.LookupRune(r)
		if p.Class() == bidi.L {
			return true
		}
	}
	return false
}

// lineMetrics gives the line box contribution of face i, in Fyne units. Fallback faces may not
// raise the ascent above the primary font's (their declared ascents are often generous), but
// their descent counts in full: Arabic dots below the baseline need it.
func (l *layout) lineMetrics(fi int) (asc, desc float32) {
	p := l.fs.primary()
	f := l.fs.get(fi)
	asc = min(f.ascent, p.ascent)
	if fi == 0 {
		asc = p.ascent
	}
	return asc * l.size, f.descent * l.size
}

// wrap breaks every paragraph into lines no wider than width and lays the lines out top to
// bottom. Lines break at UAX #14 opportunities; a word longer than the line breaks between
// graphemes; whitespace at a line end hangs (does not count against the width).
func (l *layout) wrap(width float32) {
	l.width = width
	l.lines = l.lines[:0]
	l.glyphs = l.glyphs[:0]
	y := float32(0)
	for pi := range l.paras {
		p := &l.paras[pi]
		if len(p.graphemes) == 0 {
			asc, desc := l.lineMetrics(0)
			l.lines = append(l.lines, line{para: pi, start: p.start, end: p.start, top: y, ascent: asc, descent: desc, gStart: len(l.glyphs), gEnd: len(l.glyphs)})
			y += asc + desc + l.spacing
			continue
		}
		g0 := 0
		for g0 < len(p.graphemes) {
			g1 := l.fit(p, g0, width)
			l.addLine(pi, g0, g1, &y)
			g0 = g1
		}
	}
	l.height = y
}

// fit returns the end (exclusive) of the line starting at grapheme g0.
func (l *layout) fit(p *paragraph, g0 int, width float32) int {
	w := float32(0)
	lastBreak := -1
	for i := g0; i < len(p.graphemes); i++ {
		g := p.graphemes[i]
		w += g.xr - g.xl
		if g.flags&gSpace == 0 && w > width && i > g0 {
			if lastBreak >= 0 {
				return lastBreak + 1
			}
			return i
		}
		if g.flags&gMustBreak != 0 {
			return i + 1
		}
		if g.flags&gBreakAfter != 0 {
			lastBreak = i
		}
	}
	return len(p.graphemes)
}

// addLine places graphemes [g0, g1) of paragraph pi as one line: pieces per item, trailing
// whitespace at the paragraph level (L1), pieces in visual order (L2), right-aligned when the
// paragraph is RTL.
func (l *layout) addLine(pi, g0, g1 int, y *float32) {
	p := &l.paras[pi]
	lastInk := g1 - 1
	for lastInk >= g0 && p.graphemes[lastInk].flags&gSpace != 0 {
		lastInk--
	}
	type span struct {
		piece
		g0, g1 int
		off    float32 // left edge of the piece within its item
	}
	var spans []span
	asc, desc := float32(0), float32(0)
	for i := g0; i < g1; {
		it := &p.items[p.graphemes[i].item]
		trailing := i > lastInk
		j := i
		for j < g1 && p.graphemes[j].item == p.graphemes[i].item && (j > lastInk) == trailing {
			j++
		}
		s := span{g0: i, g1: j, off: float32(math.Inf(1))}
		right := float32(math.Inf(-1))
		for k := i; k < j; k++ {
			s.off = min(s.off, p.graphemes[k].xl)
			right = max(right, p.graphemes[k].xr)
		}
		s.start = p.start + int(p.graphemes[i].start)
		s.end = p.start + l.gEndAbs(p, j-1)
		s.width = right - s.off
		s.face = it.face
		s.level = it.level
		s.draw = !trailing && !it.tab
		if trailing {
			s.level = 0
			if p.rtl {
				s.level = 1
			}
		}
		a, d := l.lineMetrics(it.face)
		asc, desc = max(asc, a), max(desc, d)
		spans = append(spans, s)
		i = j
	}
	// L2: from the highest level down to the lowest odd one, reverse every run at or above it.
	var hi, lowOdd uint8 = 0, 255
	for _, s := range spans {
		hi = max(hi, s.level)
		if s.level%2 == 1 {
			lowOdd = min(lowOdd, s.level)
		}
	}
	for lv := hi; lv >= lowOdd && lv > 0; lv-- {
		for i := 0; i < len(spans); {
			if spans[i].level < lv {
				i++
				continue
			}
			j := i
			for j < len(spans) && spans[j].level >= lv {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				spans[a], spans[b] = spans[b], spans[a]
			}
			i = j
		}
	}
	total := float32(0)
	for _, s := range spans {
		total += s.width
	}
	x := float32(0)
	if p.rtl {
		x = max(0, l.width-total)
	}
	ln := line{para: pi, start: p.start + int(p.graphemes[g0].start), end: p.start + l.gEndAbs(p, g1-1), top: *y, ascent: asc, descent: desc}
	ln.gStart = len(l.glyphs)
	l.glyphs = append(l.glyphs, p.graphemes[g0:g1]...)
	for _, s := range spans {
		s.x = x
		for k := s.g0; k < s.g1; k++ {
			g := &l.glyphs[ln.gStart+k-g0]
			g.start += int32(p.start)
			g.xl += x - s.off
			g.xr += x - s.off
		}
		ln.pieces = append(ln.pieces, s.piece)
		x += s.width
	}
	ln.gEnd = len(l.glyphs)
	l.lines = append(l.lines, ln)
	*y += asc + desc + l.spacing
}

func (l *layout) gEndAbs(p *paragraph, gi int) int { return l.gEnd(p, gi) }

// lineAt returns the index of the line at height y (clamped).
func (l *layout) lineAt(y float32) int {
	i := sort.Search(len(l.lines), func(i int) bool { return l.lines[i].top > y }) - 1
	return max(0, min(i, len(l.lines)-1))
}

// lineOf returns the line holding rune offset o (a paragraph end belongs to its last line).
func (l *layout) lineOf(o int) int {
	i := sort.Search(len(l.lines), func(i int) bool { return l.lines[i].start > o }) - 1
	i = max(0, i)
	// An offset at the start of a wrapped line belongs to it; at the end of the last line of a
	// paragraph it stays there.
	return i
}

// graphemeAt returns the index into l.glyphs of the grapheme under (x, y), or -1.
func (l *layout) graphemeAt(x, y float32) int {
	if len(l.lines) == 0 {
		return -1
	}
	ln := &l.lines[l.lineAt(y)]
	if y < ln.top || y > ln.top+ln.ascent+ln.descent+l.spacing {
		return -1
	}
	for k := ln.gStart; k < ln.gEnd; k++ {
		if g := l.glyphs[k]; x >= g.xl && x < g.xr {
			return k
		}
	}
	return -1
}

func (l *layout) rtlAt(k int) bool {
	// The direction of a placed grapheme follows the level of its piece.
	ln := &l.lines[l.lineAtGlyph(k)]
	o := int(l.glyphs[k].start)
	for _, pc := range ln.pieces {
		if o >= pc.start && o < pc.end {
			return pc.level%2 == 1
		}
	}
	return l.paras[ln.para].rtl
}

func (l *layout) lineAtGlyph(k int) int {
	return sort.Search(len(l.lines), func(i int) bool { return l.lines[i].gEnd > k })
}

func (l *layout) glyphEnd(k int) int {
	ln := &l.lines[l.lineAtGlyph(k)]
	if k+1 < ln.gEnd {
		return int(l.glyphs[k+1].start)
	}
	return ln.end
}

// offsetAt returns the caret offset (a grapheme boundary) nearest to (x, y).
func (l *layout) offsetAt(x, y float32) int {
	if len(l.lines) == 0 {
		return 0
	}
	li := l.lineAt(y)
	if y < 0 {
		return 0
	}
	ln := &l.lines[li]
	if ln.gStart == ln.gEnd {
		return ln.start
	}
	best, bestDist := -1, float32(math.Inf(1))
	for k := ln.gStart; k < ln.gEnd; k++ {
		g := l.glyphs[k]
		if x >= g.xl && x < g.xr {
			best = k
			break
		}
		d := min(abs(x-g.xl), abs(x-g.xr))
		if d < bestDist {
			best, bestDist = k, d
		}
	}
	g := l.glyphs[best]
	leading := x < (g.xl+g.xr)/2 // left half
	if l.rtlAt(best) {
		leading = !leading
	}
	if leading {
		return int(g.start)
	}
	return l.glyphEnd(best)
}

func abs(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

// rect is a box in content coordinates.
type rect struct{ x, y, w, h float32 }

// rangeRects returns one box per visually contiguous stretch of [s, e) on each line.
func (l *layout) rangeRects(s, e int, fromLine, toLine int) []rect {
	if e <= s {
		return nil
	}
	var out []rect
	first := max(l.lineOf(s), fromLine)
	for li := first; li < len(l.lines) && li <= toLine; li++ {
		ln := &l.lines[li]
		if ln.start >= e && !(ln.start == ln.end && ln.start == s) {
			break
		}
		var xs [][2]float32
		for k := ln.gStart; k < ln.gEnd; k++ {
			g := l.glyphs[k]
			if int(g.start) >= s && int(g.start) < e && g.xr > g.xl {
				xs = append(xs, [2]float32{g.xl, g.xr})
			}
		}
		sort.Slice(xs, func(a, b int) bool { return xs[a][0] < xs[b][0] })
		h := ln.ascent + ln.descent
		for i := 0; i < len(xs); {
			x0, x1 := xs[i][0], xs[i][1]
			j := i + 1
			for j < len(xs) && xs[j][0] <= x1+0.5 {
				x1 = max(x1, xs[j][1])
				j++
			}
			out = append(out, rect{x0, ln.top, x1 - x0, h})
			i = j
		}
	}
	return out
}

// caretAt returns the caret's x and its line for offset o.
func (l *layout) caretAt(o int) (float32, int) {
	if len(l.lines) == 0 {
		return 0, 0
	}
	li := l.lineOf(o)
	ln := &l.lines[li]
	for k := ln.gStart; k < ln.gEnd; k++ {
		if int(l.glyphs[k].start) == o {
			if l.rtlAt(k) {
				return l.glyphs[k].xr, li
			}
			return l.glyphs[k].xl, li
		}
	}
	if ln.gEnd > ln.gStart { // end of the line: after its last logical grapheme
		k := ln.gEnd - 1
		if l.rtlAt(k) {
			return l.glyphs[k].xl, li
		}
		return l.glyphs[k].xr, li
	}
	if l.paras[ln.para].rtl {
		return l.width, li
	}
	return 0, li
}

// snap returns the grapheme boundary at or before o: offsets inside a cluster snap to its start.
func (l *layout) snap(o int) int {
	if o <= 0 || len(l.lines) == 0 {
		return max(o, 0)
	}
	if o >= len(l.runes) {
		return len(l.runes)
	}
	li := l.lineOf(o)
	ln := &l.lines[li]
	if o >= ln.end { // a paragraph end (the '\n') is a boundary
		return o
	}
	k := sort.Search(ln.gEnd-ln.gStart, func(i int) bool { return int(l.glyphs[ln.gStart+i].start) > o }) - 1
	if k < 0 {
		return ln.start
	}
	return int(l.glyphs[ln.gStart+k].start)
}

// next / prev move one grapheme in logical order.
func (l *layout) next(o int) int {
	if o >= len(l.runes) {
		return len(l.runes)
	}
	li := l.lineOf(o)
	ln := &l.lines[li]
	for k := ln.gStart; k < ln.gEnd; k++ {
		if int(l.glyphs[k].start) == o {
			return l.glyphEnd(k)
		}
	}
	return o + 1 // a newline
}

func (l *layout) prev(o int) int {
	if o <= 0 {
		return 0
	}
	return l.snap(o - 1)
}

// wordAt returns the word (UAX #29) holding offset o.
func (l *layout) wordAt(o int) (int, int) {
	if len(l.lines) == 0 {
		return 0, 0
	}
	pi := l.lines[l.lineOf(o)].para
	p := &l.paras[pi]
	rel := o - p.start
	k := sort.Search(len(p.graphemes), func(i int) bool { return int(p.graphemes[i].start) > rel }) - 1
	if k < 0 {
		return o, o
	}
	a := k
	for a > 0 && p.graphemes[a-1].flags&gWordAfter == 0 {
		a--
	}
	b := k
	for b < len(p.graphemes)-1 && p.graphemes[b].flags&gWordAfter == 0 {
		b++
	}
	return p.start + int(p.graphemes[a].start), p.start + l.gEnd(p, b)
}

// mirrored returns rs with each character replaced by its mirror image (UBA L4), for text at a
// right-to-left level; rs itself when nothing changes.
func mirrored(rs []rune) []rune {
	var out []rune
	for i, r := range rs {
		if m := Mirror(r); m != r {
			if out == nil {
				out = append([]rune(nil), rs...)
			}
			out[i] = m
		}
	}
	if out == nil {
		return rs
	}
	return out
}
