package main

import (
	"fmt"

	"github.com/urfave/cli/v2"
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
compdef _contentlint contentlint
`

func (c *Command) completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script for bash, zsh or fish",
		ArgsUsage: "SHELL",
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
