package store

import (
	"fmt"
	"regexp"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// DefaultTags is the tag set of a new workspace: the marks an analyst comparing versions of a
// story needs first, on the keys 1–9.
//
// The colours are mid-tones from one palette: each has at least 3:1 contrast (WCAG's figure
// for non-text marks) against both Fyne's light (#ffffff) and dark (#171718) backgrounds, and
// any two differ by at least 25 in CIELAB ΔE, so they stay legible and distinct in both
// themes. A test holds them to that.
func DefaultTags() []Tag {
	return []Tag{
		{Name: "claim", Color: "#4e79a7", Key: "1"},
		{Name: "accusation", Color: "#e15759", Key: "2"},
		{Name: "denial", Color: "#d4751a", Key: "3"},
		{Name: "attribution", Color: "#2e9c94", Key: "4"},
		{Name: "date", Color: "#5aa04f", Key: "5"},
		{Name: "number", Color: "#ad8f00", Key: "6"},
		{Name: "actor", Color: "#9a6fd0", Key: "7"},
		{Name: "quote", Color: "#d257a8", Key: "8"},
		{Name: "question", Color: "#9c755f", Key: "9"},
	}
}

var (
	tagColor = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)
	tagKey   = regexp.MustCompile(`^[1-9]$`)
)

// validateTags checks a tag set: non-empty trimmed names unique regardless of case, #rrggbb
// colours, shortcut keys "1".."9" or none, each key used once.
func validateTags(tags []Tag) error {
	names := map[string]bool{}
	keys := map[string]string{}
	for i, t := range tags {
		switch {
		case strings.TrimSpace(t.Name) == "":
			return fmt.Errorf("tag %d has no name: %w", i+1, ErrInvalid)
		case t.Name != strings.TrimSpace(t.Name):
			return fmt.Errorf("tag %q has spaces around its name: %w", t.Name, ErrInvalid)
		case names[strings.ToLower(t.Name)]:
			return fmt.Errorf("tag %q appears twice: %w", t.Name, ErrInvalid)
		case !tagColor.MatchString(t.Color):
			return fmt.Errorf("tag %q has colour %q, not #rrggbb: %w", t.Name, t.Color, ErrInvalid)
		case t.Key != "" && !tagKey.MatchString(t.Key):
			return fmt.Errorf("tag %q has shortcut %q; shortcuts are the keys 1 to 9: %w", t.Name, t.Key, ErrInvalid)
		}
		if other, dup := keys[t.Key]; dup && t.Key != "" {
			return fmt.Errorf("tags %q and %q both use the key %s: %w", other, t.Name, t.Key, ErrInvalid)
		}
		names[strings.ToLower(t.Name)] = true
		keys[t.Key] = t.Name
	}
	return nil
}

// writeTags replaces the stored tag set with tags, keeping their order.
func writeTags(tx *bolt.Tx, tags []Tag) error {
	if tx.Bucket(bucketTags) != nil {
		if err := tx.DeleteBucket(bucketTags); err != nil {
			return err
		}
	}
	b, err := tx.CreateBucket(bucketTags)
	if err != nil {
		return err
	}
	for i, t := range tags {
		if err := putJSON(b, revKey(i), t); err != nil {
			return err
		}
	}
	return nil
}

func readTags(tx *bolt.Tx) ([]Tag, error) {
	b, err := mustBucket(tx, bucketTags)
	if err != nil {
		return nil, err
	}
	var out []Tag
	err = b.ForEach(func(k, v []byte) error {
		var t Tag
		if err := decode(v, &t); err != nil {
			return fmt.Errorf("tag %x: %w", k, err)
		}
		out = append(out, t)
		return nil
	})
	return out, err
}

// Tags returns the workspace's tag set in its order.
func (db *DB) Tags() ([]Tag, error) {
	var out []Tag
	err := db.view("read tag set", func(tx *bolt.Tx) error {
		var err error
		out, err = readTags(tx)
		return err
	})
	return out, err
}

// PutTags replaces the tag set (names unique regardless of case, keys "1".."9" each used
// once, colours #rrggbb). Highlights keep the names of tags that are removed; the UI shows
// them without colour until a tag of that name exists again.
func (db *DB) PutTags(tags []Tag) error {
	if err := validateTags(tags); err != nil {
		return fmt.Errorf("save tag set in workspace %s: %w", db.path, err)
	}
	return db.update("save tag set", func(tx *bolt.Tx) error { return writeTags(tx, tags) })
}
