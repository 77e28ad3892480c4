package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/online"
)

// onlineFlags are lint's flags for the online audit. The network is
// touched only with --online: every other path leaves online.New unbuilt.
func onlineFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "online", Usage: "also check against the network: dead and moved links, missing GitHub, Mastodon and Bluesky accounts, mail domains that take no mail (docs/online.md)"},
		&cli.BoolFlag{Name: "online-allow-private", Usage: "let --online connect to loopback, private and link-local addresses (an intranet, a test server)"},
		&cli.StringFlag{Name: "online-cache", Usage: "keep --online results in `DIR`", DefaultText: "contentlint in the user's cache folder"},
		&cli.BoolFlag{Name: "no-online-cache", Usage: "neither read nor write the --online cache"},
	}
}

// onlineRun is what lint keeps of the online audit while it runs.
type onlineRun struct {
	checker *online.Checker
	bar     *progressbar.ProgressBar
}

// startOnline builds the online checker when --online is given, or
// returns nil; the other online flags without it are a usage error.
func (c *Command) startOnline(ctx *cli.Context, cfg *lint.Config) (*onlineRun, error) {
	if !ctx.Bool("online") {
		for _, name := range []string{"online-allow-private", "online-cache", "no-online-cache"} {
			if ctx.IsSet(name) {
				return nil, usageError("--%s needs --online", name)
			}
		}
		return nil, nil
	}
	if ctx.IsSet("online-cache") && ctx.Bool("no-online-cache") {
		return nil, usageError("--online-cache and --no-online-cache contradict each other; give one")
	}
	run := &onlineRun{}
	opts := online.Options{
		Config:       cfg.Online,
		AllowPrivate: ctx.Bool("online-allow-private"),
		Network:      c.Network,
		UserAgent:    "contentlint/" + semanticVersion() + " (+https://github.com/glasgow-open-data/contentlint)",
		GitHubAPI:    c.Getenv("GITHUB_API_URL"),
		GitHubToken:  c.Getenv("GITHUB_TOKEN"),
		Warn:         c.Stderr,
	}
	if !ctx.Bool("no-online-cache") {
		dir := ctx.String("online-cache")
		if dir == "" && c.UserCacheDir != nil {
			base, err := c.UserCacheDir()
			if err != nil {
				fmt.Fprintf(c.Stderr, "contentlint: warning: no cache for --online: %v\n", err)
			} else {
				dir = filepath.Join(base, "contentlint")
			}
		}
		if dir != "" {
			opts.Cache = fileCache{path: filepath.Join(dir, "online.json")}
		}
	}
	if c.ErrTerminal && !ctx.Bool("quiet") {
		run.bar = newProgressBar(c.Stderr)
		opts.Progress = func(p online.Progress) {
			run.bar.ChangeMax(p.Total)
			run.bar.Describe(fmt.Sprintf("online: %d failed, %d unknown", p.Failed, p.Unknown))
			_ = run.bar.Set(p.Done)
		}
	}
	run.checker = online.New(opts)
	return run, nil
}

// newProgressBar draws checked / total, the failures so far and the time
// left on standard error, and clears itself when done.
func newProgressBar(w io.Writer) *progressbar.ProgressBar {
	return progressbar.NewOptions(0,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("online: 0 failed, 0 unknown"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}

// stop clears the progress bar, before the report is written.
func (r *onlineRun) stop() {
	if r.bar != nil {
		_ = r.bar.Finish()
		_ = r.bar.Clear()
	}
}

// summary writes the audit's line of the summary, and with verbose every
// target that could not be decided.
func (r *onlineRun) summary(w io.Writer, verbose bool) {
	s := r.checker.Stats()
	fmt.Fprintf(w, "online: %s checked, %d from the cache", plural(s.Targets, "URL, account or mail domain", "URLs, accounts and mail domains"), s.Cached)
	if n := len(s.Unknown); n > 0 {
		fmt.Fprintf(w, "; %d could not be decided (rate limited, blocked or failed lookups: never a finding)", n)
		if !verbose {
			fmt.Fprint(w, ", --verbose lists them")
		}
	}
	fmt.Fprintln(w)
	if verbose {
		for _, u := range s.Unknown {
			fmt.Fprintf(w, "unknown %s: %s\n", u.Target, u.Why)
		}
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// fileCache keeps the online cache in one file, replaced atomically: the
// new contents go to a temporary file in the same folder, which is then
// renamed over the old, so a crash or a concurrent run never leaves half
// a file.
type fileCache struct{ path string }

func (f fileCache) Name() string { return f.path }

func (f fileCache) Load() ([]byte, error) { return os.ReadFile(f.path) }

func (f fileCache) Save(data []byte) error {
	dir := filepath.Dir(f.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".online-*.json")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), f.path)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
		return err
	}
	return nil
}
