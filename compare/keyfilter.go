package compare

import "hash/maphash"

// keyFilter is a Bloom filter over strings: has(k) is true for every key added and false for
// most others. It answers "surely not in the set" from one small bit array instead of a look-up
// in a map of tens of thousands of keys, whose buckets and key bytes are cache misses: the
// gazetteer asks it for every word of every article, and most words start no name.
type keyFilter struct {
	bits []uint64
	mask uint64
}

// keyFilterSeed is fixed for the process: a filter is built and asked in the same process, and
// which words pass it changes only how fast, never what, extraction finds.
var keyFilterSeed = maphash.MakeSeed()

// newKeyFilter makes a filter sized for about n keys (16 bits a key, two probes: about 2%
// false positives).
func newKeyFilter(n int) *keyFilter {
	size := uint64(1 << 12)
	for size < uint64(n)*16 {
		size <<= 1
	}
	return &keyFilter{bits: make([]uint64, size/64), mask: size/64 - 1}
}

// Both probes of a key fall in one 64-bit word (a blocked Bloom filter): the filters are
// asked for most words of every article, and one memory access instead of two halves their
// cache misses, which were most of their cost.
func (f *keyFilter) probe(k string) (word, bits uint64) {
	h := maphash.String(keyFilterSeed, k)
	return h & f.mask, 1<<(h>>52&63) | 1<<(h>>58)
}

func (f *keyFilter) add(k string) {
	w, b := f.probe(k)
	f.bits[w] |= b
}

func (f *keyFilter) has(k string) bool {
	w, b := f.probe(k)
	return f.bits[w]&b == b
}
