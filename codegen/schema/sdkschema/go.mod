module pulumi-cpp/codegen/schema/sdkschema

go 1.26
