// Package report prints findings. Each format is a pure function of the
// sorted findings, the run's summary and the rule catalogue.
package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/glasgow-open-data/contentlint/lint"
)

// Run is everything a reporter may print.
type Run struct {
	Findings  []lint.Finding // sorted, as the linter returns them
	Files     int            // files linted
	Catalogue *lint.Catalogue
}

// Counts tallies findings by severity.
type Counts struct {
	Errors, Warnings, Notes int
	FilesWithFindings       int
	Suppressed              int // silenced inline; not in the other counts
}

// Unsuppressed returns the findings no inline comment silenced.
func Unsuppressed(findings []lint.Finding) []lint.Finding {
	out := make([]lint.Finding, 0, len(findings))
	for _, f := range findings {
		if !f.Suppressed {
			out = append(out, f)
		}
	}
	return out
}

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
	c := Count(findings)
	var parts []string
	add := func(n int, word string) {
		if n > 0 {
			parts = append(parts, plural(n, word))
		}
	}
	add(c.Errors, "error")
	add(c.Warnings, "warning")
	add(c.Notes, "note")
	suppressed := ""
	if c.Suppressed > 0 {
		suppressed = fmt.Sprintf(" (%d suppressed)", c.Suppressed)
	}
	if len(parts) == 0 {
		_, err := fmt.Fprintf(w, "no problems in %s%s\n", plural(files, "file"), suppressed)
		return err
	}
	_, err := fmt.Fprintf(w, "%s in %d of %s%s\n", strings.Join(parts, ", "), c.FilesWithFindings, plural(files, "file"), suppressed)
	return err
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
