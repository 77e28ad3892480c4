package infer

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"path"
	"time"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/config"
)

// configName is what messages call the configuration before it is written.
const configName = ".contentlint.yaml"

// check is what lint says about the entries with the inferred configuration.
type check struct {
	byRule    map[string]int
	severity  map[string]lint.Severity
	failing   int      // entries with an error
	affected  int      // entries with any finding
	unclaimed []string // entries no collection claims (a bug)
	misplaced []string // entries claimed by another collection than inferred (a bug)
}

// verify loads the configuration as lint will, with the schemas in place
// as if written, and lints the entries with it: the configuration must
// validate against the configuration schema, every schema must compile, and
// every entry must land in the collection inferred for it.
func verify(ctx context.Context, opts Options, res Result, sel selection, colls []*collection) (*check, error) {
	files := map[string][]byte{}
	dir := path.Clean(opts.ConfigDir)
	for _, s := range res.Schemas {
		files[path.Join(dir, s.Path)] = s.Data
	}
	fsys := overlayFS{base: opts.FS, files: files}
	cfg, err := config.Parse(fsys, configName, dir, res.Config, opts.Catalogue)
	if err != nil {
		return nil, fmt.Errorf("the inferred configuration does not load (a bug in contentlint init): %w", err)
	}
	var paths []string
	want := map[string]string{}
	for _, f := range sel.entries {
		paths = append(paths, f.fsPath)
	}
	c := &check{byRule: map[string]int{}, severity: map[string]lint.Severity{}}
	for _, coll := range colls {
		for _, f := range coll.group.files {
			want[f.fsPath] = coll.name
		}
	}
	for _, f := range sel.entries {
		got := cfg.CollectionFor(f.fsPath)
		switch {
		case got == nil:
			c.unclaimed = append(c.unclaimed, f.entry.Path)
		case got.Name != want[f.fsPath]:
			c.misplaced = append(c.misplaced, f.entry.Path)
		}
	}
	run, err := lint.Run(ctx, lint.Options{FS: fsys, Paths: paths, Config: cfg, Catalogue: opts.Catalogue, Name: opts.Show})
	if err != nil {
		return nil, fmt.Errorf("lint with the inferred configuration: %w", err)
	}
	failing, affected := map[string]bool{}, map[string]bool{}
	for _, x := range run.Findings {
		if x.Suppressed {
			continue
		}
		c.byRule[x.Rule.ID]++
		c.severity[x.Rule.ID] = max(c.severity[x.Rule.ID], x.Severity)
		affected[x.Path] = true
		if x.Severity == lint.SeverityError {
			failing[x.Path] = true
		}
	}
	c.failing, c.affected = len(failing), len(affected)
	return c, nil
}

// overlayFS reads files from memory before falling back to base: the
// schemas init is about to write.
type overlayFS struct {
	base  fs.FS
	files map[string][]byte
}

func (o overlayFS) Open(name string) (fs.File, error) {
	if data, ok := o.files[name]; ok {
		return &memFile{name: path.Base(name), Reader: bytes.NewReader(data), size: int64(len(data))}, nil
	}
	return o.base.Open(name)
}

// memFile is an fs.File over bytes in memory.
type memFile struct {
	*bytes.Reader
	name string
	size int64
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f, nil }
func (f *memFile) Close() error               { return nil }
func (f *memFile) Name() string               { return f.name }
func (f *memFile) Size() int64                { return f.size }
func (f *memFile) Mode() fs.FileMode          { return 0o444 }
func (f *memFile) ModTime() time.Time         { return time.Time{} }
func (f *memFile) IsDir() bool                { return false }
func (f *memFile) Sys() any                   { return nil }
