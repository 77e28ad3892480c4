package git

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// realGit runs the git command with a fixed identity and no user or system
// configuration, so that the test is the same on every machine.
type realGit struct{ home string }

func (g realGit) Git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), "HOME="+g.home, "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+filepath.Join(g.home, "gitconfig"),
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.invalid", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.invalid",
		"GIT_AUTHOR_DATE=2026-01-02T03:04:05Z", "GIT_COMMITTER_DATE=2026-01-02T03:04:05Z")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %s", strings.Join(args, " "), strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

func TestChangedSince(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	ctx := context.Background()
	dir := t.TempDir()
	g := realGit{home: t.TempDir()}
	run := func(args ...string) {
		t.Helper()
		if _, err := g.Git(ctx, dir, args...); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run("init", "-q", "-b", "main")
	for _, f := range []string{"c/kept.md", "c/edited.md", "c/moved.md", "c/deleted.md", "c/spaced name é.md"} {
		write(f, "base "+f+"\n"+strings.Repeat("same line\n", 20))
	}
	write(".gitignore", "*.tmp\n")
	run("add", "-A")
	run("commit", "-q", "-m", "base")
	run("checkout", "-q", "-b", "pr")
	write("c/edited.md", "changed\n")
	write("c/new.md", "new\n")
	run("mv", "c/moved.md", "c/renamed.md")
	run("rm", "-q", "c/deleted.md")
	write("c/spaced name é.md", "changed\n")
	run("add", "-A")
	run("commit", "-q", "-m", "pr")
	write("c/kept.md", "uncommitted edit\n")
	write("c/untracked.md", "x\n")
	write("c/ignored.tmp", "x\n")

	repo, err := Open(ctx, g, filepath.Join(dir, "c"))
	if err != nil {
		t.Fatal(err)
	}
	if repo.Prefix != "c/" {
		t.Errorf("prefix %q, want c/", repo.Prefix)
	}
	got, err := repo.ChangedSince(ctx, "main")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"c/edited.md", "c/kept.md", "c/new.md", "c/renamed.md", "c/spaced name é.md", "c/untracked.md"}
	if !slices.Equal(got, want) {
		t.Errorf("changed since main:\n got %q\nwant %q", got, want)
	}

	for _, tc := range []struct{ ref, want string }{
		{"no-such-ref", `unknown git ref "no-such-ref"`},
		{"--output=x", `"--output=x" is not a git ref`},
	} {
		if _, err := repo.ChangedSince(ctx, tc.ref); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ChangedSince(%q) = %v, want %q", tc.ref, err, tc.want)
		}
	}
	// An orphan branch shares no history with main.
	run("checkout", "-q", "--orphan", "lonely")
	run("commit", "-q", "-m", "lonely")
	if _, err := repo.ChangedSince(ctx, "main"); err == nil || !strings.Contains(err.Error(), "no common history") {
		t.Errorf("unrelated histories: %v", err)
	}

	outside := t.TempDir()
	if _, err := Open(ctx, g, outside); !errors.Is(err, ErrNotRepository) {
		t.Errorf("Open outside a repository = %v, want ErrNotRepository", err)
	}
}

// fakeGit answers from a table, for the shallow-clone message.
type fakeGit map[string]string

func (f fakeGit) Git(_ context.Context, _ string, args ...string) ([]byte, error) {
	key := strings.Join(args, " ")
	if out, ok := f[key]; ok {
		if strings.HasPrefix(out, "error:") {
			return nil, errors.New(out)
		}
		return []byte(out), nil
	}
	return nil, fmt.Errorf("unexpected git %s", key)
}

func TestShallowClone(t *testing.T) {
	g := fakeGit{
		"rev-parse --show-toplevel --show-prefix":                          "/repo\n\n",
		"rev-parse --verify --quiet --end-of-options origin/main^{commit}": "abc\n",
		"merge-base --end-of-options origin/main HEAD":                     "error: exit status 1",
		"rev-parse --is-shallow-repository":                                "true\n",
	}
	repo, err := Open(context.Background(), g, "/repo")
	if err != nil {
		t.Fatal(err)
	}
	_, err = repo.ChangedSince(context.Background(), "origin/main")
	if err == nil || !strings.Contains(err.Error(), "shallow clone: fetch more history") {
		t.Errorf("got %v, want the shallow clone advice", err)
	}
}
