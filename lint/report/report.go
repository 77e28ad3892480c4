// Package report prints findings. Each format is a Reporter, a pure
// function of the sorted findings, the run's summary, the rule catalogue and
// a description of the invocation; the registry below lists them, and the
// command line's --format help, validation and dispatch all come from it.
package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/source"
)

// Run is everything a reporter may print.
type Run struct {
	Findings   []lint.Finding // sorted, as the linter returns them
	Files      int            // files linted
	Catalogue  *lint.Catalogue
	Invocation Invocation
	// Baselined counts the findings a baseline hid (--baseline); they are
	// not in Findings.
	Baselined int
	// StaleBaseline counts the baseline's entries that no longer occur.
	StaleBaseline int
	// Unchanged counts the files left out because they did not change
	// (--changed-since); ChangedSince is that ref, "" without it.
	Unchanged    int
	ChangedSince string
}

// Invocation describes how the tool ran, for the formats that record or
// depend on it. Every field is optional.
type Invocation struct {
	ToolVersion     string // e.g. "v1.2.3 (commit abcdef)"
	SemanticVersion string // e.g. "1.2.3"
	// WorkingDirectory is the absolute directory the tool ran in; relative
	// finding paths are relative to it.
	WorkingDirectory string
	// RepoRoot is the absolute path of the repository root, which SARIF
	// paths are relative to.
	RepoRoot string
	// Category tells SARIF uploads from one repository apart (GitHub's
	// --sarif-category).
	Category string
	// ShowSource prints each finding's source line with an underline (text).
	ShowSource bool
	// Color adds ANSI colours (text; only on a terminal, never with NO_COLOR).
	Color bool
	// Warn receives warnings about the report itself, such as results
	// dropped to stay within a limit; nil discards them.
	Warn io.Writer
	// DocsRef is the git ref whose docs describe this build: a release tag
	// such as "v1.2.3", or "" for main. SARIF helpUris point there.
	DocsRef string
	// Changed reports whether a finding's file changed in the change under
	// review; nil means unknown. Annotations put changed files first.
	Changed func(path string) bool
	// LinkBase is the URL of the repository's files at the commit under
	// review, such as "https://github.com/o/r/blob/0123abc/": the Markdown
	// summary links each finding to LinkBase + path + "#L" + line. "" links
	// nothing.
	LinkBase string
	// MoreAt says where the findings that annotations leave out can be
	// read, such as "the job summary"; "" means the log.
	MoreAt string
}

// Reporter writes a run in one format.
type Reporter interface {
	Report(w io.Writer, run Run) error
}

// Format is one registered output format.
type Format struct {
	Name string // the --format value
	Help string // one line for --help
	// KeepsSuppressed is set for formats that carry suppressed findings,
	// marked as such (SARIF) or counted (Markdown); the others never see them.
	KeepsSuppressed bool
	Reporter        Reporter
}

// formats is the registry: adding a format is its file and one line here.
var formats = []Format{
	{Name: "text", Help: "one finding per line for people: PATH:LINE:COL: SEVERITY: MESSAGE [RULE-ID]", Reporter: Text{}},
	{Name: "json", Help: "one JSON document for scripts", Reporter: JSON{}},
	{Name: "sarif", Help: "SARIF 2.1.0 for GitHub code scanning and other viewers", KeepsSuppressed: true, Reporter: SARIF{}},
	{Name: "github", Help: "GitHub Actions workflow commands: annotations on a pull request, within GitHub's limits", Reporter: GitHub{}},
	{Name: "markdown", Help: "a Markdown summary for a GitHub job summary or a pull request comment", KeepsSuppressed: true, Reporter: Markdown{}},
	{Name: "html", Help: "a self-contained HTML audit report for a browser, with totals, a chart and a filterable table; write it to a file with --output", KeepsSuppressed: true, Reporter: HTML{}},
}

// Formats returns the registered formats, in the order help lists them.
func Formats() []Format { return slices.Clone(formats) }

// Lookup returns the format named name.
func Lookup(name string) (Format, bool) {
	for _, f := range formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// Names returns the registered format names, e.g. for a usage message.
func Names() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.Name
	}
	return names
}

// Counts tallies findings by severity.
type Counts struct {
	Errors, Warnings, Notes int
	FilesWithFindings       int
	Suppressed              int // silenced inline; not in the other counts
}

// Total is the number of findings not suppressed.
func (c Counts) Total() int { return c.Errors + c.Warnings + c.Notes }

// Count tallies the findings of a run.
func Count(findings []lint.Finding) Counts {
	var c Counts
	last := ""
	for _, f := range findings {
		if f.Suppressed {
			c.Suppressed++
			continue
		}
		switch f.Severity {
		case lint.SeverityError:
			c.Errors++
		case lint.SeverityWarning:
			c.Warnings++
		case lint.SeverityNote:
			c.Notes++
		}
		if c.Errors+c.Warnings+c.Notes == 1 || f.Path != last {
			c.FilesWithFindings++
			last = f.Path
		}
	}
	return c
}

// Summary writes the one-line summary people read on stderr:
// "2 errors, 1 warning in 2 of 12 files".
func Summary(w io.Writer, findings []lint.Finding, files int) error {
	return Summarize(w, Run{Findings: findings, Files: files})
}

// Summarize writes run's one-line summary, with what a baseline hid and the
// files --changed-since left out: "1 error in 1 of 3 files (4 baselined)".
func Summarize(w io.Writer, run Run) error {
	_, err := fmt.Fprintln(w, SummaryLine(run))
	return err
}

// SummaryLine is the text of Summarize, without the line break.
func SummaryLine(run Run) string {
	c := Count(run.Findings)
	files := run.Files
	var parts []string
	add := func(n int, word string) {
		if n > 0 {
			parts = append(parts, source.Plural(n, word))
		}
	}
	add(c.Errors, "error")
	add(c.Warnings, "warning")
	add(c.Notes, "note")
	var notes []string
	if c.Suppressed > 0 {
		notes = append(notes, fmt.Sprintf("%d suppressed", c.Suppressed))
	}
	if run.Baselined > 0 {
		notes = append(notes, fmt.Sprintf("%d baselined", run.Baselined))
	}
	if run.Unchanged > 0 {
		notes = append(notes, fmt.Sprintf("%s unchanged since %s not reported", source.Plural(run.Unchanged, "file"), ShortRef(run.ChangedSince)))
	}
	extra := ""
	if len(notes) > 0 {
		extra = " (" + strings.Join(notes, ", ") + ")"
	}
	if len(parts) == 0 {
		return fmt.Sprintf("no problems in %s%s", source.Plural(files, "file"), extra)
	}
	return fmt.Sprintf("%s in %d of %s%s", strings.Join(parts, ", "), c.FilesWithFindings, source.Plural(files, "file"), extra)
}

// ShortRef shortens a full commit hash to 12 digits for people; other refs
// are left as they are.
func ShortRef(ref string) string {
	if len(ref) == 40 && strings.Trim(ref, "0123456789abcdef") == "" {
		return ref[:12]
	}
	return ref
}
