package analysis

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"sync"

	"parallax/compare"
	"parallax/store"
)

// workspaceCache is the compare.StoryCache of a workspace analysis: it reads the workspace's
// story cache and collects what this run computed, which Workspace then writes in one
// transaction together with the pruning of stories that no longer exist.
type workspaceCache struct {
	db   *store.DB
	add  map[string]compare.StoryResult
	keep map[string]bool
}

func newWorkspaceCache(db *store.DB) *workspaceCache {
	return &workspaceCache{db: db, add: map[string]compare.StoryResult{}, keep: map[string]bool{}}
}

func (c *workspaceCache) Story(key string) (compare.StoryResult, bool) {
	c.keep[key] = true
	r, ok, err := c.db.CachedStory(key)
	if err != nil {
		// A damaged entry is derived data: the story is analysed afresh and its entry
		// rewritten by save.
		return compare.StoryResult{}, false
	}
	return r, ok
}

func (c *workspaceCache) PutStory(key string, r compare.StoryResult) {
	c.keep[key] = true
	c.add[key] = r
}

// save writes what the run computed; nothing when every story came from the cache.
func (c *workspaceCache) save() error {
	if len(c.add) == 0 || c.db.ReadOnly() {
		return nil
	}
	return c.db.PutStoryCache(c.add, c.keep)
}

// buildStamp identifies this build of the engine for the story cache: a hash of the running
// executable, so a rebuilt Parallax (whose alignment or discrepancy rules may differ) never
// reuses stories another build analysed. "" when the executable cannot be read: the story
// cache is then not used.
var buildStamp = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return "exe:" + hex.EncodeToString(h.Sum(nil))
})
