#include "mocks/registered_resource.h"

#include "internal/property_codec.h"

namespace pulumi::mocks {
namespace {

using test_engine::Strings;

void AddOptions(pulumirpc::RegisterResourceRequest const& req, RegisteredResource& r) {
  for (auto const& [k, v] : req.propertydependencies()) r.property_dependencies[k] = Strings(v.urns());
  if (req.has_protect()) r.protect = req.protect();
  r.ignore_changes = Strings(req.ignorechanges());
  r.replace_on_changes = Strings(req.replaceonchanges());
  if (req.deletebeforereplacedefined()) r.delete_before_replace = req.deletebeforereplace();
  if (req.has_retainondelete()) r.retain_on_delete = req.retainondelete();
  r.deleted_with = test_engine::UnlessEmpty(req.deletedwith());
  r.additional_secret_outputs = Strings(req.additionalsecretoutputs());
  r.alias_urns = Strings(req.aliasurns());
  for (auto const& a : req.aliases()) {
    if (a.has_spec()) r.alias_urns.push_back("spec:" + a.spec().name() + "/" + a.spec().type());
  }
  r.import_id = test_engine::UnlessEmpty(req.importid());
  r.version = test_engine::UnlessEmpty(req.version());
  r.plugin_download_url = test_engine::UnlessEmpty(req.plugindownloadurl());
  if (req.has_customtimeouts()) {
    auto const& t = req.customtimeouts();
    r.custom_timeouts = {{"create", t.create()}, {"update", t.update()}, {"delete", t.delete_()}, {"read", t.read()}};
  }
  r.hide_diffs = Strings(req.hidediffs());
  r.replace_with = Strings(req.replace_with());
  if (req.has_replacement_trigger()) {
    if (auto trigger = internal::DecodeValue(req.replacement_trigger()); trigger.ok()) r.replacement_trigger = *trigger;
  }
  r.env_var_mappings = {req.envvarmappings().begin(), req.envvarmappings().end()};
  if (req.has_hooks()) {
    auto const& h = req.hooks();
    for (auto const& [step, names] :
         {std::pair{"before_create", &h.before_create()}, std::pair{"after_create", &h.after_create()},
          std::pair{"before_update", &h.before_update()}, std::pair{"after_update", &h.after_update()},
          std::pair{"before_delete", &h.before_delete()}, std::pair{"after_delete", &h.after_delete()},
          std::pair{"on_error", &h.on_error()}}) {
      if (!names->empty()) r.hooks[step] = Strings(*names);
    }
  }
}

}  // namespace

RegisteredResource ToRegisteredResource(test_engine::Resource const& resource) {
  RegisteredResource r{.type = resource.type,
                       .name = resource.name,
                       .urn = resource.urn,
                       .id = resource.id,
                       .parent = resource.parent,
                       .custom = resource.custom,
                       .read = resource.read,
                       .inputs = resource.inputs,
                       .outputs = resource.outputs,
                       .registered_outputs = resource.registered_outputs.value_or(PropertyMap{})};
  if (resource.registration) {
    r.dependencies = Strings(resource.registration->dependencies());
    r.provider = resource.registration->provider();
    AddOptions(*resource.registration, r);
  } else if (resource.reading) {
    r.dependencies = Strings(resource.reading->dependencies());
    r.provider = resource.reading->provider();
  }
  return r;
}

}  // namespace pulumi::mocks
