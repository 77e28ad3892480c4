package lint

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/glasgow-open-data/contentlint/lint/source"
	"github.com/glasgow-open-data/contentlint/lint/validate"
	"github.com/glasgow-open-data/contentlint/schema"
)

// DefaultMaxFileSize is the size above which a file is reported, not parsed.
const DefaultMaxFileSize = 2 << 20

// Linter checks entries with one configuration. Build one per run with
// NewLinter: everything compiled (schemas, the Markdown parser, the rules)
// is shared by all files and workers.
type Linter struct {
	catalogue *Catalogue
	config    *Config
	// fsys is where files, relative link targets and the schemas entries
	// name are read; nil reads nothing (relative links are not checked).
	fsys        fs.FS
	maxFileSize int64
	parser      *Parser
	schemas     *SchemaCache
	// online holds the online audit's verdicts when Run has a Prober.
	online *onlineRun
	// fieldKinds remember the field kinds of cfg's collections.
	fieldKinds map[*Collection]*fieldKindCache
	vocabulary vocabularyTable // the vocabulary values entries share, numbered
}

// NewLinter returns a linter for cfg over the files of fsys (nil: none).
// maxFileSize overrides the configuration's limit when positive.
func NewLinter(cat *Catalogue, cfg *Config, fsys fs.FS, maxFileSize int64) *Linter {
	if maxFileSize <= 0 {
		maxFileSize = cfg.MaxFileSize
	}
	if maxFileSize <= 0 {
		maxFileSize = DefaultMaxFileSize
	}
	return &Linter{catalogue: cat, config: cfg, fsys: fsys, maxFileSize: maxFileSize, parser: NewParser(), schemas: NewSchemaCache(fsys),
		online: &onlineRun{config: &cfg.Online}, fieldKinds: newFieldKindCaches(cfg)}
}

// SchemaOptions are the compile options every schema gets: the field
// validators registered as formats, so schema authors share our messages.
func SchemaOptions() schema.Options {
	return schema.Options{Formats: validate.Formats}
}

// LintSource checks one file's contents, named name (a path of the linter's
// file system, or a pseudo-name such as "<stdin>" when linkless), and
// returns its findings, sorted.
func (l *Linter) LintSource(name string, src []byte, c *Collection) []Finding {
	return l.alone(l.check(l.parser.Parse(name, src), c, l.existsNear(name), false))
}

// alone finishes the cross-entry checks over a run of one entry.
func (l *Linter) alone(findings []Finding, k *keptEntry) []Finding {
	run := newCrossRun(l.catalogue)
	run.add(k)
	return SortFindings(append(findings, l.finish(run, nil)...))
}

// check runs every check on a parsed entry and keeps what the cross-entry
// checks collect from it; reread says whether the entry is a file that can
// be read again (see Pass.Rereadable).
func (l *Linter) check(e *Entry, c *Collection, exists func(string) bool, reread bool) ([]Finding, *keptEntry) {
	var out []Finding
	var unchecked []Diagnostic
	kinds := l.fieldKinds[c]
	k := &keptEntry{path: e.Path, coll: c}
	c = l.entrySchema(e, c)
	add := func(d Diagnostic) {
		sev := l.config.Severity(d.Rule, c)
		if sev == SeverityOff {
			return
		}
		out = append(out, Finding{Path: e.Path, Severity: sev, Collection: k.collectionName(), Diagnostic: d,
			SourceLine: lineText(e, d.Span.Start.Line), Section: sectionAt(e, d.Span.Start.Offset)})
	}
	for _, d := range e.Problems {
		add(d)
	}
	if !e.Fatal {
		// One pass serves every check in turn: the checks run one by one.
		p := &Pass{Entry: e, Collection: c, Exists: exists, report: add, linter: l,
			online: l.online, unchecked: func(d Diagnostic) { unchecked = append(unchecked, d) }, fieldKinds: kinds}
		for _, ch := range l.catalogue.checks {
			if ch.Run != nil {
				p.check = ch
				l.runSafely(ch, p)
			}
		}
		p.reread = reread
		l.collect(k, p)
		var directives []keptDirective
		if out, directives = l.applySuppressions(e, out, c, unchecked); directives != nil {
			k.more().directives = directives
		}
	}
	return SortFindings(out), k
}

// entrySchema applies an entry's own "$schema" key: the collection's
// settings with the schema the entry names. A schema that cannot be loaded
// is a finding at the key's value, and the entry is not schema-checked.
func (l *Linter) entrySchema(e *Entry, c *Collection) *Collection {
	raw, named := e.Data["$schema"]
	ref, ok := raw.(string)
	if named && !ok && c != nil {
		e.problem(ruleSchemaRef, e.Locate("/$schema").Value, "$schema", "$schema: must be the path of a schema file, as a string, not %s", source.Describe(raw))
	}
	if !ok || c == nil {
		return c
	}
	v, err := l.loadEntrySchema(e.Path, ref)
	if err != nil {
		// The entry meant another schema: checking it against the
		// collection's would only add noise.
		e.problem(ruleSchemaRef, e.Locate("/$schema").Value, "$schema", "$schema: %v", err)
	}
	own := *c
	own.Schema = v
	return &own
}

// loadEntrySchema loads the schema an entry names, relative to the entry;
// like a configured schema, it must stay inside the configuration's folder.
func (l *Linter) loadEntrySchema(entryPath, ref string) (*schema.Validator, error) {
	if strings.Contains(ref, "://") {
		return nil, fmt.Errorf("%q is a URL; only a schema file in the repository may be named", ref)
	}
	if strings.HasPrefix(ref, schema.BuiltinPrefix) {
		return l.schemas.Load(ref)
	}
	if l.fsys == nil || IsPseudoPath(entryPath) {
		return nil, fmt.Errorf("%q cannot be read: the entry is not in a file system", ref)
	}
	p := path.Join(path.Dir(entryPath), ref)
	if strings.HasPrefix(l.config.Rel(p), "../") || path.IsAbs(ref) {
		return nil, fmt.Errorf("%q is outside the repository (the configuration's folder)", ref)
	}
	return l.schemas.Load(p)
}

// failed is the internal-error message of a check that panicked with v.
func (ch *Check) failed(v any) string {
	ids := make([]string, len(ch.Rules))
	for i, r := range ch.Rules {
		ids[i] = r.ID
	}
	return fmt.Sprintf("the check for %s failed: %v; please report this with the file", strings.Join(ids, ", "), v)
}

// runSafely runs one check, turning a panic into an internal-error finding
// so that one bug cannot stop the run.
func (l *Linter) runSafely(ch *Check, p *Pass) {
	defer func() {
		if v := recover(); v != nil {
			p.report(Diagnostic{Rule: ruleInternalError, Span: p.Entry.Lines.Span(0, 0), Message: ch.failed(v)})
		}
	}()
	ch.Run(p)
}

// existsNear answers Pass.Exists for links in the entry at name.
func (l *Linter) existsNear(name string) func(string) bool {
	if l.fsys == nil || IsPseudoPath(name) {
		return nil
	}
	dir := path.Dir(name)
	return func(rel string) bool {
		p := path.Join(dir, rel)
		if !fs.ValidPath(p) {
			return false
		}
		_, err := fs.Stat(l.fsys, p)
		return err == nil
	}
}

// IsPseudoPath reports whether name names no file, like "<stdin>" or "-".
func IsPseudoPath(name string) bool {
	return name == "" || name == "-" || strings.HasPrefix(name, "<") && strings.HasSuffix(name, ">")
}

// LintFile reads and lints one file of the linter's file system; a file
// that cannot be read is a finding.
func (l *Linter) LintFile(name string, c *Collection) []Finding {
	return l.alone(l.lintFile(name, c))
}

// lintFile is LintFile without the cross-entry checks' finish.
func (l *Linter) lintFile(name string, c *Collection) ([]Finding, *keptEntry) {
	src, err := l.readFile(name)
	return l.lintRead(name, src, err, c, l.existsNear(name), true)
}

// LintReader lints one entry read from r (standard input), named name,
// within the same size limit as files. When name is a path of the linter's
// file system, relative links are checked from its folder, as for the file
// it stands for; a pseudo-name such as "<stdin>" checks none.
func (l *Linter) LintReader(name string, r io.Reader, c *Collection) []Finding {
	return l.alone(l.lintReader(name, r, c))
}

// lintReader is LintReader without the cross-entry checks' finish.
func (l *Linter) lintReader(name string, r io.Reader, c *Collection) ([]Finding, *keptEntry) {
	src, err := l.readLimited(r, 0)
	return l.lintRead(name, src, err, c, l.existsNear(name), false)
}

func (l *Linter) lintRead(name string, src []byte, err error, c *Collection, exists func(string) bool, reread bool) ([]Finding, *keptEntry) {
	if err != nil {
		rule := ruleFileUnreadable
		var tooLarge *tooLargeError
		if errors.As(err, &tooLarge) {
			rule = ruleFileTooLarge
		}
		e := &Entry{Path: name, Lines: source.NewLineIndex(nil), Fatal: true}
		e.problem(rule, e.Lines.Span(0, 0), "", "%v", err)
		return l.check(e, c, nil, false)
	}
	return l.check(l.parser.Parse(name, src), c, exists, reread)
}

type tooLargeError struct{ size, limit int64 }

func (e *tooLargeError) Error() string {
	return fmt.Sprintf("file is larger than the %d-byte limit; raise --max-file-size if it really is an entry", e.limit)
}

// readFile reads at most the size limit, so a huge file costs no more than that.
func (l *Linter) readFile(name string) ([]byte, error) {
	if l.fsys == nil {
		return nil, errors.New("cannot read the file: no file system to read it from")
	}
	// Never open anything but a regular file: opening a named pipe would
	// block until something writes to it.
	if info, err := fs.Stat(l.fsys, name); err != nil {
		return nil, fmt.Errorf("cannot read the file: %w", unwrapPath(err))
	} else if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("cannot read the file: it is a %s, not a regular file", modeName(info.Mode()))
	}
	f, err := l.fsys.Open(name)
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
	if info.Size() > l.maxFileSize {
		return nil, &tooLargeError{info.Size(), l.maxFileSize}
	}
	return l.readLimited(f, int(info.Size()))
}

// readLimited reads at most one byte over the size limit into a buffer
// sized for the expected number of bytes (a file's size; 0 when unknown).
func (l *Linter) readLimited(r io.Reader, expect int) ([]byte, error) {
	limit := l.maxFileSize
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

// SchemaCache compiles each schema once per run, for every worker.
type SchemaCache struct {
	fsys fs.FS
	mu   sync.Mutex
	byID map[string]*cachedSchema
}

type cachedSchema struct {
	once sync.Once
	v    *schema.Validator
	err  error
}

// NewSchemaCache returns a cache that reads schema files from fsys.
func NewSchemaCache(fsys fs.FS) *SchemaCache {
	return &SchemaCache{fsys: fsys, byID: map[string]*cachedSchema{}}
}

// Load compiles the schema at name (a builtin: name or a path of the
// file system) the first time it is asked for.
func (s *SchemaCache) Load(name string) (*schema.Validator, error) {
	s.mu.Lock()
	cs := s.byID[name]
	if cs == nil {
		cs = &cachedSchema{}
		s.byID[name] = cs
	}
	s.mu.Unlock()
	cs.once.Do(func() { cs.v, cs.err = schema.Load(s.fsys, name, SchemaOptions()) })
	return cs.v, cs.err
}
