package config

import (
	"errors"
	"os"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/source"
)

// FuzzParse reads arbitrary configuration files: never a panic, and every
// error names the file and, when it has one, a position inside it.
func FuzzParse(f *testing.F) {
	f.Add(defaultYAML)
	for _, name := range []string{"../../testdata/directory/.contentlint.yaml"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("collections:\n  - name: x\n    include: [\"**/*.md\"]\n    fields: {url: [website]}\n    rules: {description-length: {severity: warning, options: {max: 3}}}\n"))
	f.Add([]byte("{\"collections\": [{\"name\": \"x\", \"include\": [\"a\"]}]}"))
	cat := lint.DefaultCatalogue()
	f.Fuzz(func(t *testing.T, src []byte) {
		_, err := Parse(nil, "c.yaml", ".", src, cat)
		if err == nil {
			return
		}
		var serr *source.Error
		if errors.As(err, &serr) {
			if serr.Path != "c.yaml" {
				t.Fatalf("error names %q, not the file: %v", serr.Path, err)
			}
			if serr.Line != 0 && (serr.Offset < 0 || serr.Offset+serr.Length > len(src) || serr.Column < 1) {
				t.Fatalf("error position %d:%d (offset %d, length %d) outside the %d-byte file: %v", serr.Line, serr.Column, serr.Offset, serr.Length, len(src), err)
			}
		}
	})
}
