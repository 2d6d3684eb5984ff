// Package posixlocale keeps Fyne quiet in the C and POSIX locales.
//
// Containers and CI set LANG=C.UTF-8 (or LC_ALL=C.utf8, POSIX.UTF-8): the C locale with a
// charset. Fyne's lang package reads the locale when it is initialised, strips the charset,
// tries to parse the bare "C" as a BCP 47 tag and logs three lines of "Fyne error: Error parsing
// user locale C" on stderr, before main runs, for every command. Plain "C" and "POSIX" it
// already treats as "no preference" (English). This package rewrites the charset-qualified
// forms of LC_ALL, LC_MESSAGES and LANG to the plain ones when it is initialised; Restore puts
// the environment back for child processes.
//
// It must be initialised before fyne.io/fyne/v2/lang. Go initialises packages in import-path
// order among those whose imports are done (the Go 1.21 rule); this one imports only os, so it
// is ready as soon as os is, and "parallax/…" sorts before "text/template", which Fyne's lang
// imports (after os). cmd/parallax's TestNoLocaleNoise runs the real binary under these
// locales and fails if that ever stops holding.
package posixlocale

import "os"

var saved []struct{ name, value string }

func init() {
	for _, name := range [...]string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(name)
		if plain := Plain(v); plain != v {
			saved = append(saved, struct{ name, value string }{name, v})
			os.Setenv(name, plain)
		}
	}
}

// Plain returns "C" or "POSIX" for a locale value that is one of them with a charset or
// modifier ("C.UTF-8", "POSIX.utf8", "C@euro"), and the value unchanged otherwise.
func Plain(v string) string {
	for _, base := range [...]string{"C", "POSIX"} {
		if len(v) > len(base) && v[:len(base)] == base && (v[len(base)] == '.' || v[len(base)] == '@') {
			return base
		}
	}
	return v
}

// Restore puts back the locale variables init rewrote, so programs Parallax starts see the
// user's environment. Call it once Fyne is initialised (at the start of main).
func Restore() {
	for _, s := range saved {
		os.Setenv(s.name, s.value)
	}
	saved = nil
}
