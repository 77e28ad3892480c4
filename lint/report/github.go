package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/source"
)

// GitHub writes GitHub Actions workflow commands that show findings as
// annotations on the pull request, such as
//
//	::error file=content/a.md,line=4,col=10,endLine=4,endColumn=14,title=schema-type::featured: expected boolean
//
// GitHub shows at most 10 error, 10 warning and 10 notice annotations per
// step, and 50 per job (actions/toolkit, docs/problem-matchers.md,
// "Limitations"); the rest are dropped without a word. So the most useful
// come first (errors, then warnings, then notes; within each, files changed
// in the change under review first), at most PerKind of each kind are
// annotated, and when some are left over they are listed as plain log lines
// in a collapsed group followed by one notice that counts them and says
// where to read them. Paths are relative to the repository root, as GitHub
// resolves them, whatever the working directory. endColumn is inclusive
// for GitHub (it defaults to the start column, so a one-character
// annotation has col == endColumn), unlike contentlint's exclusive ends;
// column properties are left out when a finding spans several lines,
// because GitHub accepts them only on one line.
type GitHub struct {
	// PerKind is how many annotations of each kind to emit; default
	// DefaultAnnotationsPerKind.
	PerKind int
}

// DefaultAnnotationsPerKind is GitHub's per-step limit for each kind of
// annotation (error, warning, notice).
const DefaultAnnotationsPerKind = 10

// Report writes run as workflow commands.
func (g GitHub) Report(w io.Writer, run Run) error {
	perKind := cmp.Or(g.PerKind, DefaultAnnotationsPerKind)
	inv := run.Invocation
	order := make([]int, len(run.Findings))
	for i := range order {
		order[i] = i
	}
	changed := func(i int) int {
		if inv.Changed != nil && inv.Changed(run.Findings[i].Path) {
			return 0
		}
		return 1
	}
	slices.SortStableFunc(order, func(a, b int) int {
		fa, fb := run.Findings[a], run.Findings[b]
		return cmp.Or(cmp.Compare(githubRank(fb.Severity), githubRank(fa.Severity)), cmp.Compare(changed(a), changed(b)))
	})
	// Split into what is annotated and what is left over; when anything is
	// left over, one notice is kept back for the count.
	budget := map[string]int{"error": perKind, "warning": perKind, "notice": perKind}
	over := false
	for kind, n := range kinds(run.Findings) {
		if n > budget[kind] {
			over = true
		}
	}
	if over {
		budget["notice"]--
	}
	var shown, rest []int
	for _, i := range order {
		kind := githubCommand(run.Findings[i].Severity)
		if budget[kind] > 0 {
			budget[kind]--
			shown = append(shown, i)
		} else {
			rest = append(rest, i)
		}
	}
	bw := bufio.NewWriter(w)
	for _, i := range shown {
		f := run.Findings[i]
		reg := regionOf(f.Span)
		props := []string{
			"file=" + escapeProperty(repoPath(f.Path, inv.RepoRoot, inv.WorkingDirectory)),
			fmt.Sprintf("line=%d", reg.line),
		}
		if reg.endLine == reg.line {
			props = append(props, fmt.Sprintf("col=%d", reg.col), fmt.Sprintf("endLine=%d", reg.endLine), fmt.Sprintf("endColumn=%d", max(reg.endCol-1, reg.col)))
		} else {
			props = append(props, fmt.Sprintf("endLine=%d", reg.endLine))
		}
		props = append(props, "title="+escapeProperty(f.Rule.ID))
		// The runner's log renders escape sequences: a message quoting an
		// entry's text shows its control characters escaped.
		fmt.Fprintf(bw, "::%s %s::%s\n", githubCommand(f.Severity), strings.Join(props, ","), escapeData(visibleMessage(f.Message)))
	}
	if len(rest) > 0 {
		// Plain lines, not commands: the log keeps every finding.
		fmt.Fprintf(bw, "::group::%s not shown as annotations\n", source.Plural(len(rest), "more finding"))
		for _, i := range rest {
			f := run.Findings[i]
			reg := regionOf(f.Span)
			// As the text report prints them: escape sequences in a name
			// or a quoted value would run in the runner's log.
			fmt.Fprintf(bw, "%s:%d:%d: %s: %s [%s]\n", source.Visible(repoPath(f.Path, inv.RepoRoot, inv.WorkingDirectory)), reg.line, reg.col,
				f.Severity, oneLine(f.Message), f.Rule.ID)
		}
		fmt.Fprintln(bw, "::endgroup::")
		fmt.Fprintf(bw, "::notice title=contentlint::%s\n", escapeData(fmt.Sprintf(
			"%s not shown as annotations: GitHub shows at most %d errors, %d warnings and %d notices per step. Read them all in %s.",
			source.Plural(len(rest), "more finding"), perKind, perKind, perKind, cmp.Or(inv.MoreAt, "the log of this step"))))
	}
	return bw.Flush()
}

// kinds counts the findings by workflow command.
func kinds(fs []lint.Finding) map[string]int {
	n := map[string]int{}
	for _, f := range fs {
		n[githubCommand(f.Severity)]++
	}
	return n
}

// githubRank orders severities for annotation: errors first.
func githubRank(s lint.Severity) int { return int(s) }

// repoPath is p relative to the repository root when it lies inside it,
// else p with forward slashes: the form GitHub resolves annotation and
// link paths in.
func repoPath(p, root, wd string) string {
	if lint.IsPseudoPath(p) {
		return p
	}
	slash, root, wd := filepath.ToSlash(p), filepath.ToSlash(root), filepath.ToSlash(wd)
	abs := slash
	if !isAbsSlash(abs) {
		if wd == "" {
			return slash
		}
		abs = path.Join(wd, abs)
	}
	if rel, ok := relSlash(root, cleanSlash(abs)); ok {
		return rel
	}
	return slash
}

// githubCommand names the workflow command for a severity.
func githubCommand(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return "error"
	case lint.SeverityWarning:
		return "warning"
	}
	return "notice"
}

// escapeData escapes a workflow command's message as the Actions runner
// expects (actions/toolkit, command.ts escapeData).
func escapeData(s string) string { return escapeCommand(s, false) }

// escapeProperty escapes a workflow command's property value
// (actions/toolkit, command.ts escapeProperty).
func escapeProperty(s string) string { return escapeCommand(s, true) }

func escapeCommand(s string, property bool) string {
	var b strings.Builder
	// Bytes, not runes, so that invalid UTF-8 passes through unchanged.
	for i := 0; i < len(s); i++ {
		switch r := s[i]; {
		case r == '%':
			b.WriteString("%25")
		case r == '\r':
			b.WriteString("%0D")
		case r == '\n':
			b.WriteString("%0A")
		case r == ':' && property:
			b.WriteString("%3A")
		case r == ',' && property:
			b.WriteString("%2C")
		default:
			b.WriteByte(r)
		}
	}
	return b.String()
}

// visibleMessage escapes the control characters of a message but its line
// breaks, which the workflow command escapes its own way.
func visibleMessage(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		parts := strings.Split(l, "\r")
		for j, p := range parts {
			parts[j] = source.Visible(p)
		}
		lines[i] = strings.Join(parts, "\r")
	}
	return strings.Join(lines, "\n")
}
