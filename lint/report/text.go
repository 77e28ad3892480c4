package report

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/glasgow-open-data/contentlint/lint"
)

// Text writes one finding per line, "PATH:LINE:COL: SEVERITY: MESSAGE
// [RULE-ID]", with the source line and an underline when the invocation
// asks for them.
type Text struct{}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
	ansiGreen  = "\x1b[32m"
	ansiDim    = "\x1b[2m"
)

var severityColor = map[lint.Severity]string{lint.SeverityError: ansiRed, lint.SeverityWarning: ansiYellow, lint.SeverityNote: ansiBlue}

// Report writes run as text.
func (Text) Report(w io.Writer, run Run) error {
	opts := run.Invocation
	bw := bufio.NewWriter(w)
	paint := func(code, s string) string {
		if !opts.Color {
			return s
		}
		return code + s + ansiReset
	}
	for _, f := range run.Findings {
		fmt.Fprintf(bw, "%s: %s: %s %s\n",
			// Paths print with the OS separator; SARIF and annotations use "/".
			paint(ansiBold, fmt.Sprintf("%s:%d:%d", filepath.FromSlash(f.Path), f.Span.Start.Line, f.Span.Start.Column)),
			paint(ansiBold+severityColor[f.Severity], f.Severity.String()),
			oneLine(f.Message),
			paint(ansiDim, "["+f.Rule.ID+"]"))
		if opts.ShowSource && f.SourceLine != "" {
			writeSource(bw, f, func(s string) string { return paint(ansiGreen, s) })
		}
		if opts.ShowSource {
			// The places a finding relates to, one a line under it.
			for _, r := range f.Related {
				fmt.Fprintf(bw, "  %s %s: %s\n", paint(ansiDim, "see"),
					fmt.Sprintf("%s:%d:%d", filepath.FromSlash(r.Path), r.Span.Start.Line, r.Span.Start.Column), oneLine(r.Message))
			}
		}
	}
	return bw.Flush()
}

// writeSource prints the line and a caret under the finding's span, counting
// wide characters as two columns and expanding tabs so the caret lines up.
func writeSource(w io.Writer, f lint.Finding, paint func(string) string) {
	line := strings.ReplaceAll(f.SourceLine, "\t", "    ")
	runes := []rune(f.SourceLine)
	startCol := min(max(f.Span.Start.Column, 1), len(runes)+1)
	endCol := startCol + 1
	if f.Span.End.Line == f.Span.Start.Line && f.Span.End.Column > startCol {
		endCol = min(f.Span.End.Column, len(runes)+1)
	}
	pad := width(runes[:startCol-1])
	under := max(1, width(runes[startCol-1:max(startCol-1, endCol-1)]))
	fmt.Fprintf(w, "  %s\n  %s%s\n", line, strings.Repeat(" ", pad), paint("^"+strings.Repeat("~", under-1)))
}

func width(rs []rune) int {
	n := 0
	for _, r := range rs {
		if r == '\t' {
			n += 4
			continue
		}
		n += runewidth.RuneWidth(r)
	}
	return n
}

// oneLine keeps a message on its line so that output stays one finding per line.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}

// Fenced wraps src in a Markdown fenced code block whose fence is longer
// than any run of backticks inside, so examples that contain fences stay
// intact.
func Fenced(src, lang string) string {
	longest, run := 0, 0
	for _, c := range src {
		if c == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", max(3, longest+1))
	return fence + lang + "\n" + strings.TrimRight(src, "\n") + "\n" + fence
}

// Indent prefixes every non-empty line of s.
func Indent(s, prefix string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}
