package posixlocale

import "testing"

func TestPlain(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"C.UTF-8", "C"}, {"C.utf8", "C"}, {"POSIX.UTF-8", "POSIX"}, {"C@euro", "C"},
		{"C", "C"}, {"POSIX", "POSIX"}, {"", ""}, {"en_US.UTF-8", "en_US.UTF-8"},
		{"Ca_ES.UTF-8", "Ca_ES.UTF-8"}, {"ca_ES.UTF-8", "ca_ES.UTF-8"}, {"fr_FR@euro", "fr_FR@euro"},
	} {
		if got := Plain(tt.in); got != tt.want {
			t.Errorf("Plain(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
