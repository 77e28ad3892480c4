package main

import (
	"strings"
	"testing"
)

func TestParseOutputs(t *testing.T) {
	for _, tc := range []struct {
		name          string
		specs         []string
		output, steps string
		want          string // format:path[+append] ..., or the error
	}{
		{"default", nil, "", "", "text:"},
		{"one to a file by --output", []string{"sarif"}, "x.sarif", "", "sarif:x.sarif"},
		{"several", []string{"github", "sarif=x.sarif", "json=x.json"}, "", "", "github: sarif:x.sarif json:x.json"},
		{"--output for the bare one", []string{"json", "sarif=x.sarif"}, "x.json", "", "json:x.json sarif:x.sarif"},
		{"- is standard output", []string{"json=-", "sarif=s"}, "", "", "json: sarif:s"},
		{"a comma in a file name", []string{"sarif=a,b.sarif"}, "", "", "sarif:a,b.sarif"},
		{"step summary added", []string{"github"}, "", "sum.md", "github: markdown:sum.md+append"},
		{"step summary already asked for", []string{"markdown=sum.md"}, "", "sum.md", "markdown:sum.md"},
		{"two on standard output", []string{"text", "json"}, "", "", "--format text and --format json would both write to standard output"},
		{"two to one file", []string{"json=a", "sarif=a"}, "", "", "--format json and --format sarif would both write a"},
		{"--output with two bare", []string{"json", "sarif"}, "o", "", "--output names the file of one --format"},
		{"--output with none bare", []string{"json=a"}, "o", "", "--output o names the file of a --format given without =FILE"},
		{"unknown", []string{"xml"}, "", "", `unknown --format "xml"`},
		{"empty file", []string{"json="}, "", "", "--format json=: the file name is missing"},
	} {
		outs, err := parseOutputs(tc.specs, tc.output, tc.steps)
		var got string
		if err != nil {
			got = err.Error()
		} else {
			var parts []string
			for _, o := range outs {
				p := o.format.Name + ":" + o.path
				if o.append {
					p += "+append"
				}
				parts = append(parts, p)
			}
			got = strings.Join(parts, " ")
		}
		if !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}
