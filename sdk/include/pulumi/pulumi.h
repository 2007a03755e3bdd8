// Convenience header: the whole public SDK.
#ifndef PULUMI_PULUMI_H
#define PULUMI_PULUMI_H

#include "pulumi/call.h"
#include "pulumi/config.h"
#include "pulumi/context.h"
#include "pulumi/convert.h"
#include "pulumi/format.h"
#include "pulumi/hooks.h"
#include "pulumi/input.h"
#include "pulumi/invoke.h"
#include "pulumi/output.h"
#include "pulumi/property_value.h"
#include "pulumi/resource.h"
#include "pulumi/run.h"
#include "pulumi/stack_reference.h"

#endif  // PULUMI_PULUMI_H
