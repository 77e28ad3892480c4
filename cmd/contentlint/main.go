// Command contentlint lints Markdown content entries: front matter against a
// JSON Schema, field formats, sections and links.
package main

import (
	"os"

	"golang.org/x/term"
)

func main() {
	cmd := &Command{
		Stdin:    os.Stdin,
		Stdout:   os.Stdout,
		Stderr:   os.Stderr,
		Getenv:   os.Getenv,
		Terminal: term.IsTerminal(int(os.Stdout.Fd())),
	}
	os.Exit(cmd.Main(os.Args))
}
