// Test support: a full rendering of a PropertyValue for diagnostics (the codec test's failure messages, the
// fuzzer's crash reports). Unlike PropertyValue::ToString it shows what is inside secrets, so it stays out of
// the SDK.
#ifndef PULUMI_SDK_TESTS_SUPPORT_PROPERTY_DEBUG_H
#define PULUMI_SDK_TESTS_SUPPORT_PROPERTY_DEBUG_H

#include "pulumi/property_value.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ostream>
#include <string>

namespace pulumi::testing_util {

inline void DebugRender(std::ostream& os, PropertyValue const& v) {
  using K = PropertyValue::Kind;
  switch (v.kind()) {
    case K::kSecret:
      os << "secret(";
      DebugRender(os, v.SecretElement());
      os << ")";
      return;
    case K::kArray: {
      os << "[";
      bool first = true;
      for (auto const& e : v.AsArray()) {
        if (!first) os << ",";
        first = false;
        DebugRender(os, e);
      }
      os << "]";
      return;
    }
    case K::kObject: {
      os << "{";
      bool first = true;
      for (auto const& [k, e] : v.AsObject()) {
        if (!first) os << ",";
        first = false;
        os << nlohmann::json(k).dump() << ":";
        DebugRender(os, e);
      }
      os << "}";
      return;
    }
    case K::kString:
      os << nlohmann::json(v.AsString()).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      return;
    case K::kResourceReference: {
      auto const& r = v.AsResourceReference();
      os << "ref(urn=" << r.urn << ", id=" << (r.id ? "\"" + *r.id + "\"" : std::string("none"))
         << ", packageVersion=" << r.package_version << ")";
      return;
    }
    case K::kOutput: {
      auto const& o = v.AsOutput();
      os << "output(secret=" << o.secret << ", deps=" << o.dependencies.size() << ", value=";
      if (o.value) {
        DebugRender(os, *o.value);
      } else {
        os << "unknown";
      }
      os << ")";
      return;
    }
    case K::kAsset: {
      auto const& a = v.AsAsset();
      os << "asset(source=" << static_cast<int>(a.source) << ", value=" << a.value << ", hash=" << a.hash << ")";
      return;
    }
    case K::kArchive: {
      auto const& a = v.AsArchive();
      os << "archive(source=" << static_cast<int>(a.source) << ", value=" << a.value << ", hash=" << a.hash;
      if (a.assets) {
        os << ", assets=";
        DebugRender(os, PropertyValue(*a.assets));
      }
      os << ")";
      return;
    }
    case K::kNumber: {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.17g", v.AsNumber());
      os << buf;
      return;
    }
    default: os << v.ToString(); return;
  }
}

}  // namespace pulumi::testing_util

#endif  // PULUMI_SDK_TESTS_SUPPORT_PROPERTY_DEBUG_H
