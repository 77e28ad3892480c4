package source

import (
	"sort"
	"unicode/utf8"
)

// Pos is a position in a source file.
type Pos struct {
	// Offset is the 0-based byte offset from the start of the file.
	Offset int
	// Line is the 1-based line number; "\n", "\r\n" and a lone "\r" each end a line.
	Line int
	// Column is the 1-based column, counted in Unicode code points from the start of the line.
	Column int
}

// Span is a range in a source file; End is exclusive.
type Span struct {
	Start, End Pos
}

// IsZero reports whether the span was never set.
func (s Span) IsZero() bool { return s.Start.Line == 0 }

// LineIndex turns byte offsets into line and column positions and back.
// One index is built per file and shared by every rule.
type LineIndex struct {
	src   []byte
	start []int // byte offset at which each line starts
	ascii bool  // every byte is ASCII, so columns are byte counts
}

// NewLineIndex indexes the line starts of src.
func NewLineIndex(src []byte) *LineIndex {
	starts := make([]int, 1, 64)
	var high byte
	for i := 0; i < len(src); i++ {
		high |= src[i]
		switch src[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return &LineIndex{src: src, start: starts, ascii: high < utf8.RuneSelf}
}

// Source returns the text the index was built from.
func (x *LineIndex) Source() []byte { return x.src }

// Lines returns the number of lines (a final line without a terminator counts).
func (x *LineIndex) Lines() int { return len(x.start) }

// LineStart returns the byte offset of the start of 1-based line n, clamped to the file.
func (x *LineIndex) LineStart(n int) int {
	if n < 1 {
		return 0
	}
	if n > len(x.start) {
		return len(x.src)
	}
	return x.start[n-1]
}

// LineEnd returns the byte offset of the end of 1-based line n, before its terminator.
func (x *LineIndex) LineEnd(n int) int {
	end := len(x.src)
	if n >= 1 && n < len(x.start) {
		end = x.start[n]
	}
	if n < 1 {
		end = x.LineStart(2)
	}
	for end > x.LineStart(n) && (x.src[end-1] == '\n' || x.src[end-1] == '\r') {
		end--
	}
	return end
}

// LineText returns the text of 1-based line n without its terminator.
func (x *LineIndex) LineText(n int) []byte {
	return x.src[x.LineStart(n):x.LineEnd(n)]
}

// Pos returns the position of byte offset off, clamped to the file.
func (x *LineIndex) Pos(off int) Pos {
	if off < 0 {
		off = 0
	}
	if off > len(x.src) {
		off = len(x.src)
	}
	// An offset inside a multi-byte character (a parser's error offset can
	// land there) means that character: snap back to where it starts.
	if !x.ascii && off < len(x.src) && !utf8.RuneStart(x.src[off]) {
		for start := off - 1; start >= 0 && start >= off-utf8.UTFMax+1; start-- {
			if utf8.RuneStart(x.src[start]) {
				if _, size := utf8.DecodeRune(x.src[start:]); size > 1 && start+size > off {
					off = start
				}
				break
			}
		}
	}
	line := sort.Search(len(x.start), func(i int) bool { return x.start[i] > off })
	// Columns count code points; on an ASCII file that is a subtraction,
	// which keeps many findings on one very long line linear.
	col := 1 + off - x.start[line-1]
	if !x.ascii {
		col = 1 + utf8.RuneCount(x.src[x.start[line-1]:off])
	}
	return Pos{Offset: off, Line: line, Column: col}
}

// Span returns the span of the byte range [start, end).
func (x *LineIndex) Span(start, end int) Span {
	if end < start {
		end = start
	}
	return Span{Start: x.Pos(start), End: x.Pos(end)}
}

// Offset returns the byte offset of 1-based line and code-point column; it
// is the inverse of Pos. A column past the line's terminator is clamped to
// the end of the line's text.
func (x *LineIndex) Offset(line, col int) int {
	line = max(line, 1)
	off := x.LineStart(line)
	// Pos counts the terminator's bytes as columns too ("\r\n" is two), so
	// walk up to the last byte before the next line.
	last := len(x.src)
	if line >= 1 && line < len(x.start) {
		last = x.start[line] - 1
	}
	for c := 1; c < col; c++ {
		if off >= last {
			return x.LineEnd(line)
		}
		_, size := utf8.DecodeRune(x.src[off:last])
		off += size
	}
	return off
}

// LineSpan returns the span of line n's text, or of its first character when empty.
func (x *LineIndex) LineSpan(n int) Span {
	return x.Span(x.LineStart(n), x.LineEnd(n))
}
