package report

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/source"
)

// Markdown writes a summary for people in GitHub-flavoured Markdown, made
// for a GitHub Actions job summary ($GITHUB_STEP_SUMMARY) or a pull request
// comment: the counts by severity and by rule, then the findings as a
// table, each linked to its line at Invocation.LinkBase, the first
// MaxRows shown and the rest collapsed. GitHub refuses a step summary over
// 1 MiB ("$GITHUB_STEP_SUMMARY upload aborted, supports content up to a
// size of 1024k"), and drops it whole, so the table stops at MaxBytes and
// says how many rows it left out.
type Markdown struct {
	// MaxRows is how many findings show before the rest are collapsed;
	// default 50.
	MaxRows int
	// MaxBytes bounds the whole summary; default DefaultMarkdownMaxBytes.
	MaxBytes int
}

// DefaultMarkdownMaxBytes keeps a summary well inside GitHub's 1 MiB per
// step, leaving room for what other commands of the step write.
const DefaultMarkdownMaxBytes = 1<<20 - 64<<10

// Report writes run as Markdown.
func (m Markdown) Report(w io.Writer, run Run) error {
	maxRows := cmp.Or(m.MaxRows, 50)
	maxBytes := cmp.Or(m.MaxBytes, DefaultMarkdownMaxBytes)
	inv := run.Invocation
	c := Count(run.Findings)
	var b bytes.Buffer

	title := "contentlint"
	if inv.Category != "" && inv.Category != "contentlint" {
		title += " (" + mdText(inv.Category) + ")"
	}
	status := "✅"
	if c.Errors > 0 {
		status = "❌"
	} else if c.Warnings > 0 {
		status = "⚠️"
	}
	fmt.Fprintf(&b, "### %s %s: %s\n\n", status, title, mdText(SummaryLine(run)))

	visible := c.Total()
	if visible > 0 {
		b.WriteString("| severity | findings |\n| --- | ---: |\n")
		for _, s := range []struct {
			name string
			n    int
		}{{"error", c.Errors}, {"warning", c.Warnings}, {"note", c.Notes}} {
			if s.n > 0 {
				fmt.Fprintf(&b, "| %s | %d |\n", s.name, s.n)
			}
		}
		b.WriteString("\n| rule | severity | findings |\n| --- | --- | ---: |\n")
		for _, r := range ruleCounts(run.Findings) {
			fmt.Fprintf(&b, "| %s | %s | %d |\n", m.ruleLink(r.rule, inv), r.severity, r.n)
		}
		b.WriteString("\n")
	}

	var notes []string
	if run.Baselined > 0 {
		notes = append(notes, fmt.Sprintf("%s hidden by the baseline.", source.Plural(run.Baselined, "known finding")))
	}
	if run.StaleBaseline > 0 {
		if run.StaleBaseline == 1 {
			notes = append(notes, "1 baseline entry no longer occurs: `contentlint baseline --prune` drops it.")
		} else {
			notes = append(notes, fmt.Sprintf("%d baseline entries no longer occur: `contentlint baseline --prune` drops them.", run.StaleBaseline))
		}
	}
	if run.ChangedSince != "" {
		notes = append(notes, fmt.Sprintf("Only files changed since `%s` are reported.", mdCode(ShortRef(run.ChangedSince))))
	}
	if c.Suppressed > 0 {
		notes = append(notes, fmt.Sprintf("%s silenced by contentlint-disable comments.", source.Plural(c.Suppressed, "finding")))
	}
	for _, n := range notes {
		b.WriteString(n + "\n")
	}
	if len(notes) > 0 {
		b.WriteString("\n")
	}
	if visible == 0 {
		_, err := w.Write(b.Bytes())
		return err
	}

	const header = "| file | severity | rule | message |\n| --- | --- | --- | --- |\n"
	b.WriteString(header)
	rows := 0
	collapsed := false
	// Room for the closing lines, whatever they say.
	const closing = 256
	for _, f := range run.Findings {
		if f.Suppressed {
			continue
		}
		if rows == maxRows && !collapsed {
			fmt.Fprintf(&b, "\n<details><summary>%s</summary>\n\n%s", source.Plural(visible-maxRows, "more finding"), header)
			collapsed = true
		}
		row := m.row(f, inv)
		if b.Len()+len(row)+closing > maxBytes {
			break
		}
		b.WriteString(row)
		rows++
	}
	if collapsed {
		b.WriteString("\n</details>\n")
	}
	if left := visible - rows; left > 0 {
		fmt.Fprintf(&b, "\n%s not listed: GitHub limits a job summary to 1 MiB. Every finding is in the log and the SARIF report.\n", source.Plural(left, "more finding"))
	}
	_, err := w.Write(b.Bytes())
	return err
}

// row is one finding as a table row.
func (m Markdown) row(f lint.Finding, inv Invocation) string {
	reg := regionOf(f.Span)
	p := repoPath(f.Path, inv.RepoRoot, inv.WorkingDirectory)
	where := fmt.Sprintf("%s:%d", p, reg.line)
	cell := "`" + mdCode(where) + "`"
	if inv.LinkBase != "" && !lint.IsPseudoPath(f.Path) && !isAbsSlash(p) {
		cell = fmt.Sprintf("[%s](%s%s#L%d)", mdText(where), inv.LinkBase, escapePath(p, false), reg.line)
	}
	return fmt.Sprintf("| %s | %s | %s | %s |\n", cell, f.Severity, m.ruleLink(f.Rule, inv), mdText(f.Message))
}

// ruleLink is a rule id linked to its documentation.
func (Markdown) ruleLink(r *lint.Rule, inv Invocation) string {
	return fmt.Sprintf("[`%s`](%s#%s)", mdCode(r.ID), rulesDocURI(DefaultInformationURI, inv.DocsRef), r.ID)
}

type ruleCount struct {
	rule     *lint.Rule
	severity lint.Severity
	n        int
}

// ruleCounts tallies unsuppressed findings by rule and severity, most
// severe first, then most frequent, then by id.
func ruleCounts(fs []lint.Finding) []ruleCount {
	type key struct {
		rule *lint.Rule
		sev  lint.Severity
	}
	n := map[key]int{}
	for _, f := range fs {
		if !f.Suppressed {
			n[key{f.Rule, f.Severity}]++
		}
	}
	out := make([]ruleCount, 0, len(n))
	for k, v := range n {
		out = append(out, ruleCount{k.rule, k.sev, v})
	}
	slices.SortFunc(out, func(a, b ruleCount) int {
		return cmp.Or(cmp.Compare(b.severity, a.severity), cmp.Compare(b.n, a.n), cmp.Compare(a.rule.ID, b.rule.ID))
	})
	return out
}

// mdText makes text safe in a Markdown table cell: one line, no pipes, and
// no HTML or Markdown markup that could change the page.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		case '|', '\\', '`', '*', '_', '[', ']', '<', '>', '#', '~', '!':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdCode makes text safe inside a code span in a table cell.
func mdCode(s string) string {
	return strings.NewReplacer("`", "'", "|", "\\|", "\n", " ", "\r", " ").Replace(s)
}
