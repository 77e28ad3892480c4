// Package infer writes a starting configuration and front matter schemas
// for a repository's existing entries (contentlint init). It reads what the
// entries already hold and turns it into collections, schemas and field
// declarations whose comments explain every choice; what does not fit the
// rest (a key one edit from a common one, a value that fails its field's
// kind) is reported as a likely defect instead of being allowed.
package infer

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/glasgow-open-data/contentlint/lint"
)

// Thresholds of the inference.
const (
	// DefaultRequiredPercent: a key is required when it is present and
	// non-empty in this share of the objects that could hold it.
	DefaultRequiredPercent = 100
	frontMatterTenths      = 9 // front matter in at least 90% of entries is required
	kindTenths             = 9 // a field is checked as a kind when at least 90% of its values pass
	sectionTenths          = 8 // a level-2 heading in at least 80% of entries is recommended

	enumMaxValues  = 8  // at most this many distinct strings make an enum...
	enumMinSeen    = 10 // ...seen at least this many times...
	enumMinRepeats = 2  // ...each value at least this many times

	sectionLevel = 2

	listCap = 5 // entries named in one "missing in" list
)

// Options for Infer.
type Options struct {
	// FS holds the entries; Root and ConfigDir are slash-separated paths in it.
	FS fs.FS
	// Show turns a path of FS into the name messages use (as the user wrote
	// it); nil shows the path itself.
	Show func(path string) string
	// Root is the folder scanned for entries, walked as lint walks a folder.
	Root string
	// Name is the collection name when the entries make one collection;
	// default the name of its folder, or "entries".
	Name string
	// SchemaFile is the path of the schema file to write, relative to
	// ConfigDir (default "contentlint.schema.json"). With several
	// collections each gets its own, named by inserting the collection's
	// name ("contentlint.authors.schema.json").
	SchemaFile string
	// ConfigDir is the folder the configuration is written to (default "."):
	// include globs are relative to it.
	ConfigDir string
	// RequiredPercent is the share of entries (1-100) in which a key must be
	// present and non-empty to be required; 0 means DefaultRequiredPercent.
	RequiredPercent int
	// Catalogue is the rule set the configuration is checked with; nil
	// means lint.DefaultCatalogue().
	Catalogue *lint.Catalogue
}

// Result is what was inferred.
type Result struct {
	// Entries is how many entries the inference read (skipped ones excluded).
	Entries int
	// Skipped is how many files were left out because they do not parse.
	Skipped int
	// Collections are the names of the collections, in configuration order.
	Collections []string
	// Schemas are the schema files to write, one per collection.
	Schemas []File
	// Config is .contentlint.yaml text following schema/config.schema.json,
	// with comments explaining each inferred choice.
	Config []byte
	// Findings counts, by rule id, what lint reports on the entries with
	// the written configuration and schemas.
	Findings map[string]int
	// Failing is how many entries have an error-level finding under the
	// written configuration.
	Failing int
	// Report is human-readable lines saying what was inferred and why, and
	// the likely defects found on the way.
	Report []string
}

// File is a file to write, its path relative to the configuration's folder.
type File struct {
	Path string
	Data []byte
}

// Infer reads the entries under opts.Root and infers collections, schemas
// and a configuration from them. Errors are problems running the inference
// (no such folder, no entries, unreadable files); content problems are
// reported.
func Infer(ctx context.Context, opts Options) (Result, error) {
	opts = withDefaults(opts)
	if info, err := fs.Stat(opts.FS, opts.Root); err != nil {
		return Result{}, fmt.Errorf("infer: %s: %w", opts.Show(opts.Root), unwrapPath(err))
	} else if !info.IsDir() {
		return Result{}, fmt.Errorf("infer: %s is not a folder", opts.Show(opts.Root))
	}
	if opts.RequiredPercent < 1 || opts.RequiredPercent > 100 {
		return Result{}, fmt.Errorf("infer: the required threshold must be a percentage from 1 to 100, not %d", opts.RequiredPercent)
	}
	if _, err := relativeRoot(opts); err != nil {
		return Result{}, err
	}
	var paths []string
	w := lint.Walker{FS: opts.FS}
	if err := w.Walk(ctx, []string{opts.Root}, func(p string) bool { paths = append(paths, p); return true }); err != nil {
		return Result{}, fmt.Errorf("walk %s: %w", opts.Show(opts.Root), err)
	}
	if len(paths) == 0 {
		return Result{}, fmt.Errorf("infer: no Markdown files under %s", opts.Show(opts.Root))
	}
	parser := lint.NewParser()
	var files []*file
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		src, err := fs.ReadFile(opts.FS, p)
		if err != nil {
			return Result{}, fmt.Errorf("read %s: %w", opts.Show(p), unwrapPath(err))
		}
		files = append(files, &file{fsPath: p, rel: lint.RelPath(path.Clean(opts.ConfigDir), p), entry: parser.Parse(opts.Show(p), src)})
	}
	return inferFiles(ctx, files, opts)
}

func withDefaults(opts Options) Options {
	if opts.Root == "" {
		opts.Root = "."
	}
	if opts.ConfigDir == "" {
		opts.ConfigDir = "."
	}
	if opts.SchemaFile == "" {
		opts.SchemaFile = "contentlint.schema.json"
	}
	if opts.Show == nil {
		opts.Show = func(p string) string { return p }
	}
	if opts.RequiredPercent == 0 {
		opts.RequiredPercent = DefaultRequiredPercent
	}
	if opts.Catalogue == nil {
		opts.Catalogue = lint.DefaultCatalogue()
	}
	return opts
}

// inferFiles does the inference on parsed files: it sorts them into
// entries, listing pages and a repository's own documents, groups the
// entries into collections, infers each, writes the configuration and
// lints the entries with it.
func inferFiles(ctx context.Context, files []*file, opts Options) (Result, error) {
	var res Result
	sel := selectEntries(files, opts)
	for _, f := range sel.entries {
		if f.broken {
			res.Skipped++
		} else {
			res.Entries++
		}
	}
	if res.Entries == 0 {
		if res.Skipped == 0 {
			return res, fmt.Errorf("infer: no entries under %s, only listing pages and repository documents", opts.Show(opts.Root))
		}
		return res, fmt.Errorf("infer: none of the %d Markdown files under %s parses; fix their front matter first", res.Skipped, opts.Show(opts.Root))
	}
	rootRel, _ := relativeRoot(opts)
	groups := groupEntries(sel, rootRel)
	colls := make([]*collection, len(groups))
	names := collectionNames(groups, opts)
	for i, g := range groups {
		colls[i] = inferCollection(g, names[i], opts, sel)
		if len(groups) > 1 {
			colls[i].schemaFile = schemaFileFor(opts.SchemaFile, colls[i].name)
		} else {
			colls[i].schemaFile = opts.SchemaFile
		}
		res.Collections = append(res.Collections, colls[i].name)
	}
	if err := decideRules(colls, opts); err != nil {
		return res, err
	}
	for _, c := range colls {
		s, err := c.buildSchema()
		if err != nil {
			return res, err
		}
		res.Schemas = append(res.Schemas, File{Path: c.schemaFile, Data: s})
	}
	res.Config = buildConfig(configInput{root: rootRel, entries: res.Entries, collections: colls})
	check, err := verify(ctx, opts, res, sel, colls)
	if err != nil {
		return res, err
	}
	res.Findings, res.Failing = check.byRule, check.failing
	res.Report = buildReport(opts, res, sel, colls, check)
	return res, nil
}

// relativeRoot returns Root relative to ConfigDir with forward slashes: the
// configuration's globs are relative to its own folder.
func relativeRoot(opts Options) (string, error) {
	rel := lint.RelPath(path.Clean(opts.ConfigDir), path.Clean(opts.Root))
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return "", errors.New("infer: the entries folder " + opts.Show(opts.Root) + " is outside the configuration's folder " + opts.Show(opts.ConfigDir) + "; run init from a folder that contains it")
	}
	return rel, nil
}

// schemaFileFor names one collection's schema file after the configured
// one: "contentlint.schema.json" becomes "contentlint.authors.schema.json".
func schemaFileFor(schemaFile, name string) string {
	dir, base := path.Split(schemaFile)
	stem, rest, ok := strings.Cut(base, ".")
	if !ok {
		return dir + base + "." + name
	}
	return dir + stem + "." + name + "." + rest
}

// unwrapPath drops the path from an *fs.PathError: the message names the file.
func unwrapPath(err error) error {
	var perr *fs.PathError
	if errors.As(err, &perr) {
		return perr.Err
	}
	return err
}

// ratio writes "9 of 11 entries (81%)".
func ratio(count, total int, noun string) string {
	return fmt.Sprintf("%d of %d %s (%d%%)", count, total, noun, percent(count, total))
}

// percent rounds down, so that a share just under a threshold never prints as it.
func percent(count, total int) int {
	if total == 0 {
		return 0
	}
	return count * 100 / total
}

// atLeast reports whether count is at least tenths/10 of total.
func atLeast(count, total, tenths int) bool {
	return total > 0 && count*10 >= total*tenths
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// nameList writes up to listCap names, then how many more there are.
func nameList(names []string) string {
	if len(names) <= listCap {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:listCap], ", ") + fmt.Sprintf(" and %d more", len(names)-listCap)
}
