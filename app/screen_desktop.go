//go:build !ci && !js && !wasm && !android && !ios && !mobile

package app

import "github.com/go-gl/glfw/v3.3/glfw"

// screenWorkArea reports the size, in screen coordinates, of the primary monitor's area left
// for windows (without task bars and docks). Fyne has no API for it, so we ask GLFW, which
// Fyne's desktop driver has already initialised. It must run on the main thread: Fyne calls
// the OnStarted hook there.
func screenWorkArea() (width, height int, ok bool) {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return 0, 0, false
	}
	_, _, width, height = m.GetWorkarea()
	return width, height, width > 0 && height > 0
}
