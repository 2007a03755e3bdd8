"""The Google APIs a stack needs, enabled by that stack (mirrors infra/lib/src/project_apis.cc)."""
import pulumi_gcp as gcp

from .config import CommonConfig


def enable_apis(common: CommonConfig, apis: list[str]) -> list[gcp.projects.Service]:
    """One gcp:projects:Service per API, named "api-<service name before the first dot>"; left on at destroy."""
    return [
        gcp.projects.Service(
            f"api-{api.split('.')[0]}",
            disable_dependent_services=False,
            disable_on_destroy=False,
            project=common.gcp_project,
            service=api,
        )
        for api in apis
    ]
