// Package assets holds the data Parallax embeds in its binary: the app icon, bundled fonts for
// scripts the default font lacks, and language data (CLDR-derived month/weekday/relative-word
// and number tables, the actor gazetteer). It imports nothing of the project and holds no logic
// beyond exposing the embedded files.
package assets
