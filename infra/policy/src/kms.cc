// Cloud KMS keys: rotated at least every 90 days and protected from destruction (policy-checks row 26). Apex's
// one key is the stacks' secrets provider, made by apex-bootstrap.
#include "apex/gcp_types.h"
#include "policies.h"
#include "policy_support.h"

#include <cmath>

namespace apex::policy {
namespace {

constexpr double kMaxRotationDays = 90;

void Rotation(pp::ResourceValidationArgs const& args) {
  auto const& p = args.resource.properties;
  // Only symmetric keys rotate automatically.
  if (p.GetString("purpose").value_or("ENCRYPT_DECRYPT") != "ENCRYPT_DECRYPT") return;
  double max_days = args.config.value("maxRotationDays", kMaxRotationDays);
  auto period = p.GetString("rotationPeriod");
  if (!period) {
    args.ReportViolation("rotationPeriod is not set: the key never rotates");
    return;
  }
  // "7776000s": seconds with up to 9 fractional digits.
  double seconds = 0;
  try {
    seconds = std::stod(period->substr(0, period->size() - 1));
  } catch (std::exception const&) {
    args.ReportViolation("rotationPeriod " + *period + " is not a duration in seconds such as 7776000s");
    return;
  }
  if (seconds > max_days * 86400) {
    args.ReportViolation("rotationPeriod is " + *period + " (" + std::to_string(std::lround(seconds / 86400)) +
                         " days), longer than " + std::to_string(std::lround(max_days)) + " days");
  }
}

void Protected(pp::ResourceValidationArgs const& args) {
  if (args.resource.options.protect) return;
  auto policy = args.resource.properties.GetString("deletionPolicy");
  if (policy == "PREVENT") return;
  args.ReportViolation("the key is neither protected (resource option protect) nor deletionPolicy PREVENT (it is " +
                       policy.value_or("not set, the provider's default DELETE") +
                       "): destroying it makes everything it encrypted unreadable");
}

}  // namespace

Policies KmsPolicies() {
  std::vector<std::string> const keys = {gcp::kCryptoKey};
  return {
      ForTypes(
          "kms-key-rotation", "KMS keys rotate within 90 days: rotationPeriod (CKV_GCP_43, google-kms-rotate-kms-keys)",
          keys, Rotation,
          pp::ConfigSchema{
              .properties = {{"maxRotationDays",
                              NumberSchema("the longest rotation period allowed, in days", kMaxRotationDays, 1)}}}),
      ForTypes("kms-key-protected",
               "KMS keys are protected from destruction: the protect option or deletionPolicy PREVENT (CKV_GCP_82)",
               keys, Protected),
  };
}

}  // namespace apex::policy
