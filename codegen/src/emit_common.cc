#include "emit.h"

#include <algorithm>
#include <cstdio>
#include <functional>

namespace pulumi::codegen::emit {
namespace {

std::string Guard(std::string const& path) {
  std::string guard = "PULUMI_GENERATED_";
  for (char c : path) {
    guard += std::isalnum(static_cast<unsigned char>(c))
                 ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
                 : '_';
  }
  return guard + "_";
}

// Object type token -> the object type tokens its properties name (through arrays, maps and unions).
void CollectObjectRefs(TypeRef const& t, std::set<std::string>& out) {
  if (t.kind == TypeKind::kObject) out.insert(t.token);
  if (t.element) CollectObjectRefs(*t.element, out);
  for (auto const& alt : t.one_of) CollectObjectRefs(alt, out);
}

// True if the value is spelled as a struct (or a container of structs) rather than an Input<T>.
bool StructForm(Context const& ctx, TypeRef const& t, std::string const& from_token) {
  switch (t.kind) {
    case TypeKind::kObject: return !ctx.InCycleWith(from_token, t.token);
    case TypeKind::kResource: return true;
    case TypeKind::kArray:
    case TypeKind::kMap: return StructForm(ctx, *t.element, from_token);
    default: return false;
  }
}

std::string ValueOf(Context const& ctx, TypeRef const& t, Form form, std::string const& from_ns,
                    std::string const& from_token, Uses& uses) {
  auto use = [&](std::string const& token) {
    auto const& e = ctx.entity(token);
    uses.headers.insert(e.header);
    uses.modules.insert(e.module);
  };
  switch (t.kind) {
    case TypeKind::kString: return "std::string";
    case TypeKind::kInteger: return "int";
    case TypeKind::kNumber: return "double";
    case TypeKind::kBoolean: return "bool";
    case TypeKind::kAny:
    case TypeKind::kJson:
    case TypeKind::kUnion: return "::pulumi::PropertyValue";
    case TypeKind::kAsset: return form == Form::kOutput ? "::pulumi::PropertyValue" : "::pulumi::Asset";
    case TypeKind::kArchive: return form == Form::kOutput ? "::pulumi::PropertyValue" : "::pulumi::Archive";
    case TypeKind::kEnum: use(TypeKey(t.token)); return ctx.Qualified(TypeKey(t.token), from_ns);
    case TypeKind::kObject:
      if (ctx.InCycleWith(from_token, t.token)) return "::pulumi::PropertyValue";
      use(TypeKey(t.token));
      return ctx.Qualified(TypeKey(t.token), from_ns, form == Form::kInput);
    case TypeKind::kResource:
      // Any resource will do for one of another package, so that no other package's SDK is needed.
      if (t.foreign) {
        return form == Form::kOutput ? "::pulumi::ResourceReference" : "::pulumi::ResourceInput<::pulumi::Resource>";
      }
      uses.modules.insert(ctx.entity(t.token).module);
      if (form == Form::kOutput) return "::pulumi::ResourceReference";
      uses.forward_resources.insert(t.token);
      return "::pulumi::ResourceInput<" + ctx.Qualified(t.token, from_ns) + ">";
    case TypeKind::kArray: return "std::vector<" + TypeOf(ctx, *t.element, form, from_ns, from_token, uses) + ">";
    case TypeKind::kMap:
      return "std::map<std::string, " + TypeOf(ctx, *t.element, form, from_ns, from_token, uses) + ">";
  }
  return "::pulumi::PropertyValue";
}

}  // namespace

Context::Context(Package const& package, GeneratorOptions const& options)
    : package_(package),
      banner_(Banner(options.schema_name.empty() ? package.name : options.schema_name,
                     package.version.empty() ? "0.0.0" : package.version)),
      package_ns_(ModuleNamespace(package.name, "index")),
      package_dir_(ModuleDirectory(package.name, "index")) {
  for (auto const& [module_name, module] : package.modules) {
    auto const& name = module_name;  // clang 14 cannot capture a structured binding in the lambda below
    auto names = AssignNames(module, name == "index");
    std::string ns = Namespace(name);
    std::string dir = Directory(name);
    auto add = [&](std::string const& token) {
      Entity e{.module = name, .ns = ns, .name = names.types.at(token), .header = dir + "/" + names.files.at(token)};
      if (auto it = names.args.find(token); it != names.args.end()) e.args = it->second;
      entities_[token] = e;
    };
    for (auto const& r : module.resources) add(r.token);
    for (auto const& f : module.functions) add(f.token);
    for (auto const& o : module.object_types) add(TypeKey(o.token));
    for (auto const& en : module.enum_types) add(TypeKey(en.token));
    names_[name] = std::move(names);
  }
  if (package.provider) {
    entities_[package.provider->token] = Entity{.module = "index",
                                                .ns = package_ns_,
                                                .name = "Provider",
                                                .args = "ProviderArgs",
                                                .header = package_dir_ + "/provider.h"};
    if (!names_.count("index")) names_["index"] = ModuleNames{};
  }

  // Tarjan's strongly connected components over object types; a component with a cycle gets an id.
  std::map<std::string, std::set<std::string>> edges;
  for (auto const& [name, module] : package.modules) {
    for (auto const& o : module.object_types) {
      auto& out = edges[o.token];
      for (auto const& p : o.properties) CollectObjectRefs(p.type, out);
    }
  }
  std::map<std::string, int> index, low;
  std::vector<std::string> stack;
  std::set<std::string> on_stack;
  int counter = 0, component = 0;
  std::function<void(std::string const&)> visit = [&](std::string const& v) {
    index[v] = low[v] = counter++;
    stack.push_back(v);
    on_stack.insert(v);
    for (auto const& w : edges[v]) {
      if (!index.count(w)) {
        visit(w);
        low[v] = std::min(low[v], low[w]);
      } else if (on_stack.count(w)) {
        low[v] = std::min(low[v], index[w]);
      }
    }
    if (low[v] == index[v]) {
      std::vector<std::string> members;
      std::string w;
      do {
        w = stack.back();
        stack.pop_back();
        on_stack.erase(w);
        members.push_back(w);
      } while (w != v);
      bool cyclic = members.size() > 1 || edges[v].count(v);
      if (cyclic) {
        for (auto const& m : members) cycle_of_[m] = component;
      }
      ++component;
    }
  };
  for (auto const& [token, _] : edges) {
    if (!index.count(token)) visit(token);
  }

  // Object types in function results that no resource, function argument or config takes: those get no
  // Args struct or encoder, since no program builds one.
  std::map<std::string, ObjectType const*> types;
  for (auto const& [name, module] : package.modules) {
    for (auto const& o : module.object_types) types[o.token] = &o;
  }
  auto reach = [&](std::set<std::string>& seen, auto const& add_roots) {
    std::vector<std::string> pending;
    auto take = [&](std::vector<Property> const& properties) {
      std::set<std::string> refs;
      for (auto const& p : properties) CollectObjectRefs(p.type, refs);
      for (auto const& token : refs) {
        if (seen.insert(token).second) pending.push_back(token);
      }
    };
    add_roots(take);
    while (!pending.empty()) {
      auto token = pending.back();
      pending.pop_back();
      if (auto it = types.find(token); it != types.end()) take(it->second->properties);
    }
  };
  auto functions = [&](auto const& each) {
    for (auto const& [name, module] : package.modules) {
      for (auto const& f : module.functions) each(f);
      for (auto const& r : module.resources) {
        for (auto const& m : r.methods) each(m.function);
      }
    }
  };
  std::set<std::string> inputs, results;
  reach(inputs, [&](auto const& take) {
    auto take_resource = [&](Resource const& r) {
      take(r.input_properties);
      take(r.properties);
      if (r.state_inputs) take(*r.state_inputs);
    };
    take(package.config);
    if (package.provider) take_resource(*package.provider);
    for (auto const& [name, module] : package.modules) {
      for (auto const& r : module.resources) take_resource(r);
    }
    functions([&](Function const& f) { take(f.inputs.value_or(std::vector<Property>{})); });
  });
  reach(results, [&](auto const& take) {
    functions([&](Function const& f) {
      take(f.outputs.value_or(std::vector<Property>{}));
      if (f.return_type) take({Property{.type = *f.return_type}});
    });
  });
  for (auto const& token : results) {
    if (!inputs.count(token)) result_only_types_.insert(token);
  }
}

bool Context::HasInputForm(std::string const& type_token) const { return !result_only_types_.count(type_token); }

std::string WithSchemaDefault(Property const& p, std::string const& expr) {
  auto const& d = p.default_value;
  std::string literal;
  switch (p.type.kind) {
    case TypeKind::kString: literal = d.is_string() ? Quote(d.get<std::string>()) : ""; break;
    case TypeKind::kBoolean: literal = d.is_boolean() ? (d.get<bool>() ? "true" : "false") : ""; break;
    case TypeKind::kInteger: literal = d.is_number_integer() ? d.dump() : ""; break;
    case TypeKind::kNumber: literal = d.is_number() ? d.dump() : ""; break;
    default: break;
  }
  if (p.required || literal.empty()) return expr;
  return expr + ".value_or(" + literal + ")";
}

std::string Context::Qualified(std::string const& token, std::string const& from_ns, bool args) const {
  auto const& e = entities_.at(token);
  std::string const& name = args ? e.args : e.name;
  return e.ns == from_ns ? name : "::" + e.ns + "::" + name;
}

bool Context::InCycleWith(std::string const& from_token, std::string const& to_token) const {
  auto a = cycle_of_.find(from_token);
  auto b = cycle_of_.find(to_token);
  return a != cycle_of_.end() && b != cycle_of_.end() && a->second == b->second;
}

std::string TypeOf(Context const& ctx, TypeRef const& type, Form form, std::string const& from_ns,
                   std::string const& from_token, Uses& uses) {
  if (form != Form::kInput) return ValueOf(ctx, type, form, from_ns, from_token, uses);
  if (type.plain) return ValueOf(ctx, type, Form::kPlain, from_ns, from_token, uses);
  if (StructForm(ctx, type, from_token)) return ValueOf(ctx, type, Form::kInput, from_ns, from_token, uses);
  return "::pulumi::Input<" + ValueOf(ctx, type, Form::kPlain, from_ns, from_token, uses) + ">";
}

std::string MemberTypeOf(Context const& ctx, Property const& property, bool required, Form form,
                         std::string const& from_ns, std::string const& from_token, Uses& uses) {
  TypeRef type = property.type;
  type.plain = type.plain || property.plain;
  std::string t = TypeOf(ctx, type, form, from_ns, from_token, uses);
  // An absent list in an output keeps its "absent" without std::optional's cost (pulumi/optional_list.h).
  static constexpr std::string_view kVector = "std::vector<";
  if (!required && form == Form::kOutput && type.kind == TypeKind::kArray && t.starts_with(kVector)) {
    return "::pulumi::OptionalList<" + t.substr(kVector.size());
  }
  if (!required) return "std::optional<" + t + ">";
  if (form == Form::kOutput) return t;
  static constexpr std::string_view kInput = "::pulumi::Input<";
  if (t.starts_with(kInput)) return "::pulumi::Required<" + t.substr(kInput.size());
  return "::pulumi::RequiredValue<" + t + ">";
}

std::string AddMember(Property const& property, std::string const& expr, Form form) {
  bool plain = form == Form::kPlain || property.plain || property.type.plain;
  return std::string("  b.") + (plain ? "AddPlain(" : "Add(") + Quote(property.name) + ", " + expr +
         (property.secret ? ", /*secret=*/true" : "") + ");\n";
}

std::string DocComment(std::string_view description, std::string_view indent) {
  // The first paragraph, without the examples and import notes that make gcp's descriptions pages long.
  std::string text(description.substr(0, description.find("\n\n")));
  std::string out;
  std::size_t lines = 0;
  std::size_t pos = 0;
  while (pos < text.size() && lines < 6) {
    std::size_t nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? text.size() : nl + 1;
    while (!line.empty() && (line.back() == '\\' || line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (line.empty()) continue;
    out += std::string(indent) + "/// " + line + "\n";
    ++lines;
  }
  return out;
}

std::string Quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '?': out += "\\?"; break;  // no trigraphs, ever
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\%03o", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string DeprecatedAttribute(std::string_view message) {
  if (message.empty()) return "";
  return "[[deprecated(" + Quote(message) + ")]] ";
}

std::string DeprecatedComment(std::string_view message, std::string_view indent) {
  if (message.empty()) return "";
  return DocComment("Deprecated: " + std::string(message), indent);
}

std::string Initializer(bool required) { return required ? "" : "{}"; }

std::string Header(Context const& ctx, std::string const& path, Uses const& uses, std::string const& body,
                   std::string const& self_header) {
  std::string guard = Guard(path);
  std::string out = ctx.banner() + "\n#ifndef " + guard + "\n#define " + guard + "\n\n";
  // gen/support.h brings args.h, and the explicit instantiations every unit that uses the bindings shares.
  out += "#include \"pulumi/args.h\"\n#include \"pulumi/context.h\"\n#include \"pulumi/convert.h\"\n";
  out += "#include \"pulumi/gen/support.h\"\n#include \"pulumi/invoke.h\"\n#include \"pulumi/output.h\"\n";
  out += "#include \"pulumi/resource.h\"\n";
  for (auto const& h : uses.headers) {
    if (h != self_header && h != path) out += "#include \"" + h + "\"\n";
  }
  out += "\n#include <map>\n#include <optional>\n#include <string>\n#include <vector>\n\n";
  // Resources named through ResourceInput<R> only need a declaration, which also breaks include cycles.
  std::map<std::string, std::vector<std::string>> forward;
  for (auto const& token : uses.forward_resources) {
    auto const& e = ctx.entity(token);
    forward[e.ns].push_back(e.name);
  }
  for (auto const& [ns, names] : forward) {
    out += "namespace " + ns + " {\n";
    for (auto const& n : names) out += "class " + n + ";\n";
    out += "}  // namespace " + ns + "\n\n";
  }
  out += body;
  out += "\n#endif  // " + guard + "\n";
  return out;
}

}  // namespace pulumi::codegen::emit
