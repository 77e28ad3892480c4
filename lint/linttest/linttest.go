// Package linttest runs rules over fixture entries whose expected findings
// are written in the entries themselves, as go/analysis's analysistest does
// for Go code.
//
// A fixture folder holds entries (*.md) and, optionally, a .contentlint.yaml
// and the files it names; without one, the built-in configuration applies.
// An expectation is a comment on the line the finding starts on:
//
//	title: 42  # want "expected a string"
//	[link](htps://x.org) <!-- want "unsupported scheme" -->
//
// "want" takes one or more Go-quoted regular expressions, each matched
// against one finding's "MESSAGE [RULE-ID]". Where a comment cannot stand on
// the line itself (a delimiter, a line that must stay broken), "want:N"
// names the line: <!-- want:1 "no front matter" -->. Only the findings of the
// rules under test count: one without an expectation on its line fails the
// test, and so does an expectation no finding meets.
package linttest

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/config"
)

// ConfigFile is the configuration a fixture folder may hold.
const ConfigFile = ".contentlint.yaml"

// Run lints every entry under dir with the folder's configuration and
// checks the findings of rule (and of also, the rules checked with it)
// against the entries' want comments.
func Run(t *testing.T, rule *lint.Rule, dir string, also ...*lint.Rule) {
	t.Helper()
	run(t, nil, rule, dir, also...)
}

// RunOnline is Run with the online audit on, its verdicts given by prober
// (a fake, so that the fixtures need no network).
func RunOnline(t *testing.T, prober lint.Prober, rule *lint.Rule, dir string, also ...*lint.Rule) {
	t.Helper()
	run(t, prober, rule, dir, also...)
}

func run(t *testing.T, prober lint.Prober, rule *lint.Rule, dir string, also ...*lint.Rule) {
	t.Helper()
	rules := append([]*lint.Rule{rule}, also...)
	fsys := os.DirFS(dir)
	cat := lint.DefaultCatalogue()
	cfg, err := Config(fsys, cat)
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	res, err := lint.Run(context.Background(), lint.Options{FS: fsys, Paths: []string{"."}, Config: cfg, Catalogue: cat, Jobs: 1, Online: prober})
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	if res.Files == 0 {
		t.Fatalf("%s: no fixture entries", dir)
	}
	var files []string
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && lint.IsMarkdown(p) {
			files = append(files, p)
		}
		return nil
	})
	for _, f := range files {
		src, err := fs.ReadFile(fsys, f)
		if err != nil {
			t.Fatal(err)
		}
		wants, err := Expectations(src)
		if err != nil {
			t.Errorf("%s: %v", path.Join(dir, f), err)
			continue
		}
		var got []lint.Finding
		for _, finding := range res.Visible(false, false) {
			if finding.Path == f && slices.Contains(rules, finding.Rule) {
				got = append(got, finding)
			}
		}
		for _, problem := range Match(wants, got) {
			t.Errorf("%s:%s", path.Join(dir, f), problem)
		}
	}
}

// Config loads a fixture folder's configuration: its .contentlint.yaml, or
// the built-in defaults.
func Config(fsys fs.FS, cat *lint.Catalogue) (*lint.Config, error) {
	if _, err := fs.Stat(fsys, ConfigFile); err == nil {
		return config.Load(fsys, ConfigFile, ConfigFile, cat)
	}
	return config.Default(".", cat)
}

// Want is one expected finding.
type Want struct {
	Line    int
	Pattern *regexp.Regexp
}

var wantComment = regexp.MustCompile(`(?:<!--|#)\s*want(?::(\d+))?\s+((?:"(?:[^"\\]|\\.)*"\s*)+)`)
var quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// Expectations reads the want comments of an entry.
func Expectations(src []byte) ([]Want, error) {
	var out []Want
	for i, line := range strings.Split(string(src), "\n") {
		for _, m := range wantComment.FindAllStringSubmatch(line, -1) {
			at := i + 1
			if m[1] != "" {
				at, _ = strconv.Atoi(m[1])
			}
			for _, q := range quoted.FindAllString(m[2], -1) {
				text, err := strconv.Unquote(q)
				if err != nil {
					return nil, fmt.Errorf("line %d: bad want string %s: %v", i+1, q, err)
				}
				re, err := regexp.Compile(text)
				if err != nil {
					return nil, fmt.Errorf("line %d: bad want pattern %s: %v", i+1, q, err)
				}
				out = append(out, Want{Line: at, Pattern: re})
			}
		}
	}
	return out, nil
}

// Match pairs findings with expectations on their lines and returns what is
// left over: findings nobody expected, then expectations nothing met.
func Match(wants []Want, got []lint.Finding) []string {
	used := make([]bool, len(wants))
	var problems []string
	for _, f := range got {
		text := f.Message + " [" + f.Rule.ID + "]"
		matched := false
		for i, w := range wants {
			if !used[i] && w.Line == f.Span.Start.Line && w.Pattern.MatchString(text) {
				used[i], matched = true, true
				break
			}
		}
		if !matched {
			problems = append(problems, fmt.Sprintf("%d:%d: unexpected finding: %s", f.Span.Start.Line, f.Span.Start.Column, text))
		}
	}
	for i, w := range wants {
		if !used[i] {
			problems = append(problems, fmt.Sprintf("%d: no finding matches want %q", w.Line, w.Pattern))
		}
	}
	return problems
}
