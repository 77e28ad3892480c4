package lint

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"slices"
	"sync"
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
	Config    *Config
	// Catalogue is the rule set; nil means DefaultCatalogue().
	Catalogue *Catalogue
	// Jobs is the number of files linted at once; 0 means one per CPU.
	Jobs int
	// MaxFileSize overrides the configuration's file size limit when positive.
	MaxFileSize int64
	// Skipped is told of every file passed over and why; nil ignores them.
	Skipped func(path, reason string)
	// Name turns a path of FS into the name findings and messages use (the
	// path as the user wrote it); nil uses the path itself.
	Name func(path string) string
}

// Result is what a run found.
type Result struct {
	// Findings are sorted by path, line, column, rule and message.
	// Suppressed findings are included and marked.
	Findings []Finding
	Files    int      // files linted
	Skipped  []string // files no collection claims, sorted
}

// Run lints the files opts names with a bounded pool of workers, reading
// each file once and keeping only its findings. Output does not depend on
// the number of workers. An error is a problem running the tool (a path
// that does not exist, a broken walk), never a finding.
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
	l := NewLinter(cat, opts.Config, opts.FS, opts.MaxFileSize)
	walker := &Walker{FS: opts.FS, Ignore: opts.Config.Ignored, Skipped: opts.Skipped}
	if err := walker.Check(paths, name); err != nil {
		return nil, err
	}
	var files []string
	stdin := 0
	for _, p := range paths {
		if p == "-" {
			stdin++
			continue
		}
		files = append(files, p)
	}
	if stdin > 1 {
		return nil, fmt.Errorf("\"-\" is named %d times; standard input can be read once", stdin)
	}

	res := &Result{}
	cross := newCrossRun(cat) // what the cross-entry checks keep of each entry
	if stdin == 1 {
		// Standard input is linted whatever its name: fall back to the first collection.
		stdinName := opts.StdinName
		if stdinName == "" {
			stdinName = "<stdin>"
		}
		coll := opts.Config.CollectionFor(stdinName)
		if coll == nil && len(opts.Config.Collections) > 0 {
			coll = opts.Config.Collections[0]
		}
		findings, k := l.lintReader(stdinName, opts.Stdin, coll)
		res.Findings = named(findings, name)
		res.Files++
		cross.add(k)
	}

	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	queue := make(chan string, 64)
	walkErr := make(chan error, 1)
	go func() {
		defer close(queue)
		walkErr <- walker.Walk(ctx, files, func(p string) bool {
			select {
			case queue <- p:
				return true
			case <-ctx.Done():
				return false
			}
		})
	}()
	type fileResult struct {
		findings []Finding
		kept     *keptEntry
		skipped  string
	}
	results := make(chan fileResult, jobs)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range queue {
				c := opts.Config.CollectionFor(p)
				if c == nil {
					results <- fileResult{skipped: p}
					continue
				}
				findings, k := l.lintFile(p, c)
				results <- fileResult{findings: findings, kept: k}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()
	for r := range results {
		if r.skipped != "" {
			res.Skipped = append(res.Skipped, r.skipped)
			continue
		}
		res.Files++
		res.Findings = append(res.Findings, named(r.findings, name)...)
		cross.add(r.kept)
	}
	if err := <-walkErr; err != nil {
		return nil, err
	}
	res.Findings = append(res.Findings, named(l.finish(cross, name), name)...)
	for i, s := range res.Skipped {
		res.Skipped[i] = name(s)
	}
	res.Findings = SortFindings(res.Findings)
	slices.Sort(res.Skipped)
	return res, nil
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
		return true, fmt.Sprintf("%d warnings, more than --max-warnings %d", warnings, maxWarnings)
	}
	return failed, ""
}
