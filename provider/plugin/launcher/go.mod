module github.com/pulumi-lightsail-certificates/pulumi-lightsail-certificates/provider/plugin/launcher

go 1.22
