package lint

import "github.com/yuin/goldmark/ast"

// What the external tests (package lint_test) need of the linter's insides.
// They live there because they read the built-in configuration, and
// package config imports this one.

// CheckEntry runs every check of the linter's catalogue on an entry that is
// already parsed (or built by hand), with exists answering Pass.Exists, and
// returns the findings as LintSource would.
func (l *Linter) CheckEntry(e *Entry, c *Collection, exists func(string) bool) []Finding {
	return l.alone(l.check(e, c, exists, false))
}

// SetSyntax indexes a syntax tree built by hand as e's body.
func (e *Entry) SetSyntax(doc ast.Node) { e.body = indexSyntax(e, doc) }

// UseFullParse sends every body the linter reads to goldmark, skipping the
// fast scanner.
func (l *Linter) UseFullParse() { l.parser.fullParse = true }
