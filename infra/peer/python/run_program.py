"""Runs a Pulumi Python program as pulumi-language-python-exec does under `pulumi preview`/`up`, with the
settings taken from the environment a language host sets (PULUMI_MONITOR, PULUMI_ENGINE, PULUMI_PROJECT,
PULUMI_STACK, PULUMI_ORGANIZATION, PULUMI_DRY_RUN, PULUMI_PARALLEL, PULUMI_CONFIG,
PULUMI_CONFIG_SECRET_KEYS, PULUMI_ROOT_DIRECTORY).

    python run_program.py PROGRAM_DIR

PROGRAM_DIR holds __main__.py; its parent is put on sys.path, so programs import the shared `apex` package.
Exits 0 when the program ran, 1 when it failed (the error is logged to the engine, as the exec script does).
"""
import asyncio
import logging
import os
import runpy
import sys
import traceback

import pulumi
import pulumi.runtime


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    program = os.path.abspath(sys.argv[1])
    env = os.environ

    pulumi.runtime.set_all_config(pulumi.runtime.get_config_env(), pulumi.runtime.get_config_secret_keys_env())
    pulumi.runtime.configure(
        pulumi.runtime.Settings(
            monitor=env["PULUMI_MONITOR"],
            engine=env["PULUMI_ENGINE"],
            project=env["PULUMI_PROJECT"],
            stack=env["PULUMI_STACK"],
            parallel=int(env.get("PULUMI_PARALLEL", "4")),
            dry_run=env.get("PULUMI_DRY_RUN") == "true",
            organization=env.get("PULUMI_ORGANIZATION"),
            root_directory=env.get("PULUMI_ROOT_DIRECTORY"),
        )
    )
    sys.path.insert(0, os.path.dirname(program))
    sys.argv = [program]

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    # As the exec script: asyncio's complaints about unobserved futures of a failed program are noise.
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    successful = False
    try:
        loop.run_until_complete(pulumi.runtime.run_in_stack(lambda: runpy.run_path(program, run_name="__main__")))
        successful = True
    except pulumi.RunError as e:
        pulumi.log.error(str(e))
    except Exception:  # noqa: BLE001 reported to the engine like the exec script does
        pulumi.log.error("Program failed with an unhandled exception:\n" + traceback.format_exc())
    finally:
        loop.close()
        sys.stdout.flush()
        sys.stderr.flush()
    return 0 if successful else 1


if __name__ == "__main__":
    sys.exit(main())
