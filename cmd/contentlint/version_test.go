package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestStampedVersion: a release build's stamps show in --version and in
// SARIF's version, semanticVersion and helpUris (the tag's docs).
func TestStampedVersion(t *testing.T) {
	stampVersion, stampCommit, stampDate = "1.2.3", "0123456789abcdef0123456789abcdef01234567", "2026-01-02T03:04:05Z"
	defer func() { stampVersion, stampCommit, stampDate = "", "", "" }()

	_, out, _ := run(t, "", "--version")
	if want := "contentlint version v1.2.3 (commit 0123456789ab, 2026-01-02T03:04:05Z)\n"; out != want {
		t.Errorf("--version = %q, want %q", out, want)
	}
	_, out, _ = run(t, "", "lint", "--format", "sarif", "../../testdata/examples")
	var doc struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Version, SemanticVersion string
					Rules                    []struct {
						HelpURI string `json:"helpUri"`
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	d := doc.Runs[0].Tool.Driver
	if d.Version != "v1.2.3 (commit 0123456789ab, 2026-01-02T03:04:05Z)" || d.SemanticVersion != "1.2.3" {
		t.Errorf("driver version %q, semanticVersion %q", d.Version, d.SemanticVersion)
	}
	if len(d.Rules) == 0 || !strings.Contains(d.Rules[0].HelpURI, "/blob/v1.2.3/docs/rules.md#") {
		t.Errorf("helpUri %+v does not point at the tag's docs", d.Rules)
	}
}

func TestDocsRef(t *testing.T) {
	for v, want := range map[string]string{
		"v1.2.3":                               "v1.2.3",
		"v1.3.0-rc.1":                          "v1.3.0-rc.1",
		"v2.0.0+incompatible":                  "v2.0.0",
		"v0.0.0-20260102030405-0123456789ab":   "main",
		"v1.2.4-0.20260102030405-0123456789ab": "main",
		"(devel)":                              "main",
	} {
		if got := docsRefFor(v); got != want {
			t.Errorf("docsRefFor(%q) = %q, want %q", v, got, want)
		}
	}
}
