package source

import "testing"

// TestLineIndex: "\n", "\r\n" and a lone "\r" each end a line; columns
// count code points; offsets round-trip.
func TestLineIndex(t *testing.T) {
	src := []byte("ab\r\ncé\rx\n\nend")
	x := NewLineIndex(src)
	cases := []struct {
		off       int
		line, col int
		lineText  string
	}{
		{0, 1, 1, "ab"},
		{2, 1, 3, "ab"},
		{4, 2, 1, "cé"},
		{5, 2, 2, "cé"},
		{7, 2, 3, "cé"},
		{8, 3, 1, "x"},
		{10, 4, 1, ""},
		{11, 5, 1, "end"},
		{14, 5, 4, "end"},
		{99, 5, 4, "end"}, // clamped
	}
	if x.Lines() != 5 {
		t.Fatalf("Lines() = %d, want 5", x.Lines())
	}
	for _, tc := range cases {
		p := x.Pos(tc.off)
		if p.Line != tc.line || p.Column != tc.col {
			t.Errorf("Pos(%d) = %d:%d, want %d:%d", tc.off, p.Line, p.Column, tc.line, tc.col)
		}
		if got := string(x.LineText(tc.line)); got != tc.lineText {
			t.Errorf("LineText(%d) = %q, want %q", tc.line, got, tc.lineText)
		}
		if tc.off <= len(src) {
			if back := x.Offset(p.Line, p.Column); back != p.Offset {
				t.Errorf("Offset(%d, %d) = %d, want %d", p.Line, p.Column, back, p.Offset)
			}
		}
	}
}

// TestLineIndexASCII: the ASCII fast path counts columns like the general one.
func TestLineIndexASCII(t *testing.T) {
	ascii, utf := NewLineIndex([]byte("ab\ncdef\r\ng")), NewLineIndex([]byte("ab\ncdef\r\ngé"))
	for off := 0; off <= 10; off++ {
		if a, u := ascii.Pos(off), utf.Pos(off); a != u {
			t.Errorf("Pos(%d): ASCII path %+v, general path %+v", off, a, u)
		}
	}
}

// TestPosInsideRune: an offset inside a multi-byte character is that
// character's position, so a span never ends before it starts.
func TestPosInsideRune(t *testing.T) {
	x := NewLineIndex([]byte("a\"푪b")) // 푪 is three bytes, at offsets 2–4
	for off, col := range map[int]int{2: 3, 3: 3, 4: 3, 5: 4} {
		if p := x.Pos(off); p.Column != col || p.Offset > off {
			t.Errorf("Pos(%d) = %+v, want column %d", off, p, col)
		}
	}
	if s := x.Span(3, 4); s.End.Column < s.Start.Column {
		t.Errorf("Span(3, 4) = %+v ends before it starts", s)
	}
}
