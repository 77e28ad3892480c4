package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/glasgow-open-data/contentlint/lint/report"
)

// Completion scripts for bash and zsh ask the program itself for candidates
// through urfave/cli's --generate-bash-completion; fish has its own format,
// generated from the CLI definition.
const bashCompletion = `# bash completion for contentlint: source <(contentlint completion bash)
_contentlint_complete() {
  local cur="${COMP_WORDS[COMP_CWORD]}"
  local request=("${COMP_WORDS[@]:0:COMP_CWORD}")
  [[ "$cur" == -* ]] && request+=("$cur")
  local IFS=$'\n'
  COMPREPLY=($(compgen -W "$("${request[@]}" --generate-bash-completion 2>/dev/null)" -- "$cur"))
}
complete -o bashdefault -o default -F _contentlint_complete contentlint
`

const zshCompletion = `#compdef contentlint
# zsh completion for contentlint: contentlint completion zsh > "${fpath[1]}/_contentlint"
_contentlint() {
  local -a candidates
  local cur=${words[-1]}
  local -a request=(${words[@]:0:#words[@]-1})
  [[ "$cur" == -* ]] && request+=("$cur")
  candidates=("${(@f)$(${request[@]} --generate-bash-completion 2>/dev/null)}")
  if [[ -n "${candidates[1]}" ]]; then
    _describe 'contentlint' candidates
  else
    _files
  fi
}
# Autoloaded from $fpath, this file is the body of _contentlint: the first
# Tab runs it, so it completes at once instead of only defining the function.
# Sourced (source <(contentlint completion zsh)), it registers the function.
if [[ "${funcstack[1]}" == "_contentlint" ]]; then
  _contentlint "$@"
else
  compdef _contentlint contentlint
fi
`

// shells are the shells completion writes scripts for.
var shells = []string{"bash", "zsh", "fish"}

func (c *Command) completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script for bash, zsh or fish",
		ArgsUsage: "SHELL",
		BashComplete: func(ctx *cli.Context) {
			if ctx.NArg() == 0 {
				printLines(c.Stdout, shells)
			}
		},
		Action: func(ctx *cli.Context) error {
			switch ctx.Args().First() {
			case "bash":
				_, err := fmt.Fprint(c.Stdout, bashCompletion)
				return err
			case "zsh":
				_, err := fmt.Fprint(c.Stdout, zshCompletion)
				return err
			case "fish":
				script, err := ctx.App.ToFishCompletion()
				if err != nil {
					return err
				}
				_, err = fmt.Fprint(c.Stdout, script)
				return err
			}
			return usageError("completion takes one of bash, zsh or fish")
		},
	}
}

// flagValues are the values completion offers after a flag of command
// that takes one of a fixed set.
func flagValues(command string) map[string][]string {
	formats := report.Names()
	if command == "rules" {
		formats = rulesFormats
	}
	return map[string][]string{
		"format":           formats,
		"f":                formats,
		"fail-on":          {"error", "warning", "note", "never"},
		"sarif-suppressed": {"include", "omit"},
	}
}

// completeFlagValue answers a completion request whose last word is a flag
// that takes a value ("contentlint lint --format <Tab>"): urfave/cli would
// read the request marker as the flag's value. It reports whether it
// answered.
func (c *Command) completeFlagValue(args []string) bool {
	n := len(args)
	if n < 3 || args[n-1] != "--generate-bash-completion" {
		return false
	}
	prev := strings.TrimLeft(args[n-2], "-")
	if !strings.HasPrefix(args[n-2], "-") || strings.Contains(prev, "=") {
		return false
	}
	values, ok := flagValues(args[1])[prev]
	if !ok {
		return false
	}
	printLines(c.Stdout, values)
	return true
}

func printLines(w io.Writer, lines []string) {
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}
