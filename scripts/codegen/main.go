// Command lsc-codegen writes the Python, Go or Node.js SDK of the provider plugin lightsail-certificates
// from its schema, with the code generators of github.com/pulumi/pulumi/pkg/v3 (the version the
// CLI is built from). `pulumi package gen-sdk` cannot be used here: it asks the language's host
// to generate, and the Python and Go hosts are not available offline.
//
// scripts/generate-sdks.js builds it inside the cached pkg module (so it uses that module's
// go.mod) and runs it:
//
//	lsc-codegen -schema schema.json -language python|go|nodejs -out DIR
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

const tool = "lightsail-certificates codegen"

func main() {
	schemaPath := flag.String("schema", "", "the schema JSON (what the plugin's GetSchema returns)")
	language := flag.String("language", "", "python, go or nodejs")
	out := flag.String("out", "", "directory to write the SDK into (must not exist)")
	flag.Parse()
	if err := run(*schemaPath, *language, *out); err != nil {
		fmt.Fprintf(os.Stderr, "lsc-codegen: %v\n", err)
		os.Exit(1)
	}
}

func run(schemaPath, language, out string) error {
	if schemaPath == "" || out == "" {
		return fmt.Errorf("-schema and -out are required")
	}
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(data, &spec); err != nil {
		return fmt.Errorf("%s: %w", schemaPath, err)
	}
	// A self-contained schema binds with the null loader (a nil loader panics).
	pkg, diags, err := schema.BindSpec(spec, schema.NewNullLoader(), schema.ValidationOptions{})
	if err != nil {
		return fmt.Errorf("binding the schema: %w", err)
	}
	if diags.HasErrors() {
		return fmt.Errorf("the schema is invalid: %s", diags.Error())
	}
	var files map[string][]byte
	switch language {
	case "python":
		files, err = python.GeneratePackage(tool, pkg, nil, nil)
	case "go":
		files, err = gogen.GeneratePackage(tool, pkg, nil)
	case "nodejs":
		files, err = nodejs.GeneratePackage(tool, pkg, nil, nil, false, nil)
	default:
		return fmt.Errorf("-language must be python, go or nodejs, got %q", language)
	}
	if err != nil {
		return fmt.Errorf("generating the %s SDK: %w", language, err)
	}
	for name, content := range files {
		p := filepath.Join(out, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, content, 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("%d files\n", len(files))
	return nil
}
