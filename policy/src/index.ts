/**
 * The `lightsail-certificates` CrossGuard pack. Run it with
 * `pulumi preview --policy-pack policy [--policy-pack-config <file>]`; see README.md.
 */
import { PolicyPack } from "@pulumi/policy";
import { createPolicies } from "./policies";

new PolicyPack("lightsail-certificates", { policies: createPolicies() });
