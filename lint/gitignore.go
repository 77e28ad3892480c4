package lint

import (
	"bufio"
	"bytes"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// GitIgnore makes folder walks skip what git ignores inside a repository:
// the patterns of every .gitignore from the repository's root down to the
// file, and of the repository's info/exclude, with git's precedence (a
// deeper file wins over a shallower one, .gitignore over info/exclude, the
// last matching line within a file, "!" re-includes). Patterns are
// matched by go-git's gitignore package. The user's global excludes file
// (core.excludesFile) is left out on purpose: a run must give the same
// result on every machine. Files and folders named explicitly are linted
// whatever git says, as pre-commit passes them.
type GitIgnore struct {
	// FS is the file system being walked.
	FS fs.FS
	// FromOS turns an absolute operating system path, as a worktree's or
	// submodule's .git file names its git directory, into a path of FS;
	// nil, or false, leaves that repository's info/exclude unread.
	FromOS func(osPath string) (string, bool)

	mu       sync.Mutex
	roots    map[string]string              // folder -> its repository's root, "" outside any
	dirs     map[string][]gitignore.Pattern // folder -> the patterns that apply to its entries
	matchers map[string]gitignore.Matcher   // folder -> a matcher of those patterns
}

// Ignored reports whether git ignores name, a path of FS, given whether
// it is a folder.
func (g *GitIgnore) Ignored(name string, isDir bool) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	dir := path.Dir(name)
	root := g.rootOf(dir)
	if root == "" {
		return false
	}
	m, ok := g.matchers[dir]
	if !ok {
		if ps := g.patterns(dir, root); len(ps) > 0 {
			m = gitignore.NewMatcher(ps)
		}
		if g.matchers == nil {
			g.matchers = map[string]gitignore.Matcher{}
		}
		g.matchers[dir] = m
	}
	if m == nil {
		return false
	}
	return m.Match(components(relTo(root, name)), isDir)
}

// rootOf returns the root of the repository dir is in: the nearest folder
// at or above it that holds a .git folder or file; "" when there is none.
func (g *GitIgnore) rootOf(dir string) string {
	if r, ok := g.roots[dir]; ok {
		return r
	}
	if g.roots == nil {
		g.roots = map[string]string{}
	}
	root := ""
	if _, err := fs.Stat(g.FS, path.Join(dir, ".git")); err == nil {
		root = dir
	} else if parent := path.Dir(dir); parent != dir && dir != "." && !isVolume(dir) {
		root = g.rootOf(parent)
	}
	g.roots[dir] = root
	return root
}

// patterns returns the patterns that apply to the entries of dir, a folder
// of the repository rooted at root, lowest precedence first.
func (g *GitIgnore) patterns(dir, root string) []gitignore.Pattern {
	if ps, ok := g.dirs[dir]; ok {
		return ps
	}
	if g.dirs == nil {
		g.dirs = map[string][]gitignore.Pattern{}
	}
	var ps []gitignore.Pattern
	if dir == root {
		if exclude := g.infoExclude(root); exclude != "" {
			ps = readPatterns(g.FS, exclude, nil)
		}
	} else {
		ps = g.patterns(path.Dir(dir), root)
	}
	if own := readPatterns(g.FS, path.Join(dir, ".gitignore"), components(relTo(root, dir))); len(own) > 0 {
		// A fresh slice: the parent's is shared with its other children.
		ps = append(append([]gitignore.Pattern(nil), ps...), own...)
	}
	g.dirs[dir] = ps
	return ps
}

// infoExclude returns the path of FS of the repository's info/exclude: in
// .git when it is a folder; when .git is a file ("gitdir: ..." in
// worktrees and submodules), in the git directory it names, or in that
// directory's common directory (worktrees share their main repository's).
func (g *GitIgnore) infoExclude(root string) string {
	dotGit := path.Join(root, ".git")
	info, err := fs.Stat(g.FS, dotGit)
	if err != nil {
		return ""
	}
	if info.IsDir() {
		return path.Join(dotGit, "info", "exclude")
	}
	src, err := fs.ReadFile(g.FS, dotGit)
	if err != nil {
		return ""
	}
	gitDir, ok := strings.CutPrefix(strings.TrimSpace(string(src)), "gitdir:")
	if !ok {
		return ""
	}
	if gitDir, ok = g.resolve(root, strings.TrimSpace(gitDir)); !ok {
		return ""
	}
	if common, err := fs.ReadFile(g.FS, path.Join(gitDir, "commondir")); err == nil {
		if dir, ok := g.resolve(gitDir, strings.TrimSpace(string(common))); ok {
			gitDir = dir
		}
	}
	return path.Join(gitDir, "info", "exclude")
}

// resolve turns a path written in a git file, relative to base or
// absolute, into a path of FS.
func (g *GitIgnore) resolve(base, p string) (string, bool) {
	p = strings.ReplaceAll(p, `\`, "/")
	if strings.HasPrefix(p, "/") || len(p) > 2 && p[1] == ':' && p[2] == '/' {
		if g.FromOS == nil {
			return "", false
		}
		return g.FromOS(p)
	}
	return path.Join(base, p), true
}

// readPatterns reads one ignore file: blank lines and comments are skipped,
// as git does; a file that cannot be read has no patterns.
func readPatterns(fsys fs.FS, name string, domain []string) []gitignore.Pattern {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil
	}
	var ps []gitignore.Pattern
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		ps = append(ps, gitignore.ParsePattern(line, domain))
	}
	return ps
}

// relTo returns name relative to dir, which holds it.
func relTo(dir, name string) string {
	if name == dir {
		return "."
	}
	if dir == "." {
		return name
	}
	return strings.TrimPrefix(name, dir+"/")
}

func components(rel string) []string {
	if rel == "." || rel == "" {
		return nil
	}
	return strings.Split(rel, "/")
}

// isVolume reports whether a path is a Windows volume ("C:"), the top of
// such a file system.
func isVolume(p string) bool { return len(p) == 2 && p[1] == ':' }
