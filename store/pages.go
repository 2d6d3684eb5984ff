package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// This file reads a workspace's bbolt pages directly, with every offset checked, either from
// the file page by page (Open's and Check's verification: memory bounded by a few pages
// whatever the file's size) or from the file's bytes in memory (Salvage). bbolt trusts its pages: a flipped byte in a page header or an element
// makes it panic, fault or loop. The reader here cannot: it is what Open uses to verify a file
// before bbolt touches it, what Check reports from, and what Salvage recovers records with.
//
// The layout is bbolt 1.4's (go.etcd.io/bbolt/internal/common): a page is a 16-byte header
// (id uint64, flags uint16, count uint16, overflow uint32) followed by count 16-byte elements
// and then their keys and values; pages 0 and 1 are meta pages; one page (with overflow) holds
// the freelist.

const (
	pageHeaderSize = 16
	elemSize       = 16
	branchFlag     = 0x01
	leafFlag       = 0x02
	metaFlag       = 0x04
	freelistFlag   = 0x10
	bucketElemFlag = 0x01 // leaf element flag: the value is a nested bucket
	bucketHdrSize  = 16   // root pgid + sequence
	boltMagicNum   = 0xED0CDAED
	boltVersion    = 2
	noFreelist     = ^uint64(0)
	maxDepth       = 64
)

// pageSource gives bytes of a workspace file. read returns the n bytes at off, or an error
// when they are not all in the file; the slice returned is never overwritten afterwards, so
// keys sliced out of a page stay valid after other pages are read.
type pageSource interface {
	read(off, n uint64) ([]byte, error)
	size() uint64
}

// errPastEnd is a read past the end of the file.
var errPastEnd = errors.New("past the end of the file")

// bytesSource is a file's bytes already in memory.
type bytesSource []byte

func (b bytesSource) size() uint64 { return uint64(len(b)) }

func (b bytesSource) read(off, n uint64) ([]byte, error) {
	if off > uint64(len(b)) || n > uint64(len(b))-off {
		return nil, errPastEnd
	}
	return b[off : off+n : off+n], nil
}

// fileSource reads a file with one positioned read per request (a page with its overflow):
// each page is a fresh small buffer the collector reclaims once nothing refers to it, so
// checking a file of several gigabytes holds a few pages, not the file. (Mapping the file
// instead counts every page touched in the process's resident memory until it is unmapped.)
type fileSource struct {
	f *os.File
	n uint64
}

func (s fileSource) size() uint64 { return s.n }

func (s fileSource) read(off, n uint64) ([]byte, error) {
	if off > s.n || n > s.n-off {
		return nil, errPastEnd
	}
	buf := make([]byte, n)
	got, err := s.f.ReadAt(buf, int64(off))
	if uint64(got) == n {
		return buf, nil
	}
	if err == nil || err == io.EOF {
		err = errPastEnd // the file shrank since its size was taken
	}
	return nil, err
}

// rawFile is a workspace file with its chosen meta page.
type rawFile struct {
	src      pageSource
	pageSize uint64
	root     uint64 // root bucket's page
	freelist uint64
	hwm      uint64 // high-water mark: pages 0..hwm-1 are in use or free
	txid     uint64
}

type rawMeta struct {
	pageSize                   uint32
	root, freelist, pgid, txid uint64
	ok                         bool
	why                        string
}

func parseMeta(src pageSource, off uint64) rawMeta {
	p, err := src.read(off, pageHeaderSize+64)
	if err == errPastEnd {
		return rawMeta{why: "the file ends before it"}
	} else if err != nil {
		return rawMeta{why: err.Error()}
	}
	if binary.LittleEndian.Uint16(p[8:])&metaFlag == 0 {
		return rawMeta{why: "not marked as a meta page"}
	}
	m := p[pageHeaderSize:]
	if binary.LittleEndian.Uint32(m[0:]) != boltMagicNum {
		return rawMeta{why: "wrong magic number"}
	}
	if binary.LittleEndian.Uint32(m[4:]) != boltVersion {
		return rawMeta{why: "unknown bbolt version"}
	}
	h := fnv.New64a()
	h.Write(m[:56])
	if h.Sum64() != binary.LittleEndian.Uint64(m[56:]) {
		return rawMeta{why: "checksum mismatch"}
	}
	return rawMeta{
		pageSize: binary.LittleEndian.Uint32(m[8:]),
		root:     binary.LittleEndian.Uint64(m[16:]),
		freelist: binary.LittleEndian.Uint64(m[32:]),
		pgid:     binary.LittleEndian.Uint64(m[40:]),
		txid:     binary.LittleEndian.Uint64(m[48:]),
		ok:       true,
	}
}

// errNoMeta means neither meta page is valid: the file is not (or no longer) a bbolt file.
var errNoMeta = errors.New("neither of its two header (meta) pages is valid")

// readRaw picks the newest valid meta page of a file's bytes, as bbolt does.
func readRaw(data []byte) (*rawFile, error) { return readRawFrom(bytesSource(data)) }

// readRawFrom picks the newest valid meta page of the file src reads, as bbolt does.
func readRawFrom(src pageSource) (*rawFile, error) {
	m0 := parseMeta(src, 0)
	sizes := []uint64{4096, uint64(os.Getpagesize()), 8192, 16384, 32768, 65536, 1024, 2048}
	if m0.ok {
		sizes = []uint64{uint64(m0.pageSize)}
	}
	var best rawMeta
	var bestSize uint64
	if m0.ok {
		best, bestSize = m0, uint64(m0.pageSize)
	}
	for _, ps := range sizes {
		m1 := parseMeta(src, ps)
		if m1.ok && uint64(m1.pageSize) == ps && (!best.ok || m1.txid > best.txid) {
			best, bestSize = m1, ps
		}
	}
	if !best.ok {
		return nil, fmt.Errorf("%w (first: %s)", errNoMeta, m0.why)
	}
	if bestSize < 512 || bestSize > 1<<20 || bestSize&(bestSize-1) != 0 {
		return nil, fmt.Errorf("its header gives an impossible page size %d", bestSize)
	}
	return &rawFile{src: src, pageSize: bestSize, root: best.root, freelist: best.freelist, hwm: best.pgid, txid: best.txid}, nil
}

// page returns page id with its overflow pages, checked against the file and the high-water
// mark, and its header's id checked against id.
func (f *rawFile) page(id uint64) ([]byte, error) {
	if id < 2 || id >= f.hwm {
		return nil, fmt.Errorf("page %d is out of range (the file has %d pages)", id, f.hwm)
	}
	off := id * f.pageSize
	hdr, err := f.src.read(off, pageHeaderSize)
	if err == errPastEnd {
		return nil, fmt.Errorf("page %d is past the end of the file (truncated file?)", id)
	} else if err != nil {
		return nil, fmt.Errorf("page %d: %w", id, err)
	}
	if got := binary.LittleEndian.Uint64(hdr); got != id {
		return nil, fmt.Errorf("page %d says it is page %d", id, got)
	}
	ov := uint64(binary.LittleEndian.Uint32(hdr[12:]))
	if id+ov >= f.hwm {
		return nil, fmt.Errorf("page %d runs past the last page (overflow %d)", id, ov)
	}
	p, err := f.src.read(off, (ov+1)*f.pageSize)
	if err == errPastEnd {
		return nil, fmt.Errorf("page %d is past the end of the file (truncated file?)", id)
	} else if err != nil {
		return nil, fmt.Errorf("page %d: %w", id, err)
	}
	return p, nil
}

// freePages reads the freelist page: the ids it lists.
func (f *rawFile) freePages() ([]uint64, error) {
	if f.freelist == noFreelist {
		return nil, nil
	}
	p, err := f.page(f.freelist)
	if err != nil {
		return nil, fmt.Errorf("freelist: %w", err)
	}
	if binary.LittleEndian.Uint16(p[8:])&freelistFlag == 0 {
		return nil, fmt.Errorf("freelist: page %d is not a freelist page", f.freelist)
	}
	n := uint64(binary.LittleEndian.Uint16(p[10:]))
	start := uint64(pageHeaderSize)
	if n == 0xFFFF {
		if len(p) < pageHeaderSize+8 {
			return nil, fmt.Errorf("freelist page %d is cut short", f.freelist)
		}
		n = binary.LittleEndian.Uint64(p[pageHeaderSize:])
		start += 8
	}
	if n > (uint64(len(p))-start)/8 {
		return nil, fmt.Errorf("freelist page %d says it lists %d pages, more than it can hold", f.freelist, n)
	}
	ids := make([]uint64, n)
	for i := range ids {
		ids[i] = binary.LittleEndian.Uint64(p[start+uint64(i)*8:])
	}
	return ids, nil
}

// element is one key/value (leaf) or key/child (branch) of a page.
type element struct {
	key, value []byte
	child      uint64
	bucket     bool
}

// elements decodes a branch or leaf page held in p (a page from the file or an inline page),
// checking every offset.
func elements(p []byte) (flags uint16, els []element, err error) {
	if len(p) < pageHeaderSize {
		return 0, nil, errors.New("page is shorter than its header")
	}
	flags = binary.LittleEndian.Uint16(p[8:])
	count := int(binary.LittleEndian.Uint16(p[10:]))
	if flags != branchFlag && flags != leafFlag {
		return flags, nil, fmt.Errorf("not a branch or leaf page (flags %#x)", flags)
	}
	if pageHeaderSize+count*elemSize > len(p) {
		return flags, nil, fmt.Errorf("%d elements do not fit the page", count)
	}
	els = make([]element, count)
	for i := range els {
		e := p[pageHeaderSize+i*elemSize:]
		base := uint64(pageHeaderSize + i*elemSize)
		if flags == branchFlag {
			pos, ksize := uint64(binary.LittleEndian.Uint32(e[0:])), uint64(binary.LittleEndian.Uint32(e[4:]))
			if base+pos+ksize > uint64(len(p)) {
				return flags, nil, fmt.Errorf("element %d's key runs past the page", i)
			}
			els[i] = element{key: p[base+pos : base+pos+ksize], child: binary.LittleEndian.Uint64(e[8:])}
			continue
		}
		ef := binary.LittleEndian.Uint32(e[0:])
		pos := uint64(binary.LittleEndian.Uint32(e[4:]))
		ksize, vsize := uint64(binary.LittleEndian.Uint32(e[8:])), uint64(binary.LittleEndian.Uint32(e[12:]))
		if ef&^bucketElemFlag != 0 {
			return flags, nil, fmt.Errorf("element %d has unknown flags %#x", i, ef)
		}
		if base+pos+ksize+vsize > uint64(len(p)) {
			return flags, nil, fmt.Errorf("element %d's key or value runs past the page", i)
		}
		k := p[base+pos : base+pos+ksize]
		els[i] = element{key: k, value: p[base+pos+ksize : base+pos+ksize+vsize], bucket: ef&bucketElemFlag != 0}
	}
	return flags, els, nil
}

// record is one key/value found in a bucket; path names the bucket (outermost first).
type record struct {
	path [][]byte
	key  []byte
	val  []byte
}

// walker walks the bucket tree from the meta page's root, recording every page it reaches
// and every problem, and skipping (not following) whatever is damaged.
type walker struct {
	f        *rawFile
	reached  *pageSet
	problems []string
	visit    func(record)
	maxProbs int
}

func (w *walker) problem(format string, args ...any) {
	if len(w.problems) < w.maxProbs {
		w.problems = append(w.problems, fmt.Sprintf(format, args...))
	} else if len(w.problems) == w.maxProbs {
		w.problems = append(w.problems, "… (more problems not listed)")
	}
}

func bucketName(path [][]byte) string {
	if len(path) == 0 {
		return "the root"
	}
	parts := make([]string, len(path))
	for i, p := range path {
		parts[i] = fmt.Sprintf("%q", p)
	}
	return "bucket " + joinParts(parts)
}

func joinParts(parts []string) string {
	var b bytes.Buffer
	for i, p := range parts {
		if i > 0 {
			b.WriteString("/")
		}
		b.WriteString(p)
	}
	return b.String()
}

// bucket walks a bucket whose header (root pgid + sequence, then an inline page when root is
// 0) is hdr.
func (w *walker) bucket(path [][]byte, hdr []byte, depth int) {
	if len(hdr) < bucketHdrSize {
		w.problem("%s: its header is cut short", bucketName(path))
		return
	}
	root := binary.LittleEndian.Uint64(hdr)
	if root == 0 {
		var last []byte
		w.node(path, hdr[bucketHdrSize:], 0, depth, nil, &last)
		return
	}
	var last []byte
	w.tree(path, root, depth, nil, &last)
}

// tree walks the page id and its children; keys must ascend strictly across the bucket and be
// at least lower (the branch key that points here).
func (w *walker) tree(path [][]byte, id uint64, depth int, lower []byte, last *[]byte) {
	if depth > maxDepth {
		w.problem("%s: the tree is deeper than %d levels (a loop?)", bucketName(path), maxDepth)
		return
	}
	p, err := w.f.page(id)
	if err != nil {
		w.problem("%s: %v", bucketName(path), err)
		return
	}
	n := uint64(len(p)) / w.f.pageSize
	for i := range n {
		if w.reached.has(id + i) {
			w.problem("page %d is used twice in the tree", id+i)
			return
		}
	}
	for i := range n {
		w.reached.add(id + i)
	}
	w.node(path, p, id, depth, lower, last)
}

func (w *walker) node(path [][]byte, p []byte, id uint64, depth int, lower []byte, last *[]byte) {
	where := fmt.Sprintf("page %d", id)
	if id == 0 {
		where = "inline page"
	}
	flags, els, err := elements(p)
	if err != nil {
		w.problem("%s (%s): %v", where, bucketName(path), err)
		return
	}
	if flags == branchFlag && len(els) == 0 {
		w.problem("%s (%s): an empty branch page", where, bucketName(path))
		return
	}
	for i, e := range els {
		if lower != nil && bytes.Compare(e.key, lower) < 0 {
			w.problem("%s (%s): key %q sorts before its parent's %q", where, bucketName(path), e.key, lower)
			return
		}
		if flags == branchFlag {
			w.tree(path, e.child, depth+1, e.key, last)
			continue
		}
		if *last != nil && bytes.Compare(e.key, *last) <= 0 {
			w.problem("%s (%s): key %q is out of order", where, bucketName(path), e.key)
			return
		}
		*last = e.key
		if e.bucket {
			sub := append(append([][]byte(nil), path...), e.key)
			w.bucket(sub, e.value, depth+1)
			continue
		}
		if len(path) == 0 {
			w.problem("%s: element %d (%q) is a value where only buckets may be", where, i, e.key)
			continue
		}
		if w.visit != nil {
			w.visit(record{path: path, key: e.key, val: e.value})
		}
	}
}

// pageSet is a set of page ids: one bit per page of the file (a 5 GB file of 4 KB pages
// takes 150 KB), and a map for the rare id past the file's end that a damaged freelist lists.
type pageSet struct {
	bits  []uint64
	extra map[uint64]bool
}

func newPageSet(pages uint64) *pageSet { return &pageSet{bits: make([]uint64, pages/64+1)} }

func (s *pageSet) has(id uint64) bool {
	if id/64 < uint64(len(s.bits)) {
		return s.bits[id/64]&(1<<(id%64)) != 0
	}
	return s.extra[id]
}

func (s *pageSet) add(id uint64) {
	if id/64 < uint64(len(s.bits)) {
		s.bits[id/64] |= 1 << (id % 64)
		return
	}
	if s.extra == nil {
		s.extra = map[uint64]bool{}
	}
	s.extra[id] = true
}

// rawCheck is what a structural pass over a workspace file found.
type rawCheck struct {
	file     *rawFile
	reached  *pageSet
	free     *pageSet
	problems []string
}

// checkRaw verifies the page structure of a file's bytes (checkFile's checks); visit, when
// not nil, receives every record reached.
func checkRaw(data []byte, visit func(record)) (*rawCheck, error) {
	return checkFile(bytesSource(data), visit)
}

// checkFile verifies the page structure of the file src reads: meta pages, freelist, every
// page reachable from the root exactly once and within the file, elements within their pages,
// keys in order, and every page either in use or free. visit, when not nil, receives every
// record reached. It holds the pages on the path from the root to the one being read, not the
// file.
func checkFile(src pageSource, visit func(record)) (*rawCheck, error) {
	f, err := readRawFrom(src)
	if err != nil {
		return nil, err
	}
	size := src.size()
	pages := min(f.hwm, size/f.pageSize+1)
	c := &rawCheck{file: f, reached: newPageSet(pages), free: newPageSet(pages)}
	c.reached.add(0)
	c.reached.add(1)
	w := &walker{f: f, reached: c.reached, visit: visit, maxProbs: maxProblems}
	// bbolt reads both meta pages' headers (its check asserts on them); a meta page whose
	// checksum fails is tolerated (a torn write at a crash: bbolt uses the other one), but one
	// whose header is wrong was damaged afterwards.
	for id := range uint64(2) {
		hdr, err := src.read(id*f.pageSize, pageHeaderSize)
		if err != nil || binary.LittleEndian.Uint64(hdr) != id || binary.LittleEndian.Uint16(hdr[8:]) != metaFlag {
			w.problem("header page %d (meta) is damaged", id)
		}
	}
	if size < f.hwm*f.pageSize {
		w.problem("the file is %d bytes but its header says it holds %d pages of %d bytes (%d bytes): it was truncated", size, f.hwm, f.pageSize, f.hwm*f.pageSize)
	}
	freeOK := true
	if f.freelist != noFreelist {
		if p, err := f.page(f.freelist); err == nil {
			for i := range uint64(len(p)) / f.pageSize {
				c.reached.add(f.freelist + i)
			}
		}
		ids, err := f.freePages()
		if err != nil {
			w.problem("%v", err)
			freeOK = false
		}
		for _, id := range ids {
			switch {
			case id < 2 || id >= f.hwm:
				w.problem("freelist: lists page %d, outside the file's %d pages", id, f.hwm)
			case c.free.has(id):
				w.problem("freelist: page %d is listed twice", id)
			}
			c.free.add(id)
		}
	}
	w.tree(nil, f.root, 0, nil, new([]byte))
	for id := range f.hwm {
		if len(w.problems) > w.maxProbs {
			break // the list is full: more pages would not change what is reported
		}
		switch reached, free := c.reached.has(id), c.free.has(id); {
		case reached && free:
			w.problem("page %d is both in use and listed as free (a write would overwrite live data)", id)
		case !reached && !free && freeOK:
			w.problem("page %d is neither in use nor listed as free", id)
		}
	}
	c.problems = w.problems
	return c, nil
}
