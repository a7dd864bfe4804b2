// A program using the generated Go SDK under the Go SDK's own mocks (pulumi.WithMocks): the
// invoke of getCertificate reaches the engine with the schema's token and camelCase arguments,
// and the typed result carries the certificate's fields. tests/sdk/go-sdk.test.ts copies this
// file into the generated module (package mocktest) and runs `go test` there.
package mocktest

import (
	"testing"

	lsc "example.com/pulumi-lightsail-certificates/sdk/go/lightsailcertificates"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

type mocks struct{ calls []pulumi.MockCallArgs }

func (m *mocks) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	return args.Name + "-id", args.Inputs, nil
}

func (m *mocks) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	m.calls = append(m.calls, args)
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
	}), nil
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
