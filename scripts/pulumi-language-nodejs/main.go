// A minimal Node.js language host for the Pulumi CLI, built from this repository because the
// official `pulumi-language-nodejs` is not served by the Go module proxy that this project's
// machines can reach. It is written for this project (TypeScript programs and CrossGuard policy
// packs whose npm dependencies are already installed) and does no more than that:
//
//   - Run launches `node <@pulumi/pulumi>/cmd/run` with the same flags and environment that the
//     official host passes (monitor and engine addresses, organization, project, stack, root
//     directory, pwd, dry-run, parallel, PULUMI_CONFIG, PULUMI_CONFIG_SECRET_KEYS,
//     PULUMI_NODEJS_TYPESCRIPT, PULUMI_NODEJS_TSCONFIG_PATH, `nodeargs`). The synchronous-invoke
//     pipes (`--sync`) are not provided: the SDK falls back to asynchronous invokes.
//   - RunPlugin launches `@pulumi/pulumi/cmd/run-policy-pack` for policy packs (behind the SDK's
//     PolicyProxy, which hands the stack configuration to the pack through its environment) and
//     `@pulumi/pulumi/cmd/run-plugin` for other plugin kinds.
//   - GetRequiredPlugins / GetRequiredPackages report nothing (the project loads no provider
//     plugins under the engine; the dynamic-provider plugin is found on PATH on first use).
//   - InstallDependencies does nothing: the project installs its own node_modules.
//   - Handshake, GetPluginInfo, About, GetProgramDependencies and Cancel answer as expected.
//
// @pulumi/pulumi is located by walking up from the program (or policy pack) directory to the
// first node_modules/@pulumi/pulumi, the way Node resolves a bare module specifier.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"

	sdk "github.com/pulumi/pulumi/sdk/v3"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/config"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

const (
	// Exit code with which @pulumi/pulumi/cmd/run says "I already showed the user an actionable
	// message": the engine should stop without printing more.
	exitAfterUserActionableMessage = 32
	analyzerKind                   = "analyzer"
)

func main() {
	tracing := flag.String("tracing", "", "Zipkin-compatible tracing endpoint, passed on to the program")
	runtimeName := flag.String("runtime", "nodejs", "only `nodejs` is supported")
	showVersion := flag.Bool("version", false, "print the plugin version and exit")
	flag.Parse()
	if *showVersion {
		fmt.Println(version.Version)
		return
	}
	if *runtimeName != "nodejs" {
		fatalf("unsupported runtime %q: this minimal language host only runs node", *runtimeName)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	h := newHost(*tracing)
	if args := flag.Args(); len(args) > 0 {
		h.setEngine(ctx, args[0], stop)
	}

	cancel := make(chan bool)
	go func() {
		<-ctx.Done()
		close(cancel)
	}()
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: cancel,
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, h)
			return nil
		},
	})
	if err != nil {
		fatalf("could not start the language host gRPC server: %v", err)
	}
	// The engine reads the port from the first line of stdout.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fatalf("language host stopped serving: %v", err)
	}
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: "+format+"\n", args...)
	os.Exit(1)
}

type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer

	tracing string

	mu            sync.Mutex
	engineAddress string

	// Cancelled by the Cancel RPC: interrupts running programs and plugins.
	cancelCtx  context.Context
	cancelFunc context.CancelFunc
}

func newHost(tracing string) *host {
	ctx, cancel := context.WithCancel(context.Background())
	return &host{tracing: tracing, cancelCtx: ctx, cancelFunc: cancel}
}

// setEngine records the engine address and exits this process (through stop) once the engine
// stops answering health checks, so that a crashed CLI leaves no language host behind.
func (h *host) setEngine(ctx context.Context, addr string, stop context.CancelFunc) {
	h.mu.Lock()
	h.engineAddress = addr
	h.mu.Unlock()
	if err := rpcutil.Healthcheck(ctx, addr, 5*time.Minute, stop); err != nil {
		fatalf("could not start the engine health check: %v", err)
	}
}

func (h *host) engine() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.engineAddress
}

func (h *host) Handshake(
	ctx context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	h.mu.Lock()
	h.engineAddress = req.GetEngineAddress()
	h.mu.Unlock()
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *host) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

func (h *host) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	h.cancelFunc()
	return &emptypb.Empty{}, nil
}

func (h *host) GetRequiredPlugins(
	context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

func (h *host) GetRequiredPackages(
	context.Context, *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

func (h *host) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, server pulumirpc.LanguageRuntime_InstallDependenciesServer,
) error {
	msg := "pulumi-language-nodejs (minimal host): not installing anything; " +
		"run `npm ci` in the project yourself\n"
	return server.Send(&pulumirpc.InstallDependenciesResponse{Stdout: []byte(msg)})
}

func (h *host) About(ctx context.Context, req *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	nodeBin, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("could not find node on PATH: %w", err)
	}
	out, _ := exec.CommandContext(ctx, nodeBin, "--version").Output()
	return &pulumirpc.AboutResponse{
		Executable: nodeBin,
		Version:    strings.TrimSpace(string(out)),
		Metadata:   map[string]string{"packagemanager": "npm", "languagehost": "minimal (pulumi-lightsail-certificates)"},
	}, nil
}

// GetProgramDependencies lists the dependencies declared by the nearest package.json above the
// program directory, with the versions installed in the node_modules found by walking up.
func (h *host) GetProgramDependencies(
	ctx context.Context, req *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	dir := req.GetInfo().GetProgramDirectory()
	if dir == "" {
		dir = req.GetPwd()
	}
	resp := &pulumirpc.GetProgramDependenciesResponse{}
	manifest := findUp(dir, "package.json")
	if manifest == "" {
		return resp, nil
	}
	var pkg struct {
		Dependencies    map[string]string `json:"dependencies"`
		DevDependencies map[string]string `json:"devDependencies"`
	}
	if err := readJSON(manifest, &pkg); err != nil {
		return nil, err
	}
	names := map[string]bool{}
	for n := range pkg.Dependencies {
		names[n] = true
	}
	for n := range pkg.DevDependencies {
		names[n] = true
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	for _, n := range sorted {
		var installed struct {
			Version string `json:"version"`
		}
		if p := findUp(dir, filepath.Join("node_modules", n, "package.json")); p != "" {
			_ = readJSON(p, &installed)
		}
		if installed.Version == "" {
			continue // declared but not installed
		}
		resp.Dependencies = append(resp.Dependencies, &pulumirpc.DependencyInfo{Name: n, Version: installed.Version})
	}
	return resp, nil
}

// nodeOptions are the `runtime.options` of Pulumi.yaml / PulumiPolicy.yaml that a node host reads.
type nodeOptions struct {
	typescript bool
	tsconfig   string
	nodeargs   []string
}

func parseOptions(info *pulumirpc.ProgramInfo) (nodeOptions, error) {
	opts := nodeOptions{typescript: true}
	m := info.GetOptions().AsMap()
	if v, ok := m["typescript"]; ok {
		b, ok := v.(bool)
		if !ok {
			return opts, errors.New("typescript option must be a boolean")
		}
		opts.typescript = b
	}
	if v, ok := m["tsconfig"]; ok {
		s, ok := v.(string)
		if !ok {
			return opts, errors.New("tsconfig option must be a string")
		}
		opts.tsconfig = s
	}
	if v, ok := m["nodeargs"]; ok {
		s, ok := v.(string)
		if !ok {
			return opts, errors.New("nodeargs option must be a string")
		}
		// Whitespace-separated; quoting is not supported by this minimal host.
		opts.nodeargs = strings.Fields(s)
	}
	return opts, nil
}

func (o nodeOptions) env() []string {
	var env []string
	if o.typescript {
		env = append(env, "PULUMI_NODEJS_TYPESCRIPT=true")
	}
	if o.tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+o.tsconfig)
	}
	return env
}

// locateSDKScript returns <dir>/node_modules/@pulumi/pulumi/<sub> for the first such directory
// found walking up from dir.
func locateSDKScript(dir, sub string) (string, error) {
	p := findUp(dir, filepath.Join("node_modules", "@pulumi", "pulumi", sub, "index.js"))
	if p == "" {
		return "", fmt.Errorf("it looks like the Pulumi SDK has not been installed: no "+
			"node_modules/@pulumi/pulumi/%s above %s; run npm install", sub, dir)
	}
	return p, nil
}

// findUp returns the first existing <d>/<rel> for d = dir, parent of dir, ... or "".
func findUp(dir, rel string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, rel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// Run executes the Pulumi program through @pulumi/pulumi/cmd/run.
func (h *host) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	if h.engine() == "" {
		return nil, errors.New("no engine address: call Handshake before Run")
	}
	nodeBin, err := exec.LookPath("node")
	if err != nil {
		return &pulumirpc.RunResponse{Error: "could not find node on the $PATH: " + err.Error()}, nil
	}
	info := req.GetInfo()
	runPath, err := locateSDKScript(info.GetProgramDirectory(), filepath.Join("cmd", "run"))
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	opts, err := parseOptions(info)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	configJSON, err := runConfig(req.GetConfig())
	if err != nil {
		return &pulumirpc.RunResponse{Error: "failed to serialize configuration: " + err.Error()}, nil
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	secretKeysJSON, err := json.Marshal(secretKeys)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}

	args := append([]string{}, opts.nodeargs...)
	args = append(args, runPath)
	flagArg := func(name, value string) {
		if value != "" {
			args = append(args, "--"+name, value)
		}
	}
	flagArg("monitor", req.GetMonitorAddress())
	flagArg("engine", h.engine())
	flagArg("organization", req.GetOrganization())
	flagArg("project", req.GetProject())
	flagArg("root-directory", info.GetRootDirectory())
	flagArg("stack", req.GetStack())
	flagArg("pwd", info.GetProgramDirectory())
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	flagArg("parallel", strconv.Itoa(int(req.GetParallel())))
	flagArg("tracing", h.tracing)
	entry := info.GetEntryPoint()
	if entry == "" {
		entry = "."
	}
	args = append(args, entry)
	args = append(args, req.GetArgs()...)

	env := append(os.Environ(),
		"PULUMI_CONFIG="+configJSON,
		"PULUMI_CONFIG_SECRET_KEYS="+string(secretKeysJSON))
	env = append(env, opts.env()...)

	cmdCtx, cmdCancel := context.WithCancel(h.cancelCtx)
	defer cmdCancel()
	stopAfter := context.AfterFunc(ctx, cmdCancel)
	defer stopAfter()
	cmd := exec.CommandContext(cmdCtx, nodeBin, args...)
	cmd.Env = env
	interruptThenKill(cmd)
	// Wrapped writers make Go copy through pipes instead of handing node our own descriptors
	// (node may switch them to non-blocking mode).
	cmd.Stdout = struct{ io.Writer }{os.Stdout}
	cmd.Stderr = struct{ io.Writer }{os.Stderr}

	if err := cmd.Run(); err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			if exitErr.ExitCode() == exitAfterUserActionableMessage {
				return &pulumirpc.RunResponse{Bail: true}, nil
			}
			return &pulumirpc.RunResponse{
				Error: fmt.Sprintf("Program exited with non-zero exit code: %d", exitErr.ExitCode()),
			}, nil
		}
		return &pulumirpc.RunResponse{
			Error: "Problem executing program (could not run language executor): " + err.Error(),
		}, nil
	}
	return &pulumirpc.RunResponse{}, nil
}

// runConfig serializes config for @pulumi/pulumi, using the `<namespace>:config:<name>` key form
// that the official host still sends (newer SDKs accept both forms).
func runConfig(cfg map[string]string) (string, error) {
	out := make(map[string]string, len(cfg))
	for k, v := range cfg {
		key, err := config.ParseKey(k)
		if err != nil {
			return "", err
		}
		out[key.Namespace()+":config:"+key.Name()] = v
	}
	b, err := json.Marshal(out)
	return string(b), err
}

// interruptThenKill makes a cancelled command get SIGINT first and SIGKILL 5 s later.
func interruptThenKill(cmd *exec.Cmd) {
	cmd.Cancel = func() error {
		if err := cmd.Process.Signal(os.Interrupt); err != nil {
			return cmd.Process.Kill()
		}
		return nil
	}
	cmd.WaitDelay = 5 * time.Second
}

// RunPlugin runs a plugin written in node from its own directory. For a CrossGuard policy pack
// (kind "analyzer") the engine expects this stream's stdout to start with the port of an
// Analyzer gRPC server; the SDK's PolicyProxy serves that port at once, waits for the engine's
// ConfigureStack call, starts the pack with the stack's organization, project, stack, dry-run
// flag and config in its environment (the way @pulumi/policy reads them) and then forwards every
// Analyzer call to the port that the pack prints.
func (h *host) RunPlugin(
	req *pulumirpc.RunPluginRequest, server pulumirpc.LanguageRuntime_RunPluginServer,
) error {
	ctx := server.Context()
	closer, stdout, stderr, err := rpcutil.MakeRunPluginStreams(server, false)
	if err != nil {
		return err
	}
	defer closer.Close()

	nodeBin, err := exec.LookPath("node")
	if err != nil {
		return fmt.Errorf("could not find node on the $PATH: %w", err)
	}
	info := req.GetInfo()
	dir := info.GetProgramDirectory()
	opts, err := parseOptions(info)
	if err != nil {
		return err
	}
	isPolicyPack := req.GetKind() == analyzerKind
	script := filepath.Join("cmd", "run-plugin")
	if isPolicyPack {
		script = filepath.Join("cmd", "run-policy-pack")
	}
	scriptPath, err := locateSDKScript(dir, script)
	if err != nil {
		return err
	}

	args := append(append([]string{}, opts.nodeargs...), scriptPath)
	if isPolicyPack {
		// run-policy-pack expects `<engine address> <pack directory>`.
		args = append(args, req.GetArgs()...)
		args = append(args, dir)
	} else {
		args = append(args, dir)
		args = append(args, req.GetArgs()...)
	}
	env := append(append([]string{}, req.GetEnv()...), opts.env()...)

	var proxy *sdk.PolicyProxy
	if isPolicyPack {
		proxy, stdout, err = sdk.NewPolicyProxy(ctx, stdout)
		if err != nil {
			return fmt.Errorf("could not start the policy pack proxy: %w", err)
		}
		stackCfg, err := proxy.AwaitConfiguration(ctx)
		if err != nil {
			return fmt.Errorf("could not get the stack configuration: %w", err)
		}
		if stackCfg != nil {
			setIf := func(k, v string) {
				if v != "" {
					env = append(env, k+"="+v)
				}
			}
			setIf("PULUMI_NODEJS_ORGANIZATION", stackCfg.GetOrganization())
			setIf("PULUMI_NODEJS_PROJECT", stackCfg.GetProject())
			setIf("PULUMI_NODEJS_STACK", stackCfg.GetStack())
			setIf("PULUMI_NODEJS_DRY_RUN", strconv.FormatBool(stackCfg.GetDryRun()))
			if stackCfg.GetConfig() != nil {
				b, err := json.Marshal(stackCfg.GetConfig())
				if err != nil {
					return fmt.Errorf("could not serialize the stack configuration: %w", err)
				}
				setIf("PULUMI_CONFIG", string(b))
			}
		}
	}

	cmdCtx, cmdCancel := context.WithCancel(h.cancelCtx)
	defer cmdCancel()
	stopAfter := context.AfterFunc(ctx, cmdCancel)
	defer stopAfter()
	cmd := exec.CommandContext(cmdCtx, nodeBin, args...)
	// Policy packs run from their own directory (they read ./package.json); others from pwd.
	if isPolicyPack {
		cmd.Dir = dir
	} else {
		cmd.Dir = req.GetPwd()
	}
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = stdout, stderr
	interruptThenKill(cmd)

	if err := cmd.Start(); err != nil {
		return fmt.Errorf("could not start the plugin program: %w", err)
	}
	if proxy != nil {
		err = proxy.Attach(ctx, cmd) // waits for the pack to exit
	} else {
		err = cmd.Wait()
	}
	if err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			return fmt.Errorf("Program exited with non-zero exit code: %d", exitErr.ExitCode())
		}
		return err
	}
	return closer.Close()
}
