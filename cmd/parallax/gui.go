package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"

	"parallax"
	"parallax/app"
	"parallax/app/fonts"
	"parallax/assets"
)

// noDisplay reports whether a Unix desktop session is missing (GLFW would panic at start).
func noDisplay() bool {
	switch runtime.GOOS {
	case "windows", "darwin", "android", "ios", "js":
		return false
	}
	return os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == ""
}

// cmdGUI opens the workbench window on a workspace (the default one unless --db is given).
func cmdGUI(ctx context.Context, args []string, stderr io.Writer) error {
	fs := newFlagSet("parallax", "parallax [--db FILE]",
		"Open the Parallax window. On first run the workspace holds the five sample articles.", stderr)
	dbPath := fs.String("db", "", "workspace `FILE` (default: in your user config folder)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return misuse("unexpected argument %q (to add articles use 'parallax import')", fs.Arg(0))
	}
	if noDisplay() {
		return badInput("there is no graphical display here (DISPLAY and WAYLAND_DISPLAY are not set), so the window cannot open; start Parallax from a desktop session, or use its commands ('parallax help')")
	}
	path := *dbPath
	if path == "" {
		var err error
		if path, err = defaultWorkspace(); err != nil {
			return badInput("%v", err)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return badInput("cannot create the workspace folder: %v", err)
		}
	}

	// Before Fyne measures any text: make the bundled Arabic and CJK fonts visible to its
	// fallback, or those scripts are boxes on machines without such fonts. Without them the
	// app still works, so a failure is a warning.
	if err := fonts.Install(""); err != nil {
		fmt.Fprintln(stderr, "parallax: warning: "+err.Error())
	}
	meta := parallax.AppMetadata()
	a := fyneapp.NewWithID(meta.ID)
	a.SetIcon(fyne.NewStaticResource("parallax.png", assets.IconPNG))
	w := a.NewWindow("Parallax")
	db, err := openStore(path, false)
	if err != nil {
		// The person may have started us from a desktop menu, with no terminal to read:
		// say it in the window as well as on stderr.
		fmt.Fprintln(stderr, "parallax: "+err.Error())
		d := dialog.NewError(err, w)
		d.SetOnClosed(a.Quit)
		w.Show()
		d.Show()
		a.Run()
		return &exitError{code: 1, msg: "could not open the workspace"}
	}
	defer db.Close()
	app.Create(a, w, db, app.Options{Samples: sampleDocuments})
	// Ctrl+C in the terminal (or SIGTERM) quits like closing the window, so the workspace is
	// closed cleanly by the deferred Close.
	go func() {
		<-ctx.Done()
		fyne.Do(a.Quit)
	}()
	w.ShowAndRun()
	return nil
}
