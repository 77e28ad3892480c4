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

// TestReadGitHubContextPayload: the event payload's base branch and head
// commit win over the environment's; where the payload leaves them out,
// the environment's stay. Without GITHUB_SERVER_URL the server is
// github.com.
func TestReadGitHubContextPayload(t *testing.T) {
	env := map[string]string{
		"GITHUB_ACTIONS": "true", "GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": "merge0",
		"GITHUB_EVENT_PATH": "/event.json", "GITHUB_BASE_REF": "main",
	}
	getenv := func(k string) string { return env[k] }
	for _, tc := range []struct {
		name, payload                   string
		sha, baseSHA, baseRef, linkBase string
	}{
		{"another base branch",
			`{"pull_request": {"head": {"sha": "head1"}, "base": {"sha": "base1", "ref": "release/1.x"}}}`,
			"head1", "base1", "release/1.x", "https://github.com/o/r/blob/head1/"},
		{"no base branch or head commit",
			`{"pull_request": {"head": {}, "base": {"sha": "base2"}}}`,
			"merge0", "base2", "main", "https://github.com/o/r/blob/merge0/"},
		{"not JSON", `{"pull_request":`, "merge0", "", "main", "https://github.com/o/r/blob/merge0/"},
	} {
		read := func(string) ([]byte, error) { return []byte(tc.payload), nil }
		ctx, ok := ReadGitHubContext(getenv, read)
		if !ok || ctx.SHA != tc.sha || ctx.BaseSHA != tc.baseSHA || ctx.BaseRef != tc.baseRef || ctx.Fork || ctx.ServerURL != "https://github.com" {
			t.Errorf("%s: %+v, want SHA %q, BaseSHA %q, BaseRef %q, server https://github.com, no fork", tc.name, ctx, tc.sha, tc.baseSHA, tc.baseRef)
		}
		if got := ctx.LinkBase(); got != tc.linkBase {
			t.Errorf("%s: LinkBase = %q, want %q", tc.name, got, tc.linkBase)
		}
	}
	// Without a repository or a commit there is nothing to link to.
	for _, c := range []GitHubContext{{ServerURL: "https://github.com", SHA: "x"}, {ServerURL: "https://github.com", Repository: "o/r"}} {
		if got := c.LinkBase(); got != "" {
			t.Errorf("%+v: LinkBase = %q, want none", c, got)
		}
	}
}
