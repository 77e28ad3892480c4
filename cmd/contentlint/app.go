package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/config"
	"github.com/glasgow-open-data/contentlint/lint/infer"
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
			fmt.Fprintf(c.Stderr, "contentlint: %v\n", exit.err)
		}
		return exit.code
	}
	fmt.Fprintf(c.Stderr, "contentlint: %v\n", err)
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
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return usageError("%v", err)
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
		Flags: append(append(configFlags(), walkFlags()...),
			&cli.BoolFlag{Name: "show-source", Usage: "print each finding's source line with an underline (default on a terminal)"},
			&cli.BoolFlag{Name: "no-color", Usage: "never colour the output (NO_COLOR does the same)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print errors only"},
			&cli.StringSliceFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMAT`, or FORMAT=FILE to write it to a file; repeat it to write several reports in one run (default: text): " + formatHelp()},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report of the --format given without =FILE to `FILE` instead of standard output"},
			&cli.StringFlag{Name: "step-summary", Usage: "append a Markdown summary to `FILE` (default: $GITHUB_STEP_SUMMARY, set in GitHub Actions; \"\" for none)"},
			&cli.StringFlag{Name: "fail-on", Usage: "the lowest `LEVEL` that fails the run: error, warning, note or never", Value: "error"},
			&cli.IntFlag{Name: "max-warnings", Usage: "fail the run when there are more than `N` warnings (-1: no limit)", Value: -1},
			&cli.StringFlag{Name: "changed-since", Usage: "report only files added, changed or renamed since the merge base of `REF` and HEAD (and untracked ones) in the current git repository"},
			&cli.BoolFlag{Name: "include-unchanged", Usage: "with --changed-since, report the other files too, after the changed ones in annotations"},
			&cli.StringFlag{Name: "baseline", Usage: "report only findings not recorded in the baseline `FILE` (see contentlint baseline)"},
			&cli.StringFlag{Name: "cpuprofile", Hidden: true, Usage: "write a CPU profile to `FILE`"},
			&cli.StringFlag{Name: "memprofile", Hidden: true, Usage: "write a heap profile to `FILE` at exit"},
			&cli.StringFlag{Name: "sarif-category", Usage: "the SARIF category `ID` (automationDetails.id), so several uploads from one repository do not clash", Value: "contentlint"},
			&cli.StringFlag{Name: "sarif-suppressed", Usage: "`WHAT` to do with findings silenced by contentlint-disable comments in SARIF: include (marked as suppressed) or omit (for GitHub code scanning, which ignores suppressions)", Value: "include"},
		),
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
		Usage:     "infer a starter .contentlint.yaml and JSON Schema from the entries under a folder",
		ArgsUsage: "[FOLDER]  (default: the current folder)",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "config-file", Usage: "write the configuration to `FILE`", Value: ".contentlint.yaml"},
			&cli.StringFlag{Name: "schema-file", Usage: "write the inferred schema to `FILE`, next to the configuration", Value: "contentlint.schema.json"},
			&cli.StringFlag{Name: "name", Usage: "the collection's `NAME` (default: the folder's name)"},
			&cli.BoolFlag{Name: "force", Usage: "overwrite existing files"},
		},
		Action: func(ctx *cli.Context) error {
			if ctx.NArg() > 1 {
				return usageError("init takes at most one folder")
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
			if !ctx.Bool("force") {
				for _, f := range []string{configFile, schemaFile} {
					if _, err := os.Stat(f); err == nil {
						return usageError("%s already exists; use --force to overwrite it", f)
					}
				}
			}
			ws, err := newWorkspace([]string{root})
			if err != nil {
				return failure(err)
			}
			res, err := infer.Infer(ctx.Context, infer.Options{
				FS: osFS{}, Show: ws.show, Root: ws.names[0], ConfigDir: ws.path(configDir),
				Name: ctx.String("name"), SchemaFile: filepath.ToSlash(schemaRel),
			})
			if err != nil {
				return usageError("init: %v", err)
			}
			for _, f := range []struct {
				path string
				data []byte
			}{{schemaFile, res.Schema}, {configFile, res.Config}} {
				if err := os.WriteFile(f.path, f.data, 0o644); err != nil {
					return failure(fmt.Errorf("init: %w", err))
				}
			}
			for _, line := range res.Report {
				fmt.Fprintln(c.Stdout, line)
			}
			fmt.Fprintf(c.Stderr, "wrote %s and %s from %d entries; %d would fail the inferred schema\n", configFile, schemaFile, res.Entries, res.Failing)
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
	res, cat, err := c.runLint(ctx, ws, scope)
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
	if failed, reason := res.Failed(failOn, ctx.Int("max-warnings")); failed {
		return &exitError{code: ExitFindings, err: errorOrNil(reason)}
	}
	return nil
}

// runLint lints the paths the command line names with its configuration
// and walk flags; scope, when set, limits the files linted.
func (c *Command) runLint(ctx *cli.Context, ws *workspace, scope func(string) bool) (*lint.Result, *lint.Catalogue, error) {
	if ctx.Int("jobs") < 1 {
		return nil, nil, usageError("--jobs must be at least 1")
	}
	if ctx.IsSet("max-file-size") && ctx.Int64("max-file-size") < 1 {
		return nil, nil, usageError("--max-file-size must be at least 1 byte")
	}
	cat := lint.DefaultCatalogue()
	cfg, finder, err := c.configs(ctx, cat, ws)
	if err != nil {
		return nil, nil, err
	}
	opts := lint.Options{
		FS: osFS{}, Paths: ws.names, Stdin: c.Stdin, Config: cfg, Catalogue: cat,
		Jobs: ctx.Int("jobs"), MaxFileSize: ctx.Int64("max-file-size"), Name: ws.show, Scope: scope,
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
		opts.Skipped = func(p, reason string) { fmt.Fprintf(c.Stderr, "skipped %s: %s\n", ws.show(p), reason) }
	}
	res, err := lint.Run(ctx.Context, opts)
	if err != nil {
		return nil, nil, failure(err)
	}
	if ctx.Bool("verbose") {
		for _, name := range res.Skipped {
			governing := cfg
			if finder != nil {
				governing, _ = finder.For(ws.path(name))
			}
			fmt.Fprintf(c.Stderr, "skipped %s: no collection in %s includes it\n", name, governing.Name)
		}
	}
	return res, cat, nil
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
		r.Invocation = report.Invocation{
			ToolVersion:      version(),
			SemanticVersion:  semanticVersion(),
			DocsRef:          docsRef(),
			WorkingDirectory: ws.cwd,
			RepoRoot:         repoRoot(ws.cwd),
			Category:         ctx.String("sarif-category"),
			ShowSource:       ctx.Bool("show-source") || toTerminal,
			Color:            toTerminal && !ctx.Bool("no-color") && c.Getenv("NO_COLOR") == "",
			Warn:             c.Stderr,
			Changed:          run.Invocation.Changed,
			LinkBase:         gh.LinkBase(),
			MoreAt:           where,
		}
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
