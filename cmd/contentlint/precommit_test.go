package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// preCommitBudget bounds the whole pre-commit run: cloning the snapshot, `go install ./...`
// (module download through GOPROXY when the cache is cold) and the hook itself.
const preCommitBudget = 2 * time.Minute

// TestPreCommitTryRepo installs this repository's .pre-commit-hooks.yaml the way users get it
// and runs the hook on a good and a bad entry:
//
//	pre-commit try-repo <snapshot of this repo> contentlint --files good.md bad.md
//
// pre-commit's golang language builds the hook with `go install ./...` from the repository root,
// so this also proves that the module installs cleanly from a fresh clone.
//
// Why a snapshot: on a local path, `pre-commit try-repo` clones the repository at HEAD. With
// uncommitted changes it makes a "shadow" clone of HEAD plus the staged files and the
// modified tracked files (`git add -u`) — untracked files are left out. A new
// .pre-commit-hooks.yaml or Go file that has not been `git add`ed would be missing, and
// the test would check HEAD rather than the work tree. So the test copies the work tree
// (tracked and untracked, less what .gitignore excludes) into a temporary repository, commits
// it there, and points try-repo at that: the real repository's index is never touched.
//
// The run needs network only for the Go module proxy, and only when the module cache is
// cold: GOPROXY, GOMODCACHE and GOCACHE are taken from `go env` before HOME is replaced.
func TestPreCommitTryRepo(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the pre-commit end-to-end test in -short mode")
	}
	for _, tool := range []string{"pre-commit", "git", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("skipping: %s is not installed (install pre-commit, git and go to run this test; .ci/integration.sh does)", tool)
		}
	}

	ctx, cancel := context.WithTimeout(context.Background(), preCommitBudget)
	defer cancel()
	if dl, ok := t.Deadline(); ok {
		var c2 context.CancelFunc
		ctx, c2 = context.WithDeadline(ctx, dl.Add(-10*time.Second))
		defer c2()
	}

	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, ".pre-commit-hooks.yaml")); err != nil {
		t.Fatalf("the repository root %s has no .pre-commit-hooks.yaml: %v", root, err)
	}
	good, err := os.ReadFile(filepath.Join(root, "testdata", "examples", "glasgow-open-data.md"))
	if err != nil {
		t.Fatal(err)
	}
	bad := bytes.Replace(good, []byte("featured: true"), []byte(`featured: "yes"`), 1)
	if bytes.Equal(bad, good) {
		t.Fatal(`testdata/examples/glasgow-open-data.md no longer has "featured: true"; update this test`)
	}
	// Another group's entry, so that the title, website and email the
	// built-in configuration makes unique do not repeat between the two.
	bad = bytes.ReplaceAll(bad, []byte("glasgowopendata.org"), []byte("paisleyopendata.org"))
	bad = bytes.Replace(bad, []byte("Glasgow Open Data Group"), []byte("Paisley Open Data Group"), 1)

	// The Go settings come from the real environment, before HOME is replaced, so that the
	// module and build caches are reused and no toolchain is downloaded.
	goEnv := goEnvironment(t, ctx, "GOPROXY", "GOSUMDB", "GONOSUMDB", "GOPRIVATE", "GONOPROXY",
		"GOINSECURE", "GOFLAGS", "GOMODCACHE", "GOCACHE", "GOTOOLCHAIN")

	tmp := t.TempDir()
	home := filepath.Join(tmp, "home")
	env := isolatedEnv(home, goEnv)

	hookRepo := filepath.Join(tmp, "hook-repo")
	snapshotRepo(t, ctx, env, root, hookRepo)

	work := filepath.Join(tmp, "work")
	for name, data := range map[string][]byte{"good.md": good, "bad.md": bad} {
		writeFile(t, filepath.Join(work, name), data)
	}
	git(t, ctx, env, work, "init", "-q")
	git(t, ctx, env, work, "add", "good.md", "bad.md")

	start := time.Now()
	cmd := exec.CommandContext(ctx, "pre-commit", "try-repo", hookRepo, "contentlint",
		"--files", "good.md", "bad.md", "--verbose", "--color", "never")
	cmd.Dir = work
	cmd.Env = env
	cmd.WaitDelay = 10 * time.Second // `go` children may keep the output pipe open after a kill
	out, err := cmd.CombinedOutput()
	t.Logf("pre-commit try-repo took %s; output:\n%s", time.Since(start).Round(time.Millisecond), out)
	if ctx.Err() != nil {
		t.Fatalf("pre-commit try-repo did not finish within %s: %v", preCommitBudget, ctx.Err())
	}
	var exitErr *exec.ExitError
	if !errors.As(err, &exitErr) {
		t.Fatalf("pre-commit try-repo: want a non-zero exit for bad.md, got err=%v", err)
	}
	text := string(out)
	if strings.Contains(text, "An unexpected error has occurred") || strings.Contains(text, "An error has occurred") {
		t.Fatalf("pre-commit itself failed (exit %d), not the hook: see the output above", exitErr.ExitCode())
	}

	var sawBad bool
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "bad.md:") && strings.Contains(line, "[schema-type]") {
			sawBad = true
		}
		if strings.HasPrefix(line, "good.md:") {
			t.Errorf("unexpected finding for good.md: %s", line)
		}
	}
	if !sawBad {
		t.Errorf("output lacks a bad.md finding with [schema-type] (featured: \"yes\")")
	}

}

// TestHookBuildsOnlyContentlint: pre-commit installs the hook with
// `go install ./...` from the repository root, which builds every main
// package: contentlint must be the only one.
func TestHookBuildsOnlyContentlint(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{if eq .Name \"main\"}}{{.ImportPath}}{{end}}", "../../...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	if got := strings.Fields(string(out)); len(got) != 1 || got[0] != "github.com/glasgow-open-data/contentlint/cmd/contentlint" {
		t.Errorf("go install ./... would build %v; want only cmd/contentlint (put other commands under testdata)", got)
	}
}

// goEnvironment returns NAME=value for the named go env settings that are set.
func goEnvironment(t *testing.T, ctx context.Context, names ...string) []string {
	t.Helper()
	out, err := exec.CommandContext(ctx, "go", append([]string{"env", "-json"}, names...)...).Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	var vals map[string]string
	if err := json.Unmarshal(out, &vals); err != nil {
		t.Fatalf("go env -json: %v", err)
	}
	var env []string
	for _, n := range names {
		if v := vals[n]; v != "" {
			env = append(env, n+"="+v)
		}
	}
	return env
}

// isolatedEnv is the test's environment with a fresh HOME, pre-commit store and git identity,
// and the given Go settings pinned.
func isolatedEnv(home string, goEnv []string) []string {
	drop := map[string]bool{
		"HOME": true, "USERPROFILE": true, "XDG_CACHE_HOME": true, "XDG_CONFIG_HOME": true,
		"PRE_COMMIT_HOME": true, "GIT_DIR": true, "GIT_WORK_TREE": true, "GIT_INDEX_FILE": true,
		"GIT_CONFIG_GLOBAL": true, "GOPATH": true, "GOBIN": true,
	}
	for _, kv := range goEnv {
		drop[kv[:strings.IndexByte(kv, '=')]] = true
	}
	var env []string
	for _, kv := range os.Environ() {
		if i := strings.IndexByte(kv, '='); i > 0 && drop[kv[:i]] {
			continue
		}
		env = append(env, kv)
	}
	env = append(env, goEnv...)
	return append(env,
		"HOME="+home,
		"USERPROFILE="+home,
		"XDG_CACHE_HOME="+filepath.Join(home, ".cache"),
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"PRE_COMMIT_HOME="+filepath.Join(home, "pre-commit"),
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=contentlint test", "GIT_AUTHOR_EMAIL=test@example.invalid",
		"GIT_COMMITTER_NAME=contentlint test", "GIT_COMMITTER_EMAIL=test@example.invalid",
	)
}

// snapshotRepo copies root's work tree (tracked and untracked files, less ignored ones) into a
// new git repository at dst with one commit.
func snapshotRepo(t *testing.T, ctx context.Context, env []string, root, dst string) {
	t.Helper()
	var files []string
	cmd := exec.CommandContext(ctx, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	cmd.Dir = root
	cmd.Env = env
	if out, err := cmd.Output(); err == nil {
		for _, f := range strings.Split(string(out), "\x00") {
			if f != "" {
				files = append(files, filepath.FromSlash(f))
			}
		}
	} else {
		// Not a git checkout (a source archive): take every file outside .git.
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == ".git" {
				return filepath.SkipDir
			}
			if d.Type().IsRegular() {
				rel, _ := filepath.Rel(root, p)
				files = append(files, rel)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(root, f))
		if errors.Is(err, fs.ErrNotExist) {
			continue // deleted in the work tree but still in the index
		}
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dst, f), data)
	}
	git(t, ctx, env, dst, "init", "-q")
	git(t, ctx, env, dst, "add", "-A")
	git(t, ctx, env, dst, "commit", "-q", "--no-gpg-sign", "--no-verify", "-m", "snapshot")
}

func git(t *testing.T, ctx context.Context, env []string, dir string, args ...string) {
	t.Helper()
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func writeFile(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
