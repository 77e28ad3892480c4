package lint

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// markdownParser is CommonMark with the GFM extensions content uses. One is
// built per run; goldmark parsers are safe for concurrent use.
type markdownParser struct{ p parser.Parser }

func newMarkdownParser() markdownParser {
	md := goldmark.New(goldmark.WithExtensions(
		extension.Table,
		extension.Strikethrough,
		extension.Linkify,
		extension.TaskList,
	))
	return markdownParser{p: md.Parser()}
}

func (m markdownParser) parse(body []byte) ast.Node {
	return m.p.Parse(text.NewReader(body))
}
