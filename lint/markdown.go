package lint

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// markdownParser is CommonMark with the GFM extensions content uses, and
// footnotes ("[^1]" with "[^1]: text"), which GitHub, Hugo and most
// generators render: without them a definition reads as a link to a file
// named by its first word. Bare addresses are found by bareLinks rather
// than goldmark's Linkify, which tries every space of the text. One is
// built per run; goldmark parsers are safe for concurrent use.
type markdownParser struct{ p parser.Parser }

func newMarkdownParser() markdownParser {
	md := goldmark.New(goldmark.WithExtensions(
		extension.Table,
		extension.Strikethrough,
		extension.TaskList,
		extension.Footnote,
	))
	return markdownParser{p: md.Parser()}
}

func (m markdownParser) parse(body []byte) ast.Node {
	return m.p.Parse(text.NewReader(body))
}

// ruleBodyNesting is reported by the parser before any check runs.
var ruleBodyNesting = &Rule{
	ID:          "body-nesting",
	Family:      "body",
	Title:       "Lists and block quotes nest too deeply to parse",
	Doc:         "Markdown parsers take time that grows with the square of the nesting depth of lists and block quotes; a body nested thousands of levels deep (never written by hand) would stall the run. contentlint estimates the cost in one pass before parsing and, past a budget, skips the body's checks with this finding at the deepest line.",
	Config:      exampleBare,
	ExampleNote: "A body nested thousands of levels deep (\"> > > > ...\"): the example test lints one of 20,000 levels; a quotation one or two levels deep is fine.",
	Severity:    SeverityError,
	Tags:        []string{"markdown", "robustness"},
}
