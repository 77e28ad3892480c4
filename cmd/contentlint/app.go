package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/config"
	"github.com/glasgow-open-data/contentlint/lint/infer"
	"github.com/glasgow-open-data/contentlint/lint/online"
	"github.com/glasgow-open-data/contentlint/lint/report"
	"github.com/glasgow-open-data/contentlint/lint/ruledoc"
	"github.com/glasgow-open-data/contentlint/lint/source"
	"github.com/glasgow-open-data/contentlint/schema"
)

// Exit codes: a public contract, listed in the README.
const (
	ExitClean    = 0 // no finding at a failing level
	ExitFindings = 1 // at least one finding at a failing level
	ExitUsage    = 2 // usage, configuration or I/O failure
)

// Command is the CLI over explicit streams, so that tests run it in-process.
type Command struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// Terminal says whether Stdout is a terminal (source lines and colour).
	Terminal bool
	// ErrTerminal says whether Stderr is a terminal (the --online progress bar).
	ErrTerminal bool
	// Network is how --online reaches the network; the zero value is the
	// machine's. Tests point it at local servers.
	Network online.Network
	// UserCacheDir returns the folder --online keeps its cache under
	// (os.UserCacheDir); nil keeps none unless --online-cache names one.
	UserCacheDir func() (string, error)
}

// exitError carries an exit code through urfave/cli; a nil message prints nothing.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}

func usageError(format string, args ...any) error {
	return &exitError{code: ExitUsage, err: fmt.Errorf(format, args...)}
}

// failure is a usage, configuration or I/O failure: exit 2 with its message.
func failure(err error) error { return &exitError{code: ExitUsage, err: err} }

// Main runs the command line args (args[0] is the program name) and returns the exit code.
func (c *Command) Main(args []string) int {
	if c.completeFlagValue(args) {
		return ExitClean
	}
	app := c.app()
	unknown := false
	app.CommandNotFound = func(_ *cli.Context, name string) {
		fmt.Fprintf(c.Stderr, "contentlint: unknown command %q; run \"contentlint --help\"\n", name)
		unknown = true
	}
	err := app.Run(flagsFirst(app, args))
	if unknown {
		return ExitUsage
	}
	if err == nil {
		return ExitClean
	}
	var exit *exitError
	if errors.As(err, &exit) {
		if exit.err != nil {
			fmt.Fprintf(c.Stderr, "contentlint: %s\n", source.Visible(exit.err.Error()))
		}
		return exit.code
	}
	fmt.Fprintf(c.Stderr, "contentlint: %s\n", source.Visible(err.Error()))
	return ExitUsage
}

func (c *Command) app() *cli.App {
	app := &cli.App{
		Name:                 "contentlint",
		Usage:                "lint Markdown content entries: front matter, fields, sections and links",
		Version:              version(),
		Reader:               c.Stdin,
		Writer:               c.Stdout,
		ErrWriter:            c.Stderr,
		HideHelpCommand:      true,
		EnableBashCompletion: true,
		// Exit codes are ours: urfave/cli must never call os.Exit.
		ExitErrHandler: func(*cli.Context, error) {},
		// urfave/cli's own messages ("flag provided but not defined") do
		// not say where the flags are listed.
		OnUsageError: func(ctx *cli.Context, err error, _ bool) error {
			help := "contentlint --help"
			if ctx.Command != nil && ctx.Command.Name != "" && ctx.Command.Name != ctx.App.Name {
				help = "contentlint " + ctx.Command.Name + " --help"
			}
			return usageError("%v; %q lists the flags", err, help)
		},
		Commands: []*cli.Command{c.lintCommand(), c.baselineCommand(), c.rulesCommand(), c.explainCommand(), c.printConfigCommand(), c.initCommand(), c.completionCommand()},
		// --format FORMAT=FILE names files, which may hold commas.
		DisableSliceFlagSeparator: true,
	}
	for _, cmd := range app.Commands {
		cmd.OnUsageError = app.OnUsageError
	}
	return app
}

// flagsFirst moves a command's flags before its paths, so that
// "contentlint lint content --format json" works as people expect; "--"
// still ends the flags.
func flagsFirst(app *cli.App, args []string) []string {
	i := 1
	for i < len(args) && strings.HasPrefix(args[i], "-") && args[i] != "-" {
		i++ // global flags such as --help
	}
	if i >= len(args) {
		return args
	}
	cmd := app.Command(args[i])
	if cmd == nil {
		return args
	}
	takesValue := map[string]bool{}
	for _, f := range cmd.Flags {
		v, ok := f.(interface{ TakesValue() bool })
		for _, name := range f.Names() {
			takesValue[name] = ok && v.TakesValue()
		}
	}
	out := append([]string{}, args[:i+1]...)
	var positional []string
	rest := args[i+1:]
	for j := 0; j < len(rest); j++ {
		a := rest[j]
		switch {
		case a == "--":
			positional = append(positional, rest[j+1:]...)
			j = len(rest)
		case strings.HasPrefix(a, "-") && a != "-":
			out = append(out, a)
			name := strings.TrimLeft(a, "-")
			if !strings.Contains(name, "=") && takesValue[name] && j+1 < len(rest) {
				j++
				out = append(out, rest[j])
			}
		default:
			positional = append(positional, a)
		}
	}
	if len(positional) == 0 {
		return out
	}
	return append(append(out, "--"), positional...)
}

// configFlags choose the configuration, for lint and print-config alike.
func configFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "read the configuration from `FILE` (default: the nearest .contentlint.yaml or contentlint.yaml up to the repository root, else the built-in defaults)"},
		&cli.StringFlag{Name: "schema", Usage: "validate front matter with this JSON Schema `FILE` instead of the configured one"},
	}
}

func (c *Command) lintCommand() *cli.Command {
	return &cli.Command{
		Name:      "lint",
		Usage:     "lint entries: files, folders (walked for *.md and *.markdown) and globs with **",
		ArgsUsage: "[PATH ...]  (- reads one entry from standard input)",
		Flags: append(append(append(configFlags(), walkFlags()...),
			&cli.BoolFlag{Name: "show-source", Usage: "print each finding's source line with an underline (default on a terminal)"},
			&cli.BoolFlag{Name: "no-color", Usage: "never colour the output (NO_COLOR does the same; TERM=dumb turns colour off, FORCE_COLOR on)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print errors only"},
			&cli.StringSliceFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMAT`, or FORMAT=FILE to write it to a file; repeat it to write several reports in one run (default: text): " + formatHelp()},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report of the --format given without =FILE to `FILE` instead of standard output"},
			&cli.StringFlag{Name: "step-summary", Usage: "append a Markdown summary to `FILE` (default: $GITHUB_STEP_SUMMARY, set in GitHub Actions; \"\" for none)"},
			&cli.StringFlag{Name: "fail-on", Usage: "the lowest `LEVEL` that fails the run: error, warning, note or never", Value: "error"},
			&cli.IntFlag{Name: "max-warnings", Usage: "fail the run when there are more than `N` warnings", Value: -1, DefaultText: "no limit"},
			&cli.StringFlag{Name: "changed-since", Usage: "report only files added, changed or renamed since the merge base of `REF` and HEAD (and untracked ones) in the current git repository"},
			&cli.BoolFlag{Name: "include-unchanged", Usage: "with --changed-since, report the other files too, after the changed ones in annotations"},
			&cli.StringFlag{Name: "baseline", Usage: "report only findings not recorded in the baseline `FILE` (see contentlint baseline)"},
			&cli.StringFlag{Name: "cpuprofile", Hidden: true, Usage: "write a CPU profile to `FILE`"},
			&cli.StringFlag{Name: "memprofile", Hidden: true, Usage: "write a heap profile to `FILE` at exit"},
			&cli.StringFlag{Name: "sarif-category", Usage: "the SARIF category `ID` (automationDetails.id), so several uploads from one repository do not clash", Value: "contentlint"},
			&cli.StringFlag{Name: "sarif-suppressed", Usage: "`WHAT` to do with findings silenced by contentlint-disable comments in SARIF: include (marked as suppressed) or omit (for GitHub code scanning, which ignores suppressions)", Value: "include"},
		), onlineFlags()...),
		Action: c.lint,
	}
}

func defaultJobs() int { return runtime.NumCPU() }

// formatHelp lists the registered formats for --format's help.
func formatHelp() string {
	var parts []string
	for _, f := range report.Formats() {
		parts = append(parts, f.Name+" ("+f.Help+")")
	}
	return strings.Join(parts, "; ")
}

// rulesFormats are the formats of "contentlint rules".
var rulesFormats = []string{"text", "json"}

func (c *Command) rulesCommand() *cli.Command {
	return &cli.Command{
		Name:  "rules",
		Usage: "list every rule with its id, family, default severity and title",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "text or json (with each rule's documentation and complete examples)", Value: "text"},
		},
		Action: func(ctx *cli.Context) error {
			cat := lint.DefaultCatalogue()
			switch ctx.String("format") {
			case "text":
				return ruledoc.Text(c.Stdout, cat)
			case "json":
				return ruledoc.JSON(c.Stdout, cat)
			}
			return usageError("unknown --format %q; use text or json", ctx.String("format"))
		},
	}
}

func (c *Command) printConfigCommand() *cli.Command {
	return &cli.Command{
		Name:      "print-config",
		Usage:     "show the effective configuration for one file: its collection, schema, sections, fields and rule severities",
		ArgsUsage: "PATH",
		Flags:     configFlags(),
		Action: func(ctx *cli.Context) error {
			if ctx.NArg() != 1 {
				return usageError("print-config takes one path")
			}
			ws, err := newWorkspace(ctx.Args().Slice())
			if err != nil {
				return failure(err)
			}
			if _, err := fs.Stat(osFS{}, ws.names[0]); err != nil {
				return failure(fmt.Errorf("%s: no such file or directory", ws.given[0]))
			}
			cat := lint.DefaultCatalogue()
			cfg, finder, err := c.configs(ctx, cat, ws)
			if err != nil {
				return err
			}
			if finder != nil {
				if cfg, err = finder.For(ws.names[0]); err != nil {
					return failure(err)
				}
			}
			return config.Print(c.Stdout, cfg, cat, ws.names[0], ws.given[0])
		},
	}
}

func (c *Command) initCommand() *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "infer a starter .contentlint.yaml and JSON Schemas from the entries under a folder",
		ArgsUsage: "[FOLDER]  (default: the current folder)",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "config-file", Usage: "write the configuration to `FILE`", Value: ".contentlint.yaml"},
			&cli.StringFlag{Name: "schema-file", Usage: "write the inferred schema to `FILE`, next to the configuration (with several collections, one per collection: contentlint.NAME.schema.json)", Value: "contentlint.schema.json"},
			&cli.StringFlag{Name: "name", Usage: "the collection's `NAME` when the entries make one (default: the folder's name)"},
			&cli.IntFlag{Name: "required-threshold", Usage: "require a key when it is present and non-empty in at least `PERCENT` of the entries", Value: infer.DefaultRequiredPercent},
			&cli.BoolFlag{Name: "force", Usage: "overwrite existing files"},
		},
		Action: func(ctx *cli.Context) error {
			if ctx.NArg() > 1 {
				return usageError("init takes at most one folder")
			}
			if t := ctx.Int("required-threshold"); t < 1 || t > 100 {
				return usageError("--required-threshold must be a percentage from 1 to 100, not %d", t)
			}
			root := ctx.Args().First()
			if root == "" {
				root = "."
			}
			configFile, schemaFile := ctx.String("config-file"), ctx.String("schema-file")
			configDir := filepath.Dir(configFile)
			schemaRel, err := filepath.Rel(configDir, schemaFile)
			if err != nil {
				return usageError("--schema-file: %v", err)
			}
			ws, err := newWorkspace([]string{root})
			if err != nil {
				return failure(err)
			}
			res, err := infer.Infer(ctx.Context, infer.Options{
				FS: osFS{}, Show: ws.show, Root: ws.names[0], ConfigDir: ws.path(configDir),
				Name: ctx.String("name"), SchemaFile: filepath.ToSlash(schemaRel),
				RequiredPercent: ctx.Int("required-threshold"),
			})
			if err != nil {
				return usageError("init: %v", err)
			}
			writes := []infer.File{{Path: configFile, Data: res.Config}}
			var schemas []string
			for _, s := range res.Schemas {
				p := filepath.Join(configDir, filepath.FromSlash(s.Path))
				writes = append(writes, infer.File{Path: p, Data: s.Data})
				schemas = append(schemas, p)
			}
			if !ctx.Bool("force") {
				for _, f := range writes {
					if _, err := os.Stat(f.Path); err == nil {
						return usageError("%s already exists; use --force to overwrite it", f.Path)
					}
				}
			}
			// The schemas first, the configuration (writes[0]) last, so that
			// a configuration is never left naming a schema not written.
			for i := range writes {
				f := writes[(i+1)%len(writes)]
				if err := os.MkdirAll(filepath.Dir(f.Path), 0o755); err != nil {
					return failure(fmt.Errorf("init: %w", err))
				}
				if err := os.WriteFile(f.Path, f.Data, 0o644); err != nil {
					return failure(fmt.Errorf("init: %w", err))
				}
			}
			for _, line := range res.Report {
				fmt.Fprintln(c.Stdout, line)
			}
			findings := 0
			for _, n := range res.Findings {
				findings += n
			}
			fmt.Fprintf(c.Stderr, "wrote %s and %s from %s; lint with them: %s, %s with errors\n", configFile, strings.Join(schemas, ", "),
				plural(res.Entries, "entry", "entries"), plural(findings, "finding", "findings"), plural(res.Failing, "entry", "entries"))
			return nil
		},
	}
}

func (c *Command) explainCommand() *cli.Command {
	return &cli.Command{
		Name:      "explain",
		Usage:     "explain one rule, with an example that fires it, what contentlint prints, and the fix",
		ArgsUsage: "RULE-ID",
		BashComplete: func(ctx *cli.Context) {
			if ctx.NArg() == 0 {
				for _, r := range lint.DefaultCatalogue().Rules() {
					fmt.Fprintln(c.Stdout, r.ID)
				}
			}
		},
		Action: func(ctx *cli.Context) error {
			if ctx.NArg() != 1 {
				return usageError("explain takes one rule id; \"contentlint rules\" lists them")
			}
			cat := lint.DefaultCatalogue()
			r := cat.Rule(ctx.Args().First())
			if r == nil {
				return usageError("no rule %q; \"contentlint rules\" lists them", ctx.Args().First())
			}
			return ruledoc.Explain(c.Stdout, cat, r)
		},
	}
}

func (c *Command) lint(ctx *cli.Context) error {
	failOn, err := parseFailOn(ctx.String("fail-on"))
	if err != nil {
		return usageError("%v", err)
	}
	if ctx.IsSet("max-warnings") && ctx.Int("max-warnings") < 0 {
		return usageError("--max-warnings must be 0 or more; leave it out for no limit")
	}
	stepSummary := c.Getenv("GITHUB_STEP_SUMMARY")
	if ctx.IsSet("step-summary") {
		stepSummary = ctx.String("step-summary")
	}
	outputs, err := parseOutputs(ctx.StringSlice("format"), ctx.String("output"), stepSummary)
	if err != nil {
		return usageError("%v", err)
	}
	omitSuppressed := false
	switch ctx.String("sarif-suppressed") {
	case "include":
	case "omit":
		omitSuppressed = true
	default:
		return usageError("unknown --sarif-suppressed %q; use include or omit", ctx.String("sarif-suppressed"))
	}
	if ctx.Bool("include-unchanged") && !ctx.IsSet("changed-since") {
		return usageError("--include-unchanged needs --changed-since")
	}
	stop, err := startProfiles(ctx.String("cpuprofile"), ctx.String("memprofile"))
	if err != nil {
		return usageError("%v", err)
	}
	defer stop()
	ws, err := newWorkspace(ctx.Args().Slice())
	if err != nil {
		return failure(err)
	}
	var bf *baselineFile
	if name := ctx.String("baseline"); name != "" {
		if bf, err = readBaseline(ws, name); err != nil {
			return failure(err)
		}
	}
	var changed map[string]bool
	ref := ctx.String("changed-since")
	if ref != "" {
		if changed, err = changedSince(ctx.Context, ws, ref); err != nil {
			return failure(err)
		}
	}
	var scope func(string) bool
	if changed != nil && !ctx.Bool("include-unchanged") {
		scope = func(p string) bool { return changed[p] }
	}
	res, cat, cfg, onlineRun, err := c.runLint(ctx, ws, scope, ctx.String("baseline") != "")
	if err != nil {
		return err
	}
	run := report.Run{Files: res.Files, Catalogue: cat, Unchanged: res.OutOfScope, ChangedSince: ref}
	if bf != nil {
		out := bf.b.Apply(res.Findings, bf.pathOf, bf.linted(res))
		res.Findings, run.Baselined, run.StaleBaseline = out.Findings, out.Baselined, len(out.Stale)
		for _, s := range out.Stale {
			sp := s.Span()
			fmt.Fprintf(c.Stderr, "%s:%d:%d: note: baseline entry no longer occurs: %s; \"contentlint baseline --prune\" drops it\n",
				bf.name, sp.Start.Line, sp.Start.Column, s.Describe())
		}
	}
	if changed != nil {
		run.Invocation.Changed = func(shown string) bool { return changed[ws.path(shown)] }
	}
	if err := c.write(ctx, outputs, omitSuppressed, res, run, ws); err != nil {
		return err
	}
	run.Findings = res.Visible(false, true)
	_ = report.Summarize(c.Stderr, run)
	if onlineRun != nil {
		onlineRun.summary(c.Stderr, ctx.Bool("verbose"))
	}
	if cfg.Name == config.DefaultName {
		suggestInit(c.Stderr, res)
	}
	if failed, reason := res.Failed(failOn, ctx.Int("max-warnings")); failed {
		return &exitError{code: ExitFindings, err: errorOrNil(reason)}
	}
	return nil
}

// runLint lints the paths the command line names with its configuration
// and walk flags (and the online audit, with --online); scope, when set,
// limits the files linted. It returns the configuration that governs the
// working directory, and the online run to summarise. listLinted keeps
// the names of the files linted, which a baseline needs.
func (c *Command) runLint(ctx *cli.Context, ws *workspace, scope func(string) bool, listLinted bool) (*lint.Result, *lint.Catalogue, *lint.Config, *onlineRun, error) {
	if ctx.Int("jobs") < 1 {
		return nil, nil, nil, nil, usageError("--jobs must be at least 1")
	}
	if ctx.IsSet("max-file-size") && ctx.Int64("max-file-size") < 1 {
		return nil, nil, nil, nil, usageError("--max-file-size must be at least 1 byte")
	}
	cat := lint.DefaultCatalogue()
	cfg, finder, err := c.configs(ctx, cat, ws)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	here := cfg
	if finder != nil {
		if here, err = finder.For(ws.path(".")); err != nil {
			return nil, nil, nil, nil, failure(err)
		}
	}
	opts := lint.Options{
		FS: osFS{}, Paths: ws.names, Stdin: c.Stdin, Config: cfg, Catalogue: cat,
		Jobs: ctx.Int("jobs"), MaxFileSize: ctx.Int64("max-file-size"), Name: ws.show, Scope: scope,
		// A baseline's entries are judged only for the files linted; without
		// one, the count is enough.
		ListLinted: listLinted,
	}
	if finder != nil {
		opts.ConfigFor = finder.For
	}
	if !ctx.Bool("no-gitignore") {
		opts.GitIgnore = &lint.GitIgnore{FS: osFS{}, FromOS: func(p string) (string, bool) { return fsPath(p), true }}
	}
	if len(opts.Paths) == 0 {
		opts.Paths = []string{ws.path(".")}
	}
	if name := ctx.String("stdin-filename"); name != "<stdin>" {
		opts.StdinName = ws.path(name)
		ws.given, ws.names = append(ws.given, name), append(ws.names, opts.StdinName)
	}
	if ctx.Bool("verbose") {
		opts.Skipped = func(p, reason string) { fmt.Fprintf(c.Stderr, "skipped %s: %s\n", source.Visible(ws.show(p)), reason) }
	}
	// The online audit's settings are those of the configuration that
	// governs the working directory.
	onlineRun, err := c.startOnline(ctx, here)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	if onlineRun != nil {
		opts.Online = onlineRun.checker
	}
	res, err := lint.Run(ctx.Context, opts)
	if onlineRun != nil {
		onlineRun.stop()
	}
	if err != nil {
		return nil, nil, nil, nil, failure(err)
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(c.Stderr, "contentlint: warning: %s\n", source.Visible(w))
	}
	if ctx.Bool("verbose") {
		for _, name := range res.Skipped {
			governing := cfg
			if finder != nil {
				governing, _ = finder.For(ws.path(name))
			}
			fmt.Fprintf(c.Stderr, "skipped %s: no collection in %s includes it\n", source.Visible(name), governing.Name)
		}
	}
	return res, cat, here, onlineRun, nil
}

// suggestInit points at contentlint init when the built-in configuration,
// made for community-group entries, misses fields or sections it requires
// (or finds fields it does not know) in most files: the entries are
// probably shaped differently, not broken.
func suggestInit(w io.Writer, res *lint.Result) {
	misfits := map[string]bool{}
	for _, f := range res.Findings {
		switch f.Rule.ID {
		case "schema-required", "schema-unknown-field", "section-required":
			misfits[f.Path] = true
		}
	}
	if res.Files >= 2 && 2*len(misfits) > res.Files {
		fmt.Fprintf(w, "%d of %d files lack fields or sections the built-in configuration expects of community-group entries; if yours are shaped differently, run \"contentlint init\" to write a configuration from them\n", len(misfits), res.Files)
	}
}

// errorOrNil makes a message an error, and no message none.
func errorOrNil(msg string) error {
	if msg == "" {
		return nil
	}
	return errors.New(msg)
}

// write writes every report the run asked for: standard output and files.
func (c *Command) write(ctx *cli.Context, outputs []output, omitSuppressed bool, res *lint.Result, run report.Run, ws *workspace) error {
	gh, inActions := report.ReadGitHubContext(c.Getenv, os.ReadFile)
	// Where the findings annotations leave out can be read.
	var moreAt []string
	for _, o := range outputs {
		if o.append && o.format.Name == "markdown" {
			moreAt = append(moreAt, "the job summary")
		}
	}
	for _, o := range outputs {
		switch {
		case o.path != "" && o.format.Name == "sarif" && inActions:
			moreAt = append(moreAt, "code scanning once "+o.path+" is uploaded")
		case o.path != "" && o.format.Name != "github" && !o.append:
			moreAt = append(moreAt, "the report "+o.path)
		}
	}
	moreAt = append(moreAt, "the log of this step")
	where := strings.Join(moreAt[:len(moreAt)-1], ", ")
	if where != "" {
		where += " or "
	}
	where += moreAt[len(moreAt)-1]
	// What every report says of the run; each output sets how it shows it.
	inv := report.Invocation{
		ToolVersion:      version(),
		SemanticVersion:  semanticVersion(),
		DocsRef:          docsRef(),
		WorkingDirectory: ws.cwd,
		RepoRoot:         repoRoot(ws.cwd),
		Category:         ctx.String("sarif-category"),
		Warn:             c.Stderr,
		Changed:          run.Invocation.Changed,
		LinkBase:         gh.LinkBase(),
		MoreAt:           where,
	}
	for _, o := range outputs {
		out := c.Stdout
		var file *os.File
		if o.path != "" {
			f, err := o.open()
			if err != nil {
				return failure(fmt.Errorf("write report: %w", unwrapPathError(err, o.path)))
			}
			file, out = f, f
		}
		toTerminal := c.Terminal && o.path == ""
		r := run
		r.Findings = res.Visible(ctx.Bool("quiet"), o.format.KeepsSuppressed && !(omitSuppressed && o.format.Name == "sarif"))
		r.Invocation = inv
		r.Invocation.ShowSource = ctx.Bool("show-source") || toTerminal
		r.Invocation.Color = colorWanted(c.Terminal, o.path == "", ctx.Bool("no-color"), c.Getenv)
		err := o.format.Reporter.Report(out, r)
		if file != nil {
			if cerr := file.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			return failure(fmt.Errorf("write report: %w", err))
		}
	}
	return nil
}

// colorWanted decides whether text output is coloured: on a terminal,
// unless TERM is "dumb"; anywhere on standard output with FORCE_COLOR set
// (to anything but "0"); never with NO_COLOR set or --no-color, which win.
// A report written to a file is never coloured.
func colorWanted(terminal, stdout, noColorFlag bool, getenv func(string) string) bool {
	switch force := getenv("FORCE_COLOR"); {
	case noColorFlag || getenv("NO_COLOR") != "" || !stdout:
		return false
	case force != "" && force != "0":
		return true
	case getenv("TERM") == "dumb":
		return false
	}
	return terminal
}

// configs returns the configuration: with --config, that file for every
// path (cfg); else a finder that gives each path the nearest
// .contentlint.yaml or contentlint.yaml up to the repository root, else the
// built-in defaults (finder). --schema replaces every collection's schema.
func (c *Command) configs(ctx *cli.Context, cat *lint.Catalogue, ws *workspace) (*lint.Config, *config.Finder, error) {
	fsys := osFS{}
	withSchema := func(cfg *lint.Config) error { return nil }
	if s := ctx.String("schema"); s != "" {
		v, err := schema.Load(fsys, ws.path(s), lint.SchemaOptions())
		if err != nil {
			var serr *source.Error
			if errors.As(err, &serr) {
				serr.Path = s
			}
			return nil, nil, failure(err)
		}
		withSchema = func(cfg *lint.Config) error {
			for _, coll := range cfg.Collections {
				coll.Schema = v
			}
			return nil
		}
	}
	if name := ctx.String("config"); name != "" {
		cfg, err := config.Load(fsys, ws.path(name), name, cat)
		if err != nil {
			return nil, nil, failure(err)
		}
		withSchema(cfg)
		return cfg, nil, nil
	}
	def, err := config.Default(ws.path("."), cat)
	if err != nil {
		return nil, nil, failure(err)
	}
	withSchema(def)
	finder := &config.Finder{FS: fsys, Catalogue: cat, Default: def, Name: ws.show, Adjust: withSchema}
	return def, finder, nil
}

// parseFailOn reads --fail-on; SeverityOff stands for "never".
func parseFailOn(s string) (lint.Severity, error) {
	if s == "never" {
		return lint.SeverityOff, nil
	}
	sev, err := lint.ParseSeverity(s)
	if err != nil || sev == lint.SeverityOff {
		return 0, fmt.Errorf("unknown --fail-on %q; use error, warning, note or never", s)
	}
	return sev, nil
}

// version reports the module version and commit from the build info.
func version() string {
	return buildVersion()
}
