//go:build ci || js || wasm || android || ios || mobile

package app

// screenWorkArea is unknown without the GLFW driver (the CI software driver, the web and
// mobile): the window keeps the size it asked for.
func screenWorkArea() (width, height int, ok bool) { return 0, 0, false }
