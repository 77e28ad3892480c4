package lint

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/glasgow-open-data/contentlint/lint/source"
)

// ruleFilenameMismatch reports entries whose file name does not follow
// the collection's filename template.
var ruleFilenameMismatch = &Rule{
	ID:     "filename-mismatch",
	Family: "filename",
	Title:  "File names follow the collection's template",
	Doc: "A collection's `filename:` template, such as `\"{title}\"` or `\"{date}-{title}\"`, says what its entries' " +
		"file names are (without the extension): each `{field}` is the slug of that front matter field (lowercased, " +
		"every run of characters other than letters and digits turned into one hyphen, an apostrophe dropped; a " +
		"value starting with a YYYY-MM-DD date stands for that date), and the rest is literal. A name without accents " +
		"(`cafe-coders` for \"Café Coders\") or that keeps apostrophes as hyphens is accepted too. `index.md` and " +
		"`_index.md` (page bundles) are judged by their folder's name. The finding points at the first field the " +
		"template names and says what to rename the file to; an entry without that field is not checked (the " +
		"schema reports a missing field).",
	Config:      exampleBare + "    filename: \"{title}\"\n",
	ExampleName: "glasgow-open-data-group.md",
	Bad:         "---\ntitle: \"Glasgow Open Data\"\n---\n\nAbout the group.\n",
	Good:        "---\ntitle: \"Glasgow Open Data Group\"\n---\n\nAbout the group.\n",
	Severity:    SeverityError,
	Tags:        []string{"structure"},
}

// filenamePart is a literal piece of a filename template, or a field.
type filenamePart struct {
	literal string
	field   string // a dotted field path, when the part is a placeholder
}

var placeholder = regexp.MustCompile(`\{([^{}]*)\}`)

// parseFilename reads a filename template such as "{date}-{title}".
func parseFilename(t string) ([]filenamePart, error) {
	var parts []filenamePart
	fields := 0
	last := 0
	for _, m := range placeholder.FindAllStringSubmatchIndex(t, -1) {
		if m[0] > last {
			parts = append(parts, filenamePart{literal: t[last:m[0]]})
		}
		f := strings.TrimSpace(t[m[2]:m[3]])
		if f == "" || strings.ContainsAny(f, "*?[]\\") || strings.HasPrefix(f, ".") || strings.HasSuffix(f, ".") || strings.Contains(f, "..") {
			return nil, fmt.Errorf("{%s} is not a field path; write a front matter field such as {title}", t[m[2]:m[3]])
		}
		parts = append(parts, filenamePart{field: f})
		fields++
		last = m[1]
	}
	if last < len(t) {
		parts = append(parts, filenamePart{literal: t[last:]})
	}
	for _, p := range parts {
		if strings.ContainsAny(p.literal, "{}") {
			return nil, fmt.Errorf("%q has an unmatched brace; placeholders are written {field}", t)
		}
		if strings.ContainsAny(p.literal, "/\\") {
			return nil, fmt.Errorf("%q names folders; the template is the file name only, without the extension", t)
		}
	}
	if fields == 0 {
		return nil, fmt.Errorf("%q names no field; write the field the file name follows in braces, such as \"{title}\"", t)
	}
	return parts, nil
}

// ValidFilenameTemplate returns what is wrong with a filename template.
func ValidFilenameTemplate(t string) error {
	_, err := parseFilename(t)
	return err
}

// runFilename checks the entry's file name against its collection's template.
func runFilename(p *Pass) {
	c, e := p.Collection, p.Entry
	if c == nil || c.Filename == "" || IsPseudoPath(e.Path) {
		return
	}
	parts, err := parseFilename(c.Filename)
	if err != nil {
		return // the configuration is validated when it is read
	}
	// Each placeholder has a few accepted spellings; the first is suggested.
	accepted := []string{""}
	first := ""
	for _, part := range parts {
		if part.field == "" {
			for i := range accepted {
				accepted[i] += part.literal
			}
			continue
		}
		ptr := fieldPointer(part.field)
		v, ok := source.Lookup(e.Data, ptr)
		if !ok {
			return
		}
		text, ok := scalarText(v)
		if !ok || strings.TrimSpace(text) == "" {
			return
		}
		if first == "" {
			first = ptr
		}
		var next []string
		for _, a := range accepted {
			for _, s := range slugSpellings(text) {
				next = append(next, a+s)
			}
		}
		accepted = next
	}
	base := path.Base(e.Path)
	name := strings.TrimSuffix(base, path.Ext(base))
	what, rename := "file", accepted[0]+path.Ext(base)
	if (name == "index" || name == "_index") && path.Dir(e.Path) != "." {
		name = path.Base(path.Dir(e.Path))
		what, rename = "folder", accepted[0]
	}
	for _, a := range accepted {
		if a == name {
			return
		}
	}
	shown := base
	if what == "folder" {
		shown = name
	}
	loc := e.Locate(first)
	p.ReportDiagnostic(Diagnostic{Rule: ruleFilenameMismatch, Span: loc.Value, Field: source.FieldPath(e.Data, first),
		Message: fmt.Sprintf("%s name %q does not follow %q, the collection's filename; rename the %s to %q", what, shown, c.Filename, what, rename)})
}

// fieldPointer turns a dotted field path into a JSON pointer.
func fieldPointer(field string) string {
	ptr := ""
	for _, k := range strings.Split(field, ".") {
		ptr = source.Child(ptr, k)
	}
	return ptr
}

var leadingDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}(?:$|[T ]\d)`)

// slugSpellings returns the accepted slugs of a value, the preferred one
// (accents and apostrophes dropped) first.
func slugSpellings(v string) []string {
	v = strings.TrimSpace(v)
	if leadingDate.MatchString(v) {
		return []string{v[:10]}
	}
	var out []string
	for _, ascii := range []bool{true, false} {
		for _, dropApostrophes := range []bool{true, false} {
			s := slugify(v, ascii, dropApostrophes)
			if s != "" && !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	if len(out) == 0 {
		out = append(out, "")
	}
	return out
}

// slugify lowercases v and turns every run of characters other than
// letters and digits into one hyphen; ascii drops accents, and
// dropApostrophes removes apostrophes instead of breaking words at them.
func slugify(v string, ascii, dropApostrophes bool) string {
	if ascii {
		var b strings.Builder
		for _, r := range norm.NFKD.String(v) {
			if !unicode.Is(unicode.Mn, r) {
				b.WriteRune(r)
			}
		}
		v = b.String()
	}
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(v) {
		switch {
		case dropApostrophes && (r == '\'' || r == '’'):
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		default:
			hyphen = true
		}
	}
	return b.String()
}
