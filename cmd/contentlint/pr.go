package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/baseline"
	gitrepo "github.com/glasgow-open-data/contentlint/lint/git"
)

// execGit runs the git command on this machine: the git.Runner the library
// asks questions through.
type execGit struct{}

func (execGit) Git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return nil, errors.New("git is not installed (it is needed for --changed-since)")
		}
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s: %s", strings.Join(args, " "), msg)
	}
	return out, nil
}

// changedSince returns the files (names of osFS) changed since the merge
// base of ref and HEAD, in the repository the working directory is in.
func changedSince(ctx context.Context, ws *workspace, ref string) (map[string]bool, error) {
	repo, err := gitrepo.Open(ctx, execGit{}, ws.cwd)
	if errors.Is(err, gitrepo.ErrNotRepository) {
		return nil, fmt.Errorf("--changed-since %s: %s is not inside a git repository", ref, ws.cwd)
	}
	if err != nil {
		return nil, fmt.Errorf("--changed-since %s: %w", ref, err)
	}
	files, err := repo.ChangedSince(ctx, ref)
	if err != nil {
		return nil, fmt.Errorf("--changed-since %s: %w", ref, err)
	}
	// The root in the working directory's own terms: git prints it with
	// symbolic links resolved, which would not match the walked names.
	root := ws.cwd
	if repo.Prefix != "" {
		root = filepath.Clean(strings.TrimSuffix(filepath.ToSlash(ws.cwd), "/"+strings.TrimSuffix(repo.Prefix, "/")))
	}
	changed := map[string]bool{}
	for _, f := range files {
		changed[fsPath(filepath.Join(root, filepath.FromSlash(f)))] = true
	}
	return changed, nil
}

// baselineFile is a baseline read for a run, with how it names files.
type baselineFile struct {
	name string // as the user wrote it
	b    *baseline.Baseline
	dir  string // its folder, a name of osFS: entry paths are relative to it
	ws   *workspace
}

func readBaseline(ws *workspace, name string) (*baselineFile, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read baseline: %w", unwrapPathError(err, name))
	}
	b, err := baseline.Parse(name, src)
	if err != nil {
		return nil, err
	}
	return &baselineFile{name: name, b: b, dir: ws.path(filepath.Dir(name)), ws: ws}, nil
}

// pathOf names a finding's file relative to the baseline's folder.
func (bf *baselineFile) pathOf(f *lint.Finding) string { return bf.rel(f.Path) }

func (bf *baselineFile) rel(shown string) string {
	if lint.IsPseudoPath(shown) {
		return shown
	}
	return lint.RelPath(bf.dir, bf.ws.path(shown))
}

// linted reports whether a file, as the baseline names it, was linted.
func (bf *baselineFile) linted(res *lint.Result) func(string) bool {
	set := map[string]bool{}
	for _, name := range res.Linted {
		set[bf.rel(name)] = true
	}
	return func(p string) bool { return set[p] }
}

// walkFlags choose the files and how they are read, for lint and baseline alike.
func walkFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "stdin-filename", Usage: "the `PATH` to report for an entry read from standard input", Value: "<stdin>"},
		// Machine-dependent defaults show as text, so that help and the
		// generated man page are the same on every machine.
		&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "lint `N` files at once", Value: defaultJobs(), DefaultText: "the number of CPUs"},
		&cli.Int64Flag{Name: "max-file-size", Usage: "report files over `BYTES` instead of parsing them", DefaultText: "the configuration's max-file-size, else 2 MiB"},
		&cli.BoolFlag{Name: "verbose", Usage: "list skipped files on standard error"},
		&cli.BoolFlag{Name: "no-gitignore", Usage: "walk folders without skipping what git ignores (.gitignore, .git/info/exclude)"},
	}
}

func (c *Command) baselineCommand() *cli.Command {
	return &cli.Command{
		Name:  "baseline",
		Usage: "record today's findings in a baseline file, so that lint --baseline reports only new ones",
		Description: "Adopting contentlint in a repository with old findings: write a baseline, commit it, run\n" +
			"\"contentlint lint --baseline " + baseline.DefaultFile + "\" in CI, and fix the old findings over time;\n" +
			"\"contentlint baseline --prune\" then drops the entries that no longer occur. Findings match the\n" +
			"baseline by rule, file, field or section heading, and offending value, never by line.",
		ArgsUsage: "[PATH ...]",
		Flags: append(append(configFlags(), walkFlags()...),
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "the baseline `FILE` to write (with --prune: to prune in place)", Value: baseline.DefaultFile},
			&cli.BoolFlag{Name: "prune", Usage: "drop the entries that no longer occur instead of recording today's findings"},
		),
		Action: func(ctx *cli.Context) error {
			ws, err := newWorkspace(ctx.Args().Slice())
			if err != nil {
				return failure(err)
			}
			file := ctx.String("output")
			bf := &baselineFile{name: file, dir: ws.path(filepath.Dir(file)), ws: ws}
			if ctx.Bool("prune") {
				// Before the run, which may be long: a missing baseline has
				// nothing to prune.
				if bf, err = readBaseline(ws, file); err != nil {
					if errors.Is(err, fs.ErrNotExist) {
						err = fmt.Errorf(`%w; run "contentlint baseline" without --prune to create it`, err)
					}
					return failure(err)
				}
			}
			res, _, _, _, err := c.runLint(ctx, ws, nil, true)
			if err != nil {
				return err
			}
			var b *baseline.Baseline
			message := ""
			if ctx.Bool("prune") {
				var dropped int
				b, dropped = bf.b.Prune(res.Findings, bf.pathOf, bf.linted(res))
				message = fmt.Sprintf("pruned %s: dropped %s, kept %s", file, plural(dropped, "finding that no longer occurs", "findings that no longer occur"), plural(countEntries(b), "finding", "findings"))
			} else {
				b = baseline.New(res.Findings, bf.pathOf)
				message = fmt.Sprintf("wrote %s: %s in %s", file, plural(countEntries(b), "finding", "findings"), plural(len(res.Linted), "linted file", "linted files"))
			}
			var buf bytes.Buffer
			if err := b.Write(&buf); err != nil {
				return failure(fmt.Errorf("write baseline: %w", err))
			}
			if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
				return failure(fmt.Errorf("write baseline: %w", unwrapPathError(err, file)))
			}
			fmt.Fprintln(c.Stderr, message)
			return nil
		},
	}
}

func countEntries(b *baseline.Baseline) int {
	n := 0
	for _, e := range b.Entries {
		n += max(e.Count, 1)
	}
	return n
}
