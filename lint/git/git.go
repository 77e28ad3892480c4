// Package git answers the questions contentlint asks of a git repository —
// where its root is, which files changed since a ref — by running the git
// command through a Runner, so that the library itself never starts a
// process: the command line supplies one that does, tests a fake or the
// real one over a temporary repository.
package git

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Runner runs git with args in folder dir (an operating system path) and
// returns its standard output. An error carries git's standard error.
type Runner interface {
	Git(ctx context.Context, dir string, args ...string) ([]byte, error)
}

// ErrNotRepository is returned when a folder is not inside a git work tree.
var ErrNotRepository = errors.New("not inside a git repository")

// Repo is a git work tree.
type Repo struct {
	// Root is the work tree's top folder, an operating system path as git
	// prints it (symbolic links resolved).
	Root string
	// Prefix is the folder Open was given, relative to Root, with forward
	// slashes: "" at the top, else ending in "/". Stripping it from that
	// folder names the root in the caller's own terms.
	Prefix string
	run    Runner
}

// Open returns the repository whose work tree holds dir.
func Open(ctx context.Context, run Runner, dir string) (*Repo, error) {
	out, err := run.Git(ctx, dir, "rev-parse", "--show-toplevel", "--show-prefix")
	if err != nil {
		if strings.Contains(err.Error(), "not a git repository") {
			return nil, fmt.Errorf("%s: %w", dir, ErrNotRepository)
		}
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	lines := strings.Split(strings.TrimRight(string(out), "\r\n"), "\n")
	root := strings.TrimRight(lines[0], "\r")
	if root == "" {
		return nil, fmt.Errorf("%s: %w", dir, ErrNotRepository)
	}
	r := &Repo{Root: root, run: run}
	if len(lines) > 1 {
		r.Prefix = strings.TrimRight(lines[1], "\r")
	}
	return r, nil
}

// MergeBase returns the commit where HEAD and ref last met: what a pull
// request is compared against. ref may be a branch, tag, remote-tracking
// branch or commit.
func (r *Repo) MergeBase(ctx context.Context, ref string) (string, error) {
	if strings.HasPrefix(ref, "-") {
		return "", fmt.Errorf("%q is not a git ref", ref)
	}
	if _, err := r.run.Git(ctx, r.Root, "rev-parse", "--verify", "--quiet", "--end-of-options", ref+"^{commit}"); err != nil {
		return "", fmt.Errorf("unknown git ref %q in %s (fetch it first, for example git fetch origin %s)", ref, r.Root, ref)
	}
	out, err := r.run.Git(ctx, r.Root, "merge-base", "--end-of-options", ref, "HEAD")
	if err != nil {
		shallow, _ := r.run.Git(ctx, r.Root, "rev-parse", "--is-shallow-repository")
		if strings.TrimSpace(string(shallow)) == "true" {
			return "", fmt.Errorf("no common history between %q and HEAD in this shallow clone: fetch more history (git fetch --deepen=100, or actions/checkout with fetch-depth: 0)", ref)
		}
		return "", fmt.Errorf("%q and HEAD have no common history", ref)
	}
	return strings.TrimSpace(string(out)), nil
}

// ChangedSince returns the files added, modified, renamed, copied or
// changed in type since the merge base of ref and HEAD, in the work tree
// as it is now (committed or not), plus the untracked files git does not
// ignore: slash-separated paths relative to Root, sorted. Deleted files
// are left out: there is nothing to lint.
func (r *Repo) ChangedSince(ctx context.Context, ref string) ([]string, error) {
	base, err := r.MergeBase(ctx, ref)
	if err != nil {
		return nil, err
	}
	diff, err := r.run.Git(ctx, r.Root, "-c", "core.quotePath=false", "diff", "--name-only", "-z",
		"--find-renames", "--diff-filter=ACMRT", "--no-ext-diff", base, "--")
	if err != nil {
		return nil, fmt.Errorf("list the files changed since %s: %w", ref, err)
	}
	untracked, err := r.run.Git(ctx, r.Root, "ls-files", "-z", "--others", "--exclude-standard")
	if err != nil {
		return nil, fmt.Errorf("list the untracked files: %w", err)
	}
	var files []string
	for _, out := range [][]byte{diff, untracked} {
		for _, f := range strings.Split(string(out), "\x00") {
			if f != "" {
				files = append(files, f)
			}
		}
	}
	slices.Sort(files)
	return slices.Compact(files), nil
}
