package lint

import (
	"path"
	"strings"
	"sync"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/glasgow-open-data/contentlint/lint/validate"
	"github.com/glasgow-open-data/contentlint/schema"
)

// Config is a loaded configuration: the collections entries belong to and
// the rule settings. Package config reads one from a file; paths here are
// slash-separated paths of the file system a run reads (see Options.FS).
type Config struct {
	// Name is the configuration file as the user named it, or
	// "builtin:default", for messages.
	Name string
	// Dir is the folder that include, exclude and ignore globs and schema
	// paths are relative to.
	Dir         string
	Collections []*Collection
	Severities  Severities
	// Ignore are globs of files never linted.
	Ignore []string
	// MaxFileSize is the largest file parsed, in bytes; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Online configures the online audit (Options.Online).
	Online Online
}

// Collection is one kind of entry: which files it claims and how their front
// matter and body are checked.
type Collection struct {
	Name string
	// Include and Exclude are globs relative to the configuration's folder
	// ("**" matches any folders, "{a,b}" either): a file belongs to the first
	// collection whose include matches and whose exclude does not.
	Include, Exclude []string
	// FrontMatterRequired makes a file without front matter a finding.
	FrontMatterRequired bool
	// Schema validates the front matter; nil skips schema checks.
	Schema *schema.Validator
	// Sections declares the body's sections; nil skips section checks.
	Sections *Sections
	// Fields maps front matter fields to the kind of value they hold; a
	// field takes the first that matches.
	Fields []FieldKind
	// EmptyIsError makes an empty string in a declared field a finding;
	// by default an empty value is an absent one (FieldKind can override).
	EmptyIsError bool
	// Severities are this collection's rule settings; they win over the configuration's.
	Severities Severities
	// Options are the rule options this collection sets, each decoded onto
	// its rule's defaults.
	Options map[*Rule]any
	// IncludeSpans are where each Include glob is written in the
	// configuration, for warnings about it; empty for a built-in one.
	IncludeSpans []Span

	// Unique are field path patterns whose values must not repeat across
	// the collection's entries (unique-value).
	Unique []string
	// References are fields whose values name entries (reference-missing).
	References []Reference
	// Vocabulary are field path patterns whose values form a shared
	// vocabulary, such as tags (vocabulary-near-miss).
	Vocabulary []string
	// Filename is the template entries' file names follow, such as
	// "{title}" (filename-mismatch); "" for none.
	Filename string
}

// Reference declares that the values of a field name entries of a
// collection: by their file name without its extension (their slug), or
// by the value of a key field.
type Reference struct {
	// Field is a field path pattern; list items count as their list.
	Field string
	// Collection is the name of the collection the values name.
	Collection string
	// Key is the field of the named entries that holds their name; ""
	// means the file name without its extension ("index.md" and
	// "_index.md" stand for their folder's name).
	Key string
}

// Collection returns the collection named name, or nil.
func (c *Config) Collection(name string) *Collection {
	for _, coll := range c.Collections {
		if coll.Name == name {
			return coll
		}
	}
	return nil
}

// Sections declares the headings a body is expected to have, as data.
type Sections struct {
	Required    []Section
	Recommended []Section
	// Order requires the declared sections (required and recommended, in
	// declaration order: required first) to appear in that order.
	Order bool
	// Level is the heading level the sections sit at; 0 means 2.
	Level int

	// declared is what the section rules match headings against, made once
	// for every entry of the collection.
	declared struct {
		once sync.Once
		list []declaredSection
	}
}

// Section is one expected heading and the other titles accepted for it.
type Section struct {
	Title   string
	Aliases []string
}

// Kinds of field value.
const (
	KindEmail  = "email"
	KindURL    = "url"
	KindSocial = "social"
	// KindNone declares a field that holds none of them, so that a broader
	// pattern does not claim it.
	KindNone = "none"
)

// FieldKind says what the fields matching a pattern hold. Match is a field
// path pattern matched segment by segment: "contact_email", "*email" (a
// top-level key ending in "email"), "social.*" (every member of social, not
// social.links.twitter), "**.email" (an email key at any depth).
type FieldKind struct {
	Match string
	Kind  string // KindEmail, KindURL, KindSocial or KindNone
	// Network names a social field's network; "" means the field's own key
	// names it ("twitter: ...", "social: {github: ...}").
	Network string
	// Form is whether a social field holds a handle, a profile URL or either.
	Form validate.Form
	// URL says which schemes a URL field may use and whether relative
	// references are allowed.
	URL validate.URLRules
	// Prefix is what the site's template puts before a URL field's value
	// when the value has no scheme ("https://" for templates that accept
	// "example.org"): such a value is checked with it.
	Prefix string
	// Empty overrides the collection's EmptyIsError for these fields:
	// EmptyDefault, EmptyAbsent or EmptyError.
	Empty Empty
}

// Empty is how an empty value in a declared field is treated.
type Empty int

// Ways to treat an empty value.
const (
	EmptyDefault Empty = iota // as the collection says
	EmptyAbsent               // an empty value is no value: not checked
	EmptyError                // an empty value is a finding
)

// keySeparatorStandIn replaces "/" inside keys, which would otherwise read
// as a segment separator when matching field paths as slash paths.
const keySeparatorStandIn = "\uFFFF"

// Matches reports whether the field at keys (the keys from the top of the
// front matter down to the field; list items count as their list) matches.
func (k FieldKind) Matches(keys []string) bool {
	escaped := make([]string, len(keys))
	for i, key := range keys {
		escaped[i] = strings.ReplaceAll(key, "/", keySeparatorStandIn)
	}
	return doublestar.MatchUnvalidated(strings.ReplaceAll(k.Match, ".", "/"), strings.Join(escaped, "/"))
}

// ValidFieldPattern reports whether a fields: pattern is well formed.
func ValidFieldPattern(p string) bool {
	return p != "" && doublestar.ValidatePattern(strings.ReplaceAll(p, ".", "/"))
}

// FieldKind returns the declaration of the first pattern that matches the
// field at keys, or nil.
func (c *Collection) FieldKind(keys []string) *FieldKind {
	for i := range c.Fields {
		if c.Fields[i].Matches(keys) {
			return &c.Fields[i]
		}
	}
	return nil
}

// fieldKindCache remembers a collection's FieldKind answers by key path:
// every entry of a collection has much the same keys.
type fieldKindCache struct {
	coll   *Collection
	mu     sync.RWMutex
	byPath map[string]*FieldKind // key: the keys, each followed by a NUL byte
}

// newFieldKindCaches returns a cache for each of cfg's collections.
func newFieldKindCaches(cfg *Config) map[*Collection]*fieldKindCache {
	out := make(map[*Collection]*fieldKindCache, len(cfg.Collections))
	for _, c := range cfg.Collections {
		out[c] = &fieldKindCache{coll: c, byPath: map[string]*FieldKind{}}
	}
	return out
}

// fieldKind is FieldKind, remembered.
func (fc *fieldKindCache) fieldKind(keys []string) *FieldKind {
	var stack [128]byte
	path := stack[:0]
	for _, k := range keys {
		path = append(append(path, k...), 0)
	}
	fc.mu.RLock()
	k, known := fc.byPath[string(path)]
	fc.mu.RUnlock()
	if !known {
		k = fc.coll.FieldKind(keys)
		fc.mu.Lock()
		fc.byPath[string(path)] = k
		fc.mu.Unlock()
	}
	return k
}

// emptyIsError reports whether an empty value of a field declared by k is a finding.
func (c *Collection) emptyIsError(k *FieldKind) bool {
	switch k.Empty {
	case EmptyAbsent:
		return false
	case EmptyError:
		return true
	}
	return c.EmptyIsError
}

// ValidGlob reports whether a file glob is well formed.
func ValidGlob(p string) bool { return doublestar.ValidatePattern(p) }

// MatchGlob reports whether a slash-separated path matches a glob: "**"
// matches any number of folders, "{a,b}" either alternative, "\\*" a literal star.
func MatchGlob(pattern, name string) bool {
	if rest, ok := strings.CutPrefix(pattern, "**/"); ok && name != "" && !strings.ContainsAny(rest, "/\\[") && !strings.Contains(rest, "**") {
		// "**/X", X one segment, matches the paths whose last segment X
		// matches: most of the globs configurations have, matched against
		// every file, so only the file's name is looked at. Not when X has
		// a character class, which doublestar lets match a "/".
		return doublestar.MatchUnvalidated(rest, name[strings.LastIndexByte(name, '/')+1:])
	}
	return doublestar.MatchUnvalidated(pattern, name)
}

func matchAny(patterns []string, name string) bool {
	for _, p := range patterns {
		if MatchGlob(p, name) {
			return true
		}
	}
	return false
}

// Claims reports whether the collection includes the file at rel, a path
// relative to the configuration's folder.
func (c *Collection) Claims(rel string) bool {
	return matchAny(c.Include, rel) && !matchAny(c.Exclude, rel)
}

// Rel returns name relative to the configuration's folder.
func (c *Config) Rel(name string) string { return RelPath(c.Dir, name) }

// CollectionFor returns the first collection that claims the file, or nil.
func (c *Config) CollectionFor(name string) *Collection {
	rel := c.Rel(name)
	for _, coll := range c.Collections {
		if coll.Claims(rel) {
			return coll
		}
	}
	return nil
}

// CollectionForFile returns the collection of a file named explicitly (on
// the command line, or as standard input's name), which is linted whatever
// its extension: when no collection claims the name as it is, the name with
// a Markdown extension is tried, so that "CAPS.MD" and "entry.txt" get the
// collection of the entries beside them.
func (c *Config) CollectionForFile(name string) *Collection {
	if coll := c.CollectionFor(name); coll != nil {
		return coll
	}
	base := strings.TrimSuffix(name, path.Ext(name))
	for _, alt := range []string{lowerExt(name), base + ".md", base + ".markdown"} {
		if coll := c.CollectionFor(alt); coll != nil {
			return coll
		}
	}
	return nil
}

// ExcludedBy returns the first collection that includes the file but
// excludes it, and the exclude glob that does; nil when none does.
func (c *Config) ExcludedBy(name string) (*Collection, string) {
	rel := c.Rel(name)
	for _, coll := range c.Collections {
		if !matchAny(coll.Include, rel) {
			continue
		}
		for _, p := range coll.Exclude {
			if MatchGlob(p, rel) {
				return coll, p
			}
		}
	}
	return nil, ""
}

// Ignored reports whether the file matches an ignore glob.
func (c *Config) Ignored(name string) bool {
	return len(c.Ignore) > 0 && matchAny(c.Ignore, c.Rel(name))
}

// Severity is rule r's effective severity in collection coll: the
// collection's setting for the id, then for the family, then the
// configuration's, then the rule's default.
func (c *Config) Severity(r *Rule, coll *Collection) Severity {
	if coll != nil {
		if sev, ok := coll.Severities[r.ID]; ok {
			return sev
		}
		if sev, ok := coll.Severities[r.Family]; ok {
			return sev
		}
	}
	return c.Severities.For(r)
}

// RelPath returns the slash-separated path of target relative to base, with
// ".." segments where target lies outside base.
func RelPath(base, target string) string {
	if base == "" || base == "." {
		return target
	}
	if target == base {
		return "."
	}
	if strings.HasPrefix(target, base+"/") {
		return target[len(base)+1:]
	}
	b, t := strings.Split(base, "/"), strings.Split(target, "/")
	if target == "." {
		t = nil
	}
	i := 0
	for i < len(b) && i < len(t) && b[i] == t[i] {
		i++
	}
	up := strings.Repeat("../", len(b)-i)
	if i == len(t) {
		// target is an ancestor of base: "..", not "../".
		return strings.TrimSuffix(up, "/")
	}
	return up + strings.Join(t[i:], "/")
}

// lowerExt returns name with its extension in lower case: a glob written
// for "*.md" then matches "CAPS.MD", which every tool reads as Markdown.
func lowerExt(name string) string {
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + strings.ToLower(ext)
}

// collectionForWalked returns the collection of a Markdown file found by
// walking a folder or a glob, whatever the case of its extension.
func (c *Config) collectionForWalked(name string) *Collection {
	if coll := c.CollectionFor(name); coll != nil {
		return coll
	}
	if alt := lowerExt(name); alt != name {
		return c.CollectionFor(alt)
	}
	return nil
}
