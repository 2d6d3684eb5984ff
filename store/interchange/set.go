package interchange

import (
	"errors"
	"fmt"
	"time"

	"parallax/compare"
	"parallax/store"
)

// Format names the document type in every set, so a reader can tell a Parallax set from any
// other JSON.
const Format = "parallax-set"

// Version is the set schema version this build writes and reads. A reader refuses newer
// versions: an older Parallax cannot know what a newer set's fields mean.
const Version = 1

// Limits on what Read accepts. A set is text plus small records; past these it is not a set
// (or not one this machine should load whole into memory).
const (
	// MaxSetBytes is the largest document Read accepts (256 MiB), checked before the rest of
	// the document is read.
	MaxSetBytes = 256 << 20
	// MaxDepth is the deepest nesting of arrays and objects Read accepts. A set nests about
	// seven levels; the limit refuses hostile documents before any decoder recurses into them.
	MaxDepth = 64
)

// Errors Read and Import wrap; test them with errors.Is. The UI shows each as something the
// user can fix (another file, a newer Parallax).
var (
	// ErrInvalid: the document is not a valid Parallax set (syntax, schema or content rules).
	ErrInvalid = errors.New("not a valid Parallax set")
	// ErrNewerVersion: the set was written by a newer Parallax; upgrade to read it.
	ErrNewerVersion = errors.New("the set was written by a newer version of Parallax; upgrade Parallax to import it")
	// ErrTooLarge: the document is larger than MaxSetBytes.
	ErrTooLarge = errors.New("the document is too large to be a Parallax set")
)

// Set is the exported document: everything needed to rebuild a workspace's annotated set on
// another machine, plus (optionally) the analysis it was exported with.
type Set struct {
	Format    string    `json:"format"`
	Version   int       `json:"version"`
	Generator string    `json:"generator"`
	Exported  time.Time `json:"exported"`
	// Story is set when the export was limited to one story's articles.
	Story string `json:"story,omitempty"`

	Articles       []ArticleEntry        `json:"articles"`
	Tags           []store.Tag           `json:"tags"`
	Highlights     []store.Highlight     `json:"highlights"`
	Aliases        []store.LearnedAlias  `json:"aliases"`
	Verdicts       []store.Verdict       `json:"verdicts"`
	Links          []store.ManualLink    `json:"links"`
	StoryOverrides []store.StoryOverride `json:"story_overrides"`

	// Analysis is what compare derived from the articles when the set was exported: facts,
	// stories, alignments (machine and hand-made) and discrepancies. It is derived data, so
	// Import does not store it (the receiving workspace recomputes it); it is here for readers
	// of the set, the W3C export and the report.
	Analysis *Analysis `json:"analysis,omitempty"`
}

// ArticleEntry is an article's current revision plus its earlier revisions, oldest first.
type ArticleEntry struct {
	store.Article
	Revisions []store.Article `json:"revisions,omitempty"`
}

// history returns the entry's revisions oldest first, the current one last.
func (e ArticleEntry) history() store.ArticleHistory {
	h := make(store.ArticleHistory, 0, len(e.Revisions)+1)
	h = append(h, e.Revisions...)
	return append(h, e.Article)
}

// Analysis is the derived part of a set.
type Analysis struct {
	ExtractorVersion string                `json:"extractor_version"`
	Facts            []ArticleFacts        `json:"facts"`
	Stories          []compare.Story       `json:"stories"`
	Alignments       []compare.Alignment   `json:"alignments"`
	Discrepancies    []compare.Discrepancy `json:"discrepancies"`
}

// ArticleFacts is the facts found in one article's current revision.
type ArticleFacts struct {
	Article  string `json:"article"`
	Revision int    `json:"revision"`
	// Published is the publication date the analysis used when the article itself gives none
	// (inferred from the story), with PublishedFrom saying how.
	Published     string         `json:"published,omitempty"`
	PublishedFrom string         `json:"published_from,omitempty"`
	Facts         []compare.Fact `json:"facts"`
}

// Error is a set refused for one reason, located by a JSON pointer (RFC 6901) into the
// document, such as "/highlights/3/end".
type Error struct {
	Name    string // the file (or stream) name
	Pointer string // "" when the problem is the document as a whole
	Msg     string
	Err     error // ErrInvalid, ErrNewerVersion or ErrTooLarge, possibly wrapping more
}

func (e *Error) Error() string {
	where := e.Name
	if where == "" {
		where = "set"
	}
	if e.Pointer != "" {
		return fmt.Sprintf("%s: %s: %s", where, e.Pointer, e.Msg)
	}
	return fmt.Sprintf("%s: %s", where, e.Msg)
}

func (e *Error) Unwrap() error { return e.Err }
