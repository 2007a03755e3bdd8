// Compute Engine VMs (and instance templates): no external IP, no default service account, Shielded VM, and
// the metadata and forwarding hardening (policy-checks rows 18-21). Absent inputs are judged by the provider's
// defaults.
#include "apex/gcp_types.h"
#include "policies.h"
#include "policy_support.h"

namespace apex::policy {
namespace {

std::vector<std::string> const kVms = {gcp::kInstance, gcp::kInstanceTemplate, gcp::kRegionInstanceTemplate};

bool IsTrue(std::string const& value) {
  auto v = Lower(value);
  return v == "true" || v == "1" || v == "yes" || v == "on";
}

bool IsFalse(std::string const& value) {
  auto v = Lower(value);
  return v == "false" || v == "0" || v == "no" || v == "off";
}

void NoPublicIp(pp::ResourceValidationArgs const& args) {
  auto const& p = args.resource.properties;
  for (std::size_t i = 0, n = ListSize(p, "networkInterfaces"); i < n; ++i) {
    std::string const at = "networkInterfaces[" + std::to_string(i) + "]";
    for (char const* kind : {"accessConfigs", "ipv6AccessConfigs"}) {
      if (auto count = ListSize(p, at + "." + kind); count > 0) {
        args.ReportViolation(at + "." + kind + " has " + std::to_string(count) +
                             " entries: the VM gets an external IP; reach it through IAP and Cloud NAT instead");
      }
    }
  }
}

bool IsDefaultComputeAccount(std::string const& email) {
  return email.ends_with("-compute@developer.gserviceaccount.com");
}

void NoDefaultServiceAccount(pp::ResourceValidationArgs const& args) {
  auto const& p = args.resource.properties;
  // Without a serviceAccount block the VM runs with no identity at all; with one and no email, with the default.
  if (!IsSet(p, "serviceAccount")) return;
  auto email = p.GetString("serviceAccount.email");
  if (email && !IsDefaultComputeAccount(*email)) return;
  bool full_access = false;
  for (std::size_t i = 0, n = ListSize(p, "serviceAccount.scopes"); i < n; ++i) {
    auto scope = p.GetString("serviceAccount.scopes[" + std::to_string(i) + "]").value_or("");
    full_access = full_access || scope == "cloud-platform" || scope.ends_with("/auth/cloud-platform");
  }
  args.ReportViolation("serviceAccount.email is " + (email ? *email : std::string("not set")) +
                       ": the VM runs as the Compute Engine default service account" +
                       (full_access ? " with the cloud-platform scope (full access)" : "") +
                       "; give it its own service account");
}

void ShieldedVm(pp::ResourceValidationArgs const& args) {
  auto const& p = args.resource.properties;
  std::vector<std::string> off;
  // Google's defaults: secure boot off, vTPM and integrity monitoring on.
  if (!p.GetBool("shieldedInstanceConfig.enableSecureBoot").value_or(false)) off.emplace_back("enableSecureBoot");
  if (!p.GetBool("shieldedInstanceConfig.enableVtpm").value_or(true)) off.emplace_back("enableVtpm");
  if (!p.GetBool("shieldedInstanceConfig.enableIntegrityMonitoring").value_or(true)) {
    off.emplace_back("enableIntegrityMonitoring");
  }
  if (!off.empty()) {
    args.ReportViolation("shieldedInstanceConfig." + Join(off, ", shieldedInstanceConfig.") +
                         (off.size() == 1 ? " is" : " are") + " off (secure boot's default is off)");
  }
}

void BlockProjectSshKeys(pp::ResourceValidationArgs const& args) {
  auto value = ScalarText(args.resource.properties, "metadata.block-project-ssh-keys");
  if (!value || !IsTrue(*value)) {
    args.ReportViolation("metadata block-project-ssh-keys is " + (value ? *value : std::string("not set")) +
                         ": project-wide SSH keys can log in; set it to \"true\"");
  }
}

void NoSerialPort(pp::ResourceValidationArgs const& args) {
  auto value = ScalarText(args.resource.properties, "metadata.serial-port-enable");
  if (value && IsTrue(*value)) {
    args.ReportViolation("metadata serial-port-enable is " + *value + ": the interactive serial console is open");
  }
}

void NoIpForwarding(pp::ResourceValidationArgs const& args) {
  if (args.resource.properties.GetBool("canIpForward").value_or(false)) {
    args.ReportViolation("canIpForward is true: the VM may route packets that are not its own");
  }
}

void NoOsLoginOverride(pp::ResourceValidationArgs const& args) {
  auto value = ScalarText(args.resource.properties, "metadata.enable-oslogin");
  if (value && IsFalse(*value)) {
    args.ReportViolation("metadata enable-oslogin is " + *value + ": the VM turns off the project's OS Login");
  }
}

}  // namespace

Policies ComputePolicies() {
  return {
      ForTypes("vm-no-public-ip", "VMs have no external IP (CKV_GCP_40, google-compute-no-public-ip)", kVms,
               NoPublicIp),
      ForTypes("vm-no-default-service-account",
               "VMs do not run as the default Compute Engine service account, with or without full access (CKV_GCP_30, "
               "CKV_GCP_31, google-compute-no-default-service-account)",
               kVms, NoDefaultServiceAccount),
      ForTypes("vm-shielded",
               "VMs are Shielded VMs: secure boot, vTPM and integrity monitoring (CKV_GCP_39, "
               "google-compute-enable-shielded-vm-sb, google-compute-enable-shielded-vm-vtpm, "
               "google-compute-enable-shielded-vm-im)",
               kVms, ShieldedVm),
      ForTypes("vm-block-project-ssh-keys",
               "VMs block project-wide SSH keys: metadata block-project-ssh-keys true (CKV_GCP_32, "
               "google-compute-no-project-wide-ssh-keys)",
               kVms, BlockProjectSshKeys),
      ForTypes("vm-no-serial-port",
               "VMs keep the serial port closed: metadata serial-port-enable not true (CKV_GCP_35, "
               "google-compute-no-serial-port)",
               kVms, NoSerialPort),
      ForTypes("vm-no-ip-forwarding",
               "VMs do not forward IP packets: canIpForward false (CKV_GCP_36, "
               "google-compute-no-ip-forwarding)",
               kVms, NoIpForwarding),
      ForTypes("vm-no-os-login-override",
               "VMs do not turn off OS Login: metadata enable-oslogin not false (CKV_GCP_34, "
               "google-compute-no-oslogin-override)",
               kVms, NoOsLoginOverride),
  };
}

}  // namespace apex::policy
