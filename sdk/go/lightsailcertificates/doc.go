// Look up Amazon Lightsail TLS certificates: paged lookups by name or domain, and a CertificateLookup resource that shows renewals at preview.
package lightsailcertificates
