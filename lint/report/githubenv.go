package report

import (
	"encoding/json"
	"strings"
)

// GitHubContext is what a GitHub Actions run says about itself in its
// environment (GITHUB_* variables and the event payload at
// GITHUB_EVENT_PATH), as far as reports need it.
type GitHubContext struct {
	ServerURL  string // GITHUB_SERVER_URL, e.g. https://github.com
	Repository string // GITHUB_REPOSITORY, owner/name
	EventName  string // GITHUB_EVENT_NAME
	// SHA is the commit under review: a pull request's head commit (from
	// the event payload), else GITHUB_SHA.
	SHA string
	// BaseSHA and BaseRef are a pull request's base commit and branch.
	BaseSHA, BaseRef string
	// Fork is set for a pull request from another repository.
	Fork bool
}

// ReadGitHubContext reads the context of the GitHub Actions run the
// process is in; ok is false outside GitHub Actions. readFile reads the
// event payload; a payload that cannot be read leaves the pull request's
// fields empty.
func ReadGitHubContext(getenv func(string) string, readFile func(string) ([]byte, error)) (ctx GitHubContext, ok bool) {
	if getenv("GITHUB_ACTIONS") != "true" {
		return GitHubContext{}, false
	}
	ctx = GitHubContext{
		ServerURL:  strings.TrimSuffix(getenv("GITHUB_SERVER_URL"), "/"),
		Repository: getenv("GITHUB_REPOSITORY"),
		EventName:  getenv("GITHUB_EVENT_NAME"),
		SHA:        getenv("GITHUB_SHA"),
		BaseRef:    getenv("GITHUB_BASE_REF"),
	}
	if ctx.ServerURL == "" {
		ctx.ServerURL = "https://github.com"
	}
	if p := getenv("GITHUB_EVENT_PATH"); p != "" && readFile != nil {
		if src, err := readFile(p); err == nil {
			var event struct {
				PullRequest *struct {
					Head struct {
						SHA  string `json:"sha"`
						Repo struct {
							FullName string `json:"full_name"`
						} `json:"repo"`
					} `json:"head"`
					Base struct {
						SHA  string `json:"sha"`
						Ref  string `json:"ref"`
						Repo struct {
							FullName string `json:"full_name"`
						} `json:"repo"`
					} `json:"base"`
				} `json:"pull_request"`
			}
			if json.Unmarshal(src, &event) == nil && event.PullRequest != nil {
				pr := event.PullRequest
				if pr.Head.SHA != "" {
					ctx.SHA = pr.Head.SHA
				}
				ctx.BaseSHA = pr.Base.SHA
				if pr.Base.Ref != "" {
					ctx.BaseRef = pr.Base.Ref
				}
				ctx.Fork = pr.Head.Repo.FullName != "" && pr.Head.Repo.FullName != pr.Base.Repo.FullName
			}
		}
	}
	return ctx, true
}

// LinkBase is the URL of the repository's files at the commit under
// review, for Invocation.LinkBase; "" when the context does not say.
// A fork's head commit is served under the base repository too.
func (c GitHubContext) LinkBase() string {
	if c.Repository == "" || c.SHA == "" {
		return ""
	}
	return c.ServerURL + "/" + c.Repository + "/blob/" + c.SHA + "/"
}
