package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
)

func TestJSONGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := (JSON{}).Report(&buf, goldenRun()); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "golden.json", buf.Bytes())
}

// jsonShape is the documented shape of version 1; decoding with
// DisallowUnknownFields catches any key the documentation lacks.
type jsonShape struct {
	Version  *int `json:"version"`
	Files    *int `json:"files"`
	Findings []struct {
		Path      *string `json:"path"`
		Line      *int    `json:"line"`
		Column    *int    `json:"column"`
		EndLine   *int    `json:"endLine"`
		EndColumn *int    `json:"endColumn"`
		Rule      *string `json:"rule"`
		Severity  *string `json:"severity"`
		Message   *string `json:"message"`
		Field     *string `json:"field"`
		// Related is optional: only findings that name other places have it.
		Related []struct {
			Path      *string `json:"path"`
			Line      *int    `json:"line"`
			Column    *int    `json:"column"`
			EndLine   *int    `json:"endLine"`
			EndColumn *int    `json:"endColumn"`
			Message   *string `json:"message"`
		} `json:"related"`
	} `json:"findings"`
	Summary *struct {
		Errors            *int `json:"errors"`
		Warnings          *int `json:"warnings"`
		Notes             *int `json:"notes"`
		FilesWithFindings *int `json:"filesWithFindings"`
	} `json:"summary"`
}

func decodeJSONShape(t *testing.T, run Run) (jsonShape, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := (JSON{}).Report(&buf, run); err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(buf.Bytes()))
	dec.DisallowUnknownFields()
	var got jsonShape
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("output does not match the documented shape: %v\n%s", err, buf.Bytes())
	}
	if dec.More() {
		t.Fatalf("more than one JSON value:\n%s", buf.Bytes())
	}
	return got, buf.Bytes()
}

func TestJSONShape(t *testing.T) {
	run := goldenRun()
	got, doc := decodeJSONShape(t, run)
	if got.Version == nil || *got.Version != 1 {
		t.Errorf("version = %v, want 1", got.Version)
	}
	if got.Files == nil || *got.Files != run.Files {
		t.Errorf("files = %v, want %d", got.Files, run.Files)
	}
	if len(got.Findings) != len(run.Findings) {
		t.Fatalf("%d findings, want %d", len(got.Findings), len(run.Findings))
	}
	for i, f := range got.Findings {
		if f.Path == nil || f.Line == nil || f.Column == nil || f.EndLine == nil || f.EndColumn == nil ||
			f.Rule == nil || f.Severity == nil || f.Message == nil || f.Field == nil {
			t.Fatalf("finding %d lacks a key:\n%s", i, doc)
		}
		want := run.Findings[i]
		if len(f.Related) != len(want.Related) {
			t.Errorf("finding %d has %d related places, want %d", i, len(f.Related), len(want.Related))
		}
		for j, r := range f.Related {
			if r.Path == nil || r.Line == nil || r.Column == nil || r.EndLine == nil || r.EndColumn == nil || r.Message == nil {
				t.Fatalf("finding %d, related %d lacks a key:\n%s", i, j, doc)
			}
			if w := want.Related[j]; *r.Path != w.Path || *r.Line != w.Span.Start.Line || *r.Message != w.Message {
				t.Errorf("finding %d, related %d = %s:%d %s, want %s:%d %s", i, j, *r.Path, *r.Line, *r.Message, w.Path, w.Span.Start.Line, w.Message)
			}
		}
		if *f.Path != want.Path || *f.Line != want.Span.Start.Line || *f.Column != want.Span.Start.Column ||
			*f.Rule != want.Rule.ID || *f.Severity != want.Severity.String() || *f.Message != want.Message || *f.Field != want.Field {
			t.Errorf("finding %d = %s:%d:%d %s %s %q %q, want %+v", i, *f.Path, *f.Line, *f.Column, *f.Rule, *f.Severity, *f.Message, *f.Field, want)
		}
		if *f.EndLine < *f.Line || *f.EndLine == *f.Line && *f.EndColumn < *f.Column {
			t.Errorf("finding %d ends at %d:%d before it starts at %d:%d", i, *f.EndLine, *f.EndColumn, *f.Line, *f.Column)
		}
	}
	s := got.Summary
	if s == nil || s.Errors == nil || s.Warnings == nil || s.Notes == nil || s.FilesWithFindings == nil {
		t.Fatalf("summary lacks a key:\n%s", doc)
	}
	// goldenRun, counted by hand: errors at café:3, café:11 and <stdin>;
	// warnings at café:5, 100%#?.md, b.md and outside.md; notes at café:8,
	// café:9 and ünï.md; six files.
	if *s.Errors != 3 || *s.Warnings != 4 || *s.Notes != 3 || *s.FilesWithFindings != 6 {
		t.Errorf("summary = %d errors, %d warnings, %d notes, %d files, want 3, 4, 3, 6", *s.Errors, *s.Warnings, *s.Notes, *s.FilesWithFindings)
	}
}

func TestJSONEmpty(t *testing.T) {
	got, doc := decodeJSONShape(t, Run{Files: 3})
	if !bytes.Contains(doc, []byte(`"findings": []`)) {
		t.Errorf(`clean run lacks "findings": []:`+"\n%s", doc)
	}
	if *got.Files != 3 || *got.Summary.Errors != 0 || *got.Summary.FilesWithFindings != 0 {
		t.Errorf("clean run: %s", doc)
	}
}

// TestJSONPointSpan: an unset end is reported as the start, not as 0:0.
func TestJSONPointSpan(t *testing.T) {
	f := finding("a.md", lint.SeverityError, rule("r"), 4, 7, 0, 0, "m", "", "")
	got, _ := decodeJSONShape(t, Run{Findings: []lint.Finding{f}, Files: 1})
	if e := got.Findings[0]; *e.EndLine != 4 || *e.EndColumn != 7 {
		t.Errorf("end = %d:%d, want 4:7", *e.EndLine, *e.EndColumn)
	}
}
