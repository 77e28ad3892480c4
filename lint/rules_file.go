package lint

// FileRules are the problems found while reading a file and splitting its
// front matter. The parser reports them; they have no Run of their own.
var FileRules = []*Rule{
	{
		ID: "file-unreadable", Family: "file", Severity: SeverityError,
		Title: "The file could not be read",
		Doc:   "The file vanished, is not a regular file, or cannot be opened or read. Linting goes on with the other files.",
		Bad:   "(a file without read permission)", Good: "(a readable file)",
	},
	{
		ID: "file-too-large", Family: "file", Severity: SeverityError,
		Title: "The file is larger than the size limit",
		Doc:   "Entries are small; a file over the limit (2 MiB unless --max-file-size says otherwise) is not parsed, so that one huge or generated file cannot stall a run.",
		Bad:   "(a 50 MB file)", Good: "(an entry of a few kilobytes)",
	},
	{
		ID: "file-empty", Family: "file", Severity: SeverityError,
		Title: "The file is empty or only whitespace",
		Doc:   "An entry needs front matter and a body; an empty file is usually a mistake in a commit.",
		Bad:   "", Good: "---\ntitle: \"Glasgow Open Data Group\"\n---\n\nAbout the group.",
	},
	{
		ID: "file-binary", Family: "file", Severity: SeverityError,
		Title: "The file contains NUL bytes",
		Doc:   "A NUL byte never appears in Markdown text; the file is binary or corrupted.",
		Bad:   "(an image saved as entry.md)", Good: "(a UTF-8 text file)",
	},
	{
		ID: "file-encoding", Family: "file", Severity: SeverityError,
		Title: "The file is not UTF-8",
		Doc:   "Entries must be UTF-8. UTF-16 files and files with invalid UTF-8 byte sequences are reported at the first bad byte and not parsed further.",
		Bad:   "(a file saved as UTF-16 or Latin-1)", Good: "(the same file saved as UTF-8)",
	},
	{
		ID: "internal-error", Family: "internal", Severity: SeverityError,
		Title: "A rule failed while checking the file",
		Doc:   "A bug in contentlint: a rule panicked. The message names the rule; the other rules and files are still checked. Please report it with the file that caused it.",
		Bad:   "(any input that makes a rule fail)", Good: "(the same input, after the bug is fixed)",
	},
}
