//go:build unix

package lint

import "syscall"

// nonBlocking keeps an open of a named pipe from waiting for a writer.
const nonBlocking = syscall.O_NONBLOCK
