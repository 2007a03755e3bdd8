"""The labels every labelable Apex resource carries (mirrors infra/lib/src/labels.cc)."""
import pulumi

from .config import CommonConfig


def standard_labels(common: CommonConfig) -> dict[str, str]:
    return {
        "environment": common.environment,
        "project": pulumi.get_project(),
        "managed-by": "pulumi",
        "cost-center": common.cost_center,
    }


def with_component(labels: dict[str, str], component: str) -> dict[str, str]:
    return {**labels, "component": component}
