package main

import (
	"encoding/binary"
	"testing"
)

// rsrcWith builds a resource section whose root lists the given types, each a subdirectory
// with n entries.
func rsrcWith(types map[uint32]int) []byte {
	le := binary.LittleEndian
	var b []byte
	dir := func(entries int) []byte {
		h := make([]byte, 16)
		le.PutUint16(h[14:], uint16(entries))
		return h
	}
	b = append(b, dir(len(types))...)
	rootEntries := len(b)
	b = append(b, make([]byte, 8*len(types))...)
	i := 0
	for _, id := range []uint32{3, 14, 16, 24} {
		n, ok := types[id]
		if !ok {
			continue
		}
		sub := uint32(len(b))
		b = append(b, dir(n)...)
		b = append(b, make([]byte, 8*n)...)
		le.PutUint32(b[rootEntries+8*i:], id)
		le.PutUint32(b[rootEntries+8*i+4:], sub|0x80000000)
		i++
	}
	return b
}

func TestResourceTypes(t *testing.T) {
	got, err := resourceTypes(rsrcWith(map[uint32]int{3: 7, 14: 1, 16: 1}))
	if err != nil {
		t.Fatal(err)
	}
	if got[rtIcon] != 7 || got[rtGroupIcon] != 1 || got[rtVersion] != 1 || got[24] != 0 {
		t.Errorf("counts %v, want icon 7, group 1, version 1", got)
	}
	noIcon, err := resourceTypes(rsrcWith(map[uint32]int{24: 1}))
	if err != nil {
		t.Fatal(err)
	}
	if noIcon[rtIcon] != 0 {
		t.Errorf("found icons in a section without any: %v", noIcon)
	}
}

func TestResourceTypesTruncated(t *testing.T) {
	full := rsrcWith(map[uint32]int{3: 2, 14: 1})
	for _, n := range []int{0, 10, 20, len(full) - 1} {
		if _, err := resourceTypes(full[:n]); err == nil {
			t.Errorf("a section cut to %d bytes was accepted", n)
		}
	}
}
