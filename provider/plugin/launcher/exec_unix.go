//go:build !windows

package main

import (
	"syscall"
)

// runNode replaces this process with node: same pid, standard streams, signals and exit code.
func runNode(node string, argv []string, env []string) error {
	return syscall.Exec(node, argv, env)
}
