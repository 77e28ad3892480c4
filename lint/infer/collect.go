package infer

import (
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/glasgow-open-data/contentlint/lint"
)

// file is one Markdown file found under the root.
type file struct {
	fsPath string      // path in Options.FS
	rel    string      // path relative to the configuration's folder, for globs
	entry  *lint.Entry // Path is the name messages use
	// broken is set when the front matter cannot be read; such an entry
	// belongs to its collection but teaches the inference nothing.
	broken bool
	// bundle is set for an index page that is the only page of its folder
	// (content/authors/ada/_index.md): the folder is the entry, and the
	// entries of a collection are its sibling folders.
	bundle bool
}

// selection sorts the files found into entries, listing pages and a
// repository's own documents.
type selection struct {
	entries   []*file
	listings  []*file
	documents []*file
}

// documentNames are a repository's own documents, left out as the built-in
// configuration leaves them out (lint/config/default.yaml).
var documentNames = []string{"readme", "contributing", "changelog", "license", "code_of_conduct", "security"}

func isDocument(rel string) bool {
	base := strings.ToLower(path.Base(rel))
	stem := strings.TrimSuffix(strings.TrimSuffix(base, ".md"), ".markdown")
	return stem != base && slices.Contains(documentNames, stem)
}

// isIndexPage reports whether a file is named as a site generator names a
// folder's own page: index.md, _index.md, or a language variant of either
// (_index.fr.md).
func isIndexPage(rel string) bool {
	base := path.Base(rel)
	return strings.HasPrefix(base, "index.") || strings.HasPrefix(base, "_index.")
}

// brokenFrontMatter lists the parser rules after which an entry's front
// matter is unusable; other problems (a duplicate key, say) leave data to
// learn from.
var brokenFrontMatter = []string{"frontmatter-syntax", "frontmatter-unterminated", "frontmatter-not-mapping"}

// selectEntries sorts the files. An index page is a listing page when its
// folder holds other pages, beside it or in sub-folders (content/events/
// _index.md above content/events/2024/...); alone in its folder it is an
// entry, and its folder is the entry's (content/authors/ada/_index.md).
func selectEntries(files []*file, opts Options) selection {
	var sel selection
	rootRel, _ := relativeRoot(opts)
	var pages []*file
	for _, f := range files {
		if isDocument(f.rel) {
			sel.documents = append(sel.documents, f)
			continue
		}
		pages = append(pages, f)
	}
	others := map[string]int{}  // folder → pages directly in it that are no index page
	deeper := map[string]bool{} // folder → pages in its sub-folders
	for _, f := range pages {
		dir := path.Dir(f.rel)
		if !isIndexPage(f.rel) {
			others[dir]++
		}
		for d := dir; d != rootRel && d != "."; {
			d = path.Dir(d)
			deeper[d] = true
		}
	}
	for _, f := range pages {
		dir := path.Dir(f.rel)
		if isIndexPage(f.rel) {
			if others[dir] > 0 || deeper[dir] {
				sel.listings = append(sel.listings, f)
				continue
			}
			f.bundle = dir != rootRel
		}
		e := f.entry
		f.broken = e.Fatal
		for _, d := range e.Problems {
			if slices.Contains(brokenFrontMatter, d.Rule.ID) {
				f.broken = true
			}
		}
		sel.entries = append(sel.entries, f)
	}
	return sel
}

// group is the entries of one future collection.
type group struct {
	dir   string  // the folder they live in, relative to the configuration's folder
	files []*file // the entries, broken ones included
	// subgroups is set when other groups live in folders below dir.
	subgroups bool
}

// unitOf is the folder that holds an entry as one of many: its own folder,
// or for a bundle the folder above.
func unitOf(f *file) string {
	if f.bundle {
		return path.Dir(path.Dir(f.rel))
	}
	return path.Dir(f.rel)
}

// groupEntries makes one group per folder of entries, then merges, from the
// deepest folders up, sibling groups that have the same shape into their
// parent folder: content/events/2023/01 and content/events/2024/05 become
// content/events, while content/authors and content/events stay apart.
//
// The rule: the groups directly under a folder (and the entries in it) are
// merged when every one of them is a single group by then and each one's
// common keys (those in at least half of its entries) overlap the common
// keys of the others together by at least half (Jaccard index >= 0.5). A
// folder with one group below it does not merge: the group keeps its
// narrowest folder.
func groupEntries(sel selection, rootRel string) []*group {
	units := map[string][]*file{}
	children := map[string][]string{}
	for _, f := range sel.entries {
		u := unitOf(f)
		units[u] = append(units[u], f)
		// Record the chain of folders from the unit up to the root.
		for d := u; d != rootRel && d != "."; {
			parent := path.Dir(d)
			if !slices.Contains(children[parent], d) {
				children[parent] = append(children[parent], d)
			}
			d = parent
		}
	}
	var merge func(dir string) []*group
	merge = func(dir string) []*group {
		var parts []*group
		if fs := units[dir]; len(fs) > 0 {
			parts = append(parts, &group{dir: dir, files: fs})
		}
		mergeable := true
		kids := children[dir]
		slices.Sort(kids)
		for _, c := range kids {
			sub := merge(c)
			if len(sub) != 1 {
				mergeable = false
			}
			parts = append(parts, sub...)
		}
		if mergeable && len(parts) >= 2 && sameShape(parts) {
			g := &group{dir: dir}
			for _, p := range parts {
				g.files = append(g.files, p.files...)
			}
			slices.SortFunc(g.files, func(a, b *file) int { return strings.Compare(a.rel, b.rel) })
			return []*group{g}
		}
		return parts
	}
	groups := merge(rootRel)
	slices.SortFunc(groups, func(a, b *group) int { return strings.Compare(a.dir, b.dir) })
	for _, g := range groups {
		for _, o := range groups {
			if o != g && isUnder(o.dir, g.dir) {
				g.subgroups = true
			}
		}
	}
	return groups
}

// isUnder reports whether folder d is strictly inside folder parent.
func isUnder(d, parent string) bool {
	if parent == "." {
		return d != "."
	}
	return strings.HasPrefix(d, parent+"/")
}

// commonKeys returns the top-level keys in at least half of the entries
// with front matter.
func commonKeys(files []*file) map[string]bool {
	count := map[string]int{}
	n := 0
	for _, f := range files {
		if f.broken || f.entry.Data == nil {
			continue
		}
		n++
		for k := range f.entry.Data {
			count[k]++
		}
	}
	out := map[string]bool{}
	for k, c := range count {
		if c*2 >= n {
			out[k] = true
		}
	}
	return out
}

// sameShape reports whether groups may share one collection: each one's
// common keys overlap those of all the others together by at least half.
// Comparing each with the rest, rather than pairs, lets many small
// folders (events by month) merge although each lacks a key or two.
func sameShape(parts []*group) bool {
	for i, p := range parts {
		var rest []*file
		for j, o := range parts {
			if j != i {
				rest = append(rest, o.files...)
			}
		}
		if jaccard(commonKeys(p.files), commonKeys(rest))*2 < 1 {
			return false
		}
	}
	return true
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	both := 0
	for k := range a {
		if b[k] {
			both++
		}
	}
	return float64(both) / float64(len(a)+len(b)-both)
}

// bundles reports whether every entry is a folder of its own directly in
// the group's folder (content/authors/ada/_index.md).
func (g *group) bundles() bool {
	for _, f := range g.files {
		if !f.bundle || path.Dir(path.Dir(f.rel)) != g.dir {
			return false
		}
	}
	return true
}

// includeGlobs writes the include patterns of a group: the bundles'
// own file names one folder down (content/authors/*/_index.md), else every
// Markdown file under the folder; at the configuration's own folder, each
// sub-folder by name, never a catch-all **/*.md.
func (g *group) includeGlobs() []string {
	var out []string
	add := func(p string) {
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	under := func(dir string) string {
		if dir == "." {
			return ""
		}
		return escapeGlob(dir) + "/"
	}
	direct := true
	for _, f := range g.files {
		if path.Dir(f.rel) != g.dir {
			direct = false
		}
	}
	exts := func(files []*file) []string {
		var out []string
		for _, f := range files {
			ext := strings.ToLower(path.Ext(f.rel))
			if !slices.Contains(out, ext) {
				out = append(out, ext)
			}
		}
		slices.Sort(out)
		return out
	}
	switch {
	case g.bundles():
		for _, f := range g.files {
			add(under(g.dir) + "*/" + indexPattern(path.Base(f.rel)))
		}
		slices.Sort(out)
	case direct && (g.subgroups || g.dir == "."):
		for _, ext := range exts(g.files) {
			add(under(g.dir) + "*" + ext)
		}
	case g.dir != ".":
		for _, ext := range exts(g.files) {
			add(under(g.dir) + "**/*" + ext)
		}
	default:
		// Merged at the configuration's folder: name each folder.
		byTop := map[string][]*file{}
		var tops []string
		for _, f := range g.files {
			top, _, found := strings.Cut(f.rel, "/")
			if !found {
				top = ""
			}
			if _, ok := byTop[top]; !ok {
				tops = append(tops, top)
			}
			byTop[top] = append(byTop[top], f)
		}
		slices.Sort(tops)
		for _, top := range tops {
			for _, ext := range exts(byTop[top]) {
				if top == "" {
					add("*" + ext)
				} else {
					add(escapeGlob(top) + "/**/*" + ext)
				}
			}
		}
	}
	return out
}

// indexPattern generalises an index page's name over languages:
// "_index.fr.md" becomes "_index.*.md".
func indexPattern(base string) string {
	stem, rest, _ := strings.Cut(base, ".")
	ext := path.Ext(base)
	if rest == strings.TrimPrefix(ext, ".") {
		return base
	}
	return stem + ".*" + ext
}

// excludeGlobs lists the listing pages and documents the include globs
// would claim.
func excludeGlobs(include []string, sel selection) []string {
	var out []string
	for _, fs := range [][]*file{sel.listings, sel.documents} {
		for _, f := range fs {
			for _, g := range include {
				if lint.MatchGlob(g, f.rel) {
					out = append(out, escapeGlob(f.rel))
					break
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// collectionNames names each group after its folder; one group may take
// the name the user gave. Names are unique: a clash takes the parent
// folder's name as a prefix.
func collectionNames(groups []*group, opts Options) []string {
	names := make([]string, len(groups))
	for i, g := range groups {
		dir := g.dir
		if dir == "." {
			dir = path.Clean(strings.ReplaceAll(opts.Show(opts.Root), `\`, "/"))
		}
		names[i] = cleanName(path.Base(dir))
	}
	if len(groups) == 1 && opts.Name != "" {
		names[0] = opts.Name
		return names
	}
	for i, g := range groups {
		for j := range i {
			if names[j] == names[i] {
				if parent := cleanName(path.Base(path.Dir(g.dir))); parent != "" && parent != "entries" {
					names[i] = parent + "-" + names[i]
				}
			}
		}
		for n := 2; slices.Contains(names[:i], names[i]); n++ {
			names[i] = strings.TrimRightFunc(names[i], func(r rune) bool { return r >= '0' && r <= '9' || r == '-' }) + "-" + strconv.Itoa(n)
		}
	}
	return names
}

// cleanName makes a folder name fit for a collection and its schema's file
// name: letters, digits, ".", "_" and "-", without leading punctuation.
func cleanName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	name := strings.Trim(b.String(), "-_.")
	if name == "" {
		return "entries"
	}
	return name
}
