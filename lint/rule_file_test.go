package lint_test

import (
	"context"
	"encoding/binary"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glasgow-open-data/contentlint/lint"
)

// TestFileRulesInMemory covers the file-* findings on files that cannot
// carry a want comment (testdata/rules/file holds those that can): empty,
// whitespace only, UTF-16, over the size limit, unreadable. Each gets one
// finding, at the start of the file, and nothing else.
func TestFileRulesInMemory(t *testing.T) {
	const entry = "---\ntitle: \"Glasgow Open Data Group\"\n---\n\nAbout the group.\n"
	fsys := fstest.MapFS{
		"empty.md":         {Data: nil},
		"blank.md":         {Data: []byte(" \n\t\r\n  \r\n\n")},
		"bom-only.md":      {Data: []byte("\uFEFF\n")},
		"utf16le.md":       {Data: utf16Bytes(entry, binary.LittleEndian, []byte{0xFF, 0xFE})},
		"utf16be.md":       {Data: utf16Bytes(entry, binary.BigEndian, []byte{0xFE, 0xFF})},
		"huge.md":          {Data: []byte(entry + strings.Repeat("Open data for Glasgow.\n", 3<<20/23))},
		"late-nul.md":      {Data: []byte(entry + "ab\x00c\n")},
		"clean.md":         {Data: []byte(entry)},
		"folder.md/x.txt":  {Data: []byte("a folder named like an entry")},
		"notes/readme.txt": {Data: []byte("not an entry")},
	}
	cat := lint.DefaultCatalogue()
	coll := &lint.Collection{Name: "entries", Include: []string{"**/*.md"}, FrontMatterRequired: true}
	cfg := &lint.Config{Name: "test", Dir: ".", Collections: []*lint.Collection{coll}}
	res, err := lint.Run(context.Background(), lint.Options{FS: fsys, Paths: []string{"."}, Config: cfg, Catalogue: cat, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, fmt.Sprintf("%s:%d:%d: %s [%s]", f.Path, f.Span.Start.Line, f.Span.Start.Column, f.Message, f.Rule.ID))
	}
	want := []string{
		"blank.md:1:1: file contains only whitespace; an entry needs front matter and a Markdown body [file-empty]",
		"bom-only.md:1:1: file contains only whitespace; an entry needs front matter and a Markdown body [file-empty]",
		"empty.md:1:1: file is empty; an entry needs front matter and a Markdown body [file-empty]",
		"huge.md:1:1: file is larger than the 2097152-byte limit; raise --max-file-size if it really is an entry [file-too-large]",
		"late-nul.md:6:3: file contains a NUL byte at offset 61; it looks binary, not Markdown text [file-binary]",
		"utf16be.md:1:1: file is UTF-16 encoded; save it as UTF-8 (without a byte-order mark) [file-encoding]",
		"utf16le.md:1:1: file is UTF-16 encoded; save it as UTF-8 (without a byte-order mark) [file-encoding]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	if res.Files != 8 {
		t.Errorf("linted %d files, want 8", res.Files)
	}

	// Files named explicitly are read whatever they are; one that is not
	// there or not a file is a finding at 1:1.
	l := lint.NewLinter(cat, cfg, fsys, 0)
	for name, msg := range map[string]string{
		"gone.md":   "cannot read the file: file does not exist",
		"folder.md": "cannot read the file: it is a directory, not a regular file",
	} {
		fs := l.LintFile(name, coll)
		if len(fs) != 1 || fs[0].Rule.ID != "file-unreadable" || fs[0].Message != msg || fs[0].Span.Start.Line != 1 || fs[0].Span.Start.Column != 1 {
			t.Errorf("LintFile(%s) = %+v, want one file-unreadable finding at 1:1 saying %q", name, fs, msg)
		}
	}
	// Standard input has the same size limit as files.
	big := strings.NewReader(entry + strings.Repeat("x", 100))
	fs := lint.NewLinter(cat, cfg, nil, int64(len(entry))).LintReader("<stdin>", big, coll)
	if len(fs) != 1 || fs[0].Rule.ID != "file-too-large" || !strings.Contains(fs[0].Message, fmt.Sprintf("the %d-byte limit", len(entry))) {
		t.Errorf("LintReader over the limit = %+v, want one file-too-large finding", fs)
	}
}
