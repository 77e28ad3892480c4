package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"

	"github.com/glasgow-open-data/contentlint/lint"
)

// JSONVersion is the version of the shape JSON writes. It changes only when a
// field is removed or changes meaning; new fields may appear without a bump.
const JSONVersion = 1

// jsonReport is the document JSON writes.
type jsonReport struct {
	Version  int           `json:"version"`
	Files    int           `json:"files"`
	Findings []jsonFinding `json:"findings"`
	Summary  jsonSummary   `json:"summary"`
}

type jsonFinding struct {
	Path      string `json:"path"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Rule      string `json:"rule"`
	Severity  string `json:"severity"`
	Message   string `json:"message"`
	Field     string `json:"field"`
	// Related is left out when empty, so that the shape of version 1 is unchanged.
	Related []jsonRelated `json:"related,omitempty"`
}

type jsonRelated struct {
	Path      string `json:"path"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Message   string `json:"message"`
}

type jsonSummary struct {
	Errors            int `json:"errors"`
	Warnings          int `json:"warnings"`
	Notes             int `json:"notes"`
	FilesWithFindings int `json:"filesWithFindings"`
}

// JSON writes the run as one JSON document for scripts:
//
//	{
//	  "version": 1,
//	  "files": 12,
//	  "findings": [
//	    {
//	      "path": "content/groups/glasgow-open-data.md",
//	      "line": 4,
//	      "column": 10,
//	      "endLine": 4,
//	      "endColumn": 15,
//	      "rule": "schema-type",
//	      "severity": "error",
//	      "message": "featured: expected boolean, got string \"yes\"",
//	      "field": "featured"
//	    }
//	  ],
//	  "summary": {"errors": 1, "warnings": 0, "notes": 0, "filesWithFindings": 1}
//	}
//
// version is JSONVersion. files counts the files linted. findings is always
// an array (empty on a clean run), sorted by path, line, column and rule.
// Each finding has every key:
//   - path: the file as given on the command line, with forward slashes
//     ("<stdin>" for standard input);
//   - line, column: where the finding starts, 1-based; columns count Unicode
//     code points, not bytes;
//   - endLine, endColumn: where it ends, exclusive, in the same units; equal
//     to line and column when the finding marks a point;
//   - rule: the rule id, as listed by "contentlint rules";
//   - severity: "error", "warning" or "note";
//   - message: one human-readable sentence, possibly with newlines;
//   - field: the front matter field path (such as "social.twitter") the
//     finding is about, or "" when it is about no single field;
//   - related: present only when the finding names other places (the other
//     copies of a duplicate value, the heading a link probably meant): each
//     with path, line, column, endLine, endColumn and message, as above.
//
// summary counts findings by severity and the files with at least one.
type JSON struct{}

// Report writes run as JSON.
func (JSON) Report(w io.Writer, run Run) error {
	doc := jsonReport{
		Version:  JSONVersion,
		Files:    run.Files,
		Findings: make([]jsonFinding, 0, len(run.Findings)),
	}
	for _, f := range run.Findings {
		start, end := pointRange(f.Span)
		var related []jsonRelated
		for _, r := range f.Related {
			rs, re := pointRange(r.Span)
			related = append(related, jsonRelated{Path: filepath.ToSlash(r.Path), Line: rs.Line, Column: rs.Column, EndLine: re.Line, EndColumn: re.Column, Message: r.Message})
		}
		doc.Findings = append(doc.Findings, jsonFinding{
			Related:   related,
			Path:      filepath.ToSlash(f.Path),
			Line:      start.Line,
			Column:    start.Column,
			EndLine:   end.Line,
			EndColumn: end.Column,
			Rule:      f.Rule.ID,
			Severity:  f.Severity.String(),
			Message:   f.Message,
			Field:     f.Field,
		})
	}
	c := Count(run.Findings)
	doc.Summary = jsonSummary{Errors: c.Errors, Warnings: c.Warnings, Notes: c.Notes, FilesWithFindings: c.FilesWithFindings}

	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return bw.Flush()
}

// pointRange returns a span's start and end, an unset or reversed end
// marking a point.
func pointRange(s lint.Span) (start, end lint.Pos) {
	start, end = s.Start, s.End
	if end.Line < start.Line || end.Line == start.Line && end.Column < start.Column {
		end = start
	}
	return start, end
}
