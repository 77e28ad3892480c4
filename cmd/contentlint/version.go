package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
)

// Set by the release build (GoReleaser, see .goreleaser.yaml) with
// -ldflags "-X main.stampVersion=1.2.3 -X main.stampCommit=... -X main.stampDate=...".
// A "go install" or "go build" leaves them empty and the build info answers.
var (
	stampVersion string // the release's version, without "v"
	stampCommit  string // the full commit hash the release was built from
	stampDate    string // the commit's date, RFC 3339
)

// buildVersion is what --version prints: the version, then the commit and
// date when known, e.g. "v1.2.3 (commit 0123456789ab, 2026-01-02T03:04:05Z)".
func buildVersion() string {
	v, commit, date := moduleVersion()
	var extra []string
	if commit != "" {
		extra = append(extra, "commit "+commit)
	}
	if date != "" {
		extra = append(extra, date)
	}
	if len(extra) > 0 {
		v += " (" + strings.Join(extra, ", ") + ")"
	}
	return v
}

// moduleVersion returns the version ("v1.2.3", or "(devel)" for a build
// from a work tree), the short commit (with "-dirty" for uncommitted
// changes) and the date: from the release stamps when present, else from
// the build info that "go install module@version" records.
func moduleVersion() (version, commit, date string) {
	if stampVersion != "" {
		return "v" + strings.TrimPrefix(stampVersion, "v"), shortCommit(stampCommit), stampDate
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)", "", ""
	}
	version = info.Main.Version
	if version == "" {
		version = "(devel)"
	}
	modified := ""
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			commit = s.Value
		case "vcs.time":
			date = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "-dirty"
			}
		}
	}
	if commit != "" {
		commit = shortCommit(commit) + modified
	}
	return version, commit, date
}

func shortCommit(c string) string {
	if len(c) > 12 {
		return c[:12]
	}
	return c
}

// semanticVersion is the version without the "v", or 0.0.0 for a development build.
func semanticVersion() string {
	v, _, _ := moduleVersion()
	if !strings.HasPrefix(v, "v") {
		return "0.0.0"
	}
	return strings.TrimPrefix(v, "v")
}

// docsRef is the git ref whose docs describe this build: the release tag
// for a release ("v1.2.3", also when installed with go install), else
// "main". A pseudo-version (v0.0.0-20260102030405-0123456789ab) names no
// tag, and a development build none either.
func docsRef() string {
	v, _, _ := moduleVersion()
	return docsRefFor(v)
}

func docsRefFor(v string) string {
	if !strings.HasPrefix(v, "v") || pseudoVersion.MatchString(v) {
		return "main"
	}
	return strings.TrimSuffix(v, "+incompatible")
}

// pseudoVersion matches Go's pseudo-versions, which end in a timestamp and a
// commit hash (go.dev/ref/mod#pseudo-versions).
var pseudoVersion = regexp.MustCompile(`[-.]\d{14}-[0-9a-f]{12}(\+.*)?$`)

// repoRoot is the nearest folder at or above dir holding .git; SARIF paths
// are relative to it. Without one, dir itself.
func repoRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// unwrapPathError names the path once in an error message.
func unwrapPathError(err error, name string) error {
	var perr *fs.PathError
	if errors.As(err, &perr) {
		return fmt.Errorf("%s: %w", name, perr.Err)
	}
	return err
}
