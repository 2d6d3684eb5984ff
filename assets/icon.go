package assets

import _ "embed"

// IconPNG is the application icon (512×512), rendered from icon/parallax.svg.
//
//go:embed icon/icon-512.png
var IconPNG []byte
