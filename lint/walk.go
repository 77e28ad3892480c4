package lint

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// Walker turns paths into the files to lint: files by name, folders walked
// for Markdown, and glob patterns. Paths are slash-separated paths of FS.
type Walker struct {
	FS fs.FS
	// Ignore reports paths never to lint (configuration's ignore globs).
	Ignore func(path string) bool
	// Skipped is told of every file or folder passed over and why (for --verbose).
	Skipped func(path, reason string)
	// Git, when set, skips in folder walks what git ignores (see GitIgnore).
	Git *GitIgnore
}

// IsMarkdown reports whether name has a Markdown extension.
func IsMarkdown(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

// IsPattern reports whether a path is a glob pattern.
func IsPattern(s string) bool { return strings.ContainsAny(s, "*?[{") }

// lstat is fs.Lstat where the file system can tell links apart, else fs.Stat.
func lstat(fsys fs.FS, name string) (fs.FileInfo, error) {
	if _, ok := fsys.(fs.ReadLinkFS); ok {
		return fs.Lstat(fsys, name)
	}
	return fs.Stat(fsys, name)
}

// Check verifies before any work starts that every argument exists (or, for
// a pattern, matches something), so that a typo is a usage error naming the
// path; show turns a path into the name the user gave.
func (w *Walker) Check(args []string, show func(string) string) error {
	for _, arg := range args {
		if arg == "-" {
			continue
		}
		if _, err := lstat(w.FS, arg); err == nil {
			continue
		}
		if !IsPattern(arg) {
			return fmt.Errorf("%s: no such file or directory", show(arg))
		}
		if !doublestar.ValidatePattern(arg) {
			return fmt.Errorf("%s: not a valid glob pattern", show(arg))
		}
		found := false
		_ = w.walkPattern(context.Background(), arg, func(string) bool { found = true; return false })
		if !found {
			return fmt.Errorf("%s: the pattern matches no files", show(arg))
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
			if seen[name] {
				return true
			}
			seen[name] = true
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
		info, err := fs.Stat(w.FS, arg)
		switch {
		case err == nil && info.IsDir():
			err = w.walkDir(ctx, arg, func(name string) bool {
				if !IsMarkdown(name) {
					return true
				}
				return once(name)
			})
		case namedFile(info, err, arg):
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

// namedFile reports whether a path argument, whose stat gave info and
// err, names one file: an existing one, or a path that is not a pattern
// (it vanished, and becomes a finding). Files named explicitly are linted
// whatever their extension, as pre-commit passes them.
func namedFile(info fs.FileInfo, err error, arg string) bool {
	return err == nil && !info.IsDir() || err != nil && !IsPattern(arg)
}

func (w *Walker) skip(name, reason string) {
	if w.Skipped != nil {
		w.Skipped(name, reason)
	}
}

var errStopWalk = errors.New("stop")

// walkDir walks root in lexical order, skipping hidden folders,
// node_modules and symbolic links.
func (w *Walker) walkDir(ctx context.Context, root string, emit func(string) bool) error {
	// A folder named explicitly is walked even when git ignores it.
	git := w.Git
	if git != nil && git.Ignored(root, true) {
		git = nil
	}
	err := fs.WalkDir(w.FS, root, func(name string, d fs.DirEntry, err error) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			// An unreadable folder is passed over, with its reason, and the walk goes on.
			w.skip(name, unwrapPath(err).Error())
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
			if name != root && git != nil && git.Ignored(name, true) {
				w.skip(name, "ignored by git")
				return fs.SkipDir
			}
			return nil
		}
		if git != nil && git.Ignored(name, false) {
			if IsMarkdown(name) {
				w.skip(name, "ignored by git")
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
			return errStopWalk
		}
		return nil
	})
	if errors.Is(err, errStopWalk) {
		return nil
	}
	return err
}

// walkPattern walks the fixed folder a glob pattern starts with and emits
// the files the whole pattern matches.
func (w *Walker) walkPattern(ctx context.Context, pattern string, emit func(string) bool) error {
	base, _ := doublestar.SplitPattern(pattern)
	if _, err := fs.Stat(w.FS, base); err != nil {
		return nil // nothing to match in a folder that does not exist
	}
	return w.walkDir(ctx, base, func(name string) bool {
		if !MatchGlob(pattern, name) {
			return true
		}
		return emit(name)
	})
}
