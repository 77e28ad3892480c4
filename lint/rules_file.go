package lint

// The problems found while reading a file and splitting its front matter,
// reported by the parser, and the linter's own failure.
var (
	ruleFileUnreadable = &Rule{
		ID: "file-unreadable", Family: "file", Severity: SeverityError,
		Title:       "The file could not be read",
		Doc:         "The file vanished, is not a regular file, or cannot be opened or read. Linting goes on with the other files. The finding points at line 1.",
		ExampleNote: "A file that is not a regular file or cannot be opened: the example test lints a named pipe called entry.md, which is never opened (opening a pipe would wait for a writer).",
	}
	ruleFileTooLarge = &Rule{
		ID: "file-too-large", Family: "file", Severity: SeverityError,
		Title:       "The file is larger than the size limit",
		Doc:         "Entries are small; a file over the limit (2 MiB unless --max-file-size or the configuration's max-file-size says otherwise) is not parsed, so that one huge or generated file cannot stall a run. The finding points at line 1.",
		ExampleNote: "A file over the size limit: the example test lints a 3 MiB entry.",
	}
	ruleFileEmpty = &Rule{
		ID: "file-empty", Family: "file", Severity: SeverityError,
		Title:       "The file is empty or only whitespace",
		Doc:         "An entry needs front matter and a body; an empty file is usually a mistake in a commit. The finding points at line 1.",
		ExampleNote: "A file of zero bytes, or of spaces and line breaks only: the example test lints one of each.",
	}
	ruleFileBinary = &Rule{
		ID: "file-binary", Family: "file", Severity: SeverityError,
		Title:       "The file contains NUL bytes",
		Doc:         "A NUL byte never appears in Markdown text; the file is binary or corrupted. The finding points at the first NUL byte.",
		ExampleNote: "An image saved as entry.md: the example test lints a PNG signature followed by NUL bytes.",
	}
	ruleFileEncoding = &Rule{
		ID: "file-encoding", Family: "file", Severity: SeverityError,
		Title:       "The file is not UTF-8",
		Doc:         "Entries must be UTF-8. UTF-16 files and files with invalid UTF-8 byte sequences are reported at the first bad byte and not parsed further.",
		ExampleNote: "A file saved as UTF-16 or Latin-1: the example test lints an entry encoded as UTF-16 with a byte-order mark and one with a Latin-1 \"é\".",
	}
	ruleInternalError = &Rule{
		ID: "internal-error", Family: "internal", Severity: SeverityError,
		Title:       "A check failed while checking the file",
		Doc:         "A bug in contentlint: a check panicked. The message names the check's rules; the other checks and files are still checked. Please report it with the file that caused it.",
		Config:      exampleBare,
		ExampleNote: "No input should cause this: the example test runs a check that panics on purpose.",
	}
)
