package report

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/source"
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
			// A file name can come from an untrusted pull request too.
			paint(ansiBold, fmt.Sprintf("%s:%d:%d", source.Visible(filepath.FromSlash(f.Path)), f.Span.Start.Line, f.Span.Start.Column)),
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
					fmt.Sprintf("%s:%d:%d", source.Visible(filepath.FromSlash(r.Path)), r.Span.Start.Line, r.Span.Start.Column), oneLine(r.Message))
			}
		}
	}
	return bw.Flush()
}

// writeSource prints the line and a caret under the finding's span,
// counting wide characters as two columns and expanding tabs so the caret
// lines up. The line comes from the file, which may be untrusted: control
// characters, escape sequences and bidirectional controls print escaped
// (source.VisibleRune), and the caret counts the escapes' width.
func writeSource(w io.Writer, f lint.Finding, paint func(string) string) {
	// One cell per column (code point) of the line: what prints, and how wide.
	type cell struct {
		text  string
		width int
	}
	var cells []cell
	src := f.SourceLine
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRuneInString(src[i:])
		switch esc := source.VisibleRune(r, size, src[i]); {
		case esc != "":
			cells = append(cells, cell{esc, len(esc)})
		case r == '\t':
			cells = append(cells, cell{"    ", 4})
		default:
			cells = append(cells, cell{src[i : i+size], runewidth.RuneWidth(r)})
		}
		i += size
	}
	startCol := min(max(f.Span.Start.Column, 1), len(cells)+1)
	endCol := startCol + 1
	if f.Span.End.Line == f.Span.Start.Line && f.Span.End.Column > startCol {
		endCol = min(f.Span.End.Column, len(cells)+1)
	}
	var line strings.Builder
	pad, under := 0, 0
	for i, c := range cells {
		line.WriteString(c.text)
		switch col := i + 1; {
		case col < startCol:
			pad += c.width
		case col < endCol:
			under += c.width
		}
	}
	under = max(1, under)
	fmt.Fprintf(w, "  %s\n  %s%s\n", line.String(), strings.Repeat(" ", pad), paint("^"+strings.Repeat("~", under-1)))
}

// oneLine keeps a message on its line so that output stays one finding
// per line, and prints any control character in it escaped.
func oneLine(s string) string {
	return source.Visible(strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s))
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
