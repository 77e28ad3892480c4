package lint

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sync"

	"github.com/glasgow-open-data/contentlint/schema"
)

// DefaultMaxFileSize is the size above which a file is reported, not parsed.
const DefaultMaxFileSize = 2 << 20

// Linter checks entries. Build one per run: everything compiled (schemas,
// the Markdown parser, the rule set) is shared by all files and workers.
type Linter struct {
	Catalogue  *Catalogue
	Severities Severities
	Parser     *Parser
	// CollectionFor picks the collection for a file; nil means the file is
	// not linted (it is reported as skipped).
	CollectionFor func(path string) *Collection
	// MaxFileSize is the largest file parsed, in bytes; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Jobs is the number of files linted at once; 0 means one per CPU.
	Jobs int
	// SchemaFor loads the schema an entry names with its own "$schema" key,
	// a path relative to the entry; nil ignores such keys.
	SchemaFor func(entryPath, ref string) (*schema.Validator, error)
}

// Severity is rule r's effective severity in collection c: the
// collection's setting for the id, then for the family, then the linter's.
func (l *Linter) Severity(r *Rule, c *Collection) Severity {
	if r == nil {
		return SeverityError
	}
	if c != nil {
		if sev, ok := c.Severities[r.ID]; ok {
			return sev
		}
		if sev, ok := c.Severities[r.Family]; ok {
			return sev
		}
	}
	return l.Severities.For(r)
}

// Result is what a run found.
type Result struct {
	Findings []Finding // sorted
	Files    int       // files linted
	Skipped  []string  // files no collection claims
}

// LintSource checks one file's contents and returns its findings, sorted.
func (l *Linter) LintSource(path string, src []byte, c *Collection) []Finding {
	e := l.Parser.Parse(path, src)
	return l.check(e, c)
}

// check runs every rule on a parsed entry.
func (l *Linter) check(e *Entry, c *Collection) []Finding {
	var out []Finding
	c = l.entrySchema(e, c)
	add := func(d Diagnostic) {
		sev := l.Severity(l.Catalogue.Rule(d.Rule), c)
		if sev == SeverityOff {
			return
		}
		line := ""
		if d.Span.Start.Line >= 1 && d.Span.Start.Line <= e.Lines.Lines() {
			line = string(e.Lines.LineText(d.Span.Start.Line))
		}
		out = append(out, Finding{Path: e.Path, Severity: sev, Diagnostic: d, SourceLine: line})
	}
	for _, d := range e.Problems {
		add(d)
	}
	if !e.Fatal {
		exists := existsNear(e.Path)
		for _, r := range l.Catalogue.Rules() {
			if r.Run == nil {
				continue
			}
			l.runSafely(r, &Pass{Entry: e, Collection: c, Exists: exists, report: add})
		}
		out = l.applySuppressions(e, out, c)
	}
	return SortFindings(out)
}

// entrySchema applies an entry's own "$schema" key: the collection's
// settings with the schema the entry names. A schema that cannot be loaded
// is a finding at the key's value, and the entry is not schema-checked.
func (l *Linter) entrySchema(e *Entry, c *Collection) *Collection {
	ref, ok := e.Data["$schema"].(string)
	if !ok || c == nil || l.SchemaFor == nil {
		return c
	}
	v, err := l.SchemaFor(e.Path, ref)
	if err != nil {
		// The entry meant another schema: checking it against the
		// collection's would only add noise.
		e.problem("schema-ref", e.Locate("/$schema").Value, "$schema", "$schema: %v", err)
	}
	own := *c
	own.Schema = v
	return &own
}

// runSafely runs one rule, turning a panic into an internal-error finding so
// that one bug cannot stop the run.
func (l *Linter) runSafely(r *Rule, p *Pass) {
	defer func() {
		if v := recover(); v != nil {
			p.report(Diagnostic{Rule: "internal-error", Span: p.Entry.Lines.Span(0, 0),
				Message: fmt.Sprintf("rule %s failed: %v; please report this with the file", r.ID, v)})
		}
	}()
	r.run(p)
}

// existsNear answers Pass.Exists for links in the entry at path.
func existsNear(entryPath string) func(string) bool {
	if entryPath == "" || entryPath == "-" {
		return nil
	}
	dir := filepath.Dir(entryPath)
	return func(rel string) bool {
		_, err := os.Stat(filepath.Join(dir, filepath.FromSlash(path.Clean(rel))))
		return err == nil
	}
}

// LintFiles lints files from the channel with a bounded pool of workers,
// reading each file once and keeping only its findings. Output does not
// depend on the number of workers.
func (l *Linter) LintFiles(ctx context.Context, files <-chan string) Result {
	jobs := l.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	type fileResult struct {
		findings []Finding
		skipped  string
	}
	results := make(chan fileResult, jobs)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range files {
				if ctx.Err() != nil {
					continue
				}
				c := l.CollectionFor(name)
				if c == nil {
					results <- fileResult{skipped: name}
					continue
				}
				results <- fileResult{findings: l.LintFile(name, c)}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()
	var res Result
	for r := range results {
		if r.skipped != "" {
			res.Skipped = append(res.Skipped, r.skipped)
			continue
		}
		res.Files++
		res.Findings = append(res.Findings, r.findings...)
	}
	res.Findings = SortFindings(res.Findings)
	slices.Sort(res.Skipped)
	return res
}

// LintFile reads and lints one file; a file that cannot be read is a finding.
func (l *Linter) LintFile(name string, c *Collection) []Finding {
	src, err := l.readFile(name)
	return l.lintRead(name, src, err, c)
}

// LintReader lints one entry read from r (standard input), named name,
// within the same size limit as files.
func (l *Linter) LintReader(name string, r io.Reader, c *Collection) []Finding {
	src, err := l.readLimited(r, 0)
	return l.lintRead(name, src, err, c)
}

func (l *Linter) lintRead(name string, src []byte, err error, c *Collection) []Finding {
	if err != nil {
		var tooLarge *tooLargeError
		rule := "file-unreadable"
		if errors.As(err, &tooLarge) {
			rule = "file-too-large"
		}
		e := &Entry{Path: name, Lines: NewLineIndex(nil), Fatal: true}
		e.problem(rule, e.Lines.Span(0, 0), "", "%v", err)
		return l.check(e, c)
	}
	return l.LintSource(name, src, c)
}

type tooLargeError struct{ size, limit int64 }

func (e *tooLargeError) Error() string {
	return fmt.Sprintf("file is larger than the %d-byte limit; raise --max-file-size if it really is an entry", e.limit)
}

// readFile reads at most the size limit, so a huge file costs no more than that.
func (l *Linter) readFile(name string) ([]byte, error) {
	// Never open anything but a regular file: opening a named pipe would
	// block until something writes to it. The open itself is non-blocking
	// too, for a file swapped for a pipe between the two calls.
	if info, err := os.Stat(name); err != nil {
		return nil, fmt.Errorf("cannot read the file: %w", unwrapPath(err))
	} else if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("cannot read the file: it is a %s, not a regular file", modeName(info.Mode()))
	}
	f, err := os.OpenFile(name, os.O_RDONLY|nonBlocking, 0)
	if err != nil {
		return nil, fmt.Errorf("cannot read the file: %w", unwrapPath(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot read the file: %w", unwrapPath(err))
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("cannot read the file: it is a %s, not a regular file", modeName(info.Mode()))
	}
	if limit := l.sizeLimit(); info.Size() > limit {
		return nil, &tooLargeError{info.Size(), limit}
	}
	return l.readLimited(f, int(info.Size()))
}

func (l *Linter) sizeLimit() int64 {
	if l.MaxFileSize > 0 {
		return l.MaxFileSize
	}
	return DefaultMaxFileSize
}

// readLimited reads at most one byte over the size limit into a buffer
// sized for the expected number of bytes (a file's size; 0 when unknown).
func (l *Linter) readLimited(r io.Reader, expect int) ([]byte, error) {
	limit := l.sizeLimit()
	buf := bytes.NewBuffer(make([]byte, 0, expect+bytes.MinRead))
	_, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	src := buf.Bytes()
	if err != nil {
		return nil, fmt.Errorf("cannot read the file: %w", unwrapPath(err))
	}
	if int64(len(src)) > limit {
		return nil, &tooLargeError{int64(len(src)), limit}
	}
	return src, nil
}

// unwrapPath drops the path from an *fs.PathError: findings name the file already.
func unwrapPath(err error) error {
	var perr *fs.PathError
	if errors.As(err, &perr) {
		return perr.Err
	}
	return err
}

func modeName(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "directory"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "special file"
}
