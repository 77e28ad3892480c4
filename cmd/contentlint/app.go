package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"

	"github.com/urfave/cli/v2"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/report"
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
		Commands: []*cli.Command{c.lintCommand()},
	}
	for _, cmd := range app.Commands {
		cmd.OnUsageError = app.OnUsageError
	}
	return app
}

func (c *Command) lintCommand() *cli.Command {
	return &cli.Command{
		Name:      "lint",
		Usage:     "lint entries: files, folders (walked for *.md and *.markdown) and globs with **",
		ArgsUsage: "[PATH ...]  (- reads one entry from standard input)",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "schema", Usage: "validate front matter with this JSON Schema `FILE` instead of the built-in one"},
			&cli.StringFlag{Name: "stdin-filename", Usage: "the `PATH` to report for an entry read from standard input", Value: "<stdin>"},
			&cli.BoolFlag{Name: "show-source", Usage: "print each finding's source line with an underline (default on a terminal)"},
			&cli.BoolFlag{Name: "no-color", Usage: "never colour the output (NO_COLOR does the same)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print errors only"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "lint `N` files at once", Value: runtime.NumCPU()},
			&cli.Int64Flag{Name: "max-file-size", Usage: "report files over `BYTES` instead of parsing them", Value: lint.DefaultMaxFileSize},
			&cli.BoolFlag{Name: "verbose", Usage: "list skipped files on standard error"},
		},
		Action: c.lint,
	}
}

func (c *Command) lint(ctx *cli.Context) error {
	if ctx.Int("jobs") < 1 {
		return usageError("--jobs must be at least 1")
	}
	coll, err := lint.DefaultCollection(ctx.String("schema"))
	if err != nil {
		return &exitError{code: ExitUsage, err: err}
	}
	l := &lint.Linter{
		Catalogue:     lint.DefaultCatalogue(),
		Parser:        lint.NewParser(),
		CollectionFor: func(string) *lint.Collection { return coll },
		MaxFileSize:   ctx.Int64("max-file-size"),
		Jobs:          ctx.Int("jobs"),
	}
	args := ctx.Args().Slice()
	if len(args) == 0 {
		args = []string{"."}
	}
	walker := &lint.Walker{}
	if ctx.Bool("verbose") {
		walker.Skipped = func(path, reason string) { fmt.Fprintf(c.Stderr, "skipped %s: %s\n", path, reason) }
	}
	if err := walker.Check(args); err != nil {
		return usageError("%v", err)
	}

	var fromStdin []lint.Finding
	files := make([]string, 0, len(args))
	for _, a := range args {
		if a == "-" {
			src, err := io.ReadAll(c.Stdin)
			if err != nil {
				return usageError("read standard input: %v", err)
			}
			fromStdin = l.LintSource(ctx.String("stdin-filename"), src, coll)
			continue
		}
		files = append(files, a)
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
	if fromStdin != nil || contains(args, "-") {
		res.Files++
		res.Findings = lint.SortFindings(append(res.Findings, fromStdin...))
	}
	return c.report(ctx, res)
}

func (c *Command) report(ctx *cli.Context, res lint.Result) error {
	shown := res.Findings
	if ctx.Bool("quiet") {
		shown = shown[:0:0]
		for _, f := range res.Findings {
			if f.Severity == lint.SeverityError {
				shown = append(shown, f)
			}
		}
	}
	color := c.Terminal && !ctx.Bool("no-color") && c.Getenv("NO_COLOR") == ""
	opts := report.TextOptions{ShowSource: ctx.Bool("show-source") || c.Terminal, Color: color}
	if err := report.Text(c.Stdout, report.Run{Findings: shown, Files: res.Files}, opts); err != nil {
		return &exitError{code: ExitUsage, err: fmt.Errorf("write output: %w", err)}
	}
	_ = report.Summary(c.Stderr, res.Findings, res.Files)
	for _, f := range res.Findings {
		if f.Severity == lint.SeverityError {
			return &exitError{code: ExitFindings}
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// version reports the module version and commit from the build info.
func version() string {
	return buildVersion()
}
