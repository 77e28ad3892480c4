// Command contentlint lints Markdown content entries: front matter against a
// JSON Schema, field formats, sections and links.
package main

import (
	"os"
	"runtime/debug"

	"golang.org/x/term"
)

func main() {
	tuneGC()
	cmd := &Command{
		Stdin:    os.Stdin,
		Stdout:   os.Stdout,
		Stderr:   os.Stderr,
		Getenv:   os.Getenv,
		Terminal: term.IsTerminal(int(os.Stdout.Fd())),
		// Only the --online progress bar reads these.
		ErrTerminal:  term.IsTerminal(int(os.Stderr.Fd())),
		UserCacheDir: os.UserCacheDir,
	}
	os.Exit(cmd.Main(os.Args))
}

// tuneGC trades memory for speed where the user has not chosen: the live
// heap is small (findings, not file contents), so the collector may wait
// longer between cycles, with a soft limit that keeps peak memory bounded.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(48 << 20)
	}
}
