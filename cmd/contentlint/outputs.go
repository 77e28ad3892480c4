package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/glasgow-open-data/contentlint/lint/report"
)

// output is one report a lint run writes: a format and where it goes.
type output struct {
	format report.Format
	// path is the file to write, "" for standard output.
	path string
	// append adds to the file instead of replacing it (the job summary,
	// which other commands of the step may also write).
	append bool
}

// parseOutputs reads the repeated --format FORMAT[=FILE] values (none means
// text), --output FILE (the file of the one --format given without =FILE)
// and the job summary file ($GITHUB_STEP_SUMMARY, or --step-summary), so
// that one run writes every report it is asked for. At most one report
// goes to standard output, and no two to one file.
func parseOutputs(specs []string, outputFile, stepSummary string) ([]output, error) {
	if len(specs) == 0 {
		specs = []string{"text"}
	}
	var outs []output
	bare := 0
	for _, spec := range specs {
		name, file, hasFile := strings.Cut(spec, "=")
		f, ok := report.Lookup(name)
		if !ok {
			return nil, fmt.Errorf("unknown --format %q; use %s, optionally as FORMAT=FILE", name, strings.Join(report.Names(), ", "))
		}
		if hasFile && file == "" {
			return nil, fmt.Errorf("--format %s=: the file name is missing", name)
		}
		if !hasFile {
			bare++
			file = outputFile
		}
		if file == "-" {
			file = ""
		}
		outs = append(outs, output{format: f, path: file})
	}
	switch {
	case outputFile != "" && bare == 0:
		return nil, fmt.Errorf("--output %s names the file of a --format given without =FILE, and there is none; write --format FORMAT=FILE instead", outputFile)
	case outputFile != "" && bare > 1:
		return nil, fmt.Errorf("--output names the file of one --format; give the others as --format FORMAT=FILE")
	}
	seen := map[string]string{}
	for _, o := range outs {
		key := o.path
		if key != "" {
			if abs, err := filepath.Abs(key); err == nil {
				key = abs
			}
		}
		if prev, ok := seen[key]; ok {
			if key == "" {
				return nil, fmt.Errorf("--format %s and --format %s would both write to standard output; give one of them a file (--format FORMAT=FILE)", prev, o.format.Name)
			}
			return nil, fmt.Errorf("--format %s and --format %s would both write %s", prev, o.format.Name, o.path)
		}
		seen[key] = o.format.Name
	}
	if stepSummary != "" {
		abs, err := filepath.Abs(stepSummary)
		if err != nil {
			abs = stepSummary
		}
		if _, taken := seen[abs]; !taken {
			markdown, _ := report.Lookup("markdown")
			outs = append(outs, output{format: markdown, path: stepSummary, append: true})
		}
	}
	return outs, nil
}

// open opens an output's file; the caller closes it.
func (o output) open() (*os.File, error) {
	if o.append {
		return os.OpenFile(o.path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	}
	return os.Create(o.path)
}
