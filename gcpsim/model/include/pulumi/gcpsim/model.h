// What Google computes for a resource: its id and the outputs the API returns (self links, connection names,
// private IPs, service URIs, emails, CA certificates, create times). One model serves the simulator provider
// (gcpsim/) and the mocks behind the offline plan (infra/gcp-mocks), so both show the same values.
//
//   pulumi::gcpsim::DerivedAddresses addresses;                  // or the simulator's database
//   auto out = pulumi::gcpsim::ComputeOutputs({.type = "gcp:sql/databaseInstance:DatabaseInstance",
//                                              .name = "apex-postgres", .inputs = inputs,
//                                              .placement = {"apex-dev", "us-central1", "us-central1-a"}},
//                                             addresses);
//   out.id;                                   // "apex-postgres-1a2b3c4" (Cloud SQL ids are bare names)
//   out.outputs.at("connectionName");         // "apex-dev:us-central1:apex-postgres-1a2b3c4"
#ifndef PULUMI_GCPSIM_MODEL_H
#define PULUMI_GCPSIM_MODEL_H

#include "pulumi/property_value.h"

#include <string>
#include <vector>

namespace pulumi::gcpsim {

/// Where a resource lands when its inputs leave project, region or zone to the provider's configuration.
struct Placement {
  std::string project;
  std::string region;
  std::string zone;
};

/// The address space around a resource.
class AddressSpace {
 public:
  virtual ~AddressSpace() = default;
  /// An address for `owner` in the private services access range reserved on `network` (the ranges of its
  /// servicenetworking connection): a Cloud SQL private IP, a Memorystore host.
  virtual std::string PrivateServiceAddress(std::string const& network, std::string const& owner) = 0;
  /// An address for `owner` in `subnetwork`'s primary range: a VM's network interface.
  virtual std::string SubnetworkAddress(std::string const& subnetwork, std::string const& owner) = 0;
};

/// Stable addresses derived from the owner's name, for runs without a cloud to allocate from (mocks).
class DerivedAddresses : public AddressSpace {
 public:
  std::string PrivateServiceAddress(std::string const& network, std::string const& owner) override;
  std::string SubnetworkAddress(std::string const& subnetwork, std::string const& owner) override;
};

struct ModelInput {
  std::string type;    ///< "gcp:compute/network:Network"
  std::string name;    ///< the resource's name in the program (the URN's last part)
  PropertyMap inputs;  ///< as checked
  Placement placement;
  /// A preview: values Google computes only on create are unknown, and so is the id.
  bool preview = false;
  /// RFC 3339; the create time reported in outputs (the simulator passes the stored one on update).
  std::string create_time = "2026-01-01T00:00:00Z";
};

struct ModelOutput {
  std::string id;  ///< "" in a preview when it depends on the server
  PropertyMap outputs;
};

/// The id and outputs of a resource: its inputs, with project/region/zone/location filled in from the
/// placement, plus what the API computes. Types without a hand model echo their inputs (the simulator adds a
/// schema-driven fill of the rest).
ModelOutput ComputeOutputs(ModelInput const& in, AddressSpace& addresses);

/// Whether `type` has a hand model here.
bool HasHandModel(std::string const& type);
/// The types with a hand model.
std::vector<std::string> HandModelTypes();

/// The last segment of a resource path or name: "projects/p/global/networks/vpc" -> "vpc".
std::string LastSegment(std::string const& path);

/// A GCP project's number: twelve digits derived from its id.
std::string ProjectNumber(std::string const& project);
/// `n` hex digits derived from `text` (FNV-1a), for the suffixes GCP generates.
std::string StableHex(std::string const& text, int n);

}  // namespace pulumi::gcpsim

#endif  // PULUMI_GCPSIM_MODEL_H
