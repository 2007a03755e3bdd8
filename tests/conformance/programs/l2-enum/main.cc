// l2-enum: enum-typed inputs (integer, string, number and wordy enums; lists, maps and objects of enums; an
// enum inside a union) in the root module and in nested modules.
#include "pulumi/enum_/deluxe.h"
#include "pulumi/enum_/mod/nested/res.h"
#include "pulumi/enum_/mod/res.h"
#include "pulumi/enum_/res.h"
#include "pulumi/pulumi.h"

#include <map>
#include <string>
#include <vector>

namespace en = pulumi::enum_;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    en::Res sink1(ctx, "sink1", {.int_enum = en::IntEnum::kIntOne, .string_enum = en::StringEnum::kStringTwo});
    en::mod::Res sink2(ctx, "sink2",
                       {.int_enum = en::mod::IntEnum::kIntOne, .string_enum = en::mod::StringEnum::kStringTwo});
    en::mod::nested::Res sink3(
        ctx, "sink3",
        {.int_enum = en::mod::nested::IntEnum::kIntOne, .string_enum = en::mod::nested::StringEnum::kStringTwo});
    en::Deluxe sink4(
        ctx, "sink4",
        {
            .array_of_enum = std::vector<en::StringEnum>{en::StringEnum::kStringOne, en::StringEnum::kStringTwo},
            .holder = en::HolderArgs{.color = en::StringEnum::kStringOne, .size = en::IntEnum::kIntTwo},
            .map_of_enum =
                std::map<std::string, en::IntEnum>{{"small", en::IntEnum::kIntOne}, {"large", en::IntEnum::kIntTwo}},
            .number_enum = en::NumberEnum::kZeroPointOne,
            .union_enum = en::WordyEnum::kAValueWithSpaces,  // a union of WordyEnum and string
            .wordy_enum = en::WordyEnum::kItSGotApostrophes,
        });
  });
}
