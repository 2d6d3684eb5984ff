package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestNoLocaleNoise runs the real binary the way containers and CI do, in the C or POSIX
// locale with or without a charset, and wants nothing on stderr from a command that succeeds
// (Fyne used to log "Error parsing user locale C" three times at start-up; see
// internal/posixlocale).
func TestNoLocaleNoise(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the C/POSIX locale variables are read this way on Linux")
	}
	bin := realBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "w.parallax")
	commands := [][]string{
		{"version"},
		{"help"},
		{"analyze", "--json", seedsDir},
		{"import", "--db", db, seedsDir},
		{"export", "--db", db, "-o", filepath.Join(dir, "out.json")},
	}
	for _, env := range [][]string{
		{"LANG=C"}, {"LC_ALL=POSIX"}, {"LANG=C.UTF-8"}, {"LC_ALL=C.UTF-8"}, {"LANG=POSIX.UTF-8", "LANGUAGE=fr"},
	} {
		for _, args := range commands {
			t.Run(strings.Join(env, " ")+" "+args[0], func(t *testing.T) {
				cmd := exec.Command(bin, args...)
				cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir}
				cmd.Env = append(cmd.Env, env...)
				var stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = nil, &stderr
				if err := cmd.Run(); err != nil {
					t.Fatalf("%v: %v\n%s", args, err, stderr.String())
				}
				if stderr.Len() > 0 {
					t.Errorf("%v under %v wrote to stderr:\n%s", args, env, stderr.String())
				}
			})
		}
	}
}
