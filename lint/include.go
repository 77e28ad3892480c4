package lint

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync/atomic"

	"github.com/glasgow-open-data/contentlint/lint/source"
)

// includeTracker notes which include globs matched a file during a run, so
// that one matching nothing can be told apart without a second walk in the
// common case where every glob matched something.
type includeTracker struct {
	cfg  *Config
	seen [][]atomic.Bool // per collection, per include glob
	left atomic.Int64    // globs not yet seen
}

func newIncludeTracker(cfg *Config) *includeTracker {
	t := &includeTracker{cfg: cfg, seen: make([][]atomic.Bool, len(cfg.Collections))}
	for i, c := range cfg.Collections {
		t.seen[i] = make([]atomic.Bool, len(c.Include))
		t.left.Add(int64(len(c.Include)))
	}
	return t
}

// note records the globs that the file at name matches, excludes aside.
func (t *includeTracker) note(name string) {
	if t.left.Load() == 0 {
		return
	}
	rel := t.cfg.Rel(name)
	for i, c := range t.cfg.Collections {
		for j, p := range c.Include {
			if !t.seen[i][j].Load() && MatchGlob(p, rel) && t.seen[i][j].CompareAndSwap(false, true) {
				t.left.Add(-1)
			}
		}
	}
}

// warnings explains the include globs of a configuration file that cannot
// work (absolute, or reaching outside the configuration's folder) or match
// no file under the configuration's folder. The built-in configuration's
// generic globs are not checked.
func (t *includeTracker) warnings(ctx context.Context, fsys fs.FS) []string {
	var out []string
	for i, c := range t.cfg.Collections {
		if len(c.IncludeSpans) != len(c.Include) {
			continue
		}
		for j, p := range c.Include {
			field := fmt.Sprintf("collections[%d].include[%d]", i, j)
			at := func(format string, args ...any) {
				out = append(out, source.ErrorAt(t.cfg.Name, c.IncludeSpans[j], "%s: "+format, append([]any{field}, args...)...).Error())
			}
			switch {
			case strings.HasPrefix(p, "/") || (len(p) > 1 && p[1] == ':'):
				at("%q is an absolute path, so it matches nothing: include globs are relative to the configuration's folder", p)
			case p == ".." || strings.HasPrefix(p, "../") || strings.Contains(p, "/../"):
				at("%q points outside the configuration's folder; include globs are relative to that folder, so put the configuration in a folder that holds the entries", p)
			case !t.seen[i][j].Load() && fsys != nil && !matchesAFile(ctx, fsys, path.Join(t.cfg.Dir, p)):
				at("%q matches no file; check the folder names and extension (globs are relative to the configuration's folder)", p)
			}
		}
	}
	return out
}

// matchesAFile reports whether any file of fsys matches the glob pattern,
// walking no further than the first.
func matchesAFile(ctx context.Context, fsys fs.FS, pattern string) bool {
	found := false
	w := &Walker{FS: fsys}
	_ = w.walkPattern(ctx, pattern, func(string) bool { found = true; return false })
	return found
}
