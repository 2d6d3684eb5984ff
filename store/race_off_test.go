//go:build !race

package store

// raceEnabled is true when the tests run under the race detector, which makes them several
// times slower: the heaviest tests use smaller inputs then.
const raceEnabled = false
