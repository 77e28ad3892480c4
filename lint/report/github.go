package report

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/source"
)

// GitHub writes one GitHub Actions workflow command per finding, such as
//
//	::error file=content/a.md,line=4,col=10,endLine=4,endColumn=15,title=schema-type::featured: expected boolean
//
// so that findings show as annotations on the pull request. Notes become
// ::notice. Column properties are left out when a finding spans several
// lines, because GitHub ignores them there.
type GitHub struct{}

// Report writes run as workflow commands.
func (GitHub) Report(w io.Writer, run Run) error {
	bw := bufio.NewWriter(w)
	for _, f := range run.Findings {
		reg := regionOf(f)
		props := []string{
			"file=" + escapeProperty(filepath.ToSlash(f.Path)),
			fmt.Sprintf("line=%d", reg.line),
		}
		if reg.endLine == reg.line {
			props = append(props, fmt.Sprintf("col=%d", reg.col), fmt.Sprintf("endLine=%d", reg.endLine), fmt.Sprintf("endColumn=%d", reg.endCol))
		} else {
			props = append(props, fmt.Sprintf("endLine=%d", reg.endLine))
		}
		props = append(props, "title="+escapeProperty(f.Rule.ID))
		// The runner's log renders escape sequences: a message quoting an
		// entry's text shows its control characters escaped.
		fmt.Fprintf(bw, "::%s %s::%s\n", githubCommand(f.Severity), strings.Join(props, ","), escapeData(visibleMessage(f.Message)))
	}
	return bw.Flush()
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
