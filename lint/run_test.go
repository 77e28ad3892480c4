package lint_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/source"
)

// runOn lints paths of fsys with one collection of entries under content/
// (drafts excluded, notes/ ignored) and returns the result.
func runOn(t *testing.T, fsys fstest.MapFS, stdinName, stdin string, paths ...string) *lint.Result {
	t.Helper()
	cfg := &lint.Config{Name: ".contentlint.yaml", Dir: ".", Ignore: []string{"notes/**"}, Collections: []*lint.Collection{
		{Name: "entries", Include: []string{"content/**/*.md"}, Exclude: []string{"content/drafts/**"}, FrontMatterRequired: true},
	}}
	res, err := lint.Run(context.Background(), lint.Options{
		FS: fsys, Paths: paths, Stdin: strings.NewReader(stdin), StdinName: stdinName, Config: cfg, Catalogue: lint.DefaultCatalogue(),
	})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func findingsOf(res *lint.Result) []string {
	var out []string
	for _, f := range res.Findings {
		out = append(out, f.Path+" "+f.Rule.ID)
	}
	return out
}

// TestRunExplicitFiles: a file named on the command line is linted whatever
// its extension or its case, with the collection of the entries beside it;
// a folder or a glob still means Markdown files only.
func TestRunExplicitFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"content/CAPS.MD":      {Data: []byte("no front matter\n")},
		"content/entry.txt":    {Data: []byte("no front matter\n")},
		"content/README":       {Data: []byte("no front matter\n")},
		"content/drafts/x.txt": {Data: []byte("no front matter\n")},
	}
	res := runOn(t, fsys, "", "", "content/CAPS.MD", "content/entry.txt", "content/README", "content/drafts/x.txt")
	want := []string{"content/CAPS.MD frontmatter-missing", "content/README frontmatter-missing", "content/entry.txt frontmatter-missing"}
	if got := findingsOf(res); !slices.Equal(got, want) || res.Files != 3 || !slices.Equal(res.Skipped, []string{"content/drafts/x.txt"}) {
		t.Errorf("findings %q, %d files, skipped %q; want %q, 3 files, the excluded draft skipped", got, res.Files, res.Skipped, want)
	}
	// A folder walk finds Markdown files whatever the case of the extension.
	if res := runOn(t, fsys, "", "", "content"); res.Files != 1 || findingsOf(res)[0] != "content/CAPS.MD frontmatter-missing" {
		t.Errorf("walking the folder linted %d files (%q), want CAPS.MD alone", res.Files, findingsOf(res))
	}
}

// TestRunStdinName: standard input named by a path gets that file's
// collection, exclude and ignore globs, and its relative links are checked
// from that path's folder; unnamed, it gets the first collection and no
// link check.
func TestRunStdinName(t *testing.T) {
	fsys := fstest.MapFS{"content/files/charter.pdf": {Data: []byte("%PDF")}}
	entry := "---\ntitle: x\n---\n[Charter](files/charter.pdf) and [minutes](files/minutes.pdf)\n"
	cases := []struct {
		name, stdinName string
		files           int
		findings        []string
		skipped         []string
	}{
		{"named in a collection", "content/a.md", 1, []string{"content/a.md link-missing-file"}, nil},
		{"named with another extension", "content/a.txt", 1, []string{"content/a.txt link-missing-file"}, nil},
		{"named but excluded", "content/drafts/a.md", 0, nil, []string{"content/drafts/a.md"}},
		{"named but in no collection", "other/a.md", 0, nil, []string{"other/a.md"}},
		{"named but ignored", "notes/a.md", 0, nil, nil},
		{"unnamed", "", 1, nil, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := runOn(t, fsys, tc.stdinName, entry, "-")
			if got := findingsOf(res); !slices.Equal(got, tc.findings) || res.Files != tc.files || !slices.Equal(res.Skipped, tc.skipped) {
				t.Errorf("findings %q, %d files, skipped %q; want %q, %d, %q", got, res.Files, res.Skipped, tc.findings, tc.files, tc.skipped)
			}
			if tc.files == 0 && (len(res.Warnings) != 1 || !strings.HasPrefix(res.Warnings[0], "no file was linted: ")) {
				t.Errorf("warnings %q, want one saying no file was linted", res.Warnings)
			}
		})
	}
}

// TestRunWarnings: include globs that cannot work or match no file, and a
// run that lints nothing, are warnings with their reason and position.
func TestRunWarnings(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.md":        {Data: []byte("---\ntitle: a\n---\nBody\n")},
		"content/events/b.md": {Data: []byte("---\ntitle: b\n---\nBody\n")},
		"notes/n.md":          {Data: []byte("x\n")},
		"README.txt":          {Data: []byte("x\n")},
	}
	x := source.NewLineIndex([]byte("0123456789\n0123456789\n0123456789\n0123456789\n0123456789\n"))
	spans := []lint.Span{x.Span(13, 14), x.Span(24, 25), x.Span(35, 36), x.Span(46, 47), x.Span(2, 3)}
	cfg := &lint.Config{Name: ".contentlint.yaml", Dir: ".", Ignore: []string{"notes/**"}, Collections: []*lint.Collection{
		{Name: "groups", Include: []string{"content/*.md", "content/grups/*.md", "/content/*.md", "../shared/*.md"}, IncludeSpans: spans[:4]},
		{Name: "events", Include: []string{"content/events/*.md"}, IncludeSpans: spans[4:]},
		{Name: "builtin", Include: []string{"docs/**/*.markdown"}}, // no positions: not checked
	}}
	run := func(paths ...string) *lint.Result {
		res, err := lint.Run(context.Background(), lint.Options{FS: fsys, Paths: paths, Config: cfg, Catalogue: lint.DefaultCatalogue()})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	want := []string{
		`.contentlint.yaml:3:3: collections[0].include[1]: "content/grups/*.md" matches no file; check the folder names and extension (globs are relative to the configuration's folder)`,
		`.contentlint.yaml:4:3: collections[0].include[2]: "/content/*.md" is an absolute path, so it matches nothing: include globs are relative to the configuration's folder`,
		`.contentlint.yaml:5:3: collections[0].include[3]: "../shared/*.md" points outside the configuration's folder; include globs are relative to that folder, so put the configuration in a folder that holds the entries`,
	}
	// The same warnings whether the run saw every entry or only one: a
	// glob the run did not meet is looked up in the file system.
	for _, paths := range [][]string{{"."}, {"content/a.md"}} {
		if got := run(paths...).Warnings; !slices.Equal(got, want) {
			t.Errorf("lint %v: warnings\n%s\nwant\n%s", paths, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	if got := run("notes").Warnings; len(got) != 4 || got[3] != "no file was linted: 1 file matched the configuration's ignore globs" {
		t.Errorf("warnings %q", got)
	}
	if got := run("README.txt").Warnings; got[len(got)-1] != "no file was linted: 1 file in no collection of .contentlint.yaml (--verbose lists them)" {
		t.Errorf("warnings %q", got)
	}
	fsys["empty/.keep"] = &fstest.MapFile{}
	if got := run("empty").Warnings; got[len(got)-1] != "no file was linted: no Markdown file (*.md, *.markdown) in empty" {
		t.Errorf("warnings %q", got)
	}
}
