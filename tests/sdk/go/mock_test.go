// A program using the committed Go SDK (sdk/go) under the Go SDK's own mocks (pulumi.WithMocks):
// the invoke of getCertificate reaches the engine with the schema's token and camelCase
// arguments, and the typed result carries the certificate's fields; a CertificateLookup registers
// the schema's resource type with its inputs and resolves its outputs. tests/sdk/go-sdk.test.ts
// copies this file into a built copy of the module (package mocktest) and runs `go test` there.
package mocktest

import (
	"testing"

	lsc "github.com/pulumi-lightsail-certificates/pulumi-lightsail-certificates/sdk/go/lightsailcertificates"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

type mocks struct {
	calls     []pulumi.MockCallArgs
	resources []pulumi.MockResourceArgs
}

func (m *mocks) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	m.resources = append(m.resources, args)
	state := certificate()
	for k, v := range args.Inputs {
		state[k] = v
	}
	return args.Name + "-id", state, nil
}

func (m *mocks) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	m.calls = append(m.calls, args)
	return certificate(), nil
}

func certificate() resource.PropertyMap {
	return resource.NewPropertyMapFromMap(map[string]interface{}{
		"arn":                     "arn:aws:lightsail:us-east-1:123456789012:Certificate/abc",
		"name":                    "example-com",
		"domainName":              "example.com",
		"subjectAlternativeNames": []interface{}{"example.com", "www.example.com"},
		"status":                  "ISSUED",
		"region":                  "us-east-1",
		"notAfter":                "2027-09-01T00:00:00.000Z",
		"daysUntilExpiry":         42,
		"inUseResourceCount":      2,
		"domainValidationRecords": []interface{}{},
		"tags":                    map[string]interface{}{"team": "web"},
	})
}

func TestGetCertificateUnderMocks(t *testing.T) {
	m := &mocks{}
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		domain := "example.com"
		days := 30
		cert, err := lsc.GetCertificate(ctx, &lsc.GetCertificateArgs{DomainName: &domain, MinDaysValid: &days})
		if err != nil {
			return err
		}
		if cert.Name != "example-com" || cert.Region != "us-east-1" || cert.Status != "ISSUED" {
			t.Errorf("name/region/status: %q %q %q", cert.Name, cert.Region, cert.Status)
		}
		if cert.NotAfter == nil {
			t.Errorf("notAfter: nil")
		} else if *cert.NotAfter != "2027-09-01T00:00:00.000Z" {
			t.Errorf("notAfter: %q", *cert.NotAfter)
		}
		if cert.DaysUntilExpiry == nil {
			t.Errorf("daysUntilExpiry: nil")
		} else if *cert.DaysUntilExpiry != 42 {
			t.Errorf("daysUntilExpiry: %d", *cert.DaysUntilExpiry)
		}
		if cert.InUseResourceCount != 2 || len(cert.SubjectAlternativeNames) != 2 || cert.Tags["team"] != "web" {
			t.Errorf("inUseResourceCount/sans/tags: %d %v %v", cert.InUseResourceCount, cert.SubjectAlternativeNames, cert.Tags)
		}
		return nil
	}, pulumi.WithMocks("project", "stack", m))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.calls) != 1 || m.calls[0].Token != "lightsail-certificates:index:getCertificate" {
		t.Fatalf("calls: %+v", m.calls)
	}
	if got := m.calls[0].Args["domainName"].StringValue(); got != "example.com" {
		t.Errorf("domainName sent: %q", got)
	}
	if got := m.calls[0].Args["minDaysValid"].NumberValue(); got != 30 {
		t.Errorf("minDaysValid sent: %v", got)
	}
}

func TestCertificateLookupUnderMocks(t *testing.T) {
	m := &mocks{}
	notAfter := make(chan string, 1)
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		lookup, err := lsc.NewCertificateLookup(ctx, "site", &lsc.CertificateLookupArgs{
			DomainName:   pulumi.String("example.com"),
			MinDaysValid: pulumi.Int(30),
		})
		if err != nil {
			return err
		}
		lookup.NotAfter.ApplyT(func(v *string) string {
			if v != nil {
				notAfter <- *v
			} else {
				notAfter <- "<nil>"
			}
			return ""
		})
		return nil
	}, pulumi.WithMocks("project", "stack", m))
	if err != nil {
		t.Fatal(err)
	}
	if got := <-notAfter; got != "2027-09-01T00:00:00.000Z" {
		t.Errorf("notAfter: %q", got)
	}
	if len(m.resources) != 1 || m.resources[0].TypeToken != "lightsail-certificates:index:CertificateLookup" || m.resources[0].Name != "site" {
		t.Fatalf("resources: %+v", m.resources)
	}
	inputs := m.resources[0].Inputs
	if inputs["domainName"].StringValue() != "example.com" || inputs["minDaysValid"].NumberValue() != 30 || inputs.HasValue("query") {
		t.Errorf("inputs sent: %v", inputs)
	}
}
