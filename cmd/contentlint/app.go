package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"github.com/urfave/cli/v2"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/config"
	"github.com/glasgow-open-data/contentlint/lint/infer"
	"github.com/glasgow-open-data/contentlint/lint/report"
	"github.com/glasgow-open-data/contentlint/schema"
)

// Exit codes.
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

// Main runs the command line args (args[0] is the program name) and returns the exit code.
func (c *Command) Main(args []string) int {
	app := c.app()
	unknown := false
	app.CommandNotFound = func(_ *cli.Context, name string) {
		fmt.Fprintf(c.Stderr, "contentlint: unknown command %q; run \"contentlint --help\"\n", name)
		unknown = true
	}
	err := app.Run(args)
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
		Commands: []*cli.Command{c.lintCommand(), c.rulesCommand(), c.explainCommand(), c.printConfigCommand(), c.initCommand(), c.completionCommand(), c.manCommand()},
	}
	for _, cmd := range app.Commands {
		cmd.OnUsageError = app.OnUsageError
	}
	return app
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
		Flags: append(configFlags(),
			&cli.StringFlag{Name: "stdin-filename", Usage: "the `PATH` to report for an entry read from standard input", Value: "<stdin>"},
			&cli.BoolFlag{Name: "show-source", Usage: "print each finding's source line with an underline (default on a terminal)"},
			&cli.BoolFlag{Name: "no-color", Usage: "never colour the output (NO_COLOR does the same)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print errors only"},
			// Machine-dependent defaults show as text, so that help and the
			// generated man page are the same on every machine.
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "lint `N` files at once", Value: runtime.NumCPU(), DefaultText: "the number of CPUs"},
			&cli.Int64Flag{Name: "max-file-size", Usage: "report files over `BYTES` instead of parsing them", DefaultText: "the configuration's max-file-size, else 2 MiB"},
			&cli.BoolFlag{Name: "verbose", Usage: "list skipped files on standard error"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMAT`: text, json, sarif or github", Value: "text"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` instead of standard output"},
			&cli.StringFlag{Name: "fail-on", Usage: "the lowest `LEVEL` that fails the run: error, warning, note or never", Value: "error"},
			&cli.IntFlag{Name: "max-warnings", Usage: "fail the run when there are more than `N` warnings (-1: no limit)", Value: -1},
			&cli.StringFlag{Name: "cpuprofile", Hidden: true, Usage: "write a CPU profile to `FILE`"},
			&cli.StringFlag{Name: "memprofile", Hidden: true, Usage: "write a heap profile to `FILE` at exit"},
			&cli.StringFlag{Name: "sarif-category", Usage: "the SARIF category `ID` (automationDetails.id), so several uploads from one repository do not clash", Value: "contentlint"},
		),
		Action: c.lint,
	}
}

func (c *Command) rulesCommand() *cli.Command {
	return &cli.Command{
		Name:  "rules",
		Usage: "list every rule with its id, family, default severity and title",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "text or json", Value: "text"},
		},
		Action: func(ctx *cli.Context) error {
			cat := lint.DefaultCatalogue()
			switch ctx.String("format") {
			case "text":
				return report.RulesText(c.Stdout, cat)
			case "json":
				return report.RulesJSON(c.Stdout, cat)
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
			cat := lint.DefaultCatalogue()
			cfg, err := c.loadConfig(ctx, cat)
			if err != nil {
				return err
			}
			return config.Print(c.Stdout, cfg, cat, ctx.Args().First())
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
			res, err := infer.Infer(ctx.Context, infer.Options{Root: root, Name: ctx.String("name"), SchemaFile: filepath.ToSlash(schemaRel), ConfigDir: configDir})
			if err != nil {
				return usageError("init: %v", err)
			}
			for _, f := range []struct {
				path string
				data []byte
			}{{schemaFile, res.Schema}, {configFile, res.Config}} {
				if err := os.WriteFile(f.path, f.data, 0o644); err != nil {
					return &exitError{code: ExitUsage, err: fmt.Errorf("init: %w", err)}
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
		Usage:     "explain one rule, with an example that fires it and its fix",
		ArgsUsage: "RULE-ID",
		Action: func(ctx *cli.Context) error {
			if ctx.NArg() != 1 {
				return usageError("explain takes one rule id; \"contentlint rules\" lists them")
			}
			r := lint.DefaultCatalogue().Rule(ctx.Args().First())
			if r == nil {
				return usageError("no rule %q; \"contentlint rules\" lists them", ctx.Args().First())
			}
			return report.ExplainText(c.Stdout, r)
		},
	}
}

func (c *Command) lint(ctx *cli.Context) error {
	if ctx.Int("jobs") < 1 {
		return usageError("--jobs must be at least 1")
	}
	if _, err := parseFailOn(ctx.String("fail-on")); err != nil {
		return usageError("%v", err)
	}
	if ctx.IsSet("max-file-size") && ctx.Int64("max-file-size") < 1 {
		return usageError("--max-file-size must be at least 1 byte")
	}
	switch ctx.String("format") {
	case "text", "json", "sarif", "github":
	default:
		return usageError("unknown --format %q; use text, json, sarif or github", ctx.String("format"))
	}
	stop, err := startProfiles(ctx.String("cpuprofile"), ctx.String("memprofile"))
	if err != nil {
		return usageError("%v", err)
	}
	defer stop()
	cat := lint.DefaultCatalogue()
	cfg, err := c.loadConfig(ctx, cat)
	if err != nil {
		return err
	}
	l := cfg.Linter(cat, ctx.Int("jobs"), ctx.Int64("max-file-size"))
	args := ctx.Args().Slice()
	if len(args) == 0 {
		args = []string{"."}
	}
	verbose := ctx.Bool("verbose")
	walker := &lint.Walker{Ignore: cfg.Ignored}
	if verbose {
		walker.Skipped = func(path, reason string) { fmt.Fprintf(c.Stderr, "skipped %s: %s\n", path, reason) }
	}
	if err := walker.Check(args); err != nil {
		return usageError("%v", err)
	}

	var fromStdin []lint.Finding
	readStdin := false
	files := make([]string, 0, len(args))
	for _, a := range args {
		if a != "-" {
			files = append(files, a)
			continue
		}
		// Standard input is linted whatever its name: fall back to the first collection.
		name := ctx.String("stdin-filename")
		coll := l.CollectionFor(name)
		if coll == nil {
			coll = cfg.Collections[0].Collection
		}
		fromStdin, readStdin = l.LintReader(name, c.Stdin, coll), true
	}
	queue := make(chan string, 64)
	walkErr := make(chan error, 1)
	go func() {
		defer close(queue)
		walkErr <- walker.Walk(context.Background(), files, func(name string) bool { queue <- name; return true })
	}()
	res := l.LintFiles(context.Background(), queue)
	if err := <-walkErr; err != nil {
		return &exitError{code: ExitUsage, err: err}
	}
	if verbose {
		for _, name := range res.Skipped {
			fmt.Fprintf(c.Stderr, "skipped %s: no collection in %s includes it\n", name, cfg.Path)
		}
	}
	if readStdin {
		res.Files++
		res.Findings = lint.SortFindings(append(res.Findings, fromStdin...))
	}
	return c.report(ctx, res, cat)
}

// loadConfig finds and loads the configuration: --config, else the nearest
// .contentlint.yaml or contentlint.yaml up to the repository root, else the
// built-in defaults. --schema replaces every collection's schema.
func (c *Command) loadConfig(ctx *cli.Context, cat *lint.Catalogue) (*config.Config, error) {
	path := ctx.String("config")
	if path == "" {
		found, err := config.Find(".")
		if err != nil {
			return nil, &exitError{code: ExitUsage, err: err}
		}
		path = found
	}
	var cfg *config.Config
	var err error
	if path == "" {
		wd, _ := os.Getwd()
		cfg, err = config.Default(wd, cat)
	} else {
		cfg, err = config.Load(path, cat)
	}
	if err != nil {
		return nil, &exitError{code: ExitUsage, err: err}
	}
	if name := ctx.String("schema"); name != "" {
		v, err := schema.Load(name, lint.SchemaOptions())
		if err != nil {
			return nil, &exitError{code: ExitUsage, err: err}
		}
		for _, coll := range cfg.Collections {
			coll.Schema = v
		}
	}
	return cfg, nil
}

func (c *Command) report(ctx *cli.Context, res lint.Result, cat *lint.Catalogue) error {
	shown := report.Unsuppressed(res.Findings)
	if ctx.String("format") == "sarif" {
		// SARIF keeps suppressed findings, marked as such.
		shown = res.Findings
	}
	if ctx.Bool("quiet") {
		all := shown
		shown = shown[:0:0]
		for _, f := range all {
			if f.Severity == lint.SeverityError || f.Suppressed {
				shown = append(shown, f)
			}
		}
	}
	out := c.Stdout
	toFile := ctx.String("output")
	var file *os.File
	if toFile != "" {
		f, err := os.Create(toFile)
		if err != nil {
			return &exitError{code: ExitUsage, err: fmt.Errorf("write report: %w", unwrapPathError(err, toFile))}
		}
		file, out = f, f
	}
	run := report.Run{Findings: shown, Files: res.Files, Catalogue: cat}
	var err error
	switch ctx.String("format") {
	case "json":
		err = report.JSON(out, run)
	case "github":
		err = report.GitHub(out, run)
	case "sarif":
		wd, _ := os.Getwd()
		err = report.SARIF(out, run, report.SARIFOptions{
			ToolVersion:         version(),
			SemanticVersion:     semanticVersion(),
			Category:            ctx.String("sarif-category"),
			WorkingDirectory:    wd,
			RepoRoot:            repoRoot(wd),
			ExecutionSuccessful: true,
			Warn:                c.Stderr,
			Suppressed:          func(f lint.Finding) (bool, string) { return f.Suppressed, f.Justification },
		})
	default:
		color := c.Terminal && toFile == "" && !ctx.Bool("no-color") && c.Getenv("NO_COLOR") == ""
		showSource := ctx.Bool("show-source") || (c.Terminal && toFile == "")
		err = report.Text(out, run, report.TextOptions{ShowSource: showSource, Color: color})
	}
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return &exitError{code: ExitUsage, err: fmt.Errorf("write report: %w", err)}
	}
	_ = report.Summary(c.Stderr, res.Findings, res.Files)
	failOn, _ := parseFailOn(ctx.String("fail-on"))
	return outcome(res.Findings, failOn, ctx.Int("max-warnings"))
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

// outcome maps findings to the exit code: 1 when one is at or above the
// failing level, or when warnings exceed --max-warnings.
func outcome(findings []lint.Finding, failOn lint.Severity, maxWarnings int) error {
	warnings := 0
	failed := false
	for _, f := range findings {
		if f.Suppressed {
			continue
		}
		if f.Severity == lint.SeverityWarning {
			warnings++
		}
		if failOn != lint.SeverityOff && f.Severity >= failOn {
			failed = true
		}
	}
	if maxWarnings >= 0 && warnings > maxWarnings {
		return &exitError{code: ExitFindings, err: fmt.Errorf("%d warnings, more than --max-warnings %d", warnings, maxWarnings)}
	}
	if failed {
		return &exitError{code: ExitFindings}
	}
	return nil
}

// version reports the module version and commit from the build info.
func version() string {
	return buildVersion()
}
