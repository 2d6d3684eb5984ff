// Package parallax holds the application's identity — name, app ID, version and build number —
// read from the one FyneApp.toml at the top of the repository, so that `fyne package`, the
// `parallax version` command and the About box can never disagree.
package parallax

import (
	_ "embed"
	"fmt"

	"github.com/BurntSushi/toml"
)

//go:embed FyneApp.toml
var fyneAppTOML []byte

// Metadata is the [Details] section of FyneApp.toml.
type Metadata struct {
	Name    string
	ID      string
	Version string
	Build   int
	Icon    string
}

// AppMetadata returns the metadata embedded from FyneApp.toml. It panics only if the committed
// file is malformed, which TestAppMetadata catches before any release.
func AppMetadata() Metadata {
	var file struct {
		Details Metadata
	}
	if err := toml.Unmarshal(fyneAppTOML, &file); err != nil {
		panic(fmt.Sprintf("FyneApp.toml is malformed: %v", err))
	}
	return file.Details
}

// VersionString is the human-readable version, e.g. "Parallax 0.1.0 (build 1)".
func VersionString() string {
	m := AppMetadata()
	return fmt.Sprintf("%s %s (build %d)", m.Name, m.Version, m.Build)
}
