package lint

// What the external tests (package lint_test) need of the linter's insides.
// They live there because they read the built-in configuration, and
// package config imports this one.

// CheckEntry runs every check of the linter's catalogue on an entry that is
// already parsed (or built by hand), with exists answering Pass.Exists, and
// returns the findings as LintSource would.
func (l *Linter) CheckEntry(e *Entry, c *Collection, exists func(string) bool) []Finding {
	return l.alone(l.check(e, c, exists, false))
}
