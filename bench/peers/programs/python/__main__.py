"""The peer benchmark's program with Pulumi's Python SDK: bench:count Things in Groups of ten.

Each Thing but a group's first takes its `previous` input from an apply over the `label` output of the Thing
before it in its group, and has a secret `password`.
"""
from typing import Optional, Sequence

import pulumi


class Thing(pulumi.CustomResource):
    label: pulumi.Output[str]

    def __init__(self, name: str, label: str, size: int, tags: Sequence[str],
                 previous: pulumi.Input[str], password: pulumi.Input[str],
                 opts: Optional[pulumi.ResourceOptions] = None):
        super().__init__("bench:index:Thing", name, {
            "label": label,
            "size": size,
            "tags": tags,
            "previous": previous,
            "password": password,
        }, opts)


class Group(pulumi.ComponentResource):
    def __init__(self, name: str, opts: Optional[pulumi.ResourceOptions] = None):
        super().__init__("bench:index:Group", name, None, opts)


count = pulumi.Config().require_int("count")
previous: Optional[Thing] = None
group: Optional[Group] = None
for i in range(count):
    if i % 10 == 0:
        group = Group(f"group-{i // 10}")
        previous = None
    previous = Thing(
        f"thing-{i}",
        label=f"thing-{i}",
        size=i,
        tags=["bench", f"group-{i // 10}"],
        previous=previous.label.apply(lambda l: l + "/next") if previous else "none",
        password=pulumi.Output.secret(f"s3cret-{i}"),
        opts=pulumi.ResourceOptions(parent=group),
    )

pulumi.export("count", count)
if previous:
    pulumi.export("last", previous.label)
