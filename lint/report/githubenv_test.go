package report

import (
	"errors"
	"testing"
)

func TestReadGitHubContext(t *testing.T) {
	env := map[string]string{
		"GITHUB_ACTIONS": "true", "GITHUB_SERVER_URL": "https://github.example/", "GITHUB_REPOSITORY": "o/r",
		"GITHUB_SHA": "merge0", "GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": "/event.json", "GITHUB_BASE_REF": "main",
	}
	getenv := func(k string) string { return env[k] }
	payloads := map[string]string{
		"/event.json": `{"pull_request": {"head": {"sha": "head1", "repo": {"full_name": "fork/r"}}, "base": {"sha": "base1", "ref": "main", "repo": {"full_name": "o/r"}}}}`,
	}
	read := func(p string) ([]byte, error) {
		if s, ok := payloads[p]; ok {
			return []byte(s), nil
		}
		return nil, errors.New("no such file")
	}
	ctx, ok := ReadGitHubContext(getenv, read)
	if !ok || ctx.SHA != "head1" || ctx.BaseSHA != "base1" || ctx.BaseRef != "main" || !ctx.Fork {
		t.Fatalf("pull request from a fork: %+v", ctx)
	}
	if got, want := ctx.LinkBase(), "https://github.example/o/r/blob/head1/"; got != want {
		t.Errorf("LinkBase = %q, want %q", got, want)
	}

	payloads["/event.json"] = `{"pull_request": {"head": {"sha": "head2", "repo": {"full_name": "o/r"}}, "base": {"sha": "b", "ref": "main", "repo": {"full_name": "o/r"}}}}`
	if ctx, _ := ReadGitHubContext(getenv, read); ctx.Fork {
		t.Error("a pull request from the same repository read as a fork")
	}
	// A push: no pull request, GITHUB_SHA is the commit.
	env["GITHUB_EVENT_PATH"] = "/missing.json"
	if ctx, _ := ReadGitHubContext(getenv, read); ctx.SHA != "merge0" || ctx.Fork || ctx.LinkBase() != "https://github.example/o/r/blob/merge0/" {
		t.Errorf("push: %+v", ctx)
	}
	env["GITHUB_ACTIONS"] = ""
	if _, ok := ReadGitHubContext(getenv, read); ok {
		t.Error("outside GitHub Actions, ok is true")
	}
}
