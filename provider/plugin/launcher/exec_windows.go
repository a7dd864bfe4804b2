//go:build windows

package main

import (
	"errors"
	"os"
	"os/exec"
	"os/signal"
)

// runNode runs node with this process's standard streams and exits with its exit code (windows
// has no exec). Ctrl+C reaches node through the shared console; this process only waits.
func runNode(node string, argv []string, env []string) error {
	cmd := exec.Command(node, argv[1:]...)
	cmd.Env = env
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	signal.Ignore(os.Interrupt)
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		os.Exit(exit.ExitCode())
	}
	if err != nil {
		return err
	}
	os.Exit(0)
	return nil
}
