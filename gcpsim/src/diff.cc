#include "diff.h"

#include <algorithm>
#include <set>

namespace pulumi::gcpsim {
namespace {

bool IsIdentifier(std::string const& key) {
  if (key.empty()) return false;
  return std::all_of(key.begin(), key.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; });
}

std::string Member(std::string const& path, std::string const& key) {
  if (IsIdentifier(key)) return path.empty() ? key : path + "." + key;
  return path + "[\"" + key + "\"]";
}

PropertyValue const& Plain(PropertyValue const& v) { return v.is_secret() ? Plain(v.SecretElement()) : v; }

bool Absent(PropertyMap const& m, std::string const& key) {
  auto it = m.find(key);
  return it == m.end() || Plain(it->second).is_null();
}

class Differ {
 public:
  Differ(ForceNewTable const& table, std::string type, std::vector<std::string> const& ignore)
      : table_(table), type_(std::move(type)) {
    for (auto const& i : ignore) ignored_.insert(NormalizePath(i));
  }

  void Maps(PropertyMap const& olds, PropertyMap const& news, std::string const& path) {
    std::set<std::string> keys;
    for (auto const& [k, _] : olds) keys.insert(k);
    for (auto const& [k, _] : news) keys.insert(k);
    for (auto const& k : keys) {
      if (path.empty() && k.starts_with("__")) continue;
      auto p = Member(path, k);
      bool had = !Absent(olds, k);
      bool has = !Absent(news, k);
      if (!had && !has) continue;
      if (!had) {
        Leaf(p, PropertyChange::Kind::kAdd, true, Plain(news.at(k)).is_computed());
      } else if (!has) {
        Leaf(p, PropertyChange::Kind::kDelete, true, false);
      } else {
        Values(Plain(olds.at(k)), Plain(news.at(k)), p);
      }
    }
  }

  void Values(PropertyValue const& o, PropertyValue const& n, std::string const& path) {
    if (n.is_computed()) return Leaf(path, PropertyChange::Kind::kUpdate, false, true);
    if (o.is_object() && n.is_object()) return Maps(o.AsObject(), n.AsObject(), path);
    if (o.is_array() && n.is_array() && o.AsArray().size() == n.AsArray().size()) {
      auto const& a = o.AsArray();
      auto const& b = n.AsArray();
      for (std::size_t i = 0; i < a.size(); ++i) Values(Plain(a[i]), Plain(b[i]), path + "[" + std::to_string(i) + "]");
      return;
    }
    if (o == n) return;
    Leaf(path, PropertyChange::Kind::kUpdate, o.kind() != n.kind() || o.is_array(), false);
  }

  DiffResult result;

 private:
  void Leaf(std::string const& path, PropertyChange::Kind kind, bool structural, bool unknown) {
    auto normal = NormalizePath(path);
    for (auto const& i : ignored_) {
      if (normal == i || normal.starts_with(i + ".")) return;
    }
    bool replace = table_.Replaces(type_, normal, structural || unknown) || (unknown && table_.AnyUnder(type_, normal));
    result.changes.push_back({path, kind, replace});
  }

  ForceNewTable const& table_;
  std::string type_;
  std::set<std::string> ignored_;
};

std::string TopLevel(std::string const& path) {
  auto end = path.find_first_of(".[");
  return path.substr(0, end);
}

}  // namespace

std::string NormalizePath(std::string const& path) {
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    char c = path[i];
    if (c == '[') {
      auto close = path.find(']', i);
      if (close == std::string::npos) break;
      auto inner = path.substr(i + 1, close - i - 1);
      if (inner.size() >= 2 && inner.front() == '"') out += "." + inner.substr(1, inner.size() - 2);
      // a list index adds nothing
      i = close;
      continue;
    }
    out += c;
  }
  return out;
}

bool DiffResult::replaces() const {
  return std::any_of(changes.begin(), changes.end(), [](PropertyChange const& c) { return c.replace; });
}

std::vector<std::string> DiffResult::changed_keys() const { return TopLevelKeys(false); }

std::vector<std::string> DiffResult::replace_keys() const { return TopLevelKeys(true); }

std::vector<std::string> DiffResult::TopLevelKeys(bool replacing_only) const {
  std::vector<std::string> out;
  for (auto const& c : changes) {
    if (replacing_only && !c.replace) continue;
    auto k = TopLevel(c.path);
    if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
  }
  return out;
}

DiffResult DiffInputs(ForceNewTable const& table, std::string const& type, PropertyMap const& olds,
                      PropertyMap const& news, std::vector<std::string> const& ignore_changes) {
  Differ d(table, type, ignore_changes);
  d.Maps(olds, news, "");
  d.result.delete_before_replace = d.result.replaces() && table.DeleteBeforeReplace(type);
  return std::move(d.result);
}

}  // namespace pulumi::gcpsim
