//go:build unix

package main

import "syscall"

// nonBlocking keeps an open of a named pipe from waiting for a writer.
const nonBlocking = syscall.O_NONBLOCK
