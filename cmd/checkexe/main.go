// Command checkexe verifies a Windows build of Parallax: a PE32+ executable for amd64, a GUI
// program (no console window), with the icon and version information embedded as resources.
// scripts/package.sh runs it on dist/Parallax.exe; it reads the file with debug/pe and walks
// the resource directory itself (the standard library does not parse resources).
//
// Usage: checkexe FILE.exe
package main

import (
	"debug/pe"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
)

// Resource type IDs (winuser.h).
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: checkexe FILE.exe")
		os.Exit(2)
	}
	if err := check(os.Args[1]); err != nil {
		fmt.Fprintf(os.Stderr, "checkexe: %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
	fmt.Printf("%s: PE32+ amd64 GUI executable with icon and version resources\n", os.Args[1])
}

func check(path string) error {
	f, err := pe.Open(path)
	if err != nil {
		return fmt.Errorf("not a PE file: %w", err)
	}
	defer f.Close()
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		return fmt.Errorf("machine is %#x, want amd64 (%#x)", f.Machine, pe.IMAGE_FILE_MACHINE_AMD64)
	}
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		return errors.New("not PE32+ (no 64-bit optional header)")
	}
	if oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		return fmt.Errorf("subsystem %d, want Windows GUI (%d): a console window would open", oh.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}
	sec := f.Section(".rsrc")
	if sec == nil {
		return errors.New("no .rsrc section: no icon or version information is embedded")
	}
	data, err := sec.Data()
	if err != nil {
		return fmt.Errorf("read .rsrc: %w", err)
	}
	counts, err := resourceTypes(data)
	if err != nil {
		return err
	}
	for _, t := range []struct {
		id   uint32
		name string
	}{{rtIcon, "RT_ICON"}, {rtGroupIcon, "RT_GROUP_ICON"}, {rtVersion, "RT_VERSION"}} {
		if counts[t.id] == 0 {
			return fmt.Errorf("no %s resource", t.name)
		}
	}
	return nil
}

// resourceTypes reads the root of a resource directory (the start of .rsrc) and returns, for
// each numeric resource type, how many resources its subdirectory lists.
func resourceTypes(rsrc []byte) (map[uint32]int, error) {
	root, err := directoryEntries(rsrc, 0)
	if err != nil {
		return nil, fmt.Errorf("resource directory: %w", err)
	}
	counts := make(map[uint32]int)
	for _, e := range root {
		if e.name&0x80000000 != 0 || e.offset&0x80000000 == 0 {
			continue // a named type, or a type entry that is not a subdirectory
		}
		sub, err := directoryEntries(rsrc, e.offset&0x7fffffff)
		if err != nil {
			return nil, fmt.Errorf("resource type %d: %w", e.name, err)
		}
		counts[e.name] += len(sub)
	}
	return counts, nil
}

type dirEntry struct{ name, offset uint32 }

// directoryEntries parses one IMAGE_RESOURCE_DIRECTORY at off and its entries.
func directoryEntries(rsrc []byte, off uint32) ([]dirEntry, error) {
	const headerSize, entrySize = 16, 8
	if uint64(off)+headerSize > uint64(len(rsrc)) {
		return nil, fmt.Errorf("directory at %d is outside the section", off)
	}
	named := binary.LittleEndian.Uint16(rsrc[off+12:])
	ids := binary.LittleEndian.Uint16(rsrc[off+14:])
	n := uint32(named) + uint32(ids)
	if uint64(off)+headerSize+uint64(n)*entrySize > uint64(len(rsrc)) {
		return nil, fmt.Errorf("directory at %d lists %d entries past the section's end", off, n)
	}
	out := make([]dirEntry, n)
	for i := range n {
		p := off + headerSize + i*entrySize
		out[i] = dirEntry{binary.LittleEndian.Uint32(rsrc[p:]), binary.LittleEndian.Uint32(rsrc[p+4:])}
	}
	return out, nil
}
