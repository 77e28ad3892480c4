package lint

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Walker turns command-line paths into the files to lint: files by name,
// folders walked for Markdown, and glob patterns with "**".
type Walker struct {
	// Ignore reports paths never to lint (configuration's ignore globs).
	Ignore func(path string) bool
	// Skipped is told of every file or folder passed over and why (for --verbose).
	Skipped func(path, reason string)
}

// IsMarkdown reports whether name has a Markdown extension.
func IsMarkdown(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

// Check verifies before any work starts that every argument exists (or, for
// a pattern, matches something), so that a typo is a usage error naming the path.
func (w *Walker) Check(args []string) error {
	for _, arg := range args {
		if arg == "-" {
			continue
		}
		if _, err := os.Lstat(arg); err == nil {
			continue
		}
		if !isPattern(arg) {
			return fmt.Errorf("%s: no such file or directory", arg)
		}
		found := false
		_ = w.walkPattern(context.Background(), arg, func(string) bool { found = true; return false })
		if !found {
			return fmt.Errorf("%s: the pattern matches no files", arg)
		}
	}
	return nil
}

// Walk sends every file to lint to emit, in a deterministic order, once
// each; it stops early when emit returns false or ctx is done.
func (w *Walker) Walk(ctx context.Context, args []string, emit func(string) bool) error {
	// One folder or pattern never yields a file twice (links are not
	// followed), so only several arguments need remembering what was sent:
	// an audit of one folder keeps no per-file state.
	var seen map[string]bool
	if len(args) > 1 {
		seen = map[string]bool{}
	}
	once := func(name string) bool {
		if seen != nil {
			key := filepath.Clean(name)
			if seen[key] {
				return true
			}
			seen[key] = true
		}
		if w.Ignore != nil && w.Ignore(name) {
			w.skip(name, "ignored by configuration")
			return true
		}
		return emit(name)
	}
	for _, arg := range args {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		info, err := os.Stat(arg)
		switch {
		case err == nil && info.IsDir():
			err = w.walkDir(ctx, arg, func(name string) bool {
				if !IsMarkdown(name) {
					return true
				}
				return once(name)
			})
		case err == nil, !isPattern(arg):
			// Files named explicitly are linted whatever their extension, as
			// pre-commit passes them; a vanished one becomes a finding.
			if !once(arg) {
				return nil
			}
			continue
		default:
			err = w.walkPattern(ctx, arg, once)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (w *Walker) skip(name, reason string) {
	if w.Skipped != nil {
		w.Skipped(name, reason)
	}
}

// walkDir walks root, skipping hidden folders, node_modules and symbolic links.
func (w *Walker) walkDir(ctx context.Context, root string, emit func(string) bool) error {
	stop := fmt.Errorf("stop")
	err := filepath.WalkDir(root, func(name string, d fs.DirEntry, err error) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			// An unreadable folder is passed over, with its reason, and the walk goes on.
			w.skip(name, err.Error())
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			base := d.Name()
			if name != root && (base == "node_modules" || (strings.HasPrefix(base, ".") && base != "." && base != "..")) {
				w.skip(name, "hidden or dependency folder")
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if IsMarkdown(name) {
				w.skip(name, "symbolic link (not followed)")
			}
			return nil
		}
		if !d.Type().IsRegular() {
			// A named pipe would block the reader until something writes to it.
			if IsMarkdown(name) {
				w.skip(name, modeName(d.Type())+", not a regular file (not read)")
			}
			return nil
		}
		if !emit(name) {
			return stop
		}
		return nil
	})
	if err == stop {
		return nil
	}
	return err
}

// walkPattern walks the fixed prefix of a glob pattern and emits the files it matches.
func (w *Walker) walkPattern(ctx context.Context, pattern string, emit func(string) bool) error {
	slashed := filepath.ToSlash(pattern)
	segs := strings.Split(slashed, "/")
	i := 0
	for i < len(segs)-1 && !isPattern(segs[i]) {
		i++
	}
	root := strings.Join(segs[:i], "/")
	if root == "" {
		root = "."
		if strings.HasPrefix(slashed, "/") {
			root = "/"
		}
	}
	return w.walkDir(ctx, filepath.FromSlash(root), func(name string) bool {
		rel := filepath.ToSlash(name)
		if root == "." && !strings.HasPrefix(slashed, "./") {
			rel = strings.TrimPrefix(rel, "./")
		}
		if !MatchGlob(slashed, rel) {
			return true
		}
		return emit(name)
	})
}

func isPattern(s string) bool { return strings.ContainsAny(s, "*?[") }

// MatchGlob reports whether the slash-separated name matches pattern, where
// "**" matches any number of path segments and other segments follow path.Match.
func MatchGlob(pattern, name string) bool {
	return matchSegments(strings.Split(pattern, "/"), strings.Split(name, "/"))
}

func matchSegments(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for i := 0; i <= len(name); i++ {
				if matchSegments(pat[1:], name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, err := path.Match(pat[0], name[0]); err != nil || !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}
