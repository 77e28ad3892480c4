package lint

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/glasgow-open-data/contentlint/lint/source"
)

// Options configure one run of Run.
type Options struct {
	// FS holds the files; Paths are slash-separated paths in it.
	FS fs.FS
	// Paths are files (linted whatever their extension), folders (walked
	// for *.md and *.markdown) and glob patterns; "-" reads one entry from
	// Stdin. No paths means ".".
	Paths []string
	Stdin io.Reader
	// StdinName is the path of FS that an entry read from Stdin stands for;
	// "" means "<stdin>".
	StdinName string
	// Config is the configuration of every file, unless ConfigFor is set.
	Config *Config
	// ConfigFor, when set, gives each file the configuration that governs
	// it (the nearest configuration file, see config.Finder), so that files
	// under different configurations in one run each get their own; Config
	// then serves standard input when StdinName is "". An error stops the
	// run.
	ConfigFor func(path string) (*Config, error)
	// Scope, when set, limits the run to the files it accepts (those a
	// change touched, for --changed-since): the others are walked and
	// counted in Result.OutOfScope, not linted. The checks across entries
	// see what is linted: unique-value and vocabulary-near-miss compare the
	// entries in scope with each other only, while reference-missing and
	// link-anchor read the targets they need from the file system.
	Scope func(path string) bool
	// GitIgnore, when set, skips in folder walks what git ignores.
	GitIgnore *GitIgnore
	// Catalogue is the rule set; nil means DefaultCatalogue().
	Catalogue *Catalogue
	// Jobs is the number of files linted at once; 0 means one per CPU.
	Jobs int
	// MaxFileSize overrides the configuration's file size limit when positive.
	MaxFileSize int64
	// Skipped is told of every file passed over and why; nil ignores them.
	Skipped func(path, reason string)
	// ListLinted fills Result.Linted. A run over hundreds of thousands of
	// files would otherwise keep every name to the end.
	ListLinted bool
	// Name turns a path of FS into the name findings and messages use (the
	// path as the user wrote it); nil uses the path itself.
	Name func(path string) string
	// Online, when set, runs the online audit: every distinct URL, account
	// and mail domain the entries name is checked by it before the entries
	// are linted, and the online rules report its verdicts. Nil never
	// touches the network.
	Online Prober
}

// Result is what a run found.
type Result struct {
	// Findings are sorted by path, line, column, rule and message.
	// Suppressed findings are included and marked.
	Findings []Finding
	Files    int      // files linted
	Skipped  []string // files no collection claims, sorted
	// OutOfScope counts the files Options.Scope left out.
	OutOfScope int
	// Linted are the files linted, named as findings name them, sorted;
	// only when Options.ListLinted is set.
	Linted []string
	// Warnings are problems with the run, not with a file: include globs
	// that cannot work or match no file, a run that linted no file. They
	// read "file:line:col: message" where they have a position.
	Warnings []string
	// Verdicts are the online audit's verdicts for every distinct target;
	// nil when the run was offline.
	Verdicts map[Target]Verdict
}

// Run lints the files opts names with a bounded pool of workers, reading
// each file once and keeping only its findings. Output does not depend on
// the number of workers. An error is a problem running the tool (a path
// that does not exist, a broken walk, a configuration that does not load),
// never a finding.
func Run(ctx context.Context, opts Options) (*Result, error) {
	cat := opts.Catalogue
	if cat == nil {
		cat = DefaultCatalogue()
	}
	name := opts.Name
	if name == nil {
		name = func(p string) string { return p }
	}
	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{"."}
	}
	// What the run keeps per configuration, made when a file of it is
	// first met, by whichever worker meets it.
	var runsMu sync.Mutex
	runs := map[*Config]*configRun{}
	var verdicts map[Target]Verdict
	runFor := func(cfg *Config) *configRun {
		runsMu.Lock()
		defer runsMu.Unlock()
		r := runs[cfg]
		if r == nil {
			l := NewLinter(cat, cfg, opts.FS, opts.MaxFileSize)
			l.online.verdicts = verdicts
			r = &configRun{linter: l, includes: newIncludeTracker(cfg), cross: newCrossRun(cat)}
			runs[cfg] = r
		}
		return r
	}
	linterFor := func(cfg *Config) *Linter { return runFor(cfg).linter }
	configOf := func(p string) (*Config, error) {
		if opts.ConfigFor != nil {
			return opts.ConfigFor(p)
		}
		return opts.Config, nil
	}
	if opts.ConfigFor == nil {
		// Its include globs are checked even when every file is ignored.
		runFor(opts.Config)
	}
	var configErr error // the first configuration that failed to load, read after the walk
	var configErrOnce sync.Once
	var ignored atomic.Int64
	walker := &Walker{FS: opts.FS, Skipped: opts.Skipped, Git: opts.GitIgnore, Ignore: func(p string) bool {
		cfg, err := configOf(p)
		if err != nil {
			configErrOnce.Do(func() { configErr = err })
			return true
		}
		if cfg.Ignored(p) {
			ignored.Add(1)
			return true
		}
		return false
	}}
	if err := walker.Check(paths, name); err != nil {
		return nil, err
	}
	var files []string
	stdin := 0
	// Files named explicitly are linted whatever their extension.
	explicit := map[string]bool{}
	for _, p := range paths {
		if p == "-" {
			stdin++
			continue
		}
		files = append(files, p)
		if info, err := fs.Stat(opts.FS, p); namedFile(info, err, p) {
			explicit[p] = true
		}
	}
	if stdin > 1 {
		return nil, fmt.Errorf("\"-\" is named %d times; standard input can be read once", stdin)
	}
	// A file's configuration and collection: files named explicitly belong
	// to a collection by their path alone, walked files must also have a
	// Markdown name. The configuration loaded without error when the walk
	// let the file through.
	collectionOf := func(p string) (*configRun, *Collection) {
		cfg, _ := configOf(p)
		if explicit[p] {
			return runFor(cfg), cfg.CollectionForFile(p)
		}
		return runFor(cfg), cfg.collectionForWalked(p)
	}
	inScope := func(p string) bool { return opts.Scope == nil || opts.Scope(p) }

	res := &Result{}
	stdinCfg := opts.Config
	if stdin == 1 && opts.ConfigFor != nil && opts.StdinName != "" && !IsPseudoPath(opts.StdinName) {
		var err error
		if stdinCfg, err = opts.ConfigFor(opts.StdinName); err != nil {
			return nil, err
		}
	}
	if opts.Online != nil {
		if stdin == 1 {
			// Both halves of the audit read standard input: keep it.
			opts.Stdin = replay(io.ReadAll(io.LimitReader(opts.Stdin, linterFor(stdinCfg).maxFileSize+1)))
		}
		v, err := probe(ctx, opts, walker, files, stdin == 1, stdinCfg, linterFor, func(p string) (*Linter, *Collection) {
			if !inScope(p) {
				return nil, nil
			}
			r, c := collectionOf(p)
			return r.linter, c
		})
		if err != nil {
			return nil, err
		}
		runsMu.Lock()
		verdicts = v
		for _, r := range runs {
			r.linter.online.verdicts = v
		}
		runsMu.Unlock()
		res.Verdicts = v
	}
	// The configurations whose collections passed files over, for the
	// warning when nothing was linted.
	skippedBy := map[string]bool{}
	if stdin == 1 {
		r := runFor(stdinCfg)
		skipped := len(res.Skipped)
		k := lintStdin(r.linter, opts, stdinCfg, res, &ignored, r.includes)
		if len(res.Skipped) > skipped {
			skippedBy[stdinCfg.Name] = true
		}
		if k != nil {
			r.cross.add(k)
			res.Files++
			if opts.ListLinted {
				res.Linted = append(res.Linted, name(stdinDisplayName(opts)))
			}
		}
		named(res.Findings, name)
	}

	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var outOfScope atomic.Int64
	queue := make(chan string, 64)
	walkErr := make(chan error, 1)
	go func() {
		defer close(queue)
		walkErr <- walker.Walk(ctx, files, func(p string) bool {
			if configErr != nil {
				return false
			}
			if !inScope(p) {
				if r, c := collectionOf(p); c != nil {
					r.includes.note(p)
					outOfScope.Add(1)
				}
				return true
			}
			select {
			case queue <- p:
				return true
			case <-ctx.Done():
				return false
			}
		})
	}()
	type fileResult struct {
		path     string
		findings []Finding
		kept     *keptEntry
		cross    *crossRun
		skipped  string
		config   string // the configuration that passed a skipped file over
	}
	results := make(chan fileResult, 64)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range queue {
				r, c := collectionOf(p)
				r.includes.note(p)
				if c == nil {
					results <- fileResult{skipped: p, config: r.linter.config.Name}
					continue
				}
				findings, k := r.linter.lintFile(p, c)
				results <- fileResult{path: p, findings: findings, kept: k, cross: r.cross}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()
	for r := range results {
		if r.skipped != "" {
			res.Skipped = append(res.Skipped, r.skipped)
			skippedBy[r.config] = true
			continue
		}
		res.Files++
		if opts.ListLinted {
			res.Linted = append(res.Linted, name(r.path))
		}
		res.Findings = append(res.Findings, named(r.findings, name)...)
		r.cross.add(r.kept)
	}
	if err := <-walkErr; err != nil {
		return nil, err
	}
	if configErr != nil {
		return nil, configErr
	}
	res.OutOfScope = int(outOfScope.Load())
	// In the order configurations were first met would depend on the
	// workers: by name.
	cfgs := slices.SortedFunc(maps.Keys(runs), func(a, b *Config) int { return strings.Compare(a.Name, b.Name) })
	// The cross-entry checks finish per configuration: a collection, and
	// the severities its findings take, belong to one.
	for _, cfg := range cfgs {
		r := runs[cfg]
		res.Findings = append(res.Findings, named(r.linter.finish(r.cross, name), name)...)
	}
	for i, s := range res.Skipped {
		res.Skipped[i] = name(s)
	}
	res.Findings = SortFindings(res.Findings)
	slices.Sort(res.Skipped)
	slices.Sort(res.Linted)
	for _, cfg := range cfgs {
		res.Warnings = append(res.Warnings, runs[cfg].includes.warnings(ctx, opts.FS)...)
	}
	if res.Files == 0 && res.OutOfScope == 0 {
		res.Warnings = append(res.Warnings, noFileLinted(res, slices.Sorted(maps.Keys(skippedBy)), ignored.Load(), paths, name))
	}
	return res, nil
}

// stdinEntry names standard input's entry and picks its collection. Named
// by a path, it is what that file would be: the same collection, ignore and
// exclude globs, and relative links checked from its folder, so that an
// editor and CI agree; ok is false when that file is ignored (ignored is
// then set) or in no collection. Unnamed, it is linted whatever it is,
// with the first collection.
func stdinEntry(opts Options, cfg *Config) (name string, coll *Collection, ignored, ok bool) {
	name = opts.StdinName
	if name == "" || IsPseudoPath(name) {
		if name == "" {
			name = "<stdin>"
		}
		coll = cfg.CollectionFor(name)
		if coll == nil && len(cfg.Collections) > 0 {
			coll = cfg.Collections[0]
		}
		return name, coll, false, true
	}
	if cfg.Ignored(name) {
		return name, nil, true, false
	}
	coll = cfg.CollectionForFile(name)
	return name, coll, false, coll != nil
}

// lintStdin lints the entry on standard input; what the cross-entry checks
// keep of it, or nil when it was not linted.
func lintStdin(l *Linter, opts Options, cfg *Config, res *Result, ignored *atomic.Int64, includes *includeTracker) *keptEntry {
	name, coll, isIgnored, ok := stdinEntry(opts, cfg)
	if !IsPseudoPath(name) {
		includes.note(name)
	}
	switch {
	case isIgnored:
		ignored.Add(1)
		if opts.Skipped != nil {
			opts.Skipped(name, "ignored by configuration")
		}
		return nil
	case !ok:
		res.Skipped = append(res.Skipped, name)
		return nil
	}
	findings, k := l.lintReader(name, opts.Stdin, coll)
	res.Findings = findings
	return k
}

// configRun is what a run keeps per configuration: the linter, which
// compiles its schemas and rules once for its files; which of its include
// globs matched a file; and what its checks across entries keep.
type configRun struct {
	linter   *Linter
	includes *includeTracker
	cross    *crossRun
}

// stdinDisplayName is the path standard input is reported under.
func stdinDisplayName(opts Options) string {
	if opts.StdinName == "" {
		return "<stdin>"
	}
	return opts.StdinName
}

// noFileLinted says why a run linted no file; configs names the
// configurations whose collections passed files over.
func noFileLinted(res *Result, configs []string, ignored int64, paths []string, name func(string) string) string {
	var why []string
	if n := len(res.Skipped); n > 0 {
		why = append(why, fmt.Sprintf("%s in no collection of %s (--verbose lists them)", source.Plural(n, "file"), strings.Join(configs, " or ")))
	}
	if ignored > 0 {
		why = append(why, fmt.Sprintf("%s matched the configuration's ignore globs", source.Plural(int(ignored), "file")))
	}
	if len(why) == 0 {
		shown := make([]string, len(paths))
		for i, p := range paths {
			shown[i] = name(p)
			if p == "-" {
				shown[i] = "-"
			}
		}
		why = append(why, "no Markdown file (*.md, *.markdown) in "+strings.Join(shown, ", "))
	}
	return "no file was linted: " + strings.Join(why, "; ")
}

// named gives findings, and the places they relate to, the name of their file.
func named(findings []Finding, name func(string) string) []Finding {
	for i := range findings {
		findings[i].Path = name(findings[i].Path)
		for j := range findings[i].Related {
			findings[i].Related[j].Path = name(findings[i].Related[j].Path)
		}
	}
	return findings
}

// Visible returns the findings a report shows: without those an inline
// comment suppressed unless keepSuppressed (SARIF keeps them, marked), and
// errors only when quiet.
func (r *Result) Visible(quiet, keepSuppressed bool) []Finding {
	out := make([]Finding, 0, len(r.Findings))
	for _, f := range r.Findings {
		if f.Suppressed && !keepSuppressed {
			continue
		}
		if quiet && f.Severity != SeverityError && !f.Suppressed {
			continue
		}
		out = append(out, f)
	}
	return out
}

// Failed says whether the findings fail the run: one unsuppressed finding
// at or above failOn (SeverityOff: never), or more than maxWarnings
// warnings (negative: no limit). The reason is empty when only the first
// holds.
func (r *Result) Failed(failOn Severity, maxWarnings int) (failed bool, reason string) {
	warnings := 0
	for _, f := range r.Findings {
		if f.Suppressed {
			continue
		}
		if f.Severity == SeverityWarning {
			warnings++
		}
		if failOn != SeverityOff && f.Severity >= failOn {
			failed = true
		}
	}
	if maxWarnings >= 0 && warnings > maxWarnings {
		return true, fmt.Sprintf("%s, more than --max-warnings %d", source.Plural(warnings, "warning"), maxWarnings)
	}
	return failed, ""
}
