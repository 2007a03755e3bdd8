"""The per-stack settings of the data tier, read and validated before anything is registered (mirrors
infra/lib/src/database_cluster_config.cc)."""
import re
from dataclasses import dataclass

import pulumi

from .config import (
    CONFIG_NAMESPACE,
    CommonConfig,
    get_int_in_range,
    invalid_config,
    require_int_in_range,
    require_one_of,
)
from .labels import standard_labels


@dataclass
class PostgresConfig:
    database_version: str
    edition: str
    tier: str
    availability_type: str
    backups_enabled: bool
    pitr_enabled: bool
    backup_start_time: str
    retained_backups: int
    log_retention_days: int
    max_connections: int
    disk_size_gb: int
    disk_autoresize_limit_gb: int  # 0: no limit
    maintenance_day: int  # 1 (Monday) .. 7 (Sunday)
    maintenance_hour: int
    maintenance_track: str


@dataclass
class RedisConfig:
    tier: str
    memory_size_gb: int
    version: str
    persistence: bool
    snapshot_period: str
    maintenance_day: str
    maintenance_hour: int


@dataclass
class DataVmConfig:
    """The shape of a data VM, read from apex:<vm>* (<vm>: neo4j or qdrant)."""

    machine_type: str
    zone: str
    boot_image: str  # apex:neo4jImage / apex:qdrantBootImage
    boot_disk_size_gb: int
    data_disk_size_gb: int
    data_disk_type: str
    snapshot_start_time: str
    snapshot_retention_days: int


@dataclass
class Neo4jConfig:
    vm: DataVmConfig
    version: str


@dataclass
class QdrantConfig:
    vm: DataVmConfig
    image: str  # a pinned container image


@dataclass
class DatabaseClusterArgs:
    common: CommonConfig
    labels: dict[str, str]
    deletion_protection: bool
    postgres: PostgresConfig
    redis: RedisConfig
    neo4j: Neo4jConfig
    qdrant: QdrantConfig


def _config() -> pulumi.Config:
    return pulumi.Config(CONFIG_NAMESPACE)


def _get_string(key: str, fallback: str) -> str:
    value = _config().get(key)
    return fallback if value is None else value


def _get_one_of(key: str, fallback: str, allowed: list[str]) -> str:
    return fallback if _config().get(key) is None else require_one_of(key, allowed)


def _get_time_of_day(key: str, fallback: str) -> str:
    """'HH:MM', 24-hour, as Cloud SQL backups and snapshot schedules take it."""
    value = _get_string(key, fallback)
    if not re.fullmatch(r"\d\d:\d\d", value) or int(value[:2]) >= 24 or int(value[3:]) >= 60:
        invalid_config(key, f"'{value}' is not a time of day HH:MM")
    return value


def _require_non_empty(key: str, fallback: str) -> str:
    value = _get_string(key, fallback)
    if not value:
        invalid_config(key, "is missing or empty")
    return value


def _load_postgres() -> PostgresConfig:
    database_version = require_one_of("postgresVersion", ["POSTGRES_17", "POSTGRES_18"])
    # Which stacks must run the newest (policy-checks row 14) is the policy pack's rule (infra/policy).
    edition = _get_one_of("postgresEdition", "ENTERPRISE", ["ENTERPRISE", "ENTERPRISE_PLUS"])
    tier = _config().require("postgresTier")
    if not tier.startswith("db-"):
        invalid_config("postgresTier", f"'{tier}' is not a Cloud SQL tier (db-...)")
    if edition == "ENTERPRISE_PLUS" and not tier.startswith("db-perf-optimized-"):
        invalid_config("postgresTier", f"'{tier}' is not an ENTERPRISE_PLUS tier (db-perf-optimized-...)")
    availability_type = require_one_of("postgresAvailability", ["ZONAL", "REGIONAL"])
    backups_enabled = _config().require_bool("postgresBackups")
    pitr_enabled = _config().require_bool("postgresPitr")
    if pitr_enabled and not backups_enabled:
        invalid_config("postgresPitr", "needs apex:postgresBackups true")
    backup_start_time = _get_time_of_day("postgresBackupStartTime", "01:00")
    retained_backups = get_int_in_range("postgresRetainedBackups", 14, 1, 365)
    log_retention_days = get_int_in_range("postgresLogRetentionDays", 7, 1, 7)
    # Logs kept for N days need a backup older than N days; Cloud SQL refuses the pair otherwise.
    if retained_backups <= log_retention_days:
        invalid_config(
            "postgresRetainedBackups",
            f"{retained_backups} daily backups do not cover the {log_retention_days} days of transaction logs "
            "(apex:postgresLogRetentionDays); keep more backups than log days",
        )
    max_connections = require_int_in_range("postgresMaxConnections", 25, 262143)
    disk_size_gb = get_int_in_range("postgresDiskSizeGb", 10, 10, 65536)
    disk_autoresize_limit_gb = get_int_in_range("postgresDiskAutoresizeLimitGb", 0, 0, 65536)
    if disk_autoresize_limit_gb != 0 and disk_autoresize_limit_gb < disk_size_gb:
        invalid_config("postgresDiskAutoresizeLimitGb", "is below apex:postgresDiskSizeGb")
    maintenance_hour = get_int_in_range("postgresMaintenanceHour", 5, 0, 23)
    # Cloud SQL takes a backup some time in the four hours from the start time; maintenance must not fall there.
    backup_hour = int(backup_start_time[:2])
    if backups_enabled and (maintenance_hour - backup_hour + 24) % 24 < 4:
        invalid_config(
            "postgresMaintenanceHour",
            f"{maintenance_hour}:00 falls in the backup window {backup_start_time} + 4 h "
            "(apex:postgresBackupStartTime); move one of them",
        )
    return PostgresConfig(
        database_version=database_version,
        edition=edition,
        tier=tier,
        availability_type=availability_type,
        backups_enabled=backups_enabled,
        pitr_enabled=pitr_enabled,
        backup_start_time=backup_start_time,
        retained_backups=retained_backups,
        log_retention_days=log_retention_days,
        max_connections=max_connections,
        disk_size_gb=disk_size_gb,
        disk_autoresize_limit_gb=disk_autoresize_limit_gb,
        maintenance_day=get_int_in_range("postgresMaintenanceDay", 7, 1, 7),
        maintenance_hour=maintenance_hour,
        maintenance_track=_get_one_of("postgresMaintenanceTrack", "stable", ["canary", "stable", "week5"]),
    )


def _load_redis() -> RedisConfig:
    return RedisConfig(
        tier=require_one_of("redisTier", ["BASIC", "STANDARD_HA"]),
        memory_size_gb=require_int_in_range("redisMemorySizeGb", 1, 300),
        version=_get_one_of("redisVersion", "REDIS_7_2", ["REDIS_6_X", "REDIS_7_0", "REDIS_7_2"]),
        persistence=_config().require_bool("redisPersistence"),
        snapshot_period=_get_one_of(
            "redisSnapshotPeriod", "SIX_HOURS", ["ONE_HOUR", "SIX_HOURS", "TWELVE_HOURS", "TWENTY_FOUR_HOURS"]
        ),
        maintenance_day=_get_one_of(
            "redisMaintenanceDay",
            "SUNDAY",
            ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"],
        ),
        maintenance_hour=get_int_in_range("redisMaintenanceHour", 3, 0, 23),
    )


def _load_data_vm(common: CommonConfig, vm: str, image_key: str) -> DataVmConfig:
    """The shape of the data VM `vm` (neo4j or qdrant) from apex:<vm>*; its boot image from `image_key`."""
    machine_type = _require_non_empty(f"{vm}MachineType", "")
    zone = _require_non_empty(f"{vm}Zone", f"{common.region}-a")
    if not zone.startswith(f"{common.region}-"):
        invalid_config(f"{vm}Zone", f"'{zone}' is not a zone of {common.region}")
    return DataVmConfig(
        machine_type=machine_type,
        zone=zone,
        boot_image=_require_non_empty(image_key, "debian-cloud/debian-12"),
        boot_disk_size_gb=get_int_in_range(f"{vm}BootDiskSizeGb", 20, 10, 1000),
        data_disk_size_gb=require_int_in_range(f"{vm}DataDiskSizeGb", 10, 65536),
        data_disk_type=_get_one_of(f"{vm}DataDiskType", "pd-ssd", ["pd-balanced", "pd-ssd"]),
        snapshot_start_time=_get_time_of_day(f"{vm}SnapshotStartTime", "04:00"),
        snapshot_retention_days=get_int_in_range(f"{vm}SnapshotRetentionDays", 7, 1, 365),
    )


def _load_neo4j(common: CommonConfig) -> Neo4jConfig:
    vm = _load_data_vm(common, "neo4j", "neo4jImage")
    return Neo4jConfig(vm=vm, version=_require_non_empty("neo4jVersion", ""))


def _load_qdrant(common: CommonConfig) -> QdrantConfig:
    vm = _load_data_vm(common, "qdrant", "qdrantBootImage")
    image = _require_non_empty("qdrantImage", "")
    # A tag after the last '/' (a ':' before it is a registry port), and not the moving `latest`.
    last = image.rsplit("/", 1)[-1]
    _, colon, tag = last.partition(":")
    if not colon or not tag or tag == "latest":
        invalid_config("qdrantImage", f"'{image}' must be pinned to a version tag, e.g. qdrant/qdrant:v1.13.4")
    return QdrantConfig(vm=vm, image=image)


def load_database_cluster_args(common: CommonConfig) -> DatabaseClusterArgs:
    args = DatabaseClusterArgs(
        common=common,
        labels=standard_labels(common),
        deletion_protection=_config().require_bool("deletionProtection"),
        postgres=_load_postgres(),
        redis=_load_redis(),
        neo4j=_load_neo4j(common),
        qdrant=_load_qdrant(common),
    )
    return args
