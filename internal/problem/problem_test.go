package problem

import (
	"errors"
	"io/fs"
	"testing"
)

var errCause = errors.New("cause")

func TestError_Unwraps(t *testing.T) {
	p := Wrap(errCause, fs.ErrPermission, "cannot read %s; check its permissions", "a.txt")
	if p.Error() != "cannot read a.txt; check its permissions" || !errors.Is(p, errCause) || !errors.Is(p, fs.ErrPermission) {
		t.Errorf("Wrap: %q, is cause %v, is under %v", p, errors.Is(p, errCause), errors.Is(p, fs.ErrPermission))
	}
	if q := New(errCause, "no text"); !errors.Is(q, errCause) || errors.Is(q, fs.ErrPermission) {
		t.Errorf("New unwraps to %v", q.Unwrap())
	}
}

func TestPrintable(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"notes/a.txt", "notes/a.txt"},
		{"https://example.com/نبأ", "https://example.com/نبأ"},
		{"a\nb.txt", `"a\nb.txt"`},
		{"evil\u202etxt.exe", `"evil\u202etxt.exe"`},
		{"bad\xffname", `"bad\xffname"`},
	} {
		if got := Printable(c.in); got != c.want {
			t.Errorf("Printable(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}
