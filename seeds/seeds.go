// Package seeds embeds the five sample articles Parallax was started from — one news story
// (China rejecting the July 2021 Microsoft Exchange attribution) in Arabic, French, Vietnamese
// and Russian, plus a French article about a different event (the March 2024 APT31 sanctions).
// They are loaded into an empty workspace on first run and by `parallax import --samples`.
package seeds

import (
	"embed"
	"io/fs"
	"sort"
)

//go:embed *.txt
var files embed.FS

// FS returns the sample articles as a read-only file system of .txt files at its root.
func FS() fs.FS { return files }

// Names returns the sample file names in a stable order.
func Names() []string {
	entries, _ := fs.ReadDir(files, ".") // embedded: cannot fail
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}
