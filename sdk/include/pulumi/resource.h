// Resources: custom resources (managed by a provider), component resources (groups of children) and
// provider resources, with Pulumi's resource options.
//
//   pulumi::CustomResource bucket(ctx, "gcp:storage/bucket:Bucket", "data", {{"location", "EU"}});
//   class Database : public pulumi::ComponentResource {
//    public:
//     Database(pulumi::Context& ctx, std::string const& name, pulumi::ResourceOptions const& opts = {})
//         : ComponentResource(ctx, "apex:database:Cluster", name, opts) {
//       pulumi::CustomResource sql(ctx, "gcp:sql/databaseInstance:DatabaseInstance", name, {...}, {.parent = *this});
//       RegisterOutputs({{"connectionName", sql.GetOutput("connectionName")}});
//     }
//   };
#ifndef PULUMI_RESOURCE_H
#define PULUMI_RESOURCE_H

#include "pulumi/convert.h"
#include "pulumi/hooks.h"
#include "pulumi/input.h"
#include "pulumi/output.h"
#include "pulumi/property_value.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pulumi {

namespace internal {
/// Settles `out` once `src` does, with `src`'s value as `resolve` decodes it (or its unknown or failed
/// state). Not a template: every decoded type shares this continuation, where an Apply per type would
/// compile one of its own (generated bindings have a getter for each of thousands of types).
void SettleDecoded(Output<PropertyValue> const& src, std::shared_ptr<OutputStateBase> const& out,
                   void (*resolve)(OutputStateBase& out, PropertyValue const& value, bool secret, Dependencies deps));

template <typename T>
void ResolveDecoded(OutputStateBase& out, PropertyValue const& value, bool secret, Dependencies deps) {
  static_cast<OutputState<T>&>(out).Resolve(FromPropertyValue<T>(value), secret, std::move(deps));
}

/// `src` decoded into T, like `src.Apply(FromPropertyValue<T>)`.
template <typename T>
Output<T> Decoded(Output<PropertyValue> const& src) {
  auto const& rt = StateOf(src)->runtime();
  auto out = NewOutputState<T>(rt ? rt : CurrentRuntime());
  SettleDecoded(src, out, &ResolveDecoded<T>);
  return OutputOf(std::move(out));
}
}  // namespace internal

class Context;
struct ResourceOptions;

/// Inputs of an untyped resource: property name to value or output.
using PropertyInputs = std::map<std::string, Input<PropertyValue>>;

/// A handle to a registered resource; cheap to copy.
class Resource {
 public:
  /// The resource's URN, known once the engine has registered it.
  Output<std::string> urn() const;
  std::string const& type() const;
  std::string const& name() const;
  bool custom() const;

  bool operator==(Resource const& other) const { return state_ == other.state_; }

 protected:
  Resource() = default;
  explicit Resource(std::shared_ptr<internal::ResourceState> state) : state_(std::move(state)) {}

 private:
  friend std::shared_ptr<internal::ResourceState> const& internal::StateOf(Resource const& resource);
  friend Resource ResourceFromReference(Context& ctx, ResourceReference const& ref);

  std::shared_ptr<internal::ResourceState> state_;
};

namespace internal {
inline std::shared_ptr<ResourceState> const& StateOf(Resource const& resource) { return resource.state_; }
}  // namespace internal

/// A resource managed by a provider.
class CustomResource : public Resource {
 public:
  CustomResource(Context& ctx, std::string type, std::string name, PropertyInputs inputs);
  CustomResource(Context& ctx, std::string type, std::string name, PropertyInputs inputs, ResourceOptions const& opts);
  /// A resource of a parameterized package: `package_ref` from PackageReference (pulumi/package.h).
  CustomResource(Context& ctx, std::string type, std::string name, PropertyInputs inputs, ResourceOptions const& opts,
                 std::string package_ref);

  /// Reads an existing resource by id (like the `get` functions of other SDKs).
  static CustomResource Get(Context& ctx, std::string type, std::string name, Input<std::string> id,
                            PropertyInputs state, ResourceOptions const& opts);

  /// A handle to the resource a reference names (e.g. a component's output), with the outputs the engine
  /// holds for it; nothing is registered or read. Generated classes wrap it in their own type.
  static CustomResource FromReference(Context& ctx, ResourceReference const& ref);

  /// The provider-assigned id; unknown during a preview of a create.
  Output<std::string> id() const;
  /// All output properties. Secret properties keep their secret wrapper.
  Output<PropertyMap> outputs() const;
  /// One output property: secret if the property is secret, unknown if not yet known.
  Output<PropertyValue> GetOutput(std::string const& property) const;
  template <typename T>
  Output<T> GetOutput(std::string const& property) const {
    return internal::Decoded<T>(GetOutput(property));
  }

 protected:
  explicit CustomResource(std::shared_ptr<internal::ResourceState> state) : Resource(std::move(state)) {}
};

/// A provider instance, e.g. a gcp provider for another project or region.
class ProviderResource : public CustomResource {
 public:
  ProviderResource(Context& ctx, std::string const& package, std::string name, PropertyInputs inputs);
  ProviderResource(Context& ctx, std::string const& package, std::string name, PropertyInputs inputs,
                   ResourceOptions const& opts);
  /// The provider of a parameterized package: `package_ref` from PackageReference (pulumi/package.h).
  ProviderResource(Context& ctx, std::string const& package, std::string name, PropertyInputs inputs,
                   ResourceOptions const& opts, std::string package_ref);
  /// The package this provider serves, e.g. "gcp".
  std::string const& package() const;
};

/// A group of child resources, with outputs of its own.
class ComponentResource : public Resource {
 public:
  ComponentResource(Context& ctx, std::string type, std::string name);
  ComponentResource(Context& ctx, std::string type, std::string name, ResourceOptions const& opts);
  /// A component registered with input properties (recorded as its inputs in the state).
  ComponentResource(Context& ctx, std::string type, std::string name, PropertyInputs inputs,
                    ResourceOptions const& opts);

  /// Registers the component's outputs; call once, at the end of the constructor.
  void RegisterOutputs(PropertyInputs const& outputs);

  /// A component that its package's provider constructs (a multi-language component): the provider
  /// registers its children and returns its outputs. The generated classes of schema components use it.
  static ComponentResource Remote(Context& ctx, std::string type, std::string name, PropertyInputs inputs,
                                  ResourceOptions const& opts);
  /// A remote component of a parameterized package: `package_ref` from PackageReference (pulumi/package.h).
  static ComponentResource Remote(Context& ctx, std::string type, std::string name, PropertyInputs inputs,
                                  ResourceOptions const& opts, std::string package_ref);

  /// All output properties: a remote component's are those its provider returned.
  Output<PropertyMap> outputs() const;
  /// One output property: secret if the property is secret, unknown if not yet known.
  Output<PropertyValue> GetOutput(std::string const& property) const;
  template <typename T>
  Output<T> GetOutput(std::string const& property) const {
    return internal::Decoded<T>(GetOutput(property));
  }

 protected:
  /// For the root Stack, which the SDK registers itself.
  explicit ComponentResource(std::shared_ptr<internal::ResourceState> state) : Resource(std::move(state)) {}
};

struct CustomTimeouts {
  std::optional<std::string> create{};  // Go duration strings, e.g. "30m"
  std::optional<std::string> update{};
  std::optional<std::string> del{};
  std::optional<std::string> read{};
};

/// An earlier identity of a resource, so that renames or re-parenting do not replace it.
struct Alias {
  std::optional<std::string> urn{};  // a full URN, or:
  std::optional<std::string> name{};
  std::optional<std::string> type{};
  std::optional<Resource> parent{};
  std::optional<std::string> parent_urn{};
  bool no_parent = false;
  std::optional<std::string> stack{};
  std::optional<std::string> project{};
};

/// Per-resource options. Aggregate: use designated initializers, e.g. `{.parent = *this, .protect = true}`.
/// An option left unset is std::nullopt, or empty for a list or map; the engine then applies its default.
struct ResourceOptions {
  std::optional<Resource> parent{};
  std::vector<Resource> depends_on{};
  std::optional<bool> protect{};
  std::optional<ProviderResource> provider{};
  std::vector<ProviderResource> providers{};
  std::vector<std::string> ignore_changes{};
  std::optional<bool> delete_before_replace{};
  std::vector<Alias> aliases{};
  std::optional<CustomTimeouts> custom_timeouts{};
  std::optional<bool> retain_on_delete{};
  std::vector<std::string> replace_on_changes{};
  std::optional<Resource> deleted_with{};
  std::optional<std::string> version{};
  std::optional<std::string> plugin_download_url{};
  std::optional<std::string> import_id{};
  std::vector<std::string> additional_secret_outputs{};
  /// Property paths whose changes are not displayed in diffs (e.g. "value", "nested.field").
  std::vector<std::string> hide_diffs{};
  /// Resources whose replacement also replaces this one.
  std::vector<Resource> replace_with{};
  /// A value the engine compares with the last deployment's: when both are set and differ, the resource is
  /// replaced. May be an output (an unknown one replaces in a preview) or a secret.
  std::optional<Input<PropertyValue>> replacement_trigger{};
  /// For providers: environment variable mappings, source variable name to the name the provider sees.
  std::map<std::string, std::string> env_var_mappings{};
  /// Hooks the engine runs around this resource's create, update and delete (pulumi/hooks.h).
  ResourceHookBinding hooks{};
};

/// A reference to a resource as an input value: sent as a resource reference where the engine accepts
/// them, else as the resource's id (custom) or URN (component).
Output<PropertyValue> ReferenceTo(Resource const& resource);

/// A handle to a resource that a reference received from the engine names (not registered again).
Resource ResourceFromReference(Context& ctx, ResourceReference const& ref);

inline CustomResource::CustomResource(Context& ctx, std::string type, std::string name, PropertyInputs inputs)
    : CustomResource(ctx, std::move(type), std::move(name), std::move(inputs), ResourceOptions{}) {}
inline ProviderResource::ProviderResource(Context& ctx, std::string const& package, std::string name,
                                          PropertyInputs inputs)
    : ProviderResource(ctx, package, std::move(name), std::move(inputs), ResourceOptions{}) {}
inline ComponentResource::ComponentResource(Context& ctx, std::string type, std::string name)
    : ComponentResource(ctx, std::move(type), std::move(name), ResourceOptions{}) {}

}  // namespace pulumi

#endif  // PULUMI_RESOURCE_H
