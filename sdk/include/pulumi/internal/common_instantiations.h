// The member types that most members of generated structs and resources have (a string, a list of strings,
// ...): their encoders, decoders and outputs are instantiated once, in the SDK library
// (src/common_instantiations.cc), instead of again in every translation unit that uses them.
#ifndef PULUMI_INTERNAL_COMMON_INSTANTIATIONS_H
#define PULUMI_INTERNAL_COMMON_INSTANTIATIONS_H

#include "pulumi/gen/support.h"
#include "pulumi/resource.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pulumi::internal {
using StringList = std::vector<std::string>;
using StringMap = std::map<std::string, std::string>;
}  // namespace pulumi::internal

// X(T) for each common member type.
#define PULUMI_COMMON_MEMBER_TYPES(X) \
  X(std::string) X(bool) X(int) X(double) X(::pulumi::internal::StringList) X(::pulumi::internal::StringMap)

// Explicit instantiation declarations (EXTERN = extern) or definitions (EXTERN empty) for member type T. The
// arguments are a keyword and a type in template arguments, which parentheses would break.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define PULUMI_INSTANTIATE_MEMBER_TYPE(EXTERN, T)                                                                  \
  EXTERN template Output<PropertyValue> ToOutputValue<T>(Input<T> const&);                                         \
  EXTERN template Output<PropertyValue> ToOutputValue<T>(Required<T> const&);                                      \
  EXTERN template MaybeOutputValue ToOutputValue<Input<T>>(std::optional<Input<T>> const&);                        \
  EXTERN template void gen::ArgsBuilder::Add<std::optional<Input<T>>>(char const*, std::optional<Input<T>> const&, \
                                                                      bool);                                       \
  EXTERN template void gen::ArgsBuilder::Add<Required<T>>(char const*, Required<T> const&, bool);                  \
  EXTERN template void gen::DecodeMember<T>(PropertyMap const&, char const*, T&);                                  \
  EXTERN template void gen::DecodeMember<T>(PropertyMap const&, char const*, std::optional<T>&);                   \
  EXTERN template void gen::EncodeMember<T>(PropertyMap&, char const*, T const&);                                  \
  EXTERN template void gen::EncodeMember<T>(PropertyMap&, char const*, std::optional<T> const&);                   \
  EXTERN template Output<T> internal::Decoded<T>(Output<PropertyValue> const&);                                    \
  EXTERN template Output<std::optional<T>> internal::Decoded<std::optional<T>>(Output<PropertyValue> const&);      \
  EXTERN template class internal::OutputState<T>;                                                                  \
  EXTERN template class internal::OutputState<std::optional<T>>;                                                   \
  EXTERN template class Output<std::optional<T>>;

// The same for the optional list of strings of outputs.
#define PULUMI_INSTANTIATE_OPTIONAL_STRING_LIST(EXTERN)                                                             \
  EXTERN template void gen::DecodeMember<OptionalList<std::string>>(PropertyMap const&, char const*,                \
                                                                    OptionalList<std::string>&);                    \
  EXTERN template void gen::EncodeMember<std::string>(PropertyMap&, char const*, OptionalList<std::string> const&); \
  EXTERN template Output<OptionalList<std::string>> internal::Decoded<OptionalList<std::string>>(                   \
      Output<PropertyValue> const&);                                                                                \
  EXTERN template class internal::OutputState<OptionalList<std::string>>;                                           \
  EXTERN template class Output<OptionalList<std::string>>;

// NOLINTEND(bugprone-macro-parentheses)

#define PULUMI_EXTERN_MEMBER_TYPE(T) PULUMI_INSTANTIATE_MEMBER_TYPE(extern, T)

namespace pulumi {
PULUMI_COMMON_MEMBER_TYPES(PULUMI_EXTERN_MEMBER_TYPE)
PULUMI_INSTANTIATE_OPTIONAL_STRING_LIST(extern)
}  // namespace pulumi

#undef PULUMI_EXTERN_MEMBER_TYPE

#endif  // PULUMI_INTERNAL_COMMON_INSTANTIATIONS_H
