// Command pulumi-resource-lightsail-certificates is the provider plugin's executable in the plugin
// archives that scripts/build-plugin.js makes: it runs the Node.js shipped beside it on the
// bundled plugin beside it, with its own arguments, standard streams and exit code:
//
//	<dir>/pulumi-resource-lightsail-certificates[.exe]
//	<dir>/plugin.js                                  the plugin, one file (esbuild bundle)
//	<dir>/node/bin/node, <dir>/node/node.exe         Node.js (unix, windows)
//
// PULUMI_LSC_NODE names another node to run (a path, or a command looked up on PATH). Standard
// library only, so that it cross-compiles for every platform with CGO_ENABLED=0.
//
// Node's compile cache (issue 19): unless NODE_COMPILE_CACHE or NODE_DISABLE_COMPILE_CACHE is
// set, node runs with NODE_COMPILE_CACHE=<user cache dir>/pulumi-lightsail-certificates/node-compile-cache
// ($PULUMI_LSC_CACHE/node-compile-cache when that is set), so that a start reads the compiled
// bundle instead of compiling it again (provider/plugin/compile-cache.ts flushes it).
package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

const name = "pulumi-resource-lightsail-certificates"

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, name+": "+format+"\n", args...)
	os.Exit(1)
}

// ownDir is the directory holding this executable, with symbolic links resolved.
func ownDir() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	if resolved, err := filepath.EvalSymlinks(exe); err == nil {
		exe = resolved
	}
	return filepath.Dir(exe), nil
}

// nodeOf is the node to run: $PULUMI_LSC_NODE, else the one shipped in dir.
func nodeOf(dir string) (string, error) {
	if override := os.Getenv("PULUMI_LSC_NODE"); override != "" {
		if !strings.ContainsAny(override, `/\`) {
			return exec.LookPath(override)
		}
		return override, nil
	}
	if runtime.GOOS == "windows" {
		return filepath.Join(dir, "node", "node.exe"), nil
	}
	return filepath.Join(dir, "node", "bin", "node"), nil
}

// compileCacheDir is where node keeps the plugin's compiled code: $PULUMI_LSC_CACHE, else the
// user's cache directory, then pulumi-lightsail-certificates/node-compile-cache.
func compileCacheDir() (string, error) {
	if root := os.Getenv("PULUMI_LSC_CACHE"); root != "" {
		return filepath.Join(root, "node-compile-cache"), nil
	}
	root, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "pulumi-lightsail-certificates", "node-compile-cache"), nil
}

// withCompileCache adds NODE_COMPILE_CACHE to env unless the user set it or disabled the cache.
func withCompileCache(env []string) []string {
	if os.Getenv("NODE_COMPILE_CACHE") != "" || os.Getenv("NODE_DISABLE_COMPILE_CACHE") != "" {
		return env
	}
	dir, err := compileCacheDir()
	if err != nil {
		return env
	}
	return append(env, "NODE_COMPILE_CACHE="+dir)
}

func main() {
	dir, err := ownDir()
	if err != nil {
		fail("cannot find its own directory: %v", err)
	}
	node, err := nodeOf(dir)
	if err != nil {
		fail("PULUMI_LSC_NODE=%q: %v", os.Getenv("PULUMI_LSC_NODE"), err)
	}
	if _, err := os.Stat(node); err != nil {
		fail("no Node.js at %s: %v", node, err)
	}
	script := filepath.Join(dir, "plugin.js")
	if _, err := os.Stat(script); err != nil {
		fail("no plugin.js beside the executable: %v", err)
	}
	// runNode replaces this process on unix (exec) and returns only on failure; on windows it
	// waits for node and exits with its exit code.
	env := withCompileCache(os.Environ())
	if err := runNode(node, append([]string{node, script}, os.Args[1:]...), env); err != nil {
		fail("cannot run %s: %v", node, err)
	}
}
