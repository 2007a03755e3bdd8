// The size of Cloud Run workloads from config, checked against what Cloud Run accepts.
#include "apex/cloud_run_service.h"

#include <cctype>
#include <optional>
#include <string>

namespace apex {
namespace {

// "512Mi" -> 512, "8Gi" -> 8192; nullopt for anything else.
std::optional<int> MemoryMib(std::string const& memory) {
  if (memory.size() < 3) return std::nullopt;
  std::string digits = memory.substr(0, memory.size() - 2);
  std::string unit = memory.substr(memory.size() - 2);
  if (digits.empty() || digits.size() > 6) return std::nullopt;
  for (char c : digits) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  }
  int n = std::stoi(digits);
  if (unit == "Mi") return n;
  if (unit == "Gi") return n * 1024;
  return std::nullopt;
}

std::string RequireMemory(ConfigReader const& config, std::string const& key, std::string const& cpu) {
  std::string memory = config.RequireString(key);
  if (auto problem = internal::CpuMemoryProblem(cpu, memory)) config.Invalid(key, *problem);
  return memory;
}

std::string RequireCpu(ConfigReader const& config, std::string const& key) {
  return config.RequireOneOf(key, {"1", "2", "4", "6", "8"});
}

}  // namespace

namespace internal {

std::optional<std::string> CpuMemoryProblem(std::string const& cpu, std::string const& memory) {
  auto mib = MemoryMib(memory);
  if (!mib) return "'" + memory + "' is not a memory size like 512Mi or 4Gi";
  // Cloud Run's pairs (second generation): at least 512Mi; more memory needs more CPU, and more CPU needs a
  // minimum of memory.
  int vcpu = cpu == "1" ? 1 : cpu == "2" ? 2 : cpu == "4" ? 4 : cpu == "6" ? 6 : cpu == "8" ? 8 : 0;
  if (vcpu == 0) return "'" + cpu + "' is not a CPU count Cloud Run accepts (1, 2, 4, 6 or 8)";
  int max_gib = vcpu == 1 ? 4 : vcpu == 2 ? 8 : vcpu == 4 ? 16 : vcpu == 6 ? 24 : 32;
  int min_mib = vcpu == 4 ? 2048 : vcpu >= 6 ? 4096 : 512;
  if (*mib < min_mib) return memory + " is below the " + std::to_string(min_mib) + "Mi that " + cpu + " CPU needs";
  if (*mib > max_gib * 1024)
    return memory + " needs more than " + cpu + " CPU (at most " + std::to_string(max_gib) + "Gi)";
  return std::nullopt;
}

}  // namespace internal

ServiceSizing LoadServiceSizing(pulumi::Context& ctx, std::string const& prefix) {
  ConfigReader config(ctx);
  ServiceSizing s;
  s.cpu = RequireCpu(config, prefix + "Cpu");
  s.memory = RequireMemory(config, prefix + "Memory", s.cpu);
  s.min_instances = config.RequireInt(prefix + "MinInstances", 0, 1000);
  s.max_instances = config.RequireInt(prefix + "MaxInstances", 1, 1000);
  if (s.min_instances > s.max_instances) {
    config.Invalid(prefix + "MinInstances", std::to_string(s.min_instances) + " is above " + prefix + "MaxInstances (" +
                                                std::to_string(s.max_instances) + ")");
  }
  s.concurrency = config.GetInt(prefix + "Concurrency", s.concurrency, 1, 1000);
  s.timeout_seconds = config.GetInt(prefix + "TimeoutSeconds", s.timeout_seconds, 1, 3600);
  return s;
}

WorkerPoolSizing LoadWorkerPoolSizing(pulumi::Context& ctx, std::string const& prefix) {
  ConfigReader config(ctx);
  WorkerPoolSizing s;
  s.cpu = RequireCpu(config, prefix + "Cpu");
  s.memory = RequireMemory(config, prefix + "Memory", s.cpu);
  s.instances = config.RequireInt(prefix + "Instances", 0, 1000);
  return s;
}

}  // namespace apex
