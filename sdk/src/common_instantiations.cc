#include "pulumi/internal/common_instantiations.h"

namespace pulumi {

#define PULUMI_DEFINE_MEMBER_TYPE(T) PULUMI_INSTANTIATE_MEMBER_TYPE(, T)
PULUMI_COMMON_MEMBER_TYPES(PULUMI_DEFINE_MEMBER_TYPE)
#undef PULUMI_DEFINE_MEMBER_TYPE

}  // namespace pulumi
