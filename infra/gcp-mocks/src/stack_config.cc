#include "apex/gcp_mocks/stack_config.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <stdexcept>

namespace apex::gcp_mocks {
namespace {

YAML::Node LoadFile(std::filesystem::path const& path) {
  if (!std::filesystem::exists(path)) throw std::runtime_error("no stack file " + path.string());
  try {
    return YAML::LoadFile(path.string());
  } catch (YAML::Exception const& e) {
    throw std::runtime_error(path.string() + ": line " + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
}

std::string AsText(YAML::Node const& node) {
  if (node.IsScalar()) return node.Scalar();
  YAML::Emitter out;
  out << YAML::DoubleQuoted << YAML::Flow << node;
  return out.c_str();
}

}  // namespace

std::string SecretPlaceholder(std::string const& key) { return "<secret " + key + ">"; }

StackConfig LoadStackConfig(std::string const& project_dir, std::string const& stack) {
  std::filesystem::path dir(project_dir);
  StackConfig c;
  c.stack = stack;
  auto project = LoadFile(dir / "Pulumi.yaml");
  if (!project["name"]) throw std::runtime_error((dir / "Pulumi.yaml").string() + ": no project name");
  c.project = project["name"].as<std::string>();
  auto stack_file = dir / ("Pulumi." + stack + ".yaml");
  auto file = LoadFile(stack_file);
  for (auto const& kv : file["config"]) {
    std::string key = kv.first.as<std::string>();
    if (key.find(':') == std::string::npos) key = c.project + ":" + key;
    YAML::Node const& value = kv.second;
    if (value.IsMap() && value["secure"]) {
      c.secret_config[key] = SecretPlaceholder(key);
    } else {
      c.config[key] = AsText(value);
    }
  }
  return c;
}

pulumi::mocks::MockOptions MockOptionsFor(StackConfig const& config, bool dry_run,
                                          std::map<std::string, pulumi::PropertyMap> stack_references) {
  pulumi::mocks::MockOptions o;
  o.project = config.project;
  o.stack = config.stack;
  o.dry_run = dry_run;
  o.config = config.config;
  o.secret_config = config.secret_config;
  o.stack_references = std::move(stack_references);
  return o;
}

std::string ProjectDirectory(std::string const& project) { return std::string(APEX_INFRA_DIR) + "/" + project; }

}  // namespace apex::gcp_mocks
